#include "pipeline/carve_mode.h"

namespace ngb::pipeline {

const char* CarveModeName(CarveMode m) { return m == CarveMode::kOff ? "off" : "unallocated"; }

Result<CarveMode> ParseCarveMode(const std::string& text) {
  if (text == "off") return CarveMode::kOff;
  if (text == "unallocated") return CarveMode::kUnallocated;
  if (text == "all") {
    return Status::Error("not_implemented",
                         "--carve all (unallocated space and file slack): carving file slack is not "
                         "implemented yet; use --carve unallocated");
  }
  return Status::Error("bad_carve_mode", "--carve takes off, unallocated or all, not \"" + text + "\"");
}

}  // namespace ngb::pipeline
