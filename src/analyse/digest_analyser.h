// DigestAnalyser: MD5, SHA-1 and SHA-256 of the item's content in one pass.
//
// Each digest is serial within a stream; when the worker reads several files side by side it lends
// this analyser a lane of a multi-buffer engine (DigestLanes) that computes all three, and the
// worker compresses all lanes together after each round of reads. Otherwise (archive members,
// one file at a time) OpenSSL's EVP computes them (MultiDigest).
#pragma once
#include "analyse/analyser.h"
#include "hash/digest_lanes.h"
#include "hash/multi_digest.h"

namespace ngb::analyse {

class DigestAnalyser : public Analyser {
 public:
  AnalyserInfo Describe() const override { return {"digest", "1"}; }
  // For the next item only: compute the digests in lane `lane` of `lanes` instead of inline.
  // REQUIRES: the caller Flush()es `lanes` after every Consume() and before the chunk's memory is
  // reused, and before Finish().
  void UseLane(DigestLanes* lanes, int lane) {
    lanes_ = lanes;
    lane_ = lane;
  }
  void Begin(const ItemRecord&, source::RandomAccess*) override;
  void Consume(std::span<const uint8_t> chunk) override;
  // Digests of an incompletely read item are not recorded: a partial hash would be misleading.
  void Finish(ItemRecord& item, bool complete) override;

 private:
  MultiDigest digest_;
  DigestLanes* lanes_ = nullptr;  // set by UseLane for one item
  int lane_ = -1;
  bool lane_mode_ = false;
};

}  // namespace ngb::analyse
