// Test helpers: CollectingSink, a RecordSink that keeps everything it is given (tests, fuzzing),
// ParseText, which parses text with a given format through it in chunks of a chosen size, and
// small string helpers for expectations.
#pragma once
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "hash/multi_digest.h"
#include "hashset/parsers.h"
#include "hashset/streams.h"

namespace ngb::hashset {

class CollectingSink : public RecordSink {
 public:
  struct Good {
    ParsedRecord record;
    RecordPos pos;
  };
  Status Record(const ParsedRecord& record, RecordPos pos) override {
    good.push_back({record, pos});
    return Status::Ok();
  }
  Status Bad(RecordPos pos, std::string_view reason, std::string detail) override {
    bad.push_back({pos, std::string(reason), std::move(detail)});
    return Status::Ok();
  }
  std::vector<Good> good;
  std::vector<BadRow> bad;
  Status status;  // what the parser returned
  SourceInfo info;
};

// Parses `text` as `format` (a stream format), served `chunk` bytes at a time.
inline CollectingSink ParseText(ImportFormat format, std::string_view text, size_t chunk = 1 << 20) {
  CollectingSink sink;
  SpanStream in(text, chunk);
  sink.status = ParseStream(format, in, sink, &sink.info);
  return sink;
}

// Lowercase hex of an optional digest, "" when absent.
template <size_t N>
std::string DigestHex(const std::optional<std::array<uint8_t, N>>& d) {
  return d ? ToHex(*d) : "";
}

inline std::string AsciiUpper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

inline std::string AsciiLower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace ngb::hashset
