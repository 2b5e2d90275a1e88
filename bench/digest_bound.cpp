// digest_bound: the hardware bound for a one-pass MD5 + SHA-1 + SHA-256 scanner.
//
// Every thread (default: one per std::thread::hardware_concurrency()) owns a 64 MiB buffer
// and digests it in 256 KiB chunks, each chunk passed to the EVP_DigestUpdate calls of the
// active algorithms. All threads run each phase at the same moment (barrier-synchronised), so
// the figures reflect a fully loaded machine (shared caches, memory bandwidth, clock limits).
// Phases: MD5 alone, SHA-1 alone, SHA-256 alone, then the one-pass combination.
//
// Reported: per-core MB/s (mean over threads of bytes / thread time) and aggregate MB/s
// (all threads' bytes / phase wall time). MB = 10^6 bytes. The aggregate one-pass rate is the
// best a page-cached scan can do: bound_seconds = corpus_bytes / aggregate_one_pass_rate.
//
// Usage: digest_bound [--json] [--threads N] [--passes N]
#include "one_pass_digest.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <barrier>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using ngb_bench::DigestAlgos;
using ngb_bench::MultiDigest;

constexpr std::size_t kBufferBytes = 64ULL << 20;  // 64 MiB
constexpr std::size_t kChunkBytes = 256ULL << 10;  // 256 KiB

struct Phase {
  const char* key;    // JSON key
  const char* label;  // table label
  unsigned mask;
};
constexpr Phase kPhases[] = {
    {"md5", "MD5 alone", ngb_bench::kMaskMd5},
    {"sha1", "SHA-1 alone", ngb_bench::kMaskSha1},
    {"sha256", "SHA-256 alone", ngb_bench::kMaskSha256},
    {"one_pass", "one-pass MD5+SHA-1+SHA-256", ngb_bench::kMaskOnePass},
};
constexpr std::size_t kNumPhases = std::size(kPhases);

struct ThreadTimes {
  Clock::time_point start[kNumPhases];
  Clock::time_point end[kNumPhases];
  unsigned char sink = 0;
};

void usage(std::FILE* f) {
  std::fprintf(f,
               "usage: digest_bound [--json] [--threads N] [--passes N]\n"
               "  --json       print one JSON object instead of a table\n"
               "  --threads N  worker threads (default: hardware_concurrency)\n"
               "  --passes N   64 MiB passes per thread per phase (default 4)\n");
}

bool parse_positive(const char* s, unsigned& out) {
  char* end = nullptr;
  const unsigned long v = std::strtoul(s, &end, 10);
  if (end == s || *end != '\0' || v == 0 || v > 4096) return false;
  out = static_cast<unsigned>(v);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  bool json = false;
  unsigned threads = std::thread::hardware_concurrency();
  if (threads == 0) threads = 1;
  unsigned passes = 4;

  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--json") {
      json = true;
    } else if (a == "--threads" && i + 1 < argc) {
      if (!parse_positive(argv[++i], threads)) {
        std::fprintf(stderr, "digest_bound: bad --threads value\n");
        return 2;
      }
    } else if (a == "--passes" && i + 1 < argc) {
      if (!parse_positive(argv[++i], passes)) {
        std::fprintf(stderr, "digest_bound: bad --passes value\n");
        return 2;
      }
    } else if (a == "-h" || a == "--help") {
      usage(stdout);
      return 0;
    } else {
      std::fprintf(stderr, "digest_bound: unknown argument '%s'\n", a.c_str());
      usage(stderr);
      return 2;
    }
  }

  const DigestAlgos algos;  // EVP_MD fetched once, shared read-only by all threads
  std::vector<ThreadTimes> times(threads);
  std::barrier sync(static_cast<std::ptrdiff_t>(threads));

  auto worker = [&](unsigned idx) {
    std::vector<unsigned char> buf(kBufferBytes);
    ngb_bench::fill_pseudo_random(buf, 0x5eed0000ULL + idx);  // touches every page
    const std::span<const unsigned char> data(buf);
    ThreadTimes& t = times[idx];
    for (std::size_t p = 0; p < kNumPhases; ++p) {
      MultiDigest md(algos, kPhases[p].mask);
      t.sink ^= md.digest(data.first(kChunkBytes), kChunkBytes);  // warm-up, untimed
      sync.arrive_and_wait();
      t.start[p] = Clock::now();
      for (unsigned pass = 0; pass < passes; ++pass) t.sink ^= md.digest(data, kChunkBytes);
      t.end[p] = Clock::now();
    }
  };

  {
    std::vector<std::jthread> pool;
    pool.reserve(threads);
    for (unsigned i = 0; i < threads; ++i) pool.emplace_back(worker, i);
  }

  const double bytes_per_thread = static_cast<double>(kBufferBytes) * passes;
  double per_core[kNumPhases] = {};
  double aggregate[kNumPhases] = {};
  unsigned sink = 0;
  for (std::size_t p = 0; p < kNumPhases; ++p) {
    Clock::time_point first_start = times[0].start[p];
    Clock::time_point last_end = times[0].end[p];
    double sum_rate = 0;
    for (const ThreadTimes& t : times) {
      const double secs = std::chrono::duration<double>(t.end[p] - t.start[p]).count();
      sum_rate += bytes_per_thread / secs / 1e6;
      first_start = std::min(first_start, t.start[p]);
      last_end = std::max(last_end, t.end[p]);
    }
    per_core[p] = sum_rate / threads;
    const double wall = std::chrono::duration<double>(last_end - first_start).count();
    aggregate[p] = bytes_per_thread * threads / wall / 1e6;
  }
  for (const ThreadTimes& t : times) sink ^= t.sink;

  const std::size_t one = kNumPhases - 1;
  if (json) {
    std::printf("{\"tool\":\"digest_bound\",\"openssl\":\"%s\",\"threads\":%u,\"hardware_concurrency\":%u,"
                "\"buffer_bytes\":%zu,\"chunk_bytes\":%zu,\"passes\":%u,\"per_core_mbps\":{",
                OpenSSL_version(OPENSSL_VERSION), threads, std::thread::hardware_concurrency(), kBufferBytes,
                kChunkBytes, passes);
    for (std::size_t p = 0; p < kNumPhases; ++p)
      std::printf("%s\"%s\":%.1f", p ? "," : "", kPhases[p].key, per_core[p]);
    std::printf("},\"aggregate_mbps\":{");
    for (std::size_t p = 0; p < kNumPhases; ++p)
      std::printf("%s\"%s\":%.1f", p ? "," : "", kPhases[p].key, aggregate[p]);
    std::printf("},\"aggregate_one_pass_mbps\":%.1f,\"sink\":%u}\n", aggregate[one], sink);
  } else {
    std::printf("digest_bound: %s; %u thread(s) (hardware_concurrency %u); %zu MiB buffer, %zu KiB chunks, "
                "%u pass(es)/thread/phase\n",
                OpenSSL_version(OPENSSL_VERSION), threads, std::thread::hardware_concurrency(), kBufferBytes >> 20,
                kChunkBytes >> 10, passes);
    std::printf("  %-28s %14s %15s\n", "digest", "per-core MB/s", "aggregate MB/s");
    for (std::size_t p = 0; p < kNumPhases; ++p)
      std::printf("  %-28s %14.1f %15.1f\n", kPhases[p].label, per_core[p], aggregate[p]);
    std::printf("aggregate one-pass rate: %.1f MB/s (bound for 1.5 GB: %.2f s)\n", aggregate[one],
                1.5e9 / (aggregate[one] * 1e6));
  }
  return 0;
}
