// The review API's OpenAPI 3 document (docs/openapi.json, compiled into the binary).
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ngb::serve {

// The document's bytes (static storage).
std::string_view OpenApiDocument();

// Every (METHOD, path template) pair the document describes, e.g. ("GET", "/api/items/{id}"),
// sorted. Empty when the document does not parse.
std::vector<std::pair<std::string, std::string>> OpenApiOperations();

}  // namespace ngb::serve
