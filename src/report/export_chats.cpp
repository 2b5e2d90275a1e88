#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/provenance.h"
#include "report/export.h"

namespace ngb::report {

// One JSON object per conversation found in the case's chat exports, in the shape of
// `chat analyze --json` (source = the provenance path of the export), with the item and scan ids.
Result<ExportStats> ExportChats(store::Db& db, const ExportOptions& options, std::ostream& out) {
  using J = nlohmann::ordered_json;
  Result<store::Stmt> convs = db.Prepare(
      "SELECT c.id, i.id, i.scan_id, i.path, c.format, c.title, c.conversation_id, c.language, c.participants, "
      "c.message_count, c.parse_errors, c.risk, c.scores FROM conversations c JOIN items i ON i.id = c.item_id "
      "WHERE ?1 IS NULL OR i.scan_id = ?1 ORDER BY i.id, c.conv_index");
  if (!convs.ok()) return convs.status();
  Result<store::Stmt> findings = db.Prepare(
      "SELECT label, score, offender, target, first_alert_index, evidence FROM chat_findings "
      "WHERE conversation_id = ? ORDER BY score DESC, rowid");
  if (!findings.ok()) return findings.status();
  if (options.filter.scan_id) convs->Bind(1, *options.filter.scan_id);
  else convs->BindNull(1);
  ExportStats stats;
  auto parse = [](std::string_view text) { return J::parse(text, nullptr, false); };
  auto text_or_null = [](std::string_view v) { return v.empty() ? J(nullptr) : J(std::string(v)); };
  for (;;) {
    Result<bool> row = convs->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    J j;
    j["source"] = DisplayPath(convs->View(3));
    j["format"] = std::string(convs->View(4));
    j["participants"] = parse(convs->View(8));
    j["message_count"] = convs->Int(9);
    J labels = J::array();
    findings->Bind(1, convs->Int(0));
    for (;;) {
      Result<bool> f = findings->Step();
      if (!f.ok()) return f.status();
      if (!*f) break;
      J l;
      l["label"] = std::string(findings->View(0));
      l["score"] = findings->OptDouble(1).value_or(0);
      l["offender"] = text_or_null(findings->View(2));
      l["target"] = text_or_null(findings->View(3));
      l["first_alert_index"] = findings->Int(4);
      l["evidence"] = parse(findings->View(5));
      labels.push_back(std::move(l));
    }
    findings->Reset();
    j["labels"] = std::move(labels);
    j["parse_errors"] = convs->Int(10);
    j["title"] = text_or_null(convs->View(5));
    j["id"] = text_or_null(convs->View(6));
    j["language"] = text_or_null(convs->View(7));
    j["scores"] = parse(convs->View(12));
    j["risk"] = convs->OptDouble(11).value_or(0);
    j["item_id"] = convs->Int(1);
    j["scan_id"] = convs->Int(2);
    out << JsonText(j) << "\n";
    stats.rows++;
  }
  return stats;
}

}  // namespace ngb::report
