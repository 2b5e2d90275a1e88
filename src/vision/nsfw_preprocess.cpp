#include "vision/nsfw_preprocess.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace ngb::vision {
namespace {

// float32(v / 255): TF.js divides the int tensor cast to float32 by the float32 scalar 255 in
// double and stores float32; for integers that equals the correctly rounded float division.
const std::array<float, 256>& Div255() {
  static const std::array<float, 256> lut = [] {
    std::array<float, 256> t{};
    for (int i = 0; i < 256; ++i) t[i] = static_cast<float>(static_cast<double>(i) / 255.0);
    return t;
  }();
  return lut;
}

struct Tap {
  int lo, hi;
  double frac;
};

// TF.js resizeBilinear (CPU backend), alignCorners=true, halfPixelCenters=false.
std::vector<Tap> Taps(int in, int out) {
  const double ratio = (out > 1 ? static_cast<double>(in - 1) : in) / (out > 1 ? out - 1 : out);
  std::vector<Tap> taps(out);
  for (int i = 0; i < out; ++i) {
    const double src = ratio * i;
    const int lo = std::max(0, static_cast<int>(std::floor(src)));
    taps[i] = {lo, std::min(in - 1, static_cast<int>(std::ceil(src))), src - lo};
  }
  return taps;
}

}  // namespace

void PreprocessNsfw(std::span<const uint8_t> pixels, int width, int height, int channels, std::span<float> out) {
  constexpr int S = kNsfwInputSide;
  constexpr size_t kPlane = static_cast<size_t>(S) * S;
  const std::array<float, 256>& f = Div255();
  const size_t stride = static_cast<size_t>(width) * channels;
  auto at = [&](int y, int x, int c) -> double {
    return f[pixels[y * stride + static_cast<size_t>(x) * channels + (channels == 3 ? c : 0)]];
  };
  if (width == S && height == S) {
    for (int y = 0; y < S; ++y)
      for (int x = 0; x < S; ++x)
        for (int c = 0; c < 3; ++c) out[c * kPlane + y * S + x] = static_cast<float>(at(y, x, c));
    return;
  }
  const std::vector<Tap> rows = Taps(height, S), cols = Taps(width, S);
  for (int y = 0; y < S; ++y) {
    const Tap& r = rows[y];
    for (int x = 0; x < S; ++x) {
      const Tap& q = cols[x];
      for (int c = 0; c < 3; ++c) {
        const double tl = at(r.lo, q.lo, c), tr = at(r.lo, q.hi, c);
        const double bl = at(r.hi, q.lo, c), br = at(r.hi, q.hi, c);
        const double top = tl + (tr - tl) * q.frac;
        const double bottom = bl + (br - bl) * q.frac;
        out[c * kPlane + y * S + x] = static_cast<float>(top + (bottom - top) * r.frac);
      }
    }
  }
}

}  // namespace ngb::vision
