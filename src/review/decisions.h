// Reviewers' decisions on items (VICS category 0-4 or uncategorised, tags, note). Every decision is
// a new row of `review_decisions` (history, append-only) and becomes the item's current decision
// (`review_current`); the same transaction appends a "review_decision" audit entry with who, what,
// when, and the decision before and after, so `nigehbaan verify` covers the review trail.
// Not thread-safe for one Db (callers serialise).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "review/users.h"
#include "store/sqlite.h"

namespace ngb::review {

struct DecisionInput {
  std::optional<int> category;    // VICS 0-4; nullopt = uncategorised
  std::vector<std::string> tags;  // at most 32, each 1-64 bytes of valid text
  std::string note;               // at most 8 KiB
};

struct Decision {
  int64_t id = 0;
  int64_t item_id = 0;
  std::optional<int> category;
  std::vector<std::string> tags;
  std::string note;
  int64_t reviewer_id = 0;
  std::string reviewer;  // name
  std::string decided_at;
  int64_t audit_seq = 0;
};

// "bad_category", "bad_tags", "note_too_long".
Status CheckDecisionInput(const DecisionInput& input);

// Records `who`'s decision on `item_id`. Errors: the CheckDecisionInput reasons, "no_such_item",
// "forbidden" (an examiner; or a reviewer changing a decision another reviewer made: only
// supervisors may), store errors.
Result<Decision> RecordDecision(store::Db& db, const User& who, int64_t item_id, const DecisionInput& input);

// The item's current decision (nullopt when never decided) and its full history, oldest first.
Result<std::optional<Decision>> CurrentDecision(store::Db& db, int64_t item_id);
Result<std::vector<Decision>> DecisionHistory(store::Db& db, int64_t item_id);

}  // namespace ngb::review
