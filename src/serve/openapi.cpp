#include "serve/openapi.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

extern "C" const char ngb_openapi_json[];
extern "C" const char ngb_openapi_json_end[];

namespace ngb::serve {

std::string_view OpenApiDocument() {
  return std::string_view(ngb_openapi_json, static_cast<size_t>(ngb_openapi_json_end - ngb_openapi_json));
}

std::vector<std::pair<std::string, std::string>> OpenApiOperations() {
  std::vector<std::pair<std::string, std::string>> out;
  nlohmann::json doc = nlohmann::json::parse(OpenApiDocument(), nullptr, false);
  if (!doc.is_object() || !doc.contains("paths") || !doc["paths"].is_object()) return out;
  for (const auto& [path, item] : doc["paths"].items()) {
    if (!item.is_object()) continue;
    for (const auto& [method, op] : item.items()) {
      if (method == "parameters" || method == "summary" || method == "description") continue;
      std::string upper = method;
      std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
      out.emplace_back(upper, path);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace ngb::serve
