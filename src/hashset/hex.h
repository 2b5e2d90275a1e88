// Hex digests: strict parsing (exact length, either case, nothing else) into raw bytes in text
// order. Surrounding whitespace is the caller's to trim. Printing: ngb::ToHex (hash/multi_digest.h).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace ngb::hashset {

inline int HexNibble(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Parses exactly 2*N hex digits into N bytes. False (out unspecified) on any other input.
inline bool ParseHexBytes(std::string_view hex, std::span<uint8_t> out) {
  if (hex.size() != 2 * out.size()) return false;
  for (size_t i = 0; i < out.size(); ++i) {
    const int hi = HexNibble(hex[2 * i]), lo = HexNibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return true;
}

template <size_t N>
std::optional<std::array<uint8_t, N>> ParseHexDigest(std::string_view hex) {
  std::array<uint8_t, N> out;
  if (!ParseHexBytes(hex, out)) return std::nullopt;
  return out;
}

}  // namespace ngb::hashset
