#include "hashset/library_schema.h"

#include <array>

#include "store/migrations.h"

namespace ngb::hashset {
namespace {

// Bulk-import design: one transaction per import; entries are appended in rowid order with
// explicit ids, so each set's entries are one contiguous id range (sets.first_entry_id ..
// last_entry_id) and the table needs no secondary index at all: nothing is maintained while
// rows stream in, removal is a range delete, ForEachHash a range scan. Digest lookups are
// served by index files built from ForEachHash after the import, not by SQLite B-trees (a
// B-tree index over random digests would make every import cost random I/O across the whole
// library).
constexpr std::array<store::Migration, 1> kMigrations = {{
    {1, "meta, sets, entries",
     R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);  -- next_entry_id

CREATE TABLE sets(
  id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: sets/<id>/ always names one set
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK(kind IN ('alert','known-good','watch')),
  format TEXT NOT NULL,
  source_path TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  source_size INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  first_entry_id INTEGER NOT NULL,
  last_entry_id INTEGER NOT NULL,
  entries INTEGER NOT NULL,
  md5_count INTEGER NOT NULL,
  sha1_count INTEGER NOT NULL,
  sha256_count INTEGER NOT NULL,
  pdq_count INTEGER NOT NULL,
  records INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  bad_rows INTEGER NOT NULL,
  details TEXT NOT NULL
);

CREATE TABLE entries(
  id INTEGER PRIMARY KEY,
  set_id INTEGER NOT NULL,
  md5 BLOB, sha1 BLOB, sha256 BLOB,
  pdq BLOB, pdq_quality INTEGER,
  category INTEGER,
  categories TEXT,
  victim_identified INTEGER,
  series TEXT,
  tags TEXT,
  file_name TEXT,
  size INTEGER
);
)sql"},
}};

}  // namespace

int LatestLibrarySchemaVersion() { return kMigrations.back().version; }

Status MigrateLibrary(store::Db& db) { return store::ApplyMigrations(db, kMigrations, "library_too_new"); }

}  // namespace ngb::hashset
