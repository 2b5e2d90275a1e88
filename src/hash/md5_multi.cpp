#include "hash/md5_multi.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "hash/md5_rounds.h"
#include "hash/multi_digest.h"
#include "hash/simd_transpose.h"

#if defined(__x86_64__)
// GCC 12's AVX-512 headers use a deliberately uninitialised "undefined" vector as the pass-through
// operand of unmasked intrinsics, which -Wmaybe-uninitialized reports as a false positive.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <immintrin.h>
#endif

namespace ngb {
namespace {

using hash_detail::kMd5K;
using hash_detail::kMd5S;
using hash_detail::Md5MsgIndex;

inline uint32_t Load32(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;  // MD5 is little-endian, as is x86-64 (and every platform Debian builds this for)
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) inline __m256i RotlV(__m256i x, int s) {
  return _mm256_or_si256(_mm256_slli_epi32(x, s), _mm256_srli_epi32(x, 32 - s));
}

// Transposes 8 rows of 8 32-bit words (row r = 8 consecutive words of lane r) into 8 registers
// holding word w of every lane.
__attribute__((target("avx2"))) inline void Transpose8x8(__m256i r[8]) {
  const __m256i t0 = _mm256_unpacklo_epi32(r[0], r[1]);
  const __m256i t1 = _mm256_unpackhi_epi32(r[0], r[1]);
  const __m256i t2 = _mm256_unpacklo_epi32(r[2], r[3]);
  const __m256i t3 = _mm256_unpackhi_epi32(r[2], r[3]);
  const __m256i t4 = _mm256_unpacklo_epi32(r[4], r[5]);
  const __m256i t5 = _mm256_unpackhi_epi32(r[4], r[5]);
  const __m256i t6 = _mm256_unpacklo_epi32(r[6], r[7]);
  const __m256i t7 = _mm256_unpackhi_epi32(r[6], r[7]);
  const __m256i u0 = _mm256_unpacklo_epi64(t0, t2);
  const __m256i u1 = _mm256_unpackhi_epi64(t0, t2);
  const __m256i u2 = _mm256_unpacklo_epi64(t1, t3);
  const __m256i u3 = _mm256_unpackhi_epi64(t1, t3);
  const __m256i u4 = _mm256_unpacklo_epi64(t4, t6);
  const __m256i u5 = _mm256_unpackhi_epi64(t4, t6);
  const __m256i u6 = _mm256_unpacklo_epi64(t5, t7);
  const __m256i u7 = _mm256_unpackhi_epi64(t5, t7);
  r[0] = _mm256_permute2x128_si256(u0, u4, 0x20);
  r[1] = _mm256_permute2x128_si256(u1, u5, 0x20);
  r[2] = _mm256_permute2x128_si256(u2, u6, 0x20);
  r[3] = _mm256_permute2x128_si256(u3, u7, 0x20);
  r[4] = _mm256_permute2x128_si256(u0, u4, 0x31);
  r[5] = _mm256_permute2x128_si256(u1, u5, 0x31);
  r[6] = _mm256_permute2x128_si256(u2, u6, 0x31);
  r[7] = _mm256_permute2x128_si256(u3, u7, 0x31);
}

template <int kRound>
__attribute__((target("avx2"), always_inline)) inline __m256i Mix(__m256i b, __m256i c, __m256i d) {
  if constexpr (kRound == 0) return _mm256_xor_si256(_mm256_and_si256(_mm256_xor_si256(c, d), b), d);
  if constexpr (kRound == 1) return _mm256_xor_si256(_mm256_and_si256(_mm256_xor_si256(b, c), d), c);
  if constexpr (kRound == 2) return _mm256_xor_si256(_mm256_xor_si256(b, c), d);
  // I = c ^ (b | ~d)
  return _mm256_xor_si256(c, _mm256_or_si256(b, _mm256_xor_si256(d, _mm256_set1_epi32(-1))));
}

template <int i>
__attribute__((target("avx2"), always_inline)) inline void Step(__m256i& a, __m256i b, __m256i c, __m256i d,
                                                               const __m256i* m) {
  const __m256i f = Mix<i / 16>(b, c, d);
  __m256i t = _mm256_add_epi32(_mm256_add_epi32(a, f), _mm256_add_epi32(m[Md5MsgIndex(i)], _mm256_set1_epi32(static_cast<int>(kMd5K[i]))));
  a = _mm256_add_epi32(b, RotlV(t, kMd5S[i]));
}

template <int i>
__attribute__((target("avx2"), always_inline)) inline void Steps(__m256i& a, __m256i& b, __m256i& c, __m256i& d,
                                                                const __m256i* m) {
  if constexpr (i < 64) {
    Step<i>(a, b, c, d, m);
    Step<i + 1>(d, a, b, c, m);
    Step<i + 2>(c, d, a, b, m);
    Step<i + 3>(b, c, d, a, m);
    Steps<i + 4>(a, b, c, d, m);
  }
}

__attribute__((target("avx2"))) void Compress8Avx2(Md5State* st, const uint8_t* const* data, size_t blocks) {
  __m256i a = _mm256_setr_epi32(st[0].a, st[1].a, st[2].a, st[3].a, st[4].a, st[5].a, st[6].a, st[7].a);
  __m256i b = _mm256_setr_epi32(st[0].b, st[1].b, st[2].b, st[3].b, st[4].b, st[5].b, st[6].b, st[7].b);
  __m256i c = _mm256_setr_epi32(st[0].c, st[1].c, st[2].c, st[3].c, st[4].c, st[5].c, st[6].c, st[7].c);
  __m256i d = _mm256_setr_epi32(st[0].d, st[1].d, st[2].d, st[3].d, st[4].d, st[5].d, st[6].d, st[7].d);
  __m256i m[16];
  for (size_t blk = 0; blk < blocks; ++blk) {
    const size_t off = blk * 64;
    for (int half = 0; half < 2; ++half) {
      __m256i r[8];
      for (int lane = 0; lane < 8; ++lane) {
        r[lane] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data[lane] + off + 32 * half));
      }
      Transpose8x8(r);
      for (int w = 0; w < 8; ++w) m[8 * half + w] = r[w];
    }
    const __m256i aa = a, bb = b, cc = c, dd = d;
    Steps<0>(a, b, c, d, m);
    a = _mm256_add_epi32(a, aa);
    b = _mm256_add_epi32(b, bb);
    c = _mm256_add_epi32(c, cc);
    d = _mm256_add_epi32(d, dd);
  }
  alignas(32) uint32_t out[4][8];
  _mm256_store_si256(reinterpret_cast<__m256i*>(out[0]), a);
  _mm256_store_si256(reinterpret_cast<__m256i*>(out[1]), b);
  _mm256_store_si256(reinterpret_cast<__m256i*>(out[2]), c);
  _mm256_store_si256(reinterpret_cast<__m256i*>(out[3]), d);
  for (int lane = 0; lane < 8; ++lane) st[lane] = {out[0][lane], out[1][lane], out[2][lane], out[3][lane]};
}

