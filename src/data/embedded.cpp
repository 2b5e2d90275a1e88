#include "data/embedded.h"

#include <algorithm>

#include "ngb_embedded_table.h"  // generated: kEmbeddedFiles[], kEmbeddedCount (sorted by name)

namespace ngb::data {

std::string_view Embedded(std::string_view name) {
  for (size_t i = 0; i < kEmbeddedCount; ++i) {
    if (kEmbeddedFiles[i].name == name) return kEmbeddedFiles[i].bytes;
  }
  return {};
}

std::vector<EmbeddedFile> EmbeddedWithPrefix(std::string_view prefix) {
  std::vector<EmbeddedFile> out;
  for (size_t i = 0; i < kEmbeddedCount; ++i) {
    if (kEmbeddedFiles[i].name.starts_with(prefix)) out.push_back(kEmbeddedFiles[i]);
  }
  return out;
}

}  // namespace ngb::data
