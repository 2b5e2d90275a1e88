// Hashing one file for `hash` and `match`: MD5, SHA-1, SHA-256 in one read and, when the content
// is an image we decode, its PDQ hash, quality and (on request) 8 dihedral variants. The file is
// opened read-only (O_NOATIME) through source::EvidenceFile.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analyse/pdq_analyser.h"
#include "hash/multi_digest.h"

namespace ngb::cli {

struct FileHashes {
  uint64_t size = 0;
  Digests digests;
  std::optional<PdqResult> pdq;
  std::optional<PdqDihedral> dihedral;
  Status error;  // reading failed (no digests), or the image could not be decoded
};

// `whole` is a reusable buffer (holds the image bytes). Reading errors leave the digests empty;
// an undecodable image keeps them and sets `error`.
FileHashes HashFile(const std::string& path, bool dihedral, analyse::DihedralFrom from,
                    const analyse::PdqOptions& options, PdqHasher& hasher, std::vector<uint8_t>& whole);

}  // namespace ngb::cli
