// `nigehbaan classify [--json] [--model mobilenet_v2|mobilenet_v2_mid] [--models DIR] FILE...`:
// the explicit-content classifier's scores per image (docs/image-classifier.md), for scripting.
// Scores are a review order for a human, never a finding.
//   --json: one object per line per file, in input order:
//     {"path","model","scores":{"Drawing","Hentai","Neutral","Porn","Sexy"},"faces","text","error"}
//     ("faces" and "text" are null until the face detector and OCR exist; scores null on error)
//   otherwise a table: the five scores (4 decimals), then the path (and the error, if any).
// Exit codes: 0 all classified; 1 some files could not be (their lines carry the error); 2 usage
// or fatal (unknown model, models not built: the message says to run scripts/fetch-models.sh).
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/provenance.h"
#include "vision/model_files.h"
#include "vision/nsfw_classifier.h"
#include "vision/read_file.h"

namespace ngb::cli {
namespace {

nlohmann::ordered_json Json(const std::string& path, const std::string& model, const Result<vision::NsfwScores>& r) {
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
  // Hooks for issue 7's second part: face count/sizes and OCR text plug in here.
  j["faces"] = nullptr;
  j["text"] = nullptr;
  j["error"] = r.ok() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.status().ToString());
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
    if (!f->json) printf("Drawing Hentai  Neutral Porn    Sexy    path\n");
    for (const std::string& path : f->files) {
      Status read = vision::ReadWholeFile(path, vision::kMaxImageFileBytes, bytes);
      Result<vision::NsfwScores> r = read.ok() ? (*c)->ClassifyImage(bytes, options) : Result<vision::NsfwScores>(read);
      problems |= !r.ok();
      if (f->json) {
        std::cout << Json(path, f->model, r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        continue;
      }
      if (r.ok()) {
        for (float p : r->p) printf("%.4f  ", p);
      } else {
        printf("-       -       -       -       -       ");
      }
      printf("%s", DisplayPath(path).c_str());
      if (!r.ok()) printf("  (%s)", r.status().ToString().c_str());
      printf("\n");
    }
    std::cout.flush();
    ctx.exit_code = problems ? kExitProblems : kExitOk;
  });
}

}  // namespace ngb::cli
