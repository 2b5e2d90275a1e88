#include "hash/three_digests.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "hash/md5_rounds.h"
#include "hash/sha256_k.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace ngb {
namespace {

#if defined(__x86_64__)
// The SHA-NI block functions follow the instruction sequences of Intel's SHA extensions white
// paper (Gulley et al., 2013): SHA-256 keeps ABEF and CDGH in two registers and does 4 rounds per
// message group (two sha256rnds2); SHA-1 keeps ABCD in one register and E rides in the message
// word (sha1nexte), 4 rounds per sha1rnds4.
#define NGB_SHANI __attribute__((target("sha,sse4.1,ssse3")))
#define NGB_SHANI_INLINE __attribute__((target("sha,sse4.1,ssse3"), always_inline)) inline

using hash_detail::kSha256K;

struct Sha1Regs {
  __m128i abcd, e0, e1, m[4];
};
struct Sha256Regs {
  __m128i abef, cdgh, m[4];
};

// Rounds 4g..4g+3 of SHA-256, with the message schedule for the groups after it.
template <int g>
NGB_SHANI_INLINE void Sha256Group(Sha256Regs& s, const uint8_t* p) {
  if constexpr (g < 4) {
    const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    s.m[g] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * g)), bswap);
  }
  __m128i msg = _mm_add_epi32(s.m[g & 3], _mm_load_si128(reinterpret_cast<const __m128i*>(kSha256K + 4 * g)));
  s.cdgh = _mm_sha256rnds2_epu32(s.cdgh, s.abef, msg);
  if constexpr (g >= 3 && g < 15) {
    const __m128i t = _mm_alignr_epi8(s.m[g & 3], s.m[(g - 1) & 3], 4);
    s.m[(g + 1) & 3] = _mm_sha256msg2_epu32(_mm_add_epi32(s.m[(g + 1) & 3], t), s.m[g & 3]);
  }
  msg = _mm_shuffle_epi32(msg, 0x0E);
  s.abef = _mm_sha256rnds2_epu32(s.abef, s.cdgh, msg);
  if constexpr (g >= 1 && g < 13) s.m[(g - 1) & 3] = _mm_sha256msg1_epu32(s.m[(g - 1) & 3], s.m[g & 3]);
}

// Rounds 4g..4g+3 of SHA-1, with the message schedule for the groups after it.
template <int g>
NGB_SHANI_INLINE void Sha1Group(Sha1Regs& s, const uint8_t* p) {
  if constexpr (g < 4) {
    const __m128i bswap = _mm_set_epi64x(0x0001020304050607ULL, 0x08090a0b0c0d0e0fULL);
    s.m[g] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * g)), bswap);
  }
  __m128i& e = g % 2 == 0 ? s.e0 : s.e1;  // E for these rounds
  __m128i& next = g % 2 == 0 ? s.e1 : s.e0;
  if constexpr (g == 0) {
    e = _mm_add_epi32(e, s.m[0]);
  } else {
    e = _mm_sha1nexte_epu32(e, s.m[g & 3]);
  }
  next = s.abcd;
  if constexpr (g >= 3 && g <= 18) s.m[(g + 1) & 3] = _mm_sha1msg2_epu32(s.m[(g + 1) & 3], s.m[g & 3]);
  s.abcd = _mm_sha1rnds4_epu32(s.abcd, e, g / 5);
  if constexpr (g >= 1 && g <= 16) s.m[(g - 1) & 3] = _mm_sha1msg1_epu32(s.m[(g - 1) & 3], s.m[g & 3]);
  if constexpr (g >= 2 && g <= 17) s.m[(g + 2) & 3] = _mm_xor_si128(s.m[(g + 2) & 3], s.m[g & 3]);
}

