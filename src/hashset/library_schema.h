// The hash-set library's SQLite schema, as versioned migrations (docs/hash-sets.md documents
// the result).
#pragma once
#include "core/status.h"
#include "store/sqlite.h"

namespace ngb::hashset {

// Brings library.db up to the latest schema. Fails with "library_too_new" for a library
// written by a newer Nigehbaan.
Status MigrateLibrary(store::Db& db);
int LatestLibrarySchemaVersion();

}  // namespace ngb::hashset
