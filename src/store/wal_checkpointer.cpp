#include "store/wal_checkpointer.h"

namespace ngb::store {

WalCheckpointer::WalCheckpointer(Db& writer, int pages) : writer_(writer), pages_(pages) {
  const char* file = sqlite3_db_filename(writer_.raw(), "main");
  if (file == nullptr || *file == '\0') return;  // in memory or temporary: no log to copy
  if (pages_ <= 0) {
    Result<Stmt> q = writer_.Prepare("PRAGMA wal_autocheckpoint");
    if (!q.ok()) return;
    Result<bool> row = q->Step();
    if (!row.ok() || !*row) return;
    pages_ = static_cast<int>(q->Int(0));
    if (pages_ <= 0) return;  // the owner turned automatic checkpoints off: so do we
  }
  path_ = file;
  sqlite3_wal_hook(writer_.raw(), &WalCheckpointer::OnCommit, this);
  thread_ = std::thread([this] { Run(); });
}

WalCheckpointer::~WalCheckpointer() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
  sqlite3_wal_autocheckpoint(writer_.raw(), pages_);  // replaces our hook with SQLite's own
}

int64_t WalCheckpointer::checkpoints() const {
  std::lock_guard lock(mu_);
  return done_;
}

int WalCheckpointer::OnCommit(void* self, sqlite3* db, const char* schema, int frames) {
  auto* c = static_cast<WalCheckpointer*>(self);
  if (frames >= 4 * c->pages_) {
    // What SQLite's own hook does; its result is not the commit's (the commit has happened).
    sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  } else if (frames >= c->pages_) {
    {
      std::lock_guard lock(c->mu_);
      c->wanted_ = true;
    }
    c->wake_.notify_one();
  }
  return SQLITE_OK;
}

void WalCheckpointer::Run() {
  // Opened on first use: most short runs never fill the log. The PRAGMA, unlike
  // sqlite3_wal_checkpoint_v2(), opens the database first on a fresh connection (the C call
  // there reports "not in WAL mode" and copies nothing).
  Db conn;
  Stmt checkpoint;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [&] { return wanted_ || stop_; });
      if (stop_) return;
      wanted_ = false;
    }
    if (conn.raw() == nullptr) {
      Result<Db> opened = Db::Open(path_, false);
      // On failure the writer's own fallback at 4 x pages_ keeps the log bounded.
      if (!opened.ok()) return;
      conn = std::move(*opened);
      Result<Stmt> st = conn.Prepare("PRAGMA main.wal_checkpoint(PASSIVE)");
      if (!st.ok()) return;
      checkpoint = std::move(*st);
    }
    // PASSIVE: never waits for readers or the writer; what it cannot copy now, the next one does.
    (void)checkpoint.Run();
    std::lock_guard lock(mu_);
    ++done_;
  }
}

}  // namespace ngb::store
