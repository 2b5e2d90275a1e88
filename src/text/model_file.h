// The `.ngbm` linear model file (docs/text-models.md): a 128-byte little-endian header, then one
// int8 weight per hash bucket. Parsing validates everything and then points at the weights (no copy).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "text/classifier.h"
#include "text/features.h"

namespace ngb::text {

inline constexpr uint32_t kNgbmVersion = 1;
inline constexpr size_t kNgbmHeaderBytes = 128;

// Everything in a model file except the weights.
struct ModelHeader {
  std::string name;   // at most 47 bytes, e.g. "abuse-ur-Latn"
  std::string lang;   // at most 15 bytes, a LangCode
  FeatureConfig features;
  float weight_scale = 1;  // real weight = int8 weight * weight_scale
  float bias = 0;          // added to the decision value
  float platt_a = -1;      // probability = 1 / (1 + exp(platt_a * decision + platt_b))
  float platt_b = 0;
  float threshold = 0.5f;  // flag when probability >= threshold
};

// Serialises a model: `weights` holds 2^features.bucket_bits values.
std::string WriteModel(const ModelHeader& header, const std::vector<int8_t>& weights);

// The checksum stored at offset 44: FNV-1a over 8-byte words of the whole file (the checksum field
// read as zero) with murmur3's finaliser.
uint32_t ModelChecksum(std::string_view bytes);

// Float weights → int8 with one scale (max |w| / 127), rounding to nearest. Returns the scale.
float QuantiseWeights(const std::vector<double>& w, std::vector<int8_t>& out);

// The parsed model. `bytes` must outlive it (or `keep_alive` owns them).
class NgbmModel final : public LinearModel {
 public:
  static Result<std::shared_ptr<const NgbmModel>> Parse(std::string_view bytes,
                                                          std::shared_ptr<const void> keep_alive = {});
  float Score(std::string_view normalised) const override;
  float threshold() const override { return header_.threshold; }
  std::string_view name() const override { return header_.name; }
  // The uncalibrated linear decision value (what Platt scaling maps to a probability).
  double Decision(std::string_view normalised) const;
  // Whether `other` hashes text into the same features (then DecisionWith may pair the two).
  bool SameFeatures(const NgbmModel& other) const;
  // {Decision(normalised), other.Decision(normalised)} from one pass over the features (half the
  // hashing of two calls). REQUIRES: SameFeatures(other).
  std::pair<double, double> DecisionWith(const NgbmModel& other, std::string_view normalised) const;
  float Calibrate(double decision) const;
  const ModelHeader& header() const { return header_; }

 private:
  // The decision value from the weight sums and feature counts of the two blocks (words, characters).
  double Combine(const int32_t sum[2], const uint32_t count[2]) const;
  ModelHeader header_;
  const int8_t* weights_ = nullptr;
  std::shared_ptr<const void> keep_alive_;
};

}  // namespace ngb::text
