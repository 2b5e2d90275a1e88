#include "app/report_thumbnails.h"

#include "image/thumbnail.h"
#include "review/item_bytes.h"

namespace ngb::app {

report::ThumbnailFn ReportThumbnails(store::Db& db) {
  return [&db](const report::ItemRow& row) -> Result<report::Thumbnail> {
    Result<std::string> bytes = review::ReadItemBytes(db, row.rec.id, kMaxThumbnailSourceBytes);
    if (!bytes.ok()) return bytes.status();
    Result<image::Thumbnail> t = image::MakeThumbnail(
        std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size()),
        image::ThumbVariant::kBlurred);
    if (!t.ok()) return t.status();
    return report::Thumbnail{"image/jpeg", std::move(t->jpeg)};
  };
}

}  // namespace ngb::app
