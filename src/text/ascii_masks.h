// Bit masks over ASCII text, one bit per byte: which bytes are [a-z0-9] and which [a-z], made 64
// bytes per step with AVX-512BW, and the searches that walk words with them. For passes that visit
// every word of a text: a byte loop mispredicts a branch at each word boundary, these do not.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ngb::text {

class AsciiMasks {
 public:
  // Makes the masks of `s`. False (masks unusable) when the CPU lacks AVX-512BW or `s` has a
  // byte >= 0x80.
  bool Compute(std::string_view s);
  // The first position >= from whose byte is [a-z0-9] (NextAlnum), is not (NextNonAlnum), or is
  // [a-z] (NextLower); `limit` (or the text's size) when there is none before it.
  size_t NextAlnum(size_t from) const { return Next(alnum_.data(), from, size_, false); }
  size_t NextNonAlnum(size_t from) const { return Next(alnum_.data(), from, size_, true); }
  size_t NextLower(size_t from, size_t limit) const { return Next(lower_.data(), from, limit, false); }

 private:
  size_t Next(const uint64_t* bits, size_t from, size_t limit, bool clear) const {
    const uint64_t flip = clear ? ~uint64_t{0} : 0;
    size_t w = from / 64;
    const size_t words = (limit + 63) / 64;
    if (from >= limit) return limit;
    uint64_t m = (bits[w] ^ flip) & (~uint64_t{0} << (from % 64));
    while (m == 0) {
      if (++w >= words) return limit;
      m = bits[w] ^ flip;
    }
    const size_t at = w * 64 + static_cast<size_t>(__builtin_ctzll(m));
    return at < limit ? at : limit;
  }
  std::vector<uint64_t> alnum_, lower_;
  size_t size_ = 0;
};

}  // namespace ngb::text
