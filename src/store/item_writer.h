// ItemWriter: the case store's Sink. One writer thread batches records into transactions
// (whatever has queued once 2,048 rows wait or a quarter second has passed; at most 8,192 rows),
// so workers never wait on SQLite.
#pragma once
#include <atomic>
#include <condition_variable>
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
  void Run();
  Status WriteBatch(std::vector<ItemRecord>& batch);

  Db& db_;
  WalCheckpointer checkpointer_{db_};  // the log is copied beside the writer, not inside a COMMIT
  // One transaction's worth (kBatchRows in item_writer.cpp): a writer that falls behind finds a
  // full batch waiting instead of sleeping for one while the workers are blocked.
  BoundedQueue<ItemRecord> queue_{8192};
  std::thread thread_;
  std::vector<uint32_t> order_;  // writer thread only: the batch's rows in id order
  std::atomic<int64_t> rows_{0};
  std::atomic<int64_t> accepted_{0};
  std::mutex mu_;
  std::condition_variable wake_;  // ends the writer's wait for a fuller batch at Close()
  Status error_;  // GUARDED_BY(mu_): first write error
  bool closed_ = false;  // GUARDED_BY(mu_)
};

}  // namespace ngb::store
