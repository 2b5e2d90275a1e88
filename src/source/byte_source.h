// Byte sources: how the pipeline reads an item's content.
//   ByteStream   — sequential, once (a file being hashed, an archive member being decompressed).
//   RandomAccess — positioned reads (a file or spool that a container reader may seek in).
#pragma once
#include <cstdint>
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
};

// A static block of zeros, for holes in sparse files and sparse archive members.
std::span<const uint8_t> Zeros(size_t n);
inline constexpr size_t kZeroBlock = 256 * 1024;

}  // namespace ngb::source
