// Decoder tests on the committed fixtures (testdata/, made by testdata/make.sh): pixels must match
// ImageMagick's decode, DCT-scaled JPEG must match djpeg, options and channel rules hold.
#include "image/decode.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "image/test_fixtures.h"

namespace ngb::image {
namespace {

using testing::AsRgb;
using testing::Md5;
using testing::ReadFile;
using testing::TestdataDir;

Result<DecodedImage> DecodeFixture(const std::string& name, const DecodeOptions& options = {}) {
  const std::vector<uint8_t> bytes = ReadFile(TestdataDir() / name);
  EXPECT_FALSE(bytes.empty()) << name;
  return DecodeImage(bytes, options);
}

TEST(DecodeImage, FixturesMatchImageMagick) {
  const auto expected = testing::ReadExpected(TestdataDir() / "expected.txt");
  ASSERT_GE(expected.size(), 40u);
  for (const auto& e : expected) {
    Result<DecodedImage> r = DecodeFixture(e.file);
    ASSERT_TRUE(r.ok()) << e.file << ": " << r.status().ToString();
    EXPECT_EQ(testing::Compare(*r, e), "") << e.file;
    EXPECT_EQ(r->orig_width, e.width) << e.file;
    EXPECT_EQ(r->orig_height, e.height) << e.file;
    EXPECT_EQ(r->pixels.size(), size_t(r->width) * r->height * r->channels) << e.file;
  }
}

TEST(DecodeImage, ConcurrentDecodesAgree) {
  // Several threads decoding every format at once (each scanner worker decodes on its own):
  // no shared state in our code or in how the libraries are used.
  const auto expected = testing::ReadExpected(TestdataDir() / "expected.txt");
  std::vector<std::vector<uint8_t>> files;
  for (const auto& e : expected) files.push_back(ReadFile(TestdataDir() / e.file));
  std::vector<std::string> failures(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < failures.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) {
        for (size_t i = 0; i < files.size(); ++i) {
          const size_t k = (i + t * 7) % files.size();  // threads start on different formats
          Result<DecodedImage> r = DecodeImage(files[k]);
          const std::string why = r.ok() ? testing::Compare(*r, expected[k]) : r.status().ToString();
          if (!why.empty()) failures[t] += expected[k].file + ":" + why + "; ";
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& f : failures) EXPECT_EQ(f, "");
}

TEST(DecodeImage, ReportsTheFormat) {
  const std::pair<const char*, ImageFormat> cases[] = {
      {"j-rgb420.jpg", ImageFormat::kJpeg}, {"p-rgba.png", ImageFormat::kPng},
      {"g-basic.gif", ImageFormat::kGif},   {"w-lossy.webp", ImageFormat::kWebp},
      {"b-24.bmp", ImageFormat::kBmp},      {"t-rgb.tif", ImageFormat::kTiff},
      {"h-basic.heic", ImageFormat::kHeif}, {"h-basic.avif", ImageFormat::kAvif}};
  for (const auto& [file, format] : cases) {
    Result<DecodedImage> r = DecodeFixture(file);
    ASSERT_TRUE(r.ok()) << file << ": " << r.status().ToString();
    EXPECT_EQ(r->format, format) << file;
  }
}

// djpeg.txt: "file scale_num rgb|grey md5" of djpeg -scale num/8 [-grayscale].
TEST(DecodeImage, JpegDctScalingMatchesDjpeg) {
  std::ifstream f(TestdataDir() / "djpeg.txt");
  int checked = 0;
  for (std::string line; std::getline(f, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream in(line);
    std::string file, mode, md5;
    unsigned num = 0;
    in >> file >> num >> mode >> md5;
    // The file is 301x203: min_side = ceil(203 * num / 8) selects exactly num/8 (num = 1, 2, 4, 8).
    DecodeOptions o;
    o.min_side = static_cast<int>((203 * num + 7) / 8);
    o.luma_only = mode == "grey";
    Result<DecodedImage> r = DecodeFixture(file, o);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->width, static_cast<int>((301 * num + 7) / 8)) << line;
    EXPECT_EQ(r->height, o.min_side) << line;
    EXPECT_EQ(r->channels, o.luma_only ? 1 : 3) << line;
    EXPECT_EQ(r->orig_width, 301);
    EXPECT_EQ(Md5(r->pixels), md5) << line;
    ++checked;
  }
  EXPECT_EQ(checked, 8);
}

TEST(DecodeImage, MinSideKeepsBothSidesAtLeastThatBig) {
  for (int min_side : {1, 20, 26, 38, 39, 51, 76, 77, 100, 101, 150, 152, 190, 202, 203, 204, 1000}) {
    DecodeOptions o;
    o.min_side = min_side;
    Result<DecodedImage> r = DecodeFixture("j-big-301x203.jpg", o);
    ASSERT_TRUE(r.ok());
    EXPECT_GE(r->width, std::min(min_side, 301)) << min_side;
    EXPECT_GE(r->height, std::min(min_side, 203)) << min_side;
    // ... at a scale of 1/8, 1/4, 1/2 or 1, the smallest that does: half of it would not.
    int n = 0;
    for (int k : {1, 2, 4, 8}) {
      if (r->width == (301 * k + 7) / 8 && r->height == (203 * k + 7) / 8) n = k;
    }
    ASSERT_NE(n, 0) << min_side << ": " << r->width << "x" << r->height;
    if (n > 1) {
      EXPECT_LT((203 * (n / 2) + 7) / 8, min_side) << min_side;
    }
  }
  // Formats without DCT scaling ignore min_side.
  DecodeOptions o;
  o.min_side = 8;
  Result<DecodedImage> png = DecodeFixture("p-rgba.png", o);
  ASSERT_TRUE(png.ok());
  EXPECT_EQ(png->width, 48);
}

TEST(DecodeImage, LumaOnlyGivesJpegYPlaneAndLeavesOtherFormatsAlone) {
  DecodeOptions luma;
  luma.luma_only = true;
  Result<DecodedImage> y = DecodeFixture("j-rgb444.jpg", luma);
  Result<DecodedImage> rgb = DecodeFixture("j-rgb444.jpg");
  ASSERT_TRUE(y.ok() && rgb.ok());
  ASSERT_EQ(y->channels, 1);
  ASSERT_EQ(y->pixels.size() * 3, rgb->pixels.size());
  // Y agrees with luma computed from the decoded RGB to about a grey level.
  double total = 0;
  for (size_t i = 0; i < y->pixels.size(); ++i) {
    const uint8_t* p = &rgb->pixels[3 * i];
    total += std::abs(0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2] - y->pixels[i]);
  }
  EXPECT_LT(total / static_cast<double>(y->pixels.size()), 0.75);
  Result<DecodedImage> cmyk = DecodeFixture("j-cmyk.jpg", luma);  // no Y plane to take
  ASSERT_TRUE(cmyk.ok());
  EXPECT_EQ(cmyk->channels, 3);
  Result<DecodedImage> png = DecodeFixture("p-rgba.png", luma);
  ASSERT_TRUE(png.ok());
  EXPECT_EQ(png->channels, 3);
}

TEST(DecodeImage, MaxPixelsIsCheckedForEveryFormat) {
  DecodeOptions tight;
  tight.max_pixels = 48 * 32 - 1;
  for (const char* file : {"j-rgb420.jpg", "p-rgba.png", "g-basic.gif", "w-lossy.webp", "w-anim.webp",
                           "b-24.bmp", "b-rle8.bmp", "t-rgb.tif", "h-basic.heic", "h-basic.avif"}) {
    Result<DecodedImage> r = DecodeFixture(file, tight);
    ASSERT_FALSE(r.ok()) << file;
    EXPECT_EQ(r.status().reason(), "image_too_large") << file;
  }
  tight.max_pixels = 48 * 32;
  EXPECT_TRUE(DecodeFixture("j-rgb420.jpg", tight).ok());
  // The limit is on the stored size, even when the JPEG would be decoded smaller.
  tight.max_pixels = 301 * 203 - 1;
  tight.min_side = 10;
  EXPECT_EQ(DecodeFixture("j-big-301x203.jpg", tight).status().reason(), "image_too_large");
  // A GIF's limit is on its canvas, not its first frame.
  tight.max_pixels = 40 * 30 - 1;
  EXPECT_EQ(DecodeFixture("g-canvas.gif", tight).status().reason(), "image_too_large");
}

TEST(DecodeImage, GifFirstFrameIsPlacedOnItsCanvas) {
  // g-canvas.gif: a 20x10 red frame at +5+5 on a 40x30 canvas whose background colour is blue.
  Result<DecodedImage> r = DecodeFixture("g-canvas.gif");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->width, 40);
  ASSERT_EQ(r->height, 30);
  for (int y = 0; y < 30; ++y) {
    for (int x = 0; x < 40; ++x) {
      const bool inside = x >= 5 && x < 25 && y >= 5 && y < 15;
      const uint8_t* p = &r->pixels[3 * (y * 40 + x)];
      ASSERT_EQ(p[0], inside ? 255 : 0) << x << "," << y;
      ASSERT_EQ(p[1], 0);
      ASSERT_EQ(p[2], inside ? 0 : 255) << x << "," << y;
    }
  }
}

TEST(DecodeImage, AlphaIsDroppedNotComposited) {
  // p-rgba.png, t-rgba.tif, w-alpha.webp and b-32-bitfields.bmp carry a gradient alpha that
  // reaches 0; their colours must still be those of the opaque versions.
  const auto opaque = DecodeFixture("p-interlaced.png");
  ASSERT_TRUE(opaque.ok());
  for (const char* file : {"p-rgba.png", "t-rgba.tif"}) {
    Result<DecodedImage> r = DecodeFixture(file);
    ASSERT_TRUE(r.ok()) << file;
    EXPECT_EQ(r->pixels, opaque->pixels) << file;
  }
  const auto bmp24 = DecodeFixture("b-24.bmp");
  const auto bmp32 = DecodeFixture("b-32-bitfields.bmp");
  ASSERT_TRUE(bmp24.ok() && bmp32.ok());
  EXPECT_EQ(bmp32->pixels, bmp24->pixels);
  const auto grey = DecodeFixture("p-grey8.png");
  const auto grey_alpha = DecodeFixture("p-greyalpha.png");
  ASSERT_TRUE(grey.ok() && grey_alpha.ok());
  EXPECT_EQ(grey_alpha->channels, 1);
  EXPECT_EQ(grey_alpha->pixels, grey->pixels);
}

// Inserts an APP1 Exif segment with Orientation = `o` right after the SOI marker.
std::vector<uint8_t> WithExifOrientation(std::vector<uint8_t> jpeg, uint8_t o) {
  const uint8_t tiff[] = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, o, 0, 0, 0, 0, 0, 0};
  std::vector<uint8_t> seg = {0xFF, 0xE1, 0, static_cast<uint8_t>(2 + 6 + sizeof tiff), 'E', 'x', 'i', 'f', 0, 0};
  seg.insert(seg.end(), std::begin(tiff), std::end(tiff));
  jpeg.insert(jpeg.begin() + 2, seg.begin(), seg.end());
  return jpeg;
}

