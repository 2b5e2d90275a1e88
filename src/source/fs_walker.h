// Volumes and file systems inside a disk image (The Sleuth Kit): listing the partitions, walking
// every name of a file system — allocated, deleted, orphaned — and reading one file's content.
//
// Provenance names (see docs/architecture.md, "Disk images"):
//   p<N>(<FS>)   the N-th allocated partition of the volume system, counted from 1 in table
//                order (as `mmls` lists them), with its file system type in capitals:
//                "p1(FAT16)", "p2(NTFS)"; "p3" when TSK recognises no file system in it.
//   fs(<FS>)     the whole image holds one file system and no partition table: "fs(EXT4)".
// Inside, names are TSK's paths from the root ("Users/x/a.jpg"); deleted files appear under the
// folder that still names them, files whose name is gone under TSK's virtual "$OrphanFiles"
// folder ("$OrphanFiles/OrphanFile-1234"), NTFS alternate data streams as "file.txt:stream".
//
// Thread-safety: a FileSystem may be shared by threads (TSK locks its shared caches); an
// FsFileReader and a walk belong to one thread each.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/item.h"
#include "core/status.h"
#include "source/byte_source.h"
#include "source/disk_image.h"

struct TSK_FS_INFO;

namespace ngb::source {

// One open file system; keeps its image open.
class FileSystem {
 public:
  ~FileSystem();
  FileSystem(const FileSystem&) = delete;
  FileSystem& operator=(const FileSystem&) = delete;
  // Opens the file system starting `offset` bytes into the image (TSK detects the type).
  static Result<std::shared_ptr<FileSystem>> Open(std::shared_ptr<DiskImage> image, uint64_t offset);

  TSK_FS_INFO* tsk() const { return fs_; }
  std::string type_name() const;  // "NTFS", "FAT16", "EXT4", "ISO9660", "EXFAT", …
  uint64_t offset() const { return offset_; }
  uint64_t block_size() const;
  uint64_t byte_size() const;     // blocks x block size
  DiskImage& image() const { return *image_; }
  // The image's bytes from the file system's start: the most any of its structures can need
  // (TskAllocationScope while TSK works on it).
  uint64_t span() const;

