// ImageSignals: the review signals of one image besides the classifier's scores — frontal faces
// (FaceDetector), OCR text of images that look like screenshots (ScoreScreenshot + TextReader)
// and what the chat risk detectors make of that text (AnalyseOcrText). Shared by
// `nigehbaan classify` and the scan's ClassifyAnalyser so both combine them the same way.
//
// Each part is loaded on first use; a part that cannot be loaded (no cascade file, no Tesseract
// data, no chat models) is reported once through `on_skip` and then left out (its result stays
// unset), so the other parts still run.
//
// Ownership and thread-safety: one ImageSignals per thread (it owns a FaceDetector and a
// TextReader, neither safe for concurrent use). `chat_models` and `on_skip` are called from the
// owning thread only. Never throws.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chat/analyze.h"
#include "core/status.h"
#include "image/decode.h"
#include "vision/faces.h"
#include "vision/ocr.h"

namespace ngb::vision {

enum class OcrMode { kOff, kAuto, kAlways };  // kAuto: images ScoreScreenshot finds text_like

struct ImageSignalsOptions {
  bool faces = true;
  OcrMode ocr = OcrMode::kAuto;
  // The chat models for the OCR text; null function or an error: the text is not analysed.
  std::function<Result<const chat::ChatModels*>()> chat_models;
  // Called once per part that cannot be loaded: what ("face detection", "OCR", "chat detectors
  // on OCR text") and why.
  std::function<void(std::string_view what, const Status& why)> on_skip;
};

struct ImageSignalsResult {
  std::optional<std::vector<FaceBox>> faces;  // in the decoded image's pixels; unset: not run
  std::optional<std::string> text;            // OCR text; unset: not read
  // The OCR text as a conversation and its risk; unset when there is no text or no chat models.
  std::optional<chat::AnalyzedConversation> conversation;
};

class ImageSignals {
 public:
  explicit ImageSignals(ImageSignalsOptions options);
  ~ImageSignals();
  ImageSignals(const ImageSignals&) = delete;
  ImageSignals& operator=(const ImageSignals&) = delete;

  // Signals of already decoded pixels (1 or 3 channels). `source` names the image in the
  // conversation (its provenance path, or "").
  ImageSignalsResult Run(const image::DecodedImage& image, const std::string& source = {});
  // Decodes `bytes` (JPEG scaled down to >= 1000 px, enough for faces and lettering) and runs the
  // above; face boxes are scaled back to the stored image size. A decode error gives an empty
  // result (the classifier reports it).
  ImageSignalsResult Run(std::span<const uint8_t> bytes, const std::string& source = {});

  bool active() const { return options_.faces || options_.ocr != OcrMode::kOff; }

 private:
  const chat::ChatModels* LoadChat();

  ImageSignalsOptions options_;
  std::unique_ptr<FaceDetector> faces_;
  std::unique_ptr<TextReader> ocr_;
  const chat::ChatModels* chat_ = nullptr;
  bool faces_failed_ = false, ocr_failed_ = false, chat_failed_ = false;
};

// Scales boxes found in `image`'s decoded pixels (a JPEG may be decoded DCT-scaled) to the
// picture as shown: its stored size, turned upright by its EXIF orientation.
void ToShownPixels(const image::DecodedImage& image, std::vector<FaceBox>& boxes);
// "[[x,y,width,height],...]" (JSON), largest first as found: the `faces.boxes` item attribute.
std::string FaceBoxesText(const std::vector<FaceBox>& boxes);

// "auto" | "always" | "off" (nullopt otherwise).
std::optional<OcrMode> ParseOcrMode(std::string_view s);

}  // namespace ngb::vision
