// WebP through libwebp. Still images decode straight into our RGB buffer (alpha, if any, is a
// separate plane in WebP and is simply not output, so colours stay as stored) with the
// incremental decoder, which also yields the rows decoded before the data ran out. Animated
// images: the first frame as WebPAnimDecoder renders it on the canvas (uncovered canvas is black).
#include <webp/decode.h>
#include <webp/demux.h>

#include <cstring>
#include <memory>

#include "image/decoders.h"
#include "image/exif.h"

namespace ngb::image::detail {
namespace {

Status FromVp8Status(VP8StatusCode code, const char* what) {
  const std::string detail = std::string(what) + " (libwebp status " + std::to_string(code) + ")";
  switch (code) {
    case VP8_STATUS_NOT_ENOUGH_DATA:
    case VP8_STATUS_SUSPENDED: return Truncated(detail);
    case VP8_STATUS_UNSUPPORTED_FEATURE: return Unsupported(detail);
    case VP8_STATUS_OUT_OF_MEMORY: return OutOfMemory();
    default: return Corrupt(detail);
  }
}

// Orientation from the EXIF chunk of an extended (VP8X) file, 0 if none.
int WebpExifOrientation(std::span<const uint8_t> bytes) {
  constexpr uint8_t kExifFlag = 0x08;
  if (bytes.size() < 21 || std::memcmp(bytes.data() + 12, "VP8X", 4) != 0 || !(bytes[20] & kExifFlag)) {
    return 0;
  }
  WebPData data{bytes.data(), bytes.size()};
  WebPDemuxState state;
  WebPDemuxer* demux = WebPDemuxPartial(&data, &state);
  if (demux == nullptr) return 0;
  int orientation = 0;
  WebPChunkIterator it;
  if (WebPDemuxGetChunk(demux, "EXIF", 1, &it)) {
    orientation = ExifOrientation({it.chunk.bytes, it.chunk.size});
    WebPDemuxReleaseChunkIterator(&it);
  }
  WebPDemuxDelete(demux);
  return orientation;
}

struct AnimDeleter {
  void operator()(WebPAnimDecoder* d) const { WebPAnimDecoderDelete(d); }
};
struct IDecDeleter {
  void operator()(WebPIDecoder* d) const { WebPIDelete(d); }
};

Status DecodeFirstFrame(std::span<const uint8_t> bytes, DecodedImage& out) {
  WebPAnimDecoderOptions opts;
  if (!WebPAnimDecoderOptionsInit(&opts)) return Unsupported("libwebp ABI mismatch");
  opts.color_mode = MODE_RGBA;
  opts.use_threads = 0;
  const WebPData data{bytes.data(), bytes.size()};
  std::unique_ptr<WebPAnimDecoder, AnimDeleter> dec(WebPAnimDecoderNew(&data, &opts));
  if (!dec) return Corrupt("animated WebP rejected by the demuxer");
  WebPAnimInfo info;
  if (!WebPAnimDecoderGetInfo(dec.get(), &info)) return Corrupt("animated WebP without info");
  if (info.canvas_width != static_cast<uint32_t>(out.orig_width) ||
      info.canvas_height != static_cast<uint32_t>(out.orig_height)) {
    return Corrupt("animated WebP canvas size disagrees with its header");
  }
  uint8_t* rgba = nullptr;
  int timestamp = 0;
  if (!WebPAnimDecoderGetNext(dec.get(), &rgba, &timestamp)) return Corrupt("first WebP frame undecodable");
  if (!AllocatePixels(out, out.orig_width, out.orig_height, 3)) return OutOfMemory();
  const size_t n = static_cast<size_t>(out.width) * static_cast<size_t>(out.height);
  for (size_t i = 0; i < n; ++i) std::memcpy(&out.pixels[3 * i], rgba + 4 * i, 3);
  return Status::Ok();
}

Status DecodeStill(std::span<const uint8_t> bytes, WebPDecoderConfig& config, DecodedImage& out) {
  if (!AllocatePixels(out, out.orig_width, out.orig_height, 3)) return OutOfMemory();
  config.output.colorspace = MODE_RGB;
  config.output.is_external_memory = 1;
  config.output.u.RGBA.rgba = out.pixels.data();
  config.output.u.RGBA.stride = out.width * 3;
  config.output.u.RGBA.size = out.pixels.size();
  std::unique_ptr<WebPIDecoder, IDecDeleter> idec(WebPIDecode(nullptr, 0, &config));
  if (!idec) return OutOfMemory();
  const VP8StatusCode code = WebPIUpdate(idec.get(), bytes.data(), bytes.size());
  if (code == VP8_STATUS_OK) return Status::Ok();
  int last_y = 0;
  if (code == VP8_STATUS_SUSPENDED && WebPIDecGetRGB(idec.get(), &last_y, nullptr, nullptr, nullptr) &&
      last_y > 0) {
    out.truncated = true;  // rows from last_y down stay black
    return Status::Ok();
  }
  return FromVp8Status(code, "WebP image data");
}

}  // namespace

Result<DecodedImage> DecodeWebp(std::span<const uint8_t> bytes, const DecodeOptions& options) {
  WebPDecoderConfig config;
  if (!WebPInitDecoderConfig(&config)) return Unsupported("libwebp ABI mismatch");
  const VP8StatusCode code = WebPGetFeatures(bytes.data(), bytes.size(), &config.input);
  if (code != VP8_STATUS_OK) return FromVp8Status(code, "WebP header");
  DecodedImage out;
  out.orig_width = config.input.width;
  out.orig_height = config.input.height;
  if (Status s = CheckDimensions(static_cast<uint64_t>(std::max(out.orig_width, 0)),
                                 static_cast<uint64_t>(std::max(out.orig_height, 0)), options);
      !s.ok()) {
    return s;
  }
  out.exif_orientation = WebpExifOrientation(bytes);
  const Status s = config.input.has_animation ? DecodeFirstFrame(bytes, out) : DecodeStill(bytes, config, out);
  WebPFreeDecBuffer(&config.output);  // no-op for our external buffer; frees nothing else
  if (!s.ok()) return s;
  return out;
}

}  // namespace ngb::image::detail
