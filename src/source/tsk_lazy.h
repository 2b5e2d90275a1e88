// The Sleuth Kit and libewf are loaded on first use (tsk_lazy.cpp): entry points that can report a
// missing library as an error value call DiskLibrariesReady() first.
#pragma once
#include "core/status.h"

namespace ngb::source {

// Loads both libraries (once). Error: "library_missing" naming the library and its package.
Status DiskLibrariesReady();

}  // namespace ngb::source
