// STUB (to be replaced by the trained models): scores everything 0.
#include "text/classifier.h"

#include "text/normalise.h"

namespace ngb::text {

Result<std::shared_ptr<const LinearModel>> LinearModel::FromBytes(std::string_view) {
  return Status::Error("not_implemented", "linear models not built yet");
}
Result<std::shared_ptr<const LinearModel>> LinearModel::Load(const std::string&) {
  return Status::Error("not_implemented", "linear models not built yet");
}

Result<AbuseClassifier> AbuseClassifier::Load(const std::string&) { return AbuseClassifier(); }

Verdict AbuseClassifier::Classify(std::string_view raw_utf8) const {
  std::string n = Normalise(raw_utf8);
  return ClassifyNormalised(n, DetectLanguage(n));
}

Verdict AbuseClassifier::ClassifyNormalised(std::string_view, Lang lang) const {
  Verdict v;
  v.lang = lang;
  return v;
}

}  // namespace ngb::text
