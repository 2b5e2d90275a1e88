// Deduplicator: decides, in memory, what each good record of an import does to the set — become
// a new entry, merge into an earlier entry, or nothing (a plain repeat). No I/O: it runs on the
// parser thread, and EntryWriter applies its decisions to SQLite. Not thread-safe.
//
// A record joins the entry that already holds its SHA-256, else its SHA-1, else its MD5; a
// record with no cryptographic digest joins the entry holding its PDQ. A record's other digests
// are adopted by that entry when it has none of that type and no other entry holds them;
// otherwise they are counted as digest conflicts and dropped (each MD5/SHA-1/SHA-256 belongs to
// at most one entry of a set). Memory: the DedupTable tables plus one byte per entry.
#pragma once
#include <cstdint>
#include <vector>

#include "core/status.h"
#include "hashset/dedup_table.h"
#include "hashset/types.h"

namespace ngb::hashset {

struct Decision {
  enum Kind : uint8_t { kInsert, kMerge, kSkip };
  enum Digest : uint8_t { kMd5 = 1, kSha1 = 2, kSha256 = 4 };
  Kind kind = kInsert;
  uint32_t entry = 0;   // 0-based entry number in this import (its id is base id + entry)
  uint8_t adopted = 0;  // kMerge: Digest bits of the record's digests the entry takes

  uint64_t Pack() const { return uint64_t{kind} << 40 | uint64_t{adopted} << 32 | entry; }
  static Decision Unpack(uint64_t v) {
    return {static_cast<Kind>(v >> 40), static_cast<uint32_t>(v), static_cast<uint8_t>(v >> 32)};
  }
};

class Deduplicator {
 public:
  // Errors: "too_many_entries" (4 billion entries in one set).
  Result<Decision> Add(const ParsedRecord& record);

  uint64_t entries() const { return flags_.size(); }
  uint64_t md5_count() const { return md5_.size(); }
  uint64_t sha1_count() const { return sha1_.size(); }
  uint64_t sha256_count() const { return sha256_.size(); }
  uint64_t pdq_count() const { return pdq_entries_; }  // entries holding a PDQ
  uint64_t duplicates() const { return duplicates_; }
  uint64_t digest_conflicts() const { return digest_conflicts_; }

 private:
  enum Flag : uint8_t { kHasMd5 = 1, kHasSha1 = 2, kHasSha256 = 4, kHasPdq = 8, kHasName = 16, kHasSize = 32 };
  template <size_t N>
  bool Adopt(DedupTable<N>& index, const std::optional<std::array<uint8_t, N>>& d, uint32_t entry, Flag flag);
  void GivePdq(const Hash256& pdq, uint32_t entry);

  DedupTable<16> md5_;
  DedupTable<20> sha1_;
  DedupTable<32> sha256_;
  DedupTable<32> pdq_;  // each PDQ value → the first entry that had it
  std::vector<uint8_t> flags_;
  uint64_t pdq_entries_ = 0, duplicates_ = 0, digest_conflicts_ = 0;
};

}  // namespace ngb::hashset
