#include <stdlib.h>

#include <iostream>

#include "app/export_job.h"
#include "app/report_thumbnails.h"
#include "cli/commands.h"
#include "ngb_version.h"
#include "store/case_store.h"

namespace ngb::cli {

void AddReportCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string case_dir, out, pdf;
    int64_t scan = 0;
    bool no_images = false;
    int pdf_timeout = 300;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Write the court report: one self-contained HTML file (and a PDF through headless Chromium)");
  cmd->add_option("--case", f->case_dir, "Case folder")->required();
  cmd->add_option("--out", f->out, "HTML file to write")->required();
  cmd->add_option("--pdf", f->pdf, "Also print the report to this PDF file (needs the Debian package chromium)");
  cmd->add_flag("--no-images", f->no_images, "Hashes only: no thumbnails, not even blurred ones");
  cmd->add_option("--scan", f->scan, "Only this scan (default: all scans)");
  cmd->add_option("--pdf-timeout", f->pdf_timeout, "Seconds Chromium may take (default 300)")->check(CLI::Range(5, 3600));
  cmd->callback([f, &ctx] {
    std::optional<store::CaseStore> cs = OpenCaseOrReport(f->case_dir, ctx);
    if (!cs) return;
    app::ReportJobOptions o;
    if (f->scan > 0) o.html.filter.scan_id = f->scan;
    o.html.images = !f->no_images;
    if (o.html.images) o.html.thumbnail = app::ReportThumbnails(cs->db());
    o.html.tool_version = NGB_VERSION;
    o.out_path = f->out;
    o.pdf_path = f->pdf;
    if (const char* c = getenv("NGB_CHROMIUM"); c && *c) o.chromium = c;
    o.pdf_timeout_seconds = f->pdf_timeout;
    o.command_line = ctx.command_line;
    Result<app::ReportJobResult> r = app::RunReport(*cs, o);
    if (!r.ok()) {
      PrintError("report failed: " + r.status().ToString());
      ctx.exit_code = kExitFatal;
      return;
    }
    std::cout << "report: " << f->out << " (" << r->stats.items << " pertinent items, " << r->stats.conversations
              << " flagged conversations, SHA-256 " << r->sha256 << ")\n";
    if (o.html.images && r->stats.thumbnails_missing > 0) {
      std::cout << "  " << r->stats.thumbnails_missing << " image(s) shown as hashes only (no thumbnail could be made)\n";
    }
    if (!f->pdf.empty()) std::cout << "pdf: " << f->pdf << " (SHA-256 " << r->pdf_sha256 << ")\n";
    ctx.exit_code = kExitOk;
  });
}

}  // namespace ngb::cli
