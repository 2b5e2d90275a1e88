#include "hash/multi_digest.h"

namespace ngb {

void MultiDigest::Reset() { stream_ = ThreeStream(); }

void MultiDigest::Update(std::span<const uint8_t> data) {
  const std::span<const uint8_t> blocks = stream_.Absorb(data);
  CompressThree(stream_.md5, stream_.sha1, stream_.sha256, blocks.data(), blocks.size() / 64);
}

Digests MultiDigest::Final() { return stream_.Finish(); }

Digests MultiDigest::Of(std::span<const uint8_t> data) {
  MultiDigest m;
  m.Update(data);
  return m.Final();
}

}  // namespace ngb
