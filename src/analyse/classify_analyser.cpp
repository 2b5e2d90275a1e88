#include "analyse/classify_analyser.h"

#include <cstdio>

#include "analyse/chat_analyser.h"
#include "image/decode.h"
#include "image/orient.h"

namespace ngb::analyse {
namespace {

constexpr std::array<const char*, vision::kNsfwClassCount> kScoreKeys = {
    "classify.drawing", "classify.hentai", "classify.neutral", "classify.porn", "classify.sexy"};

std::string Fixed4(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

// At most `max` bytes of `s`, never ending inside a UTF-8 sequence.
std::string CutUtf8(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<uint8_t>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

bool SkipByMatch(const ItemRecord& item) {
  for (const HashMatch& m : item.matches) {
    if (m.kind == "alert" || m.kind == "known-good") return true;
  }
  return false;
}

vision::ImageSignalsOptions SignalOptions(const ClassifyShared& shared) {
  vision::ImageSignalsOptions o;
  o.faces = shared.settings().faces;
  o.ocr = shared.settings().ocr;
  if (const LazyChatModels* chat = shared.settings().chat) o.chat_models = [chat] { return chat->Get(); };
  o.on_skip = [&shared](std::string_view what, const Status& why) { shared.NoteSkipped(what, why); };
  return o;
}

}  // namespace

double ClassifyPriority(const vision::NsfwScores& s, int faces) {
  return s.p[vision::kPorn] + s.p[vision::kHentai] + 0.5 * s.p[vision::kSexy] + (faces > 0 ? 0.1 : 0.0);
}

void ClassifyShared::NoteSkipped(std::string_view what, const Status& why) const {
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& [w, reason] : skipped_) {
    if (w == what) return;
  }
  skipped_.emplace_back(std::string(what), why.ToString());
}

std::vector<std::string> ClassifyShared::Skipped() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::string> out;
  for (const auto& [what, reason] : skipped_) out.push_back(what + " skipped: " + reason);
  return out;
}

// The models of one worker thread: the classifier (loaded on first use) and faces/OCR.
class ClassifyEngine {
 public:
  explicit ClassifyEngine(const ClassifyShared& shared) : shared_(shared), signals(SignalOptions(shared)) {}

  vision::NsfwClassifier* Classifier() {
    if (classifier_ || failed_) return classifier_.get();
    // One OpenCV thread: the scan's workers are the parallelism.
    Result<std::unique_ptr<vision::NsfwClassifier>> c =
        vision::NsfwClassifier::Load(shared_.settings().model, shared_.settings().models_dir, 1);
    if (!c.ok()) {
      failed_ = true;
      shared_.NoteSkipped("classification", c.status());
      return nullptr;
    }
    classifier_ = std::move(*c);
    const vision::NsfwModelInfo& info = classifier_->info();
    model_text = info.name + " " + info.version + " sha256:" + info.sha256;
    return classifier_.get();
  }

 private:
  const ClassifyShared& shared_;
  std::unique_ptr<vision::NsfwClassifier> classifier_;
  bool failed_ = false;

 public:
  std::string model_text;  // classify.model
  vision::ImageSignals signals;
};

ClassifyShared::ClassifyShared(ClassifySettings settings) : settings_(std::move(settings)) {}
ClassifyShared::~ClassifyShared() = default;

ClassifyEngine& ClassifyShared::ForThisThread() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::unique_ptr<ClassifyEngine>& e = engines_[std::this_thread::get_id()];
  if (!e) e = std::make_unique<ClassifyEngine>(*this);
  return *e;
}

void ClassifyAnalyser::Begin(const ItemRecord& item, source::RandomAccess* content) {
  bytes_.Begin(content, item.size.value_or(0));
}

void ClassifyAnalyser::Consume(std::span<const uint8_t> chunk) { bytes_.Consume(chunk); }

void ClassifyAnalyser::Finish(ItemRecord& item, bool complete) {
  if (!complete || !bytes_.IsImage() || SkipByMatch(item)) {
    bytes_.Release();
    return;
  }
  Result<std::span<const uint8_t>> bytes = bytes_.Take();
  if (!bytes.ok()) {
    item.attrs.emplace_back("classify.error", bytes.status().ToString());
    bytes_.Release();
    return;
  }
  // One decode for all signals: JPEGs are DCT-scaled to >= 1000 px (faces and lettering need no
  // more); the classifier then resizes to 224 as nsfwjs does.
  image::DecodeOptions d;
  d.min_side = 1000;
  d.max_pixels = shared_.settings().max_pixels;
  Result<image::DecodedImage> img = image::DecodeImage(*bytes, d);
  bytes_.Release();
  if (!img.ok()) {
    item.attrs.emplace_back("classify.error", img.status().ToString());
    return;
  }
  image::ApplyExifOrientation(*img);  // scores, faces and OCR on the picture as it is shown
  // Icons and thumbnails: a 16 px image upscaled to 224 px is far from what the models were
  // trained on (docs/image-classifier.md: most icon false positives), and too small for faces or text.
  if (img->orig_width < kMinClassifySide || img->orig_height < kMinClassifySide) return;
  ClassifyEngine& engine = shared_.ForThisThread();
  vision::ImageSignalsResult signals = engine.signals.Run(*img, item.path);
  const int faces = signals.faces ? static_cast<int>(signals.faces->size()) : -1;
  if (vision::NsfwClassifier* c = engine.Classifier()) {
    Result<vision::NsfwScores> s = c->ClassifyPixels(img->pixels, img->width, img->height, img->channels);
    if (s.ok()) {
      item.attrs.emplace_back("classify.model", engine.model_text);
      for (int k = 0; k < vision::kNsfwClassCount; ++k) item.attrs.emplace_back(kScoreKeys[k], Fixed4(s->p[k]));
      item.attrs.emplace_back("classify.priority", Fixed4(ClassifyPriority(*s, faces)));
    } else {
      item.attrs.emplace_back("classify.error", s.status().ToString());
    }
  }
  if (faces >= 0) item.attrs.emplace_back("faces.count", std::to_string(faces));
  if (faces > 0) {
    vision::ToShownPixels(*img, *signals.faces);
    item.attrs.emplace_back("faces.boxes", vision::FaceBoxesText(*signals.faces));
  }
  if (signals.text) item.attrs.emplace_back("ocr.text", CutUtf8(*signals.text, kMaxOcrTextBytes));
  if (signals.conversation && !signals.conversation->risk.findings.empty()) {
    item.conversations.push_back(ToRecord(*signals.conversation));
  }
}

}  // namespace ngb::analyse
