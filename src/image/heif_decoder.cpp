// HEIF / HEIC / AVIF (primary image) through libheif, decoded to interleaved 8-bit RGB (alpha
// not requested, so colours stay as stored). libheif applies the file's own transforms
// (clean aperture, rotation, mirror), as every HEIF reader does; the Exif orientation is only
// reported. Grid tiles are decoded in the calling thread (the scanner already runs one decode
// per core).
#include <libheif/heif.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>

#include "image/decoders.h"
#include "image/exif.h"
#include "image/heif_lazy.h"

namespace ngb::image::detail {
namespace {

struct ContextFree {
  void operator()(heif_context* c) const { heif_context_free(c); }
};
struct HandleRelease {
  void operator()(heif_image_handle* h) const { heif_image_handle_release(h); }
};
struct ImageRelease {
  void operator()(heif_image* i) const { heif_image_release(i); }
};
struct HeifOptionsFree {
  void operator()(heif_decoding_options* o) const { heif_decoding_options_free(o); }
};

Status FromHeifError(const heif_error& e) {
  const std::string detail = e.message ? e.message : "libheif error";
  switch (e.code) {
    case heif_error_Unsupported_filetype:
    case heif_error_Unsupported_feature:  // includes "no decoder for this codec"
      return Unsupported(detail);
    case heif_error_Memory_allocation_error:
      return OutOfMemory();
    default:
      if (e.subcode == heif_suberror_End_of_data) return Truncated(detail);
      if (e.subcode == heif_suberror_Security_limit_exceeded) return Status::Error("image_too_large", detail);
      return Corrupt(detail);
  }
}

// Registers libheif's codec plugins once, before any decode (libheif would otherwise do it
// lazily on first use, without a lock). Never undone: the plugins live as long as the process.
void InitLibheifOnce() {
  static const bool done = [] {
    heif_init(nullptr);
    return true;
  }();
  (void)done;
}

// AV1 goes to libaom rather than dav1d (libheif's default): dav1d prints to stderr and leaks
// on some corrupt input, and is no faster here (one thread per decode).
const char* Av1Decoder() {
  static const char* const id = []() -> const char* {
    const heif_decoder_descriptor* all[16];
    const int n = heif_get_decoder_descriptors(heif_compression_AV1, all, 16);
    for (int i = 0; i < n; ++i) {
      if (std::strcmp(heif_decoder_descriptor_get_id_name(all[i]), "aom") == 0) return "aom";
    }
    return nullptr;  // libheif's default AV1 decoder
  }();
  return id;
}

int ExifOrientationOf(heif_image_handle* h) {
  heif_item_id id = 0;
  if (heif_image_handle_get_list_of_metadata_block_IDs(h, "Exif", &id, 1) < 1) return 0;
  const size_t size = heif_image_handle_get_metadata_size(h, id);
  if (size == 0 || size > (1u << 20)) return 0;  // Exif is small; a huge one is not worth reading
  std::vector<uint8_t> block(size);
  if (heif_image_handle_get_metadata(h, id, block.data()).code != heif_error_Ok) return 0;
  return HeifExifOrientation(block);
}

}  // namespace

Result<DecodedImage> DecodeHeif(std::span<const uint8_t> bytes, const DecodeOptions& options) {
  if (Status s = HeifLibraryReady(); !s.ok()) return s;
  InitLibheifOnce();
  std::unique_ptr<heif_context, ContextFree> ctx(heif_context_alloc());
  if (!ctx) return OutOfMemory();
  heif_context_set_max_decoding_threads(ctx.get(), 0);
  // libheif's own limit is on each side; ours (max_pixels) on the area follows.
  heif_context_set_maximum_image_size_limit(
      ctx.get(), static_cast<int>(std::min<uint64_t>({options.max_pixels, kMaxSide, uint64_t{INT_MAX}})));
  if (heif_error e = heif_context_read_from_memory_without_copy(ctx.get(), bytes.data(), bytes.size(), nullptr);
      e.code != heif_error_Ok) {
    return FromHeifError(e);
  }
  heif_image_handle* raw_handle = nullptr;
  if (heif_error e = heif_context_get_primary_image_handle(ctx.get(), &raw_handle); e.code != heif_error_Ok) {
    return FromHeifError(e);
  }
  std::unique_ptr<heif_image_handle, HandleRelease> handle(raw_handle);
  DecodedImage out;
  out.orig_width = heif_image_handle_get_width(handle.get());
  out.orig_height = heif_image_handle_get_height(handle.get());
  if (Status s = CheckDimensions(static_cast<uint64_t>(std::max(out.orig_width, 0)),
                                 static_cast<uint64_t>(std::max(out.orig_height, 0)), options);
      !s.ok()) {
    return s;
  }
  out.exif_orientation = ExifOrientationOf(handle.get());

  std::unique_ptr<heif_decoding_options, HeifOptionsFree> opts(heif_decoding_options_alloc());
  if (!opts) return OutOfMemory();
  opts->convert_hdr_to_8bit = 1;
  // The brands may lie about the codec: ask for libaom first; libheif refuses it at once
  // ("unsupported codec") for anything but AV1, and then picks its default (libde265 for HEVC).
  opts->decoder_id = Av1Decoder();
  heif_image* raw_image = nullptr;
  heif_error e = heif_decode_image(handle.get(), &raw_image, heif_colorspace_RGB, heif_chroma_interleaved_RGB,
                                   opts.get());
  if (e.code == heif_error_Unsupported_feature && e.subcode == heif_suberror_Unsupported_codec &&
      opts->decoder_id != nullptr) {
    opts->decoder_id = nullptr;
    e = heif_decode_image(handle.get(), &raw_image, heif_colorspace_RGB, heif_chroma_interleaved_RGB, opts.get());
  }
  if (e.code != heif_error_Ok) return FromHeifError(e);
  std::unique_ptr<heif_image, ImageRelease> image(raw_image);
  const int w = heif_image_get_width(image.get(), heif_channel_interleaved);
  const int h = heif_image_get_height(image.get(), heif_channel_interleaved);
  int stride = 0;
  const uint8_t* src = heif_image_get_plane_readonly(image.get(), heif_channel_interleaved, &stride);
  if (src == nullptr || w <= 0 || h <= 0 || stride < 3 * w ||
      static_cast<uint64_t>(w) * static_cast<uint64_t>(h) > options.max_pixels) {
    return Corrupt("libheif returned an unexpected image layout");
  }
  if (!AllocatePixels(out, w, h, 3)) return OutOfMemory();
  for (int y = 0; y < h; ++y) {
    std::memcpy(&out.pixels[static_cast<size_t>(y) * static_cast<size_t>(w) * 3],
                src + static_cast<size_t>(y) * static_cast<size_t>(stride), static_cast<size_t>(w) * 3);
  }
  return out;
}

}  // namespace ngb::image::detail
