#include "image/thumbnail.h"

#include <gtest/gtest.h>

#include "image/decode.h"
#include "image/test_fixtures.h"
#include "testing/benign_images.h"

namespace ngb::image {
namespace {

using testing::ReadFile;
using testing::TestdataDir;

DecodedImage Decode(const std::string& jpeg) {
  auto bytes = std::span(reinterpret_cast<const uint8_t*>(jpeg.data()), jpeg.size());
  Result<DecodedImage> img = DecodeImage(bytes);
  EXPECT_TRUE(img.ok()) << img.status().ToString();
  return img.ok() ? std::move(*img) : DecodedImage{};
}

// Mean absolute difference between horizontal neighbours: high for detail, low for a blur.
double Detail(const DecodedImage& img) {
  double sum = 0;
  size_t n = 0;
  for (int y = 0; y < img.height; ++y) {
    for (int x = 1; x < img.width; ++x) {
      const size_t i = (static_cast<size_t>(y) * img.width + x) * img.channels;
      sum += std::abs(int(img.pixels[i]) - int(img.pixels[i - img.channels]));
      ++n;
    }
  }
  return n ? sum / n : 0;
}

TEST(Thumbnail, BlurredIsSmallGreyAndWithoutDetail) {
  const std::vector<uint8_t> src = ReadFile(TestdataDir() / "j-big-301x203.jpg");
  ASSERT_FALSE(src.empty());
  Result<Thumbnail> blurred = MakeThumbnail(src, ThumbVariant::kBlurred);
  Result<Thumbnail> grey = MakeThumbnail(src, ThumbVariant::kGrayscale);
  Result<Thumbnail> clear = MakeThumbnail(src, ThumbVariant::kClear);
  ASSERT_TRUE(blurred.ok()) << blurred.status().ToString();
  ASSERT_TRUE(grey.ok() && clear.ok());
  EXPECT_EQ(blurred->width, 160);
  EXPECT_EQ(blurred->height, 108);  // 203 * 160 / 301, rounded
  const DecodedImage b = Decode(blurred->jpeg), g = Decode(grey->jpeg), c = Decode(clear->jpeg);
  EXPECT_EQ(b.channels, 1);
  EXPECT_EQ(g.channels, 1);
  EXPECT_EQ(c.channels, 3);
  EXPECT_EQ(c.width, 160);
}

TEST(Thumbnail, BlurRemovesDetail) {
  const std::string checker = ngb::testing::CheckerJpeg(640, 480, 8);
  const auto src = std::span(reinterpret_cast<const uint8_t*>(checker.data()), checker.size());
  Result<Thumbnail> blurred = MakeThumbnail(src, ThumbVariant::kBlurred);
  Result<Thumbnail> grey = MakeThumbnail(src, ThumbVariant::kGrayscale);
  ASSERT_TRUE(blurred.ok() && grey.ok());
  const double b = Detail(Decode(blurred->jpeg)), g = Detail(Decode(grey->jpeg));
  EXPECT_GT(g, 20);
  EXPECT_LT(b * 10, g) << b << " vs " << g;
}

TEST(Thumbnail, SmallImagesAreNotEnlarged) {
  const std::vector<uint8_t> src = ReadFile(TestdataDir() / "p-grey8.png");
  ASSERT_FALSE(src.empty());
  Result<DecodedImage> orig = DecodeImage(src);
  ASSERT_TRUE(orig.ok());
  Result<Thumbnail> t = MakeThumbnail(src, ThumbVariant::kClear, {.max_side = 1024});
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->width, orig->width);
  EXPECT_EQ(t->height, orig->height);
}

TEST(Thumbnail, HostileInputIsAnErrorValue) {
  const std::vector<uint8_t> garbage(1000, 0x5a);
  Result<Thumbnail> t = MakeThumbnail(garbage, ThumbVariant::kBlurred);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().reason(), "image_unsupported");
  const std::vector<uint8_t> src = ReadFile(TestdataDir() / "j-big-301x203.jpg");
  Result<Thumbnail> big = MakeThumbnail(src, ThumbVariant::kBlurred, {.max_pixels = 1000});
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().reason(), "image_too_large");
  std::vector<uint8_t> cut(src.begin(), src.begin() + 200);
  EXPECT_FALSE(MakeThumbnail(cut, ThumbVariant::kBlurred).ok());
  EXPECT_FALSE(MakeThumbnail(src, ThumbVariant::kBlurred, {.max_side = 4}).ok());
}

TEST(Thumbnail, EveryFixtureGivesAThumbnailOrAReason) {
  for (const auto& entry : std::filesystem::directory_iterator(TestdataDir())) {
    const std::vector<uint8_t> src = ReadFile(entry.path());
    Result<Thumbnail> t = MakeThumbnail(src, ThumbVariant::kBlurred);
    if (t.ok()) {
      EXPECT_LE(std::max(t->width, t->height), 160) << entry.path();
      EXPECT_GT(t->jpeg.size(), 100u);
    } else {
      EXPECT_FALSE(t.status().reason().empty());
    }
  }
}

TEST(Thumbnail, VariantNames) {
  for (ThumbVariant v : {ThumbVariant::kBlurred, ThumbVariant::kGrayscale, ThumbVariant::kClear}) {
    EXPECT_EQ(ParseThumbVariant(ThumbVariantName(v)), v);
  }
  EXPECT_FALSE(ParseThumbVariant("../x").has_value());
}

}  // namespace
}  // namespace ngb::image
