#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/json_text.h"
#include "ngb_version.h"
#include "report/export.h"
#include "store/case_store.h"

namespace ngb::cli {

void AddExportCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string case_dir, format, out;
    int64_t scan = 0;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("export", "Export the case's items (jsonl, csv, dfxml, hashdeep, vics, chats)");
  cmd->add_option("--case", f->case_dir, "Case folder")->required();
  cmd->add_option("--format", f->format, "jsonl | csv | dfxml | hashdeep | vics | chats (conversations and their risk findings)")
      ->required()
      ->check(CLI::IsMember({"jsonl", "csv", "dfxml", "hashdeep", "vics", "chats"}));
  cmd->add_option("--out", f->out, "Output file (default: standard output)");
  cmd->add_option("--scan", f->scan, "Only this scan (default: all scans)");
  cmd->callback([f, &ctx] {
    Result<store::CaseStore> cs = store::CaseStore::Open(f->case_dir);
    if (!cs.ok()) {
      PrintError(cs.status().ToString());
      ctx.exit_code = kExitFatal;
      return;
    }
    report::ExportOptions o;
    if (f->scan > 0) o.filter.scan_id = f->scan;
    o.command_line = ctx.command_line;
    o.tool_version = NGB_VERSION;
    o.case_number = cs->Meta("case_id");
    std::ofstream file;
    std::ostream* out = &std::cout;
    if (!f->out.empty()) {
      file.open(f->out, std::ios::binary | std::ios::trunc);
      if (!file) {
        PrintError("cannot write " + f->out);
        ctx.exit_code = kExitFatal;
        return;
      }
      out = &file;
    }
    Result<report::ExportStats> r = report::Export(cs->db(), *report::ParseExportFormat(f->format), o, *out);
    out->flush();
    if (!r.ok() || !*out) {
      PrintError("export failed: " + (r.ok() ? std::string("write error") : r.status().ToString()));
      ctx.exit_code = kExitFatal;
      return;
    }
    nlohmann::json d = {{"format", f->format}, {"rows", r->rows}, {"out", f->out.empty() ? "-" : f->out},
                        {"command_line", ctx.command_line}};
    cs->Audit(cs->Meta("examiner"), "export", JsonText(d));
    ctx.exit_code = kExitOk;
  });
}

}  // namespace ngb::cli
