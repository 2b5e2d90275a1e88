// DecodeImage: image file bytes (already in memory) -> 8-bit pixels for perceptual hashing (PDQ).
//
// Channel rules follow what Meta's reference PDQ hasher saw after ImageMagick's
// `convert FILE pnm:-`:
//   * alpha is dropped; colour values are kept as stored (never composited on a background),
//   * grey (and grey+alpha) stays 1 channel, everything else becomes RGB,
//   * CMYK / YCCK JPEG and CMYK TIFF become RGB (R = (255-C)(255-K)/255, as ImageMagick does),
//   * EXIF orientation is NOT applied (it is parsed and returned), and neither is a TIFF
//     Orientation tag; HEIF's own irot/imir/clap transforms ARE applied (they define the image).
// Full-resolution decodes match ImageMagick 6.9.11 (Debian 12) byte for byte for JPEG (same
// libjpeg-turbo, ISLOW IDCT, fancy upsampling; CMYK too), 8-bit PNG, GIF, BMP, WebP and 8-bit
// RGB/grey TIFF; within one level for 16-bit sources (we round, ImageMagick truncates), TIFF
// palette and CMYK (libtiff's arithmetic) and HEIF/AVIF. Checked by decode_test.cpp on the
// fixtures and by reference_images_test.cpp on Meta's PDQ reference images.
// A GIF's first frame is drawn on its canvas (ImageMagick outputs the bare frame; the two
// differ only when the first frame does not cover the canvas).
//
// Thread-safety: DecodeImage is reentrant; nothing global is touched apart from libheif's
// one-time initialisation (library error handlers are per call). Never throws. Hostile input
// yields an error value, never a crash, hang or an allocation beyond what max_pixels allows.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/status.h"
#include "image/image_format.h"

namespace ngb::image {

struct DecodeOptions {
  // The decoder may return a smaller image as long as both sides stay >= min(min_side, original
  // side). Only JPEG uses this: DCT-domain scaling by 1/8, 1/4 or 1/2 (the main speed lever),
  // the smallest of those that keeps both sides >= min_side, else full size. Other formats
  // decode at full size. 0 = always full size.
  int min_side = 0;
  // Refuse images whose stored width*height (canvas for GIF/animated WebP, before any scaling)
  // exceeds this: error "image_too_large", checked before any pixel buffer is allocated.
  // Peak memory of one decode is a few bytes per pixel of the stored size: ~3-4 for JPEG
  // baseline (+2 per sample for progressive), PNG, GIF, BMP; ~7-11 for TIFF (libtiff's RGBA
  // raster, plus a strip buffer), animated WebP and HEIF. PNG and BMP allocate only once the
  // first row of pixels is really there; the other formats once the header is read.
  uint64_t max_pixels = 100'000'000;
  // The caller only needs luma (PDQ). Decoders may then return 1 channel holding
  // Y = 0.299 R + 0.587 G + 0.114 B instead of RGB where that is cheaper: JPEG in YCbCr returns
  // its Y plane and never decodes chroma. Y differs from luma computed on the clamped, rounded RGB
  // output by a grey level or so. Other formats ignore this flag and follow the channel rules.
  bool luma_only = false;
};

struct DecodedImage {
  int width = 0, height = 0;      // of `pixels` (after any JPEG downscaling)
  int channels = 0;               // 1 grey (or luma), 3 RGB
  std::vector<uint8_t> pixels;    // rows top to bottom, packed: width * channels bytes a row
  int orig_width = 0, orig_height = 0;  // as stored in the file (GIF: the canvas)
  ImageFormat format = ImageFormat::kNone;
  int exif_orientation = 0;       // 1..8 from Exif (TIFF: Orientation tag), 0 when unknown
  // The data ended (or broke) before the whole image was decoded; what could be decoded is
  // returned and the rest is filler (JPEG: libjpeg's grey/blurred; GIF: the canvas background;
  // others: black). Interlaced PNG and TIFFs whose directory is lost cannot be partly decoded.
  bool truncated = false;
};

// Decodes the first (primary) image of `bytes`. The format is sniffed from the magic bytes.
// Errors (Status reason):
//   image_unsupported  not a format we decode, or a variant of it we do not (12-bit JPEG,
//                      HEIF without a codec, BMP with embedded JPEG/PNG, ...)
//   image_too_large    stored width*height > options.max_pixels (or a side > 2^30)
//   image_truncated    the data ends before any row of pixels could be decoded
//   image_corrupt      anything else the decoder rejects (bad header, zero size, bad data)
Result<DecodedImage> DecodeImage(std::span<const uint8_t> bytes, const DecodeOptions& options = {});

}  // namespace ngb::image
