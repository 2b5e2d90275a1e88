#include "analyse/image_bytes.h"

#include <algorithm>
#include <string>

#include "image/image_format.h"

namespace ngb::analyse {

void ImageBytes::Begin(source::RandomAccess* content, uint64_t size_hint) {
  content_ = content;
  size_hint_ = size_hint;
  head_.clear();
  bytes_.clear();
  decided_ = image_ = too_big_ = false;
}

void ImageBytes::Consume(std::span<const uint8_t> chunk) {
  if (decided_ && (!image_ || content_ || too_big_)) return;
  if (!decided_) {
    const size_t want = image::kImageSniffBytes - head_.size();
    head_.insert(head_.end(), chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(std::min(chunk.size(), want)));
    if (head_.size() >= image::kImageSniffBytes) {
      decided_ = true;
      image_ = image::SniffImageFormat(head_) != image::ImageFormat::kNone;
      if (!image_ || content_) {
        bytes_.clear();
        return;
      }
    } else if (content_) {
      return;
    }
  }
  // A streamed member that is (or may still turn out to be) an image.
  if (bytes_.size() + chunk.size() > max_bytes_) {
    too_big_ = true;
    bytes_ = std::vector<uint8_t>();
    return;
  }
  bytes_.insert(bytes_.end(), chunk.begin(), chunk.end());
}

bool ImageBytes::IsImage() {
  if (!decided_) {  // shorter than the sniff window
    decided_ = true;
    image_ = image::SniffImageFormat(head_) != image::ImageFormat::kNone;
  }
  return image_;
}

Result<std::span<const uint8_t>> ImageBytes::Take() {
  const std::string limit = "over " + std::to_string(max_bytes_ >> 20) + " MiB";
  if (too_big_ || size_hint_ > max_bytes_) return Status::Error("image_too_large", limit);
  if (!content_) return std::span<const uint8_t>(bytes_);
  const uint64_t size = content_->size();
  if (size > max_bytes_) return Status::Error("image_too_large", limit);
  bytes_.resize(static_cast<size_t>(size));
  size_t got = 0;
  while (got < bytes_.size()) {
    Result<size_t> n = content_->ReadAt(got, bytes_.data() + got, bytes_.size() - got);
    if (!n.ok() || *n == 0) break;
    got += *n;
  }
  bytes_.resize(got);
  return std::span<const uint8_t>(bytes_);
}

void ImageBytes::Release() {
  if (bytes_.capacity() > (8u << 20)) bytes_ = std::vector<uint8_t>();
  else bytes_.clear();
}

}  // namespace ngb::analyse
