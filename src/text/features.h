// Hashed n-gram features of normalised text, shared by the trainer and the scorer so that both see
// exactly the same features: word uni- to n-grams (words = runs of ASCII letters/digits or non-ASCII
// bytes) and character n-grams (in code points) inside each space-separated token padded with one
// space on each side (scikit-learn's "char_wb"). Every occurrence is hashed to a bucket; the two
// blocks (words, characters) use different seeds but share one table of 2^bucket_bits buckets.
//
// Weighting (what the linear model sees): feature value = occurrences / sqrt(occurrences of all
// features in its block), so each block has roughly unit L2 norm, like a union of two normalised
// TF vectors. No allocation: buffers are the caller's or thread-local.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ngb::text {

struct FeatureConfig {
  uint8_t word_max_n = 2;   // word n-grams 1..word_max_n (0: no word features); at most 3
  uint8_t char_min = 2;     // character n-grams char_min..char_max code points (char_max 0: none)
  uint8_t char_max = 5;     // at most 8
  uint8_t bucket_bits = 18; // 2^bucket_bits buckets; 10..24
  bool Valid() const {
    return word_max_n <= 3 && char_max <= 8 && (char_max == 0 || (char_min >= 1 && char_min <= char_max)) &&
           bucket_bits >= 10 && bucket_bits <= 24 && (word_max_n > 0 || char_max > 0);
  }
};

enum class Block : uint8_t { kWord = 0, kChar = 1 };

namespace features_detail {
inline uint64_t Fnv(uint64_t h, unsigned char b) { return (h ^ b) * 0x100000001B3ull; }
// Fibonacci hashing: the multiply carries every bit of h into the top bits, which pick the bucket.
inline uint32_t Bucket(uint64_t h, uint64_t seed, int bits) {
  return static_cast<uint32_t>(((h ^ seed) * 0x9E3779B97F4A7C15ull) >> (64 - bits));
}
inline bool IsWordByte(unsigned char c) {
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}
constexpr uint64_t kSeedWord[3] = {0x243F6A8885A308D3ull, 0x13198A2E03707344ull, 0xA4093822299F31D0ull};
constexpr uint64_t kSeedChar = 0x082EFA98EC4E6C89ull;
constexpr uint64_t kFnvBasis = 0xCBF29CE484222325ull;
}  // namespace features_detail

// The word block of ForEachFeature: emit(bucket) per word n-gram occurrence, in order.
template <typename Emit>
[[gnu::always_inline]] inline void ForEachWordFeature(std::string_view s, const FeatureConfig& cfg, Emit&& emit) {
  using namespace features_detail;
  const int bits = cfg.bucket_bits;
  uint64_t prev[2] = {0, 0};  // hashes of the previous two words
  int have = 0;
  for (size_t i = 0; i < s.size();) {
    if (!IsWordByte(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    uint64_t h = kFnvBasis;
    while (i < s.size() && IsWordByte(static_cast<unsigned char>(s[i]))) h = Fnv(h, static_cast<unsigned char>(s[i++]));
    emit(Bucket(h, kSeedWord[0], bits));
    if (cfg.word_max_n >= 2 && have >= 1) emit(Bucket(prev[0] * 31 + h, kSeedWord[1], bits));
    if (cfg.word_max_n >= 3 && have >= 2) emit(Bucket((prev[1] * 31 + prev[0]) * 31 + h, kSeedWord[2], bits));
    prev[1] = prev[0];
    prev[0] = h;
    ++have;
  }
}

// The character block of ForEachFeature: emit(bucket) per character n-gram occurrence, in order.
template <typename Emit>
[[gnu::always_inline]] inline void ForEachCharFeature(std::string_view s, const FeatureConfig& cfg, Emit&& emit) {
  using namespace features_detail;
  const int bits = cfg.bucket_bits;
  // Each space-separated token as " token ", n-grams over its code points. The padded token is
  // copied into `pad` so that the hashing loops read plain bytes.
  uint32_t starts[64 + 3];  // code point starts of the padded token (long tokens are cut at 64)
  unsigned char pad[2 + 64 * 4];
  const size_t char_max = cfg.char_max, char_min = cfg.char_min;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == ' ') {
      ++i;
      continue;
    }
    size_t j = i;
    bool ascii = true;
    while (j < s.size() && s[j] != ' ') ascii &= static_cast<unsigned char>(s[j++]) < 0x80;
    if (ascii && j - i <= 64) {
      // ASCII token of at most 64 bytes: code points are bytes, nothing is cut.
      const size_t n = j - i + 2;
      pad[0] = ' ';
      __builtin_memcpy(pad + 1, s.data() + i, j - i);
      pad[n - 1] = ' ';
      for (size_t a = 0; a < n; ++a) {
        uint64_t h = kFnvBasis;
        const size_t lim = char_max < n - a ? char_max : n - a;
        for (size_t len = 1; len <= lim; ++len) {
          h = Fnv(h, pad[a + len - 1]);
          if (len >= char_min) emit(Bucket(h, kSeedChar, bits));
        }
      }
      i = j;
      continue;
    }
    // Padded token: virtual byte sequence ' ' + s[i, j) + ' '; positions are offsets into it.
    size_t n = 0;
    starts[n++] = 0;
    size_t k = i;
    for (; k < j && n < 65; ++k) {
      if ((static_cast<unsigned char>(s[k]) & 0xC0) != 0x80) starts[n++] = static_cast<uint32_t>(k - i + 1);
    }
    size_t end_byte = j - i + 1;  // offset of the closing ' '
    if (n == 65 && k < j) {
      // More than 64 code points: keep the first 63 whole ones.
      --n;
      end_byte = starts[n];
    }
    starts[n++] = static_cast<uint32_t>(end_byte);
    starts[n] = static_cast<uint32_t>(end_byte + 1);
    auto ngrams = [&](auto byte_at) {
      for (size_t a = 0; a < n; ++a) {
        uint64_t h = kFnvBasis;
        for (size_t len = 1; len <= char_max && a + len <= n; ++len) {
          for (size_t off = starts[a + len - 1]; off < starts[a + len]; ++off) h = Fnv(h, byte_at(off));
          if (len >= char_min) emit(Bucket(h, kSeedChar, bits));
        }
      }
    };
    if (end_byte + 1 <= sizeof pad) {
      pad[0] = ' ';
      __builtin_memcpy(pad + 1, s.data() + i, end_byte - 1);
      pad[end_byte] = ' ';
      ngrams([&](size_t off) { return pad[off]; });
    } else {  // more than 256 bytes in at most 64 code points: ill-formed UTF-8, not worth a copy
      ngrams([&](size_t off) -> unsigned char {
        return (off == 0 || off == end_byte) ? ' ' : static_cast<unsigned char>(s[i + off - 1]);
      });
    }
    i = j;
  }
}

// Calls emit(Block, bucket) once per feature occurrence, in a fixed order: the word block, then the
// character block. Always inlined, so that a scorer's sums stay in registers (through memory each
// addition waits for the one before).
template <typename Emit>
[[gnu::always_inline]] inline void ForEachFeature(std::string_view s, const FeatureConfig& cfg, Emit&& emit) {
  if (cfg.word_max_n > 0) ForEachWordFeature(s, cfg, [&](uint32_t bucket) { emit(Block::kWord, bucket); });
  if (cfg.char_max > 0) ForEachCharFeature(s, cfg, [&](uint32_t bucket) { emit(Block::kChar, bucket); });
}

}  // namespace ngb::text