// Step k of 16 of one block: MD5 steps 4k..4k+3 with SHA-256's group k and SHA-1's groups
// 20k/16 .. 20(k+1)/16 - 1 between them.
template <int k>
NGB_SHANI_INLINE void StitchedStep(Md5State& md5, const uint32_t* m, Sha1Regs& sha1, Sha256Regs& sha256,
                                   const uint8_t* p) {
  constexpr int g0 = k * 20 / 16, g1 = (k + 1) * 20 / 16;
  hash_detail::Md5Step<4 * k>(md5.a, md5.b, md5.c, md5.d, m);
  Sha256Group<k>(sha256, p);
  hash_detail::Md5Step<4 * k + 1>(md5.a, md5.b, md5.c, md5.d, m);
  if constexpr (g0 < g1) Sha1Group<g0>(sha1, p);
  hash_detail::Md5Step<4 * k + 2>(md5.a, md5.b, md5.c, md5.d, m);
  if constexpr (g0 + 1 < g1) Sha1Group<g0 + 1>(sha1, p);
  hash_detail::Md5Step<4 * k + 3>(md5.a, md5.b, md5.c, md5.d, m);
}

template <size_t... K>
NGB_SHANI_INLINE void StitchedBlock(Md5State& md5, const uint32_t* m, Sha1Regs& sha1, Sha256Regs& sha256,
                                    const uint8_t* p, std::index_sequence<K...>) {
  (StitchedStep<static_cast<int>(K)>(md5, m, sha1, sha256, p), ...);
}

NGB_SHANI void CompressStitched(Md5State& md5_state, Sha1State& sha1_state, Sha256State& sha256_state,
                                const uint8_t* p, size_t blocks) {
  Sha1Regs sha1;
  sha1.abcd = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(sha1_state.h)), 0x1B);
  sha1.e0 = _mm_set_epi32(static_cast<int>(sha1_state.h[4]), 0, 0, 0);
  sha1.e1 = _mm_setzero_si128();
  Sha256Regs sha256;
  {
    const __m128i dcba = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(sha256_state.h)), 0xB1);
    const __m128i efgh = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(sha256_state.h + 4)), 0x1B);
    sha256.abef = _mm_alignr_epi8(dcba, efgh, 8);
    sha256.cdgh = _mm_blend_epi16(efgh, dcba, 0xF0);
  }
  Md5State md5 = md5_state;
  for (size_t blk = 0; blk < blocks; ++blk, p += 64) {
    uint32_t m[16];
    std::memcpy(m, p, 64);  // MD5 is little-endian, as is x86-64
    const Md5State md5_in = md5;
    const __m128i abcd_in = sha1.abcd, e_in = sha1.e0, abef_in = sha256.abef, cdgh_in = sha256.cdgh;
    StitchedBlock(md5, m, sha1, sha256, p, std::make_index_sequence<16>());
    md5.a += md5_in.a;
    md5.b += md5_in.b;
    md5.c += md5_in.c;
    md5.d += md5_in.d;
    sha1.e0 = _mm_sha1nexte_epu32(sha1.e0, e_in);
    sha1.abcd = _mm_add_epi32(sha1.abcd, abcd_in);
    sha256.abef = _mm_add_epi32(sha256.abef, abef_in);
    sha256.cdgh = _mm_add_epi32(sha256.cdgh, cdgh_in);
  }
  md5_state = md5;
  _mm_storeu_si128(reinterpret_cast<__m128i*>(sha1_state.h), _mm_shuffle_epi32(sha1.abcd, 0x1B));
  sha1_state.h[4] = static_cast<uint32_t>(_mm_extract_epi32(sha1.e0, 3));
  const __m128i feba = _mm_shuffle_epi32(sha256.abef, 0x1B);
  const __m128i dchg = _mm_shuffle_epi32(sha256.cdgh, 0xB1);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(sha256_state.h), _mm_blend_epi16(feba, dchg, 0xF0));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(sha256_state.h + 4), _mm_alignr_epi8(dchg, feba, 8));
}
#endif

bool DetectStitched() {
#if defined(__x86_64__)
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
  const bool sha = (ebx >> 29) & 1;  // GCC 12's __builtin_cpu_supports("sha") does not see it
  return sha && __builtin_cpu_supports("ssse3") && __builtin_cpu_supports("sse4.1");
#else
  return false;
#endif
}

