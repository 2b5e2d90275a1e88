// Guessing a hash-set source's format from its first bytes, with the file name as a hint.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

#include "core/status.h"
#include "hashset/types.h"

namespace ngb::hashset {

// How many leading bytes DetectFormat looks at.
inline constexpr size_t kDetectBytes = 64 * 1024;

// Rules, in order: SQLite header → nsrl; first non-blank byte '{' → vics; "%%%% HASHDEEP" →
// hashdeep; otherwise the first lines that look like data vote: "HEX,QUALITY" → pdq; md5sum
// lines, BSD tags, or bare 32/40-digit hex → md5sum; bare 64-digit hex is either a SHA-256 or
// a PDQ list: pdq when the file name contains "pdq", else md5sum. Errors: "unknown_format".
Result<ImportFormat> DetectFormat(std::span<const uint8_t> head, std::string_view file_name);

}  // namespace ngb::hashset
