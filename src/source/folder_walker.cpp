#include "source/folder_walker.h"

#include <dirent.h>
#include <sys/sysmacros.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <set>
#include <utility>
#include <vector>

#include "core/provenance.h"

namespace ngb::source {

ItemKind KindFromMode(mode_t mode) {
  if (S_ISREG(mode)) return ItemKind::kFile;
  if (S_ISDIR(mode)) return ItemKind::kDirectory;
  if (S_ISLNK(mode)) return ItemKind::kSymlink;
  if (S_ISFIFO(mode)) return ItemKind::kFifo;
  if (S_ISSOCK(mode)) return ItemKind::kSocket;
  if (S_ISCHR(mode)) return ItemKind::kCharDevice;
  if (S_ISBLK(mode)) return ItemKind::kBlockDevice;
  return ItemKind::kOther;
}

int StatWithBirth(int dir_fd, const char* name, int flags, struct stat* st, TimeNs* btime) {
  struct statx sx {};
  if (statx(dir_fd, name, flags | AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS | STATX_BTIME, &sx) != 0) {
    return -1;
  }
  *st = {};
  st->st_dev = makedev(sx.stx_dev_major, sx.stx_dev_minor);
  st->st_ino = sx.stx_ino;
  st->st_mode = sx.stx_mode;
  st->st_nlink = sx.stx_nlink;
  st->st_uid = sx.stx_uid;
  st->st_gid = sx.stx_gid;
  st->st_rdev = makedev(sx.stx_rdev_major, sx.stx_rdev_minor);
  st->st_size = static_cast<off_t>(sx.stx_size);
  st->st_blksize = sx.stx_blksize;
  st->st_blocks = static_cast<blkcnt_t>(sx.stx_blocks);
  st->st_atim = {sx.stx_atime.tv_sec, sx.stx_atime.tv_nsec};
  st->st_mtim = {sx.stx_mtime.tv_sec, sx.stx_mtime.tv_nsec};
  st->st_ctim = {sx.stx_ctime.tv_sec, sx.stx_ctime.tv_nsec};
  if (btime) {
    if (sx.stx_mask & STATX_BTIME) {
      *btime = int64_t{sx.stx_btime.tv_sec} * 1'000'000'000 + sx.stx_btime.tv_nsec;
    } else {
      btime->reset();
    }
  }
  return 0;
}

namespace {
std::atomic<int> g_live_dirs{0};
// Entries beyond this many open folders fall back to full paths.
constexpr int kMaxLiveDirs = 256;
}  // namespace

DirHandle::DirHandle(int fd) : fd_(fd) { g_live_dirs.fetch_add(1); }
DirHandle::~DirHandle() {
  close(fd_);
  g_live_dirs.fetch_sub(1);
}
int DirHandle::live() { return g_live_dirs.load(); }

namespace {

int OpenDir(const std::string& path) {
  const int flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
  int fd = open(path.c_str(), flags | O_NOATIME);
  if (fd < 0 && errno == EPERM) fd = open(path.c_str(), flags);
  return fd;
}

// Reads the names in a directory (without "." and ".."), sorted by bytes. On success `handle`
// holds the open folder when the open-folder budget allows.
Status ListDir(const std::string& path, std::vector<std::string>& names,
               std::shared_ptr<const DirHandle>& handle) {
  const int fd = OpenDir(path);
  if (fd < 0) return StatusFromErrno(errno, "cannot list folder");
  const int list_fd = DirHandle::live() < kMaxLiveDirs ? dup(fd) : -1;
  if (list_fd >= 0) {
    handle = std::make_shared<const DirHandle>(fd);
  }
  DIR* d = fdopendir(list_fd >= 0 ? list_fd : fd);
  if (!d) {
    const int err = errno;
    close(list_fd >= 0 ? list_fd : fd);
    handle.reset();
    return StatusFromErrno(err, "cannot list folder");
  }
  errno = 0;
  while (dirent* e = readdir(d)) {
    const char* n = e->d_name;
    if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0))) continue;
    names.emplace_back(n);
    errno = 0;
  }
  const int err = errno;
  closedir(d);
  std::sort(names.begin(), names.end());
  if (err != 0) return StatusFromErrno(err, "error while listing folder");
  return Status::Ok();
}

}  // namespace

void WalkFolder(const std::string& root, const std::string& label,
                const std::function<bool(WalkEntry&&)>& visit) {
  // A folder being listed: its sorted names and how far the walk has got through them.
  struct Frame {
    std::string fs_path, provenance;
    std::vector<std::string> names;
    size_t next = 0;
    std::shared_ptr<const DirHandle> handle;
  };
  std::vector<Frame> stack;
  std::set<std::pair<dev_t, ino_t>> seen_dirs;

  // Emits folder `e` (already lstat()ed) and, when it can be listed, makes it the current frame.
  auto enter = [&](WalkEntry&& e) {
    Frame f;
    f.fs_path = e.fs_path;
    f.provenance = e.provenance;
    if (!seen_dirs.insert({e.st.st_dev, e.st.st_ino}).second) {
      e.error = Status::Error("directory_loop", "folder already visited (bind mount or loop)");
      return visit(std::move(e));
    }
    e.error = ListDir(f.fs_path, f.names, f.handle);
    const bool listed = e.error.ok();
    if (!visit(std::move(e))) return false;
    if (listed) stack.push_back(std::move(f));
    return true;
  };

  {
    WalkEntry e;
    e.fs_path = root;
    e.provenance = label;
    e.kind = ItemKind::kDirectory;
    if (StatWithBirth(AT_FDCWD, root.c_str(), 0, &e.st, &e.btime) != 0) {
      e.error = StatusFromErrno(errno, "source");
      visit(std::move(e));
      return;
    }
    if (!enter(std::move(e))) return;
  }
  while (!stack.empty()) {
    Frame& dir = stack.back();
    if (dir.next == dir.names.size()) {
      stack.pop_back();
      continue;
    }
    const std::string& name = dir.names[dir.next++];
    const std::shared_ptr<const DirHandle> handle = dir.handle;
    WalkEntry e;
    e.fs_path = JoinPath(dir.fs_path, name);
    e.provenance = JoinPath(dir.provenance, name);
    const int at = handle ? handle->fd() : AT_FDCWD;
    const std::string rel_name = handle ? name : e.fs_path;
    const char* rel = rel_name.c_str();
    if (StatWithBirth(at, rel, AT_SYMLINK_NOFOLLOW, &e.st, &e.btime) != 0) {
      e.kind = ItemKind::kOther;
      e.error = StatusFromErrno(errno, "lstat");
      if (!visit(std::move(e))) return;
      continue;
    }
    e.kind = KindFromMode(e.st.st_mode);
    if (e.kind == ItemKind::kDirectory) {
      // `dir` may be invalidated by the push inside enter().
      if (!enter(std::move(e))) return;
      continue;
    }
    if (e.kind == ItemKind::kFile && handle) {
      e.dir = handle;
      e.name = name;
    }
    if (e.kind == ItemKind::kSymlink) {
      std::string target(4096, '\0');
      const ssize_t n = readlinkat(at, rel, target.data(), target.size());
      if (n >= 0) target.resize(static_cast<size_t>(n));
      else target.clear();
      e.link_target = std::move(target);
      // Resolving (not following for reading) tells a loop from a dangling link.
      struct stat resolved {};
      if (fstatat(at, rel, &resolved, 0) != 0 && errno == ELOOP) {
        e.error = Status::Error("symlink_loop", "symbolic link resolves to itself");
      }
    }
    if (!visit(std::move(e))) return;
  }
}

}  // namespace ngb::source
