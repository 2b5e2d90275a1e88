// TIFF (first page) through libtiff's RGBA interface, read from memory via TIFFClientOpenExt.
// libtiff's errors and warnings go to per-handle handlers (never to stderr, never global
// state); its allocations are capped per call. Rows come out in stored order: the Orientation
// tag is reported in exif_orientation, not applied. Grey photometrics give 1 channel.
// libtiff would premultiply colours by unassociated alpha; the ExtraSamples tag is relabelled so
// colours stay as stored (associated alpha files keep their stored, premultiplied values).
#include <tiffio.h>

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <memory>

#include "image/decoders.h"

namespace ngb::image::detail {
namespace {

struct TiffInput {
  std::span<const uint8_t> bytes;
  uint64_t pos = 0;
  char error[256] = {};  // first error libtiff reported
};

tmsize_t ReadProc(thandle_t h, void* dst, tmsize_t n) {
  auto* in = static_cast<TiffInput*>(h);
  if (n <= 0 || in->pos >= in->bytes.size()) return 0;
  const size_t take = std::min<uint64_t>(static_cast<uint64_t>(n), in->bytes.size() - in->pos);
  std::memcpy(dst, in->bytes.data() + in->pos, take);
  in->pos += take;
  return static_cast<tmsize_t>(take);
}
tmsize_t WriteProc(thandle_t, void*, tmsize_t) { return 0; }
toff_t SeekProc(thandle_t h, toff_t off, int whence) {
  auto* in = static_cast<TiffInput*>(h);
  uint64_t base = whence == SEEK_CUR ? in->pos : whence == SEEK_END ? in->bytes.size() : 0;
  if (off > UINT64_MAX - base) return static_cast<toff_t>(-1);
  in->pos = base + off;  // past the end is allowed; reads there return 0 bytes
  return in->pos;
}
int CloseProc(thandle_t) { return 0; }
toff_t SizeProc(thandle_t h) { return static_cast<TiffInput*>(h)->bytes.size(); }
int MapProc(thandle_t h, void** base, toff_t* size) {
  auto* in = static_cast<TiffInput*>(h);
  *base = const_cast<uint8_t*>(in->bytes.data());  // libtiff only reads a read-only mapping
  *size = in->bytes.size();
  return 1;
}
void UnmapProc(thandle_t, void*, toff_t) {}

int ErrorHandler(TIFF*, void* user, const char* module, const char* fmt, va_list ap) {
  auto* in = static_cast<TiffInput*>(user);
  if (in->error[0] == '\0') {
    const int n = std::snprintf(in->error, sizeof in->error, "%s: ", module ? module : "libtiff");
    if (n > 0 && static_cast<size_t>(n) < sizeof in->error) {
      std::vsnprintf(in->error + n, sizeof in->error - static_cast<size_t>(n), fmt, ap);
    }
  }
  return 1;  // handled: the global handler (stderr) is not called
}
int WarningHandler(TIFF*, void*, const char*, const char*, va_list) { return 1; }

struct TiffCloser {
  void operator()(TIFF* t) const { TIFFClose(t); }
};
struct TiffOptionsFree {
  void operator()(TIFFOpenOptions* o) const { TIFFOpenOptionsFree(o); }
};

// Relabels unassociated alpha as associated so TIFFRGBAImage copies colours unchanged.
void KeepStoredColours(TIFF* tif) {
  uint16_t count = 0;
  uint16_t* types = nullptr;
  if (!TIFFGetField(tif, TIFFTAG_EXTRASAMPLES, &count, &types) || types == nullptr || count == 0 || count > 16) {
    return;
  }
  uint16_t relabelled[16];
  bool changed = false;
  for (uint16_t i = 0; i < count; ++i) {
    relabelled[i] = types[i] == EXTRASAMPLE_UNASSALPHA ? EXTRASAMPLE_ASSOCALPHA : types[i];
    changed |= relabelled[i] != types[i];
  }
  if (changed) TIFFSetField(tif, TIFFTAG_EXTRASAMPLES, count, relabelled);
}

}  // namespace

Result<DecodedImage> DecodeTiff(std::span<const uint8_t> bytes, const DecodeOptions& options) {
  TiffInput input{bytes};
  std::unique_ptr<TIFFOpenOptions, TiffOptionsFree> opts(TIFFOpenOptionsAlloc());
  if (!opts) return OutOfMemory();
  // The largest single buffer libtiff needs is one strip or tile, at most the whole image at
  // 16 bits x 4 samples; anything past that is a lie in the header.
  const uint64_t cap = std::max<uint64_t>(16u << 20, SaturatingMul(options.max_pixels, 8));
  TIFFOpenOptionsSetMaxSingleMemAlloc(opts.get(), static_cast<tmsize_t>(std::min<uint64_t>(cap, INT64_MAX)));
  TIFFOpenOptionsSetErrorHandlerExtR(opts.get(), ErrorHandler, &input);
  TIFFOpenOptionsSetWarningHandlerExtR(opts.get(), WarningHandler, &input);
  std::unique_ptr<TIFF, TiffCloser> tif(TIFFClientOpenExt("memory", "r", &input, ReadProc, WriteProc,
                                                          SeekProc, CloseProc, SizeProc, MapProc,
                                                          UnmapProc, opts.get()));
  auto failure = [&](const char* fallback) {
    const std::string what = input.error[0] ? input.error : fallback;
    return what.find("end of file") != std::string::npos || what.find("Read error") != std::string::npos
               ? Truncated(what)
               : Corrupt(what);
  };
  if (!tif) return failure("not a readable TIFF");

  uint32_t width = 0, height = 0;
  uint16_t photometric = PHOTOMETRIC_RGB, orientation = 0;
  TIFFGetField(tif.get(), TIFFTAG_IMAGEWIDTH, &width);
  TIFFGetField(tif.get(), TIFFTAG_IMAGELENGTH, &height);
  TIFFGetField(tif.get(), TIFFTAG_PHOTOMETRIC, &photometric);
  DecodedImage out;
  out.orig_width = static_cast<int>(std::min<uint32_t>(width, INT32_MAX));
  out.orig_height = static_cast<int>(std::min<uint32_t>(height, INT32_MAX));
  if (TIFFGetField(tif.get(), TIFFTAG_ORIENTATION, &orientation) && orientation >= 1 && orientation <= 8) {
    out.exif_orientation = orientation;
  }
  if (Status s = CheckDimensions(width, height, options); !s.ok()) return s;
  char emsg[1024] = {};
  if (!TIFFRGBAImageOK(tif.get(), emsg)) return Unsupported(emsg);
  KeepStoredColours(tif.get());

  TIFFRGBAImage img;
  if (!TIFFRGBAImageBegin(&img, tif.get(), /*stop_on_error=*/0, emsg)) return Unsupported(emsg);
  img.req_orientation = img.orientation;  // no flips: rows in stored order
  std::vector<uint32_t> raster;
  bool got = false;
  input.error[0] = '\0';  // from here on an error means pixel data was lost
  try {
    raster.assign(size_t{width} * height, 0);
    got = TIFFRGBAImageGet(&img, raster.data(), width, height) != 0;
  } catch (const std::bad_alloc&) {
    TIFFRGBAImageEnd(&img);
    return OutOfMemory();
  }
  TIFFRGBAImageEnd(&img);
  if (!got) return failure("TIFF pixel data unreadable");
  // With stop_on_error=0 libtiff decodes the strips/tiles it can and reports the others.
  out.truncated = input.error[0] != '\0';

  const bool grey = photometric == PHOTOMETRIC_MINISBLACK || photometric == PHOTOMETRIC_MINISWHITE;
  if (!AllocatePixels(out, static_cast<int>(width), static_cast<int>(height), grey ? 1 : 3)) {
    return OutOfMemory();
  }
  uint8_t* d = out.pixels.data();
  for (const uint32_t p : raster) {
    *d++ = static_cast<uint8_t>(TIFFGetR(p));
    if (!grey) {
      *d++ = static_cast<uint8_t>(TIFFGetG(p));
      *d++ = static_cast<uint8_t>(TIFFGetB(p));
    }
  }
  return out;
}

}  // namespace ngb::image::detail
