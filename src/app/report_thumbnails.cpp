#include "app/report_thumbnails.h"

namespace ngb::app {

report::ThumbnailFn ReportThumbnails(store::CaseStore& /*cs*/) {
  return [](const report::ItemRow&) -> Result<report::Thumbnail> {
    return Status::Error("thumbnails_not_built", "src/image/thumbnail is not in this build yet");
  };
}

}  // namespace ngb::app
