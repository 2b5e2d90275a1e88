// Faces, OCR, the screenshot heuristic and OCR text through the chat detectors, on images rendered
// at test time (ImageMagick) — benign text and drawings only.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "chat/risk/labels.h"
#include "image/decode.h"
#include "image/orient.h"
#include "testing/benign_images.h"
#include "vision/nsfw_classifier.h"
#include "vision/nsfw_preprocess.h"
#include "vision/faces.h"
#include "vision/ocr.h"
#include "vision/ocr_findings.h"
#include "vision/screenshot.h"

namespace ngb::vision {
namespace {

namespace fs = std::filesystem;

class VisionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ngb-vision-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Renders `lines` as dark text on a light background, like a phone chat screenshot.
  image::DecodedImage RenderText(const std::vector<std::string>& lines, int width = 720) {
    std::string caption;  // ImageMagick reads "\n" in caption text as a line break
    for (const auto& l : lines) caption += (caption.empty() ? "" : "\\n") + l;
    const fs::path png = dir_ / "shot.png";
    const std::string cmd = "convert -size " + std::to_string(width) +
                            "x -background '#f2f2f2' -fill '#202020' -font DejaVu-Sans -pointsize 26 "
                            "-interline-spacing 14 caption:'" + caption + "' -bordercolor '#f2f2f2' -border 30 " +
                            png.string() + " 2>/dev/null";
    if (std::system(cmd.c_str()) != 0) return {};
    return Decode(png);
  }

  image::DecodedImage Decode(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto decoded = image::DecodeImage(bytes);
    return decoded.ok() ? std::move(*decoded) : image::DecodedImage{};
  }

  // A photo-like image: smooth colour gradients with sensor-like noise.
  static image::DecodedImage PhotoLike(int w, int h) {
    image::DecodedImage img;
    img.width = w, img.height = h, img.channels = 3;
    img.pixels.resize(static_cast<size_t>(w) * h * 3);
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0, 6);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        uint8_t* p = &img.pixels[(static_cast<size_t>(y) * w + x) * 3];
        const double sky = 120 + 100.0 * y / h;
        p[0] = static_cast<uint8_t>(std::clamp(sky * 0.6 + noise(rng), 0.0, 255.0));
        p[1] = static_cast<uint8_t>(std::clamp(sky * 0.8 + 30.0 * x / w + noise(rng), 0.0, 255.0));
        p[2] = static_cast<uint8_t>(std::clamp(sky + noise(rng), 0.0, 255.0));
      }
    return img;
  }

  fs::path dir_;
};

// `jpeg` with an Exif APP1 segment saying `orientation` inserted after SOI.
std::string WithExifOrientation(const std::string& jpeg, int orientation) {
  // TIFF header (little-endian, IFD at 8), one entry: tag 0x0112, SHORT, count 1.
  std::string tiff("II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0", 18);
  tiff += static_cast<char>(orientation);
  tiff += std::string(7, '\0');  // value padding, then no next IFD
  const std::string payload = std::string("Exif\0\0", 6) + tiff;
  const size_t len = payload.size() + 2;
  std::string app1 = "\xFF\xE1";
  app1 += static_cast<char>(len >> 8);
  app1 += static_cast<char>(len & 0xFF);
  return jpeg.substr(0, 2) + app1 + payload + jpeg.substr(2);
}

TEST(OrientTest, PixelsTurnAsTheTagSays) {
  // 3x2: a b c / d e f. Orientation 6 (stored turned left): shown 2x3 as d a / e b / f c.
  std::vector<uint8_t> p = {'a', 'b', 'c', 'd', 'e', 'f'};
  int w = 3, h = 2;
  image::OrientPixels(p, w, h, 1, 6);
  EXPECT_EQ(w, 2);
  EXPECT_EQ(h, 3);
  EXPECT_EQ(std::string(p.begin(), p.end()), "daebfc");
  image::OrientPixels(p, w, h, 1, 8);  // 8 undoes 6
  EXPECT_EQ(std::string(p.begin(), p.end()), "abcdef");
  image::OrientPixels(p, w, h, 1, 3);  // half turn
  EXPECT_EQ(std::string(p.begin(), p.end()), "fedcba");
  image::OrientPixels(p, w, h, 1, 1);
  image::OrientPixels(p, w, h, 1, 0);
  EXPECT_EQ(std::string(p.begin(), p.end()), "fedcba");
}

