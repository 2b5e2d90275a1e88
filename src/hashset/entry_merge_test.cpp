#include "hashset/entry_merge.h"

#include <gtest/gtest.h>

#include "hashset/dedup_table.h"
#include "hashset/format_detect.h"

namespace ngb::hashset {
namespace {

ParsedRecord WithCategory(std::optional<int> c) {
  ParsedRecord r;
  r.category = c;
  return r;
}

TEST(EntryMerge, MostSevereCategoryWinsAndAllAreKept) {
  MergeCounters c;
  EntryLabels l = LabelsOf(WithCategory(0));
  EXPECT_TRUE(MergeLabels(l, WithCategory(3), c));
  EXPECT_TRUE(MergeLabels(l, WithCategory(1), c));
  EXPECT_FALSE(MergeLabels(l, WithCategory(3), c));  // already known
  EXPECT_FALSE(MergeLabels(l, WithCategory(std::nullopt), c));
  EXPECT_TRUE(MergeLabels(l, WithCategory(7), c));
  EXPECT_EQ(l.category(), 1);
  EXPECT_EQ(l.categories, (std::vector<int>{1, 3, 7, 0}));
  EXPECT_EQ(c.category_conflicts, 3u);
  EXPECT_EQ(JoinCategories(l.categories), "1,3,7,0");
  EXPECT_EQ(SplitCategories("1,3,7,0"), l.categories);
  EXPECT_TRUE(SplitCategories("").empty());
}

TEST(EntryMerge, SeverityOrder) {
  EXPECT_GT(CategorySeverity(1), CategorySeverity(2));
  EXPECT_GT(CategorySeverity(2), CategorySeverity(3));
  EXPECT_GT(CategorySeverity(3), CategorySeverity(4));
  EXPECT_GT(CategorySeverity(4), CategorySeverity(9));
  EXPECT_GT(CategorySeverity(9), CategorySeverity(0));
}

TEST(EntryMerge, VictimIdentifiedTrueWins) {
  MergeCounters c;
  ParsedRecord r;
  EntryLabels l = LabelsOf(r);
  EXPECT_FALSE(l.victim_identified);
  r.victim_identified = false;
  EXPECT_TRUE(MergeLabels(l, r, c));
  EXPECT_EQ(l.victim_identified, false);
  r.victim_identified = true;
  EXPECT_TRUE(MergeLabels(l, r, c));
  r.victim_identified = false;
  EXPECT_FALSE(MergeLabels(l, r, c));
  EXPECT_EQ(l.victim_identified, true);
}

TEST(EntryMerge, SeriesTagsNamesSizesPdq) {
  MergeCounters c;
  ParsedRecord a;
  a.series = "S1";
  a.tags = {"x", "y"};
  a.file_name = "first.jpg";
  a.pdq = Hash256::ParseHex(std::string(64, 'a'));
  a.pdq_quality = 90;
  EntryLabels l = LabelsOf(a);
  ParsedRecord b;
  b.series = "S2";
  b.tags = {"y", "z"};
  b.file_name = "second.jpg";
  b.size = 10;
  b.pdq = Hash256::ParseHex(std::string(64, 'b'));
  EXPECT_TRUE(MergeLabels(l, b, c));
  EXPECT_EQ(l.series, (std::vector<std::string>{"S1", "S2"}));
  EXPECT_EQ(l.tags, (std::vector<std::string>{"x", "y", "z"}));
  EXPECT_EQ(l.file_name, "first.jpg");
  EXPECT_EQ(l.size, 10u);
  EXPECT_EQ(l.pdq->ToHex(), std::string(64, 'a'));
  EXPECT_EQ(l.pdq_quality, 90);
  EXPECT_EQ(c.pdq_conflicts, 1u);
  EXPECT_EQ(JoinSeries(l.series), "S1; S2");
  EXPECT_EQ(SplitSeries("S1; S2"), l.series);
  EXPECT_EQ(TagsFromJson(TagsJson(l.tags)), l.tags);
  EXPECT_EQ(TagsJson({}), "");
  EXPECT_TRUE(TagsFromJson("not json").empty());
}

TEST(EntryMerge, TagsAreCapped) {
  MergeCounters c;
  EntryLabels l;
  ParsedRecord r;
  for (size_t i = 0; i < 2 * kMaxTags; ++i) {
    r.tags = {"t" + std::to_string(i)};
    MergeLabels(l, r, c);
  }
  EXPECT_EQ(l.tags.size(), kMaxTags);
}

TEST(DedupTable, SipHashReferenceVector) {
  // SipHash-2-4, key 00..0f, message 00..0e (15 bytes): 0xa129ca6149be45e5 (reference vectors).
  uint8_t msg[15];
  for (int i = 0; i < 15; ++i) msg[i] = static_cast<uint8_t>(i);
  EXPECT_EQ(SipHash24(msg, 15, 0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL), 0xa129ca6149be45e5ULL);
  EXPECT_EQ(SipHash24(msg, 0, 0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL), 0x726fdb47dd0e0e31ULL);
}

TEST(DedupTable, FindsWhatWasInserted) {
  DedupTable<16> index;
  std::array<uint8_t, 16> d{};
  for (uint32_t i = 0; i < 50000; ++i) {
    d[0] = static_cast<uint8_t>(i);
    d[1] = static_cast<uint8_t>(i >> 8);
    d[2] = static_cast<uint8_t>(i >> 16);
    ASSERT_EQ(index.Find(d), DedupTable<16>::kNone);
    index.Insert(d, i * 3);
  }
  EXPECT_EQ(index.size(), 50000u);
  for (uint32_t i = 0; i < 50000; i += 7) {
    d[0] = static_cast<uint8_t>(i);
    d[1] = static_cast<uint8_t>(i >> 8);
    d[2] = static_cast<uint8_t>(i >> 16);
    EXPECT_EQ(index.Find(d), i * 3);
  }
  d[15] = 1;
  EXPECT_EQ(index.Find(d), DedupTable<16>::kNone);
}

std::span<const uint8_t> Bytes(std::string_view s) { return {reinterpret_cast<const uint8_t*>(s.data()), s.size()}; }

TEST(FormatDetect, ByContent) {
  const std::string md5 = "00112233445566778899aabbccddeeff";
  const std::string h64(64, 'c');
  EXPECT_EQ(*DetectFormat(Bytes(std::string("SQLite format 3\0rest", 20)), "x"), ImportFormat::kNsrl);
  EXPECT_EQ(*DetectFormat(Bytes("\xEF\xBB\xBF \n{\"value\":[]}"), "x"), ImportFormat::kVics);
  EXPECT_EQ(*DetectFormat(Bytes("%%%% HASHDEEP-1.0\n%%%% size,md5,filename\n"), "x"), ImportFormat::kHashdeep);
  EXPECT_EQ(*DetectFormat(Bytes("# c\n" + md5 + "  a\n"), "x"), ImportFormat::kMd5sum);
  EXPECT_EQ(*DetectFormat(Bytes("MD5 (a) = " + md5 + "\n"), "x"), ImportFormat::kMd5sum);
  EXPECT_EQ(*DetectFormat(Bytes("hash,quality\n" + h64 + ",90\n"), "x"), ImportFormat::kPdq);
  EXPECT_EQ(*DetectFormat(Bytes(h64 + "\n"), "list.txt"), ImportFormat::kMd5sum);
  EXPECT_EQ(*DetectFormat(Bytes(h64 + "\r\n"), "known-PDQ.txt"), ImportFormat::kPdq);
  EXPECT_EQ(DetectFormat(Bytes("hello world\n"), "x").status().reason(), "unknown_format");
  EXPECT_EQ(DetectFormat(Bytes(""), "x").status().reason(), "unknown_format");
}

}  // namespace
}  // namespace ngb::hashset
