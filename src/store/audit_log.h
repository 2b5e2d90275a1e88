// Append-only, hash-chained audit log of every action on a case.
//
// Entry hash = SHA-256 over the UTF-8 bytes of
//   seq "\x1f" at "\x1f" actor "\x1f" action "\x1f" details "\x1f" prev_hash
// where prev_hash is the previous entry's hash (64 zeros for the first entry). Editing, removing
// or reordering any entry breaks every later link; SQLite triggers refuse UPDATE and DELETE so
// that mistakes are stopped, and VerifyAuditChain() catches deliberate edits of the file.
#pragma once
#include <cstdint>
#include <string>

#include "core/status.h"
#include "store/sqlite.h"

namespace ngb::store {

struct AuditEntry {
  int64_t seq = 0;
  std::string at, actor, action, details, prev_hash, hash;
};

// Hash of an entry as defined above.
std::string AuditEntryHash(const AuditEntry& e);

// Appends an entry (details: a JSON object as text). Not transactional by itself: call inside the
// caller's transaction when the entry must commit together with other changes.
Result<AuditEntry> AppendAudit(Db& db, const std::string& actor, const std::string& action,
                               const std::string& details_json);

struct AuditCheck {
  int64_t entries = 0;
  std::string head_hash;      // hash of the last entry
  bool ok = true;
  int64_t broken_seq = 0;     // first entry whose link or hash does not hold
  std::string problem;        // what is wrong with it
};
// Re-computes the chain from the first entry.
Result<AuditCheck> VerifyAuditChain(Db& db);
// Continues a check that found `verified.entries` good entries ending in `verified.head_hash`
// (an earlier result, or AuditCheck{} to start from scratch): only later entries are read, so
// re-checking a long log after a few appends is cheap. The entries already covered are trusted;
// the caller decides when to start again from scratch. A failed `verified` is returned as is.
Result<AuditCheck> ContinueAuditCheck(Db& db, const AuditCheck& verified);

}  // namespace ngb::store
