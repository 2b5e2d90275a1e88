// `scan --carve`: what is carved from disk-image sources (see image_units.h for how).
#pragma once
#include <string>

#include "core/status.h"

namespace ngb::pipeline {

// What is carved from disk images (`scan --carve`): nothing; JPEG/PNG/GIF/PDF/ZIP files from every
// file system's unallocated space (and the whole of a partition holding no file system TSK knows);
// or all: that and the slack of every allocated file (the tail of its last cluster).
enum class CarveMode { kOff, kUnallocated, kAll };
const char* CarveModeName(CarveMode m);  // "off", "unallocated", "all"
// "off", "unallocated" or "all"; anything else gives the error "bad_carve_mode".
Result<CarveMode> ParseCarveMode(const std::string& text);

}  // namespace ngb::pipeline
