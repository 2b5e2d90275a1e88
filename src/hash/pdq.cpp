#include "hash/pdq.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "hash/pdq_kernels.h"

namespace ngb {
namespace {

using pdq_detail::Isa;
using pdq_detail::PlaneStride;

// A 64-byte aligned float buffer that grows on demand and keeps its size.
class FloatBuffer {
 public:
  FloatBuffer() = default;
  FloatBuffer(const FloatBuffer&) = delete;
  FloatBuffer& operator=(const FloatBuffer&) = delete;
  ~FloatBuffer() { std::free(data_); }

  // Returns at least n floats (contents unspecified), or nullptr when memory runs out.
  float* Ensure(size_t n) {
    if (n <= capacity_) return data_;
    std::free(data_);
    capacity_ = 0;
    const size_t bytes = (n * sizeof(float) + 63) & ~size_t{63};
    data_ = static_cast<float*>(std::aligned_alloc(64, bytes));
    if (data_ != nullptr) capacity_ = n;
    return data_;
  }
  float* data() const { return data_; }

 private:
  float* data_ = nullptr;
  size_t capacity_ = 0;
};

// One of the 8 dihedral transforms, as the image-domain map: output (y, x) reads input (u, v)
// with (u, v) = transpose ? (x, y) : (y, x), then u mirrored if flip_rows, v if flip_cols. The same
// three flags describe the DCT-domain version: transpose the 16x16 block, negate the
// coefficients of even row index (flip_rows) and of even column index (flip_cols), since
// basis k+1 is odd under mirroring exactly when k is even.
struct Dihedral {
  bool transpose, flip_rows, flip_cols;
  Hash256 PdqDihedral::*field;
};

constexpr std::array<Dihedral, 8> kDihedrals = {{
    {false, false, false, &PdqDihedral::orig},
    {true, false, true, &PdqDihedral::rot90},
    {false, true, true, &PdqDihedral::rot180},
    {true, true, false, &PdqDihedral::rot270},
    {false, true, false, &PdqDihedral::flipx},
    {false, false, true, &PdqDihedral::flipy},
    {true, false, false, &PdqDihedral::flipp},
    {true, true, true, &PdqDihedral::flipm},
}};

// Bit k = 16*i + j is set when coefficient (i, j) exceeds the median. The reference stores bit k
// in 16-bit word k/16 at bit k%16 and prints words 15..0, so word w is text bytes 2*(15-w) (its
// high half) and 2*(15-w)+1.
Hash256 BitsFromDct(const float* dct) {
  std::array<float, 256> sorted;
  std::copy(dct, dct + 256, sorted.begin());
  // The reference's Torben median of 256 values is the 128th smallest (the lower median).
  std::nth_element(sorted.begin(), sorted.begin() + 127, sorted.end());
  const float median = sorted[127];
  Hash256 h;
  for (int k = 0; k < 256; ++k) {
    if (dct[k] > median) {
      const int word = k >> 4, bit = k & 15;
      h.bytes[2 * (15 - word) + (bit < 8 ? 1 : 0)] |= static_cast<uint8_t>(1u << (bit & 7));
    }
  }
  return h;
}

Hash256 BitsFromDctTransformed(const float* dct, const Dihedral& d) {
  float out[256];
  for (int i = 0; i < 16; ++i) {
    for (int j = 0; j < 16; ++j) {
      const bool negate = (d.flip_rows && i % 2 == 0) != (d.flip_cols && j % 2 == 0);
      const float c = negate ? -dct[i * 16 + j] : dct[i * 16 + j];
      out[d.transpose ? j * 16 + i : i * 16 + j] = c;
    }
  }
  return BitsFromDct(out);
}

// dst = src (a width x height plane) with its rows in reverse order (flip_rows) and/or each row
// reversed (flip_cols), padding included.
void FlipPlane(const float* src, int width, int height, bool flip_rows, bool flip_cols,
               float* dst) {
  const size_t stride = PlaneStride(width);
  for (int y = 0; y < height; ++y) {
    const float* in = src + (flip_rows ? height - 1 - y : y) * stride;
    float* out = dst + y * stride;
    if (flip_cols) {
      std::reverse_copy(in, in + width, out);
      std::fill(out + width, out + stride, 0.0f);
    } else {
      std::memcpy(out, in, stride * sizeof(float));
    }
  }
}

Status CheckPixels(const uint8_t* pixels, int width, int height, int channels, size_t stride) {
  if (channels != 1 && channels != 3)
    return Status::Error("invalid_image",
                         "channels must be 1 or 3, not " + std::to_string(channels));
  if (width < 0 || height < 0) return Status::Error("invalid_image", "negative image size");
  if (int64_t{width} * height > kPdqMaxPixels)
    return Status::Error("image_too_large", std::to_string(width) + "x" + std::to_string(height));
  if (width == 0 || height == 0) return Status::Ok();
  if (pixels == nullptr) return Status::Error("invalid_image", "no pixels");
  if (stride < static_cast<size_t>(width) * channels || stride > SIZE_MAX / height)
    return Status::Error("invalid_image", "row stride " + std::to_string(stride) +
                                              " does not fit width " + std::to_string(width));
  return Status::Ok();
}

bool TooSmall(int width, int height) { return width < kPdqMinSide || height < kPdqMinSide; }

Status OutOfMemory() { return Status::Error("out_of_memory", "PDQ scratch buffers"); }

}  // namespace

struct PdqHasher::State {
  Isa isa = pdq_detail::BestIsa();
  FloatBuffer plane;    // the image being hashed (clobbered by the blur)
  FloatBuffer source;   // the untransformed luma, for HashWithDihedralFromPixels
  FloatBuffer scratch;  // BlurDecimate's
  alignas(64) float block[64 * 64];
  alignas(64) float dct[16 * 16];

