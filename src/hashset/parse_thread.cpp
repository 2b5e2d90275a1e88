#include "hashset/parse_thread.h"

#include <thread>
#include <vector>

#include "core/bounded_queue.h"

namespace ngb::hashset {
namespace {

struct Reported {
  bool bad = false;
  ParsedRecord record;
  RecordPos pos;
  uint64_t tag = 0;
  std::string reason, detail;
};

struct Batch {
  std::vector<Reported> items;
  uint64_t position = 0;
};

// Collects what the parser reports and hands it over a batch at a time.
class Batcher : public RecordSink {
 public:
  Batcher(BoundedQueue<Batch>& queue, const ParseThreadHooks& hooks) : queue_(queue), hooks_(hooks) {
    batch_.items.reserve(kBatchRecords);
  }
  Status Record(const ParsedRecord& record, RecordPos pos) override {
    uint64_t tag = 0;
    if (hooks_.tag) {
      Result<uint64_t> t = hooks_.tag(record);
      if (!t.ok()) return t.status();
      tag = *t;
    }
    batch_.items.push_back({false, record, pos, tag, {}, {}});
    return MaybeFlush();
  }
  Status Bad(RecordPos pos, std::string_view reason, std::string detail) override {
    batch_.items.push_back({true, {}, pos, 0, std::string(reason), std::move(detail)});
    return MaybeFlush();
  }
  Status Flush() {
    batch_.position = hooks_.position ? hooks_.position() : 0;
    if (!queue_.Push(std::move(batch_))) return Status::Error("cancelled", "the import stopped");
    batch_ = Batch();
    batch_.items.reserve(kBatchRecords);
    return Status::Ok();
  }

 private:
  Status MaybeFlush() { return batch_.items.size() >= kBatchRecords ? Flush() : Status::Ok(); }
  BoundedQueue<Batch>& queue_;
  const ParseThreadHooks& hooks_;
  Batch batch_;
};

}  // namespace

Status ParseOnThread(const std::function<Status(RecordSink&)>& parse, TaggedSink& sink, const ParseThreadHooks& hooks) {
  BoundedQueue<Batch> queue(kQueuedBatches);
  Status parsed;
  std::thread parser([&] {
    Batcher batcher(queue, hooks);
    parsed = parse(batcher);
    if (parsed.ok()) parsed = batcher.Flush();
    queue.Close();
  });
  Status stored;
  while (std::optional<Batch> batch = queue.Pop()) {
    if (!stored.ok()) continue;  // keep draining until the parser has stopped
    if (hooks.on_batch) hooks.on_batch(batch->position);
    for (Reported& r : batch->items) {
      stored = r.bad ? sink.Bad(r.pos, r.reason, std::move(r.detail)) : sink.Record(r.record, r.pos, r.tag);
      if (!stored.ok()) {
        queue.Close();  // the parser's next hand-over fails with "cancelled"
        break;
      }
    }
  }
  parser.join();
  return stored.ok() ? parsed : stored;
}

}  // namespace ngb::hashset
