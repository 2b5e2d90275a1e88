// What a linear model over hashed n-grams needs from a text: per block (words, characters) the sum
// of the model's int8 weights over every feature occurrence and the number of occurrences. The same
// numbers as adding w[bucket] for each ForEachFeature call (sums of integers: order does not
// matter), computed faster: the character n-grams of ASCII text are hashed eight start positions at
// a time and their weights gathered with AVX-512 where the CPU has it.
#pragma once
#include <cstdint>
#include <string_view>

#include "text/features.h"

namespace ngb::text {

struct FeatureSums {
  int32_t word[2] = {0, 0};  // weight sums of the word block, for weights a and b
  int32_t chr[2] = {0, 0};   // weight sums of the character block
  uint32_t n_word = 0, n_char = 0;
};

// Sums for weights `a` and, when not null, `b` (both 2^cfg.bucket_bits int8 values).
// REQUIRES: the 3 bytes before each weight table are readable (an .ngbm file's header is there):
// the vector path loads 4 bytes ending at each weight.
FeatureSums SumFeatures(std::string_view normalised, const FeatureConfig& cfg, const int8_t* a, const int8_t* b);

namespace feature_sums_detail {
// The same without the vector path (the reference the tests compare with).
FeatureSums SumFeaturesScalar(std::string_view normalised, const FeatureConfig& cfg, const int8_t* a,
                              const int8_t* b);
// Whether this CPU takes the vector path.
bool HaveVectorPath();
}  // namespace feature_sums_detail

}  // namespace ngb::text
