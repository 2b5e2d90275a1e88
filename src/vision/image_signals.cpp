#include "vision/image_signals.h"

#include "image/orient.h"
#include "vision/ocr_findings.h"
#include "vision/screenshot.h"

namespace ngb::vision {
namespace {

// Loads `slot` on first use; a failure is reported once and remembered.
template <typename T, typename LoadFn>
T* LoadOnce(std::unique_ptr<T>& slot, bool& failed, LoadFn load, std::string_view what,
            const ImageSignalsOptions& options) {
  if (slot || failed) return slot.get();
  Result<std::unique_ptr<T>> r = load();
  if (r.ok()) {
    slot = std::move(*r);
  } else {
    failed = true;
    if (options.on_skip) options.on_skip(what, r.status());
  }
  return slot.get();
}

}  // namespace

std::optional<OcrMode> ParseOcrMode(std::string_view s) {
  if (s == "auto") return OcrMode::kAuto;
  if (s == "always") return OcrMode::kAlways;
  if (s == "off") return OcrMode::kOff;
  return std::nullopt;
}

ImageSignals::ImageSignals(ImageSignalsOptions options) : options_(std::move(options)) {}
ImageSignals::~ImageSignals() = default;

const chat::ChatModels* ImageSignals::LoadChat() {
  if (chat_ || chat_failed_ || !options_.chat_models) return chat_;
  Result<const chat::ChatModels*> r = options_.chat_models();
  if (r.ok() && *r) {
    chat_ = *r;
  } else {
    chat_failed_ = true;
    if (options_.on_skip) {
      options_.on_skip("chat detectors on OCR text", r.ok() ? Status::Error("chat_models_unavailable", "") : r.status());
    }
  }
  return chat_;
}

ImageSignalsResult ImageSignals::Run(const image::DecodedImage& image, const std::string& source) {
  ImageSignalsResult out;
  if (image.width <= 0 || image.height <= 0) return out;
  if (options_.faces &&
      LoadOnce(faces_, faces_failed_, [] { return FaceDetector::Load(); }, "face detection", options_)) {
    Result<std::vector<FaceBox>> found = faces_->Detect(image);
    if (found.ok()) out.faces = std::move(*found);
  }
  const bool read = options_.ocr == OcrMode::kAlways ||
                    (options_.ocr == OcrMode::kAuto && ScoreScreenshot(image).text_like);
  if (read && LoadOnce(ocr_, ocr_failed_, [] { return TextReader::Load(); }, "OCR", options_)) {
    Result<OcrText> text = ocr_->Read(image);
    if (text.ok()) {
      if (!text->text.empty()) {
        if (const chat::ChatModels* models = LoadChat()) out.conversation = AnalyseOcrText(text->text, source, *models);
      }
      out.text = std::move(text->text);
    }
  }
  return out;
}

ImageSignalsResult ImageSignals::Run(std::span<const uint8_t> bytes, const std::string& source) {
  if (!active()) return {};
  image::DecodeOptions options;
  options.min_side = 1000;  // JPEG DCT scaling down to >= 1000 px: enough for faces and lettering
  Result<image::DecodedImage> img = image::DecodeImage(bytes, options);
  if (!img.ok()) return {};
  image::ApplyExifOrientation(*img);  // faces and lettering upright; boxes in the shown picture
  ImageSignalsResult out = Run(*img, source);
  if (out.faces) ToShownPixels(*img, *out.faces);
  return out;
}

void ToShownPixels(const image::DecodedImage& image, std::vector<FaceBox>& boxes) {
  if (image.width <= 0 || image.height <= 0) return;
  const double sx = image.orig_width > 0 ? static_cast<double>(image.orig_width) / image.width : 1.0;
  const double sy = image.orig_height > 0 ? static_cast<double>(image.orig_height) / image.height : 1.0;
  for (FaceBox& b : boxes) {
    b = {static_cast<int>(b.x * sx), static_cast<int>(b.y * sy), static_cast<int>(b.width * sx),
         static_cast<int>(b.height * sy)};
  }
}

std::string FaceBoxesText(const std::vector<FaceBox>& boxes) {
  std::string out = "[";
  for (const FaceBox& b : boxes) {
    if (out.size() > 1) out += ',';
    out += '[' + std::to_string(b.x) + ',' + std::to_string(b.y) + ',' + std::to_string(b.width) + ',' +
           std::to_string(b.height) + ']';
  }
  return out + ']';
}

}  // namespace ngb::vision
