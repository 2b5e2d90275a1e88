// Digests: the MD5, SHA-1 and SHA-256 of one item as lowercase hex, and the hex helper.
#pragma once
#include <cstdint>
#include <span>
#include <string>

namespace ngb {

struct Digests {
  std::string md5, sha1, sha256;  // lowercase hex
};

// Lowercase hex of bytes.
std::string ToHex(std::span<const uint8_t> bytes);

}  // namespace ngb
