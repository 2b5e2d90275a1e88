// `scan --carve`: what is carved from disk-image sources (see image_units.h for how).
#pragma once
#include <string>

#include "core/status.h"

namespace ngb::pipeline {

// What is carved from disk images (`scan --carve`): nothing, or JPEG/PNG/GIF/PDF/ZIP files from
// every file system's unallocated space (and the whole of a partition holding no file system TSK
// knows). Carving file slack ("all") is not implemented yet: ParseCarveMode refuses it.
enum class CarveMode { kOff, kUnallocated };
const char* CarveModeName(CarveMode m);  // "off", "unallocated"
// "off" or "unallocated"; "all" gives the error "not_implemented", anything else "bad_carve_mode".
Result<CarveMode> ParseCarveMode(const std::string& text);

}  // namespace ngb::pipeline
