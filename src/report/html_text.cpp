#include "report/html_text.h"

#include <cstdint>
#include <cstdio>

#include "core/provenance.h"

namespace ngb::report {
namespace {

// Code point of the UTF-8 sequence at s[i] (valid UTF-8 guaranteed by DisplayPath) and its length.
char32_t Decode(std::string_view s, size_t i, size_t& len) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (b(0) < 0x80) return len = 1, b(0);
  if (b(0) < 0xE0) return len = 2, char32_t((b(0) & 0x1F) << 6 | (b(1) & 0x3F));
  if (b(0) < 0xF0) return len = 3, char32_t((b(0) & 0x0F) << 12 | (b(1) & 0x3F) << 6 | (b(2) & 0x3F));
  return len = 4, char32_t((b(0) & 0x07) << 18 | (b(1) & 0x3F) << 12 | (b(2) & 0x3F) << 6 | (b(3) & 0x3F));
}

bool IsBidiControl(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

}  // namespace

std::string HtmlText(std::string_view raw, bool keep_newlines) {
  const std::string s = DisplayPath(raw);
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  char buf[16];
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    const char32_t c = Decode(s, i, len);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if ((c < 0x20 && !(keep_newlines && (c == '\n' || c == '\t'))) || c == 0x7F) {
          snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(c));
          out += buf;
        } else if (IsBidiControl(c)) {
          snprintf(buf, sizeof buf, "\\u{%04X}", static_cast<unsigned>(c));
          out += buf;
        } else {
          out.append(s, i, len);
        }
    }
    i += len;
  }
  return out;
}

std::string Base64(std::string_view in) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i < in.size()) {
    uint32_t v = uint8_t(in[i]) << 16;
    if (i + 1 < in.size()) v |= uint8_t(in[i + 1]) << 8;
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace ngb::report
