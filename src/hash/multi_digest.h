// MultiDigest: MD5, SHA-1 and SHA-256 of one byte stream in a single pass (OpenSSL EVP).
// Pure computation, no I/O. Not thread-safe: each worker owns its own instance and reuses it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include <openssl/evp.h>

namespace ngb {

struct Digests {
  std::string md5, sha1, sha256;  // lowercase hex
};

class MultiDigest {
 public:
  MultiDigest();
  ~MultiDigest();
  MultiDigest(const MultiDigest&) = delete;
  MultiDigest& operator=(const MultiDigest&) = delete;

  // Starts a new stream. Must be called before the first Update() of each stream.
  void Reset();
  // Feeds bytes. Large inputs are fed to the three digests in cache-sized slices so each slice
  // is read from memory once and hashed three times from cache.
  void Update(std::span<const uint8_t> data);
  // Finishes the stream and returns its digests. Reset() before reusing.
  Digests Final();

  // One-shot convenience.
  static Digests Of(std::span<const uint8_t> data);

 private:
  EVP_MD_CTX* md5_;
  EVP_MD_CTX* sha1_;
  EVP_MD_CTX* sha256_;
};

// Lowercase hex of bytes.
std::string ToHex(std::span<const uint8_t> bytes);

}  // namespace ngb
