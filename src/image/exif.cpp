#include "image/exif.h"

#include <cstring>

namespace ngb::image {
namespace {

constexpr uint16_t kOrientationTag = 0x0112;
constexpr uint16_t kTypeShort = 3, kTypeLong = 4;

struct Reader {
  std::span<const uint8_t> b;
  bool big_endian;
  uint16_t U16(size_t off) const {
    return big_endian ? static_cast<uint16_t>(b[off] << 8 | b[off + 1])
                      : static_cast<uint16_t>(b[off] | b[off + 1] << 8);
  }
  uint32_t U32(size_t off) const {
    return big_endian ? uint32_t{U16(off)} << 16 | U16(off + 2) : uint32_t{U16(off + 2)} << 16 | U16(off);
  }
};

}  // namespace

int ExifOrientation(std::span<const uint8_t> blob) {
  if (blob.size() >= 6 && std::memcmp(blob.data(), "Exif\0\0", 6) == 0) blob = blob.subspan(6);
  if (blob.size() < 8) return 0;
  Reader r{blob, false};
  if (std::memcmp(blob.data(), "MM\0*", 4) == 0) {
    r.big_endian = true;
  } else if (std::memcmp(blob.data(), "II*\0", 4) != 0) {
    return 0;
  }
  const uint32_t ifd = r.U32(4);
  if (ifd < 8 || ifd > blob.size() - 2) return 0;
  const size_t count = r.U16(ifd);
  const size_t first = size_t{ifd} + 2;
  for (size_t i = 0; i < count; ++i) {
    const size_t e = first + 12 * i;
    if (e + 12 > blob.size()) return 0;
    if (r.U16(e) != kOrientationTag) continue;
    const uint16_t type = r.U16(e + 2);
    if (r.U32(e + 4) < 1) return 0;
    uint32_t v = 0;
    if (type == kTypeShort) {
      v = r.U16(e + 8);
    } else if (type == kTypeLong) {
      v = r.U32(e + 8);
    } else {
      return 0;
    }
    return v >= 1 && v <= 8 ? static_cast<int>(v) : 0;
  }
  return 0;
}

int HeifExifOrientation(std::span<const uint8_t> block) {
  if (block.size() < 4) return 0;
  const uint32_t off = uint32_t{block[0]} << 24 | uint32_t{block[1]} << 16 | uint32_t{block[2]} << 8 | block[3];
  if (off > block.size() - 4) return 0;
  return ExifOrientation(block.subspan(4 + off));
}

}  // namespace ngb::image
