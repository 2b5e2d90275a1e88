// SliceAccess: a window [offset, offset + length) of another RandomAccess, seen as a whole file
// (a carved file inside a disk image, a member stored uncompressed). No bytes are copied: reads
// are forwarded to the parent with the offset added, clipped at the window's end.
// Ownership: the parent must outlive the slice. Thread-safety: as the parent's ReadAt.
#pragma once
#include <algorithm>
#include <cstdint>

#include "source/byte_source.h"

namespace ngb::source {

class SliceAccess : public RandomAccess {
 public:
  // A window past the parent's end is clipped to it (size() never promises bytes that are not
  // there).
  SliceAccess(RandomAccess& parent, uint64_t offset, uint64_t length)
      : parent_(parent),
        offset_(std::min(offset, parent.size())),
        length_(std::min(length, parent.size() - offset_)) {}
  uint64_t size() const override { return length_; }
  Result<size_t> ReadAt(uint64_t offset, uint8_t* buf, size_t n) override {
    if (offset >= length_) return size_t{0};
    const size_t k = static_cast<size_t>(std::min<uint64_t>(n, length_ - offset));
    return parent_.ReadAt(offset_ + offset, buf, k);
  }

 private:
  RandomAccess& parent_;
  uint64_t offset_;
  uint64_t length_;
};

}  // namespace ngb::source
