// ImageBytes: gathers the whole content of an item that looks like an image, for analysers that
// decode it in Finish(). Items with random access are read back from there at the end (nothing is
// buffered while streaming); streamed archive members are buffered once their first bytes look
// like an image, up to `max_bytes`. Not thread-safe (one per analyser instance).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/status.h"
#include "source/byte_source.h"

namespace ngb::analyse {

class ImageBytes {
 public:
  explicit ImageBytes(uint64_t max_bytes) : max_bytes_(max_bytes) {}
  // `content` as given to Analyser::Begin (may be null); `size_hint` the item's size, 0 if unknown.
  void Begin(source::RandomAccess* content, uint64_t size_hint);
  void Consume(std::span<const uint8_t> chunk);
  // After the last chunk: does the content start like an image we decode?
  bool IsImage();
  // The whole image. Errors: "image_too_large" (over max_bytes). REQUIRES: IsImage().
  // The span is valid until the next Begin() or Release().
  Result<std::span<const uint8_t>> Take();
  // Frees a big buffer between items.
  void Release();

 private:
  const uint64_t max_bytes_;
  source::RandomAccess* content_ = nullptr;
  std::vector<uint8_t> head_;   // first bytes, to recognise an image
  std::vector<uint8_t> bytes_;  // the whole image (buffered, or read in Take)
  bool decided_ = false, image_ = false, too_big_ = false;
  uint64_t size_hint_ = 0;
};

}  // namespace ngb::analyse
