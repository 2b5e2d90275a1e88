// NsfwClassifier: the nsfwjs explicit-content image classifier (MobileNetV2 224x224, 5 classes),
// run from the ONNX files scripts/fetch-models.sh builds, with OpenCV's dnn module on the CPU.
//
// The scores are a REVIEW ORDER for a human examiner, never a finding: the small model scores
// some plain nature photos and textures as "Porn" > 0.6 (docs/image-classifier.md).
//
// Exact path (default): our own decoders (src/image, full size) -> PreprocessNsfw (nsfwjs's
// RGB/255 + aligned-corner bilinear resize, bit for bit) -> network. Agrees with nsfwjs on
// TF.js (CPU backend) within 1e-4 per probability on the fixtures (nsfw_classifier_test.cpp).
// Fast path (`fast_decode`): JPEGs are decoded with libjpeg-turbo's DCT scaling to the smallest
// 1/8..1/1 size with both sides >= 224 before the same resize; the scores then differ from the
// exact path by a few 1e-3 typically (bench/classify_bench.sh prints the measured gap).
//
// Ownership and thread-safety: an instance owns its cv::dnn::Net, which is NOT safe to use from
// two threads at once: use one instance per thread (each loads its own copy, ~10-17 MB), or guard
// one with a mutex. Decoding and preprocessing (PrepareNsfwInput) are reentrant and can run on
// other threads while one instance infers batches. Never throws: OpenCV exceptions are caught
// and become error values.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ngb::vision {

enum NsfwClass { kDrawing = 0, kHentai, kNeutral, kPorn, kSexy, kNsfwClassCount };
inline constexpr std::array<std::string_view, kNsfwClassCount> kNsfwClassNames = {"Drawing", "Hentai", "Neutral",
                                                                                  "Porn", "Sexy"};

struct NsfwScores {
  std::array<float, kNsfwClassCount> p{};  // softmax probabilities, indexed by NsfwClass
};

struct NsfwModelInfo {
  std::string name;     // "mobilenet_v2" | "mobilenet_v2_mid"
  std::string version;  // nsfwjs version of the weights, "4.4.0"
  std::string sha256;   // of the ONNX file as loaded (hex), stored with every score
  std::string path;     // the ONNX file
};

struct NsfwImageOptions {
  // Images whose stored width*height exceeds this are refused ("image_too_large") before any
  // pixel buffer is allocated (see image::DecodeOptions::max_pixels).
  uint64_t max_pixels = 100'000'000;
  // JPEG DCT-domain downscaling towards 224 px (see the header comment). Off = exact path.
  bool fast_decode = false;
};

// Decodes `bytes` (any format src/image decodes) and fills `out` (kNsfwInputFloats floats,
// NCHW planes) with the network input. Errors are DecodeImage's: image_unsupported,
// image_too_large, image_truncated, image_corrupt. Reentrant.
Status PrepareNsfwInput(std::span<const uint8_t> bytes, const NsfwImageOptions& options, std::span<float> out);

class NsfwClassifier {
 public:
  // Loads kNsfwModels entry `model_name` from `models_dir` (see ResolveModelsDir).
  // Errors: model_unknown (not a known name), model_missing (no file; the detail says how to
  // build it), model_invalid (unreadable, > 256 MiB, rejected by OpenCV or wrong output shape).
  // `threads`: OpenCV's worker threads for inference; OpenCV's setting is process-wide, so the
  // last Load wins; 0 leaves it alone.
  static Result<std::unique_ptr<NsfwClassifier>> Load(std::string_view model_name, const std::string& models_dir,
                                                      int threads = 0);
  ~NsfwClassifier();
  NsfwClassifier(const NsfwClassifier&) = delete;
  NsfwClassifier& operator=(const NsfwClassifier&) = delete;

  const NsfwModelInfo& info() const { return info_; }

  // Decode + preprocess + infer one image. Errors: PrepareNsfwInput's, inference_failed.
  Result<NsfwScores> ClassifyImage(std::span<const uint8_t> bytes, const NsfwImageOptions& options = {});
  // Preprocess + infer already decoded pixels (channels 1 or 3, packed rows).
  // REQUIRES: width, height >= 1 and pixels.size() >= width*height*channels.
  Result<NsfwScores> ClassifyPixels(std::span<const uint8_t> pixels, int width, int height, int channels);
  // Infers `n` inputs prepared by PrepareNsfwInput, laid out one after another
  // (inputs.size() == n * kNsfwInputFloats). Error: inference_failed.
  Result<std::vector<NsfwScores>> Infer(std::span<const float> inputs, int n);

 private:
  struct Impl;  // the cv::dnn::Net and scratch buffers (keeps OpenCV out of this header)
  NsfwClassifier();
  NsfwModelInfo info_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ngb::vision
