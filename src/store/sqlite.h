// Thin RAII wrapper over the SQLite C API: Db (a connection) and Stmt (a prepared statement).
// Errors come back as Status values; nothing throws.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/status.h"

namespace ngb::store {

class Stmt;

class Db {
 public:
  Db() = default;
  ~Db();
  Db(Db&& other) noexcept : db_(other.db_), reason_(other.reason_) { other.db_ = nullptr; }
  Db& operator=(Db&& other) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Opens (create=true: creates) the database file. Sets a busy timeout so a second process
  // (e.g. `export` during a `scan`) waits instead of failing.
  static Result<Db> Open(const std::string& path, bool create, bool read_only = false);
  // Opens someone else's database file read-only as immutable (no locks, no journal or WAL
  // recovery, nothing written beside it): for read-only input such as an NSRL RDS.
  static Result<Db> OpenImmutable(const std::string& path);
  // Opens a database image held in memory, read-only (sqlite3_deserialize): for a database found
  // inside an archive. `image` is used in place (not copied) and must outlive the Db; bytes 18-19
  // must not say WAL (callers patch a copy: an in-memory database has no WAL).
  static Result<Db> OpenMemoryImage(std::span<uint8_t> image);

  // Reason code of the errors this connection and its statements return ("case_store_error"
  // unless set). REQUIRES: `reason` has static storage (a string literal).
  void set_error_reason(const char* reason) { reason_ = reason; }
  const char* error_reason() const { return reason_; }

  // Runs one or more SQL statements with no results.
  Status Exec(std::string_view sql);
  Result<Stmt> Prepare(std::string_view sql);
  int64_t LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
  std::string ErrorMessage() const { return sqlite3_errmsg(db_); }
  sqlite3* raw() const { return db_; }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
  const char* reason_ = "case_store_error";
};

class Stmt {
 public:
  Stmt() = default;
  ~Stmt() { sqlite3_finalize(st_); }
  Stmt(Stmt&& o) noexcept : st_(o.st_), reason_(o.reason_) { o.st_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // Binding; indexes start at 1 as in SQLite. Text and blobs are copied (SQLITE_TRANSIENT).
  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, double v);
  Stmt& Bind(int i, std::string_view text);
  Stmt& BindBlob(int i, std::string_view bytes);
  Stmt& BindNull(int i);
  template <typename T>
  Stmt& BindOpt(int i, const std::optional<T>& v) {
    return v ? Bind(i, static_cast<int64_t>(*v)) : BindNull(i);
  }
  // Empty text binds NULL.
  Stmt& BindTextOrNull(int i, std::string_view text) { return text.empty() ? BindNull(i) : Bind(i, text); }
  // Without the copy (SQLITE_STATIC), for hot loops. REQUIRES: the bytes stay valid and unchanged
  // until the statement is stepped and reset (Run() does both).
  Stmt& BindStatic(int i, std::string_view text);
  Stmt& BindBlobStatic(int i, std::string_view bytes);
  Stmt& BindStaticOrNull(int i, std::string_view text) { return text.empty() ? BindNull(i) : BindStatic(i, text); }

  // Steps once. Returns true when a row is available, false when done; errors as Status.
  Result<bool> Step();
  // Steps to completion, ignoring rows; then resets for reuse.
  Status Run();
  void Reset() { sqlite3_reset(st_); sqlite3_clear_bindings(st_); }

  int64_t Int(int col) const { return sqlite3_column_int64(st_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
  // SQLITE_INTEGER, _FLOAT, _TEXT, _BLOB or _NULL; ask before reading the column as another type.
  int Type(int col) const { return sqlite3_column_type(st_, col); }
  std::optional<double> OptDouble(int col) const {
    if (IsNull(col)) return std::nullopt;
    return sqlite3_column_double(st_, col);
  }
  std::optional<int64_t> OptInt(int col) const {
    if (IsNull(col)) return std::nullopt;
    return Int(col);
  }
  // Text or blob column as bytes ("" for NULL).
  std::string Text(int col) const;
  std::string_view View(int col) const;

 private:
  friend class Db;
  Stmt(sqlite3_stmt* st, const char* reason) : st_(st), reason_(reason) {}
  sqlite3_stmt* st_ = nullptr;
  const char* reason_ = "case_store_error";
};

// Commits on Commit(); rolls back if destroyed before.
class Transaction {
 public:
  explicit Transaction(Db& db) : db_(db) { ok_ = db_.Exec("BEGIN IMMEDIATE").ok(); }
  ~Transaction() {
    if (ok_ && !done_) db_.Exec("ROLLBACK");
  }
  Status Commit() {
    done_ = true;
    return db_.Exec("COMMIT");
  }
  bool started() const { return ok_; }

 private:
  Db& db_;
  bool ok_ = false;
  bool done_ = false;
};

}  // namespace ngb::store
