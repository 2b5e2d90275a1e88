// Differential fuzz target for the text hot path: on any input, the fast paths must give exactly
// what the reference code gives, or the target traps:
//  - SumFeatures (AVX-512 character n-grams) == SumFeaturesScalar (features.h's loops), for the
//    input as it is and normalised, with random weight tables and several feature configurations;
//  - CountLanguageEvidence (bit-mask word walk on ASCII) == its byte loop;
//  - Normalise (ASCII and UTF-8 pre-passes) == NormaliseWithIcu.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "text/feature_sums.h"
#include "text/normalise.h"

namespace {

using namespace ngb::text;

// A weight table after 128 bytes standing for the model header (the vector path reads the 3 bytes
// before a table).
struct Table {
  std::vector<int8_t> bytes;
  explicit Table(uint32_t seed) : bytes(128 + (size_t{1} << 20)) {
    std::mt19937 rng(seed);
    for (auto& b : bytes) b = static_cast<int8_t>(rng());
  }
  const int8_t* weights() const { return bytes.data() + 128; }
};

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

void SameSums(std::string_view text) {
  static const Table a(1), b(2);
  static const FeatureConfig configs[] = {{2, 2, 5, 18}, {1, 1, 3, 12}, {3, 1, 8, 20}, {0, 4, 6, 16}};
  for (const FeatureConfig& cfg : configs) {
    for (const int8_t* second : {static_cast<const int8_t*>(nullptr), b.weights()}) {
      const FeatureSums x = SumFeatures(text, cfg, a.weights(), second);
      const FeatureSums y = feature_sums_detail::SumFeaturesScalar(text, cfg, a.weights(), second);
      Check(x.word[0] == y.word[0] && x.word[1] == y.word[1] && x.chr[0] == y.chr[0] && x.chr[1] == y.chr[1] &&
            x.n_word == y.n_word && x.n_char == y.n_char);
    }
  }
}

void SameEvidence(std::string_view text) {
  const LanguageEvidence x = CountLanguageEvidence(text);
  const LanguageEvidence y = normalise_detail::CountLanguageEvidenceBytewise(text);
  Check(x.arabic == y.arabic && x.latin == y.latin && x.urdu_words == y.urdu_words &&
        x.english_words == y.english_words);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // long inputs add time, not paths
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::string normalised = Normalise(input);
  Check(normalised == normalise_detail::NormaliseWithIcu(input));
  for (const std::string& t : {input, normalised}) {
    SameSums(t);
    SameEvidence(t);
  }
  return 0;
}
