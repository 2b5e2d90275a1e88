#include <iostream>
#include <nlohmann/json.hpp>

#include "app/verify.h"
#include "cli/commands.h"
#include "core/json_text.h"

namespace ngb::cli {

void AddVerifyCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string case_dir;
    bool no_rehash = false;
    bool json = false;
    int threads = 0;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("verify", "Check the audit chain, the scan manifests and the evidence against the case");
  cmd->add_option("--case", f->case_dir, "Case folder")->required();
  cmd->add_flag("--no-rehash", f->no_rehash, "Check the case only, do not re-read the evidence");
  cmd->add_option("--threads", f->threads, "Threads for re-hashing (default: one per core)");
  cmd->add_flag("--json", f->json, "Print the result as one JSON object");
  cmd->callback([f, &ctx] {
    Result<store::CaseStore> cs = store::CaseStore::Open(f->case_dir);
    if (!cs.ok()) {
      PrintError(cs.status().ToString());
      ctx.exit_code = kExitFatal;
      return;
    }
    app::VerifyOptions o;
    o.rehash_evidence = !f->no_rehash;
    o.threads = f->threads;
    Result<app::VerifyReport> r = app::VerifyCase(*cs, o);
    if (!r.ok()) {
      PrintError("verify failed: " + r.status().ToString());
      ctx.exit_code = kExitFatal;
      return;
    }
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : r->problems) problems.push_back({{"kind", p.kind}, {"what", p.what}});
    nlohmann::json result = {{"ok", r->ok()},
                             {"audit_entries", r->audit_entries},
                             {"audit_head", r->audit_head},
                             {"scans_checked", r->scans_checked},
                             {"files_checked", r->files_checked},
                             {"images_checked", r->images_checked},
                             {"images_not_hashed", r->images_not_hashed},
                             {"problems", problems}};
    // Verification is itself an action on the case; record it, unless the chain is broken
    // (appending to a broken chain would hide where it broke).
    const bool chain_ok = r->problems.empty() || r->problems.front().kind != "audit_chain";
    if (chain_ok) cs->Audit(cs->Meta("examiner"), "verify", JsonText(result));
    if (f->json) {
      std::cout << JsonText(result) << "\n";
    } else {
      std::cout << "audit log: " << r->audit_entries << " entries, head " << r->audit_head << "\n";
      std::cout << "scans checked: " << r->scans_checked << ", files re-hashed: " << r->files_checked
                << ", images re-hashed: " << r->images_checked << "\n";
      if (r->images_not_hashed > 0) {
        std::cout << "images not hashed at scan (--no-image-hash), their contents not re-checked: "
                  << r->images_not_hashed << "\n";
      }
      if (r->ok()) {
        std::cout << "verified: no problems\n";
      } else {
        std::cout << "FAILED: " << r->problems.front().kind << ": " << r->problems.front().what << "\n";
        for (size_t i = 1; i < r->problems.size(); ++i) {
          std::cout << "  also " << r->problems[i].kind << ": " << r->problems[i].what << "\n";
        }
      }
    }
    ctx.exit_code = r->ok() ? kExitOk : kExitProblems;
  });
}

}  // namespace ngb::cli
