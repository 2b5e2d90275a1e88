#include "hash/sha_multi.h"

// The one-stream functions drive OpenSSL's block functions (SHA extensions, AVX2 or plain, chosen
// by OpenSSL at run time) through the low-level SHA1_Update/SHA256_Update on a context whose
// chaining value is ours: with no buffered bytes and whole blocks they compress straight from
// `data`. That API is deprecated in OpenSSL 3 but kept; EVP has no way to set a chaining value.
#include <openssl/sha.h>

#include <cstring>

#if defined(__GNUC__) && !defined(__clang__)
// GCC 12's AVX-512 headers start some intrinsics from _mm512_undefined_epi32() (a GCC bug).
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "hash/sha256_k.h"
#include "hash/simd_transpose.h"

namespace ngb {
namespace {

#if defined(__x86_64__)
#define NGB_AVX512 __attribute__((target("avx512f,avx512bw")))

using hash_detail::kSha256K;

// Block `blk` of the 16 streams as 16 registers of big-endian message words: transposed here
// from data[], or, when `words` is set, already transposed there (Transpose16Blocks).
NGB_AVX512 inline void LoadMessage(__m512i w[16], const uint8_t* const* data, const uint32_t* words, size_t blk) {
  const __m512i bswap = _mm512_set4_epi32(0x0c0d0e0f, 0x08090a0b, 0x04050607, 0x00010203);
  hash_detail::LoadBlock16(w, data, words, blk);
  for (int i = 0; i < 16; ++i) w[i] = _mm512_shuffle_epi8(w[i], bswap);
}

// vpternlogd truth tables: 0xCA = a ? b : c (Ch); 0xE8 = majority; 0x96 = a ^ b ^ c.
NGB_AVX512 void Sha256x16(Sha256State* st, const uint8_t* const* data, size_t blocks,
                          const uint32_t* words = nullptr) {
  alignas(64) uint32_t io[8][16];
  for (int lane = 0; lane < 16; ++lane) {
    for (int i = 0; i < 8; ++i) io[i][lane] = st[lane].h[i];
  }
  __m512i s[8];
  for (int i = 0; i < 8; ++i) s[i] = _mm512_load_si512(io[i]);
  for (size_t blk = 0; blk < blocks; ++blk) {
    __m512i w[16];
    LoadMessage(w, data, words, blk);
    __m512i a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
#pragma GCC unroll 64
    for (int t = 0; t < 64; ++t) {
      __m512i wt = w[t & 15];
      if (t >= 16) {
        const __m512i w15 = w[(t - 15) & 15], w2 = w[(t - 2) & 15];
        const __m512i s0 = _mm512_ternarylogic_epi32(_mm512_ror_epi32(w15, 7), _mm512_ror_epi32(w15, 18),
                                                     _mm512_srli_epi32(w15, 3), 0x96);
        const __m512i s1 = _mm512_ternarylogic_epi32(_mm512_ror_epi32(w2, 17), _mm512_ror_epi32(w2, 19),
                                                     _mm512_srli_epi32(w2, 10), 0x96);
        wt = _mm512_add_epi32(_mm512_add_epi32(wt, s0), _mm512_add_epi32(w[(t - 7) & 15], s1));
        w[t & 15] = wt;
      }
      const __m512i big_s1 = _mm512_ternarylogic_epi32(_mm512_ror_epi32(e, 6), _mm512_ror_epi32(e, 11),
                                                       _mm512_ror_epi32(e, 25), 0x96);
      const __m512i ch = _mm512_ternarylogic_epi32(e, f, g, 0xCA);
      const __m512i t1 = _mm512_add_epi32(
          _mm512_add_epi32(h, _mm512_add_epi32(wt, _mm512_set1_epi32(static_cast<int>(kSha256K[t])))),
          _mm512_add_epi32(big_s1, ch));
      const __m512i big_s0 = _mm512_ternarylogic_epi32(_mm512_ror_epi32(a, 2), _mm512_ror_epi32(a, 13),
                                                       _mm512_ror_epi32(a, 22), 0x96);
      const __m512i maj = _mm512_ternarylogic_epi32(a, b, c, 0xE8);
      h = g;
      g = f;
      f = e;
      e = _mm512_add_epi32(d, t1);
      d = c;
      c = b;
      b = a;
      a = _mm512_add_epi32(t1, _mm512_add_epi32(big_s0, maj));
    }
    s[0] = _mm512_add_epi32(s[0], a);
    s[1] = _mm512_add_epi32(s[1], b);
    s[2] = _mm512_add_epi32(s[2], c);
    s[3] = _mm512_add_epi32(s[3], d);
    s[4] = _mm512_add_epi32(s[4], e);
    s[5] = _mm512_add_epi32(s[5], f);
    s[6] = _mm512_add_epi32(s[6], g);
    s[7] = _mm512_add_epi32(s[7], h);
  }
  for (int i = 0; i < 8; ++i) _mm512_store_si512(io[i], s[i]);
  for (int lane = 0; lane < 16; ++lane) {
    for (int i = 0; i < 8; ++i) st[lane].h[i] = io[i][lane];
  }
}

NGB_AVX512 void Sha1x16(Sha1State* st, const uint8_t* const* data, size_t blocks, const uint32_t* words = nullptr) {
  alignas(64) uint32_t io[5][16];
  for (int lane = 0; lane < 16; ++lane) {
    for (int i = 0; i < 5; ++i) io[i][lane] = st[lane].h[i];
  }
  __m512i s[5];
  for (int i = 0; i < 5; ++i) s[i] = _mm512_load_si512(io[i]);
  for (size_t blk = 0; blk < blocks; ++blk) {
    __m512i w[16];
    LoadMessage(w, data, words, blk);
    __m512i a = s[0], b = s[1], c = s[2], d = s[3], e = s[4];
#pragma GCC unroll 80
    for (int t = 0; t < 80; ++t) {
      __m512i wt = w[t & 15];
      if (t >= 16) {
        wt = _mm512_rol_epi32(
            _mm512_xor_si512(_mm512_ternarylogic_epi32(w[(t - 3) & 15], w[(t - 8) & 15], w[(t - 14) & 15], 0x96), wt),
            1);
        w[t & 15] = wt;
      }
      // Round functions: Ch (0xCA), parity (0x96), majority (0xE8), parity.
      const int table = t < 20 ? 0xCA : t < 40 ? 0x96 : t < 60 ? 0xE8 : 0x96;
      const uint32_t k = t < 20 ? 0x5A827999 : t < 40 ? 0x6ED9EBA1 : t < 60 ? 0x8F1BBCDC : 0xCA62C1D6;
      __m512i f;
      if (table == 0xCA) f = _mm512_ternarylogic_epi32(b, c, d, 0xCA);
      else if (table == 0xE8) f = _mm512_ternarylogic_epi32(b, c, d, 0xE8);
      else f = _mm512_ternarylogic_epi32(b, c, d, 0x96);
      const __m512i tmp =
          _mm512_add_epi32(_mm512_add_epi32(_mm512_rol_epi32(a, 5), f),
                           _mm512_add_epi32(e, _mm512_add_epi32(wt, _mm512_set1_epi32(static_cast<int>(k)))));
      e = d;
      d = c;
      c = _mm512_rol_epi32(b, 30);
      b = a;
      a = tmp;
    }
    s[0] = _mm512_add_epi32(s[0], a);
    s[1] = _mm512_add_epi32(s[1], b);
    s[2] = _mm512_add_epi32(s[2], c);
    s[3] = _mm512_add_epi32(s[3], d);
    s[4] = _mm512_add_epi32(s[4], e);
  }
  for (int i = 0; i < 5; ++i) _mm512_store_si512(io[i], s[i]);
  for (int lane = 0; lane < 16; ++lane) {
    for (int i = 0; i < 5; ++i) st[lane].h[i] = io[i][lane];
  }
}
#undef NGB_AVX512
#endif

const bool kHas16Lanes = [] {
#if defined(__x86_64__)
  return __builtin_cpu_supports("avx512f") != 0 && __builtin_cpu_supports("avx512bw") != 0;
#else
  return false;
#endif
}();

}  // namespace

// The deprecated low-level API (see the top of the file), allowed by a pragma rather than
// OPENSSL_SUPPRESS_DEPRECATED, which a unity build defeats once an earlier file of the batch has
// included <openssl/sha.h>.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
void Sha1CompressBlocks(Sha1State& s, const uint8_t* data, size_t blocks) {
  if (blocks == 0) return;
  SHA_CTX c;
  std::memset(&c, 0, sizeof c);
  c.h0 = s.h[0];
  c.h1 = s.h[1];
  c.h2 = s.h[2];
  c.h3 = s.h[3];
  c.h4 = s.h[4];
  SHA1_Update(&c, data, blocks * 64);
  s = {{c.h0, c.h1, c.h2, c.h3, c.h4}};
}

void Sha256CompressBlocks(Sha256State& s, const uint8_t* data, size_t blocks) {
  if (blocks == 0) return;
  SHA256_CTX c;
  std::memset(&c, 0, sizeof c);
  std::memcpy(c.h, s.h, sizeof s.h);
  c.md_len = SHA256_DIGEST_LENGTH;
  SHA256_Update(&c, data, blocks * 64);
  std::memcpy(s.h, c.h, sizeof s.h);
}
#pragma GCC diagnostic pop

bool ShaHas16Lanes() { return kHas16Lanes; }

void Sha1Compress16(Sha1State* states, const uint8_t* const* data, size_t blocks) {
#if defined(__x86_64__)
  if (kHas16Lanes) {
    Sha1x16(states, data, blocks);
    return;
  }
#endif
  for (int lane = 0; lane < 16; ++lane) Sha1CompressBlocks(states[lane], data[lane], blocks);
}

void Sha1Compress16Words(Sha1State* states, const uint32_t* words, size_t blocks) {
#if defined(__x86_64__)
  if (kHas16Lanes) Sha1x16(states, nullptr, blocks, words);
#endif
}

void Sha256Compress16Words(Sha256State* states, const uint32_t* words, size_t blocks) {
#if defined(__x86_64__)
  if (kHas16Lanes) Sha256x16(states, nullptr, blocks, words);
#endif
}

void Sha256Compress16(Sha256State* states, const uint8_t* const* data, size_t blocks) {
#if defined(__x86_64__)
  if (kHas16Lanes) {
    Sha256x16(states, data, blocks);
    return;
  }
#endif
  for (int lane = 0; lane < 16; ++lane) Sha256CompressBlocks(states[lane], data[lane], blocks);
}

}  // namespace ngb
