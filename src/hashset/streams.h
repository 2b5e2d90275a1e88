// Byte streams used by hash-set imports: a span of memory served in fixed-size chunks (tests,
// fuzzing), and a pass-through that computes the SHA-256 and size of everything read (the
// source file's digest is recorded with the set). Not thread-safe.
#pragma once
#include <algorithm>
#include <span>
#include <string>

#include "hash/sha256.h"
#include "source/byte_source.h"

namespace ngb::hashset {

// Serves `data` (which must outlive the stream) in chunks of at most `chunk` bytes.
class SpanStream : public source::ByteStream {
 public:
  explicit SpanStream(std::span<const uint8_t> data, size_t chunk = 1 << 20)
      : data_(data), chunk_(std::max<size_t>(chunk, 1)) {}
  explicit SpanStream(std::string_view text, size_t chunk = 1 << 20)
      : SpanStream(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(text.data()), text.size()), chunk) {}
  Result<std::span<const uint8_t>> Next() override {
    const size_t n = std::min(chunk_, data_.size() - pos_);
    std::span<const uint8_t> out = data_.subspan(pos_, n);
    pos_ += n;
    return out;
  }

 private:
  std::span<const uint8_t> data_;
  size_t chunk_;
  size_t pos_ = 0;
};

// Reads through `in`, hashing and counting every byte. Drain() reads whatever the consumer
// left, so Sha256Hex() always covers the whole source.
class HashingStream : public source::ByteStream {
 public:
  explicit HashingStream(source::ByteStream& in) : in_(in) {}
  Result<std::span<const uint8_t>> Next() override {
    Result<std::span<const uint8_t>> r = in_.Next();
    if (r.ok() && !r->empty()) {
      sha_.Update(std::string_view(reinterpret_cast<const char*>(r->data()), r->size()));
      bytes_ += r->size();
    }
    return r;
  }
  Status Drain() {
    for (;;) {
      Result<std::span<const uint8_t>> r = Next();
      if (!r.ok()) return r.status();
      if (r->empty()) return Status::Ok();
    }
  }
  uint64_t bytes() const { return bytes_; }
  // REQUIRES: called once, after the stream is exhausted (Drain()).
  std::string Sha256Hex() { return sha_.FinalHex(); }

 private:
  source::ByteStream& in_;
  Sha256Stream sha_;
  uint64_t bytes_ = 0;
};

}  // namespace ngb::hashset
