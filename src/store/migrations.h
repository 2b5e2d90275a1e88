// Versioned schema migrations of the case store. Each migration runs once, in order, inside a
// transaction, and is recorded in schema_migrations. docs/case-store.md documents the result.
#pragma once
#include <span>

#include "core/status.h"
#include "store/sqlite.h"

namespace ngb::store {

// One schema step. Versions start at 1 and increase by one.
struct Migration {
  int version;
  const char* description;
  const char* sql;
};

// Applies the steps of `migrations` newer than the version recorded in `db`'s
// schema_migrations table, each in its own transaction, recording each one. Fails with
// `too_new_reason` when the database was written by a newer build (a version above the last
// step). Shared by every SQLite database the tool writes (case store, hash-set library).
Status ApplyMigrations(Db& db, std::span<const Migration> migrations, const char* too_new_reason);

// The case store's migrations, oldest first (tests apply a prefix to build an older case).
std::span<const Migration> CaseMigrations();
// The schema version this build writes and understands.
int LatestSchemaVersion();
// Brings `db` up to LatestSchemaVersion(). Fails with "case_too_new" when the case was written by
// a newer Nigehbaan.
Status Migrate(Db& db);
// Version recorded in the database (0 for an empty database).
Result<int> SchemaVersion(Db& db);

}  // namespace ngb::store
