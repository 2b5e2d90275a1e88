#include "pipeline/carve_mode.h"

namespace ngb::pipeline {

const char* CarveModeName(CarveMode m) {
  switch (m) {
    case CarveMode::kOff: return "off";
    case CarveMode::kUnallocated: return "unallocated";
    case CarveMode::kAll: return "all";
  }
  return "?";
}

Result<CarveMode> ParseCarveMode(const std::string& text) {
  if (text == "off") return CarveMode::kOff;
  if (text == "unallocated") return CarveMode::kUnallocated;
  if (text == "all") return CarveMode::kAll;
  return Status::Error("bad_carve_mode", "--carve takes off, unallocated or all, not \"" + text + "\"");
}

}  // namespace ngb::pipeline
