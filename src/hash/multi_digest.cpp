#include "hash/multi_digest.h"

#include <algorithm>
#include <cstring>

#include "hash/three_digests.h"

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

void MultiDigest::Reset() {
  md5_ = kMd5Init;
  sha1_ = kSha1Init;
  sha256_ = kSha256Init;
  length_ = 0;
  partial_len_ = 0;
}

void MultiDigest::Update(std::span<const uint8_t> data) {
  if (data.empty()) return;  // data() may be null
  length_ += data.size();
  if (partial_len_ > 0) {
    const size_t take = std::min(data.size(), 64 - partial_len_);
    std::memcpy(partial_.data() + partial_len_, data.data(), take);
    partial_len_ += take;
    data = data.subspan(take);
    if (partial_len_ < 64) return;
    CompressThree(md5_, sha1_, sha256_, partial_.data(), 1);
    partial_len_ = 0;
  }
  if (data.empty()) return;
  CompressThree(md5_, sha1_, sha256_, data.data(), data.size() / 64);
  partial_len_ = data.size() % 64;
  std::memcpy(partial_.data(), data.data() + data.size() - partial_len_, partial_len_);
}

Digests MultiDigest::Final() {
  return FinishThree(md5_, sha1_, sha256_, {partial_.data(), partial_len_}, length_);
}

Digests MultiDigest::Of(std::span<const uint8_t> data) {
  MultiDigest m;
  m.Update(data);
  return m.Final();
}

}  // namespace ngb
