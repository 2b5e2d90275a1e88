// PdqIndex: every stored PDQ hash within a Hamming distance of a query hash (exact: the same
// results as comparing the query with every stored hash), in well under a millisecond for a
// million hashes at the usual match threshold of 31 bits.
//
// How (multi-index hashing, Norouzi et al., with the generalised pigeonhole principle): the 256
// bits, after a fixed pseudo-random bit permutation that mixes the correlated bits of real PDQ
// hashes, are cut into 8 chunks of 32 bits. A hash within distance d of the query has some chunk
// i within t_i bits of the query's chunk i, where sum(t_i + 1) = d + 1 (t_i = 3 at d = 31). Each
// chunk has a table keyed on its top k bits (k ~ log2(n) - 6, e.g. 14 for 1 M hashes); a query
// probes the buckets whose key is within t_i bits of its own, filters the entries with bits of
// the chunk stored beside each position, and verifies the survivors on the full hash. A result
// is reported only from the first chunk in which it qualifies, so never twice. When the probes
// would cost more than reading everything (large distances, small sets) it scans instead.
//
// Memory (counted over everything the index holds): the hash rows (32 bytes, kept in chunk 0's
// table order, so chunk 0 needs no table of its own), 7 tables of one uint32 per hash (row
// position in the low bits, further chunk bits above it), ids bit-packed to the width of the
// largest id, and 8 bucket directories of 2^k + 1 uint32: about 63 bytes per hash for a
// million hashes with ids below 2^20.
//
// Build() makes the index in memory; Save() writes it; Open() maps a saved file read-only. A file
// is checked on Open (header checksum, sizes, bucket directories) and never trusted further:
// corrupt contents can give wrong answers but never a crash or an out-of-bounds read.
// VerifyChecksum() also checks the body's SHA-256 (a full read).
//
// Thread-safety: all const methods may be called concurrently. Move-only.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/status.h"
#include "hash/hash256.h"
#include "hashset/index_file.h"

namespace ngb::hashset {

struct PdqMatch {
  uint32_t id;
  uint16_t distance;  // 0..256
  uint16_t query;     // QueryAny: index of the (first) query hash at that distance; Query: 0
  bool operator==(const PdqMatch&) const = default;
};

// How Query() searches; kAuto picks the cheaper by a cost estimate. The others exist for tests
// and benchmarks: every mode returns the same results.
enum class PdqSearch { kAuto, kIndex, kLinear };

class PdqIndex {
 public:
  static constexpr uint32_t kVersion = 1;
  static constexpr int kDefaultMaxDistance = 31;
  static constexpr uint64_t kMaxEntries = uint64_t{1} << 28;  // row positions fit in 28 bits

  // Builds an index of hashes[i] -> ids[i]. Duplicates are kept (each pair is one row).
  // Errors: "invalid_argument" (sizes differ), "index_too_large", "out_of_memory".
  static Result<PdqIndex> Build(std::span<const Hash256> hashes, std::span<const uint32_t> ids);
  // Maps a file written by Save(). Errors: see MapFile() and CheckHeader() in index_file.h, and
  // "index_corrupt" for inconsistent parameters or bucket directories.
  static Result<PdqIndex> Open(const std::string& path);
  // The same checks on bytes held in memory (they are copied).
  static Result<PdqIndex> FromBytes(std::span<const uint8_t> bytes);

  PdqIndex(PdqIndex&&) noexcept = default;
  PdqIndex& operator=(PdqIndex&&) noexcept = default;

  Status Save(const std::string& path) const;
  // Recomputes the SHA-256 of the body. Errors: "index_checksum_mismatch".
  Status VerifyChecksum() const;

  size_t size() const { return n_; }
  // Bytes the index holds, all included (memory when built, file size when opened).
  size_t memory_bytes() const { return bytes_.size(); }
  std::span<const uint8_t> bytes() const { return bytes_.bytes(); }
  unsigned key_bits() const { return k_; }

  // Replaces *matches with one match per stored (hash, id) pair within `max_distance` bits of
  // `query` (a negative distance matches nothing, 256 or more matches everything), sorted by
  // distance then id.
  void Query(const Hash256& query, int max_distance, std::vector<PdqMatch>* matches,
             PdqSearch mode = PdqSearch::kAuto) const;
  // The same for several query hashes at once (typically the 8 dihedral variants of one image):
  // each id within `max_distance` of any of them appears once, with its smallest distance and the
  // first query that reaches it, sorted by distance then id. At most 65,535 queries are used.
  void QueryAny(std::span<const Hash256> queries, int max_distance, std::vector<PdqMatch>* matches,
                PdqSearch mode = PdqSearch::kAuto) const;

  // Internal: the index's arrays (pointers into bytes_).
  struct View {
    uint64_t n = 0;
    unsigned k = 0, pos_bits = 0, res_bits = 0, id_bits = 0;
    const uint32_t* dirs = nullptr;    // 8 directories of 2^k + 1 row offsets
    const uint32_t* chunk0 = nullptr;  // n: permuted chunk 0 of each row
    const uint8_t* rest = nullptr;     // n * 28: permuted chunks 1..7 of each row
    const uint32_t* tables = nullptr;  // 7 * n entries: (chunk residual << pos_bits) | row
    const uint8_t* ids = nullptr;      // n * id_bits bits, little-endian, 8 bytes of padding
  };

 private:
  PdqIndex() = default;
  static Result<PdqIndex> Adopt(IndexBytes bytes);
  struct Row {
    uint32_t row;
    uint16_t distance;
    uint16_t query;
  };
  void Search(const Hash256& query, int max_distance, uint16_t query_index, PdqSearch mode,
              std::vector<Row>* rows) const;

  IndexBytes bytes_;
  View v_;
  size_t n_ = 0;
  unsigned k_ = 0;
};

}  // namespace ngb::hashset
