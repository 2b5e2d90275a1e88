// Exports and reports as audited workflows: the output is written through a hashing stream, then
// an audit entry records who made it, in which format, with which filter, how many rows/items,
// where it went and the SHA-256 of exactly the bytes produced. Used by `export` and `report` (and
// by any other front end that exports, e.g. the review server).
#pragma once
#include <cstdint>
#include <map>
#include <ostream>
#include <string>

#include "core/status.h"
#include "report/export.h"
#include "report/html_report.h"
#include "report/pdf.h"
#include "store/case_store.h"

namespace ngb::app {

struct ExportJobOptions {
  std::string format;             // one of the names ParseExportFormat accepts
  report::ExportOptions export_options;
  std::string actor;              // audit actor (default: the case's examiner)
  std::string out_name = "-";     // where the bytes go, for the audit entry ("-": standard output)
  // Extra audit detail fields from the front end (the review server adds "user" and "role").
  std::map<std::string, std::string> audit_extra;
};

struct ExportJobResult {
  int64_t rows = 0;
  uint64_t bytes = 0;
  std::string sha256;
};

// Writes the export to `out` and appends an "export" audit entry with details {format, rows, out,
// command_line, filter: {scan_id}, bytes, sha256} plus audit_extra. Nothing is logged when the
// export fails.
// Errors: "usage" (unknown format), the exporter's, "write_error".
Result<ExportJobResult> RunExport(store::CaseStore& cs, const ExportJobOptions& options, std::ostream& out);

struct ReportJobOptions {
  report::HtmlReportOptions html;  // generated_at/generated_by are filled in when empty
  std::string out_path;            // the HTML file (created or replaced)
  std::string pdf_path;            // "" = no PDF
  std::string chromium = "/usr/bin/chromium";
  int pdf_timeout_seconds = 300;
  std::string actor;               // default: the case's examiner
  std::string command_line;
};

struct ReportJobResult {
  report::HtmlReportStats stats;
  uint64_t bytes = 0;
  std::string sha256;
  uint64_t pdf_bytes = 0;
  std::string pdf_sha256;  // "" when no PDF was asked for
};

// Writes the HTML report, then (when asked) the PDF through headless Chromium from a copy of the
// HTML in a private folder under the case's tmp/ (removed afterwards), then appends a "report"
// audit entry {out, bytes, sha256, items, conversations, thumbnails, images, filter, pdf,
// command_line}. A failed PDF is still logged (pdf: {error}) and its error returned.
Result<ReportJobResult> RunReport(store::CaseStore& cs, const ReportJobOptions& options);

}  // namespace ngb::app
