#include "vision/ocr.h"

#include <tesseract/baseapi.h>

#include <algorithm>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "vision/grey_mat.h"

namespace ngb::vision {

struct TextReader::Impl {
  tesseract::TessBaseAPI api;
  OcrOptions options;
};

TextReader::TextReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TextReader::~TextReader() {
  if (impl_) impl_->api.End();
}

Result<std::unique_ptr<TextReader>> TextReader::Load(const OcrOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  // Tesseract prints warnings ("Invalid resolution", "Empty page") to stderr; keep them out of
  // the user's terminal and JSON streams.
  impl->api.SetVariable("debug_file", "/dev/null");
  const char* datapath = options.tessdata_dir.empty() ? nullptr : options.tessdata_dir.c_str();
  if (impl->api.Init(datapath, options.languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0)
    return Status::Error("model_missing", "Tesseract could not load the language data '" + options.languages +
                                              "' (Debian packages tesseract-ocr-eng, tesseract-ocr-urd)");
  impl->api.SetPageSegMode(tesseract::PSM_AUTO);
  return std::unique_ptr<TextReader>(new TextReader(std::move(impl)));
}

std::string TextReader::version() const {
  return std::string("tesseract ") + tesseract::TessBaseAPI::Version() + " " + impl_->options.languages;
}

Result<OcrText> TextReader::Read(const image::DecodedImage& image) {
  try {
    Result<cv::Mat> grey_or = GreyMat(image);
    if (!grey_or.ok()) return grey_or.status();
    const cv::Mat& grey = *grey_or;
    const int longer = std::max(image.width, image.height);
    double scale = 1.0;
    if (longer < impl_->options.min_side) scale = static_cast<double>(impl_->options.min_side) / longer;
    else if (longer > impl_->options.max_side) scale = static_cast<double>(impl_->options.max_side) / longer;
    cv::Mat page;
    if (scale != 1.0) cv::resize(grey, page, cv::Size(), scale, scale, scale > 1 ? cv::INTER_CUBIC : cv::INTER_AREA);
    else page = grey;
    if (!page.isContinuous()) page = page.clone();

    tesseract::TessBaseAPI& api = impl_->api;
    api.SetImage(page.data, page.cols, page.rows, 1, static_cast<int>(page.step));
    api.SetSourceResolution(96);  // screenshots have no dpi; 96 keeps Tesseract from guessing
    std::unique_ptr<char[]> text(api.GetUTF8Text());
    OcrText out;
    if (text) out.text = text.get();
    out.mean_confidence = std::clamp(api.MeanTextConf(), 0, 100);
    api.Clear();
    while (!out.text.empty() && (out.text.back() == '\n' || out.text.back() == ' ')) out.text.pop_back();
    return out;
  } catch (const std::exception& e) {
    impl_->api.Clear();
    return Status::Error("ocr_failed", e.what());
  }
}

}  // namespace ngb::vision
