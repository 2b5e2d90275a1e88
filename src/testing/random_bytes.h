// Test helper: `n` pseudo-random bytes from a fixed seed (std::mt19937), the same on every run.
#pragma once
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace ngb::testing {

inline std::vector<uint8_t> RandomBytes(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<uint8_t> v(n);
  for (auto& b : v) b = static_cast<uint8_t>(rng());
  return v;
}

}  // namespace ngb::testing
