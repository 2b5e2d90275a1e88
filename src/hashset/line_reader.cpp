#include "hashset/line_reader.h"

#include <cstring>

namespace ngb::hashset {

LineReader::LineReader(source::ByteStream& in, size_t max_line) : in_(in), max_line_(max_line) {}

Result<bool> LineReader::Fill() {
  while (pos_ >= chunk_.size() && !eof_) {
    Result<std::span<const uint8_t>> next = in_.Next();
    if (!next.ok()) return next.status();
    chunk_ = *next;
    pos_ = 0;
    if (chunk_.empty()) eof_ = true;
  }
  return pos_ < chunk_.size();
}

Result<bool> LineReader::Next(Line& line) {
  pending_.clear();
  bool too_long = false;
  bool any = false;  // something (even an empty line's LF) was consumed
  std::string_view text;
  for (;;) {
    Result<bool> more = Fill();
    if (!more.ok()) return more.status();
    if (!*more) {
      if (!any) return false;
      text = pending_;
      break;
    }
    any = true;
    const char* begin = reinterpret_cast<const char*>(chunk_.data()) + pos_;
    const size_t avail = chunk_.size() - pos_;
    const void* nl = memchr(begin, '\n', avail);
    const size_t piece = nl ? static_cast<size_t>(static_cast<const char*>(nl) - begin) : avail;
    pos_ += piece + (nl ? 1 : 0);
    if (nl && pending_.empty() && !too_long && piece <= max_line_) {
      text = std::string_view(begin, piece);  // the common case: no copy
      break;
    }
    const size_t room = max_line_ - std::min(max_line_, pending_.size());
    if (piece > room) too_long = true;
    pending_.append(begin, std::min(piece, room));
    if (nl) {
      text = pending_;
      break;
    }
  }
  ++number_;
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  if (number_ == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  line.text = text;
  line.number = number_;
  line.too_long = too_long;
  return true;
}

std::string_view TrimSpace(std::string_view text) {
  const char* ws = " \t\r\f\v";
  const size_t b = text.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  const size_t e = text.find_last_not_of(ws);
  return text.substr(b, e - b + 1);
}

}  // namespace ngb::hashset
