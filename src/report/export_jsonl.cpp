#include "report/export.h"
#include "report/item_fields.h"

namespace ngb::report {

Result<ExportStats> ExportJsonl(store::Db& db, const ExportOptions& options, std::ostream& out) {
  ExportStats stats;
  Status s = ForEachItem(db, options.filter, [&](const ItemRow& row) {
    out << ItemFields(row).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    ++stats.rows;
    return static_cast<bool>(out);
  });
  if (!s.ok()) return s;
  if (!out) return Status::Error("write_error", "cannot write the export");
  return stats;
}

}  // namespace ngb::report
