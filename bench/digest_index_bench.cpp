// digest_index_bench: DigestIndex exact lookups against std::binary_search and std::unordered_set.
//
// For each size N (default 1 M and 30 M) it makes N random MD5-sized digests (ids 0..N-1), builds
// the index (timed), then runs L lookups (default 2 M), half of stored digests and half random
// misses, in random order, single-threaded: through FindBatch() (blocks of 4,096 queries, as a
// scanner hands them over), through Find() one at a time, and through the two yardsticks, a
// sorted std::vector + std::binary_search and a std::unordered_set keyed on the digest. R rounds
// (default 5) run each method once, interleaved; the median lookups/s (wall clock and thread CPU
// time) and the ratios are printed. Every method must find the same number of hits (exit status
// 1 otherwise).
//
// Run: build/bench/digest_index_bench [--sizes 1000000,30000000] [--lookups 2000000] [--reps 5]
//                                     [--seed 1]
// Memory: about 100 bytes per entry at the peak (inputs, index, sorted copy, hash set): ~3 GB
// at 30 M.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "hashset/digest_index.h"
#include "index_bench_util.h"

namespace {

using ngb::hashset::DigestIndex;
using ngb_bench::Median;
using Digest = std::array<uint8_t, 16>;

struct DigestHash {
  size_t operator()(const Digest& d) const {
    uint64_t x;
    std::memcpy(&x, d.data(), sizeof x);  // digests are uniform: their first 8 bytes are a hash
    return x;
  }
};

struct Method {
  const char* name;
  std::vector<double> wall_rate, cpu_rate;  // lookups per second of each run
  size_t hits = 0;
};

// Runs fn() (which returns its hit count) once, recording lookups per second.
template <typename F>
void Measure(Method& m, size_t lookups, F&& fn) {
  const ngb_bench::Elapsed t = ngb_bench::Time([&] { m.hits = fn(); });
  m.wall_rate.push_back(static_cast<double>(lookups) / t.wall);
  m.cpu_rate.push_back(static_cast<double>(lookups) / t.cpu);
}

int RunSize(size_t n, size_t lookups, int reps, uint64_t seed) {
  ngb_bench::Rng rng(seed ^ n);
  std::vector<uint8_t> digests(n * 16);
  for (size_t i = 0; i < n * 2; ++i) {
    const uint64_t x = rng();
    std::memcpy(&digests[i * 8], &x, 8);
  }
  std::vector<uint32_t> ids(n);
  for (size_t i = 0; i < n; ++i) ids[i] = static_cast<uint32_t>(i);
  std::vector<uint8_t> queries(lookups * 16);
  for (size_t i = 0; i < lookups; ++i) {
    if (rng() & 1) {
      std::memcpy(&queries[i * 16], &digests[rng.Below(n) * 16], 16);
    } else {
      const uint64_t a = rng(), b = rng();
      std::memcpy(&queries[i * 16], &a, 8);
      std::memcpy(&queries[i * 16 + 8], &b, 8);
    }
  }

  ngb::Result<DigestIndex> index = ngb::Status::Error("not_built");
  const ngb_bench::Elapsed build = ngb_bench::Time([&] { index = DigestIndex::Build(16, digests, ids); });
  if (!index.ok()) {
    std::fprintf(stderr, "build failed: %s\n", index.status().ToString().c_str());
    return 2;
  }

  // All four structures live at once and each round runs every method once, so that changing
  // load on a shared machine affects them alike.
  std::vector<Digest> sorted(n);
  std::memcpy(sorted.data(), digests.data(), n * 16);
  std::sort(sorted.begin(), sorted.end());
  std::unordered_set<Digest, DigestHash> set;
  set.reserve(n);
  for (const Digest& d : sorted) set.insert(d);

  Method batch{"DigestIndex::FindBatch"}, single{"DigestIndex::Find"}, bsearch{"std::binary_search"},
      uset{"std::unordered_set"};
  constexpr size_t kBlock = 4096;
  std::vector<DigestIndex::Hit> hits;
  std::vector<uint32_t> found_ids;
  for (int round = 0; round < reps; ++round) {
    Measure(batch, lookups, [&] {
      size_t found = 0;
      for (size_t at = 0; at < lookups; at += kBlock) {
        index->FindBatch(&queries[at * 16], std::min(kBlock, lookups - at), &hits);
        found += hits.size();
      }
      return found;
    });
    Measure(single, lookups, [&] {
      size_t found = 0;
      for (size_t i = 0; i < lookups; ++i) {
        index->Find(&queries[i * 16], &found_ids);
        found += found_ids.size();
      }
      return found;
    });
    Measure(bsearch, lookups, [&] {
      size_t found = 0;
      Digest q;
      for (size_t i = 0; i < lookups; ++i) {
        std::memcpy(q.data(), &queries[i * 16], 16);
        found += std::binary_search(sorted.begin(), sorted.end(), q);
      }
      return found;
    });
    Measure(uset, lookups, [&] {
      size_t found = 0;
      Digest q;
      for (size_t i = 0; i < lookups; ++i) {
        std::memcpy(q.data(), &queries[i * 16], 16);
        found += set.count(q);
      }
      return found;
    });
  }
  const size_t index_bytes = index->memory_bytes();

  std::printf("n=%zu MD5 entries: build %.2f s wall, %.2f s CPU; %.1f bytes/entry; %zu lookups (about half hits), "
              "median of %d runs\n",
              n, build.wall, build.cpu, static_cast<double>(index_bytes) / static_cast<double>(n), lookups, reps);
  std::printf("  %-24s %-26s %-26s %s\n", "", "M lookups/s wall (CPU)", "x binary_search wall (CPU)",
              "x unordered_set wall (CPU)");
  const double bw = Median(bsearch.wall_rate), bc = Median(bsearch.cpu_rate);
  const double uw = Median(uset.wall_rate), uc = Median(uset.cpu_rate);
  bool same = true;
  for (Method* m : {&batch, &single, &bsearch, &uset}) {
    const double w = Median(m->wall_rate), c = Median(m->cpu_rate);
    std::printf("  %-24s %7.2f (%6.2f)            %6.2f (%6.2f)            %6.2f (%6.2f)   %zu hits\n", m->name, w / 1e6,
                c / 1e6, w / bw, c / bc, w / uw, c / uc, m->hits);
    same &= m->hits == batch.hits;
  }
  std::printf("  target >= 10 M lookups/s (FindBatch): %s by wall clock, %s by CPU time\n",
              Median(batch.wall_rate) >= 10e6 ? "met" : "MISSED", Median(batch.cpu_rate) >= 10e6 ? "met" : "MISSED");
  if (!same) std::printf("  HIT COUNTS DIFFER\n");
  return same ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<size_t> sizes = {1'000'000, 30'000'000};
  size_t lookups = 2'000'000;
  int reps = 5;
  uint64_t seed = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--sizes") {
      sizes.clear();
      std::stringstream ss(argv[i + 1]);
      for (std::string part; std::getline(ss, part, ',');) sizes.push_back(std::strtoull(part.c_str(), nullptr, 10));
    } else if (a == "--lookups") {
      lookups = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (a == "--reps") {
      reps = std::atoi(argv[i + 1]);
    } else if (a == "--seed") {
      seed = std::strtoull(argv[i + 1], nullptr, 10);
    } else {
      std::fprintf(stderr, "unknown option %s\n", argv[i]);
      return 2;
    }
  }
  int rc = 0;
  for (size_t n : sizes) {
    if (n == 0) continue;
    rc = std::max(rc, RunSize(n, lookups, std::max(reps, 1), seed));
  }
  return rc;
}
