// JPEG through the libjpeg API of libjpeg-turbo (the library ImageMagick uses on Debian 12, so a
// full-size decode matches `convert FILE rgb:-` exactly: ISLOW IDCT, fancy upsampling).
//
// libjpeg reports fatal errors through error_exit, which must not return: it longjmps back into
// RunJpeg(). Everything that must survive the jump lives in JpegRun (in DecodeJpeg's frame) and
// RunJpeg() holds no object with a destructor, so the jump skips only libjpeg's own C frames.
#include <algorithm>
#include <climits>
#include <csetjmp>
#include <cstdio>  // jpeglib.h needs FILE

#include <jerror.h>
#include <jpeglib.h>

#include "image/decoders.h"
#include "image/exif.h"

namespace ngb::image::detail {
namespace {

// A progressive JPEG may hold any number of scans, each a pass over every coefficient: cap them
// (libjpeg-turbo's TurboJPEG API uses the same limit for the same reason).
constexpr int kMaxScans = 500;

struct JpegRun {
  jpeg_decompress_struct cinfo;
  jpeg_error_mgr err;
  jpeg_progress_mgr progress;
  std::jmp_buf jump;
  DecodedImage* out;          // owned by the caller
  const DecodeOptions* options;
  Status* status;             // set before returning false
  bool eof = false;           // libjpeg ran out of data and padded with a fake EOI
  bool too_many_scans = false;
  int fatal_code = 0;
  char message[JMSG_LENGTH_MAX];
};

JpegRun* RunOf(j_common_ptr c) { return static_cast<JpegRun*>(c->client_data); }

[[noreturn]] void ErrorExit(j_common_ptr c) {
  JpegRun* r = RunOf(c);
  r->fatal_code = c->err->msg_code;
  (*c->err->format_message)(c, r->message);
  std::longjmp(r->jump, 1);
}

void EmitMessage(j_common_ptr c, int level) {
  if (level >= 0) return;  // trace messages
  if (c->err->msg_code == JWRN_JPEG_EOF) RunOf(c)->eof = true;
  ++c->err->num_warnings;  // corrupt-data warnings: libjpeg recovers, and so do we
}

void OutputMessage(j_common_ptr) {}  // never print to stderr

void ProgressMonitor(j_common_ptr c) {
  const auto* d = reinterpret_cast<j_decompress_ptr>(c);
  if (d->input_scan_number > kMaxScans) {
    JpegRun* r = RunOf(c);
    r->too_many_scans = true;
    std::snprintf(r->message, sizeof r->message, "more than %d progressive scans", kMaxScans);
    std::longjmp(r->jump, 1);
  }
}

// Smallest scale n/8 whose output keeps both sides >= min(min_side, side) (libjpeg rounds up),
// among 1/8, 1/4, 1/2 and 1. libjpeg-turbo has SIMD IDCTs for those; its other scales (3/8,
// 5/8, 6/8, 7/8) run plain C and measured slower than the next power of two up, 5/8 to 7/8
// even slower than full size.
unsigned ScaleNum(unsigned w, unsigned h, int min_side) {
  if (min_side <= 0) return 8;
  const uint64_t tw = std::min<uint64_t>(w, static_cast<unsigned>(min_side));
  const uint64_t th = std::min<uint64_t>(h, static_cast<unsigned>(min_side));
  for (unsigned num = 1; num < 8; num *= 2) {
    if ((uint64_t{w} * num + 7) / 8 >= tw && (uint64_t{h} * num + 7) / 8 >= th) return num;
  }
  return 8;
}

int ExifFromMarkers(const jpeg_decompress_struct& c) {
  for (jpeg_saved_marker_ptr m = c.marker_list; m != nullptr; m = m->next) {
    if (m->marker != JPEG_APP0 + 1) continue;
    const int o = ExifOrientation({m->data, m->data_length});
    if (o != 0) return o;
  }
  return 0;
}

// CMYK (as libjpeg returns it) -> RGB in place, R = (255-C)(255-K)/255 like ImageMagick.
// Adobe APP14 CMYK (nearly all CMYK JPEGs) stores inverted values: stored = 255 - ink.
void CmykToRgb(DecodedImage& img, bool inverted) {
  uint8_t* p = img.pixels.data();
  const size_t n = static_cast<size_t>(img.width) * static_cast<size_t>(img.height);
  for (size_t i = 0; i < n; ++i) {
    const uint8_t* s = p + 4 * i;
    uint8_t* d = p + 3 * i;  // d <= s: forward in-place compaction is safe
    const unsigned k = inverted ? s[3] : 255u - s[3];
    for (int ch = 0; ch < 3; ++ch) {
      const unsigned c = inverted ? s[ch] : 255u - s[ch];
      d[ch] = static_cast<uint8_t>((c * k + 127) / 255);
    }
  }
  img.pixels.resize(n * 3);
  img.channels = 3;
}

// Returns true with *r->out filled, or false with *r->status set. Holds no C++ objects.
bool RunJpeg(JpegRun* r, const uint8_t* data, size_t size) {
  j_decompress_ptr c = &r->cinfo;
  c->client_data = r;  // kept by jpeg_create_decompress
  c->err = jpeg_std_error(&r->err);
  r->err.error_exit = ErrorExit;
  r->err.emit_message = EmitMessage;
  r->err.output_message = OutputMessage;
  if (setjmp(r->jump) != 0) {
    if (r->too_many_scans) {
      *r->status = Unsupported(r->message);
    } else if (r->fatal_code == JERR_BAD_PRECISION || r->fatal_code == JERR_NOT_COMPILED ||
               r->fatal_code == JERR_ARITH_NOTIMPL || r->fatal_code == JERR_CONVERSION_NOTIMPL ||
               r->fatal_code == JERR_SOF_UNSUPPORTED) {
      *r->status = Unsupported(r->message);
    } else if (r->fatal_code == JERR_NO_BACKING_STORE || r->fatal_code == JERR_OUT_OF_MEMORY) {
      *r->status = Status::Error("image_too_large", r->message);
    } else if (r->eof) {
      *r->status = Truncated(r->message);
    } else {
      *r->status = Corrupt(r->message);
    }
    return false;
  }
  jpeg_create_decompress(c);
  r->progress.progress_monitor = ProgressMonitor;
  c->progress = &r->progress;
  // Progressive images keep every coefficient in memory (2 bytes per sample at full size).
  const uint64_t mem_cap = std::max<uint64_t>(64u << 20, SaturatingMul(r->options->max_pixels, 10));
  c->mem->max_memory_to_use = static_cast<long>(std::min<uint64_t>(mem_cap, LONG_MAX));
  jpeg_mem_src(c, data, static_cast<unsigned long>(size));
  jpeg_save_markers(c, JPEG_APP0 + 1, 0xFFFF);
  if (jpeg_read_header(c, TRUE) != JPEG_HEADER_OK) {
    *r->status = Truncated("no image in the JPEG stream");
    return false;
  }
  DecodedImage& out = *r->out;
  out.orig_width = static_cast<int>(c->image_width);
  out.orig_height = static_cast<int>(c->image_height);
  out.exif_orientation = ExifFromMarkers(*c);
  if (Status s = CheckDimensions(c->image_width, c->image_height, *r->options); !s.ok()) {
    *r->status = s;
    return false;
  }
  bool cmyk = false;
  switch (c->jpeg_color_space) {
    case JCS_GRAYSCALE:
      c->out_color_space = JCS_GRAYSCALE;
      break;
    case JCS_YCbCr:
    case JCS_RGB:
      c->out_color_space = r->options->luma_only ? JCS_GRAYSCALE : JCS_RGB;
      break;
    case JCS_CMYK:
    case JCS_YCCK:
      c->out_color_space = JCS_CMYK;
      cmyk = true;
      break;
    default:  // JCS_UNKNOWN: components passed through as they are
      if (c->num_components != 1 && c->num_components != 3) {
        *r->status = Unsupported("JPEG with " + std::to_string(c->num_components) +
                                 " components in an unknown colour space");
        return false;
      }
      c->out_color_space = JCS_UNKNOWN;
      break;
  }
  c->scale_num = ScaleNum(c->image_width, c->image_height, r->options->min_side);
  c->scale_denom = 8;
  c->dct_method = JDCT_ISLOW;
  jpeg_start_decompress(c);
  const int channels = c->output_components;
  if (!AllocatePixels(out, static_cast<int>(c->output_width), static_cast<int>(c->output_height),
                      channels)) {
    *r->status = OutOfMemory();
    return false;
  }
  const size_t stride = static_cast<size_t>(c->output_width) * static_cast<size_t>(channels);
  while (c->output_scanline < c->output_height) {
    JSAMPROW rows[8];
    const JDIMENSION first = c->output_scanline;
    const JDIMENSION n = std::min<JDIMENSION>(8, c->output_height - first);
    for (JDIMENSION i = 0; i < n; ++i) rows[i] = out.pixels.data() + (first + i) * stride;
    if (jpeg_read_scanlines(c, rows, n) == 0) break;  // cannot happen with a memory source
  }
  if (cmyk) CmykToRgb(out, c->saw_Adobe_marker);
  out.truncated = r->eof;
  return true;
}

}  // namespace

Result<DecodedImage> DecodeJpeg(std::span<const uint8_t> bytes, const DecodeOptions& options) {
  if (bytes.empty()) return Truncated("empty JPEG");
  DecodedImage image;
  Status status;
  JpegRun run{};
  run.out = &image;
  run.options = &options;
  run.status = &status;
  const bool ok = RunJpeg(&run, bytes.data(), bytes.size());
  jpeg_destroy_decompress(&run.cinfo);
  if (!ok) return status;
  return image;
}

}  // namespace ngb::image::detail