TEST(OrientTest, ClassifierInputIsThePictureAsShown) {
  // A phone photo stored sideways with Exif orientation 6: the classifier must see it upright,
  // exactly as if the pixels had been stored turned.
  const std::string jpeg = ngb::testing::PatternJpeg(3, 320, 200);
  const std::string tagged = WithExifOrientation(jpeg, 6);
  Result<image::DecodedImage> img =
      image::DecodeImage(std::span(reinterpret_cast<const uint8_t*>(jpeg.data()), jpeg.size()));
  ASSERT_TRUE(img.ok());
  image::DecodedImage turned = *img;
  turned.exif_orientation = 6;
  image::ApplyExifOrientation(turned);
  EXPECT_EQ(turned.width, 200);
  std::vector<float> want(kNsfwInputFloats), got(kNsfwInputFloats), plain(kNsfwInputFloats);
  PreprocessNsfw(turned.pixels, turned.width, turned.height, turned.channels, want);
  ASSERT_TRUE(PrepareNsfwInput(std::span(reinterpret_cast<const uint8_t*>(tagged.data()), tagged.size()), {}, got).ok());
  ASSERT_TRUE(PrepareNsfwInput(std::span(reinterpret_cast<const uint8_t*>(jpeg.data()), jpeg.size()), {}, plain).ok());
  EXPECT_EQ(got, want);
  EXPECT_NE(got, plain);
}

TEST_F(VisionTest, ScreenshotHeuristicTellsRenderedTextFromPhotos) {
  const auto shot = RenderText({"Ali: are you home?", "Sara: yes, why", "Ali: call me later"});
  ASSERT_GT(shot.width, 0) << "ImageMagick convert is needed to render test text";
  const ScreenshotScore text_score = ScoreScreenshot(shot);
  EXPECT_TRUE(text_score.text_like) << "flat " << text_score.flat << " edges " << text_score.edges;
  const ScreenshotScore photo_score = ScoreScreenshot(PhotoLike(800, 600));
  EXPECT_FALSE(photo_score.text_like) << "flat " << photo_score.flat << " edges " << photo_score.edges;
  image::DecodedImage blank;
  blank.width = 300, blank.height = 200, blank.channels = 1;
  blank.pixels.assign(300 * 200, 255);
  EXPECT_FALSE(ScoreScreenshot(blank).text_like);  // flat but no lettering
  EXPECT_FALSE(ScoreScreenshot(image::DecodedImage{}).text_like);
}

TEST_F(VisionTest, OcrReadsRenderedText) {
  auto reader = TextReader::Load();
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  const auto shot = RenderText({"Meet me at the library", "on Saturday at noon"});
  ASSERT_GT(shot.width, 0);
  auto text = (*reader)->Read(shot);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_NE(text->text.find("library"), std::string::npos) << text->text;
  EXPECT_NE(text->text.find("Saturday"), std::string::npos) << text->text;
  EXPECT_GT(text->mean_confidence, 60);
  EXPECT_NE((*reader)->version().find("tesseract"), std::string::npos);
}

TEST_F(VisionTest, OcrOfAnImageWithoutTextIsEmptyNotAnError) {
  auto reader = TextReader::Load();
  ASSERT_TRUE(reader.ok());
  image::DecodedImage blank;
  blank.width = 400, blank.height = 300, blank.channels = 1;
  blank.pixels.assign(400 * 300, 250);
  auto text = (*reader)->Read(blank);
  ASSERT_TRUE(text.ok());
  EXPECT_TRUE(text->text.empty()) << text->text;
  EXPECT_FALSE((*reader)->Read(image::DecodedImage{}).ok());
}

TEST_F(VisionTest, MissingLanguageDataIsAnErrorValue) {
  OcrOptions options;
  options.languages = "xxx_not_a_language";
  auto reader = TextReader::Load(options);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().reason(), "model_missing");
}

