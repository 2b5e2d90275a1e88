#include "source/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/spool.h"

#include "testing/archive_writer.h"
#include "testing/temp_dir.h"

namespace ngb::source {
namespace {

using Formats = ArchiveReader::Formats;

using ngb::testing::TempDir;

using testing::ArchiveSetup;
using testing::Member;
using testing::PaxGz;
using testing::PaxZstd;
using testing::RawGz;
using testing::RawZstd;
using testing::SevenZip;
using testing::WriteArchive;
using testing::Zip;
using testing::Pax;

bool ZstdWriteSupported() {
  struct archive* a = archive_write_new();
  const bool ok = archive_write_add_filter_zstd(a) == ARCHIVE_OK;
  archive_write_free(a);
  return ok;
}

std::string Pattern(size_t n, unsigned seed) {
  std::string s(n, '\0');
  uint32_t x = seed * 2654435761u + 1;
  for (size_t i = 0; i < n; ++i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    s[i] = static_cast<char>(x);
  }
  return s;
}

// ---- Reading ----

struct Got {
  ArchiveEntry entry;
  std::string data;
};

struct ReadResult {
  Status open;
  std::vector<Got> members;
  Status error;  // first non-ok from Next() or Data().Next()
  bool raw = false;
  std::string format;
  uint64_t consumed = 0;
};

Status DrainMember(ByteStream& s, std::string& out) {
  for (;;) {
    Result<std::span<const uint8_t>> r = s.Next();
    if (!r.ok()) return r.status();
    if (r->empty()) return Status::Ok();
    out.append(reinterpret_cast<const char*>(r->data()), r->size());
  }
}

class ArchiveReaderTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_FALSE(dir_.path().empty()); }

  // Reads every member (and its data) from `bytes` held in a Spool.
  ReadResult ReadAll(const std::string& bytes, Formats formats, uint64_t spool_memory = 1ull << 30) {
    pipeline::Spool spool(dir_.path(), spool_memory);
    ReadResult out;
    EXPECT_TRUE(spool.Append({reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()}).ok());
    ArchiveReader reader(spool, formats);
    out.open = reader.Open();
    if (!out.open.ok()) return out;
    for (;;) {
      Result<std::optional<ArchiveEntry>> n = reader.Next();
      if (!n.ok()) {
        out.error = n.status();
        break;
      }
      if (!n->has_value()) break;
      Got g{std::move(**n), {}};
      Status s = DrainMember(reader.Data(), g.data);
      out.members.push_back(std::move(g));
      if (!s.ok()) {
        out.error = s;
        break;
      }
    }
    out.raw = reader.raw();
    out.format = reader.format_name();
    out.consumed = reader.input_consumed();
    return out;
  }

  TempDir dir_;
};

