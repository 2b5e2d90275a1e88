// WalCheckpointer: copies a WAL database's log into the database file on a thread and connection
// of its own, so the connection that writes never stops to do it.
//
// SQLite's automatic checkpoint runs inside the COMMIT that crosses the threshold: the writing
// thread copies the whole log (tens of MiB) and fsyncs before it can take the next batch, and a
// scan's workers, their queue to the writer full, wait for it (~0.1 s per 32 MiB here). A
// checkpoint does not need the write lock, so another connection can run it while the writer
// goes on appending.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "store/sqlite.h"

namespace ngb::store {

class WalCheckpointer {
 public:
  // Takes over `writer`'s automatic checkpoints: when a commit leaves `pages` or more frames in
  // the log, a background connection runs a PASSIVE checkpoint. Should the log still reach
  // 4 x `pages` (the background one cannot keep up), the committing connection checkpoints
  // itself as SQLite would, so the log stays bounded. `pages` 0: the connection's own
  // wal_autocheckpoint setting. A database without a file (in memory), or whose automatic
  // checkpoints are off, is left alone. `writer` must outlive this object and be used by one
  // thread at a time.
  explicit WalCheckpointer(Db& writer, int pages = 0);
  // Stops the background thread (finishing a checkpoint it is in) and gives `writer` back its
  // automatic checkpoints at `pages`.
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Checkpoints the background connection has run (for tests).
  int64_t checkpoints() const;

 private:
  static int OnCommit(void* self, sqlite3* db, const char* schema, int frames);
  void Run();

  Db& writer_;
  int pages_;
  std::string path_;
  std::thread thread_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool wanted_ = false;  // GUARDED_BY(mu_)
  bool stop_ = false;    // GUARDED_BY(mu_)
  int64_t done_ = 0;     // GUARDED_BY(mu_)
};

}  // namespace ngb::store
