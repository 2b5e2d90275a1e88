// Image formats the decoders in src/image/ read, and a magic-byte sniffer for them.
// Pure functions, thread-safe, no allocation.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

namespace ngb::image {

enum class ImageFormat { kNone, kJpeg, kPng, kGif, kWebp, kBmp, kTiff, kHeif, kAvif };

// Stable lowercase name: "jpeg", "png", "gif", "webp", "bmp", "tiff", "heif", "avif"; "" for kNone.
// (Written to the case store: never rename.)
std::string_view FormatName(ImageFormat f);

// How many leading bytes SniffImageFormat() looks at, at most. Fewer are fine for short items.
inline constexpr std::size_t kImageSniffBytes = 64;

// Identifies an image we can decode from its first bytes (magic numbers only; the rest of the
// file is not validated). Returns kNone for anything else, including formats libheif could open
// but that are not still images (an MP4 video's "ftyp" box names video brands).
//   JPEG  FF D8 FF            PNG  89 'PNG' 0D 0A 1A 0A      GIF  "GIF87a" / "GIF89a"
//   WebP  "RIFF" ???? "WEBP"  BMP  "BM" + a known DIB header size at offset 14
//   TIFF  "II*\0" "MM\0*" and BigTIFF "II+\0" "MM\0+"
//   HEIF/AVIF  an "ftyp" box whose major or compatible brands name a HEIF image brand
//              (heic heix heim heis hevc hevx mif1 msf1 -> kHeif; avif avis -> kAvif, preferred
//              only when no HEVC brand is present).
ImageFormat SniffImageFormat(std::span<const uint8_t> head);

}  // namespace ngb::image