TEST_F(ArchiveReaderTest, ZipMembersRoundTrip) {
  const std::string big = Pattern(700'000, 1);
  const std::string bytes = WriteArchive(Zip(), {
                                                    {"docs/", "", AE_IFDIR},
                                                    {"docs/a.txt", "hello world\n"},
                                                    {"docs/big.bin", big},
                                                    {"link", "", AE_IFLNK, "docs/a.txt"},
                                                    {"empty.txt", ""},
                                                });
  ASSERT_FALSE(bytes.empty());
  ReadResult r = ReadAll(bytes, Formats::kArchives);
  ASSERT_TRUE(r.open.ok()) << r.open.ToString();
  ASSERT_TRUE(r.error.ok()) << r.error.ToString();
  EXPECT_FALSE(r.raw);
  EXPECT_NE(r.format.find("ZIP"), std::string::npos) << r.format;
  ASSERT_EQ(r.members.size(), 5u);

  EXPECT_EQ(r.members[0].entry.name, "docs/");
  EXPECT_EQ(r.members[0].entry.kind, ItemKind::kDirectory);

  EXPECT_EQ(r.members[1].entry.name, "docs/a.txt");
  EXPECT_EQ(r.members[1].entry.kind, ItemKind::kMember);
  EXPECT_EQ(r.members[1].data, "hello world\n");
  ASSERT_TRUE(r.members[1].entry.size.has_value());
  EXPECT_EQ(*r.members[1].entry.size, 12u);
  ASSERT_TRUE(r.members[1].entry.mtime.has_value());
  EXPECT_EQ(*r.members[1].entry.mtime / 1'000'000'000, 1'700'000'000);
  ASSERT_TRUE(r.members[1].entry.mode.has_value());
  EXPECT_EQ(*r.members[1].entry.mode & 0777, 0644u);

  EXPECT_EQ(r.members[2].entry.name, "docs/big.bin");
  EXPECT_EQ(r.members[2].data.size(), big.size());
  EXPECT_TRUE(r.members[2].data == big);

  EXPECT_EQ(r.members[3].entry.name, "link");
  EXPECT_EQ(r.members[3].entry.kind, ItemKind::kSymlink);
  EXPECT_EQ(r.members[3].entry.link_target, "docs/a.txt");
  EXPECT_FALSE(r.members[3].entry.hardlink);

  EXPECT_EQ(r.members[4].entry.name, "empty.txt");
  EXPECT_EQ(r.members[4].entry.kind, ItemKind::kMember);
  EXPECT_TRUE(r.members[4].data.empty());
  EXPECT_FALSE(r.members[4].entry.encrypted);

  EXPECT_GT(r.consumed, 0u);
}

TEST_F(ArchiveReaderTest, ZipReadFromFileBackedSpool) {
  const std::string big = Pattern(300'000, 2);
  const std::string bytes = WriteArchive(Zip(), {{"a.bin", big}, {"b.txt", "bee"}});
  ASSERT_FALSE(bytes.empty());
  ReadResult r = ReadAll(bytes, Formats::kArchives, /*spool_memory=*/1024);
  ASSERT_TRUE(r.open.ok()) << r.open.ToString();
  ASSERT_TRUE(r.error.ok()) << r.error.ToString();
  ASSERT_EQ(r.members.size(), 2u);
  EXPECT_TRUE(r.members[0].data == big);
  EXPECT_EQ(r.members[1].data, "bee");
}

TEST_F(ArchiveReaderTest, PaxTarGzipKeepsNamesKindsTimesAndBytes) {
  const std::string data = Pattern(100'000, 3);
  const std::string bytes = WriteArchive(PaxGz(), {
                                                      {"d", "", AE_IFDIR, "", false, 1'600'000'000, 0, 0755},
                                                      {"d/f.bin", data, AE_IFREG, "", false, 1'600'000'001, 123'456'789},
                                                      {"d/sl", "", AE_IFLNK, "../target with space"},
                                                      {"d/hl", "", AE_IFREG, "d/f.bin", true},
                                                      {"d/\xFF\xFEname", "x"},
                                                  });
  ASSERT_FALSE(bytes.empty());
  ReadResult r = ReadAll(bytes, Formats::kArchives);
  ASSERT_TRUE(r.open.ok()) << r.open.ToString();
  ASSERT_TRUE(r.error.ok()) << r.error.ToString();
  ASSERT_EQ(r.members.size(), 5u);

  EXPECT_EQ(r.members[0].entry.name, "d/");  // tar stores folders with a trailing slash
  EXPECT_EQ(r.members[0].entry.kind, ItemKind::kDirectory);
  ASSERT_TRUE(r.members[0].entry.mode.has_value());
  EXPECT_EQ(*r.members[0].entry.mode & 07777, 0755u);

  EXPECT_EQ(r.members[1].entry.name, "d/f.bin");
  EXPECT_EQ(r.members[1].entry.kind, ItemKind::kMember);
  ASSERT_TRUE(r.members[1].entry.mtime.has_value());
  EXPECT_EQ(*r.members[1].entry.mtime, int64_t{1'600'000'001} * 1'000'000'000 + 123'456'789);
  ASSERT_TRUE(r.members[1].entry.size.has_value());
  EXPECT_EQ(*r.members[1].entry.size, data.size());
  EXPECT_TRUE(r.members[1].data == data);

  EXPECT_EQ(r.members[2].entry.kind, ItemKind::kSymlink);
  EXPECT_EQ(r.members[2].entry.link_target, "../target with space");

  EXPECT_EQ(r.members[3].entry.name, "d/hl");
  EXPECT_TRUE(r.members[3].entry.hardlink);
  EXPECT_EQ(r.members[3].entry.link_target, "d/f.bin");

  EXPECT_EQ(r.members[4].entry.name, "d/\xFF\xFEname");  // raw bytes, not re-encoded
  EXPECT_EQ(r.members[4].data, "x");
}

TEST_F(ArchiveReaderTest, PaxTarZstdRoundTrip) {
  if (!ZstdWriteSupported()) GTEST_SKIP() << "libarchive without zstd";
  const std::string data = Pattern(1'000'000, 4);
  const std::string bytes = WriteArchive(PaxZstd(), {{"one", data}, {"two", "2"}});
  ASSERT_FALSE(bytes.empty());
  ReadResult r = ReadAll(bytes, Formats::kArchivesOrRaw);
  ASSERT_TRUE(r.open.ok()) << r.open.ToString();
  ASSERT_TRUE(r.error.ok()) << r.error.ToString();
  EXPECT_FALSE(r.raw);
  ASSERT_EQ(r.members.size(), 2u);
  EXPECT_TRUE(r.members[0].data == data);
  EXPECT_EQ(r.members[1].data, "2");
}

TEST_F(ArchiveReaderTest, SevenZipRoundTrip) {
  const std::string data = Pattern(200'000, 5);
  const std::string bytes = WriteArchive(SevenZip(), {{"dir", "", AE_IFDIR}, {"dir/x.bin", data}, {"y.txt", "why"}});
  ASSERT_FALSE(bytes.empty());
  ASSERT_EQ(bytes.substr(0, 6), std::string("7z\xBC\xAF\x27\x1C", 6));
  ReadResult r = ReadAll(bytes, Formats::kArchives);
  ASSERT_TRUE(r.open.ok()) << r.open.ToString();
  ASSERT_TRUE(r.error.ok()) << r.error.ToString();
  ASSERT_EQ(r.members.size(), 3u);
  // The 7-Zip writer orders entries itself (files first): look members up by name.
  auto find = [&](const std::string& name) -> const Got* {
    for (const Got& g : r.members) {
      if (g.entry.name == name) return &g;
    }
    return nullptr;
  };
  const Got* d = find("dir/") ? find("dir/") : find("dir");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->entry.kind, ItemKind::kDirectory);
  const Got* x = find("dir/x.bin");
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(x->entry.kind, ItemKind::kMember);
  EXPECT_TRUE(x->data == data);
  const Got* y = find("y.txt");
  ASSERT_NE(y, nullptr);
  EXPECT_EQ(y->data, "why");
}

TEST_F(ArchiveReaderTest, UnreadMembersAreSkipped) {
  const std::string big = Pattern(1 << 20, 6);
  for (const ArchiveSetup& setup : {Pax(), Zip(), PaxGz()}) {
    const std::string bytes = WriteArchive(setup, {{"big", big}, {"small", "tail"}});
    ASSERT_FALSE(bytes.empty());
    pipeline::Spool spool(dir_.path(), 1ull << 30);
    ASSERT_TRUE(spool.Append({reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()}).ok());
    ArchiveReader reader(spool, Formats::kArchives);
    ASSERT_TRUE(reader.Open().ok());
    Result<std::optional<ArchiveEntry>> a = reader.Next();
    ASSERT_TRUE(a.ok() && a->has_value());
    // Read only the first chunk of "big", then move on.
    Result<std::span<const uint8_t>> first = reader.Data().Next();
    ASSERT_TRUE(first.ok());
    ASSERT_FALSE(first->empty());
    EXPECT_EQ(std::memcmp(first->data(), big.data(), first->size()), 0);
    Result<std::optional<ArchiveEntry>> b = reader.Next();
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    ASSERT_TRUE(b->has_value());
    EXPECT_EQ((*b)->name, "small");
    std::string data;
    ASSERT_TRUE(DrainMember(reader.Data(), data).ok());
    EXPECT_EQ(data, "tail");
    Result<std::optional<ArchiveEntry>> end = reader.Next();
    ASSERT_TRUE(end.ok());
    EXPECT_FALSE(end->has_value());
  }
}

TEST_F(ArchiveReaderTest, HostileMemberNamesAreReturnedVerbatim) {
  const std::vector<std::string> names = {"../../x", "a/../../../etc/passwd", "..", "dir/./../y"};
  for (const ArchiveSetup& setup : {Pax(), Zip()}) {
    std::vector<Member> members;
    for (const std::string& n : names) members.push_back({n, "payload:" + n});
    const std::string bytes = WriteArchive(setup, members);
    ASSERT_FALSE(bytes.empty());
    ReadResult r = ReadAll(bytes, Formats::kArchives);
    ASSERT_TRUE(r.open.ok()) << r.open.ToString();
    ASSERT_TRUE(r.error.ok()) << r.error.ToString();
    ASSERT_EQ(r.members.size(), names.size());
    for (size_t i = 0; i < names.size(); ++i) {
      EXPECT_EQ(r.members[i].entry.name, names[i]) << r.format;
      EXPECT_EQ(r.members[i].data, "payload:" + names[i]);
    }
  }
}

// Reads a container truncated at `keep` bytes; expects a non-ok status somewhere along the way.
void ExpectTruncationReported(const ReadResult& r, const std::string& what) {
  const Status s = r.open.ok() ? r.error : r.open;
  ASSERT_FALSE(s.ok()) << what << ": truncation not reported; members read: " << r.members.size();
  EXPECT_TRUE(s.reason() == "truncated" || s.reason() == "corrupt_archive") << what << ": " << s.ToString();
}

TEST_F(ArchiveReaderTest, TruncatedTarGzIsReported) {
  const std::string data = Pattern(400'000, 7);
  const std::string bytes = WriteArchive(PaxGz(), {{"a", "first"}, {"b.bin", data}, {"c", "last"}});
  ASSERT_FALSE(bytes.empty());
  for (size_t keep : {bytes.size() / 2, bytes.size() - 40}) {
    ReadResult r = ReadAll(bytes.substr(0, keep), Formats::kArchivesOrRaw);
    ExpectTruncationReported(r, "tar.gz kept " + std::to_string(keep));
    ASSERT_GE(r.members.size(), 1u);
    EXPECT_EQ(r.members[0].data, "first");  // members before the damage are kept
  }
}

TEST_F(ArchiveReaderTest, TruncatedPlainTarIsReported) {
  const std::string data = Pattern(400'000, 8);
  const std::string bytes = WriteArchive(Pax(), {{"a", "first"}, {"b.bin", data}, {"c", "last"}});
  ASSERT_FALSE(bytes.empty());
  ReadResult r = ReadAll(bytes.substr(0, bytes.size() / 2), Formats::kArchives);
  ExpectTruncationReported(r, "tar");
}

TEST_F(ArchiveReaderTest, TruncatedZipIsReported) {
  const std::string data = Pattern(400'000, 9);
  const std::string bytes = WriteArchive(Zip(), {{"a", "first"}, {"b.bin", data}, {"c", "last"}});
  ASSERT_FALSE(bytes.empty());
  ReadResult r = ReadAll(bytes.substr(0, bytes.size() / 2), Formats::kArchives);
  ExpectTruncationReported(r, "zip");
}

TEST_F(ArchiveReaderTest, TruncatedSevenZipIsReported) {
  const std::string data = Pattern(400'000, 10);
  const std::string bytes = WriteArchive(SevenZip(), {{"a", "first"}, {"b.bin", data}});
  ASSERT_FALSE(bytes.empty());
  ReadResult r = ReadAll(bytes.substr(0, bytes.size() / 2), Formats::kArchives);
  ExpectTruncationReported(r, "7z");
}

// Found by fuzz_archive in CI: a 220-byte 7z whose header says its name table holds ~35 GB.
// libarchive (3.6.2) mallocs that size before reading the table. Where the allocation fails (a
// machine with less memory) or succeeds (only the few bytes present are copied), the archive is
// damaged: an error, never an abort.
TEST_F(ArchiveReaderTest, SevenZipNameTableClaiming35GbIsAnError) {
  const auto path = std::filesystem::path(__FILE__).parent_path() / "testdata" / "7z-names-claim-35gb.7z";
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_EQ(bytes.size(), 220u);
  ReadResult r = ReadAll(bytes, Formats::kArchives);
  const Status s = r.open.ok() ? r.error : r.open;
  ASSERT_FALSE(s.ok()) << "members read: " << r.members.size();
  EXPECT_EQ(s.reason(), "corrupt_archive") << s.ToString();
}

TEST_F(ArchiveReaderTest, BareGzipTextIsOneRawMemberNotMtree) {
  // Text that libarchive's mtree reader would take for a list of (phantom) entries.
  const std::string text =
      "#mtree\n"
      "/set type=file uid=0 gid=0 mode=0644\n"
      ". type=dir\n"
      "./etc type=dir\n"
      "./etc/passwd type=file size=1234\n"
      "./phantom type=file size=99\n";
  const std::string bytes = WriteArchive(RawGz(), {{"notes.txt", text}});
  ASSERT_FALSE(bytes.empty());
  ASSERT_EQ(static_cast<uint8_t>(bytes[0]), 0x1F);
  ASSERT_EQ(static_cast<uint8_t>(bytes[1]), 0x8B);
  ReadResult r = ReadAll(bytes, Formats::kArchivesOrRaw);
  ASSERT_TRUE(r.open.ok()) << r.open.ToString();
  ASSERT_TRUE(r.error.ok()) << r.error.ToString();
  EXPECT_TRUE(r.raw) << r.format;
  ASSERT_EQ(r.members.size(), 1u);
  EXPECT_EQ(r.members[0].entry.kind, ItemKind::kMember);
  EXPECT_FALSE(r.members[0].entry.name.empty());
  EXPECT_EQ(r.members[0].data, text);
}

TEST_F(ArchiveReaderTest, BareGzipTextIsNotAnArchive) {
  const std::string bytes = WriteArchive(RawGz(), {{"notes.txt", "#mtree\n./phantom type=file\n"}});
  ASSERT_FALSE(bytes.empty());
  ReadResult r = ReadAll(bytes, Formats::kArchives);
  EXPECT_TRUE(r.members.empty()) << r.format;
  EXPECT_FALSE(r.open.ok() && r.error.ok()) << "a bare stream must not be read as an archive";
}

TEST_F(ArchiveReaderTest, ZstdZerosAsRawOnlyIsOneMemberOfTheRightLength) {
  if (!ZstdWriteSupported()) GTEST_SKIP() << "libarchive without zstd";
  constexpr uint64_t kLen = (3u << 20) + 17;
  Member m{"zeros"};
  m.zeros = kLen;
  const std::string bytes = WriteArchive(RawZstd(), {m});
  ASSERT_FALSE(bytes.empty());
  ASSERT_LT(bytes.size(), kLen / 100);
  ReadResult r = ReadAll(bytes, Formats::kRawOnly);
  ASSERT_TRUE(r.open.ok()) << r.open.ToString();
  ASSERT_TRUE(r.error.ok()) << r.error.ToString();
  EXPECT_TRUE(r.raw);
  ASSERT_EQ(r.members.size(), 1u);
  EXPECT_EQ(r.members[0].data.size(), kLen);
  EXPECT_EQ(r.members[0].data.find_first_not_of('\0'), std::string::npos);
  EXPECT_EQ(r.consumed, bytes.size());
}

// Builds a pax tar holding one sparse member of `size` logical bytes with data at `regions`.
std::string SparseLogical(int64_t size, const std::vector<std::pair<int64_t, int64_t>>& regions) {
  std::string logical(static_cast<size_t>(size), '\0');
  unsigned seed = 20;
  for (const auto& [off, len] : regions) {
    logical.replace(static_cast<size_t>(off), static_cast<size_t>(len), Pattern(static_cast<size_t>(len), seed++));
  }
  return logical;
}

TEST_F(ArchiveReaderTest, SparseTarMemberInteriorGapsReadAsZeros) {
  // A leading hole and a hole between the regions; the last region reaches the end of the member.
  constexpr int64_t kSize = 1 << 20;
  const std::vector<std::pair<int64_t, int64_t>> regions = {{65536, 4096}, {kSize - 8192, 8192}};
  const std::string logical = SparseLogical(kSize, regions);
  Member m{"sparse.bin", logical};
  m.sparse = regions;
  const std::string bytes = WriteArchive(Pax(), {m, {"after", "ok"}});
  ASSERT_FALSE(bytes.empty());
  ASSERT_LT(bytes.size(), 100'000u);  // the holes were not stored
  ReadResult r = ReadAll(bytes, Formats::kArchives);
  ASSERT_TRUE(r.open.ok()) << r.open.ToString();
  ASSERT_TRUE(r.error.ok()) << r.error.ToString();
  ASSERT_EQ(r.members.size(), 2u);
  EXPECT_EQ(r.members[0].data.size(), logical.size());
  EXPECT_TRUE(r.members[0].data == logical);
  EXPECT_EQ(r.members[1].data, "ok");
}

// Regression: libarchive ends a sparse member with ARCHIVE_EOF and offset = the member's logical
// size; the trailing hole must read as zeros up to it (it was once dropped: 532480 bytes instead
// of 1048576, hashed wrong).
TEST_F(ArchiveReaderTest, SparseTarMemberTrailingHoleReadsAsZeros) {
  constexpr int64_t kSize = 1 << 20;
  const std::vector<std::pair<int64_t, int64_t>> regions = {{65536, 4096}, {524288, 8192}};
  const std::string logical = SparseLogical(kSize, regions);
  Member m{"sparse.bin", logical};
  m.sparse = regions;
  const std::string bytes = WriteArchive(Pax(), {m, {"after", "ok"}});
  ASSERT_FALSE(bytes.empty());
  ReadResult r = ReadAll(bytes, Formats::kArchives);
  ASSERT_TRUE(r.open.ok()) << r.open.ToString();
  ASSERT_TRUE(r.error.ok()) << r.error.ToString();
  ASSERT_EQ(r.members.size(), 2u);
  ASSERT_TRUE(r.members[0].entry.size.has_value());
  EXPECT_EQ(*r.members[0].entry.size, static_cast<uint64_t>(kSize));
  EXPECT_EQ(r.members[0].data.size(), logical.size());
  EXPECT_TRUE(r.members[0].data == logical);
  EXPECT_EQ(r.members[1].data, "ok");
}

TEST_F(ArchiveReaderTest, EncryptedZipMemberIsFlagged) {
  const ArchiveSetup setup = [](struct archive* a) {
    int r = archive_write_set_format_zip(a);
    if (r == ARCHIVE_OK) r = archive_write_set_options(a, "zip:encryption=zipcrypt");
    if (r == ARCHIVE_OK) r = archive_write_set_passphrase(a, "secret");
    return r;
  };
  {
    struct archive* probe = archive_write_new();
    const bool supported = setup(probe) == ARCHIVE_OK;
    archive_write_free(probe);
    if (!supported) GTEST_SKIP() << "libarchive cannot write encrypted zip";
  }
  const std::string bytes = WriteArchive(setup, {{"secret.txt", "the plans"}, {"also.txt", "more"}});
  ASSERT_FALSE(bytes.empty());
  pipeline::Spool spool(dir_.path(), 1ull << 30);
  ASSERT_TRUE(spool.Append({reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()}).ok());
  ArchiveReader reader(spool, Formats::kArchives);
  ASSERT_TRUE(reader.Open().ok());
  std::vector<std::string> names;
  for (;;) {
    Result<std::optional<ArchiveEntry>> n = reader.Next();
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    if (!n->has_value()) break;
    names.push_back((*n)->name);
    EXPECT_TRUE((*n)->encrypted) << (*n)->name;
    // Without a passphrase the data cannot be read: an error, never the ciphertext as content.
    std::string data;
    Status s = DrainMember(reader.Data(), data);
    EXPECT_FALSE(s.ok() && !data.empty()) << (*n)->name;
  }
  EXPECT_EQ(names, (std::vector<std::string>{"secret.txt", "also.txt"}));
}

TEST_F(ArchiveReaderTest, GarbageIsNotAnArchive) {
  const std::string junk = Pattern(50'000, 13);
  ReadResult r = ReadAll(junk, Formats::kArchives);
  EXPECT_TRUE(r.members.empty());
  EXPECT_FALSE(r.open.ok() && r.error.ok());
}

}  // namespace
}  // namespace ngb::source
