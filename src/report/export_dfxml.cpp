#include "core/provenance.h"
#include "core/time_util.h"
#include "report/export.h"

namespace ngb::report {
namespace {

// XML text: escapes markup characters; control characters XML 1.0 cannot carry become \xNN.
std::string Xml(std::string_view raw) {
  const std::string s = DisplayPath(raw);
  std::string out;
  out.reserve(s.size());
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += "\\x";
          out += kHex[u >> 4];
          out += kHex[u & 15];
        } else {
          out += c;
        }
    }
  }
  return out;
}

const char* NameType(ItemKind k) {
  switch (k) {
    case ItemKind::kDirectory: return "d";
    case ItemKind::kSymlink: return "l";
    case ItemKind::kFifo: return "p";
    case ItemKind::kSocket: return "s";
    case ItemKind::kCharDevice: return "c";
    case ItemKind::kBlockDevice: return "b";
    default: return "r";
  }
}

}  // namespace

Result<ExportStats> ExportDfxml(store::Db& db, const ExportOptions& options, std::ostream& out) {
  out << "<?xml version='1.0' encoding='UTF-8'?>\n"
      << "<dfxml xmlns='http://www.forensicswiki.org/wiki/Category:Digital_Forensics_XML'\n"
      << "       xmlns:dc='http://purl.org/dc/elements/1.1/'\n"
      << "       xmlns:ngb='https://nigehbaan.invalid/dfxml' version='1.2.0'>\n"
      << "  <metadata><dc:type>Hash List</dc:type></metadata>\n"
      << "  <creator version='1.0'>\n"
      << "    <program>nigehbaan</program>\n"
      << "    <version>" << Xml(options.tool_version) << "</version>\n"
      << "    <execution_environment><command_line>" << Xml(options.command_line)
      << "</command_line><start_time>" << NowIso8601() << "</start_time></execution_environment>\n"
      << "  </creator>\n";
  ExportStats stats;
  Status s = ForEachItem(db, options.filter, [&](const ItemRow& row) {
    const ItemRecord& r = row.rec;
    out << "  <fileobject>\n";
    out << "    <filename>" << Xml(r.path) << "</filename>\n";
    out << "    <name_type>" << NameType(r.kind) << "</name_type>\n";
    if (r.size) out << "    <filesize>" << *r.size << "</filesize>\n";
    // The inode of a file on the examined file system, or (disk images) the metadata address
    // in the image's file system, with its allocation status as <alloc>/<unalloc>.
    if (r.inode && (r.depth == 0 || r.allocated)) out << "    <inode>" << *r.inode << "</inode>\n";
    if (r.allocated) out << (*r.allocated ? "    <alloc>1</alloc>\n" : "    <unalloc>1</unalloc>\n");
    if (r.mode) out << "    <mode>" << (*r.mode & 07777) << "</mode>\n";
    if (r.mtime) out << "    <mtime>" << Iso8601FromNs(*r.mtime) << "</mtime>\n";
    if (r.atime) out << "    <atime>" << Iso8601FromNs(*r.atime) << "</atime>\n";
    if (r.ctime) out << "    <ctime>" << Iso8601FromNs(*r.ctime) << "</ctime>\n";
    if (r.btime) out << "    <crtime>" << Iso8601FromNs(*r.btime) << "</crtime>\n";
    if (!r.md5.empty()) out << "    <hashdigest type='md5'>" << r.md5 << "</hashdigest>\n";
    if (!r.sha1.empty()) out << "    <hashdigest type='sha1'>" << r.sha1 << "</hashdigest>\n";
    if (!r.sha256.empty()) out << "    <hashdigest type='sha256'>" << r.sha256 << "</hashdigest>\n";
    if (!r.mime.empty()) out << "    <ngb:mime>" << Xml(r.mime) << "</ngb:mime>\n";
    if (r.depth > 0) out << "    <ngb:depth>" << r.depth << "</ngb:depth>\n";
    if (!r.error.empty()) {
      out << "    <ngb:error reason='" << Xml(r.error) << "'>" << Xml(r.error_detail) << "</ngb:error>\n";
    }
    out << "  </fileobject>\n";
    ++stats.rows;
    return static_cast<bool>(out);
  });
  if (!s.ok()) return s;
  out << "</dfxml>\n";
  if (!out) return Status::Error("write_error", "cannot write the export");
  return stats;
}

}  // namespace ngb::report
