#include "image/image_format.h"

#include <algorithm>
#include <cstring>

namespace ngb::image {

std::string_view FormatName(ImageFormat f) {
  switch (f) {
    case ImageFormat::kJpeg: return "jpeg";
    case ImageFormat::kPng: return "png";
    case ImageFormat::kGif: return "gif";
    case ImageFormat::kWebp: return "webp";
    case ImageFormat::kBmp: return "bmp";
    case ImageFormat::kTiff: return "tiff";
    case ImageFormat::kHeif: return "heif";
    case ImageFormat::kAvif: return "avif";
    case ImageFormat::kNone: break;
  }
  return "";
}

namespace {

bool At(std::span<const uint8_t> b, std::size_t off, std::string_view magic) {
  return b.size() >= off + magic.size() && std::memcmp(b.data() + off, magic.data(), magic.size()) == 0;
}

uint32_t Be32(const uint8_t* p) {
  return uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | p[3];
}

// ISO-BMFF "ftyp" box at offset 0: kHeif / kAvif by brand, else kNone.
ImageFormat SniffFtyp(std::span<const uint8_t> b) {
  if (!At(b, 4, "ftyp") || b.size() < 16) return ImageFormat::kNone;
  const uint32_t box = Be32(b.data());
  if (box < 16) return ImageFormat::kNone;
  const std::size_t end = std::min<std::size_t>(box, b.size());
  bool hevc = false, av1 = false, generic = false;
  for (std::size_t off = 8; off + 4 <= end; off += 4) {
    if (off == 12) continue;  // minor version, not a brand
    const std::string_view s(reinterpret_cast<const char*>(b.data() + off), 4);
    hevc |= s == "heic" || s == "heix" || s == "heim" || s == "heis" || s == "hevc" || s == "hevx";
    av1 |= s == "avif" || s == "avis";
    generic |= s == "mif1" || s == "msf1";
  }
  // An HEVC brand wins (the codec libheif will need), then AV1, then plain HEIF.
  if (hevc) return ImageFormat::kHeif;
  if (av1) return ImageFormat::kAvif;
  return generic ? ImageFormat::kHeif : ImageFormat::kNone;
}

}  // namespace

ImageFormat SniffImageFormat(std::span<const uint8_t> b) {
  if (b.size() > kImageSniffBytes) b = b.first(kImageSniffBytes);
  if (At(b, 0, "\xFF\xD8\xFF")) return ImageFormat::kJpeg;
  if (At(b, 0, "\x89PNG\r\n\x1A\n")) return ImageFormat::kPng;
  if (At(b, 0, "GIF87a") || At(b, 0, "GIF89a")) return ImageFormat::kGif;
  if (At(b, 0, "RIFF") && At(b, 8, "WEBP")) return ImageFormat::kWebp;
  if (At(b, 0, std::string_view("II*\0", 4)) || At(b, 0, std::string_view("MM\0*", 4)) ||
      At(b, 0, std::string_view("II+\0", 4)) || At(b, 0, std::string_view("MM\0+", 4))) {
    return ImageFormat::kTiff;
  }
  if (At(b, 0, "BM") && b.size() >= 18) {
    const uint32_t dib = b[14] | b[15] << 8 | b[16] << 16 | uint32_t{b[17]} << 24;
    if (dib == 12 || dib == 16 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 ||
        dib == 124) {
      return ImageFormat::kBmp;
    }
  }
  return SniffFtyp(b);
}

}  // namespace ngb::image
