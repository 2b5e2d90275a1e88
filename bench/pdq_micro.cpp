// pdq_micro: Google Benchmark micro-benchmark of the PDQ hash (src/hash/pdq.h) on one core, on
// synthetic images of 512x384, 1024x768 and 64x64:
//   Hash          8-bit RGB in -> hash (luma, blur, decimation, DCT, quality, bits): the entry
//                 point the pipeline uses after decoding
//   HashLuma      float luma in (copied and range-checked, then the same)
//   Naive         the yardstick: the plain scalar PDQ of src/testing/pdq_naive.h, which does the
//                 reference implementation's arithmetic in its order, one value at a time
//   DihedralDct / DihedralPixels   hash + 8 dihedral variants (512x384 only)
//   BlurAvx2 / BlurBaseline        the blur + decimation kernel alone, AVX2 and x86-64 baseline
//                                  (SSE2) builds, including a copy of the luma plane (512x384)
// Each runs 5 repetitions; the summary at the end prints the median CPU ns/image (CPU time, so that
// other load on the machine inflates it less than wall time), images/s, the speed-up (for the
// benchmarks doing the yardstick's work: Hash, HashLuma, DihedralDct)
// over the yardstick at the same size, and the share of the 1 ms PDQ budget per 512x384 image.
//
// Run: build/bench/pdq_micro [--benchmark_filter=Hash/] [--benchmark_min_time=0.5]
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "hash/pdq.h"
#include "hash/pdq_kernels.h"
#include "testing/pdq_naive.h"

namespace {

// Benign synthetic RGB picture: smooth waves plus noise, fixed seed.
std::vector<uint8_t> SyntheticRgb(int width, int height) {
  std::mt19937 rng(12345);
  std::vector<uint8_t> px(static_cast<size_t>(width) * height * 3);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int c = 0; c < 3; ++c)
        px[(static_cast<size_t>(y) * width + x) * 3 + c] =
            static_cast<uint8_t>((x * (3 + c) + y * (5 - c) + (x * y) / 97 + rng() % 32) & 255);
  return px;
}

std::vector<float> Luma(const std::vector<uint8_t>& rgb, int width, int height) {
  std::vector<float> luma(static_cast<size_t>(width) * height);
  if (!ngb::PdqLumaFromPixels(rgb.data(), width, height, 3, width * 3, luma.data()).ok())
    std::abort();
  return luma;
}

