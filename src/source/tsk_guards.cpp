#include "source/tsk_guards.h"

#include <dlfcn.h>
#include <tsk/libtsk.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace ngb::source {
namespace {
std::atomic<uint64_t> g_refused{0};

void SetTskAllocError(size_t len, bool refused) {
  tsk_error_reset();
  tsk_error_set_errno(TSK_ERR_AUX_MALLOC);
  if (refused) {
    tsk_error_set_errstr("tsk_malloc: refused %zu bytes (over the %zu-byte limit; metadata likely corrupt)",
                         len, kTskAllocationLimit);
  } else {
    tsk_error_set_errstr("tsk_malloc: %s", std::strerror(errno));
  }
}
}  // namespace

uint64_t TskRefusedAllocations() { return g_refused.load(std::memory_order_relaxed); }

}  // namespace ngb::source

// The interposers: same contracts as libtsk's (zeroed memory from tsk_malloc; realloc semantics
// from tsk_realloc; NULL plus a TSK error on failure).
extern "C" void* tsk_malloc(size_t len) {
  if (len > ngb::source::kTskAllocationLimit) {
    ngb::source::g_refused.fetch_add(1, std::memory_order_relaxed);
    ngb::source::SetTskAllocError(len, true);
    return nullptr;
  }
  void* p = std::calloc(len == 0 ? 1 : len, 1);
  if (!p) ngb::source::SetTskAllocError(len, false);
  return p;
}

extern "C" void* tsk_realloc(void* ptr, size_t len) {
  if (len > ngb::source::kTskAllocationLimit) {
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
  static const Copy libtsk_copy = reinterpret_cast<Copy>(dlsym(RTLD_NEXT, "tsk_fs_name_copy"));
  if (libtsk_copy == nullptr) {
    tsk_error_reset();
    tsk_error_set_errno(TSK_ERR_AUX_GENERIC);
    tsk_error_set_errstr("tsk_fs_name_copy: libtsk's function not found");
    return 1;
  }
  return libtsk_copy(a_fs_name_to, a_fs_name_from);
}
