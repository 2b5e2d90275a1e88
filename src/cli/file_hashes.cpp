#include "cli/file_hashes.h"

#include "image/image_format.h"
#include "source/evidence_file.h"

namespace ngb::cli {

FileHashes HashFile(const std::string& path, bool dihedral, analyse::DihedralFrom from,
                    const analyse::PdqOptions& options, PdqHasher& hasher, std::vector<uint8_t>& whole) {
  FileHashes out;
  Result<source::EvidenceFile> f = source::EvidenceFile::Open(path);
  if (!f.ok()) {
    out.error = f.status();
    return out;
  }
  std::vector<uint8_t> buf(1 << 20);
  source::FileStream stream(*f, buf);
  MultiDigest md;
  md.Reset();
  whole.clear();
  bool image = false, decided = false;
  for (;;) {
    Result<std::span<const uint8_t>> chunk = stream.Next();
    if (!chunk.ok()) {
      out.error = chunk.status();
      return out;
    }
    if (chunk->empty()) break;
    md.Update(*chunk);
    out.size += chunk->size();
    if (!decided && (whole.size() + chunk->size() >= image::kImageSniffBytes)) {
      decided = true;
      std::vector<uint8_t> head(whole);
      head.insert(head.end(), chunk->begin(), chunk->end());
      image = image::SniffImageFormat(head) != image::ImageFormat::kNone;
    }
    if ((!decided || image) && whole.size() + chunk->size() <= options.max_image_bytes) {
      whole.insert(whole.end(), chunk->begin(), chunk->end());
    }
  }
  out.digests = md.Final();
  if (!decided) image = image::SniffImageFormat(whole) != image::ImageFormat::kNone;
  if (!image) return out;
  if (whole.size() != out.size) {
    out.error = Status::Error("image_too_large", "over " + std::to_string(options.max_image_bytes >> 20) + " MiB");
    return out;
  }
  PdqDihedral variants;
  Result<analyse::ImagePdq> r = analyse::HashImage(whole, options, hasher, dihedral ? &variants : nullptr, from);
  if (!r.ok()) {
    out.error = r.status();
    return out;
  }
  out.pdq = r->pdq;
  if (dihedral) out.dihedral = variants;
  return out;
}

}  // namespace ngb::cli
