#include "hash/pdq_kernels.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

// The kernels are written once with GCC/Clang vector extensions in always-inline templates over
// the vector width L, and instantiated twice: with 4 floats per vector in a baseline function
// (SSE2 registers) and with 8 in a target("avx2") function (YMM registers), picked at run time.
// The vectors never cross a real call boundary, so the ABI notes GCC gives for passing 32-byte
// vectors between always-inline helpers are moot.
// Bit-exactness also needs every product and sum rounded separately: src/CMakeLists.txt compiles
// this file with -ffp-contract=off so that no build (e.g. -march=native) fuses them into FMAs.
#pragma GCC diagnostic ignored "-Wpsabi"

#if defined(__x86_64__)
#include <immintrin.h>
#define NGB_PDQ_AVX2 __attribute__((target("avx2")))
#else
#define NGB_PDQ_AVX2
#endif
#define NGB_PDQ_INLINE __attribute__((always_inline)) inline
// Fixed-count loops over the vectors of a group: unrolled, so the vectors stay in registers.
#define NGB_PDQ_UNROLL _Pragma("GCC unroll 8")

namespace ngb::pdq_detail {
namespace {

// Vectors of L floats / int32s: L = 4 (SSE2 registers) in the baseline build, 8 (YMM) with AVX2.
template <int L>
struct Vec;
template <>
struct Vec<4> {
  typedef float F __attribute__((vector_size(16)));
  typedef int32_t I __attribute__((vector_size(16)));
};
template <>
struct Vec<8> {
  typedef float F __attribute__((vector_size(32)));
  typedef int32_t I __attribute__((vector_size(32)));
};
template <int L>
using FV = typename Vec<L>::F;
template <int L>
using IV = typename Vec<L>::I;
using F4 = FV<4>;
using F8 = FV<8>;
constexpr int kBaseLanes = 4, kAvx2Lanes = 8;

constexpr int kStrip = 16;        // rows filtered side by side by the along-row passes
constexpr int kColumnGroup = 32;  // columns filtered side by side by the along-column passes
constexpr float kLumaR = 0.299f, kLumaG = 0.587f, kLumaB = 0.114f;

template <int L>
NGB_PDQ_INLINE FV<L> Load(const float* p) {
  FV<L> v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <int L>
NGB_PDQ_INLINE void Store(float* p, FV<L> v) {
  std::memcpy(p, &v, sizeof v);
}

size_t RoundUp16(size_t n) { return (n + 15) & ~size_t{15}; }

// ---- luma -------------------------------------------------------------------------------------

// Pixels [x, width) of one row, one at a time; then the padding.
NGB_PDQ_INLINE void LumaRowTail(const uint8_t* row, int x, int width, int channels, float* dst,
                                size_t out_stride) {
  if (channels == 3) {
    for (; x < width; ++x) {
      const uint8_t* p = row + 3 * x;
      dst[x] = kLumaR * p[0] + kLumaG * p[1] + kLumaB * p[2];
    }
  } else {
    for (; x < width; ++x) dst[x] = static_cast<float>(row[x]);
  }
  std::fill(dst + width, dst + out_stride, 0.0f);
}

void FillLumaBase(const uint8_t* pixels, int width, int height, int channels, size_t pixel_stride,
                  float* out, size_t out_stride) {
  for (int y = 0; y < height; ++y)
    LumaRowTail(pixels + y * pixel_stride, 0, width, channels, out + y * out_stride, out_stride);
}

#if defined(__x86_64__)
// GCC 12 scalarises byte-to-float vector conversions written with vector extensions, so this
// kernel uses intrinsics: 8 pixels (24 bytes, read exactly) per step, deinterleaved with PSHUFB.
NGB_PDQ_AVX2 NGB_PDQ_INLINE __m256 ToFloat(__m128i bytes) {  // low 8 bytes -> 8 floats
  return _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(bytes));
}

NGB_PDQ_AVX2 void FillLumaAvx2(const uint8_t* pixels, int width, int height, int channels,
                               size_t pixel_stride, float* out, size_t out_stride) {
  // Bytes 0..15 of 8 RGB pixels come from `lo`, bytes 16..23 from `hi`; -1 selects zero.
  const __m128i r_lo = _mm_setr_epi8(0, 3, 6, 9, 12, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
  const __m128i r_hi = _mm_setr_epi8(-1, -1, -1, -1, -1, -1, 2, 5, -1, -1, -1, -1, -1, -1, -1, -1);
  const __m128i g_lo = _mm_setr_epi8(1, 4, 7, 10, 13, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
  const __m128i g_hi = _mm_setr_epi8(-1, -1, -1, -1, -1, 0, 3, 6, -1, -1, -1, -1, -1, -1, -1, -1);
  const __m128i b_lo = _mm_setr_epi8(2, 5, 8, 11, 14, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
  const __m128i b_hi = _mm_setr_epi8(-1, -1, -1, -1, -1, 1, 4, 7, -1, -1, -1, -1, -1, -1, -1, -1);
  const __m256 kr = _mm256_set1_ps(kLumaR), kg = _mm256_set1_ps(kLumaG),
               kb = _mm256_set1_ps(kLumaB);
  for (int y = 0; y < height; ++y) {
    const uint8_t* row = pixels + y * pixel_stride;
    float* dst = out + y * out_stride;
    int x = 0;
    if (channels == 3) {
      for (; x + 8 <= width; x += 8) {
        const __m128i lo = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 3 * x));
        const __m128i hi = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(row + 3 * x + 16));
        const __m256 r =
            ToFloat(_mm_or_si128(_mm_shuffle_epi8(lo, r_lo), _mm_shuffle_epi8(hi, r_hi)));
        const __m256 g =
            ToFloat(_mm_or_si128(_mm_shuffle_epi8(lo, g_lo), _mm_shuffle_epi8(hi, g_hi)));
        const __m256 b =
            ToFloat(_mm_or_si128(_mm_shuffle_epi8(lo, b_lo), _mm_shuffle_epi8(hi, b_hi)));
        // (R*0.299 + G*0.587) + B*0.114, each product and sum rounded to float, as the reference.
        const __m256 rg = _mm256_add_ps(_mm256_mul_ps(r, kr), _mm256_mul_ps(g, kg));
        _mm256_storeu_ps(dst + x, _mm256_add_ps(rg, _mm256_mul_ps(b, kb)));
      }
    } else {
      for (; x + 8 <= width; x += 8)
        _mm256_storeu_ps(dst + x,
                         ToFloat(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(row + x))));
    }
    LumaRowTail(row, x, width, channels, dst, out_stride);
  }
}
#else
void FillLumaAvx2(const uint8_t* pixels, int width, int height, int channels, size_t pixel_stride,
                  float* out, size_t out_stride) {
  FillLumaBase(pixels, width, height, channels, pixel_stride, out, out_stride);
}
#endif

// luma (width x height, row-major) -> plane rows; false if a value is NaN or |value| > limit.
template <int L>
NGB_PDQ_INLINE bool CopyLumaImpl(const float* luma, int width, int height, float limit,
                                 float* out) {
  const size_t stride = PlaneStride(width);
  IV<L> in_range = ~IV<L>{};  // comparisons with NaN are false
  bool scalar_in_range = true;
  for (int y = 0; y < height; ++y) {
    const float* in = luma + static_cast<size_t>(y) * width;
    float* dst = out + y * stride;
    int x = 0;
    for (; x + L <= width; x += L) {
      const FV<L> v = Load<L>(in + x);
      in_range &= (v >= -limit) & (v <= limit);
      Store<L>(dst + x, v);
    }
    for (; x < width; ++x) {
      scalar_in_range &= in[x] >= -limit && in[x] <= limit;
      dst[x] = in[x];
    }
    std::fill(dst + width, dst + stride, 0.0f);
  }
  for (int k = 0; k < L; ++k) scalar_in_range &= in_range[k] != 0;
  return scalar_in_range;
}

// ---- box filter -------------------------------------------------------------------------------

// In-register transposes: r[i] lane j  ->  r[j] lane i.
NGB_PDQ_INLINE void Transpose(F4 r[4]) {
  const F4 t0 = __builtin_shufflevector(r[0], r[1], 0, 4, 1, 5);
  const F4 t1 = __builtin_shufflevector(r[0], r[1], 2, 6, 3, 7);
  const F4 t2 = __builtin_shufflevector(r[2], r[3], 0, 4, 1, 5);
  const F4 t3 = __builtin_shufflevector(r[2], r[3], 2, 6, 3, 7);
  r[0] = __builtin_shufflevector(t0, t2, 0, 1, 4, 5);
  r[1] = __builtin_shufflevector(t0, t2, 2, 3, 6, 7);
  r[2] = __builtin_shufflevector(t1, t3, 0, 1, 4, 5);
  r[3] = __builtin_shufflevector(t1, t3, 2, 3, 6, 7);
}

NGB_PDQ_INLINE void Transpose(F8 r[8]) {
  const F8 t0 = __builtin_shufflevector(r[0], r[1], 0, 8, 1, 9, 4, 12, 5, 13);
  const F8 t1 = __builtin_shufflevector(r[0], r[1], 2, 10, 3, 11, 6, 14, 7, 15);
  const F8 t2 = __builtin_shufflevector(r[2], r[3], 0, 8, 1, 9, 4, 12, 5, 13);
  const F8 t3 = __builtin_shufflevector(r[2], r[3], 2, 10, 3, 11, 6, 14, 7, 15);
  const F8 t4 = __builtin_shufflevector(r[4], r[5], 0, 8, 1, 9, 4, 12, 5, 13);
  const F8 t5 = __builtin_shufflevector(r[4], r[5], 2, 10, 3, 11, 6, 14, 7, 15);
  const F8 t6 = __builtin_shufflevector(r[6], r[7], 0, 8, 1, 9, 4, 12, 5, 13);
  const F8 t7 = __builtin_shufflevector(r[6], r[7], 2, 10, 3, 11, 6, 14, 7, 15);
  const F8 u0 = __builtin_shufflevector(t0, t2, 0, 1, 8, 9, 4, 5, 12, 13);
  const F8 u1 = __builtin_shufflevector(t0, t2, 2, 3, 10, 11, 6, 7, 14, 15);
  const F8 u2 = __builtin_shufflevector(t1, t3, 0, 1, 8, 9, 4, 5, 12, 13);
  const F8 u3 = __builtin_shufflevector(t1, t3, 2, 3, 10, 11, 6, 7, 14, 15);
  const F8 u4 = __builtin_shufflevector(t4, t6, 0, 1, 8, 9, 4, 5, 12, 13);
  const F8 u5 = __builtin_shufflevector(t4, t6, 2, 3, 10, 11, 6, 7, 14, 15);
  const F8 u6 = __builtin_shufflevector(t5, t7, 0, 1, 8, 9, 4, 5, 12, 13);
  const F8 u7 = __builtin_shufflevector(t5, t7, 2, 3, 10, 11, 6, 7, 14, 15);
  r[0] = __builtin_shufflevector(u0, u4, 0, 1, 2, 3, 8, 9, 10, 11);
  r[1] = __builtin_shufflevector(u1, u5, 0, 1, 2, 3, 8, 9, 10, 11);
  r[2] = __builtin_shufflevector(u2, u6, 0, 1, 2, 3, 8, 9, 10, 11);
  r[3] = __builtin_shufflevector(u3, u7, 0, 1, 2, 3, 8, 9, 10, 11);
  r[4] = __builtin_shufflevector(u0, u4, 4, 5, 6, 7, 12, 13, 14, 15);
  r[5] = __builtin_shufflevector(u1, u5, 4, 5, 6, 7, 12, 13, 14, 15);
  r[6] = __builtin_shufflevector(u2, u6, 4, 5, 6, 7, 12, 13, 14, 15);
  r[7] = __builtin_shufflevector(u3, u7, 4, 5, 6, 7, 12, 13, 14, 15);
}

// Writes one output of Slide, sum / divisor (kMultiply: sum * factor, used only where that is
// the same number): every output (kAll) at out + oi*out_step, or only the outputs listed in
// `want` (ascending, ended by a value no output index reaches), want[k] at out + k*out_step.
template <int L, int kV, bool kAll, bool kMultiply = false>
NGB_PDQ_INLINE void Emit(const FV<L>* sum, float divisor, float* out, size_t out_step, int oi,
                         const int* want, int& next) {
  size_t at = oi;
  if constexpr (!kAll) {
    if (want[next] != oi) return;
    at = next++;
  }
  NGB_PDQ_UNROLL for (int v = 0; v < kV; ++v) {
    Store<L>(out + at * out_step + L * v, kMultiply ? sum[v] * divisor : sum[v] / divisor);
  }
}

// The steps where the window lies wholly inside: add the entering value, subtract the leaving
// one (two roundings, in that order), output sum / window.
template <int L, int kV, bool kAll, bool kMultiply>
NGB_PDQ_INLINE void FullWindowSteps(FV<L>* sum, const float*& right, const float*& left,
                                    size_t in_step, int steps, float divisor, float* out,
                                    size_t out_step, int& oi, const int* want, int& next) {
  for (int i = 0; i < steps; ++i, right += in_step, left += in_step) {
    NGB_PDQ_UNROLL for (int v = 0; v < kV; ++v) {
      sum[v] += Load<L>(right + L * v);
      sum[v] -= Load<L>(left + L * v);
    }
    Emit<L, kV, kAll, kMultiply>(sum, divisor, out, out_step, oi++, want, next);
  }
}

// The reference's one-dimensional box filter, on L*kV independent lanes at once: step i of the
// input is the L*kV floats at in + i*in_step, n steps. A running sum over a window of `window`
// steps around the output, divided by the number of steps it covers (fewer at the ends).
template <int L, int kV, bool kAll>
NGB_PDQ_INLINE void Slide(const float* in, size_t in_step, float* out, size_t out_step, int n,
                          int window, const int* want) {
  FV<L> sum[kV];
  NGB_PDQ_UNROLL for (int v = 0; v < kV; ++v) sum[v] = FV<L>{};
  const int half = (window + 2) / 2;
  const float* right = in;
  const float* left = in;
  int count = 0, oi = 0, next = 0;
  for (int i = 0; i < half - 1; ++i, ++count, right += in_step) {
    NGB_PDQ_UNROLL for (int v = 0; v < kV; ++v) sum[v] += Load<L>(right + L * v);
  }
  for (int i = 0; i < window - half + 1; ++i, right += in_step) {
    NGB_PDQ_UNROLL for (int v = 0; v < kV; ++v) sum[v] += Load<L>(right + L * v);
    ++count;
    Emit<L, kV, kAll>(sum, static_cast<float>(count), out, out_step, oi++, want, next);
  }
  // Dividing by a power of two and multiplying by its exact reciprocal both round the same real
  // number, so they give identical floats; the multiply is several times cheaper.
  if ((window & (window - 1)) == 0) {
    FullWindowSteps<L, kV, kAll, true>(sum, right, left, in_step, n - window, 1.0f / window, out,
                                       out_step, oi, want, next);
  } else {
    FullWindowSteps<L, kV, kAll, false>(sum, right, left, in_step, n - window,
                                        static_cast<float>(window), out, out_step, oi, want, next);
  }
  for (int i = 0; i < half - 1; ++i, left += in_step) {
    NGB_PDQ_UNROLL for (int v = 0; v < kV; ++v) sum[v] -= Load<L>(left + L * v);
    --count;
    Emit<L, kV, kAll>(sum, static_cast<float>(count), out, out_step, oi++, want, next);
  }
}

// L rows starting at column x0 -> L vectors, vector c = column x0+c of the rows.
template <int L>
NGB_PDQ_INLINE void LoadTransposed(const float* const* rows, size_t x0, FV<L>* r) {
  NGB_PDQ_UNROLL for (int i = 0; i < L; ++i) r[i] = Load<L>(rows[i] + x0);
  Transpose(r);
}

// Strip of kStrip rows -> lane-interleaved t (t[x*kStrip + l] = rows[l][x]), columns [0, cols).
template <int L>
NGB_PDQ_INLINE void Interleave(const float* const* rows, size_t cols, float* t) {
  for (size_t x0 = 0; x0 < cols; x0 += L) {
    for (int h = 0; h < kStrip / L; ++h) {
      FV<L> r[L];
      LoadTransposed<L>(rows + h * L, x0, r);
      NGB_PDQ_UNROLL for (int c = 0; c < L; ++c) Store<L>(t + (x0 + c) * kStrip + h * L, r[c]);
    }
  }
}

// The inverse, for the first `valid` rows.
template <int L>
NGB_PDQ_INLINE void Deinterleave(const float* t, size_t cols, float* const* rows, int valid) {
  for (size_t x0 = 0; x0 < cols; x0 += L) {
    for (int h = 0; h < kStrip / L; ++h) {
      FV<L> r[L];
      NGB_PDQ_UNROLL for (int c = 0; c < L; ++c) r[c] = Load<L>(t + (x0 + c) * kStrip + h * L);
      Transpose(r);
      NGB_PDQ_UNROLL for (int i = 0; i < L; ++i) {
        if (h * L + i < valid) Store<L>(rows[h * L + i] + x0, r[i]);
      }
    }
  }
}

// Box filter along each row of src (width x height, src_stride floats a row). Rows are filtered
// kStrip at a time: interleaved so each step of the filter is one vector load per L rows. Output
// columns (all, or those in `want`) are written compactly to dst rows of dst_cols floats.
// t_in holds src_stride*kStrip floats, t_out dst_cols*kStrip; t_out's entries past the written
// outputs must be 0 (they become dst's padding).
template <int L, bool kAll>
NGB_PDQ_INLINE void BoxAlongRows(const float* src, size_t src_stride, int width, int height,
                                 int window, float* dst, size_t dst_cols, const int* want,
                                 float* t_in, float* t_out) {
  for (int r0 = 0; r0 < height; r0 += kStrip) {
    const float* in_rows[kStrip];
    float* out_rows[kStrip] = {};
    const int valid = std::min(kStrip, height - r0);
    for (int l = 0; l < kStrip; ++l) {
      const int y = std::min(r0 + l, height - 1);  // lanes past the last row repeat it, unused
      in_rows[l] = src + y * src_stride;
      if (l < valid) out_rows[l] = dst + (r0 + l) * dst_cols;
    }
    Interleave<L>(in_rows, src_stride, t_in);
    Slide<L, kStrip / L, kAll>(t_in, kStrip, t_out, kStrip, width, window, want);
    Deinterleave<L>(t_out, dst_cols, out_rows, valid);
  }
}

// Box filter down each column of src (`height` rows of `cols` floats, cols a multiple of 8),
// kColumnGroup columns at a time while they last, then 8. Output rows (all, or those in `want`)
// go to dst rows of `cols` floats.
template <int L, bool kAll>
NGB_PDQ_INLINE void BoxAlongColumns(const float* src, size_t cols, int height, int window,
                                    float* dst, const int* want) {
  size_t x = 0;
  for (; x + kColumnGroup <= cols; x += kColumnGroup)
    Slide<L, kColumnGroup / L, kAll>(src + x, cols, dst + x, cols, height, window, want);
  for (; x < cols; x += 8)
    Slide<L, 8 / L, kAll>(src + x, cols, dst + x, cols, height, window, want);
}

// Decimation sample positions along a side of n pixels: position[i] = (int)((i+0.5)*n/64) in
// double, as the reference. `want` gets them deduplicated (ascending, ended by n), slot[i] the
// index into `want` of position[i].
int SamplePositions(int n, int want[65], int slot[64]) {
  int m = 0;
  for (int i = 0; i < 64; ++i) {
    const int p = static_cast<int>(((i + 0.5) * n) / 64);
    if (m == 0 || want[m - 1] != p) want[m++] = p;
    slot[i] = m - 1;
  }
  want[m] = n;
  return m;
}

struct BlurLayout {
  size_t stride, b, t_in, t_out, q, z, total;  // offsets into scratch, in floats
};

BlurLayout Layout(int width, int height) {
  BlurLayout l{};
  l.stride = PlaneStride(width);
  l.b = 0;
  l.t_in = l.b + RoundUp16(height * l.stride);
  l.t_out = l.t_in + RoundUp16(l.stride * kStrip);
  l.q = l.t_out + RoundUp16(l.stride * kStrip);
  l.z = l.q + RoundUp16(static_cast<size_t>(height) * 64);
  l.total = l.z + 64 * 64;
  return l;
}

template <int L>
NGB_PDQ_INLINE void BlurDecimateImpl(float* a, int width, int height, float* scratch, float* out) {
  const BlurLayout l = Layout(width, height);
  float* b = scratch + l.b;
  float* t_in = scratch + l.t_in;
  float* t_out = scratch + l.t_out;
  float* q = scratch + l.q;
  float* z = scratch + l.z;
  const int window_along_rows = (width + 127) / 128;
  const int window_along_cols = (height + 127) / 128;
  int want_cols[65], col_slot[64], want_rows[65], row_slot[64];
  const int ncols = SamplePositions(width, want_cols, col_slot);
  SamplePositions(height, want_rows, row_slot);
  const size_t qcols = (static_cast<size_t>(ncols) + 7) & ~size_t{7};

  // Pass 1, along rows: a -> b, every output.
  std::fill(t_out + static_cast<size_t>(width) * kStrip, t_out + l.stride * kStrip, 0.0f);
  BoxAlongRows<L, true>(a, l.stride, width, height, window_along_rows, b, l.stride, nullptr, t_in,
                        t_out);
  // Pass 1, along columns: b -> a.
  BoxAlongColumns<L, true>(b, l.stride, height, window_along_cols, a, nullptr);
  // Pass 2, along rows: a -> q, only the columns the decimation reads.
  std::fill(t_out + static_cast<size_t>(ncols) * kStrip, t_out + qcols * kStrip, 0.0f);
  BoxAlongRows<L, false>(a, l.stride, width, height, window_along_rows, q, qcols, want_cols, t_in,
                         t_out);
  // Pass 2, along columns: q -> z, only the rows the decimation reads.
  BoxAlongColumns<L, false>(q, qcols, height, window_along_cols, z, want_rows);

  for (int i = 0; i < 64; ++i)
    for (int j = 0; j < 64; ++j) out[i * 64 + j] = z[row_slot[i] * qcols + col_slot[j]];
}

// ---- DCT and quality --------------------------------------------------------------------------

struct DctTables {
  std::array<float, 16 * 64> d;   // row i: the reference's DCT basis i+1 at the 64 sample points
  std::array<float, 64 * 16> dt;  // transpose of d
};

const DctTables& Tables() {
  static const DctTables tables = [] {
    DctTables t{};
    constexpr double kPi = 3.14159265358979323846;
    // Scale rounded to float first, then the product with the double cosine rounded to float.
    const float scale = static_cast<float>(std::sqrt(2.0 / 64.0));
    for (int i = 0; i < 16; ++i) {
      for (int j = 0; j < 64; ++j) {
        const double angle =
            (kPi / 2.0 / 64.0) * static_cast<double>(i + 1) * static_cast<double>(2 * j + 1);
        t.d[i * 64 + j] = static_cast<float>(scale * std::cos(angle));
        t.dt[j * 16 + i] = t.d[i * 64 + j];
      }
    }
    return t;
  }();
  return tables;
}

// out (16 x kN) = coef (16 x 64) * rows (64 x kN): each output a sum from 0 of coef * row value
// over k = 0..63 in order, the reference's order in both halves of its DCT.
template <int L, int kN>
NGB_PDQ_INLINE void SixteenRowsTimes(const float* coef, const float* rows, float* out) {
  for (int i = 0; i < 16; ++i) {
    FV<L> acc[kN / L];
    NGB_PDQ_UNROLL for (int v = 0; v < kN / L; ++v) acc[v] = FV<L>{};
    for (int k = 0; k < 64; ++k) {
      const float c = coef[i * 64 + k];
      NGB_PDQ_UNROLL for (int v = 0; v < kN / L; ++v) acc[v] += Load<L>(rows + k * kN + L * v) * c;
    }
    NGB_PDQ_UNROLL for (int v = 0; v < kN / L; ++v) Store<L>(out + i * kN + L * v, acc[v]);
  }
}

// B = (D A) D^T, with T = D A held in between.
template <int L>
NGB_PDQ_INLINE void DctImpl(const float* a, const float* d, const float* dt, float* out) {
  alignas(32) float t[16 * 64];
  SixteenRowsTimes<L, 64>(d, a, t);
  SixteenRowsTimes<L, 16>(t, dt, out);
}

// |(int)((u - v) * 100 / 255)| per lane, as the reference (float arithmetic, truncation).
template <int L>
NGB_PDQ_INLINE IV<L> AbsGradient(FV<L> u, FV<L> v) {
  const IV<L> d = __builtin_convertvector(((u - v) * 100.0f) / 255.0f, IV<L>);
  const IV<L> sign = d >> 31;
  return (d ^ sign) - sign;
}

template <int L>
NGB_PDQ_INLINE int QualityImpl(const float* a) {
  long long sum = 0;  // per-row vector sums stay far inside int32 for |values| <= 1e6
  for (int i = 0; i < 64; ++i) {
    const float* row = a + i * 64;
    IV<L> acc = {};
    if (i < 63) {  // vertical neighbours
      NGB_PDQ_UNROLL for (int v = 0; v < 64 / L; ++v) {
        acc += AbsGradient<L>(Load<L>(row + L * v), Load<L>(row + 64 + L * v));
      }
    }
    int j = 0;  // horizontal neighbours: vectors while they stay inside the row, then one by one
    for (; j + L <= 63; j += L) acc += AbsGradient<L>(Load<L>(row + j), Load<L>(row + j + 1));
    for (; j < 63; ++j) sum += std::abs(static_cast<int>(((row[j] - row[j + 1]) * 100) / 255));
    for (int k = 0; k < L; ++k) sum += acc[k];
  }
  return static_cast<int>(std::min<long long>(sum / 90, 100));
}

// dst (width rows of PlaneStride(height) floats) = transpose of src, padding zeroed.
template <int L>
NGB_PDQ_INLINE void TransposePlaneImpl(const float* src, int width, int height, float* dst) {
  const size_t src_stride = PlaneStride(width), dst_stride = PlaneStride(height);
  const int full_rows = height - height % L;
  for (int y0 = 0; y0 < full_rows; y0 += L) {  // L x L tiles; src padding columns are 0
    const float* rows[L];
    for (int i = 0; i < L; ++i) rows[i] = src + (y0 + i) * src_stride;
    for (int x0 = 0; x0 < width; x0 += L) {
      FV<L> r[L];
      LoadTransposed<L>(rows, x0, r);
      for (int c = 0; c < L && x0 + c < width; ++c)
        Store<L>(dst + (x0 + c) * dst_stride + y0, r[c]);
    }
  }
  for (int x = 0; x < width; ++x) {
    float* out = dst + x * dst_stride;
    for (int y = full_rows; y < height; ++y) out[y] = src[y * src_stride + x];
    std::fill(out + height, out + dst_stride, 0.0f);
  }
}

// ---- per-ISA instances ------------------------------------------------------------------------

// NameBase (x86-64 baseline, 4-float vectors) and NameAvx2 (8-float vectors) run NameImpl.
#define NGB_PDQ_INSTANCES(Ret, Name, Params, Args)              \
  Ret Name##Base Params { return Name##Impl<kBaseLanes> Args; } \
  NGB_PDQ_AVX2 Ret Name##Avx2 Params { return Name##Impl<kAvx2Lanes> Args; }

NGB_PDQ_INSTANCES(void, BlurDecimate, (float* a, int w, int h, float* s, float* o), (a, w, h, s, o))
NGB_PDQ_INSTANCES(void, Dct, (const float* a, const float* d, const float* dt, float* o),
                  (a, d, dt, o))
NGB_PDQ_INSTANCES(int, Quality, (const float* a), (a))
NGB_PDQ_INSTANCES(bool, CopyLuma, (const float* l, int w, int h, float m, float* o),
                  (l, w, h, m, o))
NGB_PDQ_INSTANCES(void, TransposePlane, (const float* s, int w, int h, float* d), (s, w, h, d))

}  // namespace