 private:
  FileSystem() = default;
  std::shared_ptr<DiskImage> image_;
  TSK_FS_INFO* fs_ = nullptr;
  uint64_t offset_ = 0;
};

struct Volume {
  std::string label;        // "p2(NTFS)", "p3", "fs(EXT4)"
  int number = 0;           // N of p<N>; 0 for a whole-image file system
  int slot = -1, table = -1;  // TSK's table and slot of the partition entry (-1: none)
  std::string description;  // the partition type as TSK describes it
  uint64_t offset = 0, length = 0;  // bytes in the image
  std::shared_ptr<FileSystem> fs;   // null when no file system was recognised
  Status error;             // why fs is null (Ok when `empty`)
  // No file system, and the partition (at most kMaxEmptyPartition bytes) holds only zero bytes:
  // nothing to examine, so not an error. Windows' "Microsoft reserved partition" on every GPT
  // disk is such a partition; an unformatted, wiped or encrypted one is not.
  bool empty = false;
  // No file system, and the partition's type says it holds none by design (NoFileSystemByType):
  // not an error either (it is carved whole like any partition without a file system).
  std::string no_fs_by_type;
};
inline constexpr uint64_t kMaxEmptyPartition = uint64_t{1} << 30;

// What a partition of this type (TSK's description) holds instead of a file system, when its
// type says it holds none by design: "partition_map" (Apple_partition_map: the Apple Partition
// Map's own entry), "driver" (Apple_Driver*, Apple_FWDriver, Apple_Patches), "free"
// (Apple_Free, Apple_Void, Apple_Scratch), "swap" (MBR swap types, "Linux Swap / Solaris x86
// (0x82)" and the like). Empty for any other type.
std::string NoFileSystemByType(std::string_view description);

// The volumes of an image: every allocated partition of its volume system, or — without one —
// the whole image as one file system. Error when neither a volume system nor a file system is
// found at offset 0.
Result<std::vector<Volume>> OpenVolumes(const std::shared_ptr<DiskImage>& image);

// Where a file's content is: its metadata address and which attribute (NTFS streams).
struct FsContent {
  uint64_t inum = 0;
  bool default_attr = true;   // the file's default data attribute
  uint32_t attr_type = 0;     // otherwise this attribute
  uint16_t attr_id = 0;
};

struct FsEntry {
  std::string path;         // from the file-system root, raw bytes ("a/b.jpg", "c.txt:ads")
  ItemKind kind = ItemKind::kOther;
  bool allocated = true;    // false: deleted (name or metadata unallocated)
  bool has_meta = false;    // metadata survives (inode, times, content)
  bool meta_reused = false; // deleted name whose metadata now belongs to another file: not read
  bool named_stream = false;  // an NTFS named stream or an HFS+ resource fork of the file before
  FsContent content;
  std::optional<uint64_t> size;
  TimeNs mtime, atime, ctime, crtime;
  std::optional<uint32_t> mode;  // POSIX type and permission bits
  std::string link_target;
};

// Calls fn for every name in the file system, depth-first from the root, and for each NTFS named
// data (or index-root) stream of a file right after the file — the names `fls -r -p` lists (an
// NTFS file with nothing but named streams, such as $Secure, appears only as its streams) — and
// for an HFS+ file's non-empty resource fork ("a.txt/..namedfork/rsrc", which fls does not list;
// not for HFS+-compressed files, whose fork is their compressed data). Stops when fn returns
// false. "." and ".." are skipped; TSK protects against directory loops. Error when the root
// cannot be walked (entries already delivered stand).
Status WalkFileSystem(FileSystem& fs, const std::function<bool(FsEntry&&)>& fn);

// Random access to the content of one file (one attribute) of a file system.
class FsFileReader : public RandomAccess {
 public:
  static Result<std::unique_ptr<FsFileReader>> Open(std::shared_ptr<FileSystem> fs, const FsContent& c);
  ~FsFileReader() override;
  uint64_t size() const override { return size_; }
  Result<size_t> ReadAt(uint64_t offset, uint8_t* buf, size_t n) override;

 private:
  FsFileReader() = default;
  std::shared_ptr<FileSystem> fs_;
  void* file_ = nullptr;        // TSK_FS_FILE*
  const void* attr_ = nullptr;  // const TSK_FS_ATTR*
  uint64_t size_ = 0;
};

// A byte range of the image (offsets in the media, not the file system).
struct ByteRun {
  uint64_t offset = 0, length = 0;
  bool operator==(const ByteRun&) const = default;
};
// The space of the image's volume system that no partition holds (TSK's unallocated entries:
// before, between and after the partitions), as byte runs in offset order; empty when the image
// has no volume system. At most `max_runs` runs (the rest is dropped).
std::vector<ByteRun> UnpartitionedRuns(const std::shared_ptr<DiskImage>& image, size_t max_runs = 4096);

// The unallocated blocks of the file system as merged runs, in block order: where a carver
// looks for deleted content. At most `max_runs` runs (error "too_many_runs" past that).
Result<std::vector<ByteRun>> UnallocatedRuns(FileSystem& fs, size_t max_runs = 1 << 20);

// The file slack of these files (their default data attribute) as merged byte runs of the
// image in offset order: for each non-resident, uncompressed attribute, the bytes between its
// size and its allocated size (the tail of its last cluster, where an older file's bytes survive),
// mapped through its run list. Resident, compressed and sparse data have no slack; files that
// cannot be opened are skipped. At most `max_runs` runs (error "too_many_runs" past that).
Result<std::vector<ByteRun>> SlackRuns(FileSystem& fs, std::span<const FsContent> files,
                                       size_t max_runs = 1 << 20);

}  // namespace ngb::source
