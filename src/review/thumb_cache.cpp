#include "review/thumb_cache.h"

namespace ngb::review {

Result<std::unique_ptr<ThumbCache>> ThumbCache::Open(const std::string& path) {
  Result<store::Db> db = store::Db::Open(path, /*create=*/true);
  if (!db.ok()) return db.status();
  if (Status s = db->Exec(
          "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
          "CREATE TABLE IF NOT EXISTS thumbs(item_id INTEGER NOT NULL, variant TEXT NOT NULL, sha256 TEXT NOT NULL, "
          "jpeg BLOB, error TEXT, PRIMARY KEY(item_id, variant, sha256)) WITHOUT ROWID;");
      !s.ok()) {
    return s;
  }
  return std::unique_ptr<ThumbCache>(new ThumbCache(std::move(*db)));
}

Result<std::optional<ThumbCache::Entry>> ThumbCache::Get(int64_t item_id, std::string_view variant,
                                                         std::string_view sha256) {
  std::lock_guard lock(mu_);
  Result<store::Stmt> q = db_.Prepare("SELECT jpeg, error FROM thumbs WHERE item_id = ? AND variant = ? AND sha256 = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, item_id).Bind(2, variant).Bind(3, sha256);
  Result<bool> row = q->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<Entry>();
  Entry e;
  if (!q->IsNull(0)) e.jpeg = std::string(q->View(0));
  if (!q->IsNull(1)) e.error = q->Text(1);
  return std::optional<Entry>(std::move(e));
}

Status ThumbCache::Put(int64_t item_id, std::string_view variant, std::string_view sha256, const Entry& entry) {
  std::lock_guard lock(mu_);
  Result<store::Stmt> q = db_.Prepare("INSERT OR REPLACE INTO thumbs(item_id, variant, sha256, jpeg, error) VALUES(?,?,?,?,?)");
  if (!q.ok()) return q.status();
  q->Bind(1, item_id).Bind(2, variant).Bind(3, sha256);
  if (entry.error.empty()) q->BindBlob(4, entry.jpeg).BindNull(5);
  else q->BindNull(4).Bind(5, entry.error);
  return q->Run();
}

}  // namespace ngb::review
