// PNG through libpng's progressive reader (png_process_data): rows arrive as the data allows,
// so a file that ends early still gives the rows it holds. The simplified png_image API is not
// used: it treats 16-bit samples as linear light and gamma-encodes them, which ImageMagick does
// not. Transforms: 16 -> 8 bits with rounding (png_set_scale_16), palette -> RGB, grey 1/2/4 ->
// 8 bits, alpha and tRNS dropped.
//
// libpng reports fatal errors through png_error, which longjmps back into RunPng(). RunPng() and
// the callbacks hold no object with a destructor; all state lives in PngRun in DecodePng's frame.
#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <cstring>

#include "image/decoders.h"
#include "image/exif.h"

namespace ngb::image::detail {
namespace {

struct PngRun {
  png_structp png = nullptr;
  png_infop info = nullptr;
  DecodedImage* out;
  const DecodeOptions* options;
  Status* status;
  bool status_set = false;    // a callback stopped the decode and set *status
  bool allocated = false;     // out->pixels sized (at the first row)
  bool interlaced = false;
  bool finished = false;      // IEND seen
  int channels = 0;           // after transforms
  size_t stride = 0;
  uint32_t rows_done = 0;     // complete rows, non-interlaced images only
  char message[160] = {};
};

PngRun* RunOf(png_structp png) { return static_cast<PngRun*>(png_get_progressive_ptr(png)); }

[[noreturn]] void ErrorFn(png_structp png, png_const_charp msg) {
  auto* r = static_cast<PngRun*>(png_get_error_ptr(png));
  std::snprintf(r->message, sizeof r->message, "%s", msg ? msg : "libpng error");
  png_longjmp(png, 1);
}

void WarningFn(png_structp, png_const_charp) {}  // never print to stderr

// Stops the decode; *r->status already holds the result. (Callers assign the status in a
// statement of its own, so no C++ temporary is alive when this jumps.)
[[noreturn]] void Stop(PngRun* r) {
  r->status_set = true;
  png_longjmp(r->png, 1);
}

void InfoCallback(png_structp png, png_infop info) {
  PngRun* r = RunOf(png);
  DecodedImage& out = *r->out;
  png_uint_32 width = 0, height = 0;
  int depth = 0, color = 0, interlace = 0;
  png_get_IHDR(png, info, &width, &height, &depth, &color, &interlace, nullptr, nullptr);
  out.orig_width = static_cast<int>(std::min<png_uint_32>(width, INT32_MAX));
  out.orig_height = static_cast<int>(std::min<png_uint_32>(height, INT32_MAX));
  *r->status = CheckDimensions(width, height, *r->options);
  if (!r->status->ok()) Stop(r);
  png_bytep exif = nullptr;
  png_uint_32 exif_size = 0;
  if (png_get_eXIf_1(png, info, &exif_size, &exif) != 0 && exif != nullptr) {
    out.exif_orientation = ExifOrientation({exif, exif_size});
  }
  if (depth == 16) png_set_scale_16(png);
  if (color == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (color == PNG_COLOR_TYPE_GRAY && depth < 8) png_set_expand_gray_1_2_4_to_8(png);
  if ((color & PNG_COLOR_MASK_ALPHA) != 0 || png_get_valid(png, info, PNG_INFO_tRNS) != 0) {
    png_set_strip_alpha(png);
  }
  r->interlaced = png_set_interlace_handling(png) > 1;
  png_read_update_info(png, info);  // applies the transforms to `info`
  const int channels = png_get_channels(png, info);
  // The rows libpng will hand over must be exactly our rows (RowCallback copies rowbytes).
  if ((channels != 1 && channels != 3) || png_get_bit_depth(png, info) != 8 ||
      png_get_rowbytes(png, info) != size_t{width} * static_cast<size_t>(channels)) {
    *r->status = Unsupported("unexpected PNG layout after transforms");
    Stop(r);
  }
  r->channels = channels;
  r->stride = size_t{width} * static_cast<size_t>(channels);
}

void RowCallback(png_structp png, png_bytep row, png_uint_32 y, int) {
  PngRun* r = RunOf(png);
  DecodedImage& out = *r->out;
  // The pixels are allocated when the first row arrives, so a header that lies about the size
  // costs nothing unless the data really holds pixels.
  if (!r->allocated) {
    if (!AllocatePixels(out, out.orig_width, out.orig_height, r->channels)) {
      *r->status = OutOfMemory();
      Stop(r);
    }
    r->allocated = true;
  }
  if (row == nullptr || y >= static_cast<png_uint_32>(out.height)) return;
  // Merges an interlaced pass's pixels into the row; for a plain image it copies the row.
  png_progressive_combine_row(png, out.pixels.data() + y * r->stride, row);
  if (!r->interlaced) r->rows_done = y + 1;
}

void EndCallback(png_structp png, png_infop) { RunOf(png)->finished = true; }

// Returns true with *r->out filled (possibly truncated), or false with *r->status set.
bool RunPng(PngRun* r, const uint8_t* data, size_t size) {
  r->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, r, ErrorFn, WarningFn);
  if (r->png == nullptr || (r->info = png_create_info_struct(r->png)) == nullptr) {
    *r->status = OutOfMemory();
    return false;
  }
  DecodedImage& out = *r->out;
  if (setjmp(png_jmpbuf(r->png)) != 0) {
    if (r->status_set) return false;
    // A non-interlaced image that broke after some rows: keep them (the rest stays black).
    if (r->rows_done > 0) {
      out.truncated = true;
      return true;
    }
    *r->status = Corrupt(r->message);
    return false;
  }
  png_set_progressive_read_fn(r->png, r, InfoCallback, RowCallback, EndCallback);
  png_set_user_limits(r->png, 0x7FFFFFFF, 0x7FFFFFFF);  // our own max_pixels check decides
  png_set_chunk_malloc_max(r->png, 16u << 20);           // text/ICC chunks, after inflation
  png_set_crc_action(r->png, PNG_CRC_QUIET_USE, PNG_CRC_QUIET_USE);
  // Chunks we never use: do not inflate or store them.
  static const png_byte kSkip[] = "iCCP\0sPLT\0tEXt\0zTXt\0iTXt\0";
  png_set_keep_unknown_chunks(r->png, PNG_HANDLE_CHUNK_NEVER, nullptr, 0);
  png_set_keep_unknown_chunks(r->png, PNG_HANDLE_CHUNK_NEVER, kSkip, 5);
  // libpng only reads the buffer; the API predates const.
  png_process_data(r->png, r->info, const_cast<png_bytep>(data), size);
  if (!r->allocated) {
    *r->status = r->finished ? Corrupt("PNG image data ends before its first row") : Truncated("PNG data ends before the first row");
    return false;
  }
  if (!r->interlaced) {  // rows arrive in order: any missing are at the bottom
    out.truncated = r->rows_done < static_cast<uint32_t>(out.height);
    return true;
  }
  if (r->finished) return true;
  *r->status = Truncated("interlaced PNG data ends before its last pass");
  return false;
}

}  // namespace

Result<DecodedImage> DecodePng(std::span<const uint8_t> bytes, const DecodeOptions& options) {
  DecodedImage image;
  Status status;
  PngRun run;
  run.out = &image;
  run.options = &options;
  run.status = &status;
  const bool ok = RunPng(&run, bytes.data(), bytes.size());
  png_destroy_read_struct(&run.png, &run.info, nullptr);
  if (!ok) return status;
  return image;
}

}  // namespace ngb::image::detail