TEST(DecodeImage, ExifOrientationIsReportedNotApplied) {
  const std::vector<uint8_t> plain = ReadFile(TestdataDir() / "j-rgb420.jpg");
  Result<DecodedImage> base = DecodeImage(plain);
  ASSERT_TRUE(base.ok());
  EXPECT_EQ(base->exif_orientation, 0);
  for (uint8_t o = 1; o <= 8; ++o) {
    Result<DecodedImage> r = DecodeImage(WithExifOrientation(plain, o));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->exif_orientation, o);
    EXPECT_EQ(r->width, base->width);
    EXPECT_EQ(r->pixels, base->pixels);
  }
  // TIFF: the Orientation tag (ImageMagick writes 1).
  Result<DecodedImage> tif = DecodeFixture("t-rgb.tif");
  ASSERT_TRUE(tif.ok());
  EXPECT_EQ(tif->exif_orientation, 1);
}

TEST(DecodeImage, TruncatedJpegKeepsWhatWasDecoded) {
  const std::vector<uint8_t> full = ReadFile(TestdataDir() / "j-big-301x203.jpg");
  Result<DecodedImage> whole = DecodeImage(full);
  ASSERT_TRUE(whole.ok());
  EXPECT_FALSE(whole->truncated);
  const std::vector<uint8_t> half(full.begin(), full.begin() + static_cast<long>(full.size() / 2));
  Result<DecodedImage> r = DecodeImage(half);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->truncated);
  EXPECT_EQ(r->width, 301);
  EXPECT_EQ(r->height, 203);
  // The top rows are intact.
  const size_t top = 301 * 3 * 40;
  EXPECT_TRUE(std::equal(r->pixels.begin(), r->pixels.begin() + top, whole->pixels.begin()));
  // Cut inside the header: nothing to show.
  const std::vector<uint8_t> header_only(full.begin(), full.begin() + 100);
  Result<DecodedImage> none = DecodeImage(header_only);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().reason(), "image_truncated");
}

