#include "hashset/pdq_kernels.h"

#include <bit>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace ngb::hashset::pdq {
namespace {

// Branch-free scalar filter; `Pop` is the popcount to use.
template <typename Pop>
inline size_t FilterScalar(const uint32_t* entries, uint32_t lo, uint32_t hi, unsigned shift, uint32_t q,
                           int budget, uint32_t row_mask, uint32_t* out, Pop pop) {
  size_t c = 0;
  for (uint32_t e = lo; e < hi; ++e) {
    const uint32_t x = entries[e];
    out[c] = row_mask != 0 ? x & row_mask : e;
    c += pop((x >> shift) ^ q) <= budget;
  }
  return c;
}

constexpr size_t kRestBytes = 28;

// Branch on the (rare) hits only: writing every row out, branch-free, costs more than the
// mispredictions.
template <typename Pop32, typename Pop64>
inline size_t ScanScalar(const uint32_t* chunk0, const uint8_t* rest, uint32_t begin, uint32_t end,
                         const uint32_t* q, int d, uint32_t* rows_out, uint16_t* dist_out, Pop32 pop32,
                         Pop64 pop64) {
  uint64_t qw[3];
  std::memcpy(qw, q + 1, sizeof qw);
  size_t c = 0;
  for (uint32_t r = begin; r < end; ++r) {
    const uint8_t* row = rest + size_t{r} * kRestBytes;
    uint64_t w[3];
    uint32_t w7;
    std::memcpy(w, row, sizeof w);
    std::memcpy(&w7, row + 24, sizeof w7);
    const int dist = pop32(chunk0[r] ^ q[0]) + pop64(w[0] ^ qw[0]) + pop64(w[1] ^ qw[1]) + pop64(w[2] ^ qw[2]) +
                     pop32(w7 ^ q[7]);
    if (dist <= d) {
      rows_out[c] = r;
      dist_out[c++] = static_cast<uint16_t>(dist);
    }
  }
  return c;
}

size_t ScanPortable(const uint32_t* chunk0, const uint8_t* rest, uint32_t begin, uint32_t end, const uint32_t* q,
                    int d, uint32_t* rows_out, uint16_t* dist_out) {
  return ScanScalar(
      chunk0, rest, begin, end, q, d, rows_out, dist_out, [](uint32_t v) { return std::popcount(v); },
      [](uint64_t v) { return std::popcount(v); });
}

size_t FilterPortable(const uint32_t* entries, uint32_t lo, uint32_t hi, unsigned shift, uint32_t q, int budget,
                      uint32_t row_mask, uint32_t* out) {
  return FilterScalar(entries, lo, hi, shift, q, budget, row_mask, out,
                      [](uint32_t v) { return std::popcount(v); });
}

#if defined(__x86_64__)

__attribute__((target("popcnt"))) size_t FilterPopcnt(const uint32_t* entries, uint32_t lo, uint32_t hi,
                                                      unsigned shift, uint32_t q, int budget, uint32_t row_mask,
                                                      uint32_t* out) {
  return FilterScalar(entries, lo, hi, shift, q, budget, row_mask, out,
                      [](uint32_t v) { return __builtin_popcount(v); });
}

__attribute__((target("popcnt"))) size_t ScanPopcnt(const uint32_t* chunk0, const uint8_t* rest, uint32_t begin,
                                                    uint32_t end, const uint32_t* q, int d, uint32_t* rows_out,
                                                    uint16_t* dist_out) {
  return ScanScalar(
      chunk0, rest, begin, end, q, d, rows_out, dist_out, [](uint32_t v) { return __builtin_popcount(v); },
      [](uint64_t v) { return __builtin_popcountll(v); });
}

// Popcount of each 32-bit lane: per-nibble table lookups, then the 4 byte counts summed.
__attribute__((target("avx2"))) inline __m256i Popcount32Avx2(__m256i y) {
  const __m256i table = _mm256_setr_epi8(0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,  //
                                         0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
  const __m256i nibble = _mm256_set1_epi8(0x0f);
  const __m256i lo = _mm256_and_si256(y, nibble), hi = _mm256_and_si256(_mm256_srli_epi16(y, 4), nibble);
  const __m256i bytes = _mm256_add_epi8(_mm256_shuffle_epi8(table, lo), _mm256_shuffle_epi8(table, hi));
  return _mm256_madd_epi16(_mm256_maddubs_epi16(bytes, _mm256_set1_epi8(1)), _mm256_set1_epi16(1));
}

__attribute__((target("avx2,popcnt"))) size_t FilterAvx2(const uint32_t* entries, uint32_t lo, uint32_t hi,
                                                         unsigned shift, uint32_t q, int budget,
                                                         uint32_t row_mask, uint32_t* out) {
  const __m256i vq = _mm256_set1_epi32(static_cast<int>(q)), vbudget = _mm256_set1_epi32(budget);
  const __m128i vshift = _mm_cvtsi32_si128(static_cast<int>(shift));
  size_t c = 0;
  uint32_t e = lo;
  for (; e + 8 <= hi; e += 8) {
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(entries + e));
    const __m256i count = Popcount32Avx2(_mm256_xor_si256(_mm256_srl_epi32(x, vshift), vq));
    unsigned hit = ~static_cast<unsigned>(_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpgt_epi32(count, vbudget)))) & 0xff;
    while (hit != 0) {  // rare: almost every entry fails
      const unsigned lane = static_cast<unsigned>(__builtin_ctz(hit));
      out[c++] = row_mask != 0 ? entries[e + lane] & row_mask : e + lane;
      hit &= hit - 1;
    }
  }
  return c + FilterScalar(entries, e, hi, shift, q, budget, row_mask, out + c,
                          [](uint32_t v) { return __builtin_popcount(v); });
}

