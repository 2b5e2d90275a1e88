// WhatsApp text exports (Android 24 h / 12 h, iOS), see docs/chat-formats.md.
//
// One pass over the lines: a line that starts with a date/time header starts a message, any other
// line continues the previous one. Dates are kept as raw numbers until the end of the file, when
// the day/month order is decided from all of them at once.
#include <algorithm>
#include <cstring>

#include "chat/parse/parsers.h"

namespace ngb::chat::parse {
namespace {

constexpr std::string_view kLrm = "\xE2\x80\x8E";
constexpr std::string_view kRlm = "\xE2\x80\x8F";
constexpr std::string_view kBom = "\xEF\xBB\xBF";

void SkipMarks(std::string_view s, size_t* p) {
  for (;;) {
    const std::string_view r = s.substr(*p, 3);
    if (r == kLrm || r == kRlm || r == kBom) {
      *p += 3;
    } else {
      return;
    }
  }
}

std::string_view StripMarks(std::string_view s) {
  size_t p = 0;
  SkipMarks(s, &p);
  return s.substr(p);
}

// Spaces: ASCII, U+00A0, U+202F.
bool SkipSpace(std::string_view s, size_t* p) {
  const size_t start = *p;
  for (;;) {
    if (*p < s.size() && s[*p] == ' ') {
      ++*p;
    } else if (s.substr(*p, 2) == "\xC2\xA0") {
      *p += 2;
    } else if (s.substr(*p, 3) == "\xE2\x80\xAF") {
      *p += 3;
    } else {
      return *p > start;
    }
  }
}

struct Header {
  int a = 0, b = 0, y = 0;  // date fields as written (a/b order undecided unless ymd)
  bool ymd = false;
  int h = 0, mi = 0, s = 0;
  size_t body = 0;  // offset of "Name: text" in the line
  bool ios = false;  // "[date, time] " form
};

// Parses "[?D/M/Y, H:MM[:SS][ am]]? - " or "[...] " at the start of `line`.
bool ParseHeader(std::string_view line, Header* hd) {
  size_t p = 0;
  SkipMarks(line, &p);
  const bool bracket = p < line.size() && line[p] == '[';
  if (bracket) ++p;
  int na, nb, nc;
  if (!Num(line, &p, 4, &hd->a, &na) || p >= line.size()) return false;
  const char sep = line[p];
  if (sep != '/' && sep != '.' && sep != '-') return false;
  ++p;
  int c;
  if (!Num(line, &p, 2, &hd->b, &nb) || p >= line.size() || line[p] != sep) return false;
  ++p;
  if (!Num(line, &p, 4, &c, &nc) || (nc != 2 && nc != 4)) return false;
  if (na == 4) {
    hd->ymd = true;
    hd->y = hd->a;
    hd->a = c;  // a = day, b = month
  } else if (na <= 2) {
    hd->y = nc == 2 ? 2000 + c : c;
  } else {
    return false;
  }
  if (p < line.size() && line[p] == '.') ++p;  // "12.01.24."
  if (p < line.size() && line[p] == ',') ++p;
  SkipSpace(line, &p);
  int nd;
  if (!Num(line, &p, 2, &hd->h, &nd) || p >= line.size() || line[p] != ':') return false;
  ++p;
  if (!Num(line, &p, 2, &hd->mi, &nd) || nd != 2) return false;
  hd->s = 0;
  if (p < line.size() && line[p] == ':') {
    ++p;
    if (!Num(line, &p, 2, &hd->s, &nd) || nd != 2) return false;
  }
  size_t q = p;
  SkipSpace(line, &q);
  if (q < line.size() && ((line[q] | 0x20) == 'a' || (line[q] | 0x20) == 'p')) {
    const bool pm = (line[q] | 0x20) == 'p';
    size_t r = q + 1;
    if (r < line.size() && line[r] == '.') ++r;
    if (r < line.size() && (line[r] | 0x20) == 'm') {
      ++r;
      if (r < line.size() && line[r] == '.') ++r;
      if (hd->h < 1 || hd->h > 12) return false;
      hd->h = hd->h % 12 + (pm ? 12 : 0);
      p = r;
    }
  }
  hd->ios = bracket;
  if (bracket) {
    if (p >= line.size() || line[p] != ']') return false;
    ++p;
    if (p < line.size() && line[p] == ' ') ++p;
  } else {
    SkipSpace(line, &p);
    if (line.substr(p, 1) == "-") {
      p += 1;
    } else if (line.substr(p, 3) == "\xE2\x80\x93") {  // en dash
      p += 3;
    } else {
      return false;
    }
    if (p < line.size() && line[p] == ' ') ++p;
  }
  hd->body = p;
  return hd->h < 24 && hd->mi < 60 && hd->s <= 60;
}

bool LooksSystemAuthor(std::string_view author) {
  if (author.size() > 80) return true;
  for (std::string_view v : {" changed the ", " changed this ", " created group", " added ",
                             " removed ", " joined using", " left", " changed their phone"}) {
    if (author.find(v) != std::string_view::npos) return true;
  }
  return false;
}

struct Omitted {
  std::string_view text;
  MediaKind kind;
};
constexpr Omitted kOmitted[] = {
    {"<Media omitted>", MediaKind::kOther},      {"image omitted", MediaKind::kImage},
    {"video omitted", MediaKind::kVideo},        {"audio omitted", MediaKind::kAudio},
    {"sticker omitted", MediaKind::kSticker},    {"GIF omitted", MediaKind::kVideo},
    {"Contact card omitted", MediaKind::kOther}, {"video note omitted", MediaKind::kVideo},
    {"<Video note omitted>", MediaKind::kVideo}, {"document omitted", MediaKind::kFile},
};

// Media placeholders, attachments, "<This message was edited>" and iOS system lines.
void Finish(Message& m, bool ios) {
  std::string_view t = m.text;
  const bool marked = t.starts_with(kLrm);
  t = StripMarks(t);
  if (t.ends_with(" <This message was edited>")) t.remove_suffix(26);
  if (t.ends_with("<This message was edited>")) t.remove_suffix(25);
  const size_t nl = t.find('\n');
  const std::string_view first = t.substr(0, nl);
  const std::string_view rest =
      nl == std::string_view::npos ? std::string_view() : t.substr(nl + 1);
  for (const Omitted& o : kOmitted) {
    if (first == o.text || (o.kind == MediaKind::kFile && first.ends_with(o.text))) {
      m.media = o.kind;
      if (o.kind == MediaKind::kFile) {
        std::string_view name = first.substr(0, first.size() - o.text.size());
        const size_t bullet = name.find(" \xE2\x80\xA2");  // "report.pdf • 3 pages"
        m.attachment = std::string(TrimAscii(name.substr(0, bullet)));
      }
      m.text = std::string(rest);
      return;
    }
  }
  if (first.starts_with("<attached: ") && first.ends_with(">")) {
    m.attachment = std::string(first.substr(11, first.size() - 12));
    m.media = MediaFromFileName(m.attachment);
    m.text = std::string(rest);
    return;
  }
  if (first.ends_with(" (file attached)")) {
    m.attachment = std::string(first.substr(0, first.size() - 16));
    m.media = MediaFromFileName(m.attachment);
    m.text = std::string(rest);
    return;
  }
  if (first == "This message was deleted." || first == "This message was deleted" ||
      first == "You deleted this message." || first == "You deleted this message") {
    m.text = "This message was deleted";
    return;
  }
  if (ios && marked && !m.system) {  // iOS writes its notices after an LRM, under the chat's name
    m.system = true;
    m.author.clear();
  }
  if (t.size() != m.text.size()) m.text = std::string(t);
}

struct Raw {
  int a, b, y, h, mi, s;
  bool ymd;
};

}  // namespace

bool IsWhatsAppHeader(std::string_view line) {
  Header hd;
  return ParseHeader(line, &hd);
}

Result<Conversations> ParseWhatsApp(std::string_view bytes, const ParseOptions& options) {
  Conversation c;
  c.format = Format::kWhatsApp;
  std::vector<Raw> raw;
  const size_t guess = std::min(options.max_messages, bytes.size() / 128);  // fewer reallocations
  c.messages.reserve(guess);
  raw.reserve(guess);
  bool truncated = false;  // current message hit the size cap
  bool last_ios = false;   // current message has an iOS header
  size_t pos = 0;
  uint64_t line_no = 0;
  int day_first_votes = 0, month_first_votes = 0;
  while (pos < bytes.size()) {
    const char* nlp =
        static_cast<const char*>(std::memchr(bytes.data() + pos, '\n', bytes.size() - pos));
    const size_t end = nlp ? static_cast<size_t>(nlp - bytes.data()) : bytes.size();
    std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    Header hd;
    if (ParseHeader(line, &hd)) {
      if (c.messages.size() >= options.max_messages) {
        AddError(c, line_no, "too_many_messages", "message limit reached; rest of file skipped");
        break;
      }
      if (!c.messages.empty()) Finish(c.messages.back(), last_ios);
      last_ios = hd.ios;
      truncated = false;
      Message& m = c.messages.emplace_back();
      m.line = static_cast<uint32_t>(line_no);
      raw.push_back({hd.a, hd.b, hd.y, hd.h, hd.mi, hd.s, hd.ymd});
      if (!hd.ymd) {
        day_first_votes += hd.a > 12;
        month_first_votes += hd.b > 12;
      }
      const std::string_view body = line.substr(hd.body);
      const size_t colon = body.find(": ");
      std::string_view author =
          colon == std::string_view::npos ? std::string_view() : body.substr(0, colon);
      author = StripMarks(author);
      if (colon == std::string_view::npos || author.empty() || LooksSystemAuthor(author)) {
        m.system = true;
        m.text.assign(StripMarks(body));
      } else {
        m.author.assign(author);
        m.text.assign(body.substr(colon + 2));
      }
      if (m.text.size() > kMaxMessageBytes) {
        SetText(c, m, std::move(m.text));
        truncated = true;
      }
      continue;
    }
    if (c.messages.empty()) {
      if (!TrimAscii(StripMarks(line)).empty()) {
        AddError(c, line_no, "unreadable_line", "text before the first dated message");
      }
      continue;
    }
    Message& m = c.messages.back();
    if (truncated) continue;
    if (m.text.size() + 1 + line.size() > kMaxMessageBytes) {
      AddError(c, m.line, "message_too_long", "text truncated to 1 MiB");
      truncated = true;
      continue;
    }
    m.text.push_back('\n');
    m.text.append(line);
  }
  if (!c.messages.empty()) Finish(c.messages.back(), last_ios);
  if (c.messages.empty())
    return Status::Error("not_a_chat_export", "no dated WhatsApp message lines");

  bool month_first = options.date_order == DateOrder::kMonthFirst;
  if (options.date_order == DateOrder::kAuto)
    month_first = day_first_votes == 0 && month_first_votes > 0;
  if (options.date_order == DateOrder::kAuto && day_first_votes > 0 && month_first_votes > 0) {
    AddError(c, 0, "ambiguous_date_order", "both day > 12 and month > 12 seen; read as day-first");
  }
  for (size_t i = 0; i < c.messages.size(); ++i) {
    const Raw& r = raw[i];
    Message& m = c.messages[i];
    const int day = r.ymd || !month_first ? r.a : r.b;
    const int month = r.ymd || !month_first ? r.b : r.a;
    m.time = CivilToEpoch(r.y, month, day, r.h, r.mi, r.s);
    if (m.time == kNoTime) AddError(c, m.line, "bad_timestamp", "date out of range");
    if (!IsValidUtf8(m.text)) m.text = SanitizeUtf8(m.text);
    if (!IsValidUtf8(m.author)) m.author = SanitizeUtf8(m.author);
  }
  CollectParticipants(c);
  Conversations out;
  out.push_back(std::move(c));
  return out;
}

}  // namespace ngb::chat::parse
