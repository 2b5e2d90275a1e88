#include "report/export.h"

namespace ngb::report {

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "jsonl") return ExportFormat::kJsonl;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "dfxml") return ExportFormat::kDfxml;
  if (name == "hashdeep") return ExportFormat::kHashdeep;
  if (name == "vics") return ExportFormat::kVics;
  if (name == "chats") return ExportFormat::kChats;
  if (name == "case-uco") return ExportFormat::kCaseUco;
  return std::nullopt;
}

Result<ExportStats> Export(store::Db& db, ExportFormat format, const ExportOptions& options,
                           std::ostream& out) {
  switch (format) {
    case ExportFormat::kJsonl: return ExportJsonl(db, options, out);
    case ExportFormat::kCsv: return ExportCsv(db, options, out);
    case ExportFormat::kDfxml: return ExportDfxml(db, options, out);
    case ExportFormat::kHashdeep: return ExportHashdeep(db, options, out);
    case ExportFormat::kVics: return ExportVics(db, options, out);
    case ExportFormat::kChats: return ExportChats(db, options, out);
    case ExportFormat::kCaseUco: return ExportCaseUco(db, options, out);
  }
  return Status::Error("usage", "unknown format");
}

}  // namespace ngb::report
