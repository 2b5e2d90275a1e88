// pdq_index_bench: PdqIndex against a brute-force popcount scan, on random 256-bit hashes.
//
// Builds an index of N random hashes (ids 0..N-1), then runs Q queries at distance D: half are
// random hashes, half are stored hashes with 0..31 bits flipped (a planted neighbour each). Per
// query it times the index (automatic mode), the index's own scan mode, and a plain brute-force
// popcount scan over a std::vector<Hash256> (the yardstick), interleaved so that all three see
// the same machine conditions, and checks that the index returns exactly the brute-force result.
// Prints build time, bytes per hash (everything the index holds), median and p99 microseconds per
// query and the ratios against the scan and against Meta's reference figures measured on this
// machine class (MIH: ~29 s build, ~300 bytes/hash, ~2.5 ms/query; linear scan ~1.5 ms/query).
//
// Run: build/bench/pdq_index_bench [--n 1000000] [--queries 1000] [--distance 31] [--seed 1]
//                                  [--save DIR]   (also time Open() of a saved copy and query it)
// Exit status 1 if any query differs from the brute-force scan.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "hash/hash256.h"
#include "hashset/pdq_index.h"
#include "index_bench_util.h"

namespace {

using ngb::Hash256;
using ngb::hashset::PdqIndex;
using ngb::hashset::PdqMatch;
using ngb::hashset::PdqSearch;
using ngb_bench::Median;
using ngb_bench::Now;

constexpr double kRefMihBuildS = 29, kRefMihBytes = 300, kRefMihQueryUs = 2500, kRefLinearUs = 1500;

Hash256 RandomHash(ngb_bench::Rng& rng) {
  Hash256 h;
  for (int w = 0; w < 4; ++w) {
    const uint64_t x = rng();
    std::memcpy(h.bytes.data() + 8 * w, &x, 8);
  }
  return h;
}

// The yardstick: every stored hash compared with the query, hardware popcount.
#if defined(__x86_64__)
__attribute__((target("popcnt")))
#endif
void BruteForce(const std::vector<Hash256>& hashes, const Hash256& q, int d, std::vector<PdqMatch>* out) {
  out->clear();
  uint64_t qw[4];
  q.Words(qw);
  for (size_t i = 0; i < hashes.size(); ++i) {
    uint64_t w[4];
    hashes[i].Words(w);
    const int dist = __builtin_popcountll(w[0] ^ qw[0]) + __builtin_popcountll(w[1] ^ qw[1]) +
                     __builtin_popcountll(w[2] ^ qw[2]) + __builtin_popcountll(w[3] ^ qw[3]);
    if (dist <= d) out->push_back({static_cast<uint32_t>(i), static_cast<uint16_t>(dist), 0});
  }
  std::sort(out->begin(), out->end(), [](const PdqMatch& a, const PdqMatch& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.id < b.id;
  });
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[static_cast<size_t>(p * static_cast<double>(v.size() - 1))];
}

struct Timings {
  std::vector<double> us, cpu_us;  // wall clock, thread CPU time
  double median() const { return Median(us); }
  double cpu_median() const { return Median(cpu_us); }
  void Print(const char* name, const Timings& scan) const {
    std::printf("  %-26s %9.1f (%9.1f)   %9.1f (%9.1f)   %6.1fx (%5.1fx)\n", name, median(), cpu_median(),
                Percentile(us, 0.99), Percentile(cpu_us, 0.99), scan.median() / median(),
                scan.cpu_median() / cpu_median());
  }
};

}  // namespace

