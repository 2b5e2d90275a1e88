// Test helpers shared by the index tests: files as bytes, re-sealing a deliberately corrupted
// header, deterministic random bytes.
#pragma once
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "hashset/index_file.h"

namespace ngb::hashset::testing {

inline std::vector<uint8_t> ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void WriteBytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// Recomputes the header checksum after a test changed the header, so that Open gets past it.
inline void Reseal(std::vector<uint8_t>& bytes) {
  IndexHeader h;
  std::memcpy(&h, bytes.data(), sizeof h);
  h.checksum = Fnv1a64({bytes.data(), offsetof(IndexHeader, checksum)});
  std::memcpy(bytes.data(), &h, sizeof h);
}

inline uint32_t* U32At(std::vector<uint8_t>& bytes, size_t offset) {
  return reinterpret_cast<uint32_t*>(bytes.data() + offset);
}

inline std::vector<uint8_t> RandomBytes(std::mt19937_64& rng, size_t n) {
  std::vector<uint8_t> out(n);
  for (auto& b : out) b = static_cast<uint8_t>(rng());
  return out;
}

}  // namespace ngb::hashset::testing
