#include "app/export_job.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/time_util.h"
#include "hash/sha256.h"
#include "report/hashing_stream.h"

namespace ngb::app {
namespace {

nlohmann::json FilterJson(const report::RowFilter& f) {
  return {{"scan_id", f.scan_id ? nlohmann::json(*f.scan_id) : nlohmann::json(nullptr)}};
}

// SHA-256 and size of a file, read in 1 MiB pieces.
Result<std::pair<std::string, uint64_t>> FileSha256(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("pdf_empty", "cannot read " + path);
  Sha256Stream sha;
  std::string buf(1 << 20, '\0');
  uint64_t total = 0;
  while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
    sha.Update(std::string_view(buf.data(), static_cast<size_t>(in.gcount())));
    total += static_cast<uint64_t>(in.gcount());
  }
  return std::make_pair(sha.FinalHex(), total);
}

std::string AbsoluteNormalPath(const std::string& p) {
  std::error_code ec;
  std::filesystem::path a = std::filesystem::absolute(p, ec);
  return ec ? p : a.lexically_normal().string();
}

// Prints `html_path` to `pdf_path` from a copy in a private folder under the case's tmp/.
Status MakePdf(store::CaseStore& cs, const ReportJobOptions& o) {
  std::error_code ec;
  std::filesystem::create_directories(cs.scratch_dir(), ec);
  std::string tmpl = cs.scratch_dir() + "/report-XXXXXX";
  if (!mkdtemp(tmpl.data())) return Status::Error("pdf_failed", "cannot create a folder in " + cs.scratch_dir());
  const std::string work = tmpl;
  Status s;
  std::filesystem::copy_file(o.out_path, work + "/report.html", ec);
  if (ec) {
    s = Status::Error("pdf_failed", "cannot copy the report: " + ec.message());
  } else {
    report::PdfOptions po;
    po.chromium = o.chromium;
    po.work_dir = work;
    po.timeout_seconds = o.pdf_timeout_seconds;
    s = report::PrintHtmlToPdf(AbsoluteNormalPath(work + "/report.html"), AbsoluteNormalPath(o.pdf_path), po);
  }
  std::filesystem::remove_all(work, ec);
  return s;
}

}  // namespace

Result<ExportJobResult> RunExport(store::CaseStore& cs, const ExportJobOptions& options, std::ostream& out) {
  const std::optional<report::ExportFormat> format = report::ParseExportFormat(options.format);
  if (!format) return Status::Error("usage", "unknown export format " + options.format);
  report::HashingOStream hashed(out);
  Result<report::ExportStats> r = report::Export(cs.db(), *format, options.export_options, hashed);
  if (!r.ok()) return r.status();
  hashed.flush();
  ExportJobResult result;
  result.rows = r->rows;
  result.bytes = hashed.bytes();
  result.sha256 = hashed.FinalHex();
  if (!hashed || !out.flush()) return Status::Error("write_error", "cannot write the export");
  nlohmann::json d = {{"format", options.format},
                            {"rows", result.rows},
                            {"out", options.out_name},
                            {"command_line", options.export_options.command_line},
                            {"filter", FilterJson(options.export_options.filter)},
                            {"bytes", result.bytes},
                            {"sha256", result.sha256}};
  for (const auto& [key, value] : options.audit_extra) d[key] = value;
  const std::string actor = options.actor.empty() ? cs.Meta("examiner") : options.actor;
  if (auto a = cs.Audit(actor, "export", JsonText(d)); !a.ok()) return a.status();
  return result;
}

Result<ReportJobResult> RunReport(store::CaseStore& cs, const ReportJobOptions& options) {
  ReportJobOptions o = options;
  const std::string actor = o.actor.empty() ? cs.Meta("examiner") : o.actor;
  if (o.html.generated_at.empty()) o.html.generated_at = NowIso8601();
  if (o.html.generated_by.empty()) o.html.generated_by = actor;
  ReportJobResult result;
  {
    std::ofstream file(o.out_path, std::ios::binary | std::ios::trunc);
    if (!file) return Status::Error("write_error", "cannot write " + o.out_path);
    report::HashingOStream hashed(file);
    Result<report::HtmlReportStats> stats = report::WriteHtmlReport(cs.db(), o.html, hashed);
    if (!stats.ok()) return stats.status();
    hashed.flush();
    result.stats = *stats;
    result.bytes = hashed.bytes();
    result.sha256 = hashed.FinalHex();
    file.close();
    if (!hashed || !file) return Status::Error("write_error", "cannot write " + o.out_path);
  }
  Status pdf_status;
  nlohmann::json pdf = nullptr;
  if (!o.pdf_path.empty()) {
    pdf_status = MakePdf(cs, o);
    if (pdf_status.ok()) {
      Result<std::pair<std::string, uint64_t>> h = FileSha256(o.pdf_path);
      if (h.ok()) {
        result.pdf_sha256 = h->first;
        result.pdf_bytes = h->second;
        pdf = {{"out", o.pdf_path}, {"bytes", result.pdf_bytes}, {"sha256", result.pdf_sha256}};
      } else {
        pdf_status = h.status();
      }
    }
    if (!pdf_status.ok()) pdf = {{"out", o.pdf_path}, {"error", pdf_status.reason()}};
  }
  const nlohmann::json d = {{"out", o.out_path},
                            {"bytes", result.bytes},
                            {"sha256", result.sha256},
                            {"items", result.stats.items},
                            {"conversations", result.stats.conversations},
                            {"thumbnails", result.stats.thumbnails},
                            {"images", o.html.images},
                            {"filter", FilterJson(o.html.filter)},
                            {"pdf", pdf},
                            {"command_line", o.command_line}};
  if (auto a = cs.Audit(actor, "report", JsonText(d)); !a.ok()) return a.status();
  if (!pdf_status.ok()) return pdf_status;
  return result;
}

}  // namespace ngb::app
