// The Sleuth Kit and libewf are loaded on first use (tsk_lazy.cpp): entry points that can report a
// missing library as an error value call DiskLibrariesReady() first.
#pragma once
#include "core/status.h"

namespace ngb::source {

// Loads both libraries (once). Error: "library_missing" naming the library and its package.
Status DiskLibrariesReady();

// libtsk's own definition of `name` (not one this binary interposes: tsk_guards.h), or null.
void* TskOwnSymbol(const char* name);

}  // namespace ngb::source
