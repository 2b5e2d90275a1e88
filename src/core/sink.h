// Sink: the only way results leave the pipeline (case store, exporters, test collectors).
#pragma once
#include "core/item.h"
#include "core/status.h"

#include <vector>

namespace ngb {

class Sink {
 public:
  virtual ~Sink() = default;
  // Accepts one record. Thread-safe: called from every worker. May block when the sink falls
  // behind (back-pressure). Records of one top-level unit arrive in the order they were emitted,
  // the unit's own record (top_done=true) last.
  virtual void Put(ItemRecord&& rec) = 0;
  // Accepts several records in order (the default puts them one by one); leaves `recs` empty.
  virtual void PutBatch(std::vector<ItemRecord>& recs) {
    for (ItemRecord& r : recs) Put(std::move(r));
    recs.clear();
  }
  // Flushes everything accepted so far; returns the first write error, if any.
  virtual Status Flush() = 0;
};

}  // namespace ngb
