#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "app/scan_job.h"
#include "cli/commands.h"
#include "analyse/chat_analyser.h"
#include "analyse/classify_analyser.h"
#include "hashset/matcher.h"
#include "core/json_text.h"
#include "core/time_util.h"

namespace ngb::cli {
namespace {

struct ScanFlags {
  std::string case_dir;
  std::vector<std::string> sources;
  std::string examiner;
  int threads = 0;
  int max_depth = 4;
  double max_ratio = 1000;
  std::string max_expanded = "1T";
  std::string ratio_grace = "64M";
  bool no_libmagic = false;
  std::string library;            // hash-set library (default: HashSetLibrary::DefaultDir(), if present)
  std::vector<std::string> sets;  // enabled sets (default: all)
  int max_distance = 31;
  bool no_match = false;
  bool no_pdq = false;
  bool no_chat = false;
  std::string carve = "unallocated";
  bool no_image_hash = false;
  bool classify = false;
  std::string models_dir;
  std::string classify_model{vision::kDefaultScanNsfwModel};
  bool no_faces = false;
  std::string ocr = "auto";
  bool quiet = false;
  bool json = false;
};

void PrintSummary(const app::ScanJobResult& r) {
  const double rate = r.seconds > 0 ? static_cast<double>(r.bytes_read_this_run) / r.seconds : 0;
  std::cout << "scan " << r.scan_id << (r.resumed ? " (resumed, run " + std::to_string(r.runs) + ")" : "")
            << ": " << r.items << " items, " << FormatBytes(static_cast<double>(r.bytes)) << ", "
            << r.errors << " errors\n";
  if (r.resumed) {
    std::cout << "  this run: " << r.units_this_run << " top-level items read, " << r.skipped_units
              << " already done\n";
  }
  std::cout << "  elapsed " << FormatDuration(r.seconds) << " (" << r.seconds << " s), "
            << FormatBytes(rate) << "/s\n";
  for (const auto& [reason, n] : r.errors_by_reason) {
    std::cout << "  error " << reason << ": " << n << "\n";
  }
  for (const auto& [kind, n] : r.matched_items_by_kind) {
    std::cout << "  hash-set hits (" << kind << "): " << n << " items\n";
  }
  if (r.conversations > 0) {
    std::cout << "  chat exports: " << r.conversations << " conversations";
    for (const auto& [label, n] : r.flagged_conversations_by_label) std::cout << ", " << label << " " << n;
    std::cout << "\n";
  }
  for (const app::ImageCheck& c : r.images) {
    std::cout << "  disk image " << c.path << " (" << c.format << "): media md5 "
              << (!c.hashed()             ? std::string("not computed (--no-image-hash)")
                  : c.media_md5.empty() ? "not computed (" + c.error + ")"
                                        : c.media_md5);
    if (!c.stored_md5.empty() || !c.stored_sha1.empty()) {
      std::cout << (c.mismatch() ? ", DOES NOT MATCH the acquisition hashes" : ", matches the acquisition hashes");
    }
    std::cout << "\n";
  }
  std::cout << "  manifest sha256 " << r.manifest_sha256 << "\n";
}

// A disk image whose media differs from its acquisition hashes is said on stderr too, whatever
// the output mode: the examiner must not miss it.
void WarnImageMismatches(const app::ScanJobResult& r) {
  for (const app::ImageCheck& c : r.images) {
    if (!c.mismatch()) continue;
    PrintError("ACQUISITION HASH MISMATCH: " + c.path + ": stored md5 " + c.stored_md5 + " sha1 " +
               c.stored_sha1 + ", media md5 " + c.media_md5 + " sha1 " + c.media_sha1);
  }
}

}  // namespace

void AddScanCommand(CLI::App& app, Context& ctx) {
  auto f = std::make_shared<ScanFlags>();
  CLI::App* cmd = app.add_subcommand("scan", "Scan evidence sources (folders, files, archives) into a case");
  cmd->add_option("--case", f->case_dir, "Case folder (from `nigehbaan case init`)")->required();
  cmd->add_option("SOURCE", f->sources, "Evidence folders or files, opened read-only")->required();
  cmd->add_option("--examiner", f->examiner, "Examiner running this scan (default: the case's)");
  cmd->add_option("--threads", f->threads, "Worker threads (default: one per core)")->check(CLI::Range(0, 256));
  cmd->add_option("--max-depth", f->max_depth, "Deepest archive nesting opened (default 4)")->check(CLI::Range(0, 64));
  cmd->add_option("--max-ratio", f->max_ratio, "Largest expansion ratio before a container is treated as a compression bomb (default 1000)")->check(CLI::PositiveNumber);
  cmd->add_option("--max-expanded", f->max_expanded, "Most bytes expanded from one top-level item, all levels (default 1T)");
  cmd->add_option("--ratio-grace", f->ratio_grace, "Expanded bytes allowed before the ratio is enforced (default 64M)");
  cmd->add_flag("--no-libmagic", f->no_libmagic, "Type only with the built-in signatures (faster, fewer types)");
  cmd->add_option("--library", f->library, "Hash-set library (default: $NIGEHBAAN_HASHSETS or ~/.local/share/nigehbaan/hashsets, when it exists)");
  cmd->add_option("--set", f->sets, "Match against this hash set only (repeatable; default: every set in the library)");
  cmd->add_option("--max-distance", f->max_distance, "Largest PDQ Hamming distance that matches (default 31)")->check(CLI::Range(0, 256));
  cmd->add_flag("--no-match", f->no_match, "Do not match against hash sets");
  cmd->add_flag("--no-pdq", f->no_pdq, "Do not compute PDQ hashes of images");
  cmd->add_flag("--no-chat", f->no_chat, "Do not analyse chat exports for grooming, sextortion and other risks");
  cmd->add_option("--carve", f->carve,
                  "Disk images: carve JPEG/PNG/GIF/PDF/ZIP files from each file system's unallocated space "
                  "(and from partitions with no known file system) as items under <volume>/$Carved/ "
                  "(off|unallocated|all; default unallocated; all also carves every allocated file's slack)");
  cmd->add_flag("--no-image-hash", f->no_image_hash,
                "Disk images: do not read the image file for its own digests (MD5, SHA-1, SHA-256 of the file "
                "and its media; an E01's acquisition hashes are then not checked). The files inside are "
                "hashed as usual. For an image already verified: saves a whole pass over it");
  cmd->add_flag("--classify", f->classify,
                "Score images that match no alert/known-good set with the nsfwjs classifier, count faces, OCR "
                "screenshots (a review order, never a finding)");
  cmd->add_option("--models", f->models_dir,
                  "Folder with the classifier's ONNX models (default: $NGB_MODELS, models/ next to the binary, "
                  "~/.cache/nigehbaan/models)");
  cmd->add_option("--classify-model", f->classify_model,
                  "With --classify: mobilenet_v2_mid (default: fewer false positives) or mobilenet_v2 (faster)")
      ->check(CLI::IsMember({"mobilenet_v2", "mobilenet_v2_mid"}));
  cmd->add_flag("--no-faces", f->no_faces, "With --classify: do not count faces");
  cmd->add_option("--ocr", f->ocr,
                  "With --classify: OCR images that look like screenshots or carry text (auto, default), every "
                  "image (always), or none (off)")
      ->check(CLI::IsMember({"auto", "always", "off"}));
  cmd->add_flag("-q,--quiet", f->quiet, "No progress bar and no summary");
  cmd->add_flag("--json", f->json, "Print the summary as one JSON object");
  cmd->callback([f, &ctx] {
    app::ScanJobOptions o;
    o.sources = f->sources;
    o.examiner = f->examiner;
    o.command_line = ctx.command_line;
    o.scan.threads = f->threads;
    auto& lim = o.scan.processor.limits;
    lim.max_depth = f->max_depth;
    lim.max_ratio = f->max_ratio;
    if (!ParseSize(f->max_expanded, lim.max_expanded_bytes) || !ParseSize(f->ratio_grace, lim.ratio_grace_bytes)) {
      PrintError("bad size (use e.g. 64M, 1G, 1T)");
      ctx.exit_code = kExitFatal;
      return;
    }
    Result<pipeline::CarveMode> carve = pipeline::ParseCarveMode(f->carve);
    if (!carve.ok()) {
      PrintError(carve.status().detail());
      ctx.exit_code = kExitFatal;
      return;
    }
    o.scan.carve = *carve;
    o.scan.hash_images = !f->no_image_hash;
    o.scan.processor.analysers.libmagic_fallback = !f->no_libmagic;
    o.scan.processor.analysers.pdq = !f->no_pdq;
    // Hash sets: the named library, or the default one when it exists.
    std::unique_ptr<hashset::Matcher> matcher;
    if (!f->no_match) {
      const bool explicit_library = !f->library.empty() || !f->sets.empty();
      const std::filesystem::path dir =
          f->library.empty() ? hashset::HashSetLibrary::DefaultDir() : std::filesystem::path(f->library);
      std::error_code ec;
      if (explicit_library || std::filesystem::exists(dir / "library.db", ec)) {
        hashset::MatcherOptions mo;
        mo.sets = f->sets;
        mo.max_distance = f->max_distance;
        Result<std::unique_ptr<hashset::Matcher>> m = hashset::Matcher::Open(dir, mo);
        if (!m.ok()) {
          PrintError("hash sets: " + m.status().ToString());
          ctx.exit_code = kExitFatal;
          return;
        }
        matcher = std::move(*m);
        o.scan.processor.analysers.matcher = matcher.get();
        o.scan.processor.analysers.pdq_variants = matcher->has_pdq() && !f->no_pdq;
      }
    }
    analyse::LazyChatModels chat_models;  // loaded by the first chat export met
    if (!f->no_chat) o.scan.processor.analysers.chat = &chat_models;
    std::unique_ptr<analyse::ClassifyShared> classify;
    if (f->classify) {
      analyse::ClassifySettings cs;
      cs.models_dir = vision::ResolveModelsDir(f->models_dir);
      cs.model = f->classify_model;
      cs.faces = !f->no_faces;
      cs.ocr = vision::ParseOcrMode(f->ocr).value_or(vision::OcrMode::kAuto);
      cs.chat = f->no_chat ? nullptr : &chat_models;
      classify = std::make_unique<analyse::ClassifyShared>(std::move(cs));
      o.scan.processor.analysers.classify = classify.get();
    }
    o.show_progress = !f->quiet && !f->json && isatty(STDERR_FILENO);

    Result<store::CaseStore> cs = store::CaseStore::Open(f->case_dir);
    if (!cs.ok()) {
      PrintError(cs.status().ToString());
      ctx.exit_code = kExitFatal;
      return;
    }
    o.scan.processor.scratch_dir = cs->scratch_dir();
    Result<app::ScanJobResult> r = app::RunScanJob(*cs, o);
    if (!r.ok()) {
      PrintError("scan failed: " + r.status().ToString());
      ctx.exit_code = kExitFatal;
      return;
    }
    // What --classify could not do, said once (the scan itself went on without it).
    const std::vector<std::string> skipped = classify ? classify->Skipped() : std::vector<std::string>{};
    for (const std::string& line : skipped) PrintError(line);
    if (f->json) {
      nlohmann::json j = {{"scan_id", r->scan_id},
                          {"resumed", r->resumed},
                          {"runs", r->runs},
                          {"items", r->items},
                          {"bytes", r->bytes},
                          {"errors", r->errors},
                          {"errors_by_reason", r->errors_by_reason},
                          {"matched_items_by_kind", r->matched_items_by_kind},
                          {"conversations", r->conversations},
                          {"flagged_conversations_by_label", r->flagged_conversations_by_label},
                          {"units_this_run", r->units_this_run},
                          {"skipped_units", r->skipped_units},
                          {"bytes_read_this_run", r->bytes_read_this_run},
                          {"elapsed_seconds", r->seconds},
                          {"manifest_sha256", r->manifest_sha256}};
      nlohmann::json imgs = nlohmann::json::array();
      for (const app::ImageCheck& c : r->images) {
        imgs.push_back({{"path", c.path}, {"format", c.format}, {"media_md5", c.media_md5},
                        {"media_sha1", c.media_sha1}, {"stored_md5", c.stored_md5},
                        {"stored_sha1", c.stored_sha1}, {"mismatch", c.mismatch()}, {"hashed", c.hashed()}});
      }
      j["disk_images"] = imgs;
      if (classify) j["classify"] = {{"models_dir", classify->settings().models_dir}, {"skipped", skipped}};
      std::cout << JsonText(j) << "\n";
    } else if (!f->quiet) {
      PrintSummary(*r);
    }
    WarnImageMismatches(*r);
    ctx.exit_code = r->errors > 0 ? kExitProblems : kExitOk;
  });
}

}  // namespace ngb::cli
