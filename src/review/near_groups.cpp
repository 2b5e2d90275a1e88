#include "review/near_groups.h"

#include <chrono>
#include <numeric>

#include "hash/hash256.h"
#include "hashset/pdq_index.h"

namespace ngb::review {
namespace {

int64_t Find(std::vector<int64_t>& parent, int64_t i) {
  while (parent[i] != i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

}  // namespace

Status NearGroups::Refresh(store::Db& db) {
  Result<store::Stmt> k = db.Prepare(
      "SELECT (SELECT coalesce(max(id), 0) FROM items), "
      "(SELECT coalesce(group_concat(id || ':' || runs || ':' || status), '') FROM scans)");
  if (!k.ok()) return k.status();
  if (Result<bool> r = k->Step(); !r.ok()) return r.status();
  const std::string key = std::to_string(k->Int(0)) + "/" + k->Text(1);
  if (key == built_for_) return Status::Ok();
  const auto start = std::chrono::steady_clock::now();
  Result<store::Stmt> q = db.Prepare(
      "SELECT id, pdq FROM items WHERE pdq IS NOT NULL AND coalesce(pdq_quality, 0) >= 50 ORDER BY id");
  if (!q.ok()) return q.status();
  std::vector<int64_t> ids;
  std::vector<Hash256> hashes;
  for (;;) {
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::optional<Hash256> h = Hash256::ParseHex(q->View(1));
    if (!h) continue;
    ids.push_back(q->Int(0));
    hashes.push_back(*h);
  }
  group_of_.clear();
  members_.clear();
  if (hashes.size() >= 2 && hashes.size() < hashset::PdqIndex::kMaxEntries) {
    std::vector<uint32_t> rows(hashes.size());
    std::iota(rows.begin(), rows.end(), 0u);
    Result<hashset::PdqIndex> index = hashset::PdqIndex::Build(hashes, rows);
    if (!index.ok()) return index.status();
    std::vector<int64_t> parent(hashes.size());
    std::iota(parent.begin(), parent.end(), 0);
    std::vector<hashset::PdqMatch> found;
    for (size_t i = 0; i < hashes.size(); ++i) {
      index->Query(hashes[i], kNearDistance, &found);
      for (const hashset::PdqMatch& m : found) {
        const int64_t a = Find(parent, static_cast<int64_t>(i)), b = Find(parent, m.id);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);  // the root stays the smallest row
      }
    }
    std::unordered_map<int64_t, std::vector<int64_t>> by_root;
    for (size_t i = 0; i < hashes.size(); ++i) by_root[Find(parent, static_cast<int64_t>(i))].push_back(ids[i]);
    for (auto& [root, items] : by_root) {
      if (items.size() < 2) continue;
      const int64_t gid = items.front();  // rows are in id order, so the first is the smallest id
      for (int64_t item : items) group_of_[item] = gid;
      members_[gid] = std::move(items);
    }
  }
  built_for_ = key;
  last_build_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return Status::Ok();
}

std::optional<GroupRef> NearGroups::GroupOf(int64_t item_id) const {
  auto it = group_of_.find(item_id);
  if (it == group_of_.end()) return std::nullopt;
  return GroupRef{it->second, static_cast<int64_t>(members_.at(it->second).size())};
}

const std::vector<int64_t>& NearGroups::Members(int64_t group_id) const {
  static const std::vector<int64_t> kNone;
  auto it = members_.find(group_id);
  return it == members_.end() ? kNone : it->second;
}

}  // namespace ngb::review
