// DigestAnalyser: MD5, SHA-1 and SHA-256 of the item's content in one pass.
#pragma once
#include "analyse/analyser.h"
#include "hash/multi_digest.h"

namespace ngb::analyse {

class DigestAnalyser : public Analyser {
 public:
  AnalyserInfo Describe() const override { return {"digest", "1"}; }
  void Begin(const ItemRecord&) override { digest_.Reset(); }
  void Consume(std::span<const uint8_t> chunk) override { digest_.Update(chunk); }
  // Digests of an incompletely read item are not recorded: a partial hash would be misleading.
  void Finish(ItemRecord& item, bool complete) override;

 private:
  MultiDigest digest_;
};

}  // namespace ngb::analyse
