#include "store/audit_log.h"

#include <span>

#include "core/time_util.h"
#include "hash/sha256.h"

namespace ngb::store {
namespace {
const std::string kGenesis(64, '0');
}

std::string AuditEntryHash(const AuditEntry& e) {
  std::string buf;
  buf.reserve(128 + e.details.size());
  const char sep = '\x1f';
  buf += std::to_string(e.seq);
  buf += sep;
  buf += e.at;
  buf += sep;
  buf += e.actor;
  buf += sep;
  buf += e.action;
  buf += sep;
  buf += e.details;
  buf += sep;
  buf += e.prev_hash;
  return Sha256Hex(buf);
}

Result<AuditEntry> AppendAudit(Db& db, const std::string& actor, const std::string& action,
                               const std::string& details_json) {
  Result<Stmt> last = db.Prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  if (!last.ok()) return last.status();
  Result<bool> row = last->Step();
  if (!row.ok()) return row.status();
  AuditEntry e;
  e.seq = *row ? last->Int(0) + 1 : 1;
  e.prev_hash = *row ? last->Text(1) : kGenesis;
  e.at = NowIso8601();
  e.actor = actor;
  e.action = action;
  e.details = details_json;
  e.hash = AuditEntryHash(e);
  Result<Stmt> ins = db.Prepare(
      "INSERT INTO audit_log(seq, at, actor, action, details, prev_hash, hash) VALUES(?,?,?,?,?,?,?)");
  if (!ins.ok()) return ins.status();
  ins->Bind(1, e.seq).Bind(2, e.at).Bind(3, e.actor).Bind(4, e.action).Bind(5, e.details)
      .Bind(6, e.prev_hash).Bind(7, e.hash);
  if (Status s = ins->Run(); !s.ok()) return s;
  return e;
}

Result<AuditCheck> VerifyAuditChain(Db& db) { return ContinueAuditCheck(db, AuditCheck{}); }

Result<AuditCheck> ContinueAuditCheck(Db& db, const AuditCheck& verified) {
  if (!verified.ok) return verified;
  Result<Stmt> q = db.Prepare(
      "SELECT seq, at, actor, action, details, prev_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq");
  if (!q.ok()) return q.status();
  q->Bind(1, verified.entries);
  AuditCheck check = verified;
  std::string prev = verified.entries == 0 ? std::string(kGenesis) : verified.head_hash;
  int64_t expected_seq = verified.entries + 1;
  for (;;) {
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    AuditEntry e{q->Int(0), q->Text(1), q->Text(2), q->Text(3), q->Text(4), q->Text(5), q->Text(6)};
    ++check.entries;
    auto fail = [&](std::string why) {
      check.ok = false;
      check.broken_seq = e.seq;
      check.problem = std::move(why);
    };
    if (e.seq != expected_seq) {
      fail("entry " + std::to_string(expected_seq) + " is missing");
    } else if (e.prev_hash != prev) {
      fail("link to the previous entry does not match");
    } else if (AuditEntryHash(e) != e.hash) {
      fail("entry content does not match its hash");
    }
    if (!check.ok) return check;
    prev = e.hash;
    check.head_hash = e.hash;
    ++expected_seq;
  }
  return check;
}

}  // namespace ngb::store
