// One-pass MD5 + SHA-1 + SHA-256 over a byte stream, shared by digest_bound and digest_micro.
//
// This mirrors what a triage scanner does per file: one read of each chunk feeds three
// EVP_DigestUpdate calls. The EVP_MD objects are fetched once (EVP_MD_fetch) and the
// EVP_MD_CTX objects are allocated once and re-initialised per stream, so the measured cost
// is the digest work itself, not provider lookup or allocation.
#pragma once

#include <openssl/evp.h>

#include <array>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string_view>

namespace ngb_bench {

inline constexpr std::array<std::string_view, 3> kAlgoNames = {"MD5", "SHA1", "SHA256"};

[[noreturn]] inline void die(const char* what) {
  std::fprintf(stderr, "fatal: %s failed\n", what);
  std::exit(2);
}

// Owns the fetched EVP_MD objects; fetch once per process, share read-only across threads.
class DigestAlgos {
 public:
  DigestAlgos() {
    for (std::size_t i = 0; i < kAlgoNames.size(); ++i) {
      md_[i] = EVP_MD_fetch(nullptr, kAlgoNames[i].data(), nullptr);
      if (md_[i] == nullptr) die("EVP_MD_fetch");
    }
  }
  ~DigestAlgos() {
    for (EVP_MD* m : md_) EVP_MD_free(m);
  }
  DigestAlgos(const DigestAlgos&) = delete;
  DigestAlgos& operator=(const DigestAlgos&) = delete;

  const EVP_MD* get(std::size_t i) const { return md_[i]; }
  static constexpr std::size_t size() { return kAlgoNames.size(); }

 private:
  std::array<EVP_MD*, 3> md_{};
};

// A set of digest contexts; `mask` selects which of MD5/SHA1/SHA256 are active
// (bit 0 = MD5, bit 1 = SHA-1, bit 2 = SHA-256; 0b111 = the one-pass combination).
class MultiDigest {
 public:
  MultiDigest(const DigestAlgos& algos, unsigned mask) : algos_(algos), mask_(mask) {
    for (auto& c : ctx_) {
      c = EVP_MD_CTX_new();
      if (c == nullptr) die("EVP_MD_CTX_new");
    }
  }
  ~MultiDigest() {
    for (EVP_MD_CTX* c : ctx_) EVP_MD_CTX_free(c);
  }
  MultiDigest(const MultiDigest&) = delete;
  MultiDigest& operator=(const MultiDigest&) = delete;

  void init() {
    for (std::size_t i = 0; i < ctx_.size(); ++i)
      if (active(i) && EVP_DigestInit_ex2(ctx_[i], algos_.get(i), nullptr) != 1) die("EVP_DigestInit_ex2");
  }
  void update(std::span<const unsigned char> chunk) {
    for (std::size_t i = 0; i < ctx_.size(); ++i)
      if (active(i) && EVP_DigestUpdate(ctx_[i], chunk.data(), chunk.size()) != 1) die("EVP_DigestUpdate");
  }
  // Finalises every active digest; returns the first byte of the XOR of all digests so the
  // caller can keep the result observable (defeats dead-code elimination).
  unsigned char finish() {
    unsigned char acc = 0;
    for (std::size_t i = 0; i < ctx_.size(); ++i) {
      if (!active(i)) continue;
      std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
      unsigned int len = 0;
      if (EVP_DigestFinal_ex(ctx_[i], out.data(), &len) != 1) die("EVP_DigestFinal_ex");
      acc ^= out[0];
    }
    return acc;
  }

  // Digest a whole buffer, fed in `chunk` byte pieces.
  unsigned char digest(std::span<const unsigned char> buf, std::size_t chunk) {
    init();
    for (std::size_t off = 0; off < buf.size(); off += chunk) {
      const std::size_t n = (buf.size() - off < chunk) ? buf.size() - off : chunk;
      update(buf.subspan(off, n));
    }
    return finish();
  }

 private:
  bool active(std::size_t i) const { return (mask_ >> i) & 1U; }
  const DigestAlgos& algos_;
  unsigned mask_;
  std::array<EVP_MD_CTX*, 3> ctx_{};
};

inline constexpr unsigned kMaskMd5 = 0b001;
inline constexpr unsigned kMaskSha1 = 0b010;
inline constexpr unsigned kMaskSha256 = 0b100;
inline constexpr unsigned kMaskOnePass = 0b111;

// Deterministic filler so buffers are not all zero (digest speed is data independent, but
// touching every page up front keeps page faults out of the timed region).
inline void fill_pseudo_random(std::span<unsigned char> buf, unsigned long long seed) {
  unsigned long long x = seed;
  std::size_t i = 0;
  while (i < buf.size()) {
    x += 0x9E3779B97F4A7C15ULL;
    unsigned long long z = x;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    for (int b = 0; b < 8 && i < buf.size(); ++b, ++i) buf[i] = static_cast<unsigned char>(z >> (8 * b));
  }
}

}  // namespace ngb_bench
