// ClassifyAnalyser on generated benign images (patterns and a rendered text screenshot). The
// scoring tests need the ONNX models from scripts/fetch-models.sh and are skipped without them.
#include "analyse/classify_analyser.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "analyse/chat_analyser.h"
#include "testing/benign_images.h"

namespace ngb::analyse {
namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> Attrs(const ItemRecord& item) {
  std::map<std::string, std::string> m;
  for (const auto& [k, v] : item.attrs) m[k] = v;
  return m;
}

// Runs one analyser over `bytes` as a streamed member (no random access), in 3 chunks.
ItemRecord Feed(ClassifyAnalyser& a, const std::string& bytes, std::vector<HashMatch> matches = {}) {
  ItemRecord item;
  item.path = "phone/DCIM/x.jpg";
  item.size = bytes.size();
  item.matches = std::move(matches);
  a.Begin(item, nullptr);
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t third = bytes.size() / 3;
  a.Consume({p, 10});
  a.Consume({p + 10, third});
  a.Consume({p + 10 + third, bytes.size() - 10 - third});
  a.Finish(item, true);
  return item;
}

bool HaveModels() {
  return vision::NsfwClassifier::Load(vision::kDefaultScanNsfwModel, vision::ResolveModelsDir()).ok();
}

ClassifySettings Settings(std::string models_dir = vision::ResolveModelsDir()) {
  ClassifySettings s;
  s.models_dir = std::move(models_dir);
  return s;
}

TEST(ClassifyAnalyserTest, PriorityFormula) {
  vision::NsfwScores s;
  s.p = {0.1f, 0.2f, 0.1f, 0.4f, 0.2f};  // drawing hentai neutral porn sexy
  EXPECT_NEAR(ClassifyPriority(s, -1), 0.4 + 0.2 + 0.1, 1e-6);
  EXPECT_NEAR(ClassifyPriority(s, 0), 0.7, 1e-6);
  EXPECT_NEAR(ClassifyPriority(s, 2), 0.8, 1e-6);
}

TEST(ClassifyAnalyserTest, WithoutModelsTheScanGoesOnAndSaysSkippedOnce) {
  ClassifyShared shared(Settings("/nonexistent/models"));
  ClassifyAnalyser a(shared);
  for (int i = 0; i < 2; ++i) {
    const ItemRecord item = Feed(a, testing::PatternJpeg(i, 320, 240));
    const auto attrs = Attrs(item);
    EXPECT_EQ(attrs.count("classify.model"), 0u);
    EXPECT_EQ(attrs.count("classify.priority"), 0u);
    EXPECT_EQ(attrs.count("faces.count"), 1u);  // faces do not need the nsfwjs models
  }
  ClassifyAnalyser b(shared);  // another worker
  Feed(b, testing::PatternJpeg(3, 320, 240));
  const std::vector<std::string> skipped = shared.Skipped();
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(skipped[0].rfind("classification skipped: model_missing", 0), 0u) << skipped[0];
}

TEST(ClassifyAnalyserTest, NonImagesAndBadImagesAndAlertMatches) {
  ClassifyShared shared(Settings("/nonexistent/models"));
  ClassifyAnalyser a(shared);
  EXPECT_TRUE(Feed(a, std::string(5000, 'x')).attrs.empty());
  const std::string broken = testing::PatternJpeg(1, 320, 240);
  const auto attrs = Attrs(Feed(a, broken.substr(0, 100)));
  EXPECT_EQ(attrs.count("classify.error"), 1u);
  const ItemRecord hit = Feed(a, testing::PatternJpeg(1, 320, 240), {{"set", "alert", "md5", "00", 0, std::nullopt}});
  EXPECT_TRUE(hit.attrs.empty());
  const ItemRecord truncated_read = [&] {
    ItemRecord item;
    a.Begin(item, nullptr);
    const std::string jpeg = testing::PatternJpeg(1, 64, 64);
    a.Consume({reinterpret_cast<const uint8_t*>(jpeg.data()), jpeg.size()});
    a.Finish(item, false);
    return item;
  }();
  EXPECT_TRUE(truncated_read.attrs.empty());
}

TEST(ClassifyAnalyserTest, ScoresAndFacesOfAGeneratedImage) {
  if (!HaveModels()) GTEST_SKIP() << "ONNX models not built (scripts/fetch-models.sh)";
  ClassifyShared shared(Settings());
  ClassifyAnalyser a(shared);
  const auto attrs = Attrs(Feed(a, testing::PatternJpeg(5, 640, 480)));
  ASSERT_EQ(attrs.count("classify.model"), 1u);
  // The scan's default model is the one with fewer measured false positives.
  EXPECT_EQ(attrs.at("classify.model").rfind("mobilenet_v2_mid 4.4.0 sha256:", 0), 0u);
  EXPECT_EQ(attrs.at("classify.model").size(), std::string("mobilenet_v2_mid 4.4.0 sha256:").size() + 64);
  double sum = 0;
  for (const char* k : {"classify.drawing", "classify.hentai", "classify.neutral", "classify.porn", "classify.sexy"}) {
    ASSERT_EQ(attrs.count(k), 1u) << k;
    sum += std::stod(attrs.at(k));
  }
  EXPECT_NEAR(sum, 1.0, 1e-3);
  const double priority = std::stod(attrs.at("classify.priority"));
  EXPECT_NEAR(priority,
              std::stod(attrs.at("classify.porn")) + std::stod(attrs.at("classify.hentai")) +
                  0.5 * std::stod(attrs.at("classify.sexy")) + (attrs.at("faces.count") != "0" ? 0.1 : 0),
              2e-4);
  EXPECT_EQ(attrs.at("faces.count"), "0");
  EXPECT_EQ(attrs.count("ocr.text"), 0u);  // a pattern is not a screenshot
  EXPECT_TRUE(shared.Skipped().empty());
}

TEST(ClassifyAnalyserTest, ScreenshotOfAThreatBecomesAChatFinding) {
  const fs::path png = fs::temp_directory_path() / ("ngb-classify-" + std::to_string(::getpid()) + ".png");
  const std::string cmd =
      "convert -size 720x -background '#f2f2f2' -fill '#202020' -font DejaVu-Sans -pointsize 26 "
      "-interline-spacing 14 caption:'Stranger: I have your photos.\\nStranger: Send me 5000 rupees today\\n"
      "Stranger: or I will share your pictures with everyone\\nStranger: and your family will see them.' "
      "-bordercolor '#f2f2f2' -border 30 " + png.string() + " 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) GTEST_SKIP() << "ImageMagick convert is needed to render test text";
  std::ifstream in(png, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  fs::remove(png);
  LazyChatModels chat;
  ClassifySettings s = Settings();
  s.chat = &chat;
  ClassifyShared shared(std::move(s));
  ClassifyAnalyser a(shared);
  const ItemRecord item = Feed(a, bytes);
  const auto attrs = Attrs(item);
  ASSERT_EQ(attrs.count("ocr.text"), 1u);
  EXPECT_NE(attrs.at("ocr.text").find("rupees"), std::string::npos) << attrs.at("ocr.text");
  ASSERT_EQ(item.conversations.size(), 1u);
  ASSERT_FALSE(item.conversations[0].findings.empty());
  EXPECT_EQ(item.conversations[0].findings[0].label, "sextortion");
  EXPECT_EQ(item.conversations[0].findings[0].offender, "Stranger");
}


// A face drawn with ImageMagick (no photograph of anyone), stored as a 2400 px JPEG: decoded
// DCT-scaled to 1200 px for the detector, its box is stored in the picture's own 2400 px.
TEST(ClassifyAnalyserTest, FaceBoxesInTheStoredPicturesPixels) {
  const fs::path jpg = fs::temp_directory_path() / ("ngb-face-" + std::to_string(::getpid()) + ".jpg");
  const std::string cmd = testing::DrawnFaceCommand(jpg.string(), "-resize 2400x2400 -quality 90");
  if (std::system(cmd.c_str()) != 0) GTEST_SKIP() << "ImageMagick convert is needed to draw the test face";
  std::ifstream in(jpg, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  fs::remove(jpg);
  ClassifyShared shared(Settings("/nonexistent/models"));  // faces need no nsfwjs model
  ClassifyAnalyser a(shared);
  const auto attrs = Attrs(Feed(a, bytes));
  ASSERT_EQ(attrs.count("faces.count"), 1u);
  ASSERT_EQ(attrs.at("faces.count"), "1");
  ASSERT_EQ(attrs.count("faces.boxes"), 1u);
  int x = 0, y = 0, w = 0, h = 0;
  ASSERT_EQ(std::sscanf(attrs.at("faces.boxes").c_str(), "[[%d,%d,%d,%d]]", &x, &y, &w, &h), 4)
      << attrs.at("faces.boxes");
  // The drawn face: centre (1200, 1260), 1140 x 1500 in the 2400 px picture.
  EXPECT_NEAR(x + w / 2, 1200, 240);
  EXPECT_NEAR(y + h / 2, 1260, 300);
  EXPECT_GT(w, 480);
  EXPECT_LE(x + w, 2400);
  EXPECT_LE(y + h, 2400);
}

}  // namespace
}  // namespace ngb::analyse
