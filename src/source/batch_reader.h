// BatchReader: reads whole small files in batches through io_uring — opening and reading a batch
// of files costs one system call together instead of three per file (open, read, close). On this kind of
// virtual machine a system call costs about a microsecond before it does any work, which is most
// of the time spent per small file.
//
// Files are opened exactly as EvidenceFile opens them (O_RDONLY|O_NOATIME|O_NOFOLLOW|O_NONBLOCK)
// into io_uring's own descriptor table, so nothing can leak into the process's descriptors (a
// file stays open there until the next batch replaces it). A request still unfinished 5 s after
// its Submit (a file swapped for a FIFO) is cancelled by the next Reap(), which waits no longer
// than that. A
// request that fails for any reason reports -errno and the caller falls back to EvidenceFile,
// which knows how to retry without O_NOATIME and to name the error.
//
// Reads can also be left in flight (Submit, then Reap): a file whose pages are in the page cache
// is opened and read within Submit's system call, while one that must come from the disk
// completes later, so the caller can go on with the others instead of waiting for the slowest
// of a batch (a 2 % share of uncached files made the batch-synchronous scan 17-25 % slower).
//
// Thread-safety: one BatchReader per thread.
#pragma once
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace ngb::source {

struct BatchReadRequest {
  int dir_fd = -1;            // open folder, or AT_FDCWD with a path
  const char* name = nullptr; // relative to dir_fd
  uint8_t* buf = nullptr;     // receives the content
  size_t cap = 0;             // bytes to read at most (from offset 0)
  int64_t result = 0;         // out: bytes read (short when the file is smaller), or -errno
  int slot = 0;               // Submit(): which of the kMaxBatch slots (one request per slot)
};

class BatchReader {
 public:
  // Largest batch Read() accepts.
  static constexpr int kMaxBatch = 32;

  // Returns nullptr when io_uring is unavailable (old kernel, disabled by sysctl or seccomp) or
  // when the environment variable NGB_NO_IO_URING is set: callers then read file by file.
  // A request still unfinished `read_timeout_ms` after its Submit() is cancelled by Reap()
  // (result -ECANCELED, or -EINTR when it was already running).
  static std::unique_ptr<BatchReader> Create(int read_timeout_ms = 5000);
  ~BatchReader();

  // Reads every request (at most kMaxBatch) and fills in its result. Nothing may be in flight.
  void Read(std::span<BatchReadRequest> requests);

  // Starts the requests, each in its own free slot (request.slot, < kMaxBatch). They must stay
  // valid, with their buffers and names, until Reap() returns them.
  void Submit(std::span<BatchReadRequest* const> requests);
  // Appends the requests finished since the last call to `done`, results filled in. With
  // `wait`, blocks until at least one has finished, if any is in flight.
  void Reap(bool wait, std::vector<BatchReadRequest*>& done);
  int in_flight() const { return in_flight_; }

  // Tests: open without O_NONBLOCK, so that a read of a FIFO whose writer is silent blocks and
  // the read timeout can be seen at work.
  void BlockingOpensForTest() { nonblocking_open_ = false; }

 private:
  BatchReader() = default;
  struct Ring;
  void Finish(size_t slot, std::vector<BatchReadRequest*>& done);
  // Cancels the requests past their deadline (once each); returns the earliest deadline of those
  // still running uncancelled, if any.
  std::optional<std::chrono::steady_clock::time_point> CancelOverdue();
  static constexpr int kSqesPerRequest = 2;  // open, read
  int64_t timeout_ms_ = 5000;
  bool nonblocking_open_ = true;
  std::unique_ptr<Ring> ring_;
  bool broken_ = false;  // a submit failed part-way: every later request reports -ECANCELED
  // Per slot: the request in it, completions still to come (open, read), how its open ended,
  // its generation (counts the slot's requests), when it is overdue, and whether it was cancelled.
  std::array<BatchReadRequest*, kMaxBatch> request_{};
  std::array<int, kMaxBatch> outstanding_{};
  std::array<int64_t, kMaxBatch> open_result_{};
  std::array<uint64_t, kMaxBatch> gen_{};
  std::array<std::chrono::steady_clock::time_point, kMaxBatch> deadline_{};
  std::array<bool, kMaxBatch> cancelled_{};
  int in_flight_ = 0;
  std::vector<BatchReadRequest*> ready_;   // finished without being submitted, for Reap()
  std::vector<BatchReadRequest*> queued_;  // Submit()'s, kept to reuse its memory
};

}  // namespace ngb::source
