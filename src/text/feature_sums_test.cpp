// SumFeatures (vector path on CPUs that have AVX-512) must give exactly the sums and counts of
// adding each ForEachFeature bucket's weight, for every text and feature configuration.
#include "text/feature_sums.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text/normalise.h"
#include "text/text_test_util.h"

namespace ngb::text {
namespace {

const FeatureConfig kSumConfigs[] = {{2, 2, 5, 18}, {1, 1, 3, 12}, {3, 1, 8, 20}, {0, 3, 4, 10}, {2, 0, 0, 16},
                                  {1, 2, 2, 10}, {1, 4, 6, 14}};

// A weight table as a model file holds it: after a 128-byte header (the vector path reads the 3
// bytes before a table). Values cover the whole int8 range, the extremes included.
struct Table {
  std::vector<int8_t> bytes;
  const int8_t* weights() const { return bytes.data() + 128; }
  Table(int bits, uint32_t seed) : bytes(128 + (size_t{1} << bits)) {
    std::mt19937 rng(seed);
    for (auto& b : bytes) b = static_cast<int8_t>(rng());
    bytes[128] = -128;
    bytes[129] = 127;
  }
};

FeatureSums Expected(std::string_view s, const FeatureConfig& cfg, const int8_t* a, const int8_t* b) {
  FeatureSums r;
  ForEachFeature(s, cfg, [&](Block block, uint32_t k) {
    if (block == Block::kWord) {
      r.word[0] += a[k];
      r.word[1] += b ? b[k] : 0;
      ++r.n_word;
    } else {
      r.chr[0] += a[k];
      r.chr[1] += b ? b[k] : 0;
      ++r.n_char;
    }
  });
  return r;
}

void ExpectSame(const FeatureSums& got, const FeatureSums& want, std::string_view text) {
  ASSERT_EQ(got.word[0], want.word[0]) << text;
  ASSERT_EQ(got.word[1], want.word[1]) << text;
  ASSERT_EQ(got.chr[0], want.chr[0]) << text;
  ASSERT_EQ(got.chr[1], want.chr[1]) << text;
  ASSERT_EQ(got.n_word, want.n_word) << text;
  ASSERT_EQ(got.n_char, want.n_char) << text;
}

void CheckAll(const std::vector<std::string>& texts, const FeatureConfig& cfg) {
  Table a(cfg.bucket_bits, 1), b(cfg.bucket_bits, 2);
  SCOPED_TRACE(::testing::Message() << "word_max_n " << int(cfg.word_max_n) << " char " << int(cfg.char_min) << "-"
                                     << int(cfg.char_max) << " bits " << int(cfg.bucket_bits));
  for (const std::string& t : texts) {
    ExpectSame(SumFeatures(t, cfg, a.weights(), nullptr), Expected(t, cfg, a.weights(), nullptr), t);
    ExpectSame(SumFeatures(t, cfg, a.weights(), b.weights()), Expected(t, cfg, a.weights(), b.weights()), t);
    ExpectSame(feature_sums_detail::SumFeaturesScalar(t, cfg, a.weights(), b.weights()),
               Expected(t, cfg, a.weights(), b.weights()), t);
  }
}

// Space-separated ASCII tokens of 1-70 bytes (across the 64-byte cut), as normalised text is, with
// now and then a leading, trailing or doubled space (the vector path must hand those back).
std::vector<std::string> AsciiTokenTexts(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    std::string t;
    const int tokens = 1 + static_cast<int>(rng() % 12);
    for (int k = 0; k < tokens; ++k) {
      if (!t.empty()) t += rng() % 50 ? " " : "  ";
      const int len = rng() % 20 ? 1 + static_cast<int>(rng() % 9) : 60 + static_cast<int>(rng() % 10);
      for (int c = 0; c < len; ++c) t += static_cast<char>(rng() % 8 ? 'a' + rng() % 26 : 0x21 + rng() % 94);
    }
    if (rng() % 40 == 0) t = " " + t;
    if (rng() % 40 == 0) t += " ";
    out.push_back(t);
  }
  return out;
}

TEST(FeatureSumsTest, EqualsPerFeatureSumsOnAsciiTokenTexts) {
  if (!feature_sums_detail::HaveVectorPath()) GTEST_LOG_(INFO) << "no AVX-512 here: scalar path only";
  std::vector<std::string> texts = AsciiTokenTexts(3000, 7);
  for (std::string t : std::vector<std::string>{"", " ", "a", "ab", "a b", std::string(64, 'x'), std::string(65, 'x'),
                                                 std::string(64, 'x') + " " + std::string(64, 'y'), "a  b", "x "}) {
    texts.push_back(t);
  }
  // The vector path's checks run 64 bytes at a time: tokens of 64 and 65 bytes and double spaces
  // placed across every chunk boundary.
  for (size_t at = 0; at < 140; ++at) {
    std::string prefix;
    while (prefix.size() < at) prefix += prefix.size() % 7 == 6 ? ' ' : 'p';
    if (!prefix.empty() && prefix.back() == ' ') prefix.back() = 'q';
    for (size_t len : {63, 64, 65}) texts.push_back(prefix + (prefix.empty() ? "" : " ") + std::string(len, 't') + " end");
    texts.push_back(prefix + "  x");
  }
  for (const FeatureConfig& cfg : kSumConfigs) CheckAll(texts, cfg);
}

TEST(FeatureSumsTest, EqualsPerFeatureSumsOnHostileStrings) {
  std::vector<std::string> texts = testing_util::HostileStrings(3000, 13);
  for (const FeatureConfig& cfg : kSumConfigs) CheckAll(texts, cfg);
}

TEST(FeatureSumsTest, EqualsPerFeatureSumsOnNormalisedCorpusLines) {
  std::vector<std::string> lines = testing_util::CorpusLines(20000);
  if (lines.empty()) GTEST_SKIP() << "corpora not found (set NIGEHBAAN_CORPORA)";
  std::vector<std::string> texts;
  for (const std::string& l : lines) texts.push_back(Normalise(l));
  CheckAll(texts, kSumConfigs[0]);
}

}  // namespace
}  // namespace ngb::text