int main(int argc, char** argv) {
  size_t n = 1'000'000, nq = 1000;
  int distance = 31;
  uint64_t seed = 1;
  std::string save_dir;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--n") n = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--queries") nq = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--distance") distance = std::atoi(argv[i + 1]);
    else if (a == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--save") save_dir = argv[i + 1];
    else {
      std::fprintf(stderr, "unknown option %s\n", argv[i]);
      return 2;
    }
  }
  if (n == 0) n = 1;
  ngb_bench::Rng rng(seed);
  std::vector<Hash256> hashes(n);
  std::vector<uint32_t> ids(n);
  for (size_t i = 0; i < n; ++i) {
    hashes[i] = RandomHash(rng);
    ids[i] = static_cast<uint32_t>(i);
  }
  std::vector<Hash256> queries(nq);
  for (size_t i = 0; i < nq; ++i) {
    if (i % 2 == 0) {
      queries[i] = RandomHash(rng);
      continue;
    }
    Hash256 q = hashes[rng.Below(n)];  // a planted neighbour at 0..31 bits
    const int flips = static_cast<int>(rng.Below(32));
    for (int f = 0; f < flips; ++f) {
      const int bit = static_cast<int>(rng.Below(256));
      q.bytes[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));  // may repeat a bit: distance <= flips
    }
    queries[i] = q;
  }

  std::vector<double> build_s;
  ngb::Result<PdqIndex> index = ngb::Status::Error("not_built");
  for (int round = 0; round < 3; ++round) {
    index = ngb::Status::Error("not_built");  // free the previous one first
    const double t0 = Now();
    index = PdqIndex::Build(hashes, ids);
    build_s.push_back(Now() - t0);
    if (!index.ok()) {
      std::fprintf(stderr, "build failed: %s\n", index.status().ToString().c_str());
      return 2;
    }
  }
  const double bytes_per_hash = static_cast<double>(index->memory_bytes()) / static_cast<double>(n);

  Timings t_auto, t_index, t_scan_mode, t_brute;
  std::vector<PdqMatch> got;
  size_t differ = 0, matches = 0, planted_found = 0;
  auto timed = [](Timings& t, auto&& fn) {
    const ngb_bench::Elapsed e = ngb_bench::Time(fn);
    t.us.push_back(e.wall * 1e6);
    t.cpu_us.push_back(e.cpu * 1e6);
  };
  // One pass over all queries per method (a query is never timed right after the same query
  // warmed the caches), twice, alternating.
  std::vector<std::vector<PdqMatch>> truth(nq);
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < nq; ++i) timed(t_brute, [&] { BruteForce(hashes, queries[i], distance, &truth[i]); });
    for (size_t i = 0; i < nq; ++i) {
      timed(t_index, [&] { index->Query(queries[i], distance, &got, PdqSearch::kIndex); });
      differ += got != truth[i];
    }
    for (size_t i = 0; i < nq; ++i) {
      timed(t_auto, [&] { index->Query(queries[i], distance, &got); });
      differ += got != truth[i];
    }
    for (size_t i = round; i < nq; i += 10) {  // the index's own scan: slow, so every tenth query
      timed(t_scan_mode, [&] { index->Query(queries[i], distance, &got, PdqSearch::kLinear); });
      differ += got != truth[i];
    }
  }
  for (size_t i = 0; i < nq; ++i) {
    matches += truth[i].size();
    planted_found += i % 2 == 1 && !truth[i].empty();
  }

  const double ours = t_auto.median(), ours_cpu = t_auto.cpu_median();
  std::printf("pdq_index_bench: n=%zu queries=%zu (half with a planted neighbour at 0..31 bits) distance=%d "
              "key_bits=%u\n",
              n, nq, distance, index->key_bits());
  std::printf("  build: median of 3 %.3f s wall (reference MIH ~%.0f s: %.0fx faster; target < 2 s)\n",
              Median(build_s), kRefMihBuildS, kRefMihBuildS / Median(build_s));
  std::printf("  memory: %.2f bytes/hash, everything the index holds (%zu bytes; reference MIH ~%.0f; target <= 64)\n",
              bytes_per_hash, index->memory_bytes(), kRefMihBytes);
  std::printf("  %-26s %-23s %-23s %s\n", "us per query", "median wall (CPU)", "p99 wall (CPU)",
              "vs the scan wall (CPU)");
  t_brute.Print("brute-force popcount scan", t_brute);
  t_scan_mode.Print("index, scan mode (1/10)", t_brute);
  t_index.Print("index, probing", t_brute);
  t_auto.Print("index, automatic", t_brute);
  std::printf("  ratio: %.1fx (CPU %.1fx) vs the brute-force scan in this run (target >= 5); %.1fx (CPU %.1fx) vs "
              "reference MIH %.1f ms (target >= 10); %.1fx vs reference scan %.1f ms\n",
              t_brute.median() / ours, t_brute.cpu_median() / ours_cpu, kRefMihQueryUs / ours,
              kRefMihQueryUs / ours_cpu, kRefMihQueryUs / 1000, kRefLinearUs / ours, kRefLinearUs / 1000);
  std::printf("  results: %s (%zu query runs differ), %zu matches in all, %zu/%zu planted queries matched\n",
              differ == 0 ? "identical to the brute-force scan" : "DIFFERENT", differ, matches, planted_found, nq / 2);

  if (!save_dir.empty()) {
    const std::string path = save_dir + "/pdq_index_bench.ngbpdq";
    double t0 = Now();
    if (ngb::Status s = index->Save(path); !s.ok()) {
      std::fprintf(stderr, "save failed: %s\n", s.ToString().c_str());
      return 2;
    }
    const double save_s = Now() - t0;
    t0 = Now();
    ngb::Result<PdqIndex> opened = PdqIndex::Open(path);
    const double open_s = Now() - t0;
    if (!opened.ok()) {
      std::fprintf(stderr, "open failed: %s\n", opened.status().ToString().c_str());
      return 2;
    }
    Timings t_opened;
    for (size_t i = 0; i < nq; ++i) {
      timed(t_opened, [&] { opened->Query(queries[i], distance, &got); });
      differ += got != truth[i];
    }
    std::printf("  saved in %.3f s, opened (mmap) in %.6f s\n", save_s, open_s);
    t_opened.Print("opened index", t_brute);
    std::remove(path.c_str());
  }
  return differ == 0 ? 0 : 1;
}
