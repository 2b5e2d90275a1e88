#include "text/feature_sums.h"

#include <immintrin.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace ngb::text {
namespace {

using namespace features_detail;

// One block's sums: `for_each(emit)` calls emit(bucket) per feature. Scalars, not arrays: the sums
// stay in registers inside the always-inlined feature loops.
template <bool kTwo, typename ForEach>
[[gnu::always_inline]] inline void BlockSums(ForEach&& for_each, const int8_t* a, const int8_t* b, int32_t sums[2],
                                             uint32_t& count) {
  int32_t sa = 0, sb = 0;
  uint32_t n = 0;
  for_each([&](uint32_t k) {
    sa += a[k];
    if constexpr (kTwo) sb += b[k];
    ++n;
  });
  sums[0] = sa;
  sums[1] = sb;
  count = n;
}

#define NGB_AVX512_DQ __attribute__((target("avx512f,avx512dq,avx512vl,avx512bw,avx2,bmi,bmi2")))

// The vector path's precondition, under which the whole text padded with one space on each side is
// the concatenation of ForEachCharFeature's padded tokens with each inner space shared: non-empty
// ASCII, no space at either end, no two spaces in a row, no token longer than 64 bytes (longer
// ones are cut by the scalar path). Sets `spaces` to the number of spaces. 64 bytes per step, by
// bit masks (a byte loop mispredicts a branch at every space).
NGB_AVX512_DQ bool VectorPathApplies(std::string_view s, uint32_t& spaces) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return false;
  const __m512i space = _mm512_set1_epi8(' ');
  uint64_t any_high = 0, doubled = 0;
  uint32_t count = 0;
  uint64_t run = 0;       // non-space bytes at the end of the chunks so far
  uint64_t prev_top = 0;  // whether the previous chunk ended with a space
  for (size_t i = 0; i < s.size(); i += 64) {
    const size_t len = std::min<size_t>(64, s.size() - i);
    const uint64_t valid = len == 64 ? ~uint64_t{0} : (uint64_t{1} << len) - 1;
    const __m512i v = _mm512_maskz_loadu_epi8(valid, s.data() + i);
    any_high |= _mm512_movepi8_mask(v);
    const uint64_t sp = _mm512_cmpeq_epi8_mask(v, space) & valid;
    doubled |= sp & ((sp << 1) | prev_top);
    count += static_cast<uint32_t>(__builtin_popcountll(sp));
    // The token running into this chunk: its bytes before the chunk's first space.
    const uint64_t lead = static_cast<uint64_t>(__builtin_ctzll(sp | ~valid | (uint64_t{1} << 63)));
    const uint64_t first = sp == 0 ? static_cast<uint64_t>(len) : lead;
    if (run + first > 64) return false;
    run = sp == 0 ? run + len : static_cast<uint64_t>(__builtin_clzll(sp)) - (64 - len);
    prev_top = (sp >> (len - 1)) & 1;
  }
  spaces = count;
  return any_high == 0 && doubled == 0;
}

NGB_AVX512_DQ inline int32_t HorizontalSum(__m256i v) {
  __m128i x = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
  x = _mm_add_epi32(x, _mm_shuffle_epi32(x, 0x4E));
  x = _mm_add_epi32(x, _mm_shuffle_epi32(x, 0xB1));
  return _mm_cvtsi128_si32(x);
}

