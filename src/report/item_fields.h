// The exported field set of an item, shared by the JSONL and CSV exporters so both carry the
// same names in the same order.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/item_rows.h"

namespace ngb::report {

// Field names in export order.
const std::vector<std::string>& ItemFieldNames();
// The hash-set hits of an item as a JSON array of {set, kind, type, hash, distance, category}
// (the shape `export` and `match --json` share).
nlohmann::ordered_json MatchesJson(const std::vector<HashMatch>& matches);
// The row as a JSON object with every field of ItemFieldNames() (null when unknown).
nlohmann::ordered_json ItemFields(const ItemRow& row);

}  // namespace ngb::report
