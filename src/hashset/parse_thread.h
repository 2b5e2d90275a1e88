// ParseOnThread: runs a parser on a thread of its own and replays what it reports into a sink
// on the calling thread, in order, through a bounded queue of record batches. Parsing (reading,
// hashing, JSON, and whatever `tag` computes per record) and storing then overlap on two cores
// while memory stays bounded (at most kQueuedBatches batches of kBatchRecords records in flight).
#pragma once
#include <functional>

#include "core/status.h"
#include "hashset/parsers.h"

namespace ngb::hashset {

inline constexpr size_t kBatchRecords = 1024;
inline constexpr size_t kQueuedBatches = 8;

// The receiving end: like RecordSink, with the tag computed for each record on the parser thread.
class TaggedSink {
 public:
  virtual ~TaggedSink() = default;
  virtual Status Record(const ParsedRecord& record, RecordPos pos, uint64_t tag) = 0;
  virtual Status Bad(RecordPos pos, std::string_view reason, std::string detail) = 0;
};

struct ParseThreadHooks {
  // Parser thread, once per good record, in order (e.g. deduplication). A non-ok Status stops
  // the parser and is returned. Absent: tag 0.
  std::function<Result<uint64_t>(const ParsedRecord&)> tag;
  // Parser thread, sampled when a batch is handed over (e.g. bytes read so far).
  std::function<uint64_t()> position;
  // Calling thread, with that sample, before the batch is replayed (e.g. progress).
  std::function<void(uint64_t)> on_batch;
};

// `parse(s)` runs on the new thread and must report only through `s`; `sink` is called on the
// calling thread only. A non-ok Status from `sink` stops the parser (it sees "cancelled") and is
// returned; otherwise the parser's (or `tag`'s) Status is returned.
Status ParseOnThread(const std::function<Status(RecordSink&)>& parse, TaggedSink& sink,
                     const ParseThreadHooks& hooks = {});

}  // namespace ngb::hashset