TEST(DecodeImage, TruncatedRowFormatsKeepTheirFirstRows) {
  // (TIFF is not in the list: ImageMagick, like most writers, puts the directory after the pixel
  // data, so a cut TIFF has no directory left. See TiffKeepsTheTilesItCanRead.)
  for (const char* file : {"p-grey8.png", "p-rgba.png", "b-24.bmp", "g-basic.gif", "w-lossless.webp"}) {
    const std::vector<uint8_t> full = ReadFile(TestdataDir() / file);
    Result<DecodedImage> whole = DecodeImage(full);
    ASSERT_TRUE(whole.ok()) << file;
    const std::vector<uint8_t> cut(full.begin(), full.begin() + static_cast<long>(full.size() * 3 / 4));
    Result<DecodedImage> r = DecodeImage(cut);
    ASSERT_TRUE(r.ok()) << file << ": " << r.status().ToString();
    EXPECT_TRUE(r->truncated) << file;
    ASSERT_EQ(r->pixels.size(), whole->pixels.size()) << file;
    // BMP stores rows bottom-up, the others top-down: compare the rows stored first.
    const size_t row = size_t(r->width) * r->channels;
    const size_t first = std::string(file) == "b-24.bmp" ? whole->pixels.size() - 4 * row : 0;
    EXPECT_TRUE(std::equal(r->pixels.begin() + first, r->pixels.begin() + first + 4 * row,
                           whole->pixels.begin() + first)) << file;
  }
}

