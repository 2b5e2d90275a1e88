// Format detection and dispatch to the per-format parsers in chat/parse/.
#include "chat/parse.h"

#include <algorithm>
#include <new>

#include "chat/parse/parsers.h"
#include "chat/parse/rows.h"

namespace ngb::chat {
namespace {

using parse::AsciiLower;
using parse::TrimAscii;

bool Has(std::string_view s, std::string_view x) { return s.find(x) != std::string_view::npos; }

// Instagram or Messenger, from the file's path and content (default Messenger).
Format MetaKind(std::string_view head, std::string_view name) {
  const std::string n = AsciiLower(name);
  if (Has(n, "instagram")) return Format::kInstagram;
  if (Has(n, "facebook") || Has(n, "messenger")) return Format::kMessenger;
  if (Has(head, "your_instagram_activity") || Has(head, "instagram.com") ||
      Has(head, "\"is_geoblocked_for_viewer\"")) {
    return Format::kInstagram;
  }
  return Format::kMessenger;
}

Format DetectJson(std::string_view head, std::string_view name) {
  // JSON Lines: a complete object on the first line and another object on the next one.
  const size_t nl = head.find('\n');
  if (nl != std::string_view::npos) {
    const std::string_view first = TrimAscii(head.substr(0, nl));
    const std::string_view rest = TrimAscii(head.substr(nl + 1));
    if (first.size() > 2 && first.back() == '}' && (rest.empty() || rest.front() == '{')) {
      bool sender = false, text = false;
      // Keys: "name": at the top level of the line (cheap scan of quoted tokens before ':').
      size_t p = 0;
      while ((p = first.find('"', p)) != std::string_view::npos) {
        const size_t q = first.find('"', p + 1);
        if (q == std::string_view::npos) break;
        size_t r = q + 1;
        while (r < first.size() && first[r] == ' ') ++r;
        if (r < first.size() && first[r] == ':') {
          const char kind = parse::FieldKind(AsciiLower(first.substr(p + 1, q - p - 1)));
          sender |= kind == 's';
          text |= kind == 'x';
        }
        p = q + 1;
      }
      if (sender && text) return Format::kJsonl;
    }
  }
  if (Has(head, "\"sender_name\"") && Has(head, "\"timestamp_ms\"")) return MetaKind(head, name);
  if (Has(head, "\"senderName\"") && Has(head, "\"threadName\"")) return Format::kMessenger;
  if (Has(head, "\"date_unixtime\"") ||
      (Has(head, "\"messages\"") &&
       (Has(head, "\"personal_chat\"") || Has(head, "\"private_group\"") ||
        Has(head, "\"private_supergroup\"") || Has(head, "\"saved_messages\"") ||
        Has(head, "\"public_channel\"") || Has(head, "\"private_channel\"") ||
        Has(head, "\"public_supergroup\"") || Has(head, "\"bot_chat\""))) ||
      (Has(head, "\"personal_information\"") && Has(head, "Telegram"))) {
    return Format::kTelegram;
  }
  if (Has(head, "\"guild\"") && Has(head, "\"channel\"") &&
      (Has(head, "\"messages\"") || Has(head, "\"exportedAt\""))) {
    return Format::kDiscord;
  }
  return Format::kUnknown;
}

bool LooksCsv(std::string_view head, std::string_view name) {
  const std::string n = AsciiLower(name);
  const bool csv_name = n.ends_with(".csv") || n.ends_with(".tsv");
  std::string_view first = head.substr(0, head.find('\n'));
  if (first.size() > 4096) return false;
  for (const char sep : {',', ';', '\t'}) {
    // Header: at least a text column and a sender or time column.
    int text = 0, other = 0, fields = 1;
    size_t p = 0;
    for (;;) {
      const size_t q = first.find(sep, p);
      std::string_view f = TrimAscii(first.substr(p, q == std::string_view::npos ? q : q - p));
      if (f.size() >= 2 && f.front() == '"' && f.back() == '"') f = f.substr(1, f.size() - 2);
      const char kind = parse::FieldKind(AsciiLower(f));
      text += kind == 'x';
      other += kind == 's' || kind == 't' || kind == 'd' || kind == 'c';
      if (q == std::string_view::npos) break;
      p = q + 1;
      ++fields;
    }
    if (fields >= 2 && text > 0 && other > 0) return true;
    // No header: timestamp first, at least 3 fields, on the first line (and the name says CSV).
    if (csv_name && fields >= 3) {
      int64_t t;
      const size_t q = first.find(sep);
      std::string_view f = TrimAscii(first.substr(0, q));
      if (f.size() >= 2 && f.front() == '"' && f.back() == '"') f = f.substr(1, f.size() - 2);
      if (parse::ParseTimestamp(f, DateOrder::kAuto, &t)) return true;
    }
  }
  return false;
}

bool LooksWhatsApp(std::string_view head) {
  int headers = 0, lines = 0;
  bool first_nonblank = true;
  size_t p = 0;
  while (p < head.size() && lines < 40) {
    const size_t nl = head.find('\n', p);
    const std::string_view line = head.substr(p, nl == std::string_view::npos ? nl : nl - p);
    if (nl == std::string_view::npos && head.size() >= 4096) break;  // cut line: ignore
    p = nl == std::string_view::npos ? head.size() : nl + 1;
    ++lines;
    if (TrimAscii(line).empty()) continue;
    const bool h = parse::IsWhatsAppHeader(line);
    if (first_nonblank && h) return true;
    first_nonblank = false;
    headers += h;
  }
  return headers >= 2;
}

// Control bytes other than TAB/LF/CR/FF in more than 1 % of the first 4 KiB: binary, compressed,
// encrypted or UTF-16 data, which no supported export is.
bool LooksBinary(std::string_view bytes) {
  const std::string_view start = bytes.substr(0, 4096);
  const size_t limit = start.size() / 100;  // binary once control > limit: stop there
  size_t control = 0;
  for (const char ch : start) {
    const auto c = static_cast<unsigned char>(ch);
    control += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
    if (control > limit) return true;
  }
  return false;
}

}  // namespace

Format DetectFormat(std::string_view head, std::string_view name) {
  if (head.size() > 65536) head = head.substr(0, 65536);
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  if (LooksBinary(head)) return Format::kUnknown;
  const std::string_view t = TrimAscii(head);
  if (t.empty()) return Format::kUnknown;
  if (t.front() == '<') {
    if (Has(t, "<conversation") && Has(t, "<message") && (Has(t, "<author") || Has(t, "<text"))) {
      return Format::kPanXml;
    }
    return Format::kUnknown;
  }
  if (t.front() == '{') return DetectJson(t, name);
  if (LooksWhatsApp(head)) return Format::kWhatsApp;
  if (LooksCsv(t, name)) return Format::kCsv;
  return Format::kUnknown;
}

Result<std::vector<Conversation>> ParseChat(std::string_view bytes, std::string_view name,
                                            const ParseOptions& options) {
  try {
    if (LooksBinary(bytes)) return Status::Error("not_a_chat_export", "binary data (or UTF-16 text)");
    Format format = options.format;
    if (format == Format::kUnknown) format = DetectFormat(bytes.substr(0, 65536), name);
    if ((format == Format::kMessenger || format == Format::kInstagram) &&
        options.format == Format::kUnknown) {
      format = MetaKind(bytes.substr(0, 65536), name);
    }
    switch (format) {
      case Format::kWhatsApp:
        return parse::ParseWhatsApp(bytes, options);
      case Format::kTelegram:
        return parse::ParseTelegram(bytes, options);
      case Format::kInstagram:
      case Format::kMessenger:
        return parse::ParseMeta(bytes, format, options);
      case Format::kDiscord:
        return parse::ParseDiscord(bytes, options);
      case Format::kCsv:
        return parse::ParseCsv(bytes, options);
      case Format::kJsonl:
        return parse::ParseJsonl(bytes, options);
      case Format::kPanXml:
        return parse::ParsePanXml(bytes, options);
      case Format::kUnknown:
        break;
    }
    return Status::Error("not_a_chat_export", "no known chat export format recognised");
  } catch (const std::bad_alloc&) {
    return Status::Error("out_of_memory", "not enough memory to parse the export");
  } catch (const std::exception& e) {
    return Status::Error("parse_failed", e.what());
  }
}

}  // namespace ngb::chat
