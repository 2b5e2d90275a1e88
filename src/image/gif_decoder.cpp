// GIF through giflib's record-level API (DGifSlurp is not used: it would decode and keep every
// frame, each sized by its own header). Only the first frame is decoded and placed on the logical
// screen (the canvas, grown to hold the frame if the header says it is smaller). Canvas outside
// the frame takes the global colour table's background colour (black without one). Transparency
// is ignored: a transparent pixel keeps its palette colour, as with alpha elsewhere.
// (ImageMagick's `convert x.gif pnm:-` writes the frame alone, without the canvas; the two agree
// whenever the first frame covers the canvas, as it does in nearly every GIF.)
#include <gif_lib.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

#include "image/decoders.h"

namespace ngb::image::detail {
namespace {

struct MemoryInput {
  std::span<const uint8_t> bytes;
  size_t pos = 0;
};

int ReadFn(GifFileType* gif, GifByteType* dst, int n) {
  auto* in = static_cast<MemoryInput*>(gif->UserData);
  const size_t take = std::min(static_cast<size_t>(std::max(n, 0)), in->bytes.size() - in->pos);
  std::memcpy(dst, in->bytes.data() + in->pos, take);
  in->pos += take;
  return static_cast<int>(take);
}

struct GifCloser {
  void operator()(GifFileType* g) const {
    int err = 0;
    DGifCloseFile(g, &err);
  }
};

Status GifError(int code) {
  std::string text = GifErrorString(code) ? GifErrorString(code) : "giflib error";
  if (code == D_GIF_ERR_READ_FAILED || code == D_GIF_ERR_EOF_TOO_SOON) return Truncated(text);
  if (code == D_GIF_ERR_NOT_ENOUGH_MEM) return OutOfMemory();
  return Corrupt(text);
}

// Skips the sub-blocks of the extension whose first block DGifGetExtension returned.
bool SkipExtension(GifFileType* gif, GifByteType* block) {
  while (block != nullptr) {
    if (DGifGetExtensionNext(gif, &block) != GIF_OK) return false;
  }
  return true;
}

}  // namespace

Result<DecodedImage> DecodeGif(std::span<const uint8_t> bytes, const DecodeOptions& options) {
  MemoryInput input{bytes};
  int err = 0;
  std::unique_ptr<GifFileType, GifCloser> gif(DGifOpen(&input, ReadFn, &err));
  if (!gif) return GifError(err);

  // Find the first image descriptor.
  for (;;) {
    GifRecordType type = UNDEFINED_RECORD_TYPE;
    if (DGifGetRecordType(gif.get(), &type) != GIF_OK) return GifError(gif->Error);
    if (type == IMAGE_DESC_RECORD_TYPE) break;
    if (type == TERMINATE_RECORD_TYPE) return Corrupt("GIF without an image");
    if (type == EXTENSION_RECORD_TYPE) {
      int code = 0;
      GifByteType* block = nullptr;
      if (DGifGetExtension(gif.get(), &code, &block) != GIF_OK || !SkipExtension(gif.get(), block)) {
        return GifError(gif->Error);
      }
    }
  }
  if (DGifGetImageDesc(gif.get()) != GIF_OK) return GifError(gif->Error);
  const GifImageDesc& frame = gif->Image;
  if (frame.Width <= 0 || frame.Height <= 0 || frame.Left < 0 || frame.Top < 0) {
    return Corrupt("GIF frame of size " + std::to_string(frame.Width) + "x" + std::to_string(frame.Height));
  }
  const int canvas_w = std::max(gif->SWidth, frame.Left + frame.Width);
  const int canvas_h = std::max(gif->SHeight, frame.Top + frame.Height);
  DecodedImage out;
  out.orig_width = canvas_w;
  out.orig_height = canvas_h;
  if (Status s = CheckDimensions(canvas_w, canvas_h, options); !s.ok()) return s;

  const ColorMapObject* map = frame.ColorMap ? frame.ColorMap : gif->SColorMap;
  if (map == nullptr || map->Colors == nullptr) return Corrupt("GIF without a colour table");
  std::array<GifColorType, 256> palette{};  // indices past the table are black
  std::copy_n(map->Colors, std::clamp(map->ColorCount, 0, 256), palette.begin());
  GifColorType background{};
  if (gif->SColorMap != nullptr && gif->SBackGroundColor < gif->SColorMap->ColorCount) {
    background = gif->SColorMap->Colors[gif->SBackGroundColor];
  }

  if (!AllocatePixels(out, canvas_w, canvas_h, 3)) return OutOfMemory();
  uint8_t* px = out.pixels.data();
  const size_t stride = static_cast<size_t>(canvas_w) * 3;
  for (size_t i = 0; i < out.pixels.size(); i += 3) {
    px[i] = background.Red;
    px[i + 1] = background.Green;
    px[i + 2] = background.Blue;
  }

  // Rows in file order; interlaced frames store rows 0,8,16.. then 4,12.. then 2,6.. then 1,3..
  std::vector<GifPixelType> line(static_cast<size_t>(frame.Width));
  static constexpr int kStart[] = {0, 4, 2, 1}, kStep[] = {8, 8, 4, 2};
  const int passes = frame.Interlace ? 4 : 1;
  for (int pass = 0; pass < passes; ++pass) {
    const int step = frame.Interlace ? kStep[pass] : 1;
    for (int y = frame.Interlace ? kStart[pass] : 0; y < frame.Height; y += step) {
      const bool ok = DGifGetLine(gif.get(), line.data(), frame.Width) == GIF_OK;
      uint8_t* dst = px + static_cast<size_t>(frame.Top + y) * stride + static_cast<size_t>(frame.Left) * 3;
      for (int x = 0; x < frame.Width; ++x) {
        const GifColorType& c = palette[line[static_cast<size_t>(x)]];
        dst[3 * x] = c.Red;
        dst[3 * x + 1] = c.Green;
        dst[3 * x + 2] = c.Blue;
      }
      if (!ok) {  // giflib also fails the last row when the data ends right after the pixels
        if (pass == 0 && y == 0) return GifError(gif->Error);
        out.truncated = true;
        return out;
      }
    }
  }
  return out;
}

}  // namespace ngb::image::detail