TEST(DecodeImage, TiffKeepsTheTilesItCanRead) {
  // t-zip-tiled.tif: 16x16 deflate tiles. Wreck the first tile's data: the rest still decodes.
  std::vector<uint8_t> bytes = ReadFile(TestdataDir() / "t-zip-tiled.tif");
  Result<DecodedImage> whole = DecodeImage(bytes);
  ASSERT_TRUE(whole.ok());
  ASSERT_GT(bytes.size(), 64u);
  for (size_t i = 8; i < 40; ++i) bytes[i] = 0xFF;  // the first tile follows the 8-byte header
  Result<DecodedImage> r = DecodeImage(bytes);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->truncated);
  const size_t row = 48 * 3;  // the bottom rows (other tiles) are intact
  EXPECT_TRUE(std::equal(r->pixels.end() - 16 * row, r->pixels.end(), whole->pixels.end() - 16 * row));
}

TEST(DecodeImage, ProgressiveScansAreCapped) {
  // j-many-scans.jpg repeats its last scan 600 times: each scan is a pass over every
  // coefficient, so the count is capped (at 500) to bound the work a small file can cause.
  Result<DecodedImage> r = DecodeFixture("j-many-scans.jpg");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "image_unsupported");
  EXPECT_NE(r.status().detail().find("500"), std::string::npos) << r.status().detail();
}

TEST(DecodeImage, RejectsWhatItCannotDecode) {
  EXPECT_EQ(DecodeImage({}).status().reason(), "image_unsupported");
  const std::string text = "just some text, not an image";
  EXPECT_EQ(DecodeImage({reinterpret_cast<const uint8_t*>(text.data()), text.size()}).status().reason(),
            "image_unsupported");
  // A 12-bit JPEG: SOF1 with precision 12.
  std::vector<uint8_t> jpeg = ReadFile(TestdataDir() / "j-rgb420.jpg");
  for (size_t i = 2; i + 4 < jpeg.size(); ++i) {
    if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xC0) {
      jpeg[i + 1] = 0xC1;
      jpeg[i + 4] = 12;
      break;
    }
  }
  EXPECT_EQ(DecodeImage(jpeg).status().reason(), "image_unsupported");
}

}  // namespace
}  // namespace ngb::image
