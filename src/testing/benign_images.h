// Test helper: benign generated pictures (smooth colour patterns, nothing else) as JPEG bytes,
// for tests of previews and near-duplicate grouping. The same `pattern` at another size or
// quality is a near duplicate (PDQ distance well under 31); different patterns are far apart.
#pragma once
#include <turbojpeg.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace ngb::testing {

inline std::string EncodeRgbJpeg(const std::vector<uint8_t>& rgb, int width, int height, int quality) {
  tjhandle tj = tjInitCompress();
  unsigned char* buf = nullptr;
  unsigned long size = 0;
  std::string out;
  if (tjCompress2(tj, rgb.data(), width, 0, height, TJPF_RGB, &buf, &size, TJSAMP_420, quality, 0) == 0) {
    out.assign(reinterpret_cast<const char*>(buf), size);
  }
  tjFree(buf);
  tjDestroy(tj);
  return out;
}

// A colour checkerboard of `cell`-pixel squares: all detail, for blur tests.
inline std::string CheckerJpeg(int width, int height, int cell, int quality = 95) {
  std::vector<uint8_t> rgb(static_cast<size_t>(width) * height * 3);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const bool on = (x / cell + y / cell) % 2 == 0;
      uint8_t* p = rgb.data() + (static_cast<size_t>(y) * width + x) * 3;
      p[0] = on ? 230 : 20;
      p[1] = on ? 200 : 40;
      p[2] = on ? 60 : 180;
    }
  }
  return EncodeRgbJpeg(rgb, width, height, quality);
}

inline std::string PatternJpeg(int pattern, int width, int height, int quality = 90) {
  std::vector<uint8_t> rgb(static_cast<size_t>(width) * height * 3);
  const double f1 = 0.8 + 0.37 * pattern, f2 = 1.3 + 0.23 * (pattern % 5), phase = pattern * 1.7;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const double u = static_cast<double>(x) / width * 6.283, v = static_cast<double>(y) / height * 6.283;
      const double a = std::sin(f1 * u + phase) * std::cos(f2 * v), b = std::sin((f1 + f2) * (u + v) + phase);
      uint8_t* p = rgb.data() + (static_cast<size_t>(y) * width + x) * 3;
      p[0] = static_cast<uint8_t>(128 + 100 * a);
      p[1] = static_cast<uint8_t>(128 + 90 * b);
      p[2] = static_cast<uint8_t>(128 + 60 * a * b);
    }
  }
  return EncodeRgbJpeg(rgb, width, height, quality);
}

// An ImageMagick `convert` command that draws a cartoon face (no photograph of anyone) on a 400 px
// grey square — light cheeks and nose bridge between dark brows and eyes, over a darker mouth,
// centre (200, 210), about 190 x 250 — then applies `extra` options (e.g. "-resize 2400x2400")
// and writes `out`. Run it with std::system(); non-zero means ImageMagick is missing.
inline std::string DrawnFaceCommand(const std::string& out, const std::string& extra = "") {
  return "convert -size 400x400 xc:'#404040' -fill '#303030' -draw 'ellipse 200,170 120,140 0,360' "
         "-fill '#c8a080' -draw 'ellipse 200,210 95,125 0,360' "
         "-fill '#3a2a20' -draw 'ellipse 160,175 26,7 0,360' -draw 'ellipse 240,175 26,7 0,360' "
         "-fill '#f0f0f0' -draw 'ellipse 160,195 20,10 0,360' -draw 'ellipse 240,195 20,10 0,360' "
         "-fill '#201510' -draw 'circle 160,195 160,203' -draw 'circle 240,195 240,203' "
         "-fill '#a07860' -draw 'polygon 200,200 185,255 215,255' "
         "-fill '#d8b090' -draw 'ellipse 200,230 8,30 0,360' "
         "-fill '#803030' -draw 'ellipse 200,285 35,10 0,360' -blur 0x4 " +
         extra + " '" + out + "' 2>/dev/null";
}

}  // namespace ngb::testing
