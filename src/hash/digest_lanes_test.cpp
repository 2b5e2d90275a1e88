// DigestLanes and the multi-buffer kernels it runs (md5_multi.h, sha_multi.h), against OpenSSL.
#include "hash/digest_lanes.h"

#include <gtest/gtest.h>

#include <string>
#include <memory>
#include <vector>

#include "hash/multi_digest.h"
#include "hash/sha_multi.h"
#include "testing/evp_digests.h"
#include "testing/random_bytes.h"

namespace ngb {
namespace {

using testing::RandomBytes;

TEST(DigestLanes, KnownVectors) {
  DigestLanes lanes;
  struct Case {
    std::string text, md5, sha1, sha256;
  };
  const Case cases[] = {
      {"", "d41d8cd98f00b204e9800998ecf8427e", "da39a3ee5e6b4b0d3255bfef95601890afd80709",
       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "900150983cd24fb0d6963f7d28e17f72", "a9993e364706816aba3e25717850c26c9cd0d89d",
       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "8215ef0796a20bcaaae116d3876c664a",
       "84983e441c3bd26ebaae4aa1f95129e5e54670f1", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"}};
  for (const Case& c : cases) {
    lanes.Reset(0);
    lanes.Submit(0, {reinterpret_cast<const uint8_t*>(c.text.data()), c.text.size()});
    lanes.Flush();
    const Digests d = lanes.Final(0);
    EXPECT_EQ(d.md5, c.md5) << c.text;
    EXPECT_EQ(d.sha1, c.sha1) << c.text;
    EXPECT_EQ(d.sha256, c.sha256) << c.text;
  }
}

// Every lane count (1..32: past 16, more streams than the kernels' lanes, which take turns), uneven
// chunk sizes and stream lengths around block boundaries, with and without the SIMD kernels, must
// give exactly OpenSSL's three digests for every stream.
struct LanesMode {
  bool simd, stitched;
  int one_stream_below;
  int max_width = DigestLanes::kMaxLanes;  // 8: MD5 as on an AVX2-only CPU
};

TEST(DigestLanes, LanesMatchOpenSsl) {
  for (const LanesMode mode : {LanesMode{true, true, DigestLanes::kOneStreamBelow}, LanesMode{true, true, 1},
                               LanesMode{true, true, 5}, LanesMode{true, false, 0}, LanesMode{false, true, 0},
                               LanesMode{false, false, 0}, LanesMode{true, true, 1, 8},
                               LanesMode{true, false, 0, 8}}) {
    const bool simd = mode.simd;
    for (int nlanes : {1, 2, 3, 6, 7, 8, 9, 15, 16, 17, 24, 31, DigestLanes::kMaxLanes}) {
      std::vector<std::vector<uint8_t>> data;
      for (int i = 0; i < nlanes; ++i) {
        const size_t len = (i * 977 + 63) % 5000 + (i % 3 == 0 ? 64 * 40 : 0);
        data.push_back(RandomBytes(len, static_cast<uint32_t>(nlanes * 100 + i)));
      }
      DigestLanes lanes;
      lanes.UseSimd(simd);
      lanes.UseStitched(mode.stitched);
      if (mode.one_stream_below > 0) lanes.SetOneStreamBelow(mode.one_stream_below);
      lanes.LimitWidth(mode.max_width);
      for (int i = 0; i < nlanes; ++i) lanes.Reset(i);
      std::vector<size_t> pos(nlanes, 0);
      for (int round = 0;; ++round) {
        bool any = false;
        for (int i = 0; i < nlanes; ++i) {
          // Mostly whole-block chunks of different lengths (the lanes drop out one by one), some odd.
          const size_t chunk = round % 4 == 3 ? static_cast<size_t>(1 + (round * 131 + i * 17) % 700)
                                              : static_cast<size_t>(64 * (1 + (i * 7 + round) % 23));
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
        const Digests want = testing::EvpDigests(data[i]);
        const Digests got = lanes.Final(i);
        const std::string where = "simd " + std::to_string(simd) + " stitched " + std::to_string(mode.stitched) +
                                  " below " + std::to_string(mode.one_stream_below) + " width " +
                                  std::to_string(mode.max_width) + " lanes " +
                                  std::to_string(nlanes) + " lane " + std::to_string(i);
        EXPECT_EQ(got.md5, want.md5) << where;
        EXPECT_EQ(got.sha1, want.sha1) << where;
        EXPECT_EQ(got.sha256, want.sha256) << where;
      }
    }
  }
}

// A lane reused for a second stream starts afresh; Final() without Flush() compresses what is pending.
TEST(DigestLanes, ResetAndFinalWithoutFlush) {
  DigestLanes lanes;
  const std::vector<uint8_t> a = RandomBytes(64 * 9 + 5, 1), b = RandomBytes(64 * 3, 2);
  lanes.Reset(4);
  lanes.Submit(4, a);
  EXPECT_EQ(lanes.Final(4).sha256, testing::EvpDigests(a).sha256);
  lanes.Reset(4);
  lanes.Submit(4, b);
  lanes.Flush();
  EXPECT_EQ(lanes.Final(4).sha1, testing::EvpDigests(b).sha1);
}

// Unstitched (no SHA-NI), one or two streams with many blocks: SHA-1 and SHA-256 on the helper
// thread, MD5 here.
TEST(DigestLanes, SplitAcrossTheHelperThread) {
  for (size_t split : {size_t{1}, DigestLanes::kSplitBlocks}) {
    for (int nlanes : {1, 2, 3}) {
      DigestLanes lanes;
      lanes.UseStitched(false);
      lanes.SetSplitBlocks(split);
      std::vector<std::vector<uint8_t>> data;
      for (int i = 0; i < nlanes; ++i) data.push_back(RandomBytes(64 * 3000 + 17 * i, static_cast<uint32_t>(50 + i)));
      for (int i = 0; i < nlanes; ++i) lanes.Reset(i);
      for (size_t off = 0;; off += 64 * 1100) {
        bool any = false;
        for (int i = 0; i < nlanes; ++i) {
          if (off >= data[i].size()) continue;
          lanes.Submit(i, {data[i].data() + off, std::min<size_t>(64 * 1100, data[i].size() - off)});
          any = true;
        }
        lanes.Flush();
        if (!any) break;
      }
      for (int i = 0; i < nlanes; ++i) {
        const Digests want = testing::EvpDigests(data[i]), got = lanes.Final(i);
        EXPECT_EQ(got.md5, want.md5) << split << " " << nlanes;
        EXPECT_EQ(got.sha1, want.sha1) << split << " " << nlanes;
        EXPECT_EQ(got.sha256, want.sha256) << split << " " << nlanes;
      }
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

TEST(Md5Multi, SixteenLaneKernelMatchesScalar) {
  const std::vector<uint8_t> buf = RandomBytes(16 * 64 * 3, 11);
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
TEST(ShaMulti, SixteenLaneKernelsMatchOneStream) {
  const std::vector<uint8_t> buf = RandomBytes(16 * 64 * 3, 11);
  Sha1State s1[16], s1_one[16];
  Sha256State s2[16], s2_one[16];
  const uint8_t* ptr[16];
  for (int i = 0; i < 16; ++i) {
    s1[i] = s1_one[i] = kSha1Init;
    s1[i].h[0] += static_cast<uint32_t>(i);
    s1_one[i].h[0] += static_cast<uint32_t>(i);
    s2[i] = s2_one[i] = kSha256Init;
    s2[i].h[7] ^= static_cast<uint32_t>(i);
    s2_one[i].h[7] ^= static_cast<uint32_t>(i);
    ptr[i] = buf.data() + i * 64 * 3;
    Sha1CompressBlocks(s1_one[i], ptr[i], 3);
    Sha256CompressBlocks(s2_one[i], ptr[i], 3);
  }
  Sha1Compress16(s1, ptr, 3);
  Sha256Compress16(s2, ptr, 3);
  for (int i = 0; i < 16; ++i) {
    for (int w = 0; w < 5; ++w) EXPECT_EQ(s1[i].h[w], s1_one[i].h[w]) << i;
    for (int w = 0; w < 8; ++w) EXPECT_EQ(s2[i].h[w], s2_one[i].h[w]) << i;
  }
  if (!ShaHas16Lanes()) GTEST_LOG_(INFO) << "no AVX-512 on this CPU: the one-stream fallback was tested";
}

// The fused path's kernels: blocks transposed once (Transpose16Blocks) give the same states as the
// kernels that transpose for themselves.
TEST(MultiLane, KernelsOnTransposedWordsMatchTheDirectOnes) {
  if (Md5SimdLanes() != 16 || !ShaHas16Lanes()) GTEST_SKIP() << "no AVX-512 on this CPU";
  constexpr size_t kBlocks = 21;
  const std::vector<uint8_t> buf = RandomBytes(16 * 64 * kBlocks, 12);
  const uint8_t* ptr[16];
  Md5State m[16], m_words[16];
  Sha1State s1[16], s1_words[16];
  Sha256State s2[16], s2_words[16];
  for (int i = 0; i < 16; ++i) {
    ptr[i] = buf.data() + i * 64 * kBlocks;
    m[i] = m_words[i] = Md5State{0x67452301u + static_cast<uint32_t>(i), 0xefcdab89, 0x98badcfe, 0x10325476};
    s1[i] = s1_words[i] = kSha1Init;
    s2[i] = s2_words[i] = kSha256Init;
    s2[i].h[3] ^= static_cast<uint32_t>(i);
    s2_words[i].h[3] ^= static_cast<uint32_t>(i);
  }
  Md5Compress16(m, ptr, kBlocks);
  Sha1Compress16(s1, ptr, kBlocks);
  Sha256Compress16(s2, ptr, kBlocks);
  struct alignas(64) Words {
    uint32_t w[kBlocks * 256];
  };
  auto words = std::make_unique<Words>();
  Transpose16Blocks(ptr, kBlocks, words->w);
  Md5Compress16Words(m_words, words->w, kBlocks);
  Sha1Compress16Words(s1_words, words->w, kBlocks);
  Sha256Compress16Words(s2_words, words->w, kBlocks);
  for (int i = 0; i < 16; ++i) {
    EXPECT_EQ(m[i].a, m_words[i].a) << i;
    EXPECT_EQ(m[i].d, m_words[i].d) << i;
    for (int w = 0; w < 5; ++w) EXPECT_EQ(s1[i].h[w], s1_words[i].h[w]) << i;
    for (int w = 0; w < 8; ++w) EXPECT_EQ(s2[i].h[w], s2_words[i].h[w]) << i;
  }
}

}  // namespace
}  // namespace ngb
