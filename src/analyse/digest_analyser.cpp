#include "analyse/digest_analyser.h"

namespace ngb::analyse {

void DigestAnalyser::Begin(const ItemRecord&, source::RandomAccess*) {
  lane_mode_ = lanes_ != nullptr;
  if (lane_mode_) {
    lanes_->Reset(lane_);
  } else {
    digest_.Reset();
  }
}

void DigestAnalyser::Consume(std::span<const uint8_t> chunk) {
  if (lane_mode_) {
    lanes_->Submit(lane_, chunk);
  } else {
    digest_.Update(chunk);
  }
}

void DigestAnalyser::Finish(ItemRecord& item, bool complete) {
  DigestLanes* lanes = lane_mode_ ? lanes_ : nullptr;
  lanes_ = nullptr;  // the lane is lent for one item only
  lane_mode_ = false;
  if (!complete) return;
  Digests d = lanes ? lanes->Final(lane_) : digest_.Final();
  item.md5 = std::move(d.md5);
  item.sha1 = std::move(d.sha1);
  item.sha256 = std::move(d.sha256);
}

}  // namespace ngb::analyse
