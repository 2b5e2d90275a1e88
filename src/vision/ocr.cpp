#include "vision/ocr.h"

#include "vision/backend.h"

namespace ngb::vision {

struct TextReader::Impl {
  std::unique_ptr<OcrBackend> engine;
  OcrOptions options;
};

TextReader::TextReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TextReader::~TextReader() = default;

Result<std::unique_ptr<TextReader>> TextReader::Load(const OcrOptions& options) {
  Result<const VisionBackend*> backend = LoadVisionBackend();
  if (!backend.ok()) return backend.status();
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  BackendFailure failure;
  impl->engine = (*backend)->LoadOcr(options, failure);
  if (!impl->engine) return ToStatus(failure);
  return std::unique_ptr<TextReader>(new TextReader(std::move(impl)));
}

std::string TextReader::version() const {
  return "tesseract " + impl_->engine->Version() + " " + impl_->options.languages;
}

Result<OcrText> TextReader::Read(const image::DecodedImage& image) {
  OcrText out;
  BackendFailure failure;
  if (!impl_->engine->Read(image, out, failure)) return ToStatus(failure);
  while (!out.text.empty() && (out.text.back() == '\n' || out.text.back() == ' ')) out.text.pop_back();
  return out;
}

}  // namespace ngb::vision
