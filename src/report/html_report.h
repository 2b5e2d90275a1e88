// The court report: one self-contained HTML file (inline CSS, images as data: URIs, no scripts,
// print CSS with page breaks) describing a case — case and examiner, evidence sources and their
// digests, tool and methods, counts by VICS category and chat label, every pertinent item in full
// (provenance, digests, category, reviewer, hash-set matches, blurred thumbnail or hashes only,
// flagged chat messages with their cues), the audit log's head digest and the chain-of-custody
// timeline. See docs/report.md.
//
// Everything from evidence or people is escaped (report/html_text.h). The output depends only on
// the case and the options (no clock is read here), so the same case gives the same bytes.
// Items are streamed: only pertinent items are read in full. Not thread-safe for one Db.
#pragma once
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

#include "core/status.h"
#include "report/item_rows.h"
#include "store/sqlite.h"

namespace ngb::report {

// An encoded preview image (already blurred and grayscale: the report never shows originals).
struct Thumbnail {
  std::string mime;   // "image/png", "image/jpeg", ...
  std::string bytes;
};

// Makes the thumbnail of an image item, or says why not (the reason is printed in its place).
// Called only for pertinent image items and only when images are enabled.
using ThumbnailFn = std::function<Result<Thumbnail>(const ItemRow&)>;

struct HtmlReportOptions {
  RowFilter filter;           // `pertinent` is forced on for the item list
  bool images = true;         // false (--no-images): hashes only, the thumbnail hook is not called
  ThumbnailFn thumbnail;      // null: "thumbnail unavailable" in place of each image
  std::string tool_version;
  std::string generated_at;   // shown in the header ("" omits it)
  std::string generated_by;   // who made the report
  size_t max_excerpt_messages = 50;  // flagged messages shown per finding
};

struct HtmlReportStats {
  int64_t items = 0;          // pertinent items listed
  int64_t conversations = 0;  // flagged conversations shown
  int64_t thumbnails = 0;     // thumbnails embedded
  int64_t thumbnails_missing = 0;
};

Result<HtmlReportStats> WriteHtmlReport(store::Db& db, const HtmlReportOptions& options, std::ostream& out);

}  // namespace ngb::report