__attribute__((target("avx512f,avx512vpopcntdq"))) size_t FilterAvx512(const uint32_t* entries, uint32_t lo,
                                                                       uint32_t hi, unsigned shift, uint32_t q,
                                                                       int budget, uint32_t row_mask,
                                                                       uint32_t* out) {
  const __m512i vq = _mm512_set1_epi32(static_cast<int>(q)), vbudget = _mm512_set1_epi32(budget);
  const __m512i vmask = _mm512_set1_epi32(static_cast<int>(row_mask));
  const __m512i lanes = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  const __m512i vshift = _mm512_set1_epi32(static_cast<int>(shift));
  size_t c = 0;
  for (uint32_t e = lo; e < hi; e += 16) {
    // The tail is a masked load: lanes past `hi` are neither read nor counted.
    const __mmask16 live = hi - e >= 16 ? 0xffff : static_cast<__mmask16>((1u << (hi - e)) - 1);
    const __m512i x = _mm512_maskz_loadu_epi32(live, entries + e);
    const __m512i count = _mm512_popcnt_epi32(_mm512_xor_si512(_mm512_maskz_srlv_epi32(live, x, vshift), vq));
    const __mmask16 hit = _mm512_mask_cmple_epi32_mask(live, count, vbudget);
    if (hit == 0) continue;
    const __m512i rows = row_mask != 0 ? _mm512_and_si512(x, vmask)
                                       : _mm512_add_epi32(_mm512_set1_epi32(static_cast<int>(e)), lanes);
    _mm512_mask_compressstoreu_epi32(out + c, hit, rows);
    c += static_cast<size_t>(__builtin_popcount(hit));
  }
  return c;
}

