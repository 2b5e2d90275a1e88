#include <fstream>
#include <iostream>

#include "app/export_job.h"
#include "cli/commands.h"
#include "ngb_version.h"
#include "store/case_store.h"

namespace ngb::cli {

void AddExportCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string case_dir, format, out;
    int64_t scan = 0;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* cmd =
      app.add_subcommand("export", "Export the case's items (jsonl, csv, dfxml, hashdeep, vics, case-uco, chats)");
  cmd->add_option("--case", f->case_dir, "Case folder")->required();
  cmd->add_option("--format", f->format,
                  "jsonl | csv | dfxml | hashdeep | vics (with reviewers' categories) | case-uco (CASE/UCO JSON-LD) | "
                  "chats (conversations and their risk findings)")
      ->required()
      ->check(CLI::IsMember({"jsonl", "csv", "dfxml", "hashdeep", "vics", "case-uco", "chats"}));
  cmd->add_option("--out", f->out, "Output file (default: standard output)");
  cmd->add_option("--scan", f->scan, "Only this scan (default: all scans)");
  cmd->callback([f, &ctx] {
    std::optional<store::CaseStore> cs = OpenCaseOrReport(f->case_dir, ctx);
    if (!cs) return;
    app::ExportJobOptions o;
    o.format = f->format;
    if (f->scan > 0) o.export_options.filter.scan_id = f->scan;
    o.export_options.command_line = ctx.command_line;
    o.export_options.tool_version = NGB_VERSION;
    o.export_options.case_number = cs->Meta("case_id");
    o.out_name = f->out.empty() ? "-" : f->out;
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
    Result<app::ExportJobResult> r = app::RunExport(*cs, o, *out);
    if (!r.ok()) {
      PrintError("export failed: " + r.status().ToString());
      ctx.exit_code = kExitFatal;
      return;
    }
    ctx.exit_code = kExitOk;
  });
}

}  // namespace ngb::cli