Isa BestIsa() {
#if defined(__x86_64__)
  static const Isa isa = __builtin_cpu_supports("avx2") ? Isa::kAvx2 : Isa::kBaseline;
  return isa;
#else
  return Isa::kBaseline;
#endif
}

void FillLuma(Isa isa, const uint8_t* pixels, int width, int height, int channels,
              size_t pixel_stride, float* out, size_t out_stride) {
  (isa == Isa::kAvx2 ? FillLumaAvx2 : FillLumaBase)(pixels, width, height, channels, pixel_stride,
                                                    out, out_stride);
}

bool CopyLuma(Isa isa, const float* luma, int width, int height, float limit, float* out) {
  return (isa == Isa::kAvx2 ? CopyLumaAvx2 : CopyLumaBase)(luma, width, height, limit, out);
}

size_t BlurScratchFloats(int width, int height) { return Layout(width, height).total; }

void BlurDecimate(Isa isa, float* plane, int width, int height, float* scratch, float* out) {
  (isa == Isa::kAvx2 ? BlurDecimateAvx2 : BlurDecimateBase)(plane, width, height, scratch, out);
}

void Dct64To16(Isa isa, const float* in, float* out) {
  const DctTables& t = Tables();
  (isa == Isa::kAvx2 ? DctAvx2 : DctBase)(in, t.d.data(), t.dt.data(), out);
}

int Quality(Isa isa, const float* in) {
  return (isa == Isa::kAvx2 ? QualityAvx2 : QualityBase)(in);
}

void TransposePlane(Isa isa, const float* src, int width, int height, float* dst) {
  (isa == Isa::kAvx2 ? TransposePlaneAvx2 : TransposePlaneBase)(src, width, height, dst);
}

}  // namespace ngb::pdq_detail
