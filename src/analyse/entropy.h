// Byte entropy of a sample, and a test for content that looks random (compressed, encrypted or
// random data), used to skip libmagic where it can only answer "application/octet-stream".
#pragma once
#include <cstdint>
#include <span>

namespace ngb::analyse {

// Shannon entropy of the byte histogram, in bits per byte (0..8).
double ByteEntropy(std::span<const uint8_t> data);

// True when `sample` (at least kMinRandomSample bytes, else false) is as close to uniformly random
// as a sample of its size can be: its entropy is within 0.15 bits of the value expected for
// uniform random bytes of that length (8 - 255 / (2 n ln 2), the small-sample bias).
inline constexpr size_t kMinRandomSample = 512;
bool LooksRandom(std::span<const uint8_t> sample);
// The same test for an entropy already computed over n bytes.
bool EntropyLooksRandom(double entropy, size_t n);

}  // namespace ngb::analyse
