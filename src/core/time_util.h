// Time formatting shared by the store, exports and the progress display.
#pragma once
#include <cstdint>
#include <string>

namespace ngb {

// Current UTC time as "2026-11-29T01:13:15.123456Z".
std::string NowIso8601();
// Nanoseconds since the epoch as ISO 8601 UTC ("1970-01-01T00:00:00.000000001Z"); the fraction
// is omitted when zero. Negative values (pre-1970) are supported.
std::string Iso8601FromNs(int64_t ns);
// Monotonic seconds, for measuring durations.
double MonotonicSeconds();
// "1:02:03" or "2:03" for a duration in seconds.
std::string FormatDuration(double seconds);
// "1.5 GB", "12.0 MB", "512 B" (decimal units, as disk vendors and hashdeep users expect).
std::string FormatBytes(double bytes);

}  // namespace ngb
