#include "review/decisions.h"

#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/time_util.h"
#include "store/audit_log.h"

namespace ngb::review {
namespace {

constexpr const char* kDecisionSelect =
    "SELECT d.id, d.item_id, d.category, d.tags, d.note, d.reviewer_id, u.name, d.decided_at, d.audit_seq "
    "FROM review_decisions d JOIN users u ON u.id = d.reviewer_id ";

Decision DecisionFromRow(const store::Stmt& q) {
  Decision d;
  d.id = q.Int(0);
  d.item_id = q.Int(1);
  if (!q.IsNull(2)) d.category = static_cast<int>(q.Int(2));
  nlohmann::json tags = nlohmann::json::parse(q.Text(3), nullptr, false);
  if (tags.is_array()) {
    for (const auto& t : tags) {
      if (t.is_string()) d.tags.push_back(t.get<std::string>());
    }
  }
  d.note = q.Text(4);
  d.reviewer_id = q.Int(5);
  d.reviewer = q.Text(6);
  d.decided_at = q.Text(7);
  d.audit_seq = q.Int(8);
  return d;
}

nlohmann::json DecisionJson(const std::optional<Decision>& d) {
  if (!d) return nullptr;
  return {{"decision_id", d->id},
          {"category", d->category ? nlohmann::json(*d->category) : nlohmann::json(nullptr)},
          {"tags", d->tags},
          {"note", d->note},
          {"reviewer", d->reviewer}};
}

bool ValidUtf8(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) ==
         nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::ignore);
}

}  // namespace

Status CheckDecisionInput(const DecisionInput& input) {
  if (input.category && (*input.category < 0 || *input.category > 4)) {
    return Status::Error("bad_category", "VICS categories are 0 to 4, or null for uncategorised");
  }
  if (input.tags.size() > 32) return Status::Error("bad_tags", "at most 32 tags");
  for (const std::string& t : input.tags) {
    if (t.empty() || t.size() > 64 || !ValidUtf8(t)) return Status::Error("bad_tags", "tags are 1-64 bytes of UTF-8");
  }
  if (input.note.size() > 8192) return Status::Error("note_too_long", "at most 8 KiB");
  if (!ValidUtf8(input.note)) return Status::Error("bad_note", "not UTF-8");
  return Status::Ok();
}

Result<std::optional<Decision>> CurrentDecision(store::Db& db, int64_t item_id) {
  Result<store::Stmt> q =
      db.Prepare(std::string(kDecisionSelect) + "JOIN review_current c ON c.decision_id = d.id WHERE c.item_id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, item_id);
  Result<bool> row = q->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<Decision>();
  return std::optional<Decision>(DecisionFromRow(*q));
}

Result<std::vector<Decision>> DecisionHistory(store::Db& db, int64_t item_id) {
  Result<store::Stmt> q = db.Prepare(std::string(kDecisionSelect) + "WHERE d.item_id = ? ORDER BY d.id");
  if (!q.ok()) return q.status();
  q->Bind(1, item_id);
  std::vector<Decision> out;
  for (;;) {
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(DecisionFromRow(*q));
  }
  return out;
}

Result<Decision> RecordDecision(store::Db& db, const User& who, int64_t item_id, const DecisionInput& input) {
  if (Status s = CheckDecisionInput(input); !s.ok()) return s;
  if (who.role == Role::kExaminer || who.disabled) {
    return Status::Error("forbidden", "only reviewers and supervisors categorise");
  }
  store::Transaction tx(db);
  if (!tx.started()) return Status::Error(db.error_reason(), db.ErrorMessage());
  {
    Result<store::Stmt> q = db.Prepare("SELECT 1 FROM items WHERE id = ?");
    if (!q.ok()) return q.status();
    q->Bind(1, item_id);
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Error("no_such_item");
  }
  Result<std::optional<Decision>> before = CurrentDecision(db, item_id);
  if (!before.ok()) return before.status();
  if (*before && (*before)->reviewer_id != who.id && who.role != Role::kSupervisor) {
    return Status::Error("forbidden", "only a supervisor may change another reviewer's decision");
  }
  Decision d;
  d.item_id = item_id;
  d.category = input.category;
  d.tags = input.tags;
  d.note = input.note;
  d.reviewer_id = who.id;
  d.reviewer = who.name;
  d.decided_at = NowIso8601();
  Result<store::Stmt> next = db.Prepare("SELECT coalesce(max(id), 0) + 1 FROM review_decisions");
  if (!next.ok()) return next.status();
  if (Result<bool> r = next->Step(); !r.ok()) return r.status();
  d.id = next->Int(0);
  nlohmann::json details = {{"item_id", item_id},
                            {"before", DecisionJson(*before)},
                            {"after", DecisionJson(d)},
                            {"role", RoleName(who.role)}};
  Result<store::AuditEntry> entry = store::AppendAudit(db, who.name, "review_decision", JsonText(details));
  if (!entry.ok()) return entry.status();
  d.audit_seq = entry->seq;
  Result<store::Stmt> ins = db.Prepare(
      "INSERT INTO review_decisions(id, item_id, category, tags, note, reviewer_id, decided_at, audit_seq) "
      "VALUES(?,?,?,?,?,?,?,?)");
  if (!ins.ok()) return ins.status();
  ins->Bind(1, d.id).Bind(2, item_id).BindOpt(3, d.category).Bind(4, JsonText(nlohmann::json(d.tags)))
      .Bind(5, d.note).Bind(6, who.id).Bind(7, d.decided_at).Bind(8, d.audit_seq);
  if (Status s = ins->Run(); !s.ok()) return s;
  Result<store::Stmt> cur = db.Prepare(
      "INSERT INTO review_current(item_id, decision_id, category, reviewer_id) VALUES(?,?,?,?) "
      "ON CONFLICT(item_id) DO UPDATE SET decision_id = excluded.decision_id, category = excluded.category, "
      "reviewer_id = excluded.reviewer_id");
  if (!cur.ok()) return cur.status();
  cur->Bind(1, item_id).Bind(2, d.id).BindOpt(3, d.category).Bind(4, who.id);
  if (Status s = cur->Run(); !s.ok()) return s;
  if (Status s = tx.Commit(); !s.ok()) return s;
  return d;
}

}  // namespace ngb::review
