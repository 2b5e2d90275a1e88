#include "hashset/index_file.h"

#include <gtest/gtest.h>

#include "hashset/index_test_util.h"
#include "testing/temp_dir.h"

namespace ngb::hashset {
namespace {

using testing::ReadBytes;
using testing::Reseal;
using testing::WriteBytes;

constexpr char kMagic[9] = "NGBTEST1";

std::vector<uint8_t> SealedBlock(size_t size) {
  IndexBytes b = std::move(*IndexBytes::Allocate(size));
  for (size_t i = kHeaderBytes; i < size; ++i) b.mutable_data()[i] = static_cast<uint8_t>(i * 7);
  SealHeader(b, kMagic, 3, {1, 2, 3});
  return {b.data(), b.data() + b.size()};
}

Status Check(const std::vector<uint8_t>& bytes) {
  IndexHeader h;
  return CheckHeader(bytes, kMagic, 3, &h);
}

TEST(IndexFile, SealedHeaderChecksOut) {
  std::vector<uint8_t> bytes = SealedBlock(1000);
  IndexHeader h;
  ASSERT_TRUE(CheckHeader(bytes, kMagic, 3, &h).ok());
  EXPECT_EQ(h.file_bytes, 1000u);
  EXPECT_EQ(h.params[0], 1u);
  EXPECT_EQ(h.params[2], 3u);
  EXPECT_TRUE(VerifyBody(bytes).ok());
}

TEST(IndexFile, DetectsDamage) {
  const std::vector<uint8_t> good = SealedBlock(1000);
  EXPECT_EQ(Check({good.begin(), good.begin() + 100}).reason(), "index_truncated");
  EXPECT_EQ(Check({good.begin(), good.end() - 1}).reason(), "index_truncated");
  std::vector<uint8_t> longer = good;
  longer.push_back(0);
  EXPECT_EQ(Check(longer).reason(), "index_corrupt");

  std::vector<uint8_t> b = good;
  b[0] ^= 1;
  EXPECT_EQ(Check(b).reason(), "index_not_recognised");
  b = good;
  b[8] = 4;  // version
  EXPECT_EQ(Check(b).reason(), "index_version_unsupported");
  for (size_t at : {12ul, 16ul, 30ul, 90ul, 119ul, 120ul}) {
    b = good;
    b[at] ^= 0x10;
    EXPECT_EQ(Check(b).reason(), "index_corrupt") << at;
  }
  b = good;
  b[500] ^= 1;  // the body: only the full check sees it
  EXPECT_TRUE(Check(b).ok());
  EXPECT_EQ(VerifyBody(b).reason(), "index_checksum_mismatch");
  b = good;
  b[16] = 1;  // declared size, re-sealed
  Reseal(b);
  EXPECT_EQ(Check(b).reason(), "index_corrupt");
}

TEST(IndexFile, WritesAtomicallyAndMaps) {
  ngb::testing::TempDir dir;
  const std::string path = dir.path() + "/x.idx";
  const std::vector<uint8_t> good = SealedBlock(5000);
  ASSERT_TRUE(WriteFileAtomic(path, good).ok());
  EXPECT_EQ(ReadBytes(path), good);
  Result<IndexBytes> mapped = IndexBytes::MapFile(path);
  ASSERT_TRUE(mapped.ok());
  EXPECT_EQ(std::vector<uint8_t>(mapped->data(), mapped->data() + mapped->size()), good);
  // Replacing the file does not disturb the mapping.
  ASSERT_TRUE(WriteFileAtomic(path, SealedBlock(300)).ok());
  EXPECT_EQ(std::vector<uint8_t>(mapped->data(), mapped->data() + mapped->size()), good);
  EXPECT_EQ(std::filesystem::directory_iterator(dir.path())->path().filename(), "x.idx");

  EXPECT_EQ(IndexBytes::MapFile(dir.path() + "/none").status().reason(), "vanished");
  EXPECT_EQ(IndexBytes::MapFile(dir.path()).status().reason(), "index_corrupt");
  WriteBytes(dir.path() + "/short", {1, 2, 3});
  EXPECT_EQ(IndexBytes::MapFile(dir.path() + "/short").status().reason(), "index_truncated");
  EXPECT_FALSE(WriteFileAtomic(dir.path() + "/no/such/folder/x", good).ok());
}

TEST(IndexFile, LayoutAlignsAndCatchesOverflow) {
  Layout l;
  EXPECT_EQ(l.Add(3, 4), kHeaderBytes);
  EXPECT_EQ(l.Add(1, 1), kHeaderBytes + 64);
  EXPECT_EQ(l.total(), kHeaderBytes + 65);
  EXPECT_FALSE(l.overflow());
  l.Add(uint64_t{1} << 40, uint64_t{1} << 30);
  EXPECT_TRUE(l.overflow());
}

}  // namespace
}  // namespace ngb::hashset
