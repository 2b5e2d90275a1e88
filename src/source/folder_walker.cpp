#include "source/folder_walker.h"

#include <dirent.h>
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

struct PendingDir {
  std::string fs_path;
  std::string provenance;
  struct stat st;
};

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
  std::vector<PendingDir> stack;
  std::set<std::pair<dev_t, ino_t>> seen_dirs;
  {
    struct stat st {};
    if (stat(root.c_str(), &st) != 0) {
      WalkEntry e;
      e.fs_path = root;
      e.provenance = label;
      e.kind = ItemKind::kDirectory;
      e.error = StatusFromErrno(errno, "source");
      visit(std::move(e));
      return;
    }
    stack.push_back({root, label, st});
  }
  std::vector<std::string> names;
  while (!stack.empty()) {
    PendingDir dir = std::move(stack.back());
    stack.pop_back();
    WalkEntry self;
    self.fs_path = dir.fs_path;
    self.provenance = dir.provenance;
    self.st = dir.st;
    self.kind = ItemKind::kDirectory;
    names.clear();
    if (!seen_dirs.insert({dir.st.st_dev, dir.st.st_ino}).second) {
      self.error = Status::Error("directory_loop", "folder already visited (bind mount or loop)");
      if (!visit(std::move(self))) return;
      continue;
    }
    std::shared_ptr<const DirHandle> handle;
    self.error = ListDir(dir.fs_path, names, handle);
    if (!visit(std::move(self))) return;

    std::vector<PendingDir> subdirs;
    for (const std::string& name : names) {
      WalkEntry e;
      e.fs_path = JoinPath(dir.fs_path, name);
      e.provenance = JoinPath(dir.provenance, name);
      const int at = handle ? handle->fd() : AT_FDCWD;
      const char* rel = handle ? name.c_str() : e.fs_path.c_str();
      if (fstatat(at, rel, &e.st, AT_SYMLINK_NOFOLLOW) != 0) {
        e.kind = ItemKind::kOther;
        e.error = StatusFromErrno(errno, "lstat");
        if (!visit(std::move(e))) return;
        continue;
      }
      e.kind = KindFromMode(e.st.st_mode);
      if (e.kind == ItemKind::kDirectory) {
        subdirs.push_back({std::move(e.fs_path), std::move(e.provenance), e.st});
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
    // Depth first, in name order: push in reverse.
    for (auto it = subdirs.rbegin(); it != subdirs.rend(); ++it) stack.push_back(std::move(*it));
  }
}

}  // namespace ngb::source
