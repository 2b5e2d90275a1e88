#include "review/sessions.h"

#include <sodium.h>

#include "hash/sha256.h"

namespace ngb::review {

std::string RandomToken() {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

Result<Session> CreateSession(store::Db& db, const User& user, int64_t now, const SessionPolicy& policy) {
  Session s;
  s.token = RandomToken();
  s.token_hash = Sha256Hex(s.token);
  s.csrf_token = RandomToken();
  s.user = user;
  s.created_at = s.last_seen = now;
  s.expires_at = now + policy.lifetime_s;
  Result<store::Stmt> ins = db.Prepare(
      "INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_at, last_seen) "
      "VALUES(?,?,?,?,?,?)");
  if (!ins.ok()) return ins.status();
  ins->Bind(1, s.token_hash).Bind(2, user.id).Bind(3, s.csrf_token).Bind(4, now).Bind(5, s.expires_at).Bind(6, now);
  if (Status st = ins->Run(); !st.ok()) return st;
  return s;
}

Result<Session> LookupSession(store::Db& db, std::string_view token, int64_t now, const SessionPolicy& policy) {
  if (token.size() != 64) return Status::Error("no_session");
  Session s;
  s.token_hash = Sha256Hex(token);
  Result<store::Stmt> q = db.Prepare(
      "SELECT s.csrf_token, s.created_at, s.expires_at, s.last_seen, u.id, u.name, u.role, u.created_at, "
      "u.disabled FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, s.token_hash);
  Result<bool> row = q->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Error("no_session");
  s.csrf_token = q->Text(0);
  s.created_at = q->Int(1);
  s.expires_at = q->Int(2);
  s.last_seen = q->Int(3);
  s.user.id = q->Int(4);
  s.user.name = q->Text(5);
  s.user.role = ParseRole(q->Text(6)).value_or(Role::kExaminer);
  s.user.created_at = q->Text(7);
  s.user.disabled = q->Int(8) != 0;
  if (s.user.disabled || now >= s.expires_at || now - s.last_seen > policy.idle_s) {
    return Status::Error("no_session");
  }
  if (now - s.last_seen >= 60) {
    Result<store::Stmt> up = db.Prepare("UPDATE sessions SET last_seen = ? WHERE token_hash = ?");
    if (!up.ok()) return up.status();
    up->Bind(1, now).Bind(2, s.token_hash);
    if (Status st = up->Run(); !st.ok()) return st;
    s.last_seen = now;
  }
  return s;
}

Status EndSession(store::Db& db, const std::string& token_hash, int64_t now) {
  Result<store::Stmt> del = db.Prepare("DELETE FROM sessions WHERE token_hash = ? OR expires_at <= ?");
  if (!del.ok()) return del.status();
  del->Bind(1, token_hash).Bind(2, now);
  return del->Run();
}

}  // namespace ngb::review
