// Google Benchmark of the message-level path: Normalise (ASCII fast path and ICU path), language
// detection and scoring with the built-in models. Yardstick: the brief's ≤ ~1 µs per 100-byte ASCII
// message for Normalise and ~2-4 µs per message per core for the whole classify path.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "text/classifier.h"
#include "text/normalise.h"
#include "text/spelling_map.h"

namespace {

const char* kAscii100 = "Kia tum akeli ho?? mujhe apni pic bhejo yar, kisi ko mat batana ok!! pleeease reply jaldi";
const char* kEnglish100 = "hey are you home alone tonight? send me a pic and don't tell your parents about this ok";
const char* kUrdu = "کیا تم اکیلی ہو؟ مجھے اپنی تصویر بھیجو، کسی کو مت بتانا";

void BM_NormaliseAscii(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ngb::text::Normalise(kAscii100));
  state.SetItemsProcessed(state.iterations());
}
void BM_NormaliseEnglish(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ngb::text::Normalise(kEnglish100));
  state.SetItemsProcessed(state.iterations());
}
void BM_NormaliseUrdu(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ngb::text::Normalise(kUrdu));
  state.SetItemsProcessed(state.iterations());
}
void BM_DetectLanguage(benchmark::State& state) {
  std::string n = ngb::text::Normalise(kAscii100);
  for (auto _ : state) benchmark::DoNotOptimize(ngb::text::DetectLanguage(n));
  state.SetItemsProcessed(state.iterations());
}
void BM_ScoreNormalised(benchmark::State& state) {
  auto c = ngb::text::AbuseClassifier::Load();
  if (!c.ok()) {
    state.SkipWithError("no built-in models");
    return;
  }
  std::string n = ngb::text::Normalise(kAscii100);
  for (auto _ : state) benchmark::DoNotOptimize(c->ClassifyNormalised(n, ngb::text::Lang::kRomanUrdu));
  state.SetItemsProcessed(state.iterations());
}
void BM_ClassifyRaw(benchmark::State& state) {
  auto c = ngb::text::AbuseClassifier::Load();
  if (!c.ok()) {
    state.SkipWithError("no built-in models");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(c->Classify(kAscii100));
  state.SetItemsProcessed(state.iterations());
}
// Real messages: every line of the file named by $NGB_TEXT_LINES (bench/text_classify.sh makes one).
// Empty (and the benchmark skipped) when it is not set or unreadable.
std::vector<std::string> FileLines(benchmark::State& state) {
  const char* path = std::getenv("NGB_TEXT_LINES");
  std::vector<std::string> lines;
  std::ifstream f(path ? path : "");
  for (std::string l; std::getline(f, l);) lines.push_back(l);
  if (lines.empty()) state.SkipWithError("set NGB_TEXT_LINES to a file of messages");
  return lines;
}

void BM_ClassifyFileLines(benchmark::State& state) {
  std::vector<std::string> lines = FileLines(state);
  auto c = ngb::text::AbuseClassifier::Load();
  if (lines.empty() || !c.ok()) return;
  for (auto _ : state) {
    for (const auto& l : lines) benchmark::DoNotOptimize(c->Classify(l));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(lines.size()));
}
// SpellingMap::Find on every [a-z0-9] run of the normalised lines (the lookups Normalise makes).
void BM_SpellingFindFileWords(benchmark::State& state) {
  std::vector<std::string> words;
  for (const std::string& l : FileLines(state)) {
    std::string n = ngb::text::Normalise(l);
    for (size_t i = 0; i < n.size();) {
      size_t j = i;
      while (j < n.size() && ((n[j] >= 'a' && n[j] <= 'z') || (n[j] >= '0' && n[j] <= '9'))) ++j;
      if (j > i) words.push_back(n.substr(i, j - i));
      i = j + 1;
    }
  }
  if (words.empty()) return;
  const ngb::text::SpellingMap& map = ngb::text::SpellingMap::BuiltIn();
  for (auto _ : state) {
    for (const auto& w : words) benchmark::DoNotOptimize(map.Find(w));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(words.size()));
}
void BM_NormaliseFileLines(benchmark::State& state) {
  std::vector<std::string> lines = FileLines(state);
  for (auto _ : state) {
    for (const auto& l : lines) benchmark::DoNotOptimize(ngb::text::Normalise(l));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(lines.size()));
}

void BM_ModelLoad(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ngb::text::AbuseClassifier::Load());
}

BENCHMARK(BM_NormaliseAscii);
BENCHMARK(BM_NormaliseEnglish);
BENCHMARK(BM_NormaliseUrdu);
BENCHMARK(BM_DetectLanguage);
BENCHMARK(BM_ScoreNormalised);
BENCHMARK(BM_ClassifyRaw);
BENCHMARK(BM_ClassifyFileLines)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NormaliseFileLines)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SpellingFindFileWords)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ModelLoad);

}  // namespace

BENCHMARK_MAIN();
