// The review queue: every file and archive member of the case in priority order —
//   tier 0 "alert"    exact digest match in an alert hash set
//   tier 1 "near"     PDQ match in an alert or watch set (closest first)
//   tier 2 "chat"     chat exports, by conversation risk (highest first)
//   tier 3 "image"    other images not marked known-good
//   tier 4 "other"    the rest (including known-good items)
// then by item id. The order and the filter columns are computed once into a TEMP table of the
// connection (rebuilt when items, matches or conversations were added since), so a page is an
// index walk: a few milliseconds on a 100,000-item case. Not thread-safe (callers serialise).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/sqlite.h"

namespace ngb::review {

// Empty strings mean "no filter". Values are checked (CheckQueueFilter) before any SQL sees them,
// and then only ever bound as parameters.
struct QueueFilter {
  std::string source;    // a source label (sources.label)
  std::string type;      // image, video, audio, chat, archive, document, other
  std::string category;  // 0-4, "none" (uncategorised or never decided), "decided"
  std::string match;     // alert, near, watch, known-good, any, none
  std::string label;     // a chat label: grooming, sextortion, sexting, livestreaming, cyberbullying
  int64_t offset = 0;    // 0..10,000,000
  int64_t limit = 50;    // 1..500
};
// "bad_filter" naming the field.
Status CheckQueueFilter(const QueueFilter& filter);

struct QueueEntry {
  int64_t item_id = 0;
  int tier = 4;
  const char* tier_name = "other";
  double score = 0;         // within the tier: -distance for near matches, risk for chats
  std::string path;         // provenance path (display form)
  std::string source;       // source label
  std::string type;         // as in QueueFilter::type
  std::string mime;
  std::string match;        // strongest match kind, "" for none
  std::string labels;       // chat labels, comma-separated
  std::optional<int> category;  // current decision's category
  bool decided = false;
};

struct QueuePage {
  int64_t total = 0;  // entries matching the filter
  std::vector<QueueEntry> entries;
};

class ReviewQueue {
 public:
  // Builds (or rebuilds, when the case grew) the queue table; cheap when nothing changed.
  Status Refresh(store::Db& db);
  // One page. Calls Refresh first. Errors: "bad_filter", store errors.
  Result<QueuePage> Page(store::Db& db, const QueueFilter& filter);
  // Names of the tiers, by number.
  static const char* TierName(int tier);

 private:
  std::string built_for_;  // max ids of items, matches and conversations at the last build
};

}  // namespace ngb::review
