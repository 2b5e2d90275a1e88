#include "hashset/format_detect.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "hashset/hex.h"
#include "hashset/line_reader.h"
#include "hashset/parsers.h"

namespace ngb::hashset {
namespace {

size_t HexRun(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && HexNibble(s[n]) >= 0) ++n;
  return n;
}

enum class Vote { kNone, kPdq, kHashList, kBare64 };

Vote ClassifyLine(std::string_view line) {
  if (line.starts_with("MD5 (") || line.starts_with("SHA1 (") || line.starts_with("SHA256 (")) {
    return Vote::kHashList;
  }
  if (line.starts_with('\\')) line.remove_prefix(1);
  const size_t hex = HexRun(line);
  if (hex != 32 && hex != 40 && hex != 64) return Vote::kNone;
  const std::string_view rest = line.substr(hex);
  if (rest.empty()) return hex == 64 ? Vote::kBare64 : Vote::kHashList;
  if (hex == 64 && (rest[0] == ',' || rest[0] == '\t')) {
    const std::string_view q = TrimSpace(rest.substr(1));
    if (!q.empty() && std::isdigit(static_cast<unsigned char>(q[0]))) return Vote::kPdq;
  }
  if (rest[0] == ' ' || rest[0] == '\t') return Vote::kHashList;
  return Vote::kNone;
}

}  // namespace

Result<ImportFormat> DetectFormat(std::span<const uint8_t> head, std::string_view file_name) {
  std::string_view text(reinterpret_cast<const char*>(head.data()), head.size());
  if (text.starts_with(std::string_view("SQLite format 3\0", 16))) return ImportFormat::kNsrl;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return Status::Error("unknown_format", "the file is empty");
  text.remove_prefix(first);
  if (text[0] == '{') return ImportFormat::kVics;
  if (text.starts_with("%%%% HASHDEEP")) return ImportFormat::kHashdeep;

  int pdq = 0, list = 0, bare64 = 0, lines = 0;
  while (!text.empty() && lines < 50) {
    const size_t nl = text.find('\n');
    if (nl == std::string_view::npos && head.size() >= kDetectBytes) break;  // cut-off last line
    const std::string_view line = TrimSpace(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (line.empty() || line.starts_with('#')) continue;
    ++lines;
    switch (ClassifyLine(line)) {
      case Vote::kPdq:
        ++pdq;
        break;
      case Vote::kHashList:
        ++list;
        break;
      case Vote::kBare64:
        ++bare64;
        break;
      case Vote::kNone:
        break;
    }
  }
  std::string lower(file_name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  const bool pdq_name = lower.find("pdq") != std::string::npos;
  if (pdq > 0 && pdq >= list) return ImportFormat::kPdq;
  if (list > 0) return ImportFormat::kMd5sum;
  if (bare64 > 0) return pdq_name ? ImportFormat::kPdq : ImportFormat::kMd5sum;
  return Status::Error("unknown_format",
                       "not VICS JSON, an NSRL database, hashdeep, an md5sum-style list or a PDQ list; "
                       "use --format");
}

Status ParseStream(ImportFormat format, source::ByteStream& in, RecordSink& sink, SourceInfo* info) {
  switch (format) {
    case ImportFormat::kVics:
      return ParseVics(in, sink, info);
    case ImportFormat::kHashdeep:
      return ParseHashdeep(in, sink, info);
    case ImportFormat::kMd5sum:
      return ParseHashList(in, sink, info);
    case ImportFormat::kPdq:
      return ParsePdqList(in, sink, info);
    case ImportFormat::kAuto:
    case ImportFormat::kNsrl:
      break;
  }
  return Status::Error("unsupported_format", std::string(ToString(format)) + " is not a stream format");
}

}  // namespace ngb::hashset
