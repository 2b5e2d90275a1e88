// TextReader: optical character recognition with Tesseract (Debian's libtesseract and its
// tesseract-ocr-eng / tesseract-ocr-urd language data), for screenshots of chats and threats.
// OCR costs tenths of a second to seconds per image, so callers run it on images that look like
// screenshots or carry text (vision/screenshot.h), not on every photo.
//
// Thread-safety: one TextReader per thread (a Tesseract engine keeps page state). Never throws.
#pragma once
#include <memory>
#include <string>

#include "core/status.h"
#include "image/decode.h"

namespace ngb::vision {

struct OcrOptions {
  std::string languages = "eng";  // Tesseract's "eng", "eng+urd", ...
  std::string tessdata_dir;       // empty: Tesseract's default (Debian: /usr/share/tesseract-ocr/5/tessdata)
  int min_side = 900;             // smaller images are enlarged (Tesseract reads ~20 px letters best)
  int max_side = 4000;            // larger ones are shrunk (time grows with the pixel count)
};

struct OcrText {
  std::string text;        // UTF-8, lines separated by '\n', trailing blank lines trimmed
  int mean_confidence = 0; // Tesseract's mean word confidence, 0..100
};

class TextReader {
 public:
  // Errors: "model_missing" (the language data cannot be loaded; names the package to install).
  static Result<std::unique_ptr<TextReader>> Load(const OcrOptions& options = {});
  ~TextReader();
  TextReader(const TextReader&) = delete;
  TextReader& operator=(const TextReader&) = delete;

  // The text in `image` (1 or 3 channels). Errors: "image_empty", "ocr_failed".
  Result<OcrText> Read(const image::DecodedImage& image);

  // "tesseract <version> <languages>", for recording with results.
  std::string version() const;

 private:
  struct Impl;
  explicit TextReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ngb::vision