template <int i>
__attribute__((target("avx512f"), always_inline)) inline void Step16(__m512i& a, __m512i b, __m512i c, __m512i d,
                                                                    const __m512i* m) {
  // vpternlogd truth tables: F = (b & c) | (~b & d) = 0xCA; G = (b & d) | (c & ~d) = 0xE4;
  // H = b ^ c ^ d = 0x96; I = c ^ (b | ~d) = 0x39.
  constexpr int kTable = i < 16 ? 0xCA : i < 32 ? 0xE4 : i < 48 ? 0x96 : 0x39;
  const __m512i f = _mm512_ternarylogic_epi32(b, c, d, kTable);
  const __m512i t = _mm512_add_epi32(_mm512_add_epi32(a, f),
                                     _mm512_add_epi32(m[Md5MsgIndex(i)], _mm512_set1_epi32(static_cast<int>(kMd5K[i]))));
  constexpr int kShift = kMd5S[i];  // an immediate even at -O0, where the intrinsic is a macro
  a = _mm512_add_epi32(b, _mm512_rol_epi32(t, kShift));
}

template <int i>
__attribute__((target("avx512f"), always_inline)) inline void Steps16(__m512i& a, __m512i& b, __m512i& c, __m512i& d,
                                                                     const __m512i* m) {
  if constexpr (i < 64) {
    Step16<i>(a, b, c, d, m);
    Step16<i + 1>(d, a, b, c, m);
    Step16<i + 2>(c, d, a, b, m);
    Step16<i + 3>(b, c, d, a, m);
    Steps16<i + 4>(a, b, c, d, m);
  }
}

