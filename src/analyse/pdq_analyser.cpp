#include "analyse/pdq_analyser.h"

#include <algorithm>

#include "image/decode.h"
#include "image/image_format.h"

namespace ngb::analyse {

Result<ImagePdq> HashImage(std::span<const uint8_t> bytes, const PdqOptions& options, PdqHasher& hasher,
                           PdqDihedral* variants, DihedralFrom from) {
  image::DecodeOptions d;
  d.min_side = options.min_side;
  d.max_pixels = options.max_pixels;
  d.luma_only = true;
  Result<image::DecodedImage> img = image::DecodeImage(bytes, d);
  if (!img.ok()) return img.status();
  const image::DecodedImage& im = *img;
  const size_t stride = static_cast<size_t>(im.width) * static_cast<size_t>(im.channels);
  Result<PdqResult> r =
      !variants ? hasher.Hash(im.pixels.data(), im.width, im.height, im.channels, stride)
      : from == DihedralFrom::kPixels
          ? hasher.HashWithDihedralFromPixels(im.pixels.data(), im.width, im.height, im.channels, stride, variants)
          : hasher.HashWithDihedralFromDct(im.pixels.data(), im.width, im.height, im.channels, stride, variants);
  if (!r.ok()) return r.status();
  ImagePdq out;
  out.pdq = *r;
  out.format = std::string(image::FormatName(im.format));
  out.width = im.orig_width;
  out.height = im.orig_height;
  out.truncated = im.truncated;
  return out;
}

void PdqAnalyser::Begin(const ItemRecord& item, source::RandomAccess* content) {
  content_ = content;
  head_.clear();
  bytes_.clear();
  decided_ = image_ = too_big_ = false;
  size_hint_ = item.size.value_or(0);
  if (!options_.enabled) decided_ = true;
}

void PdqAnalyser::Consume(std::span<const uint8_t> chunk) {
  if (!decided_) {
    const size_t take = std::min(chunk.size(), image::kImageSniffBytes - head_.size());
    head_.insert(head_.end(), chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(take));
    if (head_.size() < image::kImageSniffBytes) {
      if (!content_) bytes_.insert(bytes_.end(), chunk.begin(), chunk.end());  // may be an image
      return;
    }
    decided_ = true;
    image_ = image::SniffImageFormat(head_) != image::ImageFormat::kNone;
    if (!image_ || content_) {
      bytes_.clear();
      return;
    }
    bytes_.insert(bytes_.end(), chunk.begin(), chunk.end());  // earlier chunks are in already
    return;
  }
  if (!image_ || content_ || too_big_) return;
  if (bytes_.size() + chunk.size() > options_.max_image_bytes) {
    too_big_ = true;
    bytes_ = std::vector<uint8_t>();
    return;
  }
  bytes_.insert(bytes_.end(), chunk.begin(), chunk.end());
}

void PdqAnalyser::Finish(ItemRecord& item, bool complete) {
  if (!decided_) {  // shorter than the sniff window
    decided_ = true;
    image_ = image::SniffImageFormat(head_) != image::ImageFormat::kNone;
  }
  if (!options_.enabled || !image_ || !complete) {
    bytes_.clear();
    return;
  }
  if (too_big_ || size_hint_ > options_.max_image_bytes) {
    item.attrs.emplace_back("image.error", "image_too_large: over " +
                                               std::to_string(options_.max_image_bytes >> 20) + " MiB");
    return;
  }
  std::span<const uint8_t> bytes = bytes_;
  if (content_) {
    const uint64_t size = content_->size();
    if (size > options_.max_image_bytes) {
      item.attrs.emplace_back("image.error", "image_too_large");
      return;
    }
    bytes_.resize(static_cast<size_t>(size));
    size_t got = 0;
    while (got < bytes_.size()) {
      Result<size_t> n = content_->ReadAt(got, bytes_.data() + got, bytes_.size() - got);
      if (!n.ok() || *n == 0) break;
      got += *n;
    }
    bytes_.resize(got);
    bytes = bytes_;
  }
  PdqDihedral variants;
  Result<ImagePdq> r = HashImage(bytes, options_, hasher_, options_.variants ? &variants : nullptr);
  // Do not keep a big image's buffer around between items.
  if (bytes_.capacity() > (8u << 20)) bytes_ = std::vector<uint8_t>();
  else bytes_.clear();
  if (!r.ok()) {
    item.attrs.emplace_back("image.error", r.status().ToString());
    return;
  }
  item.pdq = r->pdq.hash.ToHex();
  item.pdq_quality = r->pdq.quality;
  item.attrs.emplace_back("image.format", r->format);
  item.attrs.emplace_back("image.size", std::to_string(r->width) + "x" + std::to_string(r->height));
  if (r->truncated) item.attrs.emplace_back("image.truncated", "1");
  if (options_.variants) {
    for (const Hash256* h : {&variants.orig, &variants.rot90, &variants.rot180, &variants.rot270,
                             &variants.flipx, &variants.flipy, &variants.flipp, &variants.flipm}) {
      item.pdq_variants.push_back(h->bytes);
    }
  }
}

}  // namespace ngb::analyse
