// BatchReader: reads whole small files in batches through io_uring — opening and reading a batch
// of files costs one system call together instead of three per file (open, read, close). On this kind of
// virtual machine a system call costs about a microsecond before it does any work, which is most
// of the time spent per small file.
//
// Files are opened exactly as EvidenceFile opens them (O_RDONLY|O_NOATIME|O_NOFOLLOW|O_NONBLOCK)
// into io_uring's own descriptor table, so nothing can leak into the process's descriptors (a
// file stays open there until the next batch replaces it). A read blocked for 5 s (a file swapped
// for a FIFO) is abandoned. A
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
#include <cstddef>
#include <cstdint>
#include <memory>
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
  // A read still blocked after `read_timeout_ms` is abandoned (result -ECANCELED or -ETIME).
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

 private:
  BatchReader() = default;
  struct Ring;
  void Finish(size_t slot, std::vector<BatchReadRequest*>& done);
  int64_t timeout_ms_ = 5000;
  std::unique_ptr<Ring> ring_;
  bool broken_ = false;  // a submit failed part-way: every later request reports -ECANCELED
  // Per slot: the request in it, completions still to come (open, read, timeout), and how its
  // open ended.
  std::array<BatchReadRequest*, kMaxBatch> request_{};
  std::array<int, kMaxBatch> outstanding_{};
  std::array<int64_t, kMaxBatch> open_result_{};
  int in_flight_ = 0;
  std::vector<BatchReadRequest*> ready_;   // finished without being submitted, for Reap()
  std::vector<BatchReadRequest*> queued_;  // Submit()'s, kept to reuse its memory
};

}  // namespace ngb::source
