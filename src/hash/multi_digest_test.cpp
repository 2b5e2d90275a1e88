#include "hash/multi_digest.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/evp_digests.h"

namespace ngb {
namespace {
std::span<const uint8_t> Bytes(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}
}  // namespace

TEST(MultiDigest, KnownVectors) {
  Digests empty = MultiDigest::Of({});
  EXPECT_EQ(empty.md5, "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(empty.sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(empty.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  Digests abc = MultiDigest::Of(Bytes("abc"));
  EXPECT_EQ(abc.md5, "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(abc.sha1, "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(abc.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(MultiDigest, ChunkingDoesNotChangeTheResult) {
  std::string data(1'000'003, '\0');
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>(i * 131 + (i >> 7));
  const Digests whole = testing::EvpDigests(Bytes(data));
  MultiDigest m;
  for (size_t step : {1ul, 7ul, 63ul, 64ul, 65ul, 4096ul, 65537ul}) {
    m.Reset();
    for (size_t off = 0; off < data.size(); off += step) {
      m.Update(Bytes(data).subspan(off, std::min(step, data.size() - off)));
    }
    Digests d = m.Final();
    EXPECT_EQ(d.md5, whole.md5) << step;
    EXPECT_EQ(d.sha1, whole.sha1) << step;
    EXPECT_EQ(d.sha256, whole.sha256) << step;
  }
}

}  // namespace ngb
