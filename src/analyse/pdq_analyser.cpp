#include "analyse/pdq_analyser.h"

#include "image/decode.h"

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
  bytes_.Begin(content, item.size.value_or(0));
}

void PdqAnalyser::Consume(std::span<const uint8_t> chunk) {
  if (options_.enabled) bytes_.Consume(chunk);
}

void PdqAnalyser::Finish(ItemRecord& item, bool complete) {
  if (!options_.enabled || !bytes_.IsImage() || !complete) {
    bytes_.Release();
    return;
  }
  Result<std::span<const uint8_t>> bytes = bytes_.Take();
  if (!bytes.ok()) {
    item.attrs.emplace_back("image.error", bytes.status().ToString());
    bytes_.Release();
    return;
  }
  PdqDihedral variants;
  Result<ImagePdq> r = HashImage(*bytes, options_, hasher_, options_.variants ? &variants : nullptr);
  bytes_.Release();  // do not keep a big image's buffer around between items
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
