// Helpers shared by the chat parsers: civil time, timestamp text, UTF-8 checks, Meta mojibake.
#include <cstring>
#include <unordered_set>

#include "chat/parse/parsers.h"

namespace ngb::chat::parse {

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  // Howard Hinnant's algorithm.
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

int64_t CivilToEpoch(int64_t y, int mo, int d, int h, int mi, int s) {
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 ||
      mi > 59 || s < 0 || s > 60) {
    return kNoTime;
  }
  return DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
         mi * 60 + s;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool Num(std::string_view s, size_t* p, int max_digits, int* out, int* ndigits) {
  int v = 0, n = 0;
  while (*p < s.size() && n < max_digits && IsDigit(s[*p])) {
    v = v * 10 + (s[*p] - '0');
    ++*p;
    ++n;
  }
  if (n == 0) return false;
  *out = v;
  if (ndigits) *ndigits = n;
  return true;
}

namespace {

bool Eat(std::string_view s, size_t* p, char c) {
  if (*p < s.size() && s[*p] == c) {
    ++*p;
    return true;
  }
  return false;
}

// Skips ASCII spaces, U+00A0 and U+202F.
void SkipSpaces(std::string_view s, size_t* p) {
  for (;;) {
    if (*p < s.size() && (s[*p] == ' ' || s[*p] == '\t')) {
      ++*p;
    } else if (s.substr(*p, 2) == "\xC2\xA0") {
      *p += 2;
    } else if (s.substr(*p, 3) == "\xE2\x80\xAF") {
      *p += 3;
    } else {
      return;
    }
  }
}

// HH:MM[:SS[.frac]] [am|pm|a.m.|p.m.]; *h adjusted for 12 h clocks.
bool ParseClock(std::string_view s, size_t* p, int* h, int* mi, int* sec) {
  if (!Num(s, p, 2, h) || !Eat(s, p, ':') || !Num(s, p, 2, mi)) return false;
  *sec = 0;
  if (Eat(s, p, ':') && !Num(s, p, 2, sec)) return false;
  if (*p < s.size() && (s[*p] == '.' || s[*p] == ',') && *p + 1 < s.size() && IsDigit(s[*p + 1])) {
    ++*p;
    while (*p < s.size() && IsDigit(s[*p])) ++*p;
  }
  size_t q = *p;
  SkipSpaces(s, &q);
  if (q < s.size()) {
    const char c = static_cast<char>(s[q] | 0x20);
    if (c == 'a' || c == 'p') {
      size_t r = q + 1;
      Eat(s, &r, '.');
      if (r < s.size() && (s[r] | 0x20) == 'm') {
        ++r;
        Eat(s, &r, '.');
        if (*h < 1 || *h > 12) return false;
        *h = (*h % 12) + (c == 'p' ? 12 : 0);
        *p = r;
      }
    }
  }
  return true;
}

// Z, ±HH, ±HHMM, ±HH:MM → offset seconds.
bool ParseZone(std::string_view s, size_t* p, int64_t* offset) {
  *offset = 0;
  if (*p >= s.size()) return true;
  if (s[*p] == 'Z' || s[*p] == 'z') {
    ++*p;
    return true;
  }
  if (s[*p] != '+' && s[*p] != '-') return true;
  const int sign = s[*p] == '-' ? -1 : 1;
  ++*p;
  int hh = 0, mm = 0;
  if (!Num(s, p, 2, &hh)) return false;
  Eat(s, p, ':');
  Num(s, p, 2, &mm);
  if (hh > 14 || mm > 59) return false;
  *offset = sign * (hh * 3600 + mm * 60);
  return true;
}

}  // namespace

bool ParseTimestamp(std::string_view text, DateOrder order, int64_t* out) {
  const std::string_view s = TrimAscii(text);
  if (s.empty() || s.size() > 64) return false;
  size_t p = 0;
  // Epoch seconds / milliseconds (optionally with a fraction).
  {
    size_t q = 0;
    while (q < s.size() && IsDigit(s[q])) ++q;
    if (q >= 9 && q <= 13 && (q == s.size() || (s[q] == '.' && q + 1 < s.size()))) {
      bool frac_ok = true;
      for (size_t r = q + 1; r < s.size(); ++r) frac_ok &= IsDigit(s[r]);
      if (frac_ok) {
        int64_t v = 0;
        for (size_t r = 0; r < q; ++r) v = v * 10 + (s[r] - '0');
        if (v > 100'000'000'000LL) v /= 1000;
        *out = v;
        return true;
      }
    }
  }
  int a = 0, b = 0, c = 0, na = 0, nc = 0;
  if (!Num(s, &p, 4, &a, &na) || p >= s.size()) return false;
  const char sep = s[p];
  if (sep != '-' && sep != '/' && sep != '.') return false;
  ++p;
  if (!Num(s, &p, 2, &b) || !Eat(s, &p, sep) || !Num(s, &p, 4, &c, &nc)) return false;
  int y, mo, d;
  if (na == 4) {
    y = a, mo = b, d = c;
  } else {
    y = nc == 2 ? 2000 + c : c;
    const bool month_first =
        order == DateOrder::kMonthFirst || (order == DateOrder::kAuto && b > 12 && a <= 12);
    mo = month_first ? a : b;
    d = month_first ? b : a;
  }
  int h = 0, mi = 0, sec = 0;
  int64_t offset = 0;
  if (p < s.size()) {
    if (s[p] == 'T' || s[p] == 't' || s[p] == ' ' || s[p] == ',') {
      ++p;
      Eat(s, &p, ' ');
    } else {
      return false;
    }
    SkipSpaces(s, &p);
    if (!ParseClock(s, &p, &h, &mi, &sec)) return false;
    SkipSpaces(s, &p);
    if (!ParseZone(s, &p, &offset)) return false;
    if (s.substr(p) == "UTC" || s.substr(p) == "GMT") p = s.size();
    if (p != s.size()) return false;
  }
  const int64_t t = CivilToEpoch(y, mo, d, h, mi, sec);
  if (t == kNoTime) return false;
  *out = t - offset;
  return true;
}

std::string SanitizeUtf8(std::string_view s) {
  if (IsValidUtf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80                   ? 1
               : (c >= 0xC2 && c <= 0xDF) ? 2
               : (c >= 0xE0 && c <= 0xEF) ? 3
               : (c >= 0xF0 && c <= 0xF4) ? 4
                                          : 0;
    if (n != 0 && i + n <= s.size() && IsValidUtf8(s.substr(i, n))) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      out.append("\xEF\xBF\xBD");
      ++i;
    }
  }
  return out;
}

std::string RepairMojibake(std::string text) {
  bool high = false;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      if (c != 0xC2 && c != 0xC3 && (c & 0xC0) != 0x80) return text;  // code point > U+00FF
      high = true;
    }
  }
  if (!high) return text;
  std::string bytes;
  bytes.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      bytes.push_back(static_cast<char>(c));
    } else if ((c == 0xC2 || c == 0xC3) && i + 1 < text.size() &&
               (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      bytes.push_back(static_cast<char>(((c & 0x03) << 6) | (text[i + 1] & 0x3F)));
      ++i;
    } else {
      return text;  // not valid UTF-8 to begin with
    }
  }
  bool multibyte = false;
  for (const char ch : bytes) multibyte |= static_cast<unsigned char>(ch) >= 0x80;
  if (!multibyte || !IsValidUtf8(bytes)) return text;
  return bytes;
}

