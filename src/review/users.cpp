#include "review/users.h"

#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/time_util.h"
#include "store/audit_log.h"

namespace ngb::review {
namespace {

User UserFromRow(const store::Stmt& q) {
  User u;
  u.id = q.Int(0);
  u.name = q.Text(1);
  u.role = ParseRole(q.Text(2)).value_or(Role::kExaminer);
  u.created_at = q.Text(3);
  u.disabled = q.Int(4) != 0;
  return u;
}

constexpr const char* kUserColumns = "SELECT id, name, role, created_at, disabled";

}  // namespace

const char* RoleName(Role role) {
  switch (role) {
    case Role::kExaminer: return "examiner";
    case Role::kReviewer: return "reviewer";
    case Role::kSupervisor: return "supervisor";
  }
  return "examiner";
}

std::optional<Role> ParseRole(std::string_view name) {
  if (name == "examiner") return Role::kExaminer;
  if (name == "reviewer") return Role::kReviewer;
  if (name == "supervisor") return Role::kSupervisor;
  return std::nullopt;
}

Status CheckUserName(std::string_view name) {
  if (name.empty() || name.size() > 64) return Status::Error("bad_user_name", "1 to 64 characters");
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '@' || c == '-';
    if (!ok) return Status::Error("bad_user_name", "letters, digits and . _ @ - only");
  }
  return Status::Ok();
}

Result<User> AddUser(store::Db& db, std::string_view name, Role role, std::string_view password,
                     PasswordCost cost, const std::string& actor) {
  if (Status s = CheckUserName(name); !s.ok()) return s;
  if (Status s = CheckPasswordStrength(name, password); !s.ok()) return s;
  Result<std::string> hash = HashPassword(password, cost);
  if (!hash.ok()) return hash.status();
  store::Transaction tx(db);
  if (!tx.started()) return Status::Error(db.error_reason(), db.ErrorMessage());
  {
    Result<store::Stmt> q = db.Prepare("SELECT 1 FROM users WHERE name = ?");
    if (!q.ok()) return q.status();
    q->Bind(1, name);
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status();
    if (*row) return Status::Error("user_exists", std::string(name));
  }
  User u;
  u.name = std::string(name);
  u.role = role;
  u.created_at = NowIso8601();
  Result<store::Stmt> ins =
      db.Prepare("INSERT INTO users(name, role, password_hash, created_at) VALUES(?,?,?,?)");
  if (!ins.ok()) return ins.status();
  ins->Bind(1, name).Bind(2, RoleName(role)).Bind(3, *hash).Bind(4, u.created_at);
  if (Status s = ins->Run(); !s.ok()) return s;
  u.id = db.LastInsertRowId();
  nlohmann::json details = {{"user", u.name}, {"user_id", u.id}, {"role", RoleName(role)}};
  if (Result<store::AuditEntry> e = store::AppendAudit(db, actor, "user_add", JsonText(details)); !e.ok()) {
    return e.status();
  }
  if (Status s = tx.Commit(); !s.ok()) return s;
  return u;
}

Result<std::vector<User>> ListUsers(store::Db& db) {
  Result<store::Stmt> q = db.Prepare(std::string(kUserColumns) + " FROM users ORDER BY name");
  if (!q.ok()) return q.status();
  std::vector<User> out;
  for (;;) {
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(UserFromRow(*q));
  }
  return out;
}

Result<User> FindUser(store::Db& db, int64_t id) {
  Result<store::Stmt> q = db.Prepare(std::string(kUserColumns) + " FROM users WHERE id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, id);
  Result<bool> row = q->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Error("no_such_user");
  return UserFromRow(*q);
}

Result<Credentials> LoadCredentials(store::Db& db, std::string_view name) {
  Result<store::Stmt> q = db.Prepare(std::string(kUserColumns) + ", password_hash FROM users WHERE name = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, name);
  Result<bool> row = q->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Error("no_such_user");
  return Credentials{UserFromRow(*q), q->Text(5)};
}

}  // namespace ngb::review
