// The file format both lookup indexes (DigestIndex, PdqIndex) share: a 128-byte header, then
// sections at 64-byte aligned offsets whose layout is a pure function of the header's parameters.
// An index is one block of bytes with the same layout in memory and on disk, so a built index is
// queried exactly like an opened one: IndexBytes owns that block, either as an anonymous mapping
// (built in memory, writable) or as a read-only map of a saved file.
//
// Header (little-endian): magic[8], version u32, header_bytes u32 (=128), file_bytes u64,
// params u64[8] (meaning defined by each index), body_sha256[32] (SHA-256 of bytes [128, end)),
// checksum u64 (FNV-1a 64 of header bytes [0, 120)). Open checks magic, version, size and the
// header checksum; the body checksum costs a full read and is checked only by VerifyBody().
//
// Files are written to a temporary name in the same folder, fsynced, then renamed, so a reader
// never maps a half-written index. A mapped file must not be truncated while mapped (reads past
// the new end would raise SIGBUS): indexes are replaced by rename, never rewritten in place.
#pragma once
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>

#include "core/status.h"

namespace ngb::hashset {

static_assert(std::endian::native == std::endian::little, "index files are little-endian");

inline constexpr size_t kHeaderBytes = 128;

struct IndexHeader {
  char magic[8];
  uint32_t version;
  uint32_t header_bytes;
  uint64_t file_bytes;
  uint64_t params[8];
  uint8_t body_sha256[32];
  uint64_t checksum;
};
static_assert(sizeof(IndexHeader) == kHeaderBytes);

// A block of index bytes. Move-only; the data pointer stays valid across moves.
class IndexBytes {
 public:
  IndexBytes() = default;
  ~IndexBytes();
  IndexBytes(IndexBytes&& o) noexcept;
  IndexBytes& operator=(IndexBytes&& o) noexcept;
  IndexBytes(const IndexBytes&) = delete;
  IndexBytes& operator=(const IndexBytes&) = delete;

  // A zero-filled, writable, 64-byte aligned block (huge pages advised when large).
  // Errors: "out_of_memory".
  static Result<IndexBytes> Allocate(size_t size);
  // Maps a saved index read-only. Errors: errno reasons ("vanished", "permission_denied", ...),
  // "index_truncated" when the file is shorter than a header, "index_corrupt" for non-files.
  static Result<IndexBytes> MapFile(const std::string& path);
  // An owned copy of `bytes` (opening an index held in memory). Errors: "out_of_memory".
  static Result<IndexBytes> CopyOf(std::span<const uint8_t> bytes);

  const uint8_t* data() const { return static_cast<const uint8_t*>(base_); }
  // REQUIRES: the block came from Allocate() (mapped files are read-only).
  uint8_t* mutable_data() { return static_cast<uint8_t*>(base_); }
  size_t size() const { return size_; }
  std::span<const uint8_t> bytes() const { return {data(), size_}; }
  IndexHeader header() const;

 private:
  void Release();
  void* base_ = nullptr;
  size_t size_ = 0;     // bytes of index
  size_t mapped_ = 0;   // bytes mapped (size_ rounded up to pages); 0 when nothing is mapped
};

// Sections of an index: offsets at 64-byte boundaries after the header, with overflow checks.
class Layout {
 public:
  // Reserves `count * unit` bytes (plus `pad`) and returns its offset.
  uint64_t Add(uint64_t count, uint64_t unit, uint64_t pad = 0);
  bool overflow() const { return overflow_; }
  uint64_t total() const { return end_; }

 private:
  uint64_t end_ = kHeaderBytes;
  bool overflow_ = false;
};

// FNV-1a 64.
uint64_t Fnv1a64(std::span<const uint8_t> bytes);

// Fills in the header of a built index (magic, version, sizes, params, body SHA-256, checksum).
// REQUIRES: `bytes` came from Allocate() and everything after the header is final.
void SealHeader(IndexBytes& bytes, const char (&magic)[9], uint32_t version,
                const std::array<uint64_t, 8>& params);

// Checks the header of `bytes`: size, magic, version, declared size and checksum. Errors:
// "index_truncated", "index_not_recognised" (wrong magic), "index_version_unsupported",
// "index_corrupt" (checksum or size mismatch). On success *header is the header.
Status CheckHeader(std::span<const uint8_t> bytes, const char (&magic)[9], uint32_t version,
                   IndexHeader* header);

// Recomputes the body SHA-256 (a full read). Errors: "index_checksum_mismatch".
Status VerifyBody(std::span<const uint8_t> bytes);

// `adopt(IndexBytes)` on the bytes if they were obtained, else their error: the shared tail of
// each index's Open() and FromBytes().
template <typename Adopt>
auto AdoptBytes(Result<IndexBytes> bytes, Adopt&& adopt) -> decltype(adopt(IndexBytes())) {
  if (!bytes.ok()) return bytes.status();
  return adopt(std::move(*bytes));
}

// Writes `bytes` to `path` through a temporary file in the same folder (mode 0600), fsync and
// rename; the temporary file is removed on failure.
Status WriteFileAtomic(const std::string& path, std::span<const uint8_t> bytes);

}  // namespace ngb::hashset
