// Guards around five weaknesses of The Sleuth Kit (Debian's libtsk 4.11) that hostile or damaged
// images turn into denial of service or undefined behaviour. The first three work by ELF symbol
// interposition: this file defines functions with libtsk's own names in our binary, and libtsk
// calls them through its PLT, so its internal calls land here. libtsk is opened with dlopen
// (tsk_lazy.h), so the binary must export these four names itself: every target linking ngb gets
// --export-dynamic-symbol for them (src/CMakeLists.txt), and test_cli.sh checks nigehbaan's. The tests in fs_walker_test.cpp
// (TskGuards.*) prove that each guard still takes effect with the libtsk the binary was built
// against.
//
// 1. tsk_malloc / tsk_realloc: TSK sizes some buffers straight from metadata. A 20 KiB ext4 image
//    whose in-inode extended attribute claims a 1.7 GB value makes TSK calloc 1.7 GB. Requests above
//    kTskAllocationLimit now fail like a real allocation failure (NULL, TSK_ERR_AUX_MALLOC), which
//    TSK reports as an ordinary error: an error row for that file, not an aborted scan. Within a
//    TskAllocationScope (the walker's calls into a file system) the cap is the volume's size.
// 2. tsk_fs_attr_append_run: TSK's version never points run_end at a single appended run, so every
//    append walks the whole run list, and building a file's runs is quadratic in their number. A
//    4 KiB ext2 image whose inode claims 70 MB of scattered indirect blocks took 11 s to open
//    (about 70k runs); a damaged real disk could stall a scan for hours. Ours keeps run_end right:
//    the same list, in linear time.
// 3. tsk_fs_name_copy: a damaged file system can make TSK copy a name onto itself while it builds
//    the orphan directory (a strncpy whose source and destination are the same buffer: undefined
//    behaviour, and an ASan abort under the fuzzer). Ours returns at once for that case and hands
//    every other copy to libtsk's own function (dlsym RTLD_NEXT).
// 4. Directories: TSK reads a directory whole, a block at a time, up to the size its metadata
//    claims, finding each block by walking the run list from its start: a 12 KiB ext image whose
//    root directory claims 1.4 GB in scattered runs kept the walk busy for 7 s (minutes under
//    ASan: a fuzzer timeout). GuardDirectoryOpens (called by FileSystem::Open) wraps the file
//    system's dir_open_meta (a member of TSK_FS_INFO) so that a directory claiming more than
//    kTskDirectoryLimit is not read (TSK reports an error: an error row, the walk goes on). A
//    directory under the limit with scattered runs can still cost seconds (quadratic in its runs).
// 5. The orphan files folder: opening TSK's virtual $OrphanFiles folder runs an orphan search that
//    walks the whole tree holding the file system's (non-recursive) orphan lock. A 60 KiB ISO 9660
//    image with a directory record pointing at that folder's inode leads the search back to it,
//    and libtsk waits for the lock it holds: a hang (`fls -r` hangs too). The same dir_open_meta
//    wrapper refuses to open the folder from inside its own search on the same thread (an error
//    for that directory; the outer search and the walk go on).
#pragma once

#include <tsk/libtsk.h>

#include <cstddef>
#include <cstdint>

// libtsk's internal functions that this file replaces (declared in TSK's private headers only).
extern "C" {
void* tsk_malloc(size_t len);
void* tsk_realloc(void* ptr, size_t len);
void tsk_fs_attr_append_run(TSK_FS_INFO* a_fs, TSK_FS_ATTR* a_fs_attr, TSK_FS_ATTR_RUN* a_data_run);
uint8_t tsk_fs_name_copy(TSK_FS_NAME* a_fs_name_to, const TSK_FS_NAME* a_fs_name_from);
}

namespace ngb::source {

// Far above anything TSK needs for real media (group descriptors of a 16 TiB ext4 are 8 MiB; TSK
// reads file content through caller buffers), far below what would hurt an examiner's machine.
inline constexpr size_t kTskAllocationLimit = size_t{256} << 20;
// Far above real directories (a million names of 30 bytes fill ~40 MB on ext4).
inline constexpr size_t kTskDirectoryLimit = size_t{64} << 20;

// While TSK works on a file system, nothing it sizes from that file system's metadata can need
// more bytes than the volume holds; a 14 KiB ext2 image made it allocate and zero ~200 MB per
// hostile inode during the orphan search (9 s for one image, more with more inodes). While a
// TskAllocationScope is alive on a thread, TSK allocations on that thread over
// max(kTskMinVolumeLimit, volume_bytes) (and always over kTskAllocationLimit) are refused.
inline constexpr size_t kTskMinVolumeLimit = size_t{16} << 20;  // TSK's own caches (2 MiB) fit
class TskAllocationScope {
 public:
  explicit TskAllocationScope(uint64_t volume_bytes);
  ~TskAllocationScope();
  TskAllocationScope(const TskAllocationScope&) = delete;
  TskAllocationScope& operator=(const TskAllocationScope&) = delete;

 private:
  size_t saved_;
};

// How many TSK allocations this process refused. Calling it also links this file into every
// binary that opens disk images (nothing else references the interposing symbols).
uint64_t TskRefusedAllocations();
// How many directories over kTskDirectoryLimit this process refused to read.
uint64_t TskRefusedDirectories();

// Makes `fs` refuse to read directories over kTskDirectoryLimit and to re-enter its orphan
// search (see 4. and 5. above).
void GuardDirectoryOpens(TSK_FS_INFO* fs);

}  // namespace ngb::source
