// How records that carry the same hash become one entry of a set: the labels an entry keeps and
// the rules that combine them. Pure functions, no I/O; the library stores EntryLabels in the
// entries table (docs/hash-sets.md, "Duplicates").
//
//   category           all distinct categories are kept; the most severe one is the entry's
//                      category (US scheme: 1 > 2 > 3 > 4 > other values > 0; absent = unknown)
//   victim_identified  true if any record says true, else false if any says false, else unknown
//   series, tags       union of distinct values, in first-seen order (capped, see types.h)
//   file_name, size    the first record's that has one
//   pdq, pdq_quality   the first record's that has one
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hashset/types.h"

namespace ngb::hashset {

struct EntryLabels {
  std::vector<int> categories;  // distinct, most severe first
  std::optional<bool> victim_identified;
  std::vector<std::string> series;
  std::vector<std::string> tags;
  std::string file_name;
  std::optional<uint64_t> size;
  std::optional<Hash256> pdq;
  std::optional<int> pdq_quality;

  std::optional<int> category() const {
    return categories.empty() ? std::nullopt : std::optional<int>(categories.front());
  }
};

struct MergeCounters {
  uint64_t category_conflicts = 0;  // a record brought a category the entry did not have
  uint64_t pdq_conflicts = 0;       // a record brought a different PDQ (the first is kept)
};

// Higher is more severe (1 → 6, 2 → 5, 3 → 4, 4 → 3, other non-zero → 2, 0 → 1).
int CategorySeverity(int category);

// Labels of a record on its own (the first record of an entry).
EntryLabels LabelsOf(const ParsedRecord& record);
// Merges the labels of `record` into `labels`. Returns true when `labels` changed.
bool MergeLabels(EntryLabels& labels, const ParsedRecord& record, MergeCounters& counters);

// Storage forms. Categories: "1,3" (most severe first; "" when none). Series: distinct values
// joined by "; ". Tags: a JSON array of strings ("" when none).
std::string JoinCategories(const std::vector<int>& categories);
std::vector<int> SplitCategories(std::string_view text);
std::string JoinSeries(const std::vector<std::string>& series);
std::vector<std::string> SplitSeries(std::string_view text);
std::string TagsJson(const std::vector<std::string>& tags);
std::vector<std::string> TagsFromJson(std::string_view json);

}  // namespace ngb::hashset
