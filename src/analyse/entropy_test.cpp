#include "analyse/entropy.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/random_bytes.h"

namespace ngb::analyse {
namespace {
std::vector<uint8_t> Random(size_t n, uint32_t seed) { return testing::RandomBytes(n, seed); }
}  // namespace

TEST(Entropy, ExtremesAndRandomSamples) {
  EXPECT_DOUBLE_EQ(ByteEntropy(std::vector<uint8_t>(1000, 7)), 0.0);
  std::vector<uint8_t> all(256);
  for (int i = 0; i < 256; ++i) all[i] = static_cast<uint8_t>(i);
  EXPECT_NEAR(ByteEntropy(all), 8.0, 1e-9);
  for (size_t n : {512ul, 1024ul, 4096ul, 65536ul}) {
    for (uint32_t seed = 1; seed <= 20; ++seed) EXPECT_TRUE(LooksRandom(Random(n, seed))) << n << " " << seed;
  }
}

TEST(Entropy, StructuredContentIsNotRandom) {
  std::string text;
  while (text.size() < 8192) text += "The quick brown fox jumps over the lazy dog, 0123456789.\n";
  EXPECT_FALSE(LooksRandom({reinterpret_cast<const uint8_t*>(text.data()), text.size()}));
  // A magic header followed by random bytes is still random overall; the sniffer must catch
  // such formats before this test is consulted.
  std::vector<uint8_t> small = Random(511, 3);
  EXPECT_FALSE(LooksRandom(small));  // too small to judge
  std::vector<uint8_t> half = Random(4096, 5);
  for (size_t i = 0; i < half.size(); i += 2) half[i] = 0;
  EXPECT_FALSE(LooksRandom(half));
}

}  // namespace ngb::analyse
