#include "store/migrations.h"

#include <array>
#include <string>

#include "core/time_util.h"

namespace ngb::store {
namespace {

constexpr std::array<Migration, 8> kMigrations = {{
    {1, "case, scans, sources, items, audit log",
     R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE scans(
  id INTEGER PRIMARY KEY,
  examiner TEXT NOT NULL,
  host TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  command_line TEXT NOT NULL,
  options TEXT NOT NULL,            -- JSON: limits and settings that shape results
  sources_key TEXT NOT NULL,        -- identity of the source list, used to resume
  status TEXT NOT NULL CHECK(status IN ('running','complete')),
  started_at TEXT NOT NULL,
  ended_at TEXT,
  runs INTEGER NOT NULL DEFAULT 1,  -- 1 + number of resumptions
  items INTEGER, bytes INTEGER, errors INTEGER,
  manifest_sha256 TEXT
);

CREATE TABLE sources(
  id INTEGER PRIMARY KEY,
  scan_id INTEGER NOT NULL REFERENCES scans(id),
  position INTEGER NOT NULL,
  label TEXT NOT NULL,              -- first component of every provenance path from this source
  abs_path BLOB NOT NULL,           -- where the source was on the examiner's machine
  kind TEXT NOT NULL,
  items INTEGER, bytes INTEGER, errors INTEGER,
  UNIQUE(scan_id, position)
);

CREATE TABLE items(
  id INTEGER PRIMARY KEY,
  scan_id INTEGER NOT NULL,
  source_id INTEGER NOT NULL,
  parent_id INTEGER,                -- NULL directly under a source
  top_id INTEGER NOT NULL,          -- top-level unit; its own row is written last
  depth INTEGER NOT NULL,
  path BLOB NOT NULL,               -- provenance path, raw bytes
  path_text TEXT NOT NULL,          -- the same, UTF-8 with invalid bytes as \xNN
  kind TEXT NOT NULL,
  size INTEGER,
  mtime_ns INTEGER, atime_ns INTEGER, ctime_ns INTEGER, btime_ns INTEGER,
  mode INTEGER, inode INTEGER,
  link_target BLOB,
  sparse INTEGER NOT NULL DEFAULT 0,
  mime TEXT,
  ext_mismatch INTEGER,
  md5 TEXT, sha1 TEXT, sha256 TEXT,
  error TEXT,
  error_detail TEXT
);
CREATE INDEX items_by_scan_top ON items(scan_id, top_id);
CREATE INDEX items_by_path ON items(scan_id, path);

CREATE TABLE item_attrs(
  item_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL
);
CREATE INDEX item_attrs_by_item ON item_attrs(item_id);

CREATE TABLE audit_log(
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  details TEXT NOT NULL,            -- JSON object
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)sql"},
    {2, "items.entropy for content no signature identified",
     R"sql(
ALTER TABLE items ADD COLUMN entropy REAL;
)sql"},
    {3, "PDQ perceptual hashes and hash-set matches",
     R"sql(
ALTER TABLE items ADD COLUMN pdq TEXT;
ALTER TABLE items ADD COLUMN pdq_quality INTEGER;
CREATE TABLE matches(
  item_id    INTEGER NOT NULL,
  set_name   TEXT NOT NULL,
  set_kind   TEXT NOT NULL CHECK (set_kind IN ('alert', 'known-good', 'watch')),
  match_type TEXT NOT NULL CHECK (match_type IN ('md5', 'sha1', 'sha256', 'pdq')),
  hash       TEXT NOT NULL,
  distance   INTEGER NOT NULL,
  category   INTEGER
);
CREATE INDEX matches_by_item ON matches(item_id);
CREATE TABLE scan_hashsets(
  scan_id       INTEGER NOT NULL REFERENCES scans(id),
  name          TEXT NOT NULL,
  kind          TEXT NOT NULL,
  source_sha256 TEXT,
  entries       INTEGER,
  imported_at   TEXT,
  PRIMARY KEY (scan_id, name)
);
)sql"},
    {4, "chat exports: conversations and their risk findings",
     R"sql(
CREATE TABLE conversations(
  id              INTEGER PRIMARY KEY,
  item_id         INTEGER NOT NULL,
  conv_index      INTEGER NOT NULL,
  format          TEXT NOT NULL,
  title           TEXT,
  conversation_id TEXT,
  language        TEXT,
  participants    TEXT NOT NULL,
  message_count   INTEGER NOT NULL,
  parse_errors    INTEGER NOT NULL,
  risk            REAL NOT NULL,
  scores          TEXT NOT NULL,
  UNIQUE (item_id, conv_index)
);
CREATE TABLE chat_findings(
  conversation_id   INTEGER NOT NULL REFERENCES conversations(id),
  label             TEXT NOT NULL CHECK (label IN ('grooming', 'sextortion', 'sexting', 'livestreaming', 'cyberbullying')),
  score             REAL NOT NULL,
  offender          TEXT,
  target            TEXT,
  first_alert_index INTEGER NOT NULL,
  evidence          TEXT NOT NULL
);
CREATE INDEX chat_findings_by_label ON chat_findings(label, score);
CREATE INDEX conversations_by_item ON conversations(item_id);
)sql"},
    {5, "review: users, sessions, review decisions, user settings",
     R"sql(
CREATE TABLE users(
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL CHECK (role IN ('examiner', 'reviewer', 'supervisor')),
  password_hash TEXT NOT NULL,      -- libsodium crypto_pwhash_str (Argon2id, $argon2id$...)
  created_at    TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sessions(
  token_hash TEXT PRIMARY KEY,      -- SHA-256 hex of the cookie's token (the token is never stored)
  user_id    INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,      -- seconds since 1970 UTC
  expires_at INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_id);
CREATE TABLE review_decisions(
  id          INTEGER PRIMARY KEY,  -- history: one row per decision, never updated
  item_id     INTEGER NOT NULL,
  category    INTEGER CHECK (category IS NULL OR category BETWEEN 0 AND 4),  -- VICS; NULL uncategorised
  tags        TEXT NOT NULL,        -- JSON array of strings
  note        TEXT NOT NULL,
  reviewer_id INTEGER NOT NULL REFERENCES users(id),
  decided_at  TEXT NOT NULL,
  audit_seq   INTEGER NOT NULL      -- the audit_log entry recording it
);
CREATE INDEX review_decisions_by_item ON review_decisions(item_id, id);
CREATE TRIGGER review_decisions_no_update BEFORE UPDATE ON review_decisions
  BEGIN SELECT RAISE(ABORT, 'review_decisions is append-only'); END;
CREATE TRIGGER review_decisions_no_delete BEFORE DELETE ON review_decisions
  BEGIN SELECT RAISE(ABORT, 'review_decisions is append-only'); END;
CREATE TABLE review_current(
  item_id     INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES review_decisions(id),
  category    INTEGER,
  reviewer_id INTEGER NOT NULL
);
CREATE INDEX review_current_by_category ON review_current(category);
CREATE TABLE user_settings(
  user_id        INTEGER PRIMARY KEY REFERENCES users(id),
  reveal_default INTEGER NOT NULL DEFAULT 0   -- 1: previews shown unblurred by default
);
CREATE INDEX matches_by_kind ON matches(set_kind, match_type, item_id);
)sql"},
    {6, "disk images: allocation status of file-system items",
     R"sql(
ALTER TABLE items ADD COLUMN alloc INTEGER;   -- items inside disk images: 1 allocated, 0 deleted
)sql"},
    {7, "index of disk images' media-check attributes",
     R"sql(
-- Partial: only the few rows of disk-image items, so the scan's closing summary finds them
-- without visiting every item of the scan (app/scan_job.cpp ImageChecks: same key list).
CREATE INDEX item_attrs_media_checks ON item_attrs(item_id)
  WHERE key IN ('image.format', 'media.md5', 'media.sha1', 'ewf.stored_md5', 'ewf.stored_sha1');
)sql"},
    {8, "items_by_scan_top: only rows below a top-level unit",
     R"sql(
-- Only a resumed scan reads this index, to find the rows of units whose own row is missing; a
-- top-level row (top_id = id) is never one of them. Most rows of a folder scan are top-level, and
-- each cost one more B-tree insert (~1.5 % of a 100,000-small-file scan's CPU). Queries must say
-- "top_id <> id" for SQLite to use it (scan_record.cpp DeleteUnfinishedUnits).
DROP INDEX items_by_scan_top;
CREATE INDEX items_by_scan_top ON items(scan_id, top_id) WHERE top_id <> id;
)sql"},
}};

}  // namespace

std::span<const Migration> CaseMigrations() { return kMigrations; }

int LatestSchemaVersion() { return kMigrations.back().version; }

Result<int> SchemaVersion(Db& db) {
  Result<Stmt> q = db.Prepare(
      "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_migrations'");
  if (!q.ok()) return q.status();
  Result<bool> row = q->Step();
  if (!row.ok()) return row.status();
  if (q->Int(0) == 0) return 0;
  Result<Stmt> v = db.Prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!v.ok()) return v.status();
  row = v->Step();
  if (!row.ok()) return row.status();
  return static_cast<int>(v->Int(0));
}

Status Migrate(Db& db) { return ApplyMigrations(db, kMigrations, "case_too_new"); }

Status ApplyMigrations(Db& db, std::span<const Migration> migrations, const char* too_new_reason) {
  if (Status s = db.Exec(
          "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, "
          "applied_at TEXT NOT NULL, description TEXT NOT NULL)");
      !s.ok()) {
    return s;
  }
  Result<int> current = SchemaVersion(db);
  if (!current.ok()) return current.status();
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  if (*current > latest) {
    return Status::Error(too_new_reason, "schema version " + std::to_string(*current) +
                                             " is newer than this tool understands (" +
                                             std::to_string(latest) + ")");
  }
  for (const Migration& m : migrations) {
    if (m.version <= *current) continue;
    Transaction tx(db);
    if (!tx.started()) return Status::Error(db.error_reason(), db.ErrorMessage());
    if (Status s = db.Exec(m.sql); !s.ok()) return s;
    Result<Stmt> ins = db.Prepare(
        "INSERT INTO schema_migrations(version, applied_at, description) VALUES(?,?,?)");
    if (!ins.ok()) return ins.status();
    ins->Bind(1, int64_t{m.version}).Bind(2, NowIso8601()).Bind(3, m.description);
    if (Status s = ins->Run(); !s.ok()) return s;
    if (Status s = tx.Commit(); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace ngb::store
