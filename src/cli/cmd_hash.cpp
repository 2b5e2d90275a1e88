// `nigehbaan hash [--json] [--dihedral] FILE...`: MD5, SHA-1, SHA-256 and, for images, the PDQ
// hash and quality of each file — for examiners' and platforms' scripts. Files are opened
// read-only (O_NOATIME) and read once.
#include <iostream>
#include <nlohmann/json.hpp>

#include "analyse/pdq_analyser.h"
#include "cli/commands.h"
#include "cli/file_hashes.h"
#include "core/json_text.h"
#include "core/provenance.h"
#include "hash/multi_digest.h"
#include "image/image_format.h"
#include "source/evidence_file.h"

namespace ngb::cli {
namespace {

nlohmann::ordered_json Json(const std::string& path, const FileHashes& h, bool dihedral) {
  nlohmann::ordered_json j;
  auto text_or_null = [](const std::string& s) { return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s); };
  j["path"] = DisplayPath(path);
  j["size"] = h.digests.sha256.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(h.size);
  j["md5"] = text_or_null(h.digests.md5);
  j["sha1"] = text_or_null(h.digests.sha1);
  j["sha256"] = text_or_null(h.digests.sha256);
  j["pdq"] = h.pdq ? nlohmann::ordered_json(h.pdq->hash.ToHex()) : nlohmann::ordered_json(nullptr);
  j["pdq_quality"] = h.pdq ? nlohmann::ordered_json(h.pdq->quality) : nlohmann::ordered_json(nullptr);
  j["error"] = h.error.ok() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(h.error.ToString());
  if (dihedral) {
    if (h.dihedral) {
      const PdqDihedral& d = *h.dihedral;
      j["pdq_dihedral"] = {{"orig", d.orig.ToHex()},     {"rot90", d.rot90.ToHex()}, {"rot180", d.rot180.ToHex()},
                           {"rot270", d.rot270.ToHex()}, {"flipx", d.flipx.ToHex()}, {"flipy", d.flipy.ToHex()},
                           {"flipp", d.flipp.ToHex()},   {"flipm", d.flipm.ToHex()}};
    } else {
      j["pdq_dihedral"] = nullptr;
    }
  }
  return j;
}

}  // namespace

void AddHashCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    std::vector<std::string> files;
    bool json = false;
    bool dihedral = false;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("hash", "Print MD5, SHA-1, SHA-256 and (images) the PDQ hash and quality of files");
  cmd->add_option("FILE", f->files, "Files to hash")->required();
  cmd->add_flag("--json", f->json, "One JSON object per line per file");
  cmd->add_flag("--dihedral", f->dihedral,
                "Also the PDQ hashes of the 8 rotations/mirrors (derived from the DCT, as the reference tool)");
  cmd->callback([f, &ctx] {
    analyse::PdqOptions options;
    PdqHasher hasher;
    std::vector<uint8_t> whole;
    bool problems = false;
    for (const std::string& path : f->files) {
      FileHashes h = HashFile(path, f->dihedral, analyse::DihedralFrom::kDct, options, hasher, whole);
      problems |= !h.error.ok();
      if (f->json) {
        std::cout << Json(path, h, f->dihedral).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        continue;
      }
      // Text: one line per file, fields separated by two spaces; "-" when not known.
      auto or_dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
      std::cout << or_dash(h.digests.md5) << "  " << or_dash(h.digests.sha1) << "  " << or_dash(h.digests.sha256)
                << "  " << (h.pdq ? h.pdq->hash.ToHex() : "-") << "  "
                << (h.pdq ? std::to_string(h.pdq->quality) : "-") << "  " << DisplayPath(path);
      if (!h.error.ok()) std::cout << "  (" << h.error.ToString() << ")";
      std::cout << "\n";
      if (h.dihedral) {
        const PdqDihedral& d = *h.dihedral;
        const std::pair<const char*, const Hash256*> v[] = {{"rot90", &d.rot90}, {"rot180", &d.rot180},
                                                            {"rot270", &d.rot270}, {"flipx", &d.flipx},
                                                            {"flipy", &d.flipy}, {"flipp", &d.flipp},
                                                            {"flipm", &d.flipm}};
        for (const auto& [name, hash] : v) std::cout << "  " << name << "  " << hash->ToHex() << "\n";
      }
    }
    ctx.exit_code = problems ? kExitProblems : kExitOk;
  });
}

}  // namespace ngb::cli
