#include "hashset/digest_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>

#include "hashset/index_test_util.h"
#include "testing/temp_dir.h"

namespace ngb::hashset {
namespace {

using testing::RandomBytes;
using testing::ReadBytes;
using testing::Reseal;
using testing::U32At;
using testing::WriteBytes;

// A hash set with every hard case: random digests, exact duplicates (same digest, several ids),
// digests sharing their first 8 bytes (and so their directory slot) that differ later, and one
// digest repeated hundreds of times.
struct DigestSet {
  size_t width;
  std::vector<uint8_t> digests;
  std::vector<uint32_t> ids;
  std::multimap<std::string, uint32_t> truth;

  size_t size() const { return ids.size(); }
  const uint8_t* at(size_t i) const { return &digests[i * width]; }
  void Add(const std::vector<uint8_t>& d, uint32_t id) {
    digests.insert(digests.end(), d.begin(), d.end());
    ids.push_back(id);
    truth.emplace(std::string(d.begin(), d.end()), id);
  }
  std::vector<uint32_t> Expected(const uint8_t* d) const {
    std::vector<uint32_t> out;
    auto [a, b] = truth.equal_range(std::string(d, d + width));
    for (auto it = a; it != b; ++it) out.push_back(it->second);
    std::sort(out.begin(), out.end());
    return out;
  }
};

DigestSet MakeDigestSet(size_t width, size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  DigestSet s{width};
  for (size_t i = 0; i < n; ++i) s.Add(RandomBytes(rng, width), static_cast<uint32_t>(rng()));
  for (size_t i = 0; i < n / 10 && n > 0; ++i) {  // duplicates of earlier digests
    const size_t j = rng() % s.size();
    s.Add(std::vector<uint8_t>(s.at(j), s.at(j) + width), static_cast<uint32_t>(rng()));
  }
  for (size_t i = 0; i < n / 20 && n > 0; ++i) {  // same 8-byte prefix, different tail
    std::vector<uint8_t> d(s.at(i), s.at(i) + width);
    d[8 + rng() % (width - 8)] ^= static_cast<uint8_t>(1 + rng() % 255);
    s.Add(d, static_cast<uint32_t>(rng()));
  }
  if (n > 0) {
    const std::vector<uint8_t> hot(s.at(0), s.at(0) + width);
    for (uint32_t i = 0; i < 300; ++i) s.Add(hot, i);
  }
  return s;
}

std::vector<std::vector<uint8_t>> Queries(const DigestSet& s, size_t misses, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::vector<uint8_t>> q;
  for (size_t i = 0; i < s.size(); i += 3) q.emplace_back(s.at(i), s.at(i) + s.width);
  for (size_t i = 0; i < misses; ++i) q.push_back(RandomBytes(rng, s.width));
  for (size_t i = 0; i < s.size() && i < misses; i += 7) {  // near misses: one bit off a stored digest
    std::vector<uint8_t> d(s.at(i), s.at(i) + s.width);
    d[rng() % s.width] ^= static_cast<uint8_t>(1u << (rng() % 8));
    q.push_back(d);
  }
  return q;
}

void ExpectMatchesTruth(const DigestIndex& index, const DigestSet& s, uint64_t seed) {
  const auto queries = Queries(s, 2000, seed);
  std::vector<uint32_t> ids;
  std::vector<uint8_t> batch;
  std::vector<DigestIndex::Hit> expected_hits;
  for (size_t i = 0; i < queries.size(); ++i) {
    const uint8_t* q = queries[i].data();
    const std::vector<uint32_t> expected = s.Expected(q);
    index.Find(q, &ids);
    ASSERT_EQ(ids, expected) << "query " << i;
    EXPECT_EQ(index.Contains(q), !expected.empty());
    batch.insert(batch.end(), queries[i].begin(), queries[i].end());
    for (uint32_t id : expected) expected_hits.push_back({static_cast<uint32_t>(i), id});
  }
  std::vector<DigestIndex::Hit> hits;
  index.FindBatch(batch.data(), queries.size(), &hits);
  EXPECT_EQ(hits, expected_hits);
}

class DigestIndexWidths : public ::testing::TestWithParam<size_t> {};

TEST_P(DigestIndexWidths, FindsEveryIdAndNothingElse) {
  for (size_t n : {0ul, 1ul, 3ul, 5ul, 100ul, 20000ul}) {
    const DigestSet s = MakeDigestSet(GetParam(), n, n + GetParam());
    Result<DigestIndex> index = DigestIndex::Build(s.width, s.digests, s.ids);
    ASSERT_TRUE(index.ok()) << index.status().ToString();
    EXPECT_EQ(index->size(), s.size());
    EXPECT_EQ(index->width(), s.width);
    ExpectMatchesTruth(*index, s, n);
  }
}

TEST_P(DigestIndexWidths, SavedAndOpenedIndexIsTheSame) {
  ngb::testing::TempDir dir;
  const std::string path = dir.path() + "/set.ngbdig";
  const DigestSet s = MakeDigestSet(GetParam(), 5000, 7);
  Result<DigestIndex> built = DigestIndex::Build(s.width, s.digests, s.ids);
  ASSERT_TRUE(built.ok());
  ASSERT_TRUE(built->Save(path).ok());
  Result<DigestIndex> opened = DigestIndex::Open(path);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_TRUE(opened->VerifyChecksum().ok());
  EXPECT_EQ(opened->memory_bytes(), built->memory_bytes());
  EXPECT_TRUE(std::equal(opened->bytes().begin(), opened->bytes().end(), built->bytes().begin()));
  ExpectMatchesTruth(*opened, s, 8);
  // Building again gives the same bytes (sorted by digest then id, whatever the input order).
  DigestSet shuffled = s;
  std::reverse(shuffled.ids.begin(), shuffled.ids.end());
  std::vector<uint8_t> rev;
  for (size_t i = s.size(); i-- > 0;) rev.insert(rev.end(), s.at(i), s.at(i) + s.width);
  Result<DigestIndex> again = DigestIndex::Build(s.width, rev, shuffled.ids);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(std::equal(again->bytes().begin(), again->bytes().end(), built->bytes().begin()));
}

INSTANTIATE_TEST_SUITE_P(Md5Sha1Sha256, DigestIndexWidths, ::testing::Values(16, 20, 32));

TEST(DigestIndex, RejectsBadInput) {
  std::vector<uint8_t> d(32);
  std::vector<uint32_t> ids(2);
  EXPECT_EQ(DigestIndex::Build(17, d, ids).status().reason(), "invalid_argument");
  EXPECT_EQ(DigestIndex::Build(16, d, {ids.data(), 1}).status().reason(), "invalid_argument");
  EXPECT_EQ(DigestIndex::Build(16, {d.data(), 31}, ids).status().reason(), "invalid_argument");
  EXPECT_TRUE(DigestIndex::Build(16, d, ids).ok());
}

TEST(DigestIndex, CorruptFilesAreErrors) {
  ngb::testing::TempDir dir;
  const DigestSet s = MakeDigestSet(16, 1000, 3);
  Result<DigestIndex> built = DigestIndex::Build(16, s.digests, s.ids);
  ASSERT_TRUE(built.ok());
  const std::vector<uint8_t> good(built->bytes().begin(), built->bytes().end());
  const std::string path = dir.path() + "/x";
  auto open = [&](const std::vector<uint8_t>& bytes) {
    WriteBytes(path, bytes);
    return DigestIndex::Open(path).status().reason();
  };
  EXPECT_EQ(open(good), "");
  EXPECT_EQ(open({good.begin(), good.begin() + good.size() / 2}), "index_truncated");
  std::vector<uint8_t> b = good;
  b[40] ^= 1;  // params, header checksum not updated
  EXPECT_EQ(open(b), "index_corrupt");
  for (uint64_t width : {15ull, 0ull, 64ull}) {  // parameters out of range, header re-sealed
    b = good;
    std::memcpy(&b[24], &width, 8);
    Reseal(b);
    EXPECT_EQ(open(b), "index_corrupt") << width;
  }
  b = good;
  b[24 + 16] += 1;  // dir_bits: the size no longer matches
  Reseal(b);
  EXPECT_EQ(open(b), "index_corrupt");
  // Directory slots out of order or past the end.
  b = good;
  *U32At(b, kHeaderBytes + 4 * 10) = 0xFFFFFFF0u;
  EXPECT_EQ(open(b), "index_corrupt");
  b = good;
  *U32At(b, kHeaderBytes) = 1;
  EXPECT_EQ(open(b), "index_corrupt");
  // A damaged record opens (Open does not read the records) but fails the full check.
  b = good;
  b[good.size() - 3] ^= 0x40;
  WriteBytes(path, b);
  Result<DigestIndex> opened = DigestIndex::Open(path);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->VerifyChecksum().reason(), "index_checksum_mismatch");
  EXPECT_EQ(ReadBytes(path).size(), good.size());
}

TEST(DigestIndex, GarbageNeverCrashes) {
  std::mt19937_64 rng(11);
  const DigestSet s = MakeDigestSet(20, 300, 5);
  Result<DigestIndex> built = DigestIndex::Build(20, s.digests, s.ids);
  ASSERT_TRUE(built.ok());
  const std::vector<uint8_t> good(built->bytes().begin(), built->bytes().end());
  std::vector<uint32_t> ids;
  for (int round = 0; round < 2000; ++round) {
    std::vector<uint8_t> b = round % 2 ? RandomBytes(rng, rng() % 4096) : good;
    if (round % 2 == 0) {  // a valid header over scrambled contents
      for (int i = 0; i < 8; ++i) b[kHeaderBytes + rng() % (b.size() - kHeaderBytes)] = static_cast<uint8_t>(rng());
      Reseal(b);
    }
    Result<DigestIndex> index = DigestIndex::FromBytes(b);
    if (!index.ok()) continue;
    for (size_t i = 0; i < s.size(); i += 17) index->Find(s.at(i), &ids);
  }
}

}  // namespace
}  // namespace ngb::hashset
