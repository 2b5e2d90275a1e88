// `nigehbaan classify [--json] [--model mobilenet_v2|mobilenet_v2_mid] [--models DIR] FILE...`:
// the explicit-content classifier's scores per image (docs/image-classifier.md), for scripting.
// Scores are a review order for a human, never a finding.
//   --json: one object per line per file, in input order:
//     {"path","model","scores":{"Drawing","Hentai","Neutral","Porn","Sexy"},"faces","text","error"}
//     "faces": frontal faces found (null when face detection was off, unavailable or failed),
//     "text": OCR text of images that look like screenshots or carry text (null when not read);
//     extensions: "face_boxes" [[x,y,width,height]...] in stored-image pixels, "text_findings"
//     [{"label","score","offender"}...] when the OCR text trips the chat risk detectors.
//     Scores are null on error.
//   otherwise a table: the five scores (4 decimals), then the path (and the error, if any).
// Exit codes: 0 all classified; 1 some files could not be (their lines carry the error); 2 usage
// or fatal (unknown model, models not built: the message says to run scripts/fetch-models.sh).
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/provenance.h"
#include "chat/analyze.h"
#include "chat/risk/labels.h"
#include "image/decode.h"
#include "analyse/chat_analyser.h"
#include "vision/image_signals.h"
#include "vision/model_files.h"
#include "vision/nsfw_classifier.h"
#include "vision/read_file.h"

namespace ngb::cli {
namespace {

nlohmann::ordered_json Json(const std::string& path, const std::string& model, const Result<vision::NsfwScores>& r,
                            const vision::ImageSignalsResult& extras) {
  nlohmann::ordered_json j;
  j["path"] = DisplayPath(path);
  j["model"] = model;
  if (r.ok()) {
    nlohmann::ordered_json s;
    for (int k = 0; k < vision::kNsfwClassCount; ++k) s[std::string(vision::kNsfwClassNames[k])] = r->p[k];
    j["scores"] = s;
  } else {
    j["scores"] = nullptr;
  }
  j["faces"] = extras.faces ? nlohmann::ordered_json(extras.faces->size()) : nlohmann::ordered_json(nullptr);
  j["text"] = extras.text ? nlohmann::ordered_json(*extras.text) : nlohmann::ordered_json(nullptr);
  j["error"] = r.ok() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.status().ToString());
  if (extras.faces) {
    nlohmann::ordered_json boxes = nlohmann::ordered_json::array();
    for (const vision::FaceBox& b : *extras.faces) boxes.push_back({b.x, b.y, b.width, b.height});
    j["face_boxes"] = boxes;
  }
  if (extras.conversation && !extras.conversation->risk.findings.empty()) {
    nlohmann::ordered_json found = nlohmann::ordered_json::array();
    for (const chat::LabelFinding& f : extras.conversation->risk.findings)
      found.push_back({{"label", chat::LabelName(f.label)}, {"score", f.score}, {"offender", f.offender}});
    j["text_findings"] = found;
  }
  return j;
}

}  // namespace

void AddClassifyCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    std::vector<std::string> files;
    bool json = false;
    std::string model{vision::kDefaultNsfwModel};
    std::string models_dir;
    bool fast = false;
    bool no_faces = false;
    std::string ocr = "auto";
  };
  auto f = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand(
      "classify", "Explicit-content scores of images (nsfwjs models): a review order, never a finding");
  cmd->add_option("FILE", f->files, "Image files")->required();
  cmd->add_flag("--json", f->json, "One JSON object per line per file");
  cmd->add_option("--model", f->model, "mobilenet_v2 (default) or mobilenet_v2_mid");
  cmd->add_option("--models", f->models_dir,
                  "Folder with the ONNX models (default: $NGB_MODELS, models/ next to the binary, "
                  "~/.cache/nigehbaan/models)");
  cmd->add_flag("--fast", f->fast, "Decode big JPEGs at 1/2..1/8 size (faster; scores differ slightly)");
  cmd->add_flag("--no-faces", f->no_faces, "Do not count faces");
  cmd->add_option("--ocr", f->ocr, "auto (images that look like screenshots or carry text), always, off")
      ->check(CLI::IsMember({"auto", "always", "off"}));
  cmd->callback([f, &ctx] {
    Result<std::unique_ptr<vision::NsfwClassifier>> c =
        vision::NsfwClassifier::Load(f->model, vision::ResolveModelsDir(f->models_dir));
    if (!c.ok()) {
      PrintError(c.status().ToString());
      ctx.exit_code = kExitFatal;
      return;
    }
    vision::NsfwImageOptions options;
    options.fast_decode = f->fast;
    bool problems = false;
    std::vector<uint8_t> bytes;
    vision::ImageSignalsOptions so;
    so.faces = !f->no_faces;
    so.ocr = vision::ParseOcrMode(f->ocr).value_or(vision::OcrMode::kAuto);
    auto chat = std::make_shared<analyse::LazyChatModels>();
    so.chat_models = [chat] { return chat->Get(); };
    so.on_skip = [](std::string_view what, const Status& why) {
      PrintError(std::string(what) + " skipped: " + why.ToString());
    };
    vision::ImageSignals extras(std::move(so));
    if (!f->json) printf("Drawing Hentai  Neutral Porn    Sexy    faces path\n");
    for (const std::string& path : f->files) {
      Status read = vision::ReadWholeFile(path, vision::kMaxImageFileBytes, bytes);
      Result<vision::NsfwScores> r = read.ok() ? (*c)->ClassifyImage(bytes, options) : Result<vision::NsfwScores>(read);
      problems |= !r.ok();
      const vision::ImageSignalsResult found = r.ok() ? extras.Run(bytes) : vision::ImageSignalsResult{};
      if (f->json) {
        std::cout << Json(path, f->model, r, found).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        continue;
      }
      if (r.ok()) {
        for (float p : r->p) printf("%.4f  ", p);
      } else {
        printf("-       -       -       -       -       ");
      }
      if (found.faces) printf("%-5zu ", found.faces->size());
      else printf("-     ");
      printf("%s", DisplayPath(path).c_str());
      if (!r.ok()) printf("  (%s)", r.status().ToString().c_str());
      if (found.conversation)
        for (const chat::LabelFinding& finding : found.conversation->risk.findings)
          printf("  [text: %s %.2f]", std::string(chat::LabelName(finding.label)).c_str(), finding.score);
      printf("\n");
    }
    std::cout.flush();
    ctx.exit_code = problems ? kExitProblems : kExitOk;
  });
}

}  // namespace ngb::cli
