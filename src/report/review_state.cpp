#include "report/review_state.h"

#include <nlohmann/json.hpp>

namespace ngb::report {

Result<ReviewLookup> ReviewLookup::Prepare(store::Db& db) {
  Result<store::Stmt> q = db.Prepare(
      "SELECT d.id, d.category, coalesce(d.tags, '[]'), coalesce(d.note, ''), coalesce(u.name, ''), d.decided_at "
      "FROM review_current c JOIN review_decisions d ON d.id = c.decision_id "
      "LEFT JOIN users u ON u.id = d.reviewer_id WHERE c.item_id = ?");
  if (!q.ok()) return q.status();
  return ReviewLookup(std::move(*q));
}

Result<std::optional<ReviewState>> ReviewLookup::Get(int64_t item_id) {
  q_.Bind(1, item_id);
  Result<bool> row = q_.Step();
  if (!row.ok()) {
    q_.Reset();
    return row.status();
  }
  std::optional<ReviewState> out;
  if (*row) {
    ReviewState r;
    r.decision_id = q_.Int(0);
    if (auto c = q_.OptInt(1)) r.category = static_cast<int>(*c);
    const nlohmann::json tags = nlohmann::json::parse(q_.View(2), nullptr, false);
    if (tags.is_array()) {
      for (const auto& t : tags) {
        if (t.is_string()) r.tags.push_back(t.get<std::string>());
      }
    }
    r.note = q_.Text(3);
    r.reviewer = q_.Text(4);
    r.decided_at = q_.Text(5);
    out = std::move(r);
  }
  q_.Reset();
  return out;
}

int CategorySeverity(int category) {
  switch (category) {
    case 1: return 5;
    case 2: return 4;
    case 3: return 3;
    case 4: return 2;
    case 0: return 0;
    default: return 1;
  }
}

std::optional<int> HashSetCategory(const std::vector<HashMatch>& matches) {
  std::optional<int> best;
  for (const HashMatch& m : matches) {
    if (!m.category) continue;
    if (!best || CategorySeverity(*m.category) > CategorySeverity(*best)) best = m.category;
  }
  return best;
}

std::optional<int> EffectiveCategory(const std::optional<ReviewState>& review, const std::vector<HashMatch>& matches) {
  if (review && review->category) return review->category;
  return HashSetCategory(matches);
}

std::string CategoryName(const std::optional<int>& category) {
  return category ? std::to_string(*category) : "uncategorised";
}

}  // namespace ngb::report