MediaKind MediaFromFileName(std::string_view name) {
  const std::string n = AsciiLower(name);
  auto has = [&](std::string_view x) { return n.find(x) != std::string::npos; };
  auto ends = [&](std::string_view x) { return n.size() >= x.size() && n.ends_with(x); };
  if (n.empty()) return MediaKind::kNone;
  if (has("sticker") || has("stk-") || ends(".webp") || ends(".tgs")) return MediaKind::kSticker;
  if (has("image/") || has("photo") || n.starts_with("img-") || ends(".jpg") || ends(".jpeg") ||
      ends(".png") || ends(".gif") || ends(".heic") || ends(".bmp")) {
    return MediaKind::kImage;
  }
  if (has("video") || n.starts_with("vid-") || ends(".mp4") || ends(".mov") || ends(".3gp") ||
      ends(".mkv") || ends(".webm") || ends(".avi")) {
    return MediaKind::kVideo;
  }
  if (has("audio") || has("voice") || n.starts_with("ptt-") || n.starts_with("aud-") ||
      ends(".opus") || ends(".ogg") || ends(".mp3") || ends(".m4a") || ends(".aac") ||
      ends(".wav")) {
    return MediaKind::kAudio;
  }
  return MediaKind::kFile;
}

void AddError(Conversation& c, uint64_t line, std::string_view reason, std::string detail) {
  if (c.errors.size() < kMaxErrors) {
    c.errors.push_back({line, std::string(reason), std::move(detail)});
  } else if (c.errors.size() == kMaxErrors) {
    c.errors.push_back({line, "too_many_errors", "further errors not listed"});
  }
}

void SetText(Conversation& c, Message& m, std::string text) {
  if (text.size() > kMaxMessageBytes) {
    size_t cut = kMaxMessageBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
    AddError(c, m.line, "message_too_long", "text truncated to 1 MiB");
  }
  m.text = IsValidUtf8(text) ? std::move(text) : SanitizeUtf8(text);
}

void CollectParticipants(Conversation& c) {
  std::unordered_set<std::string> seen;
  std::vector<std::string> out;
  for (auto& p : c.participants) {
    if (!p.empty() && seen.insert(p).second) out.push_back(p);
  }
  const std::string* last = nullptr;  // consecutive messages mostly share an author
  for (const Message& m : c.messages) {
    if (m.author.empty() || (last && *last == m.author)) continue;
    last = &m.author;
    if (seen.insert(m.author).second) out.push_back(m.author);
  }
  c.participants = std::move(out);
}

uint64_t LineOfOffset(std::string_view bytes, size_t pos) {
  if (pos > bytes.size()) pos = bytes.size();
  uint64_t line = 1;
  for (size_t i = 0; i < pos; ++i) line += bytes[i] == '\n';
  return line;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
  }
  return out;
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace ngb::chat::parse
