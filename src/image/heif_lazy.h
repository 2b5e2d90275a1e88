// libheif is loaded on first use (heif_lazy.cpp), not linked: with the codecs it links (x265,
// libde265, libaom, dav1d) it cost every nigehbaan process ~9 ms of start-up, mostly page faults
// in this project's VMs, for the few scans that meet a HEIF/AVIF image.
#pragma once
#include "core/status.h"

namespace ngb::image {

// Loads libheif (once). Error: "library_missing" naming the library and its package.
Status HeifLibraryReady();

}  // namespace ngb::image
