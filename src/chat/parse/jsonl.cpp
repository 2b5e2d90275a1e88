// JSON Lines: one message object per line, keys matched through FieldKind() (time|timestamp|date,
// sender|author|from|user, text|message|content|body, conversation|conversation_id|chat|...).
// A line that is not a readable object is an error row; the other lines are kept.
#include <cstring>

#include "chat/parse/json.h"
#include "chat/parse/rows.h"

namespace ngb::chat::parse {

Result<Conversations> ParseJsonl(std::string_view bytes, const ParseOptions& options) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  RowCollector rows(Format::kJsonl, options);
  od::parser parser;
  std::string buf;
  std::string time, date, clock, sender, text, conv, value;
  size_t pos = 0;
  uint64_t line_no = 0;
  while (pos < bytes.size()) {
    const char* nl =
        static_cast<const char*>(std::memchr(bytes.data() + pos, '\n', bytes.size() - pos));
    const size_t end = nl ? static_cast<size_t>(nl - bytes.data()) : bytes.size();
    const std::string_view line = TrimAscii(bytes.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (line.empty()) continue;
    if (line.front() != '{') {
      rows.Error(line_no, "bad_line", "not a JSON object");
      continue;
    }
    buf.assign(line);
    buf.resize(line.size() + simdjson::SIMDJSON_PADDING);
    od::document doc;
    od::object obj;
    if (parser.iterate(buf.data(), line.size(), buf.size()).get(doc) || doc.get_object().get(obj)) {
      rows.Error(line_no, "malformed_json", "line is not a readable JSON object");
      continue;
    }
    time.clear(), date.clear(), clock.clear(), sender.clear(), text.clear(), conv.clear();
    bool ok = true;
    for (auto fr : obj) {
      od::field f;
      std::string_view k;
      if (std::move(fr).get(f) || f.unescaped_key().get(k)) {
        ok = false;
        break;
      }
      const char kind = FieldKind(AsciiLower(k));
      std::string* slot = kind == 't'   ? &time
                          : kind == 'd' ? &date
                          : kind == 'c' ? &clock
                          : kind == 's' ? &sender
                          : kind == 'x' ? &text
                          : kind == 'v' ? &conv
                                        : nullptr;
      if (!slot || !slot->empty()) continue;
      if (!ReadString(f.value(), &value)) {
        ok = false;
        break;
      }
      *slot = std::move(value);
    }
    if (!ok) {
      rows.Error(line_no, "malformed_json", "line is not a readable JSON object");
      continue;
    }
    if (time.empty())
      time = clock.empty() ? std::move(date) : date.empty() ? std::move(clock) : date + " " + clock;
    if (sender.empty() && text.empty()) {
      rows.Error(line_no, "bad_line", "no sender or text field");
      continue;
    }
    if (!rows.Add(line_no, std::move(time), std::move(sender), std::move(text), conv)) break;
  }
  return rows.Finish();
}

}  // namespace ngb::chat::parse
