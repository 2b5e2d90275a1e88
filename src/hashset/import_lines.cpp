// Line formats: hashdeep, md5sum/sha1sum/sha256sum (and BSD tags), PDQ lists. Each line is
// trimmed of surrounding spaces and tabs; blank lines are skipped; a line of more than kMaxLine
// bytes is one bad row.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>
#include <vector>

#include "hashset/hex.h"
#include "hashset/line_reader.h"
#include "hashset/parsers.h"

namespace ngb::hashset {
namespace {

// Calls fn(text, pos) for every non-blank line (trimmed); `fn` returns a Status that stops the
// parse when non-ok. Too-long lines go to the sink as bad rows.
template <typename Fn>
Status ForEachLine(source::ByteStream& in, RecordSink& sink, SourceInfo* info, Fn fn) {
  LineReader reader(in, kMaxLine);
  LineReader::Line line;
  for (;;) {
    Result<bool> more = reader.Next(line);
    if (!more.ok()) return more.status();
    if (!*more) return Status::Ok();
    const std::string_view text = TrimSpace(line.text);
    if (text.empty()) continue;
    const RecordPos pos{line.number, line.number};
    if (line.too_long) {
      if (info) ++info->records;
      if (Status s = sink.Bad(pos, "line_too_long", "more than " + std::to_string(kMaxLine) + " bytes"); !s.ok()) {
        return s;
      }
      continue;
    }
    if (Status s = fn(text, pos); !s.ok()) return s;
  }
}

bool ParseUint(std::string_view text, uint64_t& out) {
  if (text.empty()) return false;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && p == text.data() + text.size();
}

bool IsHex(std::string_view text) {
  for (char c : text) {
    if (HexNibble(c) < 0) return false;
  }
  return !text.empty();
}

// Sets the digest of `r` whose length matches `hex` (32, 40, 64 digits). False otherwise.
bool SetDigestByLength(ParsedRecord& r, std::string_view hex) {
  switch (hex.size()) {
    case 32:
      return (r.md5 = ParseHexDigest<16>(hex)).has_value();
    case 40:
      return (r.sha1 = ParseHexDigest<20>(hex)).has_value();
    case 64:
      return (r.sha256 = ParseHexDigest<32>(hex)).has_value();
    default:
      return false;
  }
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// ---- hashdeep ------------------------------------------------------------------------------

enum class Column { kSize, kMd5, kSha1, kSha256, kOther, kFileName };

Status HashdeepLine(std::string_view text, RecordPos pos, std::vector<Column>& columns, RecordSink& sink,
                    SourceInfo* info) {
  if (text.starts_with("##")) return Status::Ok();
  if (text.starts_with("%%%%")) {
    std::string_view rest = TrimSpace(text.substr(4));
    if (rest.starts_with("HASHDEEP-")) return Status::Ok();
    // Column line: "size,md5,sha256,filename" (any hashdeep algorithms; filename last).
    std::vector<Column> cols;
    std::string_view list = rest;
    while (!list.empty()) {
      const size_t comma = list.find(',');
      const std::string name = Lower(TrimSpace(list.substr(0, comma)));
      cols.push_back(name == "size"       ? Column::kSize
                     : name == "md5"      ? Column::kMd5
                     : name == "sha1"     ? Column::kSha1
                     : name == "sha256"   ? Column::kSha256
                     : name == "filename" ? Column::kFileName
                                          : Column::kOther);
      if (comma == std::string_view::npos) break;
      list.remove_prefix(comma + 1);
    }
    if (cols.empty() || cols.back() != Column::kFileName ||
        std::count(cols.begin(), cols.end(), Column::kFileName) != 1) {
      if (info) ++info->records;
      return sink.Bad(pos, "bad_header", "column line must end with filename: " + Excerpt(text));
    }
    columns = std::move(cols);
    if (info) info->version = std::string(rest.substr(0, 256));
    return Status::Ok();
  }
  if (info) ++info->records;
  if (columns.empty()) {
    return sink.Bad(pos, "bad_header", "data before the %%%% column line");
  }
  ParsedRecord r;
  std::string_view rest = text;
  for (size_t i = 0; i < columns.size(); ++i) {
    std::string_view field;
    if (columns[i] == Column::kFileName) {
      field = rest;  // the file name is the rest of the line and may contain commas
    } else {
      const size_t comma = rest.find(',');
      if (comma == std::string_view::npos) {
        return sink.Bad(pos, "bad_columns", "expected " + std::to_string(columns.size()) + " comma-separated columns");
      }
      field = rest.substr(0, comma);
      rest.remove_prefix(comma + 1);
    }
    switch (columns[i]) {
      case Column::kSize: {
        uint64_t size = 0;
        if (!ParseUint(TrimSpace(field), size)) return sink.Bad(pos, "bad_size", Excerpt(field));
        r.size = size;
        break;
      }
      case Column::kMd5:
        if (!(r.md5 = ParseHexDigest<16>(TrimSpace(field)))) return sink.Bad(pos, "bad_md5", Excerpt(field));
        break;
      case Column::kSha1:
        if (!(r.sha1 = ParseHexDigest<20>(TrimSpace(field)))) return sink.Bad(pos, "bad_sha1", Excerpt(field));
        break;
      case Column::kSha256:
        if (!(r.sha256 = ParseHexDigest<32>(TrimSpace(field)))) {
          return sink.Bad(pos, "bad_sha256", Excerpt(field));
        }
        break;
      case Column::kFileName:
        r.file_name = std::string(field.substr(0, kMaxFileName));
        break;
      case Column::kOther:
        break;
    }
  }
  if (!r.has_digest()) return sink.Bad(pos, "no_hash", "no md5, sha1 or sha256 column");
  return sink.Record(r, pos);
}

// ---- md5sum / sha1sum / sha256sum ----------------------------------------------------------

// "MD5 (name) = hex" (BSD `md5 -r`-less output, `sha256sum --tag`). True when `text` has that
// shape; `hex` and `name` are then set.
bool SplitBsdTag(std::string_view text, std::string_view& hex, std::string_view& name) {
  static constexpr std::string_view kTags[] = {"MD5 (", "SHA1 (", "SHA256 (", "SHA2-256 ("};
  for (std::string_view tag : kTags) {
    if (!text.starts_with(tag)) continue;
    const size_t eq = text.rfind(") = ");
    if (eq == std::string_view::npos || eq < tag.size()) return false;
    name = text.substr(tag.size(), eq - tag.size());
    hex = TrimSpace(text.substr(eq + 4));
    return true;
  }
  return false;
}

// GNU coreutils escapes names holding a newline or backslash and marks the line with '\'.
std::string UnescapeGnuName(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '\\' && i + 1 < name.size()) {
      const char n = name[++i];
      out += n == 'n' ? '\n' : n == 'r' ? '\r' : n;
    } else {
      out += name[i];
    }
  }
  return out;
}

Status HashListLine(std::string_view text, RecordPos pos, RecordSink& sink, SourceInfo* info) {
  if (text.starts_with('#')) return Status::Ok();
  if (info) ++info->records;
  std::string_view hex, name;
  bool escaped = false;
  if (!SplitBsdTag(text, hex, name)) {
    if (text.starts_with('\\')) {
      escaped = true;
      text.remove_prefix(1);
    }
    const size_t end = text.find_first_of(" \t");
    hex = text.substr(0, end);
    if (end != std::string_view::npos) {
      name = text.substr(end);
      name.remove_prefix(std::min(name.find_first_not_of(" \t"), name.size()));
      if (name.starts_with('*')) name.remove_prefix(1);  // binary-mode marker
    }
  }
  ParsedRecord r;
  if (!IsHex(hex)) return sink.Bad(pos, "bad_hash", "not a hex digest: " + Excerpt(hex));
  if (!SetDigestByLength(r, hex)) {
    return sink.Bad(pos, "bad_hash",
                    std::to_string(hex.size()) + " hex digits is not an MD5 (32), SHA-1 (40) or SHA-256 (64)");
  }
  r.file_name = escaped ? UnescapeGnuName(name) : std::string(name);
  if (r.file_name.size() > kMaxFileName) r.file_name.resize(kMaxFileName);
  return sink.Record(r, pos);
}

// ---- PDQ lists -----------------------------------------------------------------------------

Status PdqLine(std::string_view text, RecordPos pos, bool& seen_data, RecordSink& sink, SourceInfo* info) {
  if (text.starts_with('#')) return Status::Ok();
  const size_t sep1 = text.find_first_of(",\t");
  const std::string_view hash = TrimSpace(text.substr(0, sep1));
  std::optional<Hash256> pdq = Hash256::ParseHex(hash);
  if (!pdq && !seen_data && !IsHex(hash) && Lower(hash).find("hash") != std::string::npos) {
    return Status::Ok();  // a column header such as "hash,quality"
  }
  seen_data = true;
  if (info) ++info->records;
  if (!pdq) return sink.Bad(pos, "bad_pdq", "not 64 hex digits: " + Excerpt(hash));
  ParsedRecord r;
  r.pdq = pdq;
  if (sep1 != std::string_view::npos) {
    std::string_view rest = text.substr(sep1 + 1);
    const size_t sep2 = rest.find_first_of(",\t");
    const std::string_view quality = TrimSpace(rest.substr(0, sep2));
    if (!quality.empty()) {
      uint64_t q = 0;
      if (!ParseUint(quality, q) || q > 100) {
        return sink.Bad(pos, "bad_quality", "not an integer 0..100: " + Excerpt(quality));
      }
      r.pdq_quality = static_cast<int>(q);
    }
    if (sep2 != std::string_view::npos) {
      r.file_name = std::string(TrimSpace(rest.substr(sep2 + 1)).substr(0, kMaxFileName));
    }
  }
  return sink.Record(r, pos);
}

}  // namespace

Status ParseHashdeep(source::ByteStream& in, RecordSink& sink, SourceInfo* info) {
  std::vector<Column> columns;
  return ForEachLine(in, sink, info, [&](std::string_view text, RecordPos pos) {
    return HashdeepLine(text, pos, columns, sink, info);
  });
}

Status ParseHashList(source::ByteStream& in, RecordSink& sink, SourceInfo* info) {
  return ForEachLine(in, sink, info,
                     [&](std::string_view text, RecordPos pos) { return HashListLine(text, pos, sink, info); });
}

Status ParsePdqList(source::ByteStream& in, RecordSink& sink, SourceInfo* info) {
  bool seen_data = false;
  return ForEachLine(in, sink, info,
                     [&](std::string_view text, RecordPos pos) { return PdqLine(text, pos, seen_data, sink, info); });
}

}  // namespace ngb::hashset
