// Reviewers' current decisions and VICS category rules, as exporters and the report read them.
//
// Which category wins: an item's reviewer decision (review_current, the latest decision made in
// the review UI) when it names a category 0-4; otherwise the most severe category of the item's
// hash-set hits (in practice alert sets: only they carry categories); otherwise none (uncategorised). A decision that leaves the item uncategorised
// does not erase a hash-set category. Severity order: 1 > 2 > 3 > 4 > other > 0.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/item.h"
#include "core/status.h"
#include "store/sqlite.h"

namespace ngb::report {

struct ReviewState {
  int64_t decision_id = 0;
  std::optional<int> category;  // VICS 0-4, nullopt: the reviewer left it uncategorised
  std::vector<std::string> tags;
  std::string note;
  std::string reviewer;    // user name
  std::string decided_at;  // ISO 8601 UTC
};

// Reads items' current decisions with one prepared statement. Not thread-safe. REQUIRES: `db`
// outlives the lookup.
class ReviewLookup {
 public:
  static Result<ReviewLookup> Prepare(store::Db& db);
  // The item's current decision; nullopt when nobody decided on it.
  Result<std::optional<ReviewState>> Get(int64_t item_id);

 private:
  explicit ReviewLookup(store::Stmt q) : q_(std::move(q)) {}
  store::Stmt q_;
};

// Larger = more severe (1 CSAM, 2 exploitative, 3 CGI/animation, 4 comparison, other, 0 not pertinent).
int CategorySeverity(int category);
// The most severe category among the item's hash-set hits (nullopt when none carries one).
std::optional<int> HashSetCategory(const std::vector<HashMatch>& matches);
// The category that counts, by the rule above.
std::optional<int> EffectiveCategory(const std::optional<ReviewState>& review, const std::vector<HashMatch>& matches);
// "1".."4", "0" or "uncategorised", for tables.
std::string CategoryName(const std::optional<int>& category);

}  // namespace ngb::report
