// ParseOnThread: runs a parser on a thread of its own and replays what it reports into a sink
// on the calling thread, in order, through a bounded queue of record batches. Parsing (reading,
// hashing, JSON) and storing (deduplication, SQLite) then overlap on two cores while memory stays
// bounded (at most kQueuedBatches batches of kBatchRecords records in flight).
#pragma once
#include <functional>

#include "core/status.h"
#include "hashset/parsers.h"

namespace ngb::hashset {

inline constexpr size_t kBatchRecords = 1024;
inline constexpr size_t kQueuedBatches = 8;

// `parse(s)` runs on the new thread and must report only through `s`. `sink` is called on the
// calling thread only. `position()` (parser thread) is sampled when a batch is handed over and
// passed to `on_batch(position)` (calling thread) before the batch is replayed; both optional.
// A non-ok Status from `sink` stops the parser (it sees "cancelled") and is returned; otherwise
// the parser's Status is returned.
Status ParseOnThread(const std::function<Status(RecordSink&)>& parse, RecordSink& sink,
                     const std::function<uint64_t()>& position = {},
                     const std::function<void(uint64_t)>& on_batch = {});

}  // namespace ngb::hashset
