#include "vision/screenshot.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace ngb::vision {
namespace {

constexpr int kMaxRows = 256;       // rows sampled, evenly spaced
constexpr int kEdgeStep = 48;       // a "sharp" horizontal step in grey levels
constexpr double kMinFlat = 0.45;   // thresholds chosen on rendered chats vs. photos (tests)
constexpr double kMinEdges = 0.004;
constexpr double kMaxEdges = 0.30;  // above this it is noise or fine texture, not lettering

inline int Grey(const uint8_t* p, int channels) {
  if (channels == 1) return p[0];
  return (p[0] * 77 + p[1] * 150 + p[2] * 29) >> 8;
}

}  // namespace

ScreenshotScore ScoreScreenshot(const image::DecodedImage& image) {
  ScreenshotScore score;
  const int w = image.width, h = image.height, c = image.channels;
  if (w < 16 || h < 16 || (c != 1 && c != 3) ||
      image.pixels.size() < static_cast<size_t>(w) * h * c)
    return score;
  std::array<uint32_t, 256> histogram{};
  uint64_t pixels = 0, pairs = 0, sharp = 0;
  const int rows = std::min(h, kMaxRows);
  for (int i = 0; i < rows; ++i) {
    const int y = static_cast<int>((static_cast<int64_t>(i) * h) / rows);
    const uint8_t* row = image.pixels.data() + static_cast<size_t>(y) * w * c;
    int prev = Grey(row, c);
    ++histogram[prev];
    for (int x = 1; x < w; ++x) {
      const int g = Grey(row + static_cast<size_t>(x) * c, c);
      ++histogram[g];
      sharp += std::abs(g - prev) > kEdgeStep;
      prev = g;
    }
    pixels += w;
    pairs += w - 1;
  }
  std::array<uint32_t, 256> sorted = histogram;
  std::partial_sort(sorted.begin(), sorted.begin() + 4, sorted.end(), std::greater<>());
  const uint64_t top = uint64_t{sorted[0]} + sorted[1] + sorted[2] + sorted[3];
  score.flat = static_cast<double>(top) / static_cast<double>(pixels);
  score.edges = static_cast<double>(sharp) / static_cast<double>(pairs);
  score.text_like = score.flat >= kMinFlat && score.edges >= kMinEdges && score.edges <= kMaxEdges;
  return score;
}

}  // namespace ngb::vision