// Message words from the streams (transposed here) or, when `words` is set, already transposed.
__attribute__((target("avx512f"))) void Compress16Avx512(Md5State* st, const uint8_t* const* data, size_t blocks,
                                                         const uint32_t* words = nullptr) {
  alignas(64) uint32_t in[4][16];
  for (int lane = 0; lane < 16; ++lane) {
    in[0][lane] = st[lane].a;
    in[1][lane] = st[lane].b;
    in[2][lane] = st[lane].c;
    in[3][lane] = st[lane].d;
  }
  __m512i a = _mm512_load_si512(in[0]), b = _mm512_load_si512(in[1]);
  __m512i c = _mm512_load_si512(in[2]), d = _mm512_load_si512(in[3]);
  __m512i m[16];
  for (size_t blk = 0; blk < blocks; ++blk) {
    hash_detail::LoadBlock16(m, data, words, blk);
    const __m512i aa = a, bb = b, cc = c, dd = d;
    Steps16<0>(a, b, c, d, m);
    a = _mm512_add_epi32(a, aa);
    b = _mm512_add_epi32(b, bb);
    c = _mm512_add_epi32(c, cc);
    d = _mm512_add_epi32(d, dd);
  }
  _mm512_store_si512(in[0], a);
  _mm512_store_si512(in[1], b);
  _mm512_store_si512(in[2], c);
  _mm512_store_si512(in[3], d);
  for (int lane = 0; lane < 16; ++lane) st[lane] = {in[0][lane], in[1][lane], in[2][lane], in[3][lane]};
}

__attribute__((target("avx512f"))) void Transpose16Avx512(const uint8_t* const* data, size_t blocks,
                                                          uint32_t* words) {
  for (size_t blk = 0; blk < blocks; ++blk) {
    __m512i m[16];
    hash_detail::LoadBlock16(m, data, nullptr, blk);
    for (int i = 0; i < 16; ++i) _mm512_store_si512(words + blk * 256 + i * 16, m[i]);
  }
}
#endif

const bool kHasAvx512 = [] {
#if defined(__x86_64__)
  return __builtin_cpu_supports("avx512f") != 0;
#else
  return false;
#endif
}();

const bool kHasAvx2 = [] {
#if defined(__x86_64__)
  return __builtin_cpu_supports("avx2") != 0;
#else
  return false;
#endif
}();

}  // namespace

// One lane, one block at a time, with md5_rounds.h's step fully unrolled: 747 MB/s on this
// machine, OpenSSL's assembly 718 (the former loop with a branch per step: 513-552 MB/s).
void Md5CompressScalar(Md5State& s, const uint8_t* data, size_t blocks) {
  uint32_t a = s.a, b = s.b, c = s.c, d = s.d;
  for (size_t blk = 0; blk < blocks; ++blk, data += 64) {
    uint32_t m[16];
    for (int i = 0; i < 16; ++i) m[i] = Load32(data + 4 * i);
    const uint32_t aa = a, bb = b, cc = c, dd = d;
    [&]<size_t... I>(std::index_sequence<I...>) { (hash_detail::Md5Step<I>(a, b, c, d, m), ...); }
    (std::make_index_sequence<64>());
    a += aa;
    b += bb;
    c += cc;
    d += dd;
  }
  s = {a, b, c, d};
}

bool Md5HasSimd() { return kHasAvx2; }
int Md5SimdLanes() { return kHasAvx512 ? 16 : kHasAvx2 ? 8 : 1; }

void Md5Compress16(Md5State* states, const uint8_t* const* data, size_t blocks) {
#if defined(__x86_64__)
  if (kHasAvx512) {
    Compress16Avx512(states, data, blocks);
    return;
  }
#endif
  Md5Compress8(states, data, blocks);
  Md5Compress8(states + 8, data + 8, blocks);
}

void Md5Compress16Words(Md5State* states, const uint32_t* words, size_t blocks) {
#if defined(__x86_64__)
  if (kHasAvx512) Compress16Avx512(states, nullptr, blocks, words);
#endif
}

void Transpose16Blocks(const uint8_t* const* data, size_t blocks, uint32_t* words) {
#if defined(__x86_64__)
  if (kHasAvx512) Transpose16Avx512(data, blocks, words);
#endif
}

void Md5Compress8(Md5State* states, const uint8_t* const* data, size_t blocks) {
#if defined(__x86_64__)
  if (kHasAvx2) {
    Compress8Avx2(states, data, blocks);
    return;
  }
#endif
  for (int lane = 0; lane < 8; ++lane) Md5CompressScalar(states[lane], data[lane], blocks);
}

}  // namespace ngb
