// MultiDigest: MD5, SHA-1 and SHA-256 of one byte stream in a single pass (three_digests.h: the
// three block functions stitched into one pass over each block where the CPU has SHA-NI).
// Pure computation, no I/O. Not thread-safe: each worker owns its own instance and reuses it.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "hash/md5_multi.h"
#include "hash/sha_multi.h"

namespace ngb {

struct Digests {
  std::string md5, sha1, sha256;  // lowercase hex
};

class MultiDigest {
 public:
  MultiDigest() { Reset(); }

  // Starts a new stream. Must be called before the first Update() of each stream.
  void Reset();
  // Feeds bytes.
  void Update(std::span<const uint8_t> data);
  // Finishes the stream and returns its digests. Reset() before reusing.
  Digests Final();

  // One-shot convenience.
  static Digests Of(std::span<const uint8_t> data);

 private:
  Md5State md5_{};
  Sha1State sha1_{};
  Sha256State sha256_{};
  uint64_t length_ = 0;
  std::array<uint8_t, 64> partial_{};  // bytes after the last whole block
  size_t partial_len_ = 0;
};

// Lowercase hex of bytes.
std::string ToHex(std::span<const uint8_t> bytes);

}  // namespace ngb
