// HashingOStream: an std::ostream that forwards every byte to another stream and keeps the SHA-256
// and the byte count of what was written, so an export or report can be audit-logged with the
// digest of exactly the bytes it produced (also when written to standard output).
// Not thread-safe. REQUIRES: `sink` outlives this stream.
#pragma once
#include <cstdint>
#include <ostream>
#include <streambuf>
#include <string>

#include "hash/sha256.h"

namespace ngb::report {

class HashingStreamBuf : public std::streambuf {
 public:
  explicit HashingStreamBuf(std::ostream& sink) : sink_(sink), buf_(kBufferBytes, '\0') {
    setp(buf_.data(), buf_.data() + buf_.size());
  }
  ~HashingStreamBuf() override { Drain(); }
  // Bytes written so far (including those still buffered).
  uint64_t bytes() const { return bytes_ + static_cast<uint64_t>(pptr() - pbase()); }
  // Digest of everything written so far; flushes. Call once, after the last write.
  std::string FinalHex() {
    Drain();
    return sha_.FinalHex();
  }

 protected:
  int_type overflow(int_type ch) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return Drain() && sink_.flush() ? 0 : -1; }

 private:
  static constexpr size_t kBufferBytes = 64 * 1024;
  // Hands the buffered bytes to the sink and the digest. False when the sink failed.
  bool Drain() {
    const std::string_view pending(pbase(), static_cast<size_t>(pptr() - pbase()));
    if (!pending.empty()) {
      sink_.write(pending.data(), static_cast<std::streamsize>(pending.size()));
      sha_.Update(pending);
      bytes_ += pending.size();
      setp(buf_.data(), buf_.data() + buf_.size());
    }
    return static_cast<bool>(sink_);
  }
  std::ostream& sink_;
  std::string buf_;
  Sha256Stream sha_;
  uint64_t bytes_ = 0;
};

class HashingOStream : public std::ostream {
 public:
  explicit HashingOStream(std::ostream& sink) : std::ostream(nullptr), buf_(sink) { rdbuf(&buf_); }
  uint64_t bytes() const { return buf_.bytes(); }
  std::string FinalHex() { return buf_.FinalHex(); }

 private:
  HashingStreamBuf buf_;
};

}  // namespace ngb::report