// Two rows per vector, arranged so that each row is four 64-bit lanes: lanes 0..7 are row r
// (chunk 0 first), lanes 8..15 row r + 1 (chunk 0 last). One unaligned load takes both rows' 56
// bytes of chunks 1..7 (and 8 bytes beyond, unused), one permute puts the two chunk 0 words in.
__attribute__((target("avx512f,avx512vpopcntdq,popcnt"))) size_t ScanAvx512(const uint32_t* chunk0,
                                                                             const uint8_t* rest, uint32_t begin,
                                                                             uint32_t end, const uint32_t* q, int d,
                                                                             uint32_t* rows_out, uint16_t* dist_out) {
  const __m512i vq = _mm512_setr_epi32(  //
      static_cast<int>(q[0]), static_cast<int>(q[1]), static_cast<int>(q[2]), static_cast<int>(q[3]),
      static_cast<int>(q[4]), static_cast<int>(q[5]), static_cast<int>(q[6]), static_cast<int>(q[7]),
      static_cast<int>(q[1]), static_cast<int>(q[2]), static_cast<int>(q[3]), static_cast<int>(q[4]),
      static_cast<int>(q[5]), static_cast<int>(q[6]), static_cast<int>(q[7]), static_cast<int>(q[0]));
  // Lanes 16 and 17 of the permute's second source are chunk0[r] and chunk0[r + 1].
  const __m512i arrange = _mm512_setr_epi32(16, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 17);
  size_t c = 0;
  uint32_t r = begin;
  for (; r + 2 <= end; r += 2) {
    const __m512i chunks = _mm512_loadu_si512(rest + size_t{r} * kRestBytes);
    uint64_t pair;
    std::memcpy(&pair, chunk0 + r, sizeof pair);
    const __m512i firsts = _mm512_castsi128_si512(_mm_cvtsi64_si128(static_cast<long long>(pair)));
    const __m512i x = _mm512_permutex2var_epi32(chunks, arrange, firsts);
    const __m512i count = _mm512_popcnt_epi64(_mm512_xor_si512(x, vq));
    // (The maskz_ forms with all lanes set: GCC 12 warns about the plain ones' undefined input.)
    const __m512i pairs = _mm512_add_epi64(count, _mm512_maskz_shuffle_epi32(0xffff, count, _MM_PERM_BADC));
    const __m512i sums = _mm512_add_epi64(pairs, _mm512_maskz_shuffle_i64x2(0xff, pairs, pairs, _MM_SHUFFLE(2, 3, 0, 1)));
    const auto d0 = static_cast<int>(_mm_cvtsi128_si64(_mm512_maskz_extracti32x4_epi32(0xf, sums, 0)));
    const auto d1 = static_cast<int>(_mm_cvtsi128_si64(_mm512_maskz_extracti32x4_epi32(0xf, sums, 2)));
    if (d0 <= d) {
      rows_out[c] = r;
      dist_out[c++] = static_cast<uint16_t>(d0);
    }
    if (d1 <= d) {
      rows_out[c] = r + 1;
      dist_out[c++] = static_cast<uint16_t>(d1);
    }
  }
  return c + ScanScalar(
                 chunk0, rest, r, end, q, d, rows_out + c, dist_out + c,
                 [](uint32_t v) { return __builtin_popcount(v); }, [](uint64_t v) { return __builtin_popcountll(v); });
}

#endif  // __x86_64__

Isa Detect() {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vpopcntdq")) return Isa::kAvx512;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt")) return Isa::kAvx2;
  if (__builtin_cpu_supports("popcnt")) return Isa::kPopcnt;
#endif
  return Isa::kPortable;
}

}  // namespace

Isa BestIsa() {
  static const Isa isa = Detect();
  return isa;
}

ScanFn ScanFor(Isa isa) {
#if defined(__x86_64__)
  switch (isa) {
    case Isa::kAvx512: return ScanAvx512;
    case Isa::kAvx2:
    case Isa::kPopcnt: return ScanPopcnt;
    case Isa::kPortable: break;
  }
#else
  (void)isa;
#endif
  return ScanPortable;
}

FilterFn FilterFor(Isa isa) {
#if defined(__x86_64__)
  switch (isa) {
    case Isa::kAvx512: return FilterAvx512;
    case Isa::kAvx2: return FilterAvx2;
    case Isa::kPopcnt: return FilterPopcnt;
    case Isa::kPortable: break;
  }
#else
  (void)isa;
#endif
  return FilterPortable;
}

}  // namespace ngb::hashset::pdq
