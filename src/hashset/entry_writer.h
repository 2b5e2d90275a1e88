// EntryWriter: the RecordSink of an import. Merges records that share a hash into one entry
// (DigestIndex in memory, rules in entry_merge.h) and appends entries to the library's entries
// table with ids base_id, base_id + 1, ... REQUIRES: the caller holds an open write
// transaction for the writer's whole life. Not thread-safe.
//
// A record joins the entry that already holds its SHA-256, else its SHA-1, else its MD5; a
// record with no cryptographic digest joins the entry holding its PDQ. A record's other digests
// are added to that entry when it has none of that type and no other entry holds them;
// otherwise they are counted as digest conflicts and dropped (each MD5/SHA-1/SHA-256 belongs to
// at most one entry of a set).
#pragma once
#include <cstdint>
#include <vector>

#include "hashset/digest_index.h"
#include "hashset/entry_merge.h"
#include "hashset/parsers.h"
#include "store/sqlite.h"

namespace ngb::hashset {

class EntryWriter : public RecordSink {
 public:
  // strict: after the first bad row nothing more is written (the import will be rejected).
  EntryWriter(store::Db& db, int64_t set_id, int64_t base_id, bool strict);
  Status Prepare();

  Status Record(const ParsedRecord& record, RecordPos pos) override;
  Status Bad(RecordPos pos, std::string_view reason, std::string detail) override;

  uint64_t entries() const { return flags_.size(); }
  uint64_t md5_count() const { return md5_.size(); }
  uint64_t sha1_count() const { return sha1_.size(); }
  uint64_t sha256_count() const { return sha256_.size(); }
  uint64_t pdq_count() const { return pdq_entries_; }
  uint64_t good_records() const { return good_; }
  uint64_t duplicates() const { return duplicates_; }
  uint64_t bad_rows() const { return bad_; }
  uint64_t digest_conflicts() const { return digest_conflicts_; }
  const MergeCounters& merge_counters() const { return merge_; }
  const std::vector<BadRow>& bad_row_samples() const { return samples_; }
  int64_t last_id() const { return base_id_ + static_cast<int64_t>(flags_.size()) - 1; }

 private:
  enum Flag : uint8_t { kMd5 = 1, kSha1 = 2, kSha256 = 4, kPdq = 8, kName = 16, kSize = 32 };
  Status Insert(const ParsedRecord& r);
  Status Merge(uint32_t entry, const ParsedRecord& r);
  template <size_t N>
  bool AdoptDigest(DigestIndex<N>& index, const std::optional<std::array<uint8_t, N>>& d, uint32_t entry,
                   Flag flag);
  void RegisterPdq(const Hash256& pdq, uint32_t entry);

  store::Db& db_;
  int64_t set_id_, base_id_;
  bool strict_;
  store::Stmt insert_, select_, update_;
  DigestIndex<16> md5_;
  DigestIndex<20> sha1_;
  DigestIndex<32> sha256_;
  DigestIndex<32> pdq_;
  std::vector<uint8_t> flags_;  // per entry (index = id - base_id): Flag bits
  uint64_t pdq_entries_ = 0, good_ = 0, duplicates_ = 0, bad_ = 0, digest_conflicts_ = 0;
  MergeCounters merge_;
  std::vector<BadRow> samples_;
};

}  // namespace ngb::hashset
