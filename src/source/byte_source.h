// Byte sources: how the pipeline reads an item's content.
//   ByteStream   — sequential, once (a file being hashed, an archive member being decompressed).
//   RandomAccess — positioned reads (a file or spool that a container reader may seek in).
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>

#include "core/status.h"

namespace ngb::source {

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Next chunk of content; an empty span at the end. The span stays valid until the next call.
  virtual Result<std::span<const uint8_t>> Next() = 0;
};

class RandomAccess {
 public:
  virtual ~RandomAccess() = default;
  virtual uint64_t size() const = 0;
  // Reads up to n bytes at offset; returns the count (0 at or past the end).
  virtual Result<size_t> ReadAt(uint64_t offset, uint8_t* buf, size_t n) = 0;
  // All of the bytes, when they are already in memory (valid as long as this object): readers
  // can look at them instead of copying. Empty otherwise.
  virtual std::optional<std::span<const uint8_t>> InMemory() const { return std::nullopt; }
};

// Random access to bytes already in memory (a small file read whole). The bytes must outlive it.
class MemoryBytes : public RandomAccess {
 public:
  explicit MemoryBytes(std::span<const uint8_t> bytes) : bytes_(bytes) {}
  uint64_t size() const override { return bytes_.size(); }
  Result<size_t> ReadAt(uint64_t offset, uint8_t* buf, size_t n) override {
    if (offset >= bytes_.size()) return size_t{0};
    const size_t k = static_cast<size_t>(std::min<uint64_t>(n, bytes_.size() - offset));
    std::memcpy(buf, bytes_.data() + offset, k);
    return k;
  }
  std::optional<std::span<const uint8_t>> InMemory() const override { return bytes_; }

 private:
  std::span<const uint8_t> bytes_;
};

// Sequential reading of a RandomAccess from start to end, a buffer at a time (the buffer must
// outlive the stream). Stops early, without error, when the source returns 0 bytes.
class RandomAccessStream : public ByteStream {
 public:
  RandomAccessStream(RandomAccess& in, std::span<uint8_t> buffer) : in_(in), buf_(buffer) {}
  Result<std::span<const uint8_t>> Next() override {
    if (pos_ >= in_.size()) return std::span<const uint8_t>();
    Result<size_t> n = in_.ReadAt(pos_, buf_.data(), buf_.size());
    if (!n.ok()) return n.status();
    pos_ += *n;
    if (*n == 0) pos_ = in_.size();
    return std::span<const uint8_t>(buf_.data(), *n);
  }

 private:
  RandomAccess& in_;
  std::span<uint8_t> buf_;
  uint64_t pos_ = 0;
};

// A static block of zeros, for holes in sparse files and sparse archive members.
std::span<const uint8_t> Zeros(size_t n);
inline constexpr size_t kZeroBlock = 256 * 1024;

}  // namespace ngb::source
