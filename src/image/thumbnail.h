// MakeThumbnail: image file bytes -> a small JPEG preview for the review UI.
//
// Reviewers are protected by default: the kBlurred variant is grayscale and strongly blurred
// *here*, on the server, so the browser never holds the clear pixels unless a reviewer asked for
// them (kClear, audited by the caller). kGrayscale is unblurred grayscale, kClear unblurred colour.
// The longest side is at most `max_side` (never upscaled); EXIF orientation is applied so the
// preview looks the way a viewer shows the picture.
//
// Hostile input: the stored size is capped (`max_pixels`, checked by the decoders before any
// pixel buffer is allocated); JPEGs are decoded DCT-downscaled (1/2..1/8) to ~2x the target, so a
// large photo costs a fraction of a full decode. Errors are the DecodeImage reasons
// (image_unsupported, image_too_large, image_truncated, image_corrupt) or "thumbnail_encode_failed".
// Thread-safety: reentrant, no global state. Never throws.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/status.h"

namespace ngb::image {

enum class ThumbVariant { kBlurred, kGrayscale, kClear };
// "blurred", "grayscale", "clear".
const char* ThumbVariantName(ThumbVariant v);
std::optional<ThumbVariant> ParseThumbVariant(std::string_view name);

struct ThumbnailOptions {
  int max_side = 160;                  // longest side of the result, pixels (16..1024)
  uint64_t max_pixels = 60'000'000;    // refuse larger stored images (image_too_large)
  int quality = 80;                    // JPEG quality 1..100
  // Box-blur radius for kBlurred as a fraction of the thumbnail's longest side (three passes
  // approximate a Gaussian with sigma ~ radius): 1/12 leaves shapes and tones, no detail.
  double blur_fraction = 1.0 / 12;
};

struct Thumbnail {
  std::string jpeg;       // JPEG file bytes
  int width = 0, height = 0;
};

Result<Thumbnail> MakeThumbnail(std::span<const uint8_t> bytes, ThumbVariant variant,
                                const ThumbnailOptions& options = {});

}  // namespace ngb::image
