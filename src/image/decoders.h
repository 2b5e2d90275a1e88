// Per-format decoders behind DecodeImage() and the helpers they share. Internal to src/image/
// (tests use it too); everything else calls DecodeImage().
//
// Each DecodeX(bytes, options) has DecodeImage()'s contract for one format: it does not sniff
// (garbage gives image_corrupt) and fills every DecodedImage field except `format`.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/status.h"
#include "image/decode.h"

namespace ngb::image::detail {

Result<DecodedImage> DecodeJpeg(std::span<const uint8_t> bytes, const DecodeOptions& options);
Result<DecodedImage> DecodePng(std::span<const uint8_t> bytes, const DecodeOptions& options);
Result<DecodedImage> DecodeGif(std::span<const uint8_t> bytes, const DecodeOptions& options);
Result<DecodedImage> DecodeWebp(std::span<const uint8_t> bytes, const DecodeOptions& options);
Result<DecodedImage> DecodeBmp(std::span<const uint8_t> bytes, const DecodeOptions& options);
Result<DecodedImage> DecodeTiff(std::span<const uint8_t> bytes, const DecodeOptions& options);
Result<DecodedImage> DecodeHeif(std::span<const uint8_t> bytes, const DecodeOptions& options);

// Largest width or height any decoder accepts (keeps every size computation in range).
inline constexpr uint64_t kMaxSide = uint64_t{1} << 30;

// a * b, or UINT64_MAX if that overflows (for memory caps derived from max_pixels).
inline uint64_t SaturatingMul(uint64_t a, uint64_t b) { return b != 0 && a > UINT64_MAX / b ? UINT64_MAX : a * b; }

// ok when 0 < w, h <= kMaxSide and w*h <= options.max_pixels; else image_corrupt (a zero side)
// or image_too_large.
Status CheckDimensions(uint64_t width, uint64_t height, const DecodeOptions& options);

// Sets the size of `image.pixels` for width x height x channels (zero-filled) and those three
// fields. Returns false when memory runs out (std::bad_alloc is caught here). REQUIRES: the
// dimensions passed CheckDimensions().
[[nodiscard]] bool AllocatePixels(DecodedImage& image, int width, int height, int channels) noexcept;

inline Status Corrupt(std::string detail) { return Status::Error("image_corrupt", std::move(detail)); }
inline Status Truncated(std::string detail) { return Status::Error("image_truncated", std::move(detail)); }
inline Status Unsupported(std::string detail) { return Status::Error("image_unsupported", std::move(detail)); }
inline Status OutOfMemory() { return Status::Error("image_too_large", "out of memory for the pixels"); }

}  // namespace ngb::image::detail
