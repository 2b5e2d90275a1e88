// LineReader: lines of a ByteStream, one at a time, without holding more than one line
// (capped at kMaxLine bytes) in memory. Lines end at LF; a CR before the LF is dropped (CRLF);
// a UTF-8 byte-order mark at the start of the stream is dropped; the last line may lack its LF.
// Not thread-safe.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "source/byte_source.h"

namespace ngb::hashset {

class LineReader {
 public:
  // `in` must outlive the reader.
  explicit LineReader(source::ByteStream& in, size_t max_line);

  struct Line {
    std::string_view text;  // valid until the next call
    uint64_t number = 0;    // 1-based
    bool too_long = false;  // longer than max_line: `text` holds its first max_line bytes
  };
  // The next line, or false at the end of the stream. Errors are the stream's.
  Result<bool> Next(Line& line);

 private:
  Result<bool> Fill();
  source::ByteStream& in_;
  size_t max_line_;
  std::span<const uint8_t> chunk_;
  size_t pos_ = 0;
  bool eof_ = false;
  std::string pending_;
  uint64_t number_ = 0;
};

// `text` without leading and trailing spaces and tabs (and a stray CR).
std::string_view TrimSpace(std::string_view text);

}  // namespace ngb::hashset
