// The shared PDQ reference images (Meta's ThreatExchange test data; /work/shared on the project's
// machines, skipped elsewhere): every file must decode with the size ImageMagick reports and the
// pixels ImageMagick produces (testdata/shared-reference.txt, made by testdata/make.sh).
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "image/decode.h"
#include "image/test_fixtures.h"

namespace ngb::image {
namespace {

namespace fs = std::filesystem;
using testing::kSharedImages;

TEST(ReferenceImages, EveryFileDecodesLikeImageMagick) {
  if (!fs::is_directory(kSharedImages)) GTEST_SKIP() << kSharedImages << " not present";
  const auto expected = testing::ReadExpected(testing::TestdataDir() / "shared-reference.txt");
  ASSERT_GE(expected.size(), 40u);
  std::set<std::string> listed;
  for (const auto& e : expected) {
    listed.insert(e.file);
    const std::vector<uint8_t> bytes = testing::ReadFile(kSharedImages / e.file);
    Result<DecodedImage> r = DecodeImage(bytes);
    ASSERT_TRUE(r.ok()) << e.file << ": " << r.status().ToString();
    EXPECT_EQ(testing::Compare(*r, e), "") << e.file;
  }
  // Nothing in the folder escapes the check.
  for (const auto& entry : fs::recursive_directory_iterator(kSharedImages)) {
    if (!entry.is_regular_file()) continue;
    EXPECT_TRUE(listed.count(fs::relative(entry.path(), kSharedImages).string()))
        << entry.path() << " is not in shared-reference.txt: rerun testdata/make.sh with SHARED set";
  }
}

TEST(ReferenceImages, ModesDecodeToTheRightChannels) {
  if (!fs::is_directory(kSharedImages)) GTEST_SKIP() << kSharedImages << " not present";
  const std::pair<const char*, int> modes[] = {
      {"1.png", 1},   {"L.png", 1},    {"LA.png", 1},   {"P.png", 3},       {"RGB.jpg", 3},
      {"CMYK.jpg", 3}, {"YCbCr.jpg", 3}, {"PA.webp", 3}, {"LAB.webp", 3}};
  const DecodedImage* rgb = nullptr;
  Result<DecodedImage> reference = DecodeImage(testing::ReadFile(kSharedImages / "misc-images/modes/RGB.jpg"));
  ASSERT_TRUE(reference.ok());
  rgb = &reference.value();
  for (const auto& [name, channels] : modes) {
    Result<DecodedImage> r = DecodeImage(testing::ReadFile(kSharedImages / "misc-images/modes" / name));
    ASSERT_TRUE(r.ok()) << name << ": " << r.status().ToString();
    EXPECT_EQ(r->channels, channels) << name;
    EXPECT_EQ(r->width, 1600) << name;
    EXPECT_EQ(r->height, 1004) << name;
    // All are the same photo: mean luma within a few levels of the RGB JPEG's.
    auto luma = [](const DecodedImage& img) {
      double sum = 0;
      const size_t n = size_t(img.width) * img.height;
      for (size_t i = 0; i < n; ++i) {
        const uint8_t* p = &img.pixels[i * img.channels];
        sum += img.channels == 1 ? p[0] : 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2];
      }
      return sum / static_cast<double>(n);
    };
    const double tolerance = std::string(name) == "1.png" ? 25 : 3;  // 1-bit is dithered
    EXPECT_NEAR(luma(*r), luma(*rgb), tolerance) << name;
  }
}

TEST(ReferenceImages, ExifOrientationOfTheRotatedPhoto) {
  if (!fs::is_directory(kSharedImages)) GTEST_SKIP() << kSharedImages << " not present";
  Result<DecodedImage> r = DecodeImage(testing::ReadFile(kSharedImages / "reg-test-input/exif-rotn/exif-rotn-6.jpg"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->exif_orientation, 6);
  EXPECT_EQ(r->width, 4032);  // not rotated
  EXPECT_EQ(r->height, 3024);
}

}  // namespace
}  // namespace ngb::image
