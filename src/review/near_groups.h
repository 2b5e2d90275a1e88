// Near-duplicate groups: images of the case whose PDQ hashes are within kNearDistance bits of each
// other (directly or through a chain of such pairs: single linkage), so a reviewer can categorise
// a re-encoded, resized or lightly edited copy together with its original. Images with PDQ
// quality below 50 are left out (they are never matched either: docs/hash-sets.md).
//
// Computed once per state of the case (a PdqIndex over the case's own hashes, one query per
// image: ~5 s for 40,000 images on a busy 2-core VM) and kept in memory; Refresh() recomputes when
// items were added or the scan changed. A group's id is its smallest item id; items without a
// near duplicate are in no group.
// Not thread-safe (callers serialise); the lookups are const and may run concurrently with each
// other but not with Refresh().
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "store/sqlite.h"

namespace ngb::review {

inline constexpr int kNearDistance = 31;  // PDQ's usual match threshold (docs/hash-sets.md)

struct GroupRef {
  int64_t id = 0;
  int64_t size = 0;
};

class NearGroups {
 public:
  // Recomputes when the case changed since the last call. Store errors.
  Status Refresh(store::Db& db);
  std::optional<GroupRef> GroupOf(int64_t item_id) const;
  // Members of group `group_id` sorted by id; empty when there is no such group.
  const std::vector<int64_t>& Members(int64_t group_id) const;
  size_t group_count() const { return members_.size(); }
  // Milliseconds the last recomputation took (for the benchmark and the log).
  double last_build_ms() const { return last_build_ms_; }

 private:
  std::string built_for_;
  std::unordered_map<int64_t, int64_t> group_of_;                 // item id -> group id
  std::unordered_map<int64_t, std::vector<int64_t>> members_;     // group id -> item ids
  double last_build_ms_ = 0;
};

}  // namespace ngb::review
