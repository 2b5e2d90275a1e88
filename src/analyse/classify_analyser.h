// ClassifyAnalyser (`scan --classify`): review signals for images that matched no alert or
// known-good hash set — the nsfwjs classifier's five scores, a frontal-face count and the OCR text
// of screenshot-like images (vision::ImageSignals, as `nigehbaan classify` computes them). The
// scores are a REVIEW ORDER, never a finding (docs/image-classifier.md).
//
// Recorded as item attributes (table item_attrs):
//   classify.model     "<name> <version> sha256:<digest of the ONNX file>"
//   classify.drawing, classify.hentai, classify.neutral, classify.porn, classify.sexy  (4 decimals)
//   classify.priority  ClassifyPriority() below: the review queue orders unknown images by it
//   faces.count        frontal faces found (when face detection ran)
//   faces.boxes        "[[x,y,width,height],...]" in the shown picture's pixels (when faces > 0)
//   ocr.text           OCR text, cut at kMaxOcrTextBytes on a UTF-8 boundary (when OCR ran)
//   classify.error     why this image could not be classified (decode error, too large, ...)
// OCR text that trips the chat risk detectors is added as a conversation of the item (with its
// findings), so it joins the case's chat findings.
//
// Registered after HashMatchAnalyser (it reads item.matches). Files with random access are read
// back in Finish(); streamed members are buffered up to kMaxClassifyImageBytes. The models are
// loaded lazily, once per worker THREAD (ClassifyShared::ForThisThread: a worker runs 16
// ItemProcessors, each with its own analysers, and must not load 16 models), on the thread's first
// image, so a scan without images never loads anything; a part that cannot be loaded is noted once
// in ClassifyShared and skipped.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "analyse/analyser.h"
#include "analyse/image_bytes.h"
#include "vision/image_signals.h"
#include "vision/model_files.h"
#include "vision/nsfw_classifier.h"

namespace ngb::analyse {

inline constexpr size_t kMaxOcrTextBytes = 4096;
inline constexpr uint64_t kMaxClassifyImageBytes = 256ull << 20;
inline constexpr int kMinClassifySide = 64;  // smaller images (icons) get no attributes at all

// The documented review priority: porn + hentai + 0.5 * sexy, plus 0.1 when faces were found
// (0 .. 1.1; higher is reviewed first). `faces` < 0: face detection did not run.
double ClassifyPriority(const vision::NsfwScores& scores, int faces);

struct ClassifySettings {
  std::string models_dir;                  // vision::ResolveModelsDir's answer
  std::string model{vision::kDefaultScanNsfwModel};
  bool faces = true;
  vision::OcrMode ocr = vision::OcrMode::kAuto;
  const LazyChatModels* chat = nullptr;    // null: OCR text is stored but not analysed
  uint64_t max_pixels = 64'000'000;        // stored width*height beyond this: classify.error
};

class ClassifyEngine;  // the models of one thread (classify_analyser.cpp)

// One per scan, shared by every worker's ClassifyAnalysers. Thread-safe.
class ClassifyShared {
 public:
  explicit ClassifyShared(ClassifySettings settings);
  ~ClassifyShared();
  const ClassifySettings& settings() const { return settings_; }
  // Notes that `what` ("classification", "face detection", "OCR", ...) was skipped and why; only
  // the first note per part is kept.
  void NoteSkipped(std::string_view what, const Status& why) const;
  // "<what> skipped: <reason>: <detail>" lines, in the order first met.
  std::vector<std::string> Skipped() const;
  // The calling thread's engine (created on first use; lives as long as this object). Only that
  // thread may use it.
  ClassifyEngine& ForThisThread() const;

 private:
  const ClassifySettings settings_;
  mutable std::mutex mu_;
  mutable std::vector<std::pair<std::string, std::string>> skipped_;
  mutable std::map<std::thread::id, std::unique_ptr<ClassifyEngine>> engines_;
};

class ClassifyAnalyser : public Analyser {
 public:
  explicit ClassifyAnalyser(const ClassifyShared& shared) : shared_(shared), bytes_(kMaxClassifyImageBytes) {}
  AnalyserInfo Describe() const override { return {"classify", "1"}; }
  void Begin(const ItemRecord& item, source::RandomAccess* content) override;
  void Consume(std::span<const uint8_t> chunk) override;
  void Finish(ItemRecord& item, bool complete) override;

 private:
  const ClassifyShared& shared_;
  ImageBytes bytes_;
};

}  // namespace ngb::analyse
