// The stitched one-stream kernel (three_digests.h) against the three block functions run one after
// the other, and MultiDigest against OpenSSL's EVP.
#include "hash/three_digests.h"

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "testing/evp_digests.h"
#include "testing/random_bytes.h"

namespace ngb {
namespace {

using testing::EvpDigests;
using testing::RandomBytes;

// Arbitrary chaining values (not the initial ones), so a kernel that ignored its input state or
// mixed up the registers' word order would show.
void SomeStates(uint32_t seed, Md5State& md5, Sha1State& sha1, Sha256State& sha256) {
  const std::vector<uint8_t> r = RandomBytes(sizeof md5 + sizeof sha1 + sizeof sha256, seed);
  std::memcpy(&md5, r.data(), sizeof md5);
  std::memcpy(&sha1, r.data() + sizeof md5, sizeof sha1);
  std::memcpy(&sha256, r.data() + sizeof md5 + sizeof sha1, sizeof sha256);
}

TEST(ThreeDigests, StitchedMatchesTheBlockFunctionsOneAfterTheOther) {
  if (!HasStitchedThree()) GTEST_LOG_(INFO) << "no SHA-NI on this CPU: CompressThree runs unstitched";
  for (size_t blocks : {size_t{0}, size_t{1}, size_t{2}, size_t{3}, size_t{17}, size_t{1000}}) {
    for (uint32_t seed : {1u, 2u, 3u}) {
      const std::vector<uint8_t> data = RandomBytes(64 * blocks + 1, seed * 7 + static_cast<uint32_t>(blocks));
      Md5State m1, m2;
      Sha1State s1, s2;
      Sha256State t1, t2;
      SomeStates(seed, m1, s1, t1);
      m2 = m1;
      s2 = s1;
      t2 = t1;
      CompressThree(m1, s1, t1, data.data(), blocks);
      CompressThreeSeparately(m2, s2, t2, data.data(), blocks);
      EXPECT_EQ(0, std::memcmp(&m1, &m2, sizeof m1)) << blocks << " " << seed;
      EXPECT_EQ(0, std::memcmp(&s1, &s2, sizeof s1)) << blocks << " " << seed;
      EXPECT_EQ(0, std::memcmp(&t1, &t2, sizeof t1)) << blocks << " " << seed;
    }
  }
}

// Unaligned input: the kernel loads the message with unaligned loads.
TEST(ThreeDigests, UnalignedInput) {
  const std::vector<uint8_t> data = RandomBytes(64 * 40 + 8, 9);
  for (size_t shift = 0; shift < 8; ++shift) {
    Md5State m1 = kMd5Init, m2 = kMd5Init;
    Sha1State s1 = kSha1Init, s2 = kSha1Init;
    Sha256State t1 = kSha256Init, t2 = kSha256Init;
    CompressThree(m1, s1, t1, data.data() + shift, 40);
    CompressThreeSeparately(m2, s2, t2, data.data() + shift, 40);
    EXPECT_EQ(0, std::memcmp(&m1, &m2, sizeof m1)) << shift;
    EXPECT_EQ(0, std::memcmp(&s1, &s2, sizeof s1)) << shift;
    EXPECT_EQ(0, std::memcmp(&t1, &t2, sizeof t1)) << shift;
  }
}

// Every length around the padding boundaries (55/56 bytes into a block) and some long ones.
TEST(ThreeDigests, MultiDigestMatchesOpenSsl) {
  const std::vector<uint8_t> data = RandomBytes(70'000, 5);
  std::vector<size_t> lengths;
  for (size_t n = 0; n <= 200; ++n) lengths.push_back(n);
  for (size_t n : {511, 512, 513, 4095, 4096, 4097, 65536, 69999, 70000}) lengths.push_back(n);
  for (size_t n : lengths) {
    const std::span<const uint8_t> s(data.data(), n);
    const Digests want = EvpDigests(s), got = MultiDigest::Of(s);
    EXPECT_EQ(got.md5, want.md5) << n;
    EXPECT_EQ(got.sha1, want.sha1) << n;
    EXPECT_EQ(got.sha256, want.sha256) << n;
  }
}

}  // namespace
}  // namespace ngb
