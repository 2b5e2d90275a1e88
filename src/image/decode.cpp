#include "image/decode.h"

#include <new>

#include "image/decoders.h"

namespace ngb::image {
namespace detail {

Status CheckDimensions(uint64_t width, uint64_t height, const DecodeOptions& options) {
  if (width == 0 || height == 0) {
    return Corrupt("zero image size " + std::to_string(width) + "x" + std::to_string(height));
  }
  if (width > kMaxSide || height > kMaxSide || width * height > options.max_pixels) {
    return Status::Error("image_too_large", std::to_string(width) + "x" + std::to_string(height) +
                                                " exceeds " + std::to_string(options.max_pixels) +
                                                " pixels");
  }
  return Status::Ok();
}

bool AllocatePixels(DecodedImage& image, int width, int height, int channels) noexcept {
  try {
    image.pixels.assign(static_cast<size_t>(width) * static_cast<size_t>(height) *
                            static_cast<size_t>(channels), 0);
  } catch (const std::bad_alloc&) {
    return false;
  }
  image.width = width;
  image.height = height;
  image.channels = channels;
  return true;
}

}  // namespace detail

Result<DecodedImage> DecodeImage(std::span<const uint8_t> bytes, const DecodeOptions& options) {
  const ImageFormat format = SniffImageFormat(bytes);
  Result<DecodedImage> r = detail::Unsupported("not an image format we decode");
  try {
    switch (format) {
      case ImageFormat::kJpeg: r = detail::DecodeJpeg(bytes, options); break;
      case ImageFormat::kPng: r = detail::DecodePng(bytes, options); break;
      case ImageFormat::kGif: r = detail::DecodeGif(bytes, options); break;
      case ImageFormat::kWebp: r = detail::DecodeWebp(bytes, options); break;
      case ImageFormat::kBmp: r = detail::DecodeBmp(bytes, options); break;
      case ImageFormat::kTiff: r = detail::DecodeTiff(bytes, options); break;
      case ImageFormat::kHeif:
      case ImageFormat::kAvif: r = detail::DecodeHeif(bytes, options); break;
      case ImageFormat::kNone: break;
    }
  } catch (const std::bad_alloc&) {  // a std::string or small vector in a decoder
    return detail::OutOfMemory();
  }
  if (r.ok()) r->format = format;
  return r;
}

}  // namespace ngb::image
