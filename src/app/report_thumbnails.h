// The report's thumbnail hook: blurred grayscale previews (image::MakeThumbnail, kBlurred) of
// pertinent image items for `nigehbaan report`, made from the evidence where the case recorded it
// — never from a path anyone supplies. The bytes come from review::ReadItemBytes: a top-level file
// is opened read-only (O_NOATIME, no symlinks followed), an archive member is streamed out of its
// re-opened containers, and either is used only while its SHA-256 still matches the recorded one.
#pragma once
#include "report/html_report.h"
#include "store/sqlite.h"

namespace ngb::app {

// At most this many bytes of one image are read for its thumbnail.
inline constexpr uint64_t kMaxThumbnailSourceBytes = uint64_t{64} << 20;

// Reasons in place of a thumbnail: ReadItemBytes's ("no_content", "evidence_unavailable",
// "too_large", "member_not_found", "evidence_changed", "unknown_location") or MakeThumbnail's
// (image_unsupported, image_too_large, ...). `db` must outlive the function; call it from the
// thread that uses `db` (the report writer does).
report::ThumbnailFn ReportThumbnails(store::Db& db);

}  // namespace ngb::app
