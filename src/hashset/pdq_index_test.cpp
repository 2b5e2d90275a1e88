#include "hashset/pdq_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "hashset/index_test_util.h"
#include "testing/temp_dir.h"

namespace ngb::hashset {
namespace {

using testing::RandomBytes;
using testing::Reseal;
using testing::U32At;
using testing::WriteBytes;

constexpr PdqSearch kModes[] = {PdqSearch::kAuto, PdqSearch::kIndex, PdqSearch::kLinear};

Hash256 RandomHash(std::mt19937_64& rng) {
  Hash256 h;
  for (auto& b : h.bytes) b = static_cast<uint8_t>(rng());
  return h;
}

// `h` with `bits` distinct random bits flipped.
Hash256 Flip(Hash256 h, int bits, std::mt19937_64& rng) {
  std::vector<int> pos(256);
  for (int i = 0; i < 256; ++i) pos[i] = i;
  std::shuffle(pos.begin(), pos.end(), rng);
  for (int i = 0; i < bits; ++i) h.bytes[pos[i] / 8] ^= static_cast<uint8_t>(1u << (pos[i] % 8));
  return h;
}

// Like real PDQ hashes: exactly 128 bits set.
Hash256 Balanced(std::mt19937_64& rng) {
  Hash256 h;
  std::vector<int> pos(256);
  for (int i = 0; i < 256; ++i) pos[i] = i;
  std::shuffle(pos.begin(), pos.end(), rng);
  for (int i = 0; i < 128; ++i) h.bytes[pos[i] / 8] |= static_cast<uint8_t>(1u << (pos[i] % 8));
  return h;
}

struct PdqSet {
  std::vector<Hash256> hashes;
  std::vector<uint32_t> ids;
  void Add(const Hash256& h, uint32_t id) {
    hashes.push_back(h);
    ids.push_back(id);
  }
};

std::vector<PdqMatch> BruteForce(const PdqSet& s, const Hash256& q, int d) {
  std::vector<PdqMatch> out;
  for (size_t i = 0; i < s.hashes.size(); ++i) {
    const int dist = HammingDistance(s.hashes[i], q);
    if (dist <= d) out.push_back({s.ids[i], static_cast<uint16_t>(dist), 0});
  }
  std::sort(out.begin(), out.end(), [](const PdqMatch& a, const PdqMatch& b) {
    return std::tie(a.distance, a.id) < std::tie(b.distance, b.id);
  });
  return out;
}

// Random hashes, clusters of near neighbours planted at 0..40 bits from random centres,
// exact duplicates, and a few balanced (128 bits set) hashes.
PdqSet MakePdqSet(size_t n, uint64_t seed, std::vector<Hash256>* centres) {
  std::mt19937_64 rng(seed);
  PdqSet s;
  uint32_t id = 0;
  for (size_t i = 0; i < n; ++i) s.Add(rng() % 4 ? RandomHash(rng) : Balanced(rng), id++);
  for (size_t c = 0; c < std::max<size_t>(n / 200, 2); ++c) {
    const Hash256 centre = RandomHash(rng);
    centres->push_back(centre);
    for (int k = 0; k < 12; ++k) s.Add(Flip(centre, static_cast<int>(rng() % 41), rng), id++);
    s.Add(centre, id++);
    s.Add(centre, id - 1);  // the same pair twice
  }
  return s;
}

std::vector<Hash256> MakeQueries(const PdqSet& s, const std::vector<Hash256>& centres, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Hash256> q;
  for (int i = 0; i < 10; ++i) q.push_back(RandomHash(rng));
  for (size_t c = 0; c < centres.size() && c < 30; ++c) q.push_back(Flip(centres[c], static_cast<int>(rng() % 20), rng));
  for (size_t i = 0; i < s.hashes.size() && q.size() < 60; i += 37) {
    q.push_back(Flip(s.hashes[i], static_cast<int>(rng() % 33), rng));
  }
  return q;
}

void ExpectSameAsBruteForce(const PdqIndex& index, const PdqSet& s, const std::vector<Hash256>& queries,
                            const std::vector<int>& distances) {
  std::vector<PdqMatch> got;
  for (int d : distances) {
    // Large distances match much of the set: fewer queries keep the test quick.
    const size_t count = d > 64 ? std::min<size_t>(queries.size(), 12) : queries.size();
    for (size_t i = 0; i < count; ++i) {
      const std::vector<PdqMatch> want = BruteForce(s, queries[i], d);
      for (PdqSearch mode : kModes) {
        index.Query(queries[i], d, &got, mode);
        ASSERT_EQ(got, want) << "distance " << d << ", query " << i << ", mode " << static_cast<int>(mode);
      }
    }
  }
}

TEST(PdqIndex, SameResultsAsBruteForceAtEveryDistance) {
  std::vector<Hash256> centres;
  const PdqSet s = MakePdqSet(20000, 1, &centres);
  Result<PdqIndex> index = PdqIndex::Build(s.hashes, s.ids);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  EXPECT_EQ(index->size(), s.hashes.size());
  ExpectSameAsBruteForce(*index, s, MakeQueries(s, centres, 2),
                         {-1, 0, 1, 3, 7, 8, 15, 16, 24, 31, 32, 40, 47, 63, 64, 90, 128, 200, 255, 256, 1000});
}

TEST(PdqIndex, SmallSetsAndEdgeSizes) {
  for (size_t n : {0ul, 1ul, 2ul, 3ul, 17ul, 300ul, 2049ul}) {
    std::vector<Hash256> centres;
    const PdqSet s = MakePdqSet(n, n + 5, &centres);
    Result<PdqIndex> index = PdqIndex::Build(s.hashes, s.ids);
    ASSERT_TRUE(index.ok());
    ExpectSameAsBruteForce(*index, s, MakeQueries(s, centres, n), {0, 5, 31, 64, 256});
  }
}

TEST(PdqIndex, SkewedSetsStayExact) {
  // Thousands of copies of one hash and of its close variants: the worst buckets.
  std::mt19937_64 rng(9);
  PdqSet s;
  const Hash256 hot = Balanced(rng);
  for (uint32_t i = 0; i < 3000; ++i) s.Add(i % 3 ? hot : Flip(hot, static_cast<int>(rng() % 8), rng), i);
  for (uint32_t i = 0; i < 3000; ++i) s.Add(Balanced(rng), 3000 + i);
  s.Add(Hash256{}, 0xFFFFFFFFu);  // all zero, largest id (32-bit ids)
  Result<PdqIndex> index = PdqIndex::Build(s.hashes, s.ids);
  ASSERT_TRUE(index.ok());
  std::vector<Hash256> q = {hot, Flip(hot, 20, rng), Flip(hot, 40, rng), Balanced(rng), Hash256{}};
  ExpectSameAsBruteForce(*index, s, q, {0, 10, 31, 45});
}

TEST(PdqIndex, QueryAnyReportsEachIdOnceAtItsSmallestDistance) {
  std::vector<Hash256> centres;
  PdqSet s = MakePdqSet(5000, 4, &centres);
  // The same id under two different hashes.
  s.Add(centres[0], 7);
  std::mt19937_64 rng(3);
  std::vector<Hash256> variants = {Flip(centres[0], 3, rng), Flip(centres[1], 10, rng), RandomHash(rng),
                                   centres[0],  Flip(centres[1], 25, rng), Flip(centres[0], 30, rng)};
  for (int d : {0, 12, 31, 40}) {
    std::map<uint32_t, PdqMatch> best;
    for (size_t v = 0; v < variants.size(); ++v) {
      for (const PdqMatch& m : BruteForce(s, variants[v], d)) {
        auto it = best.find(m.id);
        if (it == best.end() || m.distance < it->second.distance) best[m.id] = {m.id, m.distance, static_cast<uint16_t>(v)};
      }
    }
    std::vector<PdqMatch> want;
    for (const auto& [id, m] : best) want.push_back(m);
    std::sort(want.begin(), want.end(), [](const PdqMatch& a, const PdqMatch& b) {
      return std::tie(a.distance, a.id) < std::tie(b.distance, b.id);
    });
    std::vector<PdqMatch> got;
    Result<PdqIndex> index = PdqIndex::Build(s.hashes, s.ids);
    for (PdqSearch mode : kModes) {
      index->QueryAny(variants, d, &got, mode);
      EXPECT_EQ(got, want) << "distance " << d;
    }
  }
}

// The reference data set: 100 needles against 1,350 haystack hashes; at distance 31 exactly the
// 250 pairs Meta's MIH tool reports.
TEST(PdqIndex, ReferenceNeedlesInHaystack) {
  const char* env = std::getenv("NGB_PDQ_TESTDATA");
  const std::string root = env ? env : "/work/shared/testdata/pdq";
  if (!std::filesystem::exists(root + "/hashes/haystack.txt")) GTEST_SKIP() << root << " not found";
  auto read_hashes = [](const std::string& path) {
    std::vector<Hash256> out;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
      std::optional<Hash256> h = Hash256::ParseHex(line.substr(0, 64));
      EXPECT_TRUE(h.has_value()) << line;
      if (h) out.push_back(*h);
    }
    return out;
  };
  const std::vector<Hash256> needles = read_hashes(root + "/hashes/needles.txt");
  const std::vector<Hash256> haystack = read_hashes(root + "/hashes/haystack.txt");
  ASSERT_EQ(needles.size(), 100u);
  ASSERT_EQ(haystack.size(), 1350u);
  std::set<std::tuple<uint32_t, uint32_t, int>> want;
  std::ifstream csv(root + "/expected/generated-here/mih-needles-vs-haystack-d31.csv");
  std::string line;
  std::getline(csv, line);  // header
  while (std::getline(csv, line)) {
    std::istringstream row(line);
    uint32_t needle, hay;
    int dist;
    char comma;
    row >> needle >> comma >> hay >> comma >> dist;
    want.emplace(needle, hay, dist);
  }
  ASSERT_EQ(want.size(), 250u);

