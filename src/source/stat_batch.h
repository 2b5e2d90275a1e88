// StatBatch: statx() of many names in one folder with one system call (io_uring) instead of one
// each. The folder walker stats every entry it lists; on this kind of virtual machine a system
// call costs about a microsecond before it does any work, which made the walker's statx() calls
// the largest single cost of listing a folder of small files.
//
// Thread-safety: one StatBatch per thread.
#pragma once
#include <sys/stat.h>

#include <memory>
#include <span>
#include <string>

namespace ngb::source {

class StatBatch {
 public:
  // Largest batch Stat() accepts.
  static constexpr size_t kMaxBatch = 64;

  // nullptr when io_uring is unavailable (old kernel, disabled by sysctl or seccomp) or the
  // environment variable NGB_NO_IO_URING is set: callers then call statx() per name.
  static std::unique_ptr<StatBatch> Create();
  ~StatBatch();

  // statx(dir_fd, names[i], flags | AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS | STATX_BTIME,
  // &out[i]) for every i (at most kMaxBatch), setting result[i] to 0 or -errno (-ECANCELED for a
  // request that was not run: stat it directly). Returns only when nothing refers to `out` any more.
  // REQUIRES: out.size() and result.size() >= names.size().
  void Stat(int dir_fd, std::span<const std::string> names, int flags, std::span<struct statx> out,
            std::span<int> result);

 private:
  StatBatch() = default;
  struct Ring;
  std::unique_ptr<Ring> ring_;
  bool broken_ = false;  // a submit failed part-way: every later request reports -ECANCELED
};

}  // namespace ngb::source
