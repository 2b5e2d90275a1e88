// Test helper: MD5, SHA-1 and SHA-256 of `data` straight from OpenSSL's EVP one-shot API, the
// oracle for the project's own block functions (hash/three_digests.h, hash/digest_lanes.h).
#pragma once
#include <openssl/evp.h>

#include <cstdint>
#include <span>
#include <string>

#include "hash/multi_digest.h"

namespace ngb::testing {

inline Digests EvpDigests(std::span<const uint8_t> data) {
  auto one = [&](const EVP_MD* md) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(data.data(), data.size(), out, &len, md, nullptr);
    return ToHex({out, len});
  };
  return Digests{one(EVP_md5()), one(EVP_sha1()), one(EVP_sha256())};
}

}  // namespace ngb::testing
