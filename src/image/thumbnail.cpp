#include "image/thumbnail.h"

#include <turbojpeg.h>

#include <algorithm>
#include <cmath>
#include <new>
#include <vector>

#include "image/decode.h"
#include "image/orient.h"

namespace ngb::image {
namespace {

struct Pixels {
  int w = 0, h = 0, c = 1;
  std::vector<uint8_t> p;
};

// Area-average downscale so the longest side is at most max_side (never upscales).
Pixels Shrink(const DecodedImage& img, int max_side) {
  const int longest = std::max(img.width, img.height);
  Pixels out;
  out.c = img.channels;
  if (longest <= max_side) {
    out.w = img.width;
    out.h = img.height;
    out.p = img.pixels;
    return out;
  }
  const double scale = static_cast<double>(max_side) / longest;
  out.w = std::max(1, static_cast<int>(std::lround(img.width * scale)));
  out.h = std::max(1, static_cast<int>(std::lround(img.height * scale)));
  out.p.assign(static_cast<size_t>(out.w) * out.h * out.c, 0);
  std::vector<uint64_t> sums(static_cast<size_t>(out.w) * out.c);
  const size_t stride = static_cast<size_t>(img.width) * img.channels;
  for (int y = 0; y < out.h; ++y) {
    const int y0 = static_cast<int>(static_cast<int64_t>(y) * img.height / out.h);
    const int y1 = std::max(y0 + 1, static_cast<int>(static_cast<int64_t>(y + 1) * img.height / out.h));
    std::fill(sums.begin(), sums.end(), 0);
    std::vector<uint32_t> counts(out.w, 0);
    for (int sy = y0; sy < y1; ++sy) {
      const uint8_t* row = img.pixels.data() + sy * stride;
      for (int x = 0; x < out.w; ++x) {
        const int x0 = static_cast<int>(static_cast<int64_t>(x) * img.width / out.w);
        const int x1 = std::max(x0 + 1, static_cast<int>(static_cast<int64_t>(x + 1) * img.width / out.w));
        for (int sx = x0; sx < x1; ++sx) {
          for (int ch = 0; ch < out.c; ++ch) sums[static_cast<size_t>(x) * out.c + ch] += row[sx * out.c + ch];
        }
        counts[x] += static_cast<uint32_t>(x1 - x0);
      }
    }
    for (int x = 0; x < out.w; ++x) {
      for (int ch = 0; ch < out.c; ++ch) {
        out.p[(static_cast<size_t>(y) * out.w + x) * out.c + ch] =
            static_cast<uint8_t>((sums[static_cast<size_t>(x) * out.c + ch] + counts[x] / 2) / counts[x]);
      }
    }
  }
  return out;
}

void ToGrey(Pixels& px) {
  if (px.c == 1) return;
  std::vector<uint8_t> g(static_cast<size_t>(px.w) * px.h);
  for (size_t i = 0; i < g.size(); ++i) {
    const uint8_t* s = px.p.data() + i * 3;
    g[i] = static_cast<uint8_t>((299 * s[0] + 587 * s[1] + 114 * s[2] + 500) / 1000);
  }
  px.p = std::move(g);
  px.c = 1;
}

// One box-blur pass of radius r along rows (step 1) or columns, edges clamped.
void BoxPass(Pixels& px, int r, bool horizontal) {
  const int len = horizontal ? px.w : px.h, lines = horizontal ? px.h : px.w;
  const size_t step = horizontal ? px.c : static_cast<size_t>(px.w) * px.c;
  const size_t line_step = horizontal ? static_cast<size_t>(px.w) * px.c : px.c;
  std::vector<uint8_t> line(len);
  const int window = 2 * r + 1;
  for (int l = 0; l < lines; ++l) {
    for (int ch = 0; ch < px.c; ++ch) {
      uint8_t* base = px.p.data() + l * line_step + ch;
      for (int i = 0; i < len; ++i) line[i] = base[i * step];
      auto at = [&](int i) { return static_cast<int>(line[std::clamp(i, 0, len - 1)]); };
      int sum = 0;
      for (int i = -r; i <= r; ++i) sum += at(i);
      for (int i = 0; i < len; ++i) {
        base[i * step] = static_cast<uint8_t>((sum + window / 2) / window);
        sum += at(i + r + 1) - at(i - r);
      }
    }
  }
}

void Blur(Pixels& px, int r) {
  for (int pass = 0; pass < 3; ++pass) {
    BoxPass(px, r, true);
    BoxPass(px, r, false);
  }
}

Result<std::string> EncodeJpeg(const Pixels& px, int quality) {
  tjhandle tj = tjInitCompress();
  if (tj == nullptr) return Status::Error("thumbnail_encode_failed", "tjInitCompress");
  unsigned char* buf = nullptr;
  unsigned long size = 0;
  const int rc = tjCompress2(tj, px.p.data(), px.w, 0, px.h, px.c == 1 ? TJPF_GRAY : TJPF_RGB, &buf, &size,
                             px.c == 1 ? TJSAMP_GRAY : TJSAMP_420, quality, TJFLAG_ACCURATEDCT);
  Result<std::string> out = Status::Error("thumbnail_encode_failed", rc != 0 ? tjGetErrorStr2(tj) : "no output");
  if (rc == 0 && buf != nullptr) out = std::string(reinterpret_cast<const char*>(buf), size);
  tjFree(buf);
  tjDestroy(tj);
  return out;
}

}  // namespace

const char* ThumbVariantName(ThumbVariant v) {
  switch (v) {
    case ThumbVariant::kBlurred: return "blurred";
    case ThumbVariant::kGrayscale: return "grayscale";
    case ThumbVariant::kClear: return "clear";
  }
  return "blurred";
}

std::optional<ThumbVariant> ParseThumbVariant(std::string_view name) {
  if (name == "blurred") return ThumbVariant::kBlurred;
  if (name == "grayscale") return ThumbVariant::kGrayscale;
  if (name == "clear") return ThumbVariant::kClear;
  return std::nullopt;
}

Result<Thumbnail> MakeThumbnail(std::span<const uint8_t> bytes, ThumbVariant variant, const ThumbnailOptions& o) {
  if (o.max_side < 16 || o.max_side > 1024 || o.quality < 1 || o.quality > 100) {
    return Status::Error("bad_options", "max_side 16-1024, quality 1-100");
  }
  try {
    DecodeOptions d;
    d.min_side = o.max_side * 2;  // JPEG: the smallest DCT scale that still leaves room to average
    d.max_pixels = o.max_pixels;
    d.luma_only = variant != ThumbVariant::kClear;
    Result<DecodedImage> img = DecodeImage(bytes, d);
    if (!img.ok()) return img.status();
    Pixels px = Shrink(*img, o.max_side);
    img->pixels = {};
    if (variant != ThumbVariant::kClear) ToGrey(px);
    OrientPixels(px.p, px.w, px.h, px.c, img->exif_orientation);
    if (variant == ThumbVariant::kBlurred) {
      const int r = std::max(2, static_cast<int>(std::lround(std::max(px.w, px.h) * o.blur_fraction)));
      Blur(px, r);
    }
    Result<std::string> jpeg = EncodeJpeg(px, o.quality);
    if (!jpeg.ok()) return jpeg.status();
    return Thumbnail{std::move(*jpeg), px.w, px.h};
  } catch (const std::bad_alloc&) {
    return Status::Error("image_too_large", "out of memory for the thumbnail");
  }
}

}  // namespace ngb::image
