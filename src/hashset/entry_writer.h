// EntryWriter: applies the Deduplicator's decisions to the library's entries table — appends new
// entries with ids base_id, base_id + 1, ... and merges records into earlier entries (read,
// merge the labels by the rules of entry_merge.h, update). REQUIRES: the caller holds an open
// write transaction for the writer's whole life. Not thread-safe.
#pragma once
#include <cstdint>
#include <vector>

#include "hashset/dedup.h"
#include "hashset/entry_merge.h"
#include "hashset/parse_thread.h"
#include "store/sqlite.h"

namespace ngb::hashset {

class EntryWriter : public TaggedSink {
 public:
  // strict: after the first bad row nothing more is written (the import will be rejected).
  EntryWriter(store::Db& db, int64_t set_id, int64_t base_id, bool strict);
  Status Prepare();

  // `tag` is a packed Decision for `record`.
  Status Record(const ParsedRecord& record, RecordPos pos, uint64_t tag) override;
  Status Bad(RecordPos pos, std::string_view reason, std::string detail) override;

  uint64_t good_records() const { return good_; }
  uint64_t bad_rows() const { return bad_; }
  uint64_t written() const { return written_; }  // entries inserted
  const MergeCounters& merge_counters() const { return merge_; }
  const std::vector<BadRow>& bad_row_samples() const { return samples_; }

 private:
  Status Merge(uint32_t entry, uint8_t adopted, const ParsedRecord& r);

  store::Db& db_;
  int64_t set_id_, base_id_;
  bool strict_;
  store::Stmt insert_, select_, update_;
  uint64_t good_ = 0, bad_ = 0, written_ = 0;
  MergeCounters merge_;
  std::vector<BadRow> samples_;
};

}  // namespace ngb::hashset
