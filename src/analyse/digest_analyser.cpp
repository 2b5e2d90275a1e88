#include "analyse/digest_analyser.h"

namespace ngb::analyse {

void DigestAnalyser::Begin(const ItemRecord&, source::RandomAccess*) {
  lane_mode_ = lanes_ != nullptr;
  digest_.Reset(/*with_md5=*/!lane_mode_);
  if (lane_mode_) lanes_->Reset(lane_);
}

void DigestAnalyser::Consume(std::span<const uint8_t> chunk) {
  digest_.Update(chunk);
  if (lane_mode_) lanes_->Submit(lane_, chunk);
}

void DigestAnalyser::Finish(ItemRecord& item, bool complete) {
  Md5Lanes* lanes = lane_mode_ ? lanes_ : nullptr;
  lanes_ = nullptr;  // the lane is lent for one item only
  lane_mode_ = false;
  if (!complete) return;
  Digests d = digest_.Final();
  item.md5 = lanes ? lanes->Final(lane_) : std::move(d.md5);
  item.sha1 = std::move(d.sha1);
  item.sha256 = std::move(d.sha256);
}

}  // namespace ngb::analyse
