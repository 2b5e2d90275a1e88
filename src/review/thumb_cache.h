// ThumbCache: generated preview thumbnails kept beside the case (CASE_DIR/thumbs.db, a SQLite file
// of its own: a cache, not evidence — deleting it only costs regeneration, and case.db is never
// touched). Keyed by item id, variant and the item's recorded SHA-256 (so a re-used id or changed
// content never serves a stale preview). Failures are cached too (the reason code), so a broken
// image is decoded once, not on every page view.
// Thread-safe (one internal mutex); errors as values.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "store/sqlite.h"

namespace ngb::review {

class ThumbCache {
 public:
  struct Entry {
    std::string jpeg;   // empty when `error` is set
    std::string error;  // reason code of a failed generation
  };
  // Opens (creating) the cache file. Store errors.
  static Result<std::unique_ptr<ThumbCache>> Open(const std::string& path);
  // nullopt when not cached.
  Result<std::optional<Entry>> Get(int64_t item_id, std::string_view variant, std::string_view sha256);
  Status Put(int64_t item_id, std::string_view variant, std::string_view sha256, const Entry& entry);

 private:
  explicit ThumbCache(store::Db db) : db_(std::move(db)) {}
  std::mutex mu_;
  store::Db db_;
};

}  // namespace ngb::review
