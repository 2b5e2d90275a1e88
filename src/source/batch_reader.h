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
// Thread-safety: one BatchReader per thread.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

namespace ngb::source {

struct BatchReadRequest {
  int dir_fd = -1;            // open folder, or AT_FDCWD with a path
  const char* name = nullptr; // relative to dir_fd
  uint8_t* buf = nullptr;     // receives the content
  size_t cap = 0;             // bytes to read at most (from offset 0)
  int64_t result = 0;         // out: bytes read (short when the file is smaller), or -errno
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

  // Reads every request (at most kMaxBatch) and fills in its result.
  void Read(std::span<BatchReadRequest> requests);

 private:
  BatchReader() = default;
  struct Ring;
  int64_t timeout_ms_ = 5000;
  std::unique_ptr<Ring> ring_;
  bool broken_ = false;  // a submit failed part-way: every later request reports -ECANCELED
};

}  // namespace ngb::source
