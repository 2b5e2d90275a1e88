// nigehbaan-vision.so: the VisionBackend (vision/backend.h) on OpenCV and Tesseract. The only code
// that includes their headers; built as a module of its own (src/CMakeLists.txt) and linked with
// -z defs, so it uses nothing from the executable but header-only structs.
#include <tesseract/baseapi.h>

#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/core/ocl.hpp>
#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include "vision/backend.h"

namespace ngb::vision {
namespace {

bool Fail(BackendFailure& failure, std::string code, std::string detail) {
  failure.code = std::move(code);
  failure.detail = std::move(detail);
  return false;
}

// Grey (CV_8UC1) pixels of `image` (1 or 3 channels): a view onto image.pixels when already grey,
// else a converted copy; empty when there are no (or too few) pixels. May throw cv::Exception.
cv::Mat GreyMat(const image::DecodedImage& image) {
  // Every face and OCR pass starts here. CPU only, on every thread (OpenCV keeps the switch per
  // thread): results must not depend on a GPU driver, and probing for OpenCL dlopens the ICD
  // loader, whose thread-local storage crashes LeakSanitizer's scan of the threads at exit.
  cv::ocl::setUseOpenCL(false);
  if (image.width <= 0 || image.height <= 0 || (image.channels != 1 && image.channels != 3) ||
      image.pixels.size() < static_cast<size_t>(image.width) * image.height * image.channels)
    return {};
  // A view onto the caller's pixels (no copy); nothing here writes to it.
  cv::Mat src(image.height, image.width, image.channels == 1 ? CV_8UC1 : CV_8UC3,
              const_cast<uint8_t*>(image.pixels.data()), static_cast<size_t>(image.width) * image.channels);
  if (image.channels == 1) return src;
  cv::Mat grey;
  cv::cvtColor(src, grey, cv::COLOR_RGB2GRAY);
  return grey;
}

class OpenCvNet final : public NetBackend {
 public:
  explicit OpenCvNet(cv::dnn::Net net) : net_(std::move(net)) {}

  bool Forward(const float* in, int n, int side, std::vector<float>& out, BackendFailure& failure) override {
    try {
      cv::ocl::setUseOpenCL(false);  // CPU only, on every thread (see GreyMat)
      const int dims[4] = {n, 3, side, side};
      // cv::Mat over the caller's buffer: no copy (setInput copies into the network anyway).
      cv::Mat blob(4, dims, CV_32F, const_cast<float*>(in));
      net_.setInput(blob);
      cv::Mat result = net_.forward();
      if (result.type() != CV_32F) return Fail(failure, "inference_failed", "unexpected output type");
      if (!result.isContinuous()) result = result.clone();
      const float* p = result.ptr<float>();
      out.assign(p, p + result.total());
      return true;
    } catch (const cv::Exception& e) {
      return Fail(failure, "inference_failed", e.what());
    }
  }

 private:
  cv::dnn::Net net_;
};

class OpenCvFaces final : public FaceBackend {
 public:
  explicit OpenCvFaces(cv::CascadeClassifier cascade) : cascade_(std::move(cascade)) {}

  bool Detect(const image::DecodedImage& image, const FaceOptions& options, std::vector<FaceBox>& faces,
              BackendFailure& failure) override {
    try {
      cv::Mat grey = GreyMat(image);
      if (grey.empty()) return Fail(failure, "image_empty", "no pixels in the image");
      const int longer = std::max(image.width, image.height);
      const double scale = longer > options.max_side ? static_cast<double>(options.max_side) / longer : 1.0;
      cv::Mat small;
      if (scale < 1.0) cv::resize(grey, small, cv::Size(), scale, scale, cv::INTER_AREA);
      else small = grey;
      cv::Mat equalised;
      cv::equalizeHist(small, equalised);
      const int shorter = std::min(equalised.cols, equalised.rows);
      const int min_side = std::max(20, static_cast<int>(std::lround(shorter * options.min_face_fraction)));
      std::vector<cv::Rect> found;
      cascade_.detectMultiScale(equalised, found, options.scale_factor, options.min_neighbors, 0,
                                cv::Size(min_side, min_side));
      faces.clear();
      faces.reserve(found.size());
      for (const cv::Rect& r : found) {
        faces.push_back({static_cast<int>(std::lround(r.x / scale)), static_cast<int>(std::lround(r.y / scale)),
                         static_cast<int>(std::lround(r.width / scale)),
                         static_cast<int>(std::lround(r.height / scale))});
      }
      return true;
    } catch (const std::exception& e) {  // cv::Exception is one
      return Fail(failure, "face_detect_failed", e.what());
    }
  }

