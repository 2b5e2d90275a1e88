// Compact JSON text that never throws: invalid UTF-8 is replaced (paths reach JSON through
// DisplayPath(), which is always valid; this guards everything else).
#pragma once
#include <nlohmann/json.hpp>
#include <concepts>
#include <string>

namespace ngb {
inline std::string JsonText(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
// Keeps the objects' key order (a plain json would sort the keys). A template so that brace lists,
// JsonText({{"k", v}}), still mean a plain json.
template <typename J>
  requires std::same_as<J, nlohmann::ordered_json>
std::string JsonText(const J& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}
}  // namespace ngb
