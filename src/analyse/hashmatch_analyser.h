// HashMatchAnalyser: looks each item up in the enabled hash sets — its MD5, SHA-1 and SHA-256,
// and for images its PDQ hash over all 8 rotations/mirrors — and records the hits in
// ItemRecord::matches. Runs after the digest and PDQ analysers (registry order). Known-good
// items are marked by their match, never dropped.
#pragma once
#include "analyse/analyser.h"
#include "hashset/matcher.h"

namespace ngb::analyse {

class HashMatchAnalyser : public Analyser {
 public:
  explicit HashMatchAnalyser(const hashset::Matcher& matcher) : matcher_(matcher) {}
  AnalyserInfo Describe() const override { return {"hashmatch", "1"}; }
  void Begin(const ItemRecord&, source::RandomAccess*) override {}
  void Consume(std::span<const uint8_t>) override {}
  void Finish(ItemRecord& item, bool complete) override;

 private:
  const hashset::Matcher& matcher_;
  std::vector<Hash256> pdq_;
};

}  // namespace ngb::analyse
