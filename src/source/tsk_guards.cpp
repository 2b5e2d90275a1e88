#include "source/tsk_guards.h"

#include <tsk/libtsk.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <utility>
#include <vector>

#include "source/tsk_lazy.h"

namespace ngb::source {
namespace {
std::atomic<uint64_t> g_refused{0};
thread_local size_t t_allocation_limit = kTskAllocationLimit;  // see TskAllocationScope
size_t TskAllocationLimitHere() { return t_allocation_limit; }
std::atomic<uint64_t> g_refused_dirs{0};

void SetTskAllocError(size_t len, bool refused) {
  tsk_error_reset();
  tsk_error_set_errno(TSK_ERR_AUX_MALLOC);
  if (refused) {
    tsk_error_set_errstr("tsk_malloc: refused %zu bytes (over the %zu-byte limit; metadata likely corrupt)",
                         len, t_allocation_limit);
  } else {
    tsk_error_set_errstr("tsk_malloc: %s", std::strerror(errno));
  }
}

using DirOpenMeta = TSK_RETVAL_ENUM (*)(TSK_FS_INFO*, TSK_FS_DIR**, TSK_INUM_T, int);

// libtsk's dir_open_meta of each file-system type met so far (one function per type).
std::mutex g_dir_open_mu;
std::vector<std::pair<TSK_FS_TYPE_ENUM, DirOpenMeta>> g_dir_open;

// The caller holds g_dir_open_mu.
DirOpenMeta FindDirOpen(TSK_FS_TYPE_ENUM type) {
  for (const auto& [t, fn] : g_dir_open) {
    if (t == type) return fn;
  }
  return nullptr;
}

DirOpenMeta LibtskDirOpen(TSK_FS_TYPE_ENUM type) {
  std::lock_guard lock(g_dir_open_mu);
  return FindDirOpen(type);
}

// Opens a directory through libtsk unless its metadata claims more than kTskDirectoryLimit bytes.
TSK_RETVAL_ENUM GuardedDirOpenMeta(TSK_FS_INFO* fs, TSK_FS_DIR** dir, TSK_INUM_T inode, int depth) {
  const DirOpenMeta libtsk_open = LibtskDirOpen(fs->ftype);
  if (libtsk_open == nullptr) {
    tsk_error_reset();
    tsk_error_set_errno(TSK_ERR_FS_ARG);
    tsk_error_set_errstr("dir_open_meta: no libtsk function for this file system");
    return TSK_ERR;
  }
  if (TSK_FS_FILE* f = tsk_fs_file_open_meta(fs, nullptr, inode)) {
    const TSK_OFF_T size = f->meta ? f->meta->size : 0;
    tsk_fs_file_close(f);
    if (size > 0 && static_cast<uint64_t>(size) > kTskDirectoryLimit) {
      g_refused_dirs.fetch_add(1, std::memory_order_relaxed);
      tsk_error_reset();
      tsk_error_set_errno(TSK_ERR_FS_INODE_COR);
      tsk_error_set_errstr("directory %llu not read: its metadata claims %lld bytes, over the %zu-byte limit "
                           "(likely corrupt)",
                           static_cast<unsigned long long>(inode), static_cast<long long>(size), kTskDirectoryLimit);
      return TSK_ERR;
    }
  }
  tsk_error_reset();
  if (inode != TSK_FS_ORPHANDIR_INUM(fs)) return libtsk_open(fs, dir, inode, depth);
  // The virtual $OrphanFiles folder: libtsk fills it by an orphan search that walks the whole
  // tree while holding the file system's orphan lock. If hostile metadata leads that walk back
  // to this folder, libtsk would search again and wait for the lock it holds (for ever). Refuse
  // the inner open instead; the outer search goes on.
  thread_local std::vector<const TSK_FS_INFO*> searching;
  for (const TSK_FS_INFO* f : searching) {
    if (f == fs) {
      tsk_error_reset();
      tsk_error_set_errno(TSK_ERR_FS_INODE_COR);
      tsk_error_set_errstr("the orphan files folder (%llu) is reached from its own search (likely corrupt)",
                           static_cast<unsigned long long>(inode));
      return TSK_ERR;
    }
  }
  searching.push_back(fs);
  const TSK_RETVAL_ENUM r = libtsk_open(fs, dir, inode, depth);
  searching.pop_back();
  return r;
}

}  // namespace

TskAllocationScope::TskAllocationScope(uint64_t volume_bytes) : saved_(t_allocation_limit) {
  const uint64_t limit = std::max<uint64_t>(kTskMinVolumeLimit, volume_bytes);
  t_allocation_limit = static_cast<size_t>(std::min<uint64_t>({limit, kTskAllocationLimit, saved_}));
}
TskAllocationScope::~TskAllocationScope() { t_allocation_limit = saved_; }

uint64_t TskRefusedAllocations() { return g_refused.load(std::memory_order_relaxed); }
uint64_t TskRefusedDirectories() { return g_refused_dirs.load(std::memory_order_relaxed); }

void GuardDirectoryOpens(TSK_FS_INFO* fs) {
  if (fs == nullptr || fs->dir_open_meta == nullptr || fs->dir_open_meta == &GuardedDirOpenMeta) return;
  {
    std::lock_guard lock(g_dir_open_mu);
    if (FindDirOpen(fs->ftype) == nullptr) g_dir_open.emplace_back(fs->ftype, fs->dir_open_meta);
  }
  fs->dir_open_meta = &GuardedDirOpenMeta;
}

}  // namespace ngb::source

