#include "text/ascii_masks.h"

#include <immintrin.h>

namespace ngb::text {
namespace {

bool HaveAvx512Bw() {
  static const bool have = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
  return have;
}

__attribute__((target("avx512f,avx512bw"))) bool Masks(std::string_view s, uint64_t* alnum, uint64_t* lower) {
  const __m512i a = _mm512_set1_epi8('a'), z_a = _mm512_set1_epi8('z' - 'a');
  const __m512i zero = _mm512_set1_epi8('0'), nine_zero = _mm512_set1_epi8('9' - '0');
  uint64_t high = 0;
  for (size_t i = 0, w = 0; i < s.size(); i += 64, ++w) {
    const size_t len = s.size() - i < 64 ? s.size() - i : 64;
    const uint64_t valid = len == 64 ? ~uint64_t{0} : (uint64_t{1} << len) - 1;
    const __m512i v = _mm512_maskz_loadu_epi8(valid, s.data() + i);
    high |= _mm512_movepi8_mask(v);
    // Unsigned range checks: c - lo <= hi - lo.
    const uint64_t l = _mm512_cmple_epu8_mask(_mm512_sub_epi8(v, a), z_a);
    const uint64_t d = _mm512_cmple_epu8_mask(_mm512_sub_epi8(v, zero), nine_zero);
    lower[w] = l & valid;
    alnum[w] = (l | d) & valid;
  }
  return high == 0;
}

}  // namespace

bool AsciiMasks::Compute(std::string_view s) {
  if (!HaveAvx512Bw()) return false;
  const size_t words = s.size() / 64 + 1;
  if (alnum_.size() < words) {
    alnum_.resize(words);
    lower_.resize(words);
  }
  size_ = s.size();
  return Masks(s, alnum_.data(), lower_.data());
}

}  // namespace ngb::text
