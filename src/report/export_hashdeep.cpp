#include <unistd.h>

#include "report/export.h"

namespace ngb::report {

// Only regular files of file-system sources are listed, by their absolute path on this machine:
// that is what `hashdeep -a -k EXPORT -r SOURCE` compares against. Archive members have no path
// hashdeep could find; use jsonl/dfxml for them. Items without digests (errors) are left out.
Result<ExportStats> ExportHashdeep(store::Db& db, const ExportOptions& options, std::ostream& out) {
  char cwd[4096] = "";
  if (!getcwd(cwd, sizeof cwd)) cwd[0] = 0;
  out << "%%%% HASHDEEP-1.0\n"
      << "%%%% size,md5,sha1,sha256,filename\n"
      << "## Invoked from: " << cwd << "\n"
      << "## $ " << options.command_line << "\n"
      << "## \n";
  ExportStats stats;
  Status s = ForEachItem(db, options.filter, [&](const ItemRow& row) {
    const ItemRecord& r = row.rec;
    if (r.depth != 0 || r.kind != ItemKind::kFile || r.sha256.empty() || !r.size) return true;
    const std::string fs = row.fs_path();
    if (fs.empty()) return true;
    // hashdeep writes names as raw bytes; so do we.
    out << *r.size << ',' << r.md5 << ',' << r.sha1 << ',' << r.sha256 << ',' << fs << '\n';
    ++stats.rows;
    return static_cast<bool>(out);
  });
  if (!s.ok()) return s;
  if (!out) return Status::Error("write_error", "cannot write the export");
  return stats;
}

}  // namespace ngb::report
