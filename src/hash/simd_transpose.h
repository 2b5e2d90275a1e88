// Transpose16x16: the 16x16 transpose of 32-bit words that the multi-buffer hash kernels
// (md5_multi.cpp, sha_multi.cpp) apply to 16 streams' message blocks, so that register i holds
// word i of every stream; LoadBlock16: one block so loaded, or read back already transposed.
// Internal to src/hash; callers check for AVX-512F at run time.
#pragma once
#if defined(__x86_64__)
#include <immintrin.h>

#include <cstddef>
#include <cstdint>

namespace ngb::hash_detail {

__attribute__((target("avx512f"), always_inline)) inline void Transpose16x16(__m512i r[16]) {
  // Stage 1: interleave 32-bit words of row pairs.
  __m512i t[16];
  for (int i = 0; i < 16; i += 2) {
    t[i] = _mm512_unpacklo_epi32(r[i], r[i + 1]);
    t[i + 1] = _mm512_unpackhi_epi32(r[i], r[i + 1]);
  }
  // Stage 2: interleave 64-bit pairs.
  __m512i u[16];
  for (int i = 0; i < 16; i += 4) {
    u[i] = _mm512_unpacklo_epi64(t[i], t[i + 2]);
    u[i + 1] = _mm512_unpackhi_epi64(t[i], t[i + 2]);
    u[i + 2] = _mm512_unpacklo_epi64(t[i + 1], t[i + 3]);
    u[i + 3] = _mm512_unpackhi_epi64(t[i + 1], t[i + 3]);
  }
  // Now u[4g + k] holds, in each 128-bit lane L, word (4L + k) of rows 4g..4g+3.
  // Stage 3 and 4: gather 128-bit lanes across groups.
  __m512i v[16];
  for (int k = 0; k < 4; ++k) {
    v[k] = _mm512_shuffle_i32x4(u[k], u[4 + k], 0x44);       // lanes 0,1 of g0 | lanes 0,1 of g1
    v[4 + k] = _mm512_shuffle_i32x4(u[k], u[4 + k], 0xEE);   // lanes 2,3 of g0 | lanes 2,3 of g1
    v[8 + k] = _mm512_shuffle_i32x4(u[8 + k], u[12 + k], 0x44);
    v[12 + k] = _mm512_shuffle_i32x4(u[8 + k], u[12 + k], 0xEE);
  }
  for (int k = 0; k < 4; ++k) {
    // word k (lane 0 of each group), word 4+k (lane 1), word 8+k (lane 2), word 12+k (lane 3)
    r[k] = _mm512_shuffle_i32x4(v[k], v[8 + k], 0x88);
    r[4 + k] = _mm512_shuffle_i32x4(v[k], v[8 + k], 0xDD);
    r[8 + k] = _mm512_shuffle_i32x4(v[4 + k], v[12 + k], 0x88);
    r[12 + k] = _mm512_shuffle_i32x4(v[4 + k], v[12 + k], 0xDD);
  }
}

// Block `blk` of 16 streams as 16 registers, register i holding (little-endian) word i of every
// stream: transposed here from data[], or, when `words` is set, read from where
// Transpose16Blocks (md5_multi.h) put it (256 words per block, word i of stream j at 16 * i + j).
__attribute__((target("avx512f"), always_inline)) inline void LoadBlock16(__m512i r[16], const uint8_t* const* data,
                                                                          const uint32_t* words, size_t blk) {
  if (words != nullptr) {
    for (int i = 0; i < 16; ++i) r[i] = _mm512_load_si512(words + blk * 256 + i * 16);
    return;
  }
  for (int lane = 0; lane < 16; ++lane) r[lane] = _mm512_loadu_si512(data[lane] + blk * 64);
  Transpose16x16(r);
}

}  // namespace ngb::hash_detail
#endif