  std::vector<uint32_t> ids(haystack.size());
  for (size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<uint32_t>(i + 1);  // line numbers
  Result<PdqIndex> index = PdqIndex::Build(haystack, ids);
  ASSERT_TRUE(index.ok());
  for (PdqSearch mode : kModes) {
    std::set<std::tuple<uint32_t, uint32_t, int>> got;
    std::vector<PdqMatch> matches;
    for (size_t n = 0; n < needles.size(); ++n) {
      index->Query(needles[n], 31, &matches, mode);
      for (const PdqMatch& m : matches) got.emplace(static_cast<uint32_t>(n + 1), m.id, m.distance);
    }
    EXPECT_EQ(got, want) << "mode " << static_cast<int>(mode);
  }
}

TEST(PdqIndex, SavedAndOpenedIndexIsTheSame) {
  ngb::testing::TempDir dir;
  std::vector<Hash256> centres;
  const PdqSet s = MakePdqSet(3000, 6, &centres);
  Result<PdqIndex> built = PdqIndex::Build(s.hashes, s.ids);
  ASSERT_TRUE(built.ok());
  const std::string path = dir.path() + "/set.ngbpdq";
  ASSERT_TRUE(built->Save(path).ok());
  Result<PdqIndex> opened = PdqIndex::Open(path);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_TRUE(opened->VerifyChecksum().ok());
  EXPECT_TRUE(std::equal(opened->bytes().begin(), opened->bytes().end(), built->bytes().begin(),
                         built->bytes().end()));
  ExpectSameAsBruteForce(*opened, s, MakeQueries(s, centres, 6), {0, 31, 70});
}

TEST(PdqIndex, RejectsBadInput) {
  std::vector<Hash256> h(3);
  std::vector<uint32_t> ids(2);
  EXPECT_EQ(PdqIndex::Build(h, ids).status().reason(), "invalid_argument");
}

TEST(PdqIndex, CorruptFilesAreErrors) {
  std::vector<Hash256> centres;
  const PdqSet s = MakePdqSet(2000, 8, &centres);
  Result<PdqIndex> built = PdqIndex::Build(s.hashes, s.ids);
  ASSERT_TRUE(built.ok());
  const std::vector<uint8_t> good(built->bytes().begin(), built->bytes().end());
  auto open = [](const std::vector<uint8_t>& b) { return PdqIndex::FromBytes(b).status().reason(); };
  EXPECT_EQ(open(good), "");
  EXPECT_EQ(open({good.begin(), good.end() - 64}), "index_truncated");
  for (size_t param : {0u, 1u, 2u}) {  // n, key bits, id bits out of range or inconsistent
    for (uint64_t value : {0ull, 33ull, 1ull << 40}) {
      std::vector<uint8_t> b = good;
      std::memcpy(&b[24 + 8 * param], &value, 8);
      Reseal(b);
      EXPECT_EQ(open(b), "index_corrupt") << param << " " << value;
    }
  }
  // Directory entries out of order or beyond the rows.
  const uint32_t buckets = 1u << built->key_bits();
  for (size_t slot : {size_t{0}, size_t{5}, size_t{buckets + 1 + 3}, size_t{7 * (buckets + 1) + buckets}}) {
    std::vector<uint8_t> b = good;
    *U32At(b, kHeaderBytes + 4 * slot) += 100000;
    EXPECT_EQ(open(b), "index_corrupt") << slot;
  }
}

TEST(PdqIndex, GarbageNeverCrashes) {
  std::mt19937_64 rng(12);
  std::vector<Hash256> centres;
  const PdqSet s = MakePdqSet(500, 9, &centres);
  Result<PdqIndex> built = PdqIndex::Build(s.hashes, s.ids);
  ASSERT_TRUE(built.ok());
  const std::vector<uint8_t> good(built->bytes().begin(), built->bytes().end());
  std::vector<PdqMatch> matches;
  int opened = 0;
  for (int round = 0; round < 600; ++round) {
    std::vector<uint8_t> b = round % 3 == 0 ? RandomBytes(rng, rng() % 4096) : good;
    if (round % 3) {  // a valid header over scrambled contents
      for (int i = 0; i < 20; ++i) b[kHeaderBytes + rng() % (b.size() - kHeaderBytes)] = static_cast<uint8_t>(rng());
      Reseal(b);
    }
    Result<PdqIndex> index = PdqIndex::FromBytes(b);
    if (!index.ok()) continue;
    ++opened;
    for (PdqSearch mode : kModes) {
      index->Query(s.hashes[round % s.hashes.size()], 31, &matches, mode);
      index->QueryAny(centres, 64, &matches, mode);
    }
  }
  EXPECT_GT(opened, 0);
}

}  // namespace
}  // namespace ngb::hashset