  // Makes room for a width x height image (and its transpose too, when `both_orientations`).
  bool Reserve(int width, int height, bool both_orientations) {
    size_t plane_floats = height * PlaneStride(width);
    size_t scratch_floats = pdq_detail::BlurScratchFloats(width, height);
    if (both_orientations) {
      plane_floats = std::max(plane_floats, width * PlaneStride(height));
      scratch_floats = std::max(scratch_floats, pdq_detail::BlurScratchFloats(height, width));
      if (source.Ensure(plane_floats) == nullptr) return false;
    }
    return plane.Ensure(plane_floats) != nullptr && scratch.Ensure(scratch_floats) != nullptr;
  }

  // Hashes the width x height luma in `plane` (clobbering it); leaves the DCT in `dct`.
  // skip_blur_at_64: a 64x64 image goes to the DCT unblurred, as the reference's plain hash does.
  PdqResult HashPlane(int width, int height, bool skip_blur_at_64) {
    if (skip_blur_at_64 && width == 64 && height == 64) {
      std::memcpy(block, plane.data(), sizeof block);  // stride 64: no padding
    } else {
      pdq_detail::BlurDecimate(isa, plane.data(), width, height, scratch.data(), block);
    }
    PdqResult r;
    r.quality = pdq_detail::Quality(isa, block);
    pdq_detail::Dct64To16(isa, block, dct);
    r.hash = BitsFromDct(dct);
    return r;
  }

