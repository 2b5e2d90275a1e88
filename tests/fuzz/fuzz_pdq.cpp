// Fuzz target for the PDQ hasher (src/hash/pdq.h). The first 6 bytes choose the image's width and
// height (0..1023 each, area capped at 2^18), channel count (0..4: only 1 and 3 are valid) and
// row padding; the rest, repeated, are its pixels and, read as floats (NaN, infinities and huge
// values included), its luma. Every entry point must return a value or an error and never crash,
// read out of bounds or hang; the invariants below must hold whatever the bytes.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "hash/pdq.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 6) return 0;
  const int width = data[0] | (data[1] & 3) << 8;
  int height = data[2] | (data[3] & 3) << 8;
  if (width > 0 && width * height > (1 << 18)) height = (1 << 18) / width;
  const int channels = data[4] % 5;
  const size_t stride = static_cast<size_t>(width) * channels + data[5] % 8;
  data += 6;
  size -= 6;

  std::vector<uint8_t> pixels(stride * height);
  for (size_t i = 0; i < pixels.size() && size > 0; ++i) pixels[i] = data[i % size];

  static ngb::PdqHasher hasher;  // reused across inputs, as a worker reuses its own
  const ngb::Result<ngb::PdqResult> r = hasher.Hash(pixels.data(), width, height, channels, stride);
  const bool valid = channels == 1 || channels == 3;
  Check(r.ok() == valid);
  ngb::PdqDihedral from_dct, from_pixels;
  const auto d =
      hasher.HashWithDihedralFromDct(pixels.data(), width, height, channels, stride, &from_dct);
  const auto p = hasher.HashWithDihedralFromPixels(pixels.data(), width, height, channels, stride,
                                                   &from_pixels);
  Check(d.ok() == valid && p.ok() == valid);
  if (valid) {
    Check(r->quality >= 0 && r->quality <= 100);
    Check(p->hash == r->hash && p->quality == r->quality && from_pixels.orig == r->hash);
    // Like the reference, the DCT-derived set blurs a 64x64 image, which Hash() does not.
    if (width != 64 || height != 64) Check(d->hash == r->hash && from_dct.orig == r->hash);
  }

  std::vector<float> luma(static_cast<size_t>(width) * height);
  if (size >= sizeof(float)) {
    for (size_t i = 0; i < luma.size(); ++i) {
      const size_t at = (i * sizeof(float)) % (size - sizeof(float) + 1);
      std::memcpy(&luma[i], data + at, sizeof(float));
    }
  }
  const auto l = hasher.HashLuma(luma.data(), width, height);
  if (l.ok())
    Check(l->quality >= 0 && l->quality <= 100);
  else
    Check(l.status().reason() == "invalid_luma");
  return 0;
}
