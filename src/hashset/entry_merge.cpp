#include "hashset/entry_merge.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "core/json_text.h"

namespace ngb::hashset {
namespace {

// Appends `value` unless present or the list is full. True when appended.
bool AddDistinct(std::vector<std::string>& list, const std::string& value, size_t max) {
  if (value.empty() || list.size() >= max) return false;
  if (std::find(list.begin(), list.end(), value) != list.end()) return false;
  list.push_back(value);
  return true;
}

bool AddCategory(std::vector<int>& categories, int category) {
  if (std::find(categories.begin(), categories.end(), category) != categories.end()) return false;
  categories.push_back(category);
  std::stable_sort(categories.begin(), categories.end(),
                   [](int a, int b) { return CategorySeverity(a) > CategorySeverity(b); });
  return true;
}

}  // namespace

int CategorySeverity(int category) {
  switch (category) {
    case 1:
      return 6;
    case 2:
      return 5;
    case 3:
      return 4;
    case 4:
      return 3;
    case 0:
      return 1;
    default:
      return 2;
  }
}

EntryLabels LabelsOf(const ParsedRecord& r) {
  EntryLabels l;
  MergeCounters ignored;
  MergeLabels(l, r, ignored);
  return l;
}

bool MergeLabels(EntryLabels& l, const ParsedRecord& r, MergeCounters& c) {
  bool changed = false;
  if (r.category) {
    const bool had = !l.categories.empty();
    if (AddCategory(l.categories, *r.category)) {
      changed = true;
      if (had) ++c.category_conflicts;
    }
  }
  if (r.victim_identified && l.victim_identified != true && l.victim_identified != r.victim_identified) {
    l.victim_identified = r.victim_identified;  // true wins over false, anything over unknown
    changed = true;
  }
  if (!r.series.empty()) changed |= AddDistinct(l.series, r.series.substr(0, kMaxSeries), kMaxTags);
  for (const std::string& t : r.tags) changed |= AddDistinct(l.tags, t.substr(0, kMaxTag), kMaxTags);
  if (l.file_name.empty() && !r.file_name.empty()) {
    l.file_name = r.file_name.substr(0, kMaxFileName);
    changed = true;
  }
  if (!l.size && r.size) {
    l.size = r.size;
    changed = true;
  }
  if (r.pdq) {
    if (!l.pdq) {
      l.pdq = r.pdq;
      l.pdq_quality = r.pdq_quality;
      changed = true;
    } else if (*l.pdq != *r.pdq) {
      ++c.pdq_conflicts;
    } else if (!l.pdq_quality && r.pdq_quality) {
      l.pdq_quality = r.pdq_quality;
      changed = true;
    }
  }
  return changed;
}

std::string JoinCategories(const std::vector<int>& categories) {
  std::string s;
  for (int c : categories) {
    if (!s.empty()) s += ',';
    s += std::to_string(c);
  }
  return s;
}

std::vector<int> SplitCategories(std::string_view text) {
  std::vector<int> out;
  while (!text.empty()) {
    const size_t comma = text.find(',');
    const std::string_view part = text.substr(0, comma);
    int v = 0;
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (ec == std::errc() && p == part.data() + part.size()) out.push_back(v);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

std::string JoinSeries(const std::vector<std::string>& series) {
  std::string s;
  for (const std::string& v : series) {
    if (!s.empty()) s += "; ";
    s += v;
  }
  return s;
}

std::vector<std::string> SplitSeries(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const size_t sep = text.find("; ");
    if (sep != 0) out.emplace_back(text.substr(0, sep));
    if (sep == std::string_view::npos) break;
    text.remove_prefix(sep + 2);
  }
  return out;
}

std::string TagsJson(const std::vector<std::string>& tags) {
  if (tags.empty()) return {};
  return JsonText(nlohmann::json(tags));
}

std::vector<std::string> TagsFromJson(std::string_view json) {
  std::vector<std::string> out;
  if (json.empty()) return out;
  nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) return out;
  for (const auto& t : j) {
    if (t.is_string()) out.push_back(t.get<std::string>());
  }
  return out;
}

}  // namespace ngb::hashset