  // Validates, reserves and fills `plane` (for_dihedral_pixels: `source`) with the luma.
  // *small is set for images below the minimum size, which are not read further.
  Status Load(const uint8_t* pixels, int width, int height, int channels, size_t stride,
              bool for_dihedral_pixels, bool* small) {
    Status s = CheckPixels(pixels, width, height, channels, stride);
    if (!s.ok()) return s;
    *small = TooSmall(width, height);
    if (*small) return Status::Ok();
    if (!Reserve(width, height, for_dihedral_pixels)) return OutOfMemory();
    float* dst = for_dihedral_pixels ? source.data() : plane.data();
    pdq_detail::FillLuma(isa, pixels, width, height, channels, stride, dst, PlaneStride(width));
    return Status::Ok();
  }
};

// Default-initialised: the scratch arrays are written before they are read, and a scan creates a
// hasher per worker slot (32) that most never use, so their pages are left untouched.
PdqHasher::PdqHasher() : state_(std::make_unique_for_overwrite<State>()) {}
PdqHasher::~PdqHasher() = default;
PdqHasher::PdqHasher(PdqHasher&&) noexcept = default;
PdqHasher& PdqHasher::operator=(PdqHasher&&) noexcept = default;

Result<PdqResult> PdqHasher::Hash(const uint8_t* pixels, int width, int height, int channels,
                                  size_t stride) {
  bool small = false;
  Status s = state_->Load(pixels, width, height, channels, stride, false, &small);
  if (!s.ok()) return s;
  if (small) return PdqResult{};
  return state_->HashPlane(width, height, true);
}

Result<PdqResult> PdqHasher::HashLuma(const float* luma, int width, int height) {
  if (width < 0 || height < 0) return Status::Error("invalid_image", "negative image size");
  if (int64_t{width} * height > kPdqMaxPixels)
    return Status::Error("image_too_large", std::to_string(width) + "x" + std::to_string(height));
  if (width > 0 && height > 0 && luma == nullptr) return Status::Error("invalid_image", "no luma");
  if (TooSmall(width, height)) return PdqResult{};
  if (!state_->Reserve(width, height, false)) return OutOfMemory();
  if (!pdq_detail::CopyLuma(state_->isa, luma, width, height, kPdqMaxLumaMagnitude,
                            state_->plane.data()))
    return Status::Error("invalid_luma", "a value is not finite or beyond +-1e6");
  return state_->HashPlane(width, height, true);
}

Result<PdqResult> PdqHasher::HashWithDihedralFromDct(const uint8_t* pixels, int width, int height,
                                                     int channels, size_t stride,
                                                     PdqDihedral* out) {
  bool small = false;
  Status s = state_->Load(pixels, width, height, channels, stride, false, &small);
  if (!s.ok()) return s;
  *out = PdqDihedral{};
  if (small) return PdqResult{};
  const PdqResult r = state_->HashPlane(width, height, false);
  for (const Dihedral& d : kDihedrals) out->*d.field = BitsFromDctTransformed(state_->dct, d);
  return r;
}

Result<PdqResult> PdqHasher::HashWithDihedralFromPixels(const uint8_t* pixels, int width,
                                                        int height, int channels, size_t stride,
                                                        PdqDihedral* out) {
  bool small = false;
  Status s = state_->Load(pixels, width, height, channels, stride, true, &small);
  if (!s.ok()) return s;
  *out = PdqDihedral{};
  if (small) return PdqResult{};
  // The luma stays in `source`; each variant hashes a turned copy in `plane`. First the variants
  // that keep the orientation, then, with `source` replaced by its transpose, the four that
  // transpose (mirroring rows of the transpose mirrors columns of the image, and vice versa).
  float* source = state_->source.data();
  float* plane = state_->plane.data();
  PdqResult orig;
  for (const bool transposed : {false, true}) {
    if (transposed) {
      pdq_detail::TransposePlane(state_->isa, source, width, height, plane);
      std::memcpy(source, plane, width * PlaneStride(height) * sizeof(float));
      std::swap(width, height);
    }
    for (const Dihedral& d : kDihedrals) {
      if (d.transpose != transposed) continue;
      FlipPlane(source, width, height, transposed ? d.flip_cols : d.flip_rows,
                transposed ? d.flip_rows : d.flip_cols, plane);
      const PdqResult r = state_->HashPlane(width, height, true);
      out->*d.field = r.hash;
      if (d.field == &PdqDihedral::orig) orig = r;
    }
  }
  return orig;
}

Status PdqLumaFromPixels(const uint8_t* pixels, int width, int height, int channels, size_t stride,
                         float* luma) {
  Status s = CheckPixels(pixels, width, height, channels, stride);
  if (!s.ok()) return s;
  if (width == 0 || height == 0) return Status::Ok();
  if (luma == nullptr) return Status::Error("invalid_image", "no luma buffer");
  pdq_detail::FillLuma(pdq_detail::BestIsa(), pixels, width, height, channels, stride, luma,
                       static_cast<size_t>(width));
  return Status::Ok();
}

}  // namespace ngb