void SetRate(benchmark::State& state) {
  state.counters["images/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_Hash(benchmark::State& state) {
  const int w = static_cast<int>(state.range(0)), h = static_cast<int>(state.range(1));
  const std::vector<uint8_t> rgb = SyntheticRgb(w, h);
  ngb::PdqHasher hasher;
  for (auto _ : state) {
    auto r = hasher.Hash(rgb.data(), w, h, 3, static_cast<size_t>(w) * 3);
    benchmark::DoNotOptimize(r);
  }
  SetRate(state);
}

void BM_HashLuma(benchmark::State& state) {
  const int w = static_cast<int>(state.range(0)), h = static_cast<int>(state.range(1));
  const std::vector<float> luma = Luma(SyntheticRgb(w, h), w, h);
  ngb::PdqHasher hasher;
  for (auto _ : state) {
    auto r = hasher.HashLuma(luma.data(), w, h);
    benchmark::DoNotOptimize(r);
  }
  SetRate(state);
}

void BM_Naive(benchmark::State& state) {
  const int w = static_cast<int>(state.range(0)), h = static_cast<int>(state.range(1));
  const std::vector<uint8_t> rgb = SyntheticRgb(w, h);
  for (auto _ : state) {
    auto r = ngb::testing::NaiveHashLuma(ngb::testing::NaiveLuma(rgb.data(), w, h, 3, w * 3), w, h);
    benchmark::DoNotOptimize(r);
  }
  SetRate(state);
}

// The blur + decimation kernel alone (most of the cost), on each ISA the CPU has.
template <ngb::pdq_detail::Isa kIsa>
void BM_Blur(benchmark::State& state) {
  const int w = static_cast<int>(state.range(0)), h = static_cast<int>(state.range(1));
  if (kIsa == ngb::pdq_detail::Isa::kAvx2 && ngb::pdq_detail::BestIsa() != kIsa) {
    state.SkipWithError("no AVX2 on this CPU");
    return;
  }
  const size_t stride = ngb::pdq_detail::PlaneStride(w);
  const std::vector<uint8_t> rgb = SyntheticRgb(w, h);
  std::vector<float> luma(stride * h), plane(stride * h), block(64 * 64);
  std::vector<float> scratch(ngb::pdq_detail::BlurScratchFloats(w, h));
  ngb::pdq_detail::FillLuma(kIsa, rgb.data(), w, h, 3, w * 3, luma.data(), stride);
  for (auto _ : state) {
    plane = luma;  // the kernel clobbers its input
    ngb::pdq_detail::BlurDecimate(kIsa, plane.data(), w, h, scratch.data(), block.data());
    benchmark::DoNotOptimize(block.data());
  }
  SetRate(state);
}

template <bool kFromPixels>
void BM_Dihedral(benchmark::State& state) {
  const int w = static_cast<int>(state.range(0)), h = static_cast<int>(state.range(1));
  const std::vector<uint8_t> rgb = SyntheticRgb(w, h);
  ngb::PdqHasher hasher;
  ngb::PdqDihedral d;
  for (auto _ : state) {
    auto r = kFromPixels ? hasher.HashWithDihedralFromPixels(rgb.data(), w, h, 3, w * 3, &d)
                         : hasher.HashWithDihedralFromDct(rgb.data(), w, h, 3, w * 3, &d);
    benchmark::DoNotOptimize(r);
  }
  SetRate(state);
}

void Repeated(benchmark::internal::Benchmark* b) {
  b->Repetitions(5)->ReportAggregatesOnly(true)->Unit(benchmark::kMicrosecond);
}
void Sizes(benchmark::internal::Benchmark* b) {
  b->Args({512, 384})->Args({1024, 768})->Args({64, 64})->Apply(Repeated);
}
void Size512(benchmark::internal::Benchmark* b) { b->Args({512, 384})->Apply(Repeated); }

BENCHMARK(BM_Hash)->Name("Hash")->Apply(Sizes);
BENCHMARK(BM_HashLuma)->Name("HashLuma")->Apply(Sizes);
BENCHMARK(BM_Naive)->Name("Naive")->Apply(Sizes);
BENCHMARK(BM_Blur<ngb::pdq_detail::Isa::kAvx2>)->Name("BlurAvx2")->Apply(Size512);
BENCHMARK(BM_Blur<ngb::pdq_detail::Isa::kBaseline>)->Name("BlurBaseline")->Apply(Size512);
BENCHMARK(BM_Dihedral<false>)->Name("DihedralDct")->Apply(Size512);
BENCHMARK(BM_Dihedral<true>)->Name("DihedralPixels")->Apply(Size512);

// Console output as usual, plus the median ns/image of every benchmark kept for the summary.
class MedianReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.run_type == Run::RT_Aggregate && run.aggregate_name == "median")
        medians_[run.run_name.function_name + "/" + run.run_name.args] =
            run.GetAdjustedCPUTime() * 1e3;  // CPU time, reported in microseconds
    }
    ConsoleReporter::ReportRuns(runs);
  }
  const std::map<std::string, double>& medians() const { return medians_; }

 private:
  std::map<std::string, double> medians_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  MedianReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  std::printf(
      "\nPDQ medians of CPU time (one core). Yardstick: Naive = plain scalar PDQ in the "
      "reference's order of operations.\n");
  std::printf("%-28s %12s %10s %14s %16s\n", "benchmark", "ns/image", "images/s", "vs yardstick",
              "of 1 ms budget");
  for (const auto& [name, ns] : reporter.medians()) {
    const std::string args = name.substr(name.find('/') + 1);
    const auto naive = reporter.medians().find("Naive/" + args);
    std::printf("%-28s %12.0f %10.0f", name.c_str(), ns, 1e9 / ns);
    const bool same_work = name.rfind("Hash", 0) == 0 || name.rfind("DihedralDct", 0) == 0;
    if (naive != reporter.medians().end() && same_work)
      std::printf(" %13.1fx", naive->second / ns);
    else
      std::printf(" %14s", "-");
    if (args == "512/384") std::printf(" %15.0f%%", ns / 1e6 * 100);
    std::printf("\n");
  }
  return 0;
}
