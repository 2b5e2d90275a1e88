// Message-level abuse classification: hashed word and character n-grams into a linear model per
// language. The hot path of `text classify` and of `chat analyze` (every message goes through it).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "text/language.h"
#include "text/normalise.h"

namespace ngb::text {

class NgbmModel;

// One trained linear model (a `.ngbm` file: see docs/text-models.md). Immutable after Load;
// Score is thread-safe.
class LinearModel {
 public:
  // From the bytes of a model file (kept by reference: `bytes` must outlive the model — embedded
  // models and mmapped files do).
  static Result<std::shared_ptr<const LinearModel>> FromBytes(std::string_view bytes);
  static Result<std::shared_ptr<const LinearModel>> Load(const std::string& path);
  virtual ~LinearModel() = default;
  // Probability-like score in [0,1] (calibrated on validation data) that `normalised` is positive.
  virtual float Score(std::string_view normalised) const = 0;
  virtual float threshold() const = 0;  // flag when Score >= threshold (chosen on validation data)
  virtual std::string_view name() const = 0;  // e.g. "abuse-ur-Latn"
};

struct Verdict {
  bool flag = false;
  float score = 0;  // calibrated, comparable across languages
  Lang lang = Lang::kUnknown;
};

// The `--task abuse` classifier: normalises, detects the language and asks that language's model.
class AbuseClassifier {
 public:
  // Models built into the binary (data/models/abuse-*.ngbm), or from `dir` when not empty.
  static Result<AbuseClassifier> Load(const std::string& dir = {});
  Verdict Classify(std::string_view raw_utf8) const;
  // When the caller has already normalised the text (chat analysis normalises once for all uses).
  Verdict ClassifyNormalised(std::string_view normalised, Lang lang) const;
  // The same verdict as ClassifyNormalised(normalised, lang) when `evidence` is
  // CountLanguageEvidence(normalised): for callers that counted it to detect the language (the
  // Roman Urdu second opinion on English text needs it too), so that it is counted once.
  Verdict ClassifyNormalised(std::string_view normalised, Lang lang, const LanguageEvidence& evidence) const;

 private:
  // Both ClassifyNormalised: `evidence` is CountLanguageEvidence(normalised), or null (then counted
  // only if the Roman Urdu second opinion needs it).
  Verdict Decide(std::string_view normalised, Lang lang, const LanguageEvidence* evidence) const;
  std::shared_ptr<const LinearModel> models_[3];  // indexed by Lang (en, ur, ur-Latn)
  // The English and Roman Urdu models when both are .ngbm models with the same features: English
  // text is then scored by both from one pass over its features.
  const NgbmModel* en_ngbm_ = nullptr;
  const NgbmModel* roman_ngbm_ = nullptr;
};

}  // namespace ngb::text
