// Reads a whole evidence file into memory for the classifier, read-only and O_NOATIME
// (source::EvidenceFile), refusing files over `max_bytes` before reading them.
// Errors: EvidenceFile's (permission_denied, vanished, changed_during_scan, io_error, ...) and
// "image_too_large" (over max_bytes, or the file grew past it while read). Reentrant.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace ngb::vision {

inline constexpr uint64_t kMaxImageFileBytes = 256ull << 20;

Status ReadWholeFile(const std::string& path, uint64_t max_bytes, std::vector<uint8_t>& out);

}  // namespace ngb::vision
