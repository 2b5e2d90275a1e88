// BMP, hand-written (no Debian library decodes BMP from memory safely and small). Handles the
// Windows DIB headers (40/52/56/108/124 bytes), OS/2 1.x (12) and 2.x (16/64), BI_RGB at 1, 2,
// 4, 8, 16 (5-5-5), 24 and 32 bits, BI_BITFIELDS / BI_ALPHABITFIELDS at 16 and 32 bits, RLE8
// and RLE4; bottom-up and top-down rows. Embedded JPEG/PNG (printer BMPs), OS/2 Huffman/RLE24
// and 64-bit BMPs are image_unsupported. Alpha is dropped. Palette images come out as RGB.
// Every read is bounds-checked against the buffer; a file that ends early keeps the rows it has.
#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "image/decoders.h"

namespace ngb::image::detail {
namespace {

enum Compression : uint32_t { kRgb = 0, kRle8 = 1, kRle4 = 2, kBitfields = 3, kAlphaBitfields = 6 };

uint16_t Le16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | p[1] << 8); }
uint32_t Le32(const uint8_t* p) { return uint32_t{Le16(p)} | uint32_t{Le16(p + 2)} << 16; }

struct Header {
  int64_t width = 0, height = 0;  // height < 0: top-down
  uint32_t bpp = 0, compression = kRgb;
  uint32_t colors_used = 0;
  uint32_t masks[3] = {};         // R, G, B (bitfields)
  size_t palette_offset = 0;
  size_t palette_entry = 4;       // bytes per palette entry (3 for OS/2 1.x)
  uint32_t pixel_offset = 0;
};

// One bitfield channel: (pixel & mask) >> shift, `bits` wide, widened to 8 bits by bit
// replication (as ImageMagick does for 5- and 6-bit channels).
struct Channel {
  uint32_t mask = 0;
  int shift = 0, bits = 0;
  explicit Channel(uint32_t m) : mask(m) {
    if (m == 0) return;
    shift = std::countr_zero(m);
    bits = 32 - std::countl_zero(m) - shift;
  }
  uint8_t operator()(uint32_t pixel) const {
    if (bits == 0) return 0;
    const uint32_t v = (pixel & mask) >> shift;
    if (bits >= 8) return static_cast<uint8_t>(v >> (bits - 8));
    uint32_t out = 0;
    for (int filled = 0; filled < 8; filled += bits) out |= (v << (8 - bits)) >> filled;
    return static_cast<uint8_t>(out);
  }
};

