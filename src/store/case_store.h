// The case: a folder holding case.db (SQLite, WAL) and a scratch folder for spooling nested
// containers. CaseStore owns the connection used by the command that opened it.
#pragma once
#include <string>

#include "core/status.h"
#include "store/audit_log.h"
#include "store/sqlite.h"

namespace ngb::store {

class CaseStore {
 public:
  // Creates CASE_DIR (which must not exist, or be an empty folder) with a migrated database,
  // case metadata and the first audit entry ("case_init").
  static Result<CaseStore> Create(const std::string& dir, const std::string& title,
                                  const std::string& examiner);
  // Opens an existing case and applies pending migrations. read_only opens without migrating.
  static Result<CaseStore> Open(const std::string& dir, bool read_only = false);

  Db& db() { return db_; }
  const std::string& dir() const { return dir_; }
  // Folder for temporary, unnamed spool files (never inside evidence).
  std::string scratch_dir() const { return dir_ + "/tmp"; }

  // Case metadata (title, examiner, case_id, created_at, tool_version).
  std::string Meta(const std::string& key);

  Result<AuditEntry> Audit(const std::string& actor, const std::string& action,
                           const std::string& details_json) {
    return AppendAudit(db_, actor, action, details_json);
  }

 private:
  CaseStore(std::string dir, Db db) : dir_(std::move(dir)), db_(std::move(db)) {}
  std::string dir_;
  Db db_;
};

inline constexpr const char* kCaseDbName = "case.db";

}  // namespace ngb::store
