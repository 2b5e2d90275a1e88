// PDQ: Meta's 256-bit perceptual image hash, computed from 8-bit pixels. Pure computation, no I/O.
//
// Bit-exact with the reference C++ implementation (facebook/ThreatExchange pdq/cpp) when fed the
// same pixels: the same float luma, Jarosz box filter (two passes per direction, window
// ceil(side/128)), 64x64 decimation, 16x16 DCT, median threshold and quality metric, with the
// reference's order of floating-point operations. The hash's text (Hash256::ToHex) equals the
// reference's text. What this code does NOT do, because it only gets pixels: decoding, EXIF
// rotation, alpha/CMYK handling, and the reference tool's resize of images over 512 px to exactly
// 512x512 (callers that want the tool's output must do that resize first).
//
// Thread-safety: PdqHasher is not thread-safe; use one per thread. Free functions are.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>

#include "core/status.h"
#include "hash/hash256.h"

namespace ngb {

// Images with a side below this hash to all zeros with quality 0 (the reference's rule).
inline constexpr int kPdqMinSide = 5;
// Larger images are refused with "image_too_large" (the hasher needs ~8 bytes per pixel, 12 for
// HashWithDihedralFromPixels). Decoders should shrink big images first anyway (see above).
inline constexpr int64_t kPdqMaxPixels = int64_t{1} << 25;
// HashLuma refuses values that are not finite or whose magnitude exceeds this ("invalid_luma").
inline constexpr float kPdqMaxLumaMagnitude = 1e6f;

struct PdqResult {
  Hash256 hash;     // all zero for images smaller than kPdqMinSide on a side
  int quality = 0;  // 0..100; the reference suggests ignoring hashes of quality below ~50
};

// The hashes of the 8 rotations/mirrors of one image, in the reference's order and naming.
// rot90 is 90 degrees anticlockwise, rot270 clockwise; flipx mirrors top-bottom (rows reversed),
// flipy left-right, flipp transposes (mirror about the main diagonal), flipm mirrors about the
// anti-diagonal.
struct PdqDihedral {
  Hash256 orig, rot90, rot180, rot270, flipx, flipy, flipp, flipm;
};

// Reason codes: "invalid_image" (channels not 1 or 3, negative size, null pixels, stride below
// width*channels), "image_too_large" (over kPdqMaxPixels), "invalid_luma", "out_of_memory".
//
// Pixel input everywhere: `height` rows, row y starting at pixels + y*stride, each with `width`
// pixels of `channels` bytes (1: grey; 3: R,G,B). The buffer is only read, never retained.
class PdqHasher {
 public:
  PdqHasher();
  ~PdqHasher();
  PdqHasher(PdqHasher&&) noexcept;
  PdqHasher& operator=(PdqHasher&&) noexcept;

  // PDQ hash and quality of the image. Scratch buffers are kept and reused by later calls (they
  // grow to the largest image seen), so hashing does not allocate once warmed up.
  Result<PdqResult> Hash(const uint8_t* pixels, int width, int height, int channels, size_t stride);

  // The same from luma already computed (row-major, width*height floats, 0..255 scale).
  Result<PdqResult> HashLuma(const float* luma, int width, int height);

  // Hash plus the reference's 8 dihedral hashes derived from the one DCT by sign flips and
  // transposition (what `pdq-photo-hasher --pdqdih` prints). They only approximate the hashes of
  // the transformed images. Like the reference's dihedral entry point, a 64x64 image is blurred
  // here (Hash() skips the blur at exactly 64x64), so for 64x64 input the returned hash and
  // quality can differ from Hash() in rare bits.
  Result<PdqResult> HashWithDihedralFromDct(const uint8_t* pixels, int width, int height,
                                            int channels, size_t stride, PdqDihedral* out);

  // Hash plus the exact hashes of the 8 transformed images: each variant equals Hash() of the
  // rotated/mirrored pixels. Costs 8 hashes. Use these for matching.
  Result<PdqResult> HashWithDihedralFromPixels(const uint8_t* pixels, int width, int height,
                                               int channels, size_t stride, PdqDihedral* out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The reference's float luma of 8-bit pixels: 0.299*R + 0.587*G + 0.114*B in float arithmetic
// (grey values pass through). Writes width*height floats, row-major, to `luma`.
// REQUIRES: `luma` holds width*height floats. Errors as for PdqHasher::Hash.
Status PdqLumaFromPixels(const uint8_t* pixels, int width, int height, int channels, size_t stride,
                         float* luma);

}  // namespace ngb
