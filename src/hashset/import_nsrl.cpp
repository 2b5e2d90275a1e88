// NIST NSRL RDSv3: an SQLite database. The FILE view (sha256, sha1, md5, file_name, file_size,
// package_id — the RDSv2 NSRLFile.txt columns) is read when present; otherwise the METADATA
// table (full layout: file_name + extension, bytes; minimal layout: file_name, file_size).
// Columns are looked up by name, so either layout, and views with fewer columns, work; at
// least one of md5/sha1/sha256 must exist. Row numbers in bad rows count rows read (1-based).
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "hashset/hex.h"
#include "hashset/parsers.h"
#include "store/sqlite.h"

namespace ngb::hashset {
namespace {

bool HasTable(store::Db& db, const std::string& name) {
  Result<store::Stmt> q =
      db.Prepare("SELECT count(*) FROM sqlite_master WHERE type IN ('table','view') AND name = ? COLLATE NOCASE");
  if (!q.ok()) return false;
  q->Bind(1, name);
  Result<bool> row = q->Step();
  return row.ok() && *row && q->Int(0) > 0;
}

std::vector<std::string> Columns(store::Db& db, const std::string& table) {
  std::vector<std::string> cols;
  Result<store::Stmt> q = db.Prepare("PRAGMA table_info(" + table + ")");
  if (!q.ok()) return cols;
  for (;;) {
    Result<bool> row = q->Step();
    if (!row.ok() || !*row) break;
    std::string name = q->Text(1);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    cols.push_back(std::move(name));
  }
  return cols;
}

bool Has(const std::vector<std::string>& cols, const char* name) {
  for (const std::string& c : cols) {
    if (c == name) return true;
  }
  return false;
}

// "col" when the table has it, else NULL — so one SELECT shape serves every layout.
std::string ColOrNull(const std::vector<std::string>& cols, const char* name) {
  return Has(cols, name) ? std::string("\"") + name + "\"" : std::string("NULL");
}

// A hostile database can define FILE as a view that never ends (WITH RECURSIVE) or explodes (a
// cross join). SQLite calls this every kOpsPerCall virtual-machine steps; the read is stopped
// once it has taken more steps than kOpsPerByte per byte of the file, far above what the RDS
// views need (a few steps per byte).
constexpr int kOpsPerCall = 10000;
constexpr uint64_t kOpsPerByte = 100;
constexpr uint64_t kMinOps = 100'000'000;

struct WorkBudget {
  uint64_t left;
};

int SpendWork(void* budget) {
  WorkBudget* b = static_cast<WorkBudget*>(budget);
  if (b->left < static_cast<uint64_t>(kOpsPerCall)) return 1;  // interrupt
  b->left -= kOpsPerCall;
  return 0;
}

template <size_t N>
bool ReadDigest(store::Stmt& q, int col, std::optional<std::array<uint8_t, N>>& out, std::string& bad) {
  if (q.IsNull(col)) return true;
  const std::string_view text = q.View(col);
  if (text.empty()) return true;
  out = ParseHexDigest<N>(text);
  if (!out) bad = Excerpt(text);
  return out.has_value();
}

}  // namespace

Status ParseNsrl(const std::string& path, RecordSink& sink, SourceInfo* info) {
  Result<store::Db> db = store::Db::OpenImmutable(path);
  if (!db.ok()) return Status::Error("not_nsrl", db.status().detail());
  db->set_error_reason("not_nsrl");
  std::error_code ec;
  const uint64_t file_size = std::filesystem::file_size(path, ec);
  WorkBudget budget{std::max(kMinOps, (ec ? 0 : file_size) * kOpsPerByte)};
  sqlite3_progress_handler(db->raw(), kOpsPerCall, SpendWork, &budget);
  std::string table;
  std::vector<std::string> cols;
  for (const char* candidate : {"FILE", "METADATA"}) {
    if (!HasTable(*db, candidate)) continue;
    cols = Columns(*db, candidate);
    if (Has(cols, "md5") || Has(cols, "sha1") || Has(cols, "sha256")) {
      table = candidate;
      break;
    }
  }
  if (table.empty()) {
    return Status::Error("not_nsrl", path + " has no NSRL FILE view or METADATA table with md5/sha1/sha256 columns");
  }
  // Full-layout METADATA keeps the extension apart from the name, and the size in "bytes".
  const std::string name_expr =
      Has(cols, "extension") && table == "METADATA"
          ? "CASE WHEN coalesce(extension,'') = '' THEN file_name ELSE file_name || '.' || extension END"
          : ColOrNull(cols, "file_name");
  const std::string size_expr = Has(cols, "file_size") ? "file_size" : ColOrNull(cols, "bytes");
  const std::string sql = "SELECT " + ColOrNull(cols, "md5") + ", " + ColOrNull(cols, "sha1") + ", " +
                          ColOrNull(cols, "sha256") + ", " + name_expr + ", " + size_expr + " FROM " + table;
  Result<store::Stmt> q = db->Prepare(sql);
  if (!q.ok()) return q.status();
  if (info) info->layout = table;

  ParsedRecord r;
  uint64_t row_no = 0;
  for (;;) {
    Result<bool> row = q->Step();
    if (!row.ok()) {
      if (budget.left < static_cast<uint64_t>(kOpsPerCall)) {
        return Status::Error("not_nsrl", "reading " + table + " takes far more work than a database of this size can "
                                         "need (a view that never ends?); stopped after " + std::to_string(row_no) +
                                         " rows");
      }
      return Status::Error("not_nsrl", "reading " + table + ": " + row.status().detail());
    }
    if (!*row) break;
    ++row_no;
    if (info) ++info->records;
    const RecordPos pos{0, row_no};
    r.Clear();
    std::string bad;
    Status s;
    if (!ReadDigest<16>(*q, 0, r.md5, bad)) {
      s = sink.Bad(pos, "bad_md5", "md5 is not 32 hex digits: " + bad);
    } else if (!ReadDigest<20>(*q, 1, r.sha1, bad)) {
      s = sink.Bad(pos, "bad_sha1", "sha1 is not 40 hex digits: " + bad);
    } else if (!ReadDigest<32>(*q, 2, r.sha256, bad)) {
      s = sink.Bad(pos, "bad_sha256", "sha256 is not 64 hex digits: " + bad);
    } else if (!r.has_digest()) {
      s = sink.Bad(pos, "no_hash", "no md5, sha1 or sha256");
    } else {
      r.file_name = std::string(q->View(3).substr(0, kMaxFileName));
      if (std::optional<int64_t> size = q->OptInt(4); size && *size >= 0) r.size = static_cast<uint64_t>(*size);
      s = sink.Record(r, pos);
    }
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace ngb::hashset
