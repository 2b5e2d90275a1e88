// PdqAnalyser: the PDQ perceptual hash of every image we can decode (JPEG, PNG, GIF, WebP, BMP,
// TIFF, HEIF/AVIF), including images inside archives. Sets ItemRecord::pdq and pdq_quality and,
// when matching is on, pdq_variants (the hashes of the 8 rotations/mirrors, from the pixels).
//
// Files with random access are read in Finish() from there; streamed members that look like an
// image (magic bytes) are buffered up to `max_image_bytes`. A decoding failure is recorded as the
// attribute `image.error` (the item itself was read fine, so it is not an item error).
#pragma once
#include <memory>
#include <vector>

#include "analyse/analyser.h"
#include "analyse/image_bytes.h"
#include "hash/pdq.h"

namespace ngb::analyse {

struct PdqOptions {
  bool enabled = true;
  bool variants = false;             // also compute the 8 dihedral hashes (for hash-set matching)
  uint64_t max_image_bytes = 256ull << 20;  // larger images are not decoded
  uint64_t max_pixels = 64'000'000;  // stored width*height beyond this: not decoded
  int min_side = 256;                // JPEG may be decoded downscaled while both sides stay >= this
};

// How the hashes of an image's 8 rotations/mirrors are made: from the pixels (exact; used for
// matching) or derived from the one DCT as the reference tool prints them (`hash --dihedral`).
enum class DihedralFrom { kPixels, kDct };

// Decodes one image held in memory and hashes it: the shared path of the analyser and of
// `nigehbaan hash`. `variants`, when given, receives the hashes of the 8 rotations/mirrors.
struct ImagePdq {
  PdqResult pdq;
  std::string format;  // "jpeg", "png", ...
  int width = 0, height = 0;  // as stored in the file
  bool truncated = false;
};
Result<ImagePdq> HashImage(std::span<const uint8_t> bytes, const PdqOptions& options, PdqHasher& hasher,
                           PdqDihedral* variants, DihedralFrom from = DihedralFrom::kPixels);

class PdqAnalyser : public Analyser {
 public:
  explicit PdqAnalyser(const PdqOptions& options) : options_(options), bytes_(options.max_image_bytes) {}
  AnalyserInfo Describe() const override { return {"pdq", "1"}; }
  void Begin(const ItemRecord& item, source::RandomAccess* content) override;
  void Consume(std::span<const uint8_t> chunk) override;
  void Finish(ItemRecord& item, bool complete) override;

 private:
  const PdqOptions options_;
  PdqHasher hasher_;
  ImageBytes bytes_;  // the whole image (buffered, or read back in Finish)
};

}  // namespace ngb::analyse
