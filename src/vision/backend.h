// The vision backend: everything that needs OpenCV or Tesseract, behind a narrow interface, in a
// module of its own (nigehbaan-vision.so, built from src/vision/opencv/) that is loaded the first
// time a classifier, face detector or OCR reader is loaded.
//
// Why a module: OpenCV, Tesseract and the ~40 libraries they pull in cost every process ~30 ms
// to map and relocate, and only `classify` and `scan --classify` use them. Every other command
// (scan, text classify, chat analyze, serve ...) now starts without them.
//
// The interface passes plain data only (std types and the header-only structs of faces.h, ocr.h
// and image/decode.h), so the module needs nothing from the executable: it is linked with
// -z defs against OpenCV and Tesseract alone (except in sanitizer builds).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "image/decode.h"
#include "vision/faces.h"
#include "vision/ocr.h"

namespace ngb::vision {

// A failure inside the module: a reason code (as in Status) and its detail.
struct BackendFailure {
  std::string code;
  std::string detail;
};

// A loaded ONNX network.
class NetBackend {
 public:
  virtual ~NetBackend() = default;
  // Runs the network on `n` NCHW float inputs of 3 x side x side, one after another in `in`.
  // On success `out` holds the network's output floats (n x outputs). Failure: "inference_failed".
  virtual bool Forward(const float* in, int n, int side, std::vector<float>& out, BackendFailure& failure) = 0;
};

// A loaded face cascade.
class FaceBackend {
 public:
  virtual ~FaceBackend() = default;
  // Faces in `image` (1 or 3 channels) in its own pixels, in the cascade's order.
  // Failures: "image_empty", "face_detect_failed".
  virtual bool Detect(const image::DecodedImage& image, const FaceOptions& options, std::vector<FaceBox>& faces,
                      BackendFailure& failure) = 0;
};

// A Tesseract engine with its language data loaded.
class OcrBackend {
 public:
  virtual ~OcrBackend() = default;
  // Failures: "image_empty", "ocr_failed".
  virtual bool Read(const image::DecodedImage& image, OcrText& text, BackendFailure& failure) = 0;
  virtual std::string Version() const = 0;  // Tesseract's version string
};

class VisionBackend {
 public:
  virtual ~VisionBackend() = default;
  // `onnx`: the model file's bytes. `threads` > 0 sets OpenCV's (process-wide) thread count.
  // Failure: "model_invalid".
  virtual std::unique_ptr<NetBackend> LoadOnnx(const std::string& onnx, int threads, BackendFailure& failure) const = 0;
  // Failure: "model_invalid".
  virtual std::unique_ptr<FaceBackend> LoadCascade(const std::string& path, BackendFailure& failure) const = 0;
  // Failure: "model_missing" (language data).
  virtual std::unique_ptr<OcrBackend> LoadOcr(const OcrOptions& options, BackendFailure& failure) const = 0;
};

// The module's entry point (extern "C", so dlsym finds it by this name). Bump the suffix when the
// interface above changes: an old module is then refused instead of called wrongly.
inline constexpr const char* kVisionBackendEntry = "ngb_vision_backend_v1";

// Loads the module once per process (later calls return the same result). Looked for at
// $NGB_VISION_MODULE when set (only there), else beside the running executable, then in the build
// folder it was built in. Error: "vision_module_missing" naming what was tried and why it failed.
Result<const VisionBackend*> LoadVisionBackend();

// A Status from a module failure.
Status ToStatus(const BackendFailure& failure);

}  // namespace ngb::vision
