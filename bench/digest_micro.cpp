// digest_micro: Google Benchmark micro-benchmark of the one-pass MD5 + SHA-1 + SHA-256 digest
// (the same code path as digest_bound, see one_pass_digest.h) over 4 KiB, 64 KiB and 1 MiB
// buffers, single-threaded. Each iteration is one whole "file": EVP_DigestInit_ex2 on the
// three reused contexts, updates in 256 KiB chunks, EVP_DigestFinal_ex, so the small sizes
// show the fixed per-file cost. Single-algorithm runs are included for comparison.
//
// Run: build/bench/digest_micro [--benchmark_filter=OnePass] [--benchmark_min_time=1]
#include "one_pass_digest.h"

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::size_t kChunkBytes = 256 << 10;

const ngb_bench::DigestAlgos& algos() {
  static const ngb_bench::DigestAlgos instance;  // EVP_MD fetched once per process
  return instance;
}

template <unsigned Mask>
void BM_Digest(benchmark::State& state) {
  std::vector<unsigned char> buf(static_cast<std::size_t>(state.range(0)));
  ngb_bench::fill_pseudo_random(buf, 42);
  ngb_bench::MultiDigest md(algos(), Mask);
  const std::span<const unsigned char> data(buf);
  for (auto _ : state) {
    unsigned char r = md.digest(data, kChunkBytes);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));  // items = files
}

void Sizes(benchmark::internal::Benchmark* b) {
  b->Arg(4 << 10)->Arg(64 << 10)->Arg(1 << 20);
}

}  // namespace

BENCHMARK(BM_Digest<ngb_bench::kMaskOnePass>)->Name("BM_OnePass_MD5_SHA1_SHA256")->Apply(Sizes);
BENCHMARK(BM_Digest<ngb_bench::kMaskMd5>)->Name("BM_MD5")->Apply(Sizes);
BENCHMARK(BM_Digest<ngb_bench::kMaskSha1>)->Name("BM_SHA1")->Apply(Sizes);
BENCHMARK(BM_Digest<ngb_bench::kMaskSha256>)->Name("BM_SHA256")->Apply(Sizes);

BENCHMARK_MAIN();
