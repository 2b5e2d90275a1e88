// ItemRows: reads recorded items back from the case store, in a stable order (scan, then path
// bytes, then id), for exporters and verification.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/item.h"
#include "core/status.h"
#include "store/sqlite.h"

namespace ngb::report {

struct ItemRow {
  ItemRecord rec;
  std::string source_label;
  std::string source_abs_path;
  // Where the item is on this machine, for file-system items (depth 0); "" otherwise.
  std::string fs_path() const;
};

struct RowFilter {
  std::optional<int64_t> scan_id;  // all scans when unset
  // Only pertinent items: an alert or watch hash-set hit, a reviewer's category 1-4, or a
  // conversation with a risk finding (what the report lists in full).
  bool pertinent = false;
};

// Calls fn for every row; stops early if fn returns false.
Status ForEachItem(store::Db& db, const RowFilter& filter, const std::function<bool(const ItemRow&)>& fn);

}  // namespace ngb::report
