// Folder walker: enumerates everything under a folder source, read-only. Directories are opened
// O_NOATIME; symlinks are recorded with their target and never followed (a link that cannot be
// resolved because it loops is reported as "symlink_loop"); FIFOs, sockets and devices are
// recorded and never opened; a directory reached twice (bind-mount loop) is not entered again.
#pragma once
#include <sys/stat.h>

#include <functional>
#include <memory>
#include <string>

#include "core/item.h"
#include "core/status.h"

namespace ngb::source {

// An open folder, shared by the entries listed from it so that workers can open them relative to
// it (openat: no repeated path lookups). Closed when the last entry is done.
class DirHandle {
 public:
  explicit DirHandle(int fd);
  ~DirHandle();
  DirHandle(const DirHandle&) = delete;
  DirHandle& operator=(const DirHandle&) = delete;
  int fd() const { return fd_; }
  // Folders currently held open by all walkers (kept bounded to stay within RLIMIT_NOFILE).
  static int live();

 private:
  int fd_;
};

struct WalkEntry {
  std::string fs_path;      // where it is on this machine (raw bytes)
  std::shared_ptr<const DirHandle> dir;  // the open parent folder, when held; else use fs_path
  std::string name;         // name within `dir`
  std::string provenance;   // label + relative path (raw bytes)
  struct stat st {};        // lstat() of the entry
  TimeNs btime;             // birth (creation) time, where the file system records it
  ItemKind kind = ItemKind::kOther;
  std::string link_target;  // symlinks
  Status error;             // why the entry could not be fully handled, if so
};

// Calls `visit` for the root and every entry under it, depth first in pre-order: a folder, then
// its entries in byte order of their names, each sub-folder's whole subtree before its next
// sibling. `visit` returns false to stop the walk early.
void WalkFolder(const std::string& root, const std::string& label,
                const std::function<bool(WalkEntry&&)>& visit);

// Fills kind/link_target/error for a path already lstat()ed (used for single-path sources too).
ItemKind KindFromMode(mode_t mode);

// statx() of `name` relative to `dir_fd` (AT_FDCWD for paths), filling a struct stat and the birth
// time when the file system has one. flags: AT_SYMLINK_NOFOLLOW or 0. Returns 0 or -1 with errno.
int StatWithBirth(int dir_fd, const char* name, int flags, struct stat* st, TimeNs* btime);

}  // namespace ngb::source
