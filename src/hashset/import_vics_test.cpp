#include <gtest/gtest.h>

#include <string>

#include "hashset/collecting_sink.h"

namespace ngb::hashset {
namespace {

// Synthetic digests only.
const std::string kMd5a = "0123456789ABCDEF0123456789ABCDEF";
const std::string kMd5b = "fedcba9876543210fedcba9876543210";
const std::string kSha1a = "0000111122223333444455556666777788889999";
const std::string kVicsPdq = "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f";

const char* kModel20 = "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media";
const char* kModel13 = "http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Media";

// The 2.0 envelope up to the start of the value array's content.
std::string Head20() { return std::string("{\"@odata.context\":\"") + kModel20 + "\",\"value\":[\n"; }

// `good` records came through and exactly one bad row with `reason` at `line` (0: any) and
// `record` (0: any).
void ExpectOneBad(const CollectingSink& s, size_t good, const std::string& reason, uint64_t line, uint64_t record) {
  ASSERT_TRUE(s.status.ok()) << s.status.ToString();
  EXPECT_EQ(s.good.size(), good);
  ASSERT_EQ(s.bad.size(), 1u);
  EXPECT_EQ(s.bad[0].reason, reason);
  if (line) {
    EXPECT_EQ(s.bad[0].pos.line, line);
  }
  if (record) {
    EXPECT_EQ(s.bad[0].pos.record, record);
  }
}

class Vics : public ::testing::TestWithParam<size_t> {
 protected:
  CollectingSink Parse(const std::string& text) { return ParseText(ImportFormat::kVics, text, GetParam()); }
};

TEST_P(Vics, HashSetFile20) {
  const std::string text = Head20() + "{\"MediaID\":1,\"Category\":1,\"MD5\":\"" + kMd5a + "\",\"SHA1\":\"" + kSha1a +
                           "\",\"VictimIdentified\":true,\"Series\":\"Series A\",\"Tags\":[\"t1\",\"t2\"],"
                           "\"MediaSize\":12345,\"Name\":\"x{y}.jpg\",\"Comment\":\"a \\\"quoted\\\" ] brace\"},\n"
                           "{\"MediaID\":2,\"Category\":null,\"MD5\":\"" +
                           kMd5b +
                           "\",\"SHA1\":\"\","
                           "\"MediaFiles\":[{\"FileName\":\"orig.png\",\"FilePath\":\"/DCIM/orig.png\"}],"
                           "\"VictimIdentified\":false}\n]}\n";
  CollectingSink s = Parse(text);
  ASSERT_TRUE(s.status.ok()) << s.status.ToString();
  ASSERT_TRUE(s.bad.empty()) << Describe(s.bad[0]);
  ASSERT_EQ(s.good.size(), 2u);
  const ParsedRecord& a = s.good[0].record;
  EXPECT_EQ(DigestHex(a.md5), AsciiLower(kMd5a));
  EXPECT_EQ(DigestHex(a.sha1), kSha1a);
  EXPECT_EQ(a.category, 1);
  EXPECT_EQ(a.victim_identified, true);
  EXPECT_EQ(a.series, "Series A");
  EXPECT_EQ(a.tags, (std::vector<std::string>{"t1", "t2"}));
  EXPECT_EQ(a.size, 12345u);
  EXPECT_EQ(a.file_name, "x{y}.jpg");
  EXPECT_EQ(s.good[0].pos.line, 2u);
  EXPECT_EQ(s.good[0].pos.record, 1u);
  const ParsedRecord& b = s.good[1].record;
  EXPECT_FALSE(b.category);
  EXPECT_FALSE(b.sha1);  // "" is absent
  EXPECT_EQ(b.file_name, "orig.png");
  EXPECT_EQ(b.victim_identified, false);
  EXPECT_EQ(s.good[1].pos.line, 3u);
  EXPECT_EQ(s.good[1].pos.record, 2u);
  EXPECT_EQ(s.info.version, "2.0");
  EXPECT_EQ(s.info.layout, "media");
}

TEST_P(Vics, Envelope13WithStringBooleans) {
  const std::string text = std::string("\xEF\xBB\xBF{\r\n  \"odata.metadata\": \"") + kModel13 +
                           "\",\r\n  \"value\": [\r\n"
                           "    {\"odata.id\": \"http://x/Media(1)\", \"MediaID\": \"1\", \"Category\": \"2\", "
                           "\"MD5\": \"  " +
                           AsciiLower(kMd5a) +
                           "  \", \"VictimIdentified\": \"True\", "
                           "\"IsPrecategorized\": \"false\", \"Tags\": \"a, b;c|d\"},\r\n"
                           "    {\"MD5\": \"" +
                           kMd5b +
                           "\", \"VictimIdentified\": \"false\", \"Category\": \"\"}\r\n"
                           "  ]\r\n}";
  CollectingSink s = Parse(text);
  ASSERT_TRUE(s.status.ok()) << s.status.ToString();
  ASSERT_TRUE(s.bad.empty()) << Describe(s.bad[0]);
  ASSERT_EQ(s.good.size(), 2u);
  EXPECT_EQ(s.good[0].record.category, 2);
  EXPECT_EQ(s.good[0].record.victim_identified, true);
  EXPECT_EQ(DigestHex(s.good[0].record.md5), AsciiLower(kMd5a));
  EXPECT_EQ(s.good[0].record.tags, (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(s.good[0].pos.line, 4u);
  EXPECT_EQ(s.good[1].record.victim_identified, false);
  EXPECT_FALSE(s.good[1].record.category);
  EXPECT_EQ(s.info.version, "1.3");
}

TEST_P(Vics, CaseFileMediaInsideCases) {
  const std::string text =
      "{\"@odata.context\":\"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases\","
      "\"value\":[{\"CaseID\":\"c-1\",\"CaseNumber\":\"OP-1\",\"Extra\":{\"Media\":[1,2]},\"Media\":[\n"
      "{\"MediaID\":1,\"Category\":3,\"MD5\":\"" +
      kMd5a +
      "\"},\n"
      "{\"MediaID\":2,\"Category\":4,\"MD5\":\"" +
      kMd5b +
      "\"}],\"SourceApplicationName\":\"x\"},\n"
      "{\"CaseID\":\"c-2\",\"Media\":[]},{\"CaseID\":\"c-3\",\"Media\":[{\"SHA1\":\"" +
      kSha1a + "\"}]}]}";
  CollectingSink s = Parse(text);
  ASSERT_TRUE(s.status.ok()) << s.status.ToString();
  ASSERT_TRUE(s.bad.empty()) << Describe(s.bad[0]);
  ASSERT_EQ(s.good.size(), 3u);
  EXPECT_EQ(s.good[0].record.category, 3);
  EXPECT_EQ(s.good[0].pos.record, 1u);
  EXPECT_EQ(s.good[0].pos.line, 2u);
  EXPECT_EQ(s.good[1].record.category, 4);
  EXPECT_EQ(s.good[2].pos.record, 3u);
  EXPECT_EQ(DigestHex(s.good[2].record.sha1), kSha1a);
  EXPECT_EQ(s.info.layout, "cases");
}

TEST_P(Vics, PdqFromAlternativeHashesOrField) {
  const std::string text = std::string("{\"@odata.context\":\"") + kModel20 + "\",\"value\":[" + "{\"MD5\":\"" + kMd5a +
                           "\",\"AlternativeHashes\":[{\"HashName\":\"PhotoDNA\","
                           "\"HashValue\":\"AAAA\"},{\"HashName\":\"pdq\",\"HashValue\":\"" +
                           kVicsPdq +
                           "\",\"Quality\":88}]},"
                           "{\"PDQ\":\"" +
                           kVicsPdq + "\",\"PDQQuality\":\"61\"}]}";
  CollectingSink s = Parse(text);
  ASSERT_TRUE(s.bad.empty()) << Describe(s.bad[0]);
  ASSERT_EQ(s.good.size(), 2u);
  EXPECT_EQ(s.good[0].record.pdq->ToHex(), kVicsPdq);
  EXPECT_EQ(s.good[0].record.pdq_quality, 88);
  EXPECT_EQ(s.good[1].record.pdq->ToHex(), kVicsPdq);
  EXPECT_EQ(s.good[1].record.pdq_quality, 61);
  EXPECT_FALSE(s.good[1].record.md5);
}

TEST_P(Vics, BadRecordsAreReportedAndSkipped) {
  const std::string text = Head20() + "{\"MD5\":\"" + kMd5a.substr(1) +
                           "\"},\n"  // 1: bad_md5 (line 2)
                           "{\"MD5\":\"" +
                           kMd5a +
                           "\",\"Category\":\"x\"},\n"  // 2: bad_category
                           "{\"MD5\":\"" +
                           kMd5a +
                           "\",\"Category\":100},\n"  // 3: bad_category
                           "{\"MD5\":\"" +
                           kMd5a +
                           "\",\"VictimIdentified\":\"maybe\"},\n"  // 4: bad_boolean
                           "{\"Category\":1},\n"                    // 5: no_hash
                           "42,\n"                                  // 6: not_an_object
                           "{\"MD5\":\"" +
                           kMd5a +
                           "\",\"Category\":1 \"x\":2},\n"  // 7: malformed_json
                           "{\"MD5\":\"" +
                           kMd5b +
                           "\",\"MediaSize\":-5},\n"  // 8: bad_size
                           "{\"MD5\":\"" +
                           kMd5b +
                           "\"}\n"  // 9: good (line 10)
                           "]}";
  CollectingSink s = Parse(text);
  ASSERT_TRUE(s.status.ok()) << s.status.ToString();
  ASSERT_EQ(s.good.size(), 1u);
  EXPECT_EQ(s.good[0].pos.record, 9u);
  EXPECT_EQ(s.good[0].pos.line, 10u);
  const std::vector<std::string> reasons = {"bad_md5", "bad_category",  "bad_category",   "bad_boolean",
                                            "no_hash", "not_an_object", "malformed_json", "bad_size"};
  ASSERT_EQ(s.bad.size(), reasons.size());
  for (size_t i = 0; i < reasons.size(); ++i) {
    EXPECT_EQ(s.bad[i].reason, reasons[i]) << i;
    EXPECT_EQ(s.bad[i].pos.record, i + 1) << i;
    EXPECT_EQ(s.bad[i].pos.line, i + 2) << i;
  }
  EXPECT_EQ(s.info.records, 9u);
}

TEST_P(Vics, TruncatedFileKeepsEarlierRecords) {
  ExpectOneBad(Parse(Head20() + "{\"MD5\":\"" + kMd5a + "\"},\n{\"MD5\":\"" + kMd5b), 1, "truncated", 3, 2);
}

TEST_P(Vics, BrokenEnvelopeStopsWithOneBadRow) {
  ExpectOneBad(Parse(Head20() + "{\"MD5\":\"" + kMd5a + "\"} x {\"MD5\":\"" + kMd5b + "\"}]}"), 1, "malformed_json", 2,
               0);
}

TEST_P(Vics, TrailingDataAndMismatchedBrackets) {
  ExpectOneBad(Parse("{\"value\":[{\"MD5\":\"" + kMd5a + "\"}]} garbage"), 1, "trailing_data", 1, 0);
  ExpectOneBad(Parse("{\"value\":[{\"MD5\":\"" + kMd5a + "\",\"X\":[}]}"), 0, "malformed_json", 1, 0);
}

TEST_P(Vics, NotVics) {
  for (const std::string text : {"", "   ", "[1,2]", "{\"a\":1}", "{\"value\":3}", "\xEF\xBB{}"}) {
    CollectingSink s = Parse(text);
    EXPECT_EQ(s.status.reason(), "not_vics") << text;
    EXPECT_TRUE(s.good.empty());
  }
}

TEST_P(Vics, DeepNestingIsRejectedNotRecursed) {
  std::string deep = "{\"value\":[{\"MD5\":\"" + kMd5a + "\",\"x\":";
  for (int i = 0; i < 200; ++i) deep += "[";
  CollectingSink s = Parse(deep);
  EXPECT_TRUE(s.good.empty());
  ASSERT_EQ(s.bad.size(), 1u);
  EXPECT_EQ(s.bad[0].reason, "malformed_json");
}

INSTANTIATE_TEST_SUITE_P(Chunks, Vics, ::testing::Values(1, 3, 16, 1 << 20));

TEST(VicsLimits, OversizedMediaObjectIsOneBadRecord) {
  const std::string big(kMaxVicsRecord + 100, 'x');
  const std::string text =
      "{\"value\":[{\"MD5\":\"" + kMd5a + "\",\"Blob\":\"" + big + "\"},{\"MD5\":\"" + kMd5b + "\"}]}";
  CollectingSink s = ParseText(ImportFormat::kVics, text, 4096);
  ExpectOneBad(s, 1, "record_too_large", 1, 1);
  EXPECT_EQ(s.good[0].pos.record, 2u);
}

}  // namespace
}  // namespace ngb::hashset