 private:
  cv::CascadeClassifier cascade_;
};

class TesseractReader final : public OcrBackend {
 public:
  explicit TesseractReader(const OcrOptions& options) : options_(options) {}
  ~TesseractReader() override { api_.End(); }

  bool Init(BackendFailure& failure) {
    // Tesseract prints warnings ("Invalid resolution", "Empty page") to stderr; keep them out of
    // the user's terminal and JSON streams.
    api_.SetVariable("debug_file", "/dev/null");
    const char* datapath = options_.tessdata_dir.empty() ? nullptr : options_.tessdata_dir.c_str();
    if (api_.Init(datapath, options_.languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0)
      return Fail(failure, "model_missing",
                  "Tesseract could not load the language data '" + options_.languages +
                      "' (Debian packages tesseract-ocr-eng, tesseract-ocr-urd)");
    api_.SetPageSegMode(tesseract::PSM_AUTO);
    return true;
  }

  std::string Version() const override { return tesseract::TessBaseAPI::Version(); }

  bool Read(const image::DecodedImage& image, OcrText& out, BackendFailure& failure) override {
    try {
      cv::Mat grey = GreyMat(image);
      if (grey.empty()) return Fail(failure, "image_empty", "no pixels in the image");
      const int longer = std::max(image.width, image.height);
      double scale = 1.0;
      if (longer < options_.min_side) scale = static_cast<double>(options_.min_side) / longer;
      else if (longer > options_.max_side) scale = static_cast<double>(options_.max_side) / longer;
      cv::Mat page;
      if (scale != 1.0) cv::resize(grey, page, cv::Size(), scale, scale, scale > 1 ? cv::INTER_CUBIC : cv::INTER_AREA);
      else page = grey;
      if (!page.isContinuous()) page = page.clone();

      api_.SetImage(page.data, page.cols, page.rows, 1, static_cast<int>(page.step));
      api_.SetSourceResolution(96);  // screenshots have no dpi; 96 keeps Tesseract from guessing
      std::unique_ptr<char[]> text(api_.GetUTF8Text());
      out = OcrText{};
      if (text) out.text = text.get();
      out.mean_confidence = std::clamp(api_.MeanTextConf(), 0, 100);
      api_.Clear();
      return true;
    } catch (const std::exception& e) {
      api_.Clear();
      return Fail(failure, "ocr_failed", e.what());
    }
  }

 private:
  tesseract::TessBaseAPI api_;
  OcrOptions options_;
};

class OpenCvBackend final : public VisionBackend {
 public:
  std::unique_ptr<NetBackend> LoadOnnx(const std::string& onnx, int threads, BackendFailure& failure) const override {
    try {
      if (threads > 0) cv::setNumThreads(threads);
      cv::dnn::Net net = cv::dnn::readNetFromONNX(onnx.data(), onnx.size());
      net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
      net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
      return std::make_unique<OpenCvNet>(std::move(net));
    } catch (const cv::Exception& e) {
      Fail(failure, "model_invalid", e.what());
      return nullptr;
    }
  }

  std::unique_ptr<FaceBackend> LoadCascade(const std::string& path, BackendFailure& failure) const override {
    try {
      cv::CascadeClassifier cascade;
      if (!cascade.load(path) || cascade.empty()) {
        Fail(failure, "model_invalid", "OpenCV could not read the face cascade " + path);
        return nullptr;
      }
      return std::make_unique<OpenCvFaces>(std::move(cascade));
    } catch (const cv::Exception& e) {
      Fail(failure, "model_invalid", e.what());
      return nullptr;
    }
  }

  std::unique_ptr<OcrBackend> LoadOcr(const OcrOptions& options, BackendFailure& failure) const override {
    auto reader = std::make_unique<TesseractReader>(options);
    if (!reader->Init(failure)) return nullptr;
    return reader;
  }
};

}  // namespace
}  // namespace ngb::vision

extern "C" __attribute__((visibility("default"))) const ngb::vision::VisionBackend* ngb_vision_backend_v1() {
  static const ngb::vision::OpenCvBackend backend;
  return &backend;
}
