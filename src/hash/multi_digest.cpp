#include "hash/multi_digest.h"

namespace ngb {

std::string ToHex(std::span<const uint8_t> bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(bytes.size() * 2, '0');
  for (size_t i = 0; i < bytes.size(); ++i) {
    out[2 * i] = kHex[bytes[i] >> 4];
    out[2 * i + 1] = kHex[bytes[i] & 15];
  }
  return out;
}

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