Result<Header> ParseHeader(std::span<const uint8_t> b) {
  if (b.size() < 26) return Truncated("BMP header cut short");
  Header h;
  h.pixel_offset = Le32(&b[10]);
  const uint32_t dib = Le32(&b[14]);
  if (dib > b.size() - 14) return Truncated("BMP info header cut short");
  const uint8_t* d = &b[14];
  if (dib == 12) {  // OS/2 1.x BITMAPCOREHEADER
    h.width = Le16(d + 4);
    h.height = Le16(d + 6);
    h.bpp = Le16(d + 10);
    h.palette_entry = 3;
  } else if (dib >= 16) {
    h.width = static_cast<int32_t>(Le32(d + 4));
    h.height = static_cast<int32_t>(Le32(d + 8));
    h.bpp = Le16(d + 14);
    if (dib >= 20) h.compression = Le32(d + 16);
    if (dib >= 36) h.colors_used = Le32(d + 32);
    if (dib == 16 || dib == 64) {  // OS/2 2.x: 3 = Huffman 1D, 4 = RLE24
      if (h.compression != kRgb && h.compression != kRle8 && h.compression != kRle4) {
        return Unsupported("OS/2 BMP compression " + std::to_string(h.compression));
      }
    }
  } else {
    return Corrupt("BMP info header of " + std::to_string(dib) + " bytes");
  }
  h.palette_offset = 14 + size_t{dib};
  if (h.compression == kBitfields || h.compression == kAlphaBitfields) {
    if (h.bpp != 16 && h.bpp != 32) return Corrupt("BMP bitfields at " + std::to_string(h.bpp) + " bits");
    const uint8_t* m = d + 40;
    if (dib < 52) {  // masks follow a 40-byte header
      const size_t n = h.compression == kAlphaBitfields ? 16 : 12;
      if (b.size() < h.palette_offset + n) return Truncated("BMP bit masks cut short");
      m = &b[h.palette_offset];
      h.palette_offset += n;
    }
    for (int i = 0; i < 3; ++i) h.masks[i] = Le32(m + 4 * i);
  } else if (h.compression == kRgb && h.bpp == 16) {
    h.masks[0] = 0x7C00, h.masks[1] = 0x03E0, h.masks[2] = 0x001F;
  } else if (h.compression == kRgb && h.bpp == 32) {
    h.masks[0] = 0xFF0000, h.masks[1] = 0xFF00, h.masks[2] = 0xFF;
  } else if (h.compression == kRle8 ? h.bpp != 8 : h.compression == kRle4 ? h.bpp != 4 : h.compression != kRgb) {
    if (h.compression == 4 || h.compression == 5) return Unsupported("BMP with embedded JPEG/PNG");
    return Unsupported("BMP compression " + std::to_string(h.compression) + " at " + std::to_string(h.bpp) + " bits");
  }
  static constexpr uint32_t kDepths[] = {1, 2, 4, 8, 16, 24, 32};
  if (std::find(std::begin(kDepths), std::end(kDepths), h.bpp) == std::end(kDepths)) {
    return Unsupported("BMP at " + std::to_string(h.bpp) + " bits per pixel");
  }
  if (h.height == INT32_MIN) return Corrupt("BMP height");
  return h;
}

using Palette = std::array<std::array<uint8_t, 3>, 256>;  // RGB; missing entries are black

Palette ReadPalette(std::span<const uint8_t> b, const Header& h) {
  Palette pal{};
  if (h.bpp > 8) return pal;
  size_t count = size_t{1} << h.bpp;
  if (h.colors_used != 0) count = std::min<size_t>(count, h.colors_used);
  for (size_t i = 0; i < count; ++i) {
    const size_t off = h.palette_offset + i * h.palette_entry;
    if (off + 3 > b.size()) break;
    pal[i] = {b[off + 2], b[off + 1], b[off]};
  }
  return pal;
}

// Uncompressed rows; returns the number of rows present (rows are in file order).
int64_t DecodeRows(std::span<const uint8_t> b, const Header& h, const Palette& pal, DecodedImage& out,
                   bool bottom_up) {
  const size_t w = static_cast<size_t>(out.width);
  const size_t stride = (w * h.bpp + 31) / 32 * 4;
  const size_t avail = h.pixel_offset <= b.size() ? b.size() - h.pixel_offset : 0;
  const int64_t rows = std::min<int64_t>(out.height, static_cast<int64_t>(avail / stride));
  const Channel ch[3] = {Channel(h.masks[0]), Channel(h.masks[1]), Channel(h.masks[2])};
  for (int64_t r = 0; r < rows; ++r) {
    const uint8_t* s = b.data() + h.pixel_offset + static_cast<size_t>(r) * stride;
    const int64_t y = bottom_up ? out.height - 1 - r : r;
    uint8_t* d = out.pixels.data() + static_cast<size_t>(y) * w * 3;
    for (size_t x = 0; x < w; ++x, d += 3) {
      switch (h.bpp) {
        case 1: case 2: case 4: case 8: {
          const size_t bit = x * h.bpp;
          const unsigned index = (s[bit / 8] >> (8 - h.bpp - bit % 8)) & ((1u << h.bpp) - 1);
          std::memcpy(d, pal[index].data(), 3);
          break;
        }
        case 24:
          d[0] = s[3 * x + 2], d[1] = s[3 * x + 1], d[2] = s[3 * x];
          break;
        case 16: {
          const uint32_t p = Le16(s + 2 * x);
          d[0] = ch[0](p), d[1] = ch[1](p), d[2] = ch[2](p);
          break;
        }
        default: {  // 32
          const uint32_t p = Le32(s + 4 * x);
          d[0] = ch[0](p), d[1] = ch[1](p), d[2] = ch[2](p);
          break;
        }
      }
    }
  }
  return rows;
}

