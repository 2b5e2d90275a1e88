#include "analyse/entropy.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace ngb::analyse {

namespace {
// c * log2(c) for the counts of samples up to 4 KiB, so the common case needs no log calls.
constexpr size_t kTable = 4097;
const std::array<double, kTable>& CLog2C() {
  static const std::array<double, kTable> table = [] {
    std::array<double, kTable> t{};
    for (size_t c = 1; c < kTable; ++c) t[c] = static_cast<double>(c) * std::log2(static_cast<double>(c));
    return t;
  }();
  return table;
}
}  // namespace

double ByteEntropy(std::span<const uint8_t> data) {
  if (data.empty()) return 0;
  // Four histograms break the store-to-load dependency on repeated bytes.
  std::array<std::array<uint32_t, 256>, 4> hist{};
  size_t i = 0;
  for (; i + 4 <= data.size(); i += 4) {
    ++hist[0][data[i]];
    ++hist[1][data[i + 1]];
    ++hist[2][data[i + 2]];
    ++hist[3][data[i + 3]];
  }
  for (; i < data.size(); ++i) ++hist[0][data[i]];
  const double n = static_cast<double>(data.size());
  const auto& table = CLog2C();
  double sum = 0;  // sum of c * log2(c)
  for (int b = 0; b < 256; ++b) {
    const uint32_t c = hist[0][b] + hist[1][b] + hist[2][b] + hist[3][b];
    sum += c < kTable ? table[c] : static_cast<double>(c) * std::log2(static_cast<double>(c));
  }
  // H = -sum p log2 p = log2 n - (1/n) sum c log2 c
  return std::max(0.0, std::log2(n) - sum / n);
}

bool EntropyLooksRandom(double entropy, size_t n) {
  if (n < kMinRandomSample) return false;
  const double expected = 8.0 - 255.0 / (2.0 * static_cast<double>(n) * std::log(2.0));
  return entropy >= expected - 0.15;
}

bool LooksRandom(std::span<const uint8_t> sample) {
  return sample.size() >= kMinRandomSample && EntropyLooksRandom(ByteEntropy(sample), sample.size());
}

}  // namespace ngb::analyse
