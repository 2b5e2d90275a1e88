// ItemWriter: the case store's Sink. One writer thread batches records into transactions
// (whatever has queued once 2,048 rows wait or a quarter second has passed; at most 8,192 rows),
// so workers never wait on SQLite.
//
// Records travel in the vectors PutBatch() was given: the queue holds whole batches, and PutBatch
// hands the caller back an emptied vector the writer has finished with (its capacity kept). A
// record is never moved after its worker emitted it, and the memory of the batches in flight is
// reused instead of growing queues (the first touch of a page costs 6-13 us on this project's
// VMs; the per-record queue used to touch ~10 MB for a 100,000-file scan).
#pragma once
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "core/bounded_queue.h"
#include "core/sink.h"
#include "store/sqlite.h"
#include "store/wal_checkpointer.h"

namespace ngb::store {

class ItemWriter : public Sink {
 public:
  // `db` must stay valid and unused by other threads until Close() returns.
  explicit ItemWriter(Db& db);
  ~ItemWriter() override;

  void Put(ItemRecord&& rec) override;
  void PutBatch(std::vector<ItemRecord>& recs) override;
  Status Flush() override;
  // Writes what is queued and stops the writer thread. Returns the first write error.
  Status Close();

  int64_t rows_written() const { return rows_.load(); }

 private:
  using Batch = std::vector<ItemRecord>;
  void Run();
  Status WriteBatches(const std::vector<Batch>& batches);
  Batch TakeSpare();
  void Hand(Batch&& full);  // queues a batch (dropped, uncounted, once closed)
  void GiveSpares(std::vector<Batch>& batches);

  Db& db_;
  WalCheckpointer checkpointer_{db_};  // the log is copied beside the writer, not inside a COMMIT
  // A transaction's worth (kQueuedBatches in item_writer.cpp): a writer that falls behind finds
  // a full transaction waiting instead of sleeping for one while the workers are blocked.
  BoundedQueue<Batch> queue_;
  std::mutex spare_mu_;
  std::vector<Batch> spares_;  // GUARDED_BY(spare_mu_): written batches, emptied, for PutBatch
  std::thread thread_;
  std::vector<const ItemRecord*> order_;  // writer thread only: a transaction's rows in id order
  std::atomic<int64_t> rows_{0};
  std::atomic<int64_t> accepted_{0};
  std::mutex mu_;
  Status error_;  // GUARDED_BY(mu_): first write error
  bool closed_ = false;  // GUARDED_BY(mu_)
};

}  // namespace ngb::store
