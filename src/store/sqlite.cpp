#include "store/sqlite.h"

#include <cstdio>
#include <mutex>

namespace ngb::store {
namespace {

// Process-wide SQLite settings, applied once before the first connection (sqlite3_config only
// works before SQLite initialises; it reports misuse afterwards, which is harmless here).
// MEMSTATUS off: SQLite otherwise takes one global mutex around every allocation and free to
// keep memory statistics that nothing here reads (no soft heap limit is set either).
void ConfigureSqliteOnce() {
  static std::once_flag once;
  std::call_once(once, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

Db::~Db() { sqlite3_close_v2(db_); }

Db& Db::operator=(Db&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = other.db_;
    reason_ = other.reason_;
    other.db_ = nullptr;
  }
  return *this;
}

Result<Db> Db::Open(const std::string& path, bool create, bool read_only) {
  ConfigureSqliteOnce();
  sqlite3* raw = nullptr;
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create && !read_only) flags |= SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) {
    return Status::Error("case_store_error",
                         "cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : "out of memory"));
  }
  sqlite3_busy_timeout(raw, 30000);
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

Result<Db> Db::OpenImmutable(const std::string& path) {
  // URI form so that immutable=1 applies; the path is percent-encoded where URI syntax needs it.
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20 || c == 0x7f) {
      char esc[4];
      snprintf(esc, sizeof esc, "%%%02X", c);
      uri += esc;
    } else {
      uri += static_cast<char>(c);
    }
  }
  uri += "?immutable=1";
  ConfigureSqliteOnce();
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(uri.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) {
    return Status::Error("case_store_error",
                         "cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : "out of memory"));
  }
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

Result<Db> Db::OpenMemoryImage(std::span<uint8_t> image) {
  ConfigureSqliteOnce();
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) {
    return Status::Error("case_store_error", std::string("cannot open an in-memory database: ") +
                                                 (raw ? sqlite3_errmsg(raw) : "out of memory"));
  }
  sqlite3_extended_result_codes(raw, 1);
  const int d = sqlite3_deserialize(raw, "main", image.data(), static_cast<sqlite3_int64>(image.size()),
                                    static_cast<sqlite3_int64>(image.size()), SQLITE_DESERIALIZE_READONLY);
  if (d != SQLITE_OK) return Status::Error("case_store_error", std::string("cannot load the database image: ") + sqlite3_errmsg(raw));
  return db;
}

Status Db::Exec(std::string_view sql) {
  char* err = nullptr;
  const std::string s(sql);
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::Error(reason_, msg);
  }
  return Status::Ok();
}

Result<Stmt> Db::Prepare(std::string_view sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &st, nullptr) != SQLITE_OK) {
    return Status::Error(reason_, std::string(sqlite3_errmsg(db_)) + " in: " + std::string(sql));
  }
  return Stmt(st, reason_);
}

Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(st_);
    st_ = o.st_;
    reason_ = o.reason_;
    o.st_ = nullptr;
  }
  return *this;
}

Stmt& Stmt::Bind(int i, int64_t v) {
  sqlite3_bind_int64(st_, i, v);
  return *this;
}
Stmt& Stmt::Bind(int i, double v) {
  sqlite3_bind_double(st_, i, v);
  return *this;
}
Stmt& Stmt::Bind(int i, std::string_view text) {
  sqlite3_bind_text(st_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::BindBlob(int i, std::string_view bytes) {
  sqlite3_bind_blob(st_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::BindStatic(int i, std::string_view text) {
  sqlite3_bind_text(st_, i, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  return *this;
}
Stmt& Stmt::BindBlobStatic(int i, std::string_view bytes) {
  sqlite3_bind_blob(st_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC);
  return *this;
}
Stmt& Stmt::BindNull(int i) {
  sqlite3_bind_null(st_, i);
  return *this;
}

Result<bool> Stmt::Step() {
  const int rc = sqlite3_step(st_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Status::Error(reason_, sqlite3_errmsg(sqlite3_db_handle(st_)));
}

Status Stmt::Run() {
  for (;;) {
    Result<bool> r = Step();
    if (!r.ok()) {
      Reset();
      return r.status();
    }
    if (!*r) break;
  }
  Reset();
  return Status::Ok();
}

std::string Stmt::Text(int col) const { return std::string(View(col)); }

std::string_view Stmt::View(int col) const {
  const void* p = sqlite3_column_blob(st_, col);
  const int n = sqlite3_column_bytes(st_, col);
  if (!p || n <= 0) return {};
  return {static_cast<const char*>(p), static_cast<size_t>(n)};
}

}  // namespace ngb::store
