// Fuzz target for the image decoders: arbitrary bytes through DecodeImage (format sniffed from
// the bytes), once at full size and once DCT-scaled and luma-only; then what the review server
// and the classifier do with hostile evidence: EXIF orientation applied to the decoded pixels and
// a blurred thumbnail (MakeThumbnail: decode, orient, shrink, blur, encode). Must never crash,
// leak, hang or allocate past max_pixels, whatever the bytes.
#include <cstdint>
#include <cstdlib>

#include "image/decode.h"
#include "image/orient.h"
#include "image/thumbnail.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ngb::image::DecodeOptions options;
  options.max_pixels = 1 << 20;  // keeps each run fast; the limit itself is what is tested
  for (int pass = 0; pass < 2; ++pass) {
    options.min_side = pass == 0 ? 0 : 64;
    options.luma_only = pass == 1;
    auto r = ngb::image::DecodeImage({data, size}, options);
    if (!r.ok()) continue;
    const auto& img = *r;
    if (img.width <= 0 || img.height <= 0 || (img.channels != 1 && img.channels != 3) ||
        img.pixels.size() != static_cast<size_t>(img.width) * img.height * img.channels ||
        static_cast<uint64_t>(img.orig_width) * img.orig_height > options.max_pixels) {
      std::abort();  // a broken contract is a finding too
    }
    if (pass == 0) {
      ngb::image::DecodedImage turned = img;
      turned.exif_orientation = 1 + static_cast<int>(size % 8);  // every orientation gets its turn
      ngb::image::ApplyExifOrientation(turned);
      if (turned.pixels.size() != img.pixels.size() ||
          static_cast<size_t>(turned.width) * turned.height != static_cast<size_t>(img.width) * img.height) {
        std::abort();
      }
    }
  }
  ngb::image::ThumbnailOptions thumb;
  thumb.max_pixels = 1 << 20;
  auto t = ngb::image::MakeThumbnail({data, size}, ngb::image::ThumbVariant::kBlurred, thumb);
  if (t.ok() && (t->width <= 0 || t->height <= 0 || t->width > thumb.max_side || t->height > thumb.max_side ||
                 t->jpeg.size() < 4)) {
    std::abort();
  }
  return 0;
}
