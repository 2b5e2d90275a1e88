// NsfwClassifier against nsfwjs itself: tests/vision/reference_scores.json holds nsfwjs 4.4.0's
// scores on TF.js (CPU backend) for the benign fixtures in tests/vision/fixtures/
// (regenerate: tests/vision/regenerate_reference.sh). Needs the ONNX models from
// scripts/fetch-models.sh (found as `nigehbaan classify` finds them); skipped without them.
#include "vision/nsfw_classifier.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "image/decode.h"
#include "vision/model_files.h"
#include "vision/nsfw_preprocess.h"

namespace ngb::vision {
namespace {

#ifdef NGB_SOURCE_DIR
const std::filesystem::path kVisionTests = std::filesystem::path(NGB_SOURCE_DIR) / "tests/vision";
#else
const std::filesystem::path kVisionTests = std::filesystem::path(__FILE__).parent_path() / "../../tests/vision";
#endif

std::vector<uint8_t> ReadBytes(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), {});
}

std::unique_ptr<NsfwClassifier> LoadOrSkip(std::string_view name) {
  Result<std::unique_ptr<NsfwClassifier>> c = NsfwClassifier::Load(name, ResolveModelsDir());
  if (!c.ok() && c.status().reason() == "model_missing") return nullptr;
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return c.ok() ? std::move(*c) : nullptr;
}

TEST(NsfwClassifierTest, UnknownModelAndMissingFolder) {
  Result<std::unique_ptr<NsfwClassifier>> c = NsfwClassifier::Load("inception_v3", "/nonexistent");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().reason(), "model_unknown");
  c = NsfwClassifier::Load("mobilenet_v2", "/nonexistent");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().reason(), "model_missing");
  EXPECT_NE(c.status().detail().find("fetch-models.sh"), std::string::npos);
}

TEST(NsfwClassifierTest, GarbageModelIsInvalid) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "ngb_nsfw_garbage";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "nsfwjs-4.4.0-mobilenet_v2.onnx") << "not an onnx file";
  Result<std::unique_ptr<NsfwClassifier>> c = NsfwClassifier::Load("mobilenet_v2", dir.string());
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().reason(), "model_invalid");
}

class NsfwReferenceTest : public ::testing::TestWithParam<std::string> {};

TEST_P(NsfwReferenceTest, AgreesWithTfjsWithin1e4) {
  std::unique_ptr<NsfwClassifier> c = LoadOrSkip(GetParam());
  if (!c) GTEST_SKIP() << "models not built: " << kFetchModelsHint;
  EXPECT_EQ(c->info().version, "4.4.0");
  EXPECT_EQ(c->info().sha256.size(), 64u);
  std::ifstream in(kVisionTests / "reference_scores.json");
  ASSERT_TRUE(in) << "missing tests/vision/reference_scores.json";
  const nlohmann::json ref = nlohmann::json::parse(in)["models"][GetParam()];
  ASSERT_GE(ref.size(), 5u);
  for (const auto& [name, expected] : ref.items()) {
    SCOPED_TRACE(name);
    std::vector<uint8_t> bytes = ReadBytes(kVisionTests / "fixtures" / name);
    ASSERT_FALSE(bytes.empty());
    Result<NsfwScores> s = c->ClassifyImage(bytes);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    float sum = 0;
    for (int k = 0; k < kNsfwClassCount; ++k) {
      EXPECT_NEAR(s->p[k], expected[k].get<double>(), 1e-4) << kNsfwClassNames[k];
      sum += s->p[k];
    }
    EXPECT_NEAR(sum, 1.0f, 1e-5);
  }
}

INSTANTIATE_TEST_SUITE_P(Models, NsfwReferenceTest, ::testing::Values("mobilenet_v2", "mobilenet_v2_mid"));

TEST(NsfwClassifierTest, BatchEqualsSingle) {
  std::unique_ptr<NsfwClassifier> c = LoadOrSkip("mobilenet_v2");
  if (!c) GTEST_SKIP() << "models not built";
  std::vector<float> batch(3 * kNsfwInputFloats);
  const char* files[3] = {"gradient.png", "shapes.png", "landscape.jpg"};
  std::vector<NsfwScores> single;
  for (int i = 0; i < 3; ++i) {
    std::vector<uint8_t> bytes = ReadBytes(kVisionTests / "fixtures" / files[i]);
    ASSERT_TRUE(PrepareNsfwInput(bytes, {}, std::span<float>(batch).subspan(i * kNsfwInputFloats, kNsfwInputFloats)).ok());
    single.push_back(*c->ClassifyImage(bytes));
  }
  Result<std::vector<NsfwScores>> b = c->Infer(batch, 3);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < kNsfwClassCount; ++k) EXPECT_NEAR((*b)[i].p[k], single[i].p[k], 1e-6);
  EXPECT_FALSE(c->Infer(batch, 2).ok());
}

TEST(NsfwClassifierTest, HostileImagesAreErrors) {
  std::unique_ptr<NsfwClassifier> c = LoadOrSkip("mobilenet_v2");
  if (!c) GTEST_SKIP() << "models not built";
  // The pixel cap is checked on the stored size, before any pixel buffer is allocated.
  std::vector<uint8_t> bytes = ReadBytes(kVisionTests / "fixtures" / "shapes.png");
  Result<NsfwScores> s = c->ClassifyImage(bytes, {.max_pixels = 300 * 300 - 1});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().reason(), "image_too_large");
  EXPECT_TRUE(c->ClassifyImage(bytes, {.max_pixels = 300 * 300}).ok());
  // A PNG header claiming 100000 x 100000 pixels and nothing after it: an error, no allocation.
  const uint8_t huge[] = {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                          0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0, 8, 2, 0, 0, 0, 0, 0, 0, 0};
  EXPECT_FALSE(c->ClassifyImage(huge).ok());
  const uint8_t junk[] = {1, 2, 3, 4, 5};
  EXPECT_FALSE(c->ClassifyImage(junk).ok());
}

TEST(NsfwPreprocessTest, AlignedCornersKeepsCornerPixelsAndGreyIsReplicated) {
  // 2x2 grey image: the corners of the 224x224 output are the 4 source pixels exactly.
  const uint8_t px[4] = {0, 255, 51, 102};
  std::vector<float> out(kNsfwInputFloats);
  PreprocessNsfw(px, 2, 2, 1, out);
  const int S = kNsfwInputSide;
  for (int c = 0; c < 3; ++c) {
    const float* p = out.data() + c * S * S;
    EXPECT_EQ(p[0], 0.0f);
    EXPECT_EQ(p[S - 1], 1.0f);
    EXPECT_EQ(p[(S - 1) * S], 0.2f);
    EXPECT_EQ(p[S * S - 1], 0.4f);
  }
}

}  // namespace
}  // namespace ngb::vision
