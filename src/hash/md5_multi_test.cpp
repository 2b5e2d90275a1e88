#include "hash/md5_multi.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "hash/multi_digest.h"

namespace ngb {
namespace {

std::vector<uint8_t> RandomBytes(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<uint8_t> v(n);
  for (auto& b : v) b = static_cast<uint8_t>(rng());
  return v;
}

}  // namespace

TEST(Md5Multi, KnownVectors) {
  Md5Lanes lanes;
  const std::pair<std::string, std::string> cases[] = {
      {"", "d41d8cd98f00b204e9800998ecf8427e"},
      {"abc", "900150983cd24fb0d6963f7d28e17f72"},
      {"message digest", "f96b697d7cb7938d525a2f31aaf161d0"},
      {"12345678901234567890123456789012345678901234567890123456789012345678901234567890",
       "57edf4a22be3c955ac49da2e2107b67a"}};
  for (const auto& [text, want] : cases) {
    lanes.Reset(0);
    lanes.Submit(0, {reinterpret_cast<const uint8_t*>(text.data()), text.size()});
    lanes.Flush();
    EXPECT_EQ(lanes.Final(0), want) << text;
  }
}

// Every lane count (1..16), uneven chunk sizes and stream lengths around block boundaries must
// give exactly OpenSSL's MD5 for every stream.
TEST(Md5Multi, LanesMatchOpenSsl) {
  for (int nlanes : {1, 3, 4, 7, 8, 9, 16}) {
    std::vector<std::vector<uint8_t>> data;
    for (int i = 0; i < nlanes; ++i) {
      const size_t len = (i * 977 + 63) % 5000 + (i % 3 == 0 ? 64 * 40 : 0);
      data.push_back(RandomBytes(len, static_cast<uint32_t>(nlanes * 100 + i)));
    }
    Md5Lanes lanes;
    for (int i = 0; i < nlanes; ++i) lanes.Reset(i);
    std::vector<size_t> pos(nlanes, 0);
    for (int round = 0;; ++round) {
      bool any = false;
      for (int i = 0; i < nlanes; ++i) {
        const size_t chunk = static_cast<size_t>(1 + (round * 131 + i * 17) % 700);
        const size_t n = std::min(chunk, data[i].size() - pos[i]);
        if (n == 0) continue;
        lanes.Submit(i, {data[i].data() + pos[i], n});
        pos[i] += n;
        any = true;
      }
      lanes.Flush();
      if (!any) break;
    }
    for (int i = 0; i < nlanes; ++i) {
      EXPECT_EQ(lanes.Final(i), MultiDigest::Of(data[i]).md5) << "lanes " << nlanes << " lane " << i;
    }
  }
}

TEST(Md5Multi, SimdKernelMatchesScalar) {
  std::vector<uint8_t> buf = RandomBytes(8 * 64 * 5, 9);
  Md5State simd[8], scalar[8];
  const uint8_t* ptr[8];
  for (int i = 0; i < 8; ++i) {
    simd[i] = scalar[i] = {0x67452301u + i, 0xefcdab89, 0x98badcfe, 0x10325476};
    ptr[i] = buf.data() + i * 64 * 5;
    Md5CompressScalar(scalar[i], ptr[i], 5);
  }
  Md5Compress8(simd, ptr, 5);
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(simd[i].a, scalar[i].a);
    EXPECT_EQ(simd[i].b, scalar[i].b);
    EXPECT_EQ(simd[i].c, scalar[i].c);
    EXPECT_EQ(simd[i].d, scalar[i].d);
  }
}

}  // namespace ngb

namespace ngb {
TEST(Md5Multi, SixteenLaneKernelMatchesScalar) {
  std::vector<uint8_t> buf(16 * 64 * 3);
  std::mt19937 rng(11);
  for (auto& b : buf) b = static_cast<uint8_t>(rng());
  Md5State simd[16], scalar[16];
  const uint8_t* ptr[16];
  for (int i = 0; i < 16; ++i) {
    simd[i] = scalar[i] = {0x67452301u + 7 * i, 0xefcdab89, 0x98badcfe, 0x10325476u ^ i};
    ptr[i] = buf.data() + i * 64 * 3;
    Md5CompressScalar(scalar[i], ptr[i], 3);
  }
  Md5Compress16(simd, ptr, 3);
  for (int i = 0; i < 16; ++i) {
    EXPECT_EQ(simd[i].a, scalar[i].a) << i;
    EXPECT_EQ(simd[i].b, scalar[i].b) << i;
    EXPECT_EQ(simd[i].c, scalar[i].c) << i;
    EXPECT_EQ(simd[i].d, scalar[i].d) << i;
  }
}
}  // namespace ngb
