// Compact JSON text that never throws: invalid UTF-8 is replaced (paths reach JSON through
// DisplayPath(), which is always valid; this guards everything else).
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace ngb {
inline std::string JsonText(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
}  // namespace ngb
