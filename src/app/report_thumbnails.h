// The report's thumbnail hook: blurred grayscale previews (image::MakeThumbnail, kBlurred) of
// pertinent image items for `nigehbaan report`, made from the evidence where the case recorded it
// — never from a path anyone supplies. Only top-level files are read (opened read-only,
// O_NOATIME, symlinks not followed, at most 64 MiB), and only when their bytes still match the
// recorded SHA-256; archive members get "in_container" (hashes only) until the review side's
// ReadItemBytes (branch webui, src/review/item_bytes.h) is merged and used here.
#pragma once
#include "report/html_report.h"

namespace ngb::app {

// Reasons in place of a thumbnail: "in_container", "no_content", "evidence_unavailable",
// "too_large", "evidence_changed", or MakeThumbnail's (image_unsupported, image_too_large, ...).
// Reentrant.
report::ThumbnailFn ReportThumbnails();

}  // namespace ngb::app
