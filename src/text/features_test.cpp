// ForEachFeature's ASCII-token fast path and padded-token copy must emit exactly the features of
// the byte-by-byte implementation they replaced (kept below as the reference), in the same order.
#include "text/features.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "text/normalise.h"
#include "text/text_test_util.h"

namespace ngb::text {
namespace {

// The implementation before the fast paths (commit 28331e2), verbatim.
template <typename Emit>
void ReferenceFeatures(std::string_view s, const FeatureConfig& cfg, Emit&& emit) {
  using namespace features_detail;
  const int bits = cfg.bucket_bits;
  if (cfg.word_max_n > 0) {
    uint64_t prev[2] = {0, 0};  // hashes of the previous two words
    int have = 0;
    for (size_t i = 0; i < s.size();) {
      if (!IsWordByte(static_cast<unsigned char>(s[i]))) {
        ++i;
        continue;
      }
      uint64_t h = kFnvBasis;
      while (i < s.size() && IsWordByte(static_cast<unsigned char>(s[i]))) h = Fnv(h, static_cast<unsigned char>(s[i++]));
      emit(Block::kWord, Bucket(h, kSeedWord[0], bits));
      if (cfg.word_max_n >= 2 && have >= 1) emit(Block::kWord, Bucket(prev[0] * 31 + h, kSeedWord[1], bits));
      if (cfg.word_max_n >= 3 && have >= 2) {
        emit(Block::kWord, Bucket((prev[1] * 31 + prev[0]) * 31 + h, kSeedWord[2], bits));
      }
      prev[1] = prev[0];
      prev[0] = h;
      ++have;
    }
  }
  if (cfg.char_max > 0) {
    // Each space-separated token as " token ", n-grams over its code points.
    uint32_t starts[64 + 3];  // code point starts of the padded token (long tokens are cut at 64)
    for (size_t i = 0; i < s.size();) {
      if (s[i] == ' ') {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < s.size() && s[j] != ' ') ++j;
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
      auto byte_at = [&](size_t off) -> unsigned char {
        return (off == 0 || off == end_byte) ? ' ' : static_cast<unsigned char>(s[i + off - 1]);
      };
      for (size_t a = 0; a < n; ++a) {
        uint64_t h = kFnvBasis;
        for (size_t len = 1; len <= cfg.char_max && a + len <= n; ++len) {
          for (size_t off = starts[a + len - 1]; off < starts[a + len]; ++off) h = Fnv(h, byte_at(off));
          if (len >= cfg.char_min) emit(Block::kChar, Bucket(h, kSeedChar, bits));
        }
      }
      i = j;
    }
  }
}

using Features = std::vector<std::pair<Block, uint32_t>>;

Features Fast(std::string_view s, const FeatureConfig& cfg) {
  Features f;
  ForEachFeature(s, cfg, [&](Block b, uint32_t bucket) { f.emplace_back(b, bucket); });
  return f;
}
Features Reference(std::string_view s, const FeatureConfig& cfg) {
  Features f;
  ReferenceFeatures(s, cfg, [&](Block b, uint32_t bucket) { f.emplace_back(b, bucket); });
  return f;
}

const FeatureConfig kConfigs[] = {{2, 2, 5, 18}, {1, 1, 3, 12}, {3, 1, 8, 20}, {0, 3, 4, 10}, {2, 0, 0, 16}};

TEST(FeaturesFastPathTest, EqualsReferenceOnHostileStrings) {
  std::vector<std::string> texts = testing_util::HostileStrings(5000, 11);
  std::string long_ascii(200, 'a'), long_mixed;
  for (int i = 0; i < 70; ++i) long_mixed += i % 3 ? "b" : "\u06CC";
  for (std::string t : {std::string(""), std::string(" "), std::string(64, 'x'), std::string(65, 'x'),
                        std::string(63, 'x') + "\u06CC", std::string("\xD8") + std::string(400, '\x80'), long_ascii,
                        long_mixed, std::string("a  b   c")}) {
    texts.push_back(t);
  }
  for (const FeatureConfig& cfg : kConfigs) {
    for (const std::string& t : texts) ASSERT_EQ(Fast(t, cfg), Reference(t, cfg)) << t;
  }
}

TEST(FeaturesFastPathTest, EqualsReferenceOnNormalisedCorpusLines) {
  std::vector<std::string> lines = testing_util::CorpusLines(40000);
  if (lines.empty()) GTEST_SKIP() << "corpora not found (set NIGEHBAAN_CORPORA)";
  for (const std::string& l : lines) {
    std::string n = Normalise(l);
    ASSERT_EQ(Fast(n, kConfigs[0]), Reference(n, kConfigs[0])) << l;
    ASSERT_EQ(Fast(l, kConfigs[2]), Reference(l, kConfigs[2])) << l;
  }
}

}  // namespace
}  // namespace ngb::text
