// BatchingSink: collects records from one thread and hands them to another Sink in batches, so
// the shared sink's lock is taken once per batch instead of once per record. Not thread-safe: one
// per worker thread. Order is preserved. Records still held when the process dies are simply not
// written (a resumed scan redoes their units).
#pragma once
#include <vector>

#include "core/sink.h"

namespace ngb {

class BatchingSink : public Sink {
 public:
  BatchingSink(Sink& target, size_t batch) : target_(target), batch_(batch) { held_.reserve(batch); }
  ~BatchingSink() override { Send(); }
  void Put(ItemRecord&& rec) override {
    held_.push_back(std::move(rec));
    if (held_.size() >= batch_) Send();
  }
  Status Flush() override {
    Send();
    return target_.Flush();
  }
  // Hands over what is held without waiting for the target to write it.
  void Send() {
    if (held_.empty()) return;
    target_.PutBatch(held_);
    held_.reserve(batch_);  // the target may hand back another vector (ItemWriter does)
  }

 private:
  Sink& target_;
  const size_t batch_;
  std::vector<ItemRecord> held_;
};

}  // namespace ngb
