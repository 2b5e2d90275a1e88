// CSV / TSV chat tables: RFC 4180 records (quoted fields may hold separators, newlines and ""),
// separator ',' ';' or TAB chosen from the first line, header names matched through FieldKind()
// in any order; without a header the columns are timestamp,sender,text.
#include <algorithm>

#include "chat/parse/parsers.h"
#include "chat/parse/rows.h"

namespace ngb::chat::parse {
namespace {

char PickSeparator(std::string_view bytes) {
  int comma = 0, semi = 0, tab = 0;
  bool quoted = false;
  for (size_t i = 0; i < bytes.size() && i < 4096; ++i) {
    const char ch = bytes[i];
    if (ch == '"') quoted = !quoted;
    if (quoted) continue;
    if (ch == '\n') break;
    comma += ch == ',';
    semi += ch == ';';
    tab += ch == '\t';
  }
  if (tab > comma && tab >= semi) return '\t';
  if (semi > comma) return ';';
  return ',';
}

// Reads one record starting at *pos into fields; advances *pos and *line. False at end of input.
// *bad is set when a quoted field is not closed before the end of input.
bool NextRecord(std::string_view s, char sep, size_t* pos, uint64_t* line,
                std::vector<std::string>* fields, size_t* nfields, bool* bad) {
  if (*pos >= s.size()) return false;
  *nfields = 0;
  *bad = false;
  auto next_field = [&]() -> std::string& {
    if (*nfields == fields->size()) fields->emplace_back();
    std::string& f = (*fields)[(*nfields)++];
    f.clear();
    return f;
  };
  size_t p = *pos;
  for (;;) {
    std::string& f = next_field();
    if (p < s.size() && s[p] == '"') {
      ++p;
      for (;;) {
        const size_t q = s.find('"', p);
        const size_t stop = q == std::string_view::npos ? s.size() : q;
        for (size_t i = p; i < stop; ++i) *line += s[i] == '\n';
        if (f.size() < kMaxMessageBytes + 1)
          f.append(s.substr(p, std::min(stop - p, kMaxMessageBytes + 1 - f.size())));
        if (q == std::string_view::npos) {
          *bad = true;
          p = s.size();
          break;
        }
        if (q + 1 < s.size() && s[q + 1] == '"') {
          if (f.size() < kMaxMessageBytes + 1) f.push_back('"');
          p = q + 2;
          continue;
        }
        p = q + 1;
        break;
      }
      // Stray characters after the closing quote are kept as part of the field.
      while (p < s.size() && s[p] != sep && s[p] != '\n') {
        if (s[p] != '\r' && f.size() < kMaxMessageBytes + 1) f.push_back(s[p]);
        ++p;
      }
    } else {
      size_t q = p;
      while (q < s.size() && s[q] != sep && s[q] != '\n') ++q;
      size_t e = q;
      if (e > p && s[e - 1] == '\r') --e;
      f.assign(s.substr(p, std::min(e - p, kMaxMessageBytes + 1)));
      p = q;
    }
    if (p >= s.size()) break;
    if (s[p] == '\n') {
      ++p;
      ++*line;
      break;
    }
    ++p;  // separator
  }
  *pos = p;
  return true;
}

}  // namespace

Result<Conversations> ParseCsv(std::string_view bytes, const ParseOptions& options) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const char sep = PickSeparator(bytes);
  RowCollector rows(Format::kCsv, options);
  std::vector<std::string> fields;
  size_t n = 0, pos = 0;
  uint64_t line = 1;
  bool bad = false;
  // Column indexes; -1 absent.
  int col_time = 0, col_date = -1, col_clock = -1, col_sender = 1, col_text = 2, col_conv = -1;
  bool first = true;
  const std::string no_conversation;
  while (true) {
    const uint64_t start_line = line;
    if (!NextRecord(bytes, sep, &pos, &line, &fields, &n, &bad)) break;
    if (bad) rows.Error(start_line, "unclosed_quote", "quoted field runs to the end of the file");
    if (n == 1 && TrimAscii(fields[0]).empty()) continue;  // blank line
    if (first) {
      first = false;
      int t = -1, d = -1, c = -1, s = -1, x = -1, v = -1, known = 0;
      for (size_t i = 0; i < n && i < 64; ++i) {
        const char kind = FieldKind(AsciiLower(TrimAscii(fields[i])));
        int* slot = kind == 't'   ? &t
                    : kind == 'd' ? &d
                    : kind == 'c' ? &c
                    : kind == 's' ? &s
                    : kind == 'x' ? &x
                    : kind == 'v' ? &v
                                  : nullptr;
        if (slot && *slot < 0) *slot = static_cast<int>(i), ++known;
      }
      if (known >= 2 && x >= 0) {
        // "date" + "time" columns: both kept; a lone "date"/"time" column is the timestamp.
        col_time = t >= 0 ? t : (d >= 0 && c < 0 ? d : (c >= 0 && d < 0 ? c : -1));
        col_date = t < 0 && d >= 0 && c >= 0 ? d : -1;
        col_clock = t < 0 && d >= 0 && c >= 0 ? c : -1;
        col_sender = s, col_text = x, col_conv = v;
        continue;
      }
    }
    const int need = std::max({col_time, col_date, col_clock, col_sender, col_text, col_conv});
    if (static_cast<int>(n) <= need) {
      rows.Error(start_line, "bad_row",
                 "expected " + std::to_string(need + 1) + " fields, found " + std::to_string(n));
      continue;
    }
    auto take = [&](int col) {
      return col >= 0 ? std::move(fields[static_cast<size_t>(col)]) : std::string();
    };
    std::string time = col_time >= 0   ? take(col_time)
                       : col_date >= 0 ? take(col_date) + " " + take(col_clock)
                                       : std::string();
    std::string sender = take(col_sender);
    std::string text = take(col_text);
    const std::string conv = col_conv >= 0 ? take(col_conv) : no_conversation;
    if (!rows.Add(start_line, std::move(time), std::move(sender), std::move(text), conv)) break;
  }
  return rows.Finish();
}

}  // namespace ngb::chat::parse
