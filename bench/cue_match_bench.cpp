// CueMatcher::Match throughput with the built-in lexicons (target: >= 1 M messages/s on one core
// for ~80-byte messages), and the time to load them. Messages are normalised once, up front, as
// the chat analyser does before matching.
//   build/bench/cue_match_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "text/cues.h"
#include "text/normalise.h"

namespace {

// A mix of ordinary chat and cue-bearing messages in the three languages, ~80 bytes each.
const char* const kMessages[] = {
    "hey how r u doing today, did you finish the maths homework? send me the notes pls",
    "lol that match yesterday was crazy, babar played so well, kal phir dekhenge yaar",
    "are you alone at home right now? dont tell your parents about our chats ok",
    "kya haal hai bhai, kal school ke baad cricket khelne chalo ge? ammi se pooch lena",
    "send me ur pic plz, you are so beautiful and mature for your age, our secret ok",
    "apni pic bhejo na jaan, kisi ko mat batana, main tumhe naya phone dilaunga",
    "آج موسم بہت اچھا ہے، شام کو پارک چلیں گے؟ امی سے پوچھ کر بتاؤ",
    "کیا تم اکیلی ہو؟ اپنی تصویر بھیجو، کسی کو مت بتانا",
    "i have your pics, send 5000 rs on jazzcash by tonight or i will send them to your family",
    "the teacher said the zoom class link will be shared in the class group tomorrow",
    "mere paas tumhari videos hain, 10 hazar bhejo warna sab ko bhej dunga",
    "good morning! breakfast ready hai, jaldi neeche aao warna chai thandi ho jayegi",
};

std::vector<std::string> Corpus() {
  std::vector<std::string> out;
  for (const char* m : kMessages) out.push_back(ngb::text::Normalise(m));
  return out;
}

void BM_CueMatch(benchmark::State& state) {
  auto loaded = ngb::text::CueMatcher::Load("");
  if (!loaded.ok()) {
    state.SkipWithError(loaded.status().ToString().c_str());
    return;
  }
  const ngb::text::CueMatcher& m = **loaded;
  std::vector<std::string> corpus = Corpus();
  std::vector<ngb::text::CueHit> hits;
  size_t bytes = 0, n = 0, total_hits = 0;
  for (auto _ : state) {
    for (const std::string& msg : corpus) {
      hits.clear();
      m.Match(msg, hits);
      total_hits += hits.size();
      bytes += msg.size();
    }
    n += corpus.size();
  }
  state.counters["msgs/s"] = benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
  state.counters["bytes/msg"] = static_cast<double>(bytes) / static_cast<double>(n);
  state.counters["hits/msg"] = static_cast<double>(total_hits) / static_cast<double>(n);
  state.counters["patterns"] = static_cast<double>(m.pattern_count());
}
BENCHMARK(BM_CueMatch)->Unit(benchmark::kMicrosecond);

void BM_CueLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto loaded = ngb::text::CueMatcher::Load("");
    benchmark::DoNotOptimize(loaded);
  }
}
BENCHMARK(BM_CueLoad)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
