// digest_micro: Google Benchmark micro-benchmark of the one-pass MD5 + SHA-1 + SHA-256 digest
// (the same code path as digest_bound, see one_pass_digest.h) over 4 KiB, 64 KiB and 1 MiB
// buffers, single-threaded. Each iteration is one whole "file": EVP_DigestInit_ex2 on the
// three reused contexts, updates in 256 KiB chunks, EVP_DigestFinal_ex, so the small sizes
// show the fixed per-file cost. Single-algorithm runs are included for comparison.
//
// BM_DigestLanes16: what the scan's workers do instead (src/hash/digest_lanes.h): 16 files of the
// given size side by side, all three digests in SIMD lanes; bytes/s counts all 16 files.
// BM_Kernel16_*: the 16-lane block kernels alone against the one-stream block functions
// (BM_Kernel1_*: OpenSSL's, with the SHA extensions), 64 KiB per stream.
// BM_Three_Stitched / BM_Three_Separately: the three block functions of one stream in one pass
// (src/hash/three_digests.h) against one after the other, 64 KiB.
// BM_DigestLanesN/N/T: N streams of 1 MiB in 128 KiB chunks through DigestLanes, with the SIMD
// kernels used while at least T lanes have blocks (T = 1: always; 17: never, one stream at a time
// with the stitched kernel); bytes/s counts all N streams. Chooses DigestLanes::kOneStreamBelow.
//
// Run: build/bench/digest_micro [--benchmark_filter=OnePass] [--benchmark_min_time=1]
#include "one_pass_digest.h"

#include "hash/digest_lanes.h"
#include "hash/three_digests.h"

#include <benchmark/benchmark.h>

#include <algorithm>
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

void BM_DigestLanes16(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  std::vector<unsigned char> buf(size * 16);
  ngb_bench::fill_pseudo_random(buf, 42);
  ngb::DigestLanes lanes;
  for (auto _ : state) {
    for (int i = 0; i < 16; ++i) lanes.Reset(i);
    for (std::size_t off = 0; off < size; off += kChunkBytes) {
      const std::size_t n = std::min(kChunkBytes, size - off);
      for (int i = 0; i < 16; ++i) lanes.Submit(i, {buf.data() + size * i + off, n});
      lanes.Flush();
    }
    for (int i = 0; i < 16; ++i) benchmark::DoNotOptimize(lanes.Final(i));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0) * 16);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 16);
}

constexpr std::size_t kKernelBytes = 64 << 10;  // per stream

template <typename State, void (*Kernel)(State*, const std::uint8_t* const*, std::size_t)>
void BM_Kernel16(benchmark::State& state) {
  std::vector<unsigned char> buf(kKernelBytes * 16);
  ngb_bench::fill_pseudo_random(buf, 7);
  const std::uint8_t* ptr[16];
  for (int i = 0; i < 16; ++i) ptr[i] = buf.data() + kKernelBytes * i;
  State st[16] = {};
  for (auto _ : state) {
    Kernel(st, ptr, kKernelBytes / 64);
    benchmark::DoNotOptimize(st);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * kKernelBytes * 16);
}

template <typename State, void (*One)(State&, const std::uint8_t*, std::size_t)>
void BM_Kernel1(benchmark::State& state) {
  std::vector<unsigned char> buf(kKernelBytes);
  ngb_bench::fill_pseudo_random(buf, 7);
  State st = {};
  for (auto _ : state) {
    One(st, buf.data(), kKernelBytes / 64);
    benchmark::DoNotOptimize(st);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * kKernelBytes);
}

void BM_DigestLanesN(benchmark::State& state) {
  const auto n = static_cast<int>(state.range(0));
  constexpr std::size_t kSize = 1 << 20, kChunk = 128 << 10;
  std::vector<unsigned char> buf(kSize * static_cast<std::size_t>(n));
  ngb_bench::fill_pseudo_random(buf, 42);
  ngb::DigestLanes lanes;
  lanes.SetOneStreamBelow(static_cast<int>(state.range(1)));
  for (auto _ : state) {
    for (int i = 0; i < n; ++i) lanes.Reset(i);
    for (std::size_t off = 0; off < kSize; off += kChunk) {
      for (int i = 0; i < n; ++i) lanes.Submit(i, {buf.data() + kSize * static_cast<std::size_t>(i) + off, kChunk});
      lanes.Flush();
    }
    for (int i = 0; i < n; ++i) benchmark::DoNotOptimize(lanes.Final(i));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(kSize) * n);
}

template <void (*Three)(ngb::Md5State&, ngb::Sha1State&, ngb::Sha256State&, const std::uint8_t*, std::size_t)>
void BM_Three(benchmark::State& state) {
  std::vector<unsigned char> buf(kKernelBytes);
  ngb_bench::fill_pseudo_random(buf, 7);
  ngb::Md5State md5 = ngb::kMd5Init;
  ngb::Sha1State sha1 = ngb::kSha1Init;
  ngb::Sha256State sha256 = ngb::kSha256Init;
  for (auto _ : state) {
    Three(md5, sha1, sha256, buf.data(), kKernelBytes / 64);
    benchmark::DoNotOptimize(md5);
    benchmark::DoNotOptimize(sha1);
    benchmark::DoNotOptimize(sha256);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * kKernelBytes);
}

}  // namespace

BENCHMARK(BM_DigestLanes16)->Apply(Sizes);
BENCHMARK(BM_DigestLanesN)->ArgsProduct({{1, 2, 4, 6, 8, 10, 12, 16}, {1, 17}});
BENCHMARK(BM_Three<ngb::CompressThree>)->Name("BM_Three_Stitched");
BENCHMARK(BM_Three<ngb::CompressThreeSeparately>)->Name("BM_Three_Separately");
BENCHMARK(BM_Kernel16<ngb::Md5State, ngb::Md5Compress16>)->Name("BM_Kernel16_MD5");
BENCHMARK(BM_Kernel16<ngb::Sha1State, ngb::Sha1Compress16>)->Name("BM_Kernel16_SHA1");
BENCHMARK(BM_Kernel16<ngb::Sha256State, ngb::Sha256Compress16>)->Name("BM_Kernel16_SHA256");
BENCHMARK(BM_Kernel1<ngb::Md5State, ngb::Md5CompressScalar>)->Name("BM_Kernel1_MD5");
BENCHMARK(BM_Kernel1<ngb::Sha1State, ngb::Sha1CompressBlocks>)->Name("BM_Kernel1_SHA1");
BENCHMARK(BM_Kernel1<ngb::Sha256State, ngb::Sha256CompressBlocks>)->Name("BM_Kernel1_SHA256");

BENCHMARK(BM_Digest<ngb_bench::kMaskOnePass>)->Name("BM_OnePass_MD5_SHA1_SHA256")->Apply(Sizes);
BENCHMARK(BM_Digest<ngb_bench::kMaskMd5>)->Name("BM_MD5")->Apply(Sizes);
BENCHMARK(BM_Digest<ngb_bench::kMaskSha1>)->Name("BM_SHA1")->Apply(Sizes);
BENCHMARK(BM_Digest<ngb_bench::kMaskSha256>)->Name("BM_SHA256")->Apply(Sizes);

BENCHMARK_MAIN();
