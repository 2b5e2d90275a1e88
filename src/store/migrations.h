// Versioned schema migrations of the case store. Each migration runs once, in order, inside a
// transaction, and is recorded in schema_migrations. docs/case-store.md documents the result.
#pragma once
#include "core/status.h"
#include "store/sqlite.h"

namespace ngb::store {

// The schema version this build writes and understands.
int LatestSchemaVersion();
// Brings `db` up to LatestSchemaVersion(). Fails with "case_too_new" when the case was written by
// a newer Nigehbaan.
Status Migrate(Db& db);
// Version recorded in the database (0 for an empty database).
Result<int> SchemaVersion(Db& db);

}  // namespace ngb::store
