// Exporters: the case's items in formats other tools read.
//   jsonl    — one JSON object per item (the complete record; field list in docs/case-store.md)
//   csv      — the same fields, RFC 4180, for spreadsheets
//   dfxml    — Digital Forensics XML <fileobject> list with <hashdigest> elements
//   hashdeep — hashdeep/md5deep "HASHDEEP-1.0" known-file list of the file-system files, auditable
//              with `hashdeep -a -k EXPORT -r SOURCE`
//   vics     — Project VIC VICS 2.0 case file of the case's media (MD5, SHA-1, PDQ, category of
//              alert hits, MediaFiles with provenance paths), for sharing back with other agencies
//   case-uco — CASE/UCO JSON-LD graph: the investigation, one InvestigativeAction per scan, one
//              uco-observable:File per item with FileFacet and ContentDataFacet (hashes typed
//              xsd:hexBinary), Contained_Within relationships for archive members
//   chats    — one JSON object per conversation found in chat exports, with its risk findings (the
//              `chat analyze --json` shape; see docs/chat-risk.md)
#pragma once
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "core/status.h"
#include "report/item_rows.h"
#include "store/sqlite.h"

namespace ngb::report {

enum class ExportFormat { kJsonl, kCsv, kDfxml, kHashdeep, kVics, kChats, kCaseUco };

std::optional<ExportFormat> ParseExportFormat(std::string_view name);

struct ExportOptions {
  RowFilter filter;
  std::string command_line;  // recorded in format headers that have a place for it
  std::string tool_version;
  std::string case_number;   // VICS CaseNumber, CASE/UCO @id seed (the case's id)
};

struct ExportStats {
  int64_t rows = 0;
};

Result<ExportStats> Export(store::Db& db, ExportFormat format, const ExportOptions& options,
                           std::ostream& out);

// One writer per format (export_<format>.cpp).
Result<ExportStats> ExportJsonl(store::Db& db, const ExportOptions& options, std::ostream& out);
Result<ExportStats> ExportCsv(store::Db& db, const ExportOptions& options, std::ostream& out);
Result<ExportStats> ExportDfxml(store::Db& db, const ExportOptions& options, std::ostream& out);
Result<ExportStats> ExportHashdeep(store::Db& db, const ExportOptions& options, std::ostream& out);
Result<ExportStats> ExportVics(store::Db& db, const ExportOptions& options, std::ostream& out);
Result<ExportStats> ExportChats(store::Db& db, const ExportOptions& options, std::ostream& out);
Result<ExportStats> ExportCaseUco(store::Db& db, const ExportOptions& options, std::ostream& out);

}  // namespace ngb::report