// The character block over `pad` = ' ' + text + ' ' (n bytes, then at least 16 readable bytes),
// eight start positions per step. An n-gram [at, at + len) belongs to one padded token exactly when
// none of its inner bytes (at + 1 .. at + len - 2) is a space; a space shared by two tokens starts
// n-grams only as the opening pad of the second. A closing pad starts just the 1-gram " ": no
// start here is a closing pad (the last byte is not a start), the caller adds those.
// (The maskz_ forms with a full mask: GCC 12 warns about the plain ones' undefined source.)
// Weights are gathered as the 4 bytes ending at each weight (hence the 3 readable bytes before a
// table), the weight being the top byte.
template <bool kTwo>
NGB_AVX512_DQ void CharSumsAvx512(const unsigned char* pad, size_t n, const FeatureConfig& cfg, const int8_t* a,
                                  const int8_t* b, FeatureSums& out) {
  const __m512i prime = _mm512_set1_epi64(0x100000001B3ll);
  const __m512i basis = _mm512_set1_epi64(static_cast<long long>(kFnvBasis));
  const __m512i seed = _mm512_set1_epi64(static_cast<long long>(kSeedChar));
  const __m512i golden = _mm512_set1_epi64(static_cast<long long>(0x9E3779B97F4A7C15ull));
  const __m512i space = _mm512_set1_epi64(' ');
  const __m128i shift = _mm_cvtsi32_si128(64 - cfg.bucket_bits);
  const void* base_a = a - 3;
  const void* base_b = kTwo ? b - 3 : nullptr;  // b is null with one table
  const unsigned char_min = cfg.char_min, char_max = cfg.char_max;
  __m256i acc_a = _mm256_setzero_si256(), acc_b = _mm256_setzero_si256();
  uint32_t count = 0;
  for (size_t at = 0; at + 1 < n; at += 8) {
    __m512i h = basis;
    __m512i prev = space;
    __mmask8 inner = 0xFF;
    for (unsigned len = 1; len <= char_max && at + len <= n; ++len) {
      // Lanes whose n-gram ends inside the text (and for len 1, starts before the closing pad).
      const size_t fit = len == 1 ? n - at - 1 : n - at - len + 1;
      const __mmask8 bound = fit >= 8 ? __mmask8{0xFF} : static_cast<__mmask8>((1u << fit) - 1);
      __m512i bytes = _mm512_maskz_cvtepu8_epi64(0xFF, _mm_loadl_epi64(reinterpret_cast<const __m128i*>(pad + at + len - 1)));
      if (len >= 3) inner &= _mm512_cmpneq_epi64_mask(prev, space);
      prev = bytes;
      h = _mm512_mullo_epi64(_mm512_xor_si512(h, bytes), prime);
      if (len < char_min) continue;
      const __mmask8 m = inner & bound;
      if (!m) break;  // both masks only shrink as len grows
      __m512i bucket = _mm512_maskz_srl_epi64(0xFF, _mm512_mullo_epi64(_mm512_xor_si512(h, seed), golden), shift);
      __m256i wa = _mm512_mask_i64gather_epi32(_mm256_setzero_si256(), m, bucket, base_a, 1);
      acc_a = _mm256_add_epi32(acc_a, _mm256_srai_epi32(wa, 24));
      if constexpr (kTwo) {
        __m256i wb = _mm512_mask_i64gather_epi32(_mm256_setzero_si256(), m, bucket, base_b, 1);
        acc_b = _mm256_add_epi32(acc_b, _mm256_srai_epi32(wb, 24));
      }
      count += static_cast<uint32_t>(__builtin_popcount(m));
    }
  }
  out.chr[0] = HorizontalSum(acc_a);
  out.chr[1] = kTwo ? HorizontalSum(acc_b) : 0;
  out.n_char = count;
}

template <bool kTwo>
FeatureSums Sums(std::string_view s, const FeatureConfig& cfg, const int8_t* a, const int8_t* b, bool vector) {
  FeatureSums r;
  if (cfg.word_max_n > 0) {
    BlockSums<kTwo>([&](auto&& emit) { ForEachWordFeature(s, cfg, emit); }, a, b, r.word, r.n_word);
  }
  if (cfg.char_max == 0) return r;
  uint32_t spaces = 0;
  if (vector && VectorPathApplies(s, spaces)) {
    thread_local std::string pad;
    const size_t n = s.size() + 2;
    if (pad.size() < n + 16) pad.resize(n + 16);
    unsigned char* p = reinterpret_cast<unsigned char*>(pad.data());
    p[0] = ' ';
    std::memcpy(p + 1, s.data(), s.size());
    p[n - 1] = ' ';
    std::memset(p + n, 0, 16);
    CharSumsAvx512<kTwo>(p, n, cfg, a, b, r);
    if (cfg.char_min == 1) {  // the 1-gram " " of each token's closing pad
      const uint32_t k = Bucket(Fnv(kFnvBasis, ' '), kSeedChar, cfg.bucket_bits);
      const uint32_t tokens = spaces + 1;
      r.chr[0] += static_cast<int32_t>(tokens) * a[k];
      if constexpr (kTwo) r.chr[1] += static_cast<int32_t>(tokens) * b[k];
      r.n_char += tokens;
    }
  } else {
    BlockSums<kTwo>([&](auto&& emit) { ForEachCharFeature(s, cfg, emit); }, a, b, r.chr, r.n_char);
  }
  return r;
}

}  // namespace

bool feature_sums_detail::HaveVectorPath() {
  static const bool have = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
                           __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw") &&
                           __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2");
  return have;
}

FeatureSums SumFeatures(std::string_view s, const FeatureConfig& cfg, const int8_t* a, const int8_t* b) {
  const bool vector = feature_sums_detail::HaveVectorPath();
  return b ? Sums<true>(s, cfg, a, b, vector) : Sums<false>(s, cfg, a, b, vector);
}

FeatureSums feature_sums_detail::SumFeaturesScalar(std::string_view s, const FeatureConfig& cfg, const int8_t* a,
                                                   const int8_t* b) {
  return b ? Sums<true>(s, cfg, a, b, false) : Sums<false>(s, cfg, a, b, false);
}

}  // namespace ngb::text
