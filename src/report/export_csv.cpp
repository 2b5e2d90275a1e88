#include "report/export.h"
#include "report/item_fields.h"

namespace ngb::report {
namespace {

// RFC 4180 quoting. Cells that a spreadsheet would run as a formula (a hostile file name such as
// "=HYPERLINK(...)") are prefixed with a single quote; JSONL keeps the exact bytes.
std::string Cell(const nlohmann::ordered_json& v) {
  if (v.is_null() || (v.is_array() && v.empty())) return "";
  std::string s = v.is_string() ? v.get<std::string>() : v.dump();
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') &&
      v.is_string()) {
    s.insert(s.begin(), '\'');
  }
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  q += '"';
  return q;
}

}  // namespace

Result<ExportStats> ExportCsv(store::Db& db, const ExportOptions& options, std::ostream& out) {
  const auto& names = ItemFieldNames();
  for (size_t i = 0; i < names.size(); ++i) out << (i ? "," : "") << names[i];
  out << "\r\n";
  ExportStats stats;
  Status s = ForEachItem(db, options.filter, [&](const ItemRow& row) {
    const nlohmann::ordered_json j = ItemFields(row);
    for (size_t i = 0; i < names.size(); ++i) out << (i ? "," : "") << Cell(j[names[i]]);
    out << "\r\n";
    ++stats.rows;
    return static_cast<bool>(out);
  });
  if (!s.ok()) return s;
  if (!out) return Status::Error("write_error", "cannot write the export");
  return stats;
}

}  // namespace ngb::report