const bool kHasStitched = DetectStitched();

void PutBe32(uint8_t* p, uint32_t v) {
  p[0] = static_cast<uint8_t>(v >> 24);
  p[1] = static_cast<uint8_t>(v >> 16);
  p[2] = static_cast<uint8_t>(v >> 8);
  p[3] = static_cast<uint8_t>(v);
}

}  // namespace

bool HasStitchedThree() { return kHasStitched; }

void CompressThreeSeparately(Md5State& md5, Sha1State& sha1, Sha256State& sha256, const uint8_t* data,
                             size_t blocks) {
  Md5CompressScalar(md5, data, blocks);
  Sha1CompressBlocks(sha1, data, blocks);
  Sha256CompressBlocks(sha256, data, blocks);
}

void CompressThree(Md5State& md5, Sha1State& sha1, Sha256State& sha256, const uint8_t* data, size_t blocks) {
  if (blocks == 0) return;
#if defined(__x86_64__)
  if (kHasStitched) {
    CompressStitched(md5, sha1, sha256, data, blocks);
    return;
  }
#endif
  CompressThreeSeparately(md5, sha1, sha256, data, blocks);
}

std::span<const uint8_t> ThreeStream::Absorb(std::span<const uint8_t> data) {
  if (data.empty()) return {};  // data() may be null
  length += data.size();
  if (tail_len > 0) {
    const size_t take = std::min(data.size(), 64 - tail_len);
    std::memcpy(tail.data() + tail_len, data.data(), take);
    tail_len += take;
    data = data.subspan(take);
    if (tail_len < 64) return {};
    CompressThree(md5, sha1, sha256, tail.data(), 1);
    tail_len = 0;
  }
  const size_t whole = data.size() / 64 * 64;
  tail_len = data.size() - whole;
  if (tail_len > 0) std::memcpy(tail.data(), data.data() + whole, tail_len);
  return data.first(whole);
}

Digests FinishThree(Md5State md5, Sha1State sha1, Sha256State sha256, std::span<const uint8_t> tail,
                    uint64_t length) {
  // Padding: 0x80, zeros, the length in bits in the last 8 bytes (MD5 little-endian, SHA big-endian).
  uint8_t block[128] = {};
  std::memcpy(block, tail.data(), tail.size());
  block[tail.size()] = 0x80;
  const size_t total = tail.size() + 1 + 8 <= 64 ? 64 : 128;
  const uint64_t bits = length * 8;
  uint8_t sha_block[128];
  std::memcpy(sha_block, block, sizeof block);
  for (int i = 0; i < 8; ++i) {
    block[total - 8 + i] = static_cast<uint8_t>(bits >> (8 * i));
    sha_block[total - 1 - i] = static_cast<uint8_t>(bits >> (8 * i));
  }
  Md5CompressScalar(md5, block, total / 64);
  Sha1CompressBlocks(sha1, sha_block, total / 64);
  Sha256CompressBlocks(sha256, sha_block, total / 64);

  Digests d;
  uint8_t md5_bytes[16];
  const uint32_t words[4] = {md5.a, md5.b, md5.c, md5.d};
  for (int w = 0; w < 4; ++w) {
    for (int i = 0; i < 4; ++i) md5_bytes[4 * w + i] = static_cast<uint8_t>(words[w] >> (8 * i));
  }
  d.md5 = ToHex(md5_bytes);
  uint8_t sha1_bytes[20];
  for (int w = 0; w < 5; ++w) PutBe32(sha1_bytes + 4 * w, sha1.h[w]);
  d.sha1 = ToHex(sha1_bytes);
  uint8_t sha256_bytes[32];
  for (int w = 0; w < 8; ++w) PutBe32(sha256_bytes + 4 * w, sha256.h[w]);
  d.sha256 = ToHex(sha256_bytes);
  return d;
}

}  // namespace ngb
