// Hash256: a 256-bit hash (PDQ) stored in the byte order of its 64-hex-digit text form
// (bytes[0] is the first two hex digits). Hamming distance ignores bit order, so every module
// (PDQ computation, hash-set import, PDQ index) agrees by going through ParseHex/ToHex.
#pragma once
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace ngb {

struct Hash256 {
  std::array<uint8_t, 32> bytes{};

  // Four 64-bit words (native order) for popcount arithmetic.
  void Words(uint64_t out[4]) const { std::memcpy(out, bytes.data(), 32); }
  bool operator==(const Hash256&) const = default;
  auto operator<=>(const Hash256&) const = default;

  // Lowercase 64-hex-digit text.
  std::string ToHex() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string s(64, '0');
    for (int i = 0; i < 32; ++i) {
      s[2 * i] = kDigits[bytes[i] >> 4];
      s[2 * i + 1] = kDigits[bytes[i] & 15];
    }
    return s;
  }

  // Parses exactly 64 hex digits (either case). nullopt on any other input.
  static std::optional<Hash256> ParseHex(std::string_view hex) {
    if (hex.size() != 64) return std::nullopt;
    Hash256 h;
    for (int i = 0; i < 32; ++i) {
      int hi = HexValue(hex[2 * i]), lo = HexValue(hex[2 * i + 1]);
      if (hi < 0 || lo < 0) return std::nullopt;
      h.bytes[i] = static_cast<uint8_t>(hi << 4 | lo);
    }
    return h;
  }

 private:
  static int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
};

// Number of differing bits (0..256).
inline int HammingDistance(const Hash256& a, const Hash256& b) {
  uint64_t x[4], y[4];
  a.Words(x);
  b.Words(y);
  return std::popcount(x[0] ^ y[0]) + std::popcount(x[1] ^ y[1]) + std::popcount(x[2] ^ y[2]) +
         std::popcount(x[3] ^ y[3]);
}

}  // namespace ngb