TEST_F(VisionTest, OcrLinesBecomeMessagesWithAuthorsWhenPrinted) {
  const auto c = ConversationFromOcrText("  Ali: hello there\n\n10:45\nhttps://example.org\nno name here\n", "x.png");
  ASSERT_EQ(c.messages.size(), 4u);
  EXPECT_EQ(c.messages[0].author, "Ali");
  EXPECT_EQ(c.messages[0].text, "hello there");
  EXPECT_EQ(c.messages[0].line, 1u);
  EXPECT_EQ(c.messages[1].author, kUnknownAuthor);  // a time, not a name
  EXPECT_EQ(c.messages[2].author, kUnknownAuthor);  // a link
  EXPECT_EQ(c.messages[3].text, "no name here");
  EXPECT_EQ(c.messages[3].line, 5u);
  EXPECT_EQ(c.source, "x.png");
}

TEST_F(VisionTest, ScreenshotOfAThreatIsFlaggedThroughTheChatDetectors) {
  auto models = chat::ChatModels::Load();
  ASSERT_TRUE(models.ok()) << models.status().ToString();
  auto reader = TextReader::Load();
  ASSERT_TRUE(reader.ok());
  const auto shot = RenderText({"Stranger: I have your photos.", "Stranger: Send me 5000 rupees today",
                                "Stranger: or I will share your pictures with everyone",
                                "Stranger: and your family will see them."});
  ASSERT_GT(shot.width, 0);
  auto text = (*reader)->Read(shot);
  ASSERT_TRUE(text.ok());
  const auto analysed = AnalyseOcrText(text->text, "phone/shot.png", **models);
  ASSERT_FALSE(analysed.risk.findings.empty()) << text->text;
  EXPECT_EQ(analysed.risk.findings[0].label, chat::Label::kSextortion) << text->text;
  EXPECT_EQ(analysed.risk.findings[0].offender, "Stranger");

  const auto benign = AnalyseOcrText("Mom: dinner is ready\nAyesha: coming in five minutes\n", "b.png", **models);
  EXPECT_TRUE(benign.risk.findings.empty());
}

TEST_F(VisionTest, NoFacesInTextOrLandscapes) {
  auto detector = FaceDetector::Load();
  ASSERT_TRUE(detector.ok()) << detector.status().ToString();
  auto faces = (*detector)->Detect(PhotoLike(1024, 768));
  ASSERT_TRUE(faces.ok());
  EXPECT_TRUE(faces->empty());
  const auto shot = RenderText({"nothing to see here", "just words"});
  auto faces2 = (*detector)->Detect(shot);
  ASSERT_TRUE(faces2.ok());
  EXPECT_TRUE(faces2->empty());
  EXPECT_FALSE((*detector)->Detect(image::DecodedImage{}).ok());
}

// A face drawn with ImageMagick (no photograph of anyone; testing::DrawnFaceCommand).
TEST_F(VisionTest, FindsADrawnFace) {
  const fs::path png = dir_ / "face.png";
  const std::string cmd = testing::DrawnFaceCommand(png.string());
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const auto img = Decode(png);
  ASSERT_GT(img.width, 0);
  auto detector = FaceDetector::Load();
  ASSERT_TRUE(detector.ok());
  auto faces = (*detector)->Detect(img);
  ASSERT_TRUE(faces.ok());
  ASSERT_EQ(faces->size(), 1u);
  const FaceBox& f = (*faces)[0];
  // Around the drawn face (centre 200,210; 190x250), in the image's own coordinates.
  EXPECT_NEAR(f.x + f.width / 2, 200, 40);
  EXPECT_NEAR(f.y + f.height / 2, 210, 50);
  EXPECT_GT(f.width, 80);
}

TEST_F(VisionTest, MissingCascadeIsAnErrorValue) {
  auto detector = FaceDetector::Load((dir_ / "nope.xml").string());
  ASSERT_FALSE(detector.ok());
  EXPECT_EQ(detector.status().reason(), "model_missing");
  std::ofstream(dir_ / "bad.xml") << "<not a cascade/>";
  auto bad = FaceDetector::Load((dir_ / "bad.xml").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().reason(), "model_invalid");
}

}  // namespace
}  // namespace ngb::vision
