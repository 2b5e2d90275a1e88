#include "report/case_facts.h"

#include <functional>

namespace ngb::report {
namespace {

// Runs `sql` (parameter 1: the scan filter, NULL for all scans) and calls fn for every row.
Status ForEachRow(store::Db& db, const char* sql, const RowFilter& filter, const std::function<void(store::Stmt&)>& fn) {
  Result<store::Stmt> q = db.Prepare(sql);
  if (!q.ok()) return q.status();
  if (filter.scan_id) q->Bind(1, *filter.scan_id);
  else q->BindNull(1);
  for (;;) {
    Result<bool> r = q->Step();
    if (!r.ok()) return r.status();
    if (!*r) return Status::Ok();
    fn(*q);
  }
}

// The SQL form of CategorySeverity (review_state.h).
#define NGB_SEVERITY(c) "CASE " c " WHEN 1 THEN 5 WHEN 2 THEN 4 WHEN 3 THEN 3 WHEN 4 THEN 2 WHEN 0 THEN 0 ELSE 1 END"

// Effective category per item (review_state.h's rule) counted per category, most severe first.
constexpr const char* kCategorySql =
    "WITH hs AS (SELECT item_id, category FROM (SELECT item_id, category, row_number() OVER "
    "(PARTITION BY item_id ORDER BY " NGB_SEVERITY("category") " DESC) AS rn FROM matches WHERE category IS NOT NULL) "
    "WHERE rn = 1), "
    "ids AS (SELECT item_id FROM hs UNION SELECT item_id FROM review_current) "
    "SELECT coalesce(rc.category, hs.category) AS cat, count(*), count(rc.category) FROM ids "
    "JOIN items i ON i.id = ids.item_id LEFT JOIN review_current rc ON rc.item_id = ids.item_id "
    "LEFT JOIN hs ON hs.item_id = ids.item_id WHERE (?1 IS NULL OR i.scan_id = ?1) AND cat IS NOT NULL "
    "GROUP BY cat ORDER BY " NGB_SEVERITY("cat") " DESC";

constexpr const char* kLabelSql =
    "SELECT f.label, count(DISTINCT c.id), max(f.score) FROM chat_findings f "
    "JOIN conversations c ON c.id = f.conversation_id JOIN items i ON i.id = c.item_id "
    "WHERE ?1 IS NULL OR i.scan_id = ?1 GROUP BY f.label ORDER BY f.label";

constexpr const char* kConversationSql =
    "SELECT count(*), count(CASE WHEN EXISTS(SELECT 1 FROM chat_findings f WHERE f.conversation_id = c.id) "
    "THEN 1 END) FROM conversations c JOIN items i ON i.id = c.item_id WHERE ?1 IS NULL OR i.scan_id = ?1";

constexpr const char* kScanSql =
    "SELECT id, coalesce(items, 0), coalesce(bytes, 0), coalesce(errors, 0), coalesce(manifest_sha256, ''), "
    "coalesce(options, '') FROM scans WHERE ?1 IS NULL OR id = ?1 ORDER BY id";

constexpr const char* kHashsetSql =
    "SELECT scan_id, name, kind, coalesce(source_sha256, ''), coalesce(entries, 0), coalesce(imported_at, '') "
    "FROM scan_hashsets WHERE ?1 IS NULL OR scan_id = ?1 ORDER BY scan_id, name";

}  // namespace

bool IsRoutineAuditAction(std::string_view action) {
  return action == "login" || action == "login_failed" || action == "logout" || action == "settings_change" ||
         action == "review_decision";
}

Result<CaseFacts> LoadCaseFacts(store::Db& db, const RowFilter& filter) {
  CaseFacts f;
  const RowFilter all;
  Status s = ForEachRow(db, "SELECT key, value FROM meta WHERE ?1 IS NULL OR 1 ORDER BY key", all, [&](store::Stmt& q) {
    const std::string key = q.Text(0);
    if (key == "title") f.title = q.Text(1);
    else if (key == "examiner") f.examiner = q.Text(1);
    else if (key == "case_id") f.case_id = q.Text(1);
    else if (key == "created_at") f.created_at = q.Text(1);
    else if (key == "tool_version") f.created_with = q.Text(1);
  });
  if (!s.ok()) return s;
  std::vector<std::pair<int64_t, ScanFacts>> scans;
  s = ForEachRow(db, kScanSql, filter, [&](store::Stmt& q) {
    ScanFacts sf;
    sf.items = q.Int(1);
    sf.bytes = q.Int(2);
    sf.errors = q.Int(3);
    sf.manifest_sha256 = q.Text(4);
    sf.options_json = q.Text(5);
    scans.emplace_back(q.Int(0), std::move(sf));
  });
  if (!s.ok()) return s;
  for (auto& [id, sf] : scans) {
    Result<store::ScanRecord> rec = store::LoadScan(db, id);
    if (!rec.ok()) return rec.status();
    sf.scan = std::move(*rec);
    f.scans.push_back(std::move(sf));
  }
  s = ForEachRow(db, kHashsetSql, filter, [&](store::Stmt& q) {
    f.hashsets.push_back(HashSetUse{q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.Text(5), q.Int(4)});
  });
  if (!s.ok()) return s;
  s = ForEachRow(db, kCategorySql, filter, [&](store::Stmt& q) {
    f.categories.push_back(CategoryCount{static_cast<int>(q.Int(0)), q.Int(1), q.Int(2)});
  });
  if (!s.ok()) return s;
  s = ForEachRow(db, kLabelSql, filter, [&](store::Stmt& q) {
    f.labels.push_back(LabelCount{q.Text(0), q.Int(1), q.OptDouble(2).value_or(0)});
  });
  if (!s.ok()) return s;
  s = ForEachRow(db, kConversationSql, filter, [&](store::Stmt& q) {
    f.conversations = q.Int(0);
    f.flagged_conversations = q.Int(1);
  });
  if (!s.ok()) return s;

  Result<store::AuditCheck> check = store::VerifyAuditChain(db);
  if (!check.ok()) return check.status();
  f.audit = *check;
  std::map<std::pair<std::string, std::string>, RoutineCount> routine;
  s = ForEachRow(db, "SELECT seq, at, actor, action, details FROM audit_log WHERE ?1 IS NULL OR 1 ORDER BY seq", all,
                 [&](store::Stmt& q) {
                   const std::string action = q.Text(3);
                   if (!IsRoutineAuditAction(action)) {
                     f.timeline.push_back(AuditEvent{q.Int(0), q.Text(1), q.Text(2), action, q.Text(4)});
                     return;
                   }
                   RoutineCount& r = routine[{action, q.Text(2)}];
                   if (r.count++ == 0) {
                     r.action = action;
                     r.actor = q.Text(2);
                     r.first_at = q.Text(1);
                   }
                   r.last_at = q.Text(1);
                 });
  if (!s.ok()) return s;
  for (auto& [key, r] : routine) f.routine.push_back(std::move(r));
  return f;
}

}  // namespace ngb::report
