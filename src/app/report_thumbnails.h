// The report's thumbnail hook: blurred grayscale previews of pertinent image items for
// `nigehbaan report`, made from the evidence where the case recorded it (top-level files only,
// and only when the bytes still match the recorded SHA-256).
//
// HOOK: the blurred grayscale thumbnail maker (src/image/thumbnail.{h,cpp}) comes from the web UI
// branch (commit "thumbnail: ..."). Until it is merged, every call returns
// "thumbnails_not_built" and the report shows those images as hashes only, saying why.
#pragma once
#include "report/html_report.h"
#include "store/case_store.h"

namespace ngb::app {

// REQUIRES: `cs` outlives the returned function. Not thread-safe.
report::ThumbnailFn ReportThumbnails(store::CaseStore& cs);

}  // namespace ngb::app
