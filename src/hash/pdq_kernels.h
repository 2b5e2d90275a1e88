// PDQ's arithmetic kernels (internal to src/hash/pdq.cpp; exposed for its tests and benchmark).
// Each runs in the reference implementation's order of floating-point operations, vectorised
// across independent pixels only (never reassociating a sum), so every ISA gives the same bits.
//
// Planes: `height` rows of PlaneStride(width) floats, row-major; the padding columns after
// `width` hold 0 and stay 0. Pointers need no particular alignment (32 bytes is faster).
// Pure functions; thread-safe.
#pragma once
#include <cstddef>
#include <cstdint>

namespace ngb::pdq_detail {

// Which build of a kernel runs. kBaseline: x86-64 SSE2 (or the target's baseline) and always
// allowed; kAvx2 only when BestIsa() returned it (elsewhere it faults on the first instruction).
enum class Isa { kBaseline, kAvx2 };
// kAvx2 when this CPU has AVX2 (and the build targets x86-64), else kBaseline.
Isa BestIsa();

// Width rounded up to a multiple of 8.
inline size_t PlaneStride(int width) { return (static_cast<size_t>(width) + 7) & ~size_t{7}; }

// Writes the float luma of each pixel to `out` (row y at out + y*out_stride) and zeros columns
// width..out_stride-1. REQUIRES: channels 1 or 3; out_stride >= width.
void FillLuma(Isa isa, const uint8_t* pixels, int width, int height, int channels,
              size_t pixel_stride, float* out, size_t out_stride);

// Copies `luma` (width x height floats, row-major) into the plane `out` (padding zeroed). Returns
// false if any value is NaN or outside [-limit, limit] (`out` is then partly written).
bool CopyLuma(Isa isa, const float* luma, int width, int height, float limit, float* out);

// Floats of scratch BlurDecimate needs for a width x height plane.
size_t BlurScratchFloats(int width, int height);

// The reference's Jarosz filter (box filter along rows, then columns, twice; window
// ceil(side/128)) on `plane`, then its decimation to 64x64 (pixel centres, rounded down) into
// `out` (row-major). Clobbers `plane`. Outputs the decimation does not read are not computed.
// REQUIRES: width, height >= 1; `scratch` holds BlurScratchFloats(width, height) floats.
void BlurDecimate(Isa isa, float* plane, int width, int height, float* scratch, float* out);

// Rows 1..16 x columns 1..16 of the 64x64 DCT-II of `in` (64x64, row-major) as the reference
// computes them (D*A, then *D^T, with the reference's float DCT matrix), into `out` (16x16).
void Dct64To16(Isa isa, const float* in, float* out);

// dst = the transpose of src (a width x height plane), as a height x width plane.
void TransposePlane(Isa isa, const float* src, int width, int height, float* dst);

// The reference's quality metric of a 64x64 block: sum of |(int)((a-b)*100/255)| over vertical
// and horizontal neighbours, / 90, capped at 100.
// REQUIRES: every |value| <= 1e6 (so the int conversions are defined).
int Quality(Isa isa, const float* in);

}  // namespace ngb::pdq_detail
