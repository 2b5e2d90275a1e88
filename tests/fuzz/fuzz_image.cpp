// Fuzz target for the image decoders: arbitrary bytes through DecodeImage (format sniffed from
// the bytes), once at full size and once DCT-scaled and luma-only. Must never crash, leak, hang
// or allocate past max_pixels, whatever the bytes.
#include <cstdint>
#include <cstdlib>

#include "image/decode.h"

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
  }
  return 0;
}
