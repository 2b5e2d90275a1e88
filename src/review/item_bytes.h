// ReadItemBytes: an item's content, re-read from the evidence the case recorded — never from a
// path a caller supplies. A file-system item is opened at its source's recorded absolute path
// (read-only, O_NOATIME, no symlinks followed); an archive member by re-opening its chain of
// containers read-only and streaming down to the member with libarchive (a nested container is
// held in memory, at most kMaxNestedContainerBytes). The bytes are returned only when their
// SHA-256 equals the recorded one.
//
// Errors: "no_such_item"; "no_content" (a folder, link, or an item whose digest was never
// recorded); "too_large" (over max_bytes); "evidence_unavailable" (the file or a container cannot
// be opened or read, detail says why); "member_not_found"; "evidence_changed" (SHA-256 differs);
// "unknown_location" (the path does not start with its source's label).
// Not thread-safe for one Db (callers serialise); the reading itself touches no shared state.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/sqlite.h"

namespace ngb::review {

inline constexpr uint64_t kMaxNestedContainerBytes = uint64_t{512} << 20;

// What is needed to re-read an item, looked up under the caller's lock; reading needs no Db.
struct ItemLocation {
  struct Level {
    std::string path;    // raw provenance path
    std::string sha256;  // recorded digest ("" when none)
  };
  std::string file;           // absolute path of the top-level file
  std::vector<Level> chain;   // top-level file first, the item last
  uint64_t size = 0;          // recorded size of the item
  std::string mime;
};

// Errors: "no_such_item", "no_content", "unknown_location", store errors.
Result<ItemLocation> LocateItem(store::Db& db, int64_t item_id);
// Reads and checks the bytes. Errors: see above.
Result<std::string> ReadLocatedItem(const ItemLocation& where, uint64_t max_bytes);
// LocateItem + ReadLocatedItem.
Result<std::string> ReadItemBytes(store::Db& db, int64_t item_id, uint64_t max_bytes);

}  // namespace ngb::review
