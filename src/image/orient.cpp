#include "image/orient.h"

#include <algorithm>
#include <utility>

namespace ngb::image {

void OrientPixels(std::vector<uint8_t>& pixels, int& width, int& height, int channels, int orientation) {
  if (orientation < 2 || orientation > 8 || width <= 0 || height <= 0 || channels <= 0) return;
  const bool swap = orientation >= 5;
  const int W = swap ? height : width, H = swap ? width : height;  // output size
  std::vector<uint8_t> out(pixels.size());
  for (int y = 0; y < H; ++y) {
    for (int x = 0; x < W; ++x) {
      int sx = x, sy = y;
      switch (orientation) {
        case 2: sx = W - 1 - x; break;
        case 3: sx = W - 1 - x; sy = H - 1 - y; break;
        case 4: sy = H - 1 - y; break;
        case 5: sx = y; sy = x; break;
        case 6: sx = y; sy = W - 1 - x; break;
        case 7: sx = H - 1 - y; sy = W - 1 - x; break;
        case 8: sx = H - 1 - y; sy = x; break;
      }
      const uint8_t* s = pixels.data() + (static_cast<size_t>(sy) * width + sx) * channels;
      std::copy(s, s + channels, out.data() + (static_cast<size_t>(y) * W + x) * channels);
    }
  }
  pixels = std::move(out);
  width = W;
  height = H;
}

void ApplyExifOrientation(DecodedImage& img) {
  const int o = img.exif_orientation;
  if (o < 2 || o > 8) return;
  OrientPixels(img.pixels, img.width, img.height, img.channels, o);
  if (o >= 5) std::swap(img.orig_width, img.orig_height);
  img.exif_orientation = 1;
}

}  // namespace ngb::image