// The interposers: same contracts as libtsk's (zeroed memory from tsk_malloc; realloc semantics
// from tsk_realloc; NULL plus a TSK error on failure).
extern "C" void* tsk_malloc(size_t len) {
  if (len > ngb::source::TskAllocationLimitHere()) {
    ngb::source::g_refused.fetch_add(1, std::memory_order_relaxed);
    ngb::source::SetTskAllocError(len, true);
    return nullptr;
  }
  void* p = std::calloc(len == 0 ? 1 : len, 1);
  if (!p) ngb::source::SetTskAllocError(len, false);
  return p;
}

extern "C" void* tsk_realloc(void* ptr, size_t len) {
  if (len > ngb::source::TskAllocationLimitHere()) {
    ngb::source::g_refused.fetch_add(1, std::memory_order_relaxed);
    ngb::source::SetTskAllocError(len, true);
    return nullptr;
  }
  void* p = std::realloc(ptr, len);
  if (!p && len != 0) ngb::source::SetTskAllocError(len, false);
  return p;
}

// Same contract as libtsk's: append a_data_run (and any runs chained after it) at the end of the
// attribute's run list, ignoring its stored offset and renumbering the offsets from the previous
// end. Differs only in keeping nrd.run_end on the last run, which TSK's own intends ("pointer to
// final run") but misses when a single run is appended.
extern "C" void tsk_fs_attr_append_run(TSK_FS_INFO*, TSK_FS_ATTR* a_fs_attr, TSK_FS_ATTR_RUN* a_data_run) {
  if (a_fs_attr == nullptr || a_data_run == nullptr) return;
  if (a_fs_attr->nrd.run == nullptr) {
    a_fs_attr->nrd.run = a_data_run;
    a_data_run->offset = 0;
  } else {
    if (a_fs_attr->nrd.run_end == nullptr || a_fs_attr->nrd.run_end->next != nullptr) {
      TSK_FS_ATTR_RUN* cur = a_fs_attr->nrd.run;
      while (cur->next) cur = cur->next;
      a_fs_attr->nrd.run_end = cur;
    }
    a_fs_attr->nrd.run_end->next = a_data_run;
    a_data_run->offset = a_fs_attr->nrd.run_end->offset + a_fs_attr->nrd.run_end->len;
  }
  TSK_FS_ATTR_RUN* cur = a_data_run;
  while (cur->next) {
    cur->next->offset = cur->offset + cur->len;
    cur = cur->next;
  }
  a_fs_attr->nrd.run_end = cur;
}

// Copying a name onto itself returns at once. libtsk 4.11 does that while it builds the orphan
// directory of some damaged file systems (tsk_fs_dir_copy with the orphan directory as both
// source and destination); its strncpy of a buffer onto itself is undefined behaviour (ASan:
// strncpy-param-overlap). Every other copy goes to libtsk's own function.
extern "C" uint8_t tsk_fs_name_copy(TSK_FS_NAME* a_fs_name_to, const TSK_FS_NAME* a_fs_name_from) {
  if (a_fs_name_to != nullptr && a_fs_name_to == a_fs_name_from) return 0;
  using Copy = uint8_t (*)(TSK_FS_NAME*, const TSK_FS_NAME*);
  // libtsk's own: looked up in the library itself (it is opened with dlopen, so RTLD_NEXT from
  // this binary would not see it; tsk_lazy.h).
  static const Copy libtsk_copy = reinterpret_cast<Copy>(ngb::source::TskOwnSymbol("tsk_fs_name_copy"));
  if (libtsk_copy == nullptr) {
    tsk_error_reset();
    tsk_error_set_errno(TSK_ERR_AUX_GENERIC);
    tsk_error_set_errstr("tsk_fs_name_copy: libtsk's function not found");
    return 1;
  }
  return libtsk_copy(a_fs_name_to, a_fs_name_from);
}