// RLE8 / RLE4. Pixels the stream skips (delta, early end of line) stay black. Returns false if
// the data ended before the end-of-bitmap marker or the last row.
bool DecodeRle(std::span<const uint8_t> b, const Header& h, const Palette& pal, DecodedImage& out,
               bool bottom_up) {
  const bool rle4 = h.compression == kRle4;
  const int64_t w = out.width, hgt = out.height;
  size_t i = h.pixel_offset;
  int64_t x = 0, r = 0;  // r: row in file order
  auto put = [&](unsigned index) {
    if (x < w && r < hgt) {
      const int64_t y = bottom_up ? hgt - 1 - r : r;
      std::memcpy(&out.pixels[static_cast<size_t>((y * w + x) * 3)], pal[index & 0xFF].data(), 3);
    }
    ++x;
  };
  while (r < hgt) {
    if (i + 2 > b.size()) return false;
    const unsigned count = b[i], value = b[i + 1];
    i += 2;
    if (count > 0) {  // encoded run
      for (unsigned k = 0; k < count && x < w; ++k) put(rle4 ? (k % 2 ? value & 15 : value >> 4) : value);
      continue;
    }
    if (value == 0) {  // end of line
      x = 0, ++r;
    } else if (value == 1) {  // end of bitmap
      return true;
    } else if (value == 2) {  // delta
      if (i + 2 > b.size()) return false;
      x += b[i], r += b[i + 1];
      i += 2;
    } else {  // absolute run of `value` pixels, padded to 16 bits
      const size_t bytes = rle4 ? (value + 1) / 2 : value;
      if (i + bytes > b.size()) return false;
      for (unsigned k = 0; k < value; ++k) put(rle4 ? (k % 2 ? b[i + k / 2] & 15 : b[i + k / 2] >> 4) : b[i + k]);
      i += (bytes + 1) & ~size_t{1};
    }
  }
  return true;
}

}  // namespace

Result<DecodedImage> DecodeBmp(std::span<const uint8_t> bytes, const DecodeOptions& options) {
  Result<Header> parsed = ParseHeader(bytes);
  if (!parsed.ok()) return parsed.status();
  const Header& h = *parsed;
  const bool bottom_up = h.height > 0;
  const int64_t height = h.height < 0 ? -h.height : h.height;
  if (h.width < 0) return Corrupt("negative BMP width");
  DecodedImage out;
  out.orig_width = static_cast<int>(std::min<int64_t>(h.width, INT32_MAX));
  out.orig_height = static_cast<int>(std::min<int64_t>(height, INT32_MAX));
  if (Status s = CheckDimensions(static_cast<uint64_t>(h.width), static_cast<uint64_t>(height), options); !s.ok()) {
    return s;
  }
  if (h.pixel_offset >= bytes.size()) return Truncated("BMP without pixel data");
  const bool rle = h.compression == kRle8 || h.compression == kRle4;
  // Uncompressed: refuse before allocating if not even one row is there.
  const size_t stride = (static_cast<size_t>(h.width) * h.bpp + 31) / 32 * 4;
  if (!rle && bytes.size() - h.pixel_offset < stride) return Truncated("BMP pixel data shorter than one row");
  if (!AllocatePixels(out, out.orig_width, out.orig_height, 3)) return OutOfMemory();
  const Palette pal = ReadPalette(bytes, h);
  if (rle) {
    out.truncated = !DecodeRle(bytes, h, pal, out, bottom_up);
    return out;
  }
  out.truncated = DecodeRows(bytes, h, pal, out, bottom_up) < out.height;
  return out;
}

}  // namespace ngb::image::detail
