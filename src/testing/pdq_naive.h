// Test and benchmark helper: a deliberately plain, scalar PDQ that follows the published
// algorithm step by step in the reference implementation's order of floating-point operations
// (one pixel, one row, one column at a time; no SIMD, no skipped outputs, fresh buffers per call).
// It is the oracle the optimised src/hash/pdq.cpp is compared with on random images, and the
// yardstick bench/pdq_micro.cpp measures against. Not for production use.
#pragma once
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "hash/hash256.h"

namespace ngb::testing {

struct NaivePdq {
  Hash256 hash;
  int quality = 0;
  std::array<float, 256> dct{};  // the 16x16 DCT block (row-major) the hash was taken from
};

// 0.299/0.587/0.114 as floats, each channel converted to float and multiplied, summed R, G, B.
inline std::vector<float> NaiveLuma(const uint8_t* px, int w, int h, int channels, size_t stride) {
  const float cr = 0.299f, cg = 0.587f, cb = 0.114f;
  std::vector<float> luma(static_cast<size_t>(w) * h);
  for (int y = 0; y < h; ++y) {
    const uint8_t* row = px + y * stride;
    for (int x = 0; x < w; ++x) {
      const uint8_t* p = row + static_cast<size_t>(x) * channels;
      luma[static_cast<size_t>(y) * w + x] =
          channels == 1 ? static_cast<float>(p[0]) : cr * p[0] + cg * p[1] + cb * p[2];
    }
  }
  return luma;
}

// One box-filter pass along a vector of n values `stride` apart: a running sum over a window
// centred (for even windows, one right of centre) on each output, divided by the number of
// values it currently covers.
inline void NaiveBox1D(const float* in, float* out, int n, int stride, int window) {
  const int half = (window + 2) / 2;
  float sum = 0.0f;
  int count = 0, ri = 0, li = 0, oi = 0;
  for (int i = 0; i < half - 1; ++i, ri += stride) {
    sum += in[ri];
    ++count;
  }
  for (int i = 0; i < window - half + 1; ++i, ri += stride, oi += stride) {
    sum += in[ri];
    ++count;
    out[oi] = sum / count;
  }
  for (int i = 0; i < n - window; ++i, ri += stride, li += stride, oi += stride) {
    sum += in[ri];
    sum -= in[li];
    out[oi] = sum / count;
  }
  for (int i = 0; i < half - 1; ++i, li += stride, oi += stride) {
    sum -= in[li];
    --count;
    out[oi] = sum / count;
  }
}

inline const std::array<float, 16 * 64>& NaiveDctMatrix() {
  static const std::array<float, 16 * 64> d = [] {
    std::array<float, 16 * 64> m{};
    const double pi = 3.14159265358979323846;
    const float scale = static_cast<float>(std::sqrt(2.0 / 64.0));
    for (int i = 0; i < 16; ++i)
      for (int j = 0; j < 64; ++j)
        m[i * 64 + j] =
            static_cast<float>(scale * std::cos((pi / 2.0 / 64.0) * static_cast<double>(i + 1) *
                                                static_cast<double>(2 * j + 1)));
    return m;
  }();
  return d;
}

inline Hash256 NaiveBits(const std::array<float, 256>& b) {
  std::array<float, 256> sorted = b;
  std::sort(sorted.begin(), sorted.end());
  const float median = sorted[127];  // the lower median, as the reference's Torben selection
  Hash256 h;
  for (int k = 0; k < 256; ++k) {
    if (b[k] > median) {
      const int word = k / 16, bit = k % 16;  // the reference's 16-bit word k/16, bit k%16;
      const int byte = 2 * (15 - word) + (bit < 8 ? 1 : 0);  // text prints word 15 first
      h.bytes[byte] |= static_cast<uint8_t>(1u << (bit % 8));
    }
  }
  return h;
}

// PDQ of a w x h luma image. skip_blur_at_64: a 64x64 input goes to the DCT unblurred, as the
// reference's plain hash does (its dihedral entry point blurs it anyway).
inline NaivePdq NaiveHashLuma(std::vector<float> luma, int w, int h, bool skip_blur_at_64 = true) {
  NaivePdq r;
  if (w < 5 || h < 5) return r;
  float a[64][64];
  if (skip_blur_at_64 && w == 64 && h == 64) {
    for (int i = 0; i < 64; ++i)
      for (int j = 0; j < 64; ++j) a[i][j] = luma[i * 64 + j];
  } else {
    std::vector<float> tmp(luma.size());
    const int win_rows = (w + 127) / 128, win_cols = (h + 127) / 128;
    for (int rep = 0; rep < 2; ++rep) {
      for (int y = 0; y < h; ++y) NaiveBox1D(&luma[y * w], &tmp[y * w], w, 1, win_rows);
      for (int x = 0; x < w; ++x) NaiveBox1D(&tmp[x], &luma[x], h, w, win_cols);
    }
    for (int i = 0; i < 64; ++i) {
      const int y = static_cast<int>(((i + 0.5) * h) / 64);
      for (int j = 0; j < 64; ++j) a[i][j] = luma[y * w + static_cast<int>(((j + 0.5) * w) / 64)];
    }
  }
  int gradient_sum = 0;
  for (int i = 0; i < 63; ++i)
    for (int j = 0; j < 64; ++j)
      gradient_sum += std::abs(static_cast<int>(((a[i][j] - a[i + 1][j]) * 100) / 255));
  for (int i = 0; i < 64; ++i)
    for (int j = 0; j < 63; ++j)
      gradient_sum += std::abs(static_cast<int>(((a[i][j] - a[i][j + 1]) * 100) / 255));
  r.quality = std::min(gradient_sum / 90, 100);

  const auto& d = NaiveDctMatrix();
  float t[16][64];
  for (int i = 0; i < 16; ++i)
    for (int j = 0; j < 64; ++j) {
      float s = 0.0f;
      for (int k = 0; k < 64; ++k) s += d[i * 64 + k] * a[k][j];
      t[i][j] = s;
    }
  for (int i = 0; i < 16; ++i)
    for (int j = 0; j < 16; ++j) {
      float s = 0.0f;
      for (int k = 0; k < 64; ++k) s += t[i][k] * d[j * 64 + k];
      r.dct[i * 16 + j] = s;
    }
  r.hash = NaiveBits(r.dct);
  return r;
}

}  // namespace ngb::testing
