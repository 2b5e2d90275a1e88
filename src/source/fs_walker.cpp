#include "source/fs_walker.h"

#include "source/tsk_guards.h"

#include <sys/stat.h>

#include <tsk/libtsk.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace ngb::source {
namespace {

TimeNs Time(time_t s, uint64_t ns) {
  if (s == 0 && ns == 0) return std::nullopt;
  return int64_t{s} * 1'000'000'000 + static_cast<int64_t>(ns % 1'000'000'000);
}

ItemKind KindOfMeta(TSK_FS_META_TYPE_ENUM t) {
  switch (t) {
    case TSK_FS_META_TYPE_REG:
    case TSK_FS_META_TYPE_VIRT: return ItemKind::kFile;
    case TSK_FS_META_TYPE_DIR:
    case TSK_FS_META_TYPE_VIRT_DIR: return ItemKind::kDirectory;
    case TSK_FS_META_TYPE_LNK: return ItemKind::kSymlink;
    case TSK_FS_META_TYPE_FIFO: return ItemKind::kFifo;
    case TSK_FS_META_TYPE_SOCK: return ItemKind::kSocket;
    case TSK_FS_META_TYPE_CHR: return ItemKind::kCharDevice;
    case TSK_FS_META_TYPE_BLK: return ItemKind::kBlockDevice;
    default: return ItemKind::kOther;
  }
}

ItemKind KindOfName(TSK_FS_NAME_TYPE_ENUM t) {
  switch (t) {
    case TSK_FS_NAME_TYPE_REG:
    case TSK_FS_NAME_TYPE_VIRT: return ItemKind::kFile;
    case TSK_FS_NAME_TYPE_DIR:
    case TSK_FS_NAME_TYPE_VIRT_DIR: return ItemKind::kDirectory;
    case TSK_FS_NAME_TYPE_LNK: return ItemKind::kSymlink;
    case TSK_FS_NAME_TYPE_FIFO: return ItemKind::kFifo;
    case TSK_FS_NAME_TYPE_SOCK: return ItemKind::kSocket;
    case TSK_FS_NAME_TYPE_CHR: return ItemKind::kCharDevice;
    case TSK_FS_NAME_TYPE_BLK: return ItemKind::kBlockDevice;
    default: return ItemKind::kOther;
  }
}

uint32_t TypeBits(ItemKind k) {
  switch (k) {
    case ItemKind::kFile: return S_IFREG;
    case ItemKind::kDirectory: return S_IFDIR;
    case ItemKind::kSymlink: return S_IFLNK;
    case ItemKind::kFifo: return S_IFIFO;
    case ItemKind::kSocket: return S_IFSOCK;
    case ItemKind::kCharDevice: return S_IFCHR;
    case ItemKind::kBlockDevice: return S_IFBLK;
    default: return 0;
  }
}

// An attribute's type code as a number. TSK copies NTFS type codes from the MFT into an enum
// field, so hostile metadata puts values there that the enum does not have; loading the field as
// the enum is undefined behaviour (UBSan), so its bytes are read as an integer.
uint32_t AttrTypeOf(const TSK_FS_ATTR* a) {
  static_assert(sizeof(a->type) == sizeof(uint32_t));
  uint32_t t = 0;
  std::memcpy(&t, &a->type, sizeof t);
  return t;
}
// NTFS: as fls lists them, a file is one name per data or index-root attribute; the unnamed data
// attribute ("$Data") and a folder's file-name index ("$I30") are the file itself, other names
// are streams ("file.txt:stream", "$Secure:$SDH").
bool IsNtfsStreamAttr(const TSK_FS_ATTR* a) {
  if (!a) return false;
  const uint32_t t = AttrTypeOf(a);
  return t == TSK_FS_ATTR_TYPE_NTFS_DATA || t == TSK_FS_ATTR_TYPE_NTFS_IDXROOT;
}
bool IsNamedStream(const TSK_FS_ATTR* a) {
  return IsNtfsStreamAttr(a) && a->name && a->name[0] != '\0' && std::strcmp(a->name, "$Data") != 0 &&
         std::strcmp(a->name, "$I30") != 0;
}
// False for an NTFS file whose only data/index attributes are named streams (fls lists only those).
bool HasUnnamedContent(TSK_FS_FILE* f) {
  const int n = tsk_fs_file_attr_getsize(f);
  bool any = false;
  for (int i = 0; i < n; ++i) {
    const TSK_FS_ATTR* a = tsk_fs_file_attr_get_idx(f, i);
    if (!IsNtfsStreamAttr(a)) continue;
    if (!IsNamedStream(a)) return true;
    any = true;
  }
  return !any;
}

// HFS+: a file's resource fork (TSK's attribute type HFS_RSRC), when it holds bytes, unless the
// file is HFS+-compressed: then the fork is the compressed form of the data TSK already reads as
// the file's content.
const TSK_FS_ATTR* HfsResourceFork(TSK_FS_FILE* f) {
  const int n = tsk_fs_file_attr_getsize(f);
  const TSK_FS_ATTR* fork = nullptr;
  for (int i = 0; i < n; ++i) {
    const TSK_FS_ATTR* a = tsk_fs_file_attr_get_idx(f, i);
    if (!a) continue;
    const uint32_t t = AttrTypeOf(a);
    if (t == TSK_FS_ATTR_TYPE_HFS_COMP_REC) {
      fork = nullptr;
      break;
    }
    if (t == TSK_FS_ATTR_TYPE_HFS_RSRC && a->size > 0 && !fork) fork = a;
  }
  tsk_error_reset();  // attribute loading errors of damaged entries are not the walk's
  return fork;
}

// The entry for attribute `a` of the file that `base` describes, at base.path + suffix.
FsEntry StreamEntry(const FsEntry& base, const std::string& suffix, const TSK_FS_ATTR* a) {
  FsEntry s = base;
  s.path += suffix;
  s.kind = ItemKind::kFile;
  s.named_stream = true;
  s.content.default_attr = false;
  s.content.attr_type = AttrTypeOf(a);
  s.content.attr_id = a->id;
  s.size = a->size >= 0 ? static_cast<uint64_t>(a->size) : 0;
  s.mode = (base.mode.value_or(0) & 07777) | S_IFREG;
  s.link_target.clear();
  return s;
}

struct WalkState {
  const std::function<bool(FsEntry&&)>* fn;
  TSK_FS_INFO* fs;
  bool stopped = false;
};

TSK_WALK_RET_ENUM OnName(TSK_FS_FILE* f, const char* dir, void* ptr) {
  auto* st = static_cast<WalkState*>(ptr);
  if (!f || !f->name || !f->name->name) return TSK_WALK_CONT;
  if (TSK_FS_ISDOT(f->name->name)) return TSK_WALK_CONT;
  FsEntry e;
  e.path = std::string(dir ? dir : "") + f->name->name;
  const bool name_alloc = (f->name->flags & TSK_FS_NAME_FLAG_ALLOC) != 0;
  e.allocated = name_alloc;
  e.kind = KindOfName(f->name->type);
  e.content.inum = f->name->meta_addr;
  if (f->meta) {
    const TSK_FS_META* m = f->meta;
    const bool meta_alloc = (m->flags & TSK_FS_META_FLAG_ALLOC) != 0;
    e.has_meta = true;
    e.content.inum = m->addr;
    // A deleted name pointing at metadata that is in use again describes another file now.
    e.meta_reused = !name_alloc && meta_alloc && f->name->type != TSK_FS_NAME_TYPE_VIRT &&
                    f->name->type != TSK_FS_NAME_TYPE_VIRT_DIR;
    e.allocated = name_alloc && meta_alloc;
    if (!e.meta_reused) {
      if (m->type != TSK_FS_META_TYPE_UNDEF) e.kind = KindOfMeta(m->type);
      e.size = m->size >= 0 ? std::optional<uint64_t>(static_cast<uint64_t>(m->size)) : std::nullopt;
      e.mtime = Time(m->mtime, m->mtime_nano);
      e.atime = Time(m->atime, m->atime_nano);
      e.ctime = Time(m->ctime, m->ctime_nano);
      e.crtime = Time(m->crtime, m->crtime_nano);
      e.mode = static_cast<uint32_t>(m->mode) | TypeBits(e.kind);
      if (e.kind == ItemKind::kSymlink && m->link) e.link_target = m->link;
    }
  }
  if (e.kind != ItemKind::kFile) e.size.reset();
  const bool ntfs = TSK_FS_TYPE_ISNTFS(st->fs->ftype);
  const bool streams = ntfs && e.has_meta && !e.meta_reused;
  const bool hfs_file = TSK_FS_TYPE_ISHFS(st->fs->ftype) && e.has_meta && !e.meta_reused && e.kind == ItemKind::kFile;
  const TSK_FS_ATTR* fork = hfs_file ? HfsResourceFork(f) : nullptr;
  FsEntry base_copy;
  if (streams || fork) base_copy = e;
  if ((!streams || HasUnnamedContent(f)) && !(*st->fn)(std::move(e))) {
    st->stopped = true;
    return TSK_WALK_STOP;
  }
  // HFS+ resource fork: "a.txt/..namedfork/rsrc", the path macOS gives it (HFS+ names may hold
  // ':', so NTFS's "a.txt:stream" form would be ambiguous).
  if (fork && !(*st->fn)(StreamEntry(base_copy, "/..namedfork/rsrc", fork))) {
    st->stopped = true;
    return TSK_WALK_STOP;
  }
  if (!streams) return TSK_WALK_CONT;
  // NTFS alternate data streams: one entry per named data (or index-root) attribute.
  const int n = tsk_fs_file_attr_getsize(f);
  for (int i = 0; i < n; ++i) {
    const TSK_FS_ATTR* a = tsk_fs_file_attr_get_idx(f, i);
    if (!IsNamedStream(a)) continue;
    if (!(*st->fn)(StreamEntry(base_copy, std::string(":") + a->name, a))) {
      st->stopped = true;
      return TSK_WALK_STOP;
    }
  }
  tsk_error_reset();  // attribute loading errors of damaged entries are not the walk's
  return TSK_WALK_CONT;
}

struct BlockState {
  std::vector<ByteRun>* runs;
  uint64_t base, block_size;
  size_t max_runs;
  bool overflow = false;
};

TSK_WALK_RET_ENUM OnBlock(const TSK_FS_BLOCK* b, void* ptr) {
  auto* st = static_cast<BlockState*>(ptr);
  const uint64_t off = st->base + static_cast<uint64_t>(b->addr) * st->block_size;
  if (!st->runs->empty() && st->runs->back().offset + st->runs->back().length == off) {
    st->runs->back().length += st->block_size;
    return TSK_WALK_CONT;
  }
  if (st->runs->size() >= st->max_runs) {
    st->overflow = true;
    return TSK_WALK_STOP;
  }
  st->runs->push_back(ByteRun{off, st->block_size});
  return TSK_WALK_CONT;
}

// True when [offset, offset + length) of the image reads as zero bytes only (false at the first
// other byte, on a read error, or when the image ends first).
bool AllZero(DiskImage& image, uint64_t offset, uint64_t length) {
  std::vector<uint8_t> buf(1 << 20);
  static const std::vector<uint8_t> zeros(1 << 20);
  for (uint64_t done = 0; done < length;) {
    const size_t want = static_cast<size_t>(std::min<uint64_t>(buf.size(), length - done));
    Result<size_t> n = image.ReadAt(offset + done, buf.data(), want);
    if (!n.ok() || *n == 0) return false;
    if (std::memcmp(buf.data(), zeros.data(), *n) != 0) return false;
    done += *n;
  }
  return true;
}

// The image's bytes from `offset` on.
uint64_t BytesFrom(const DiskImage& image, uint64_t offset) {
  const uint64_t size = image.size();
  return size > offset ? size - offset : 0;
}

}  // namespace

FileSystem::~FileSystem() {
  if (fs_) tsk_fs_close(fs_);
}

uint64_t FileSystem::span() const { return BytesFrom(*image_, offset_); }

Result<std::shared_ptr<FileSystem>> FileSystem::Open(std::shared_ptr<DiskImage> image, uint64_t offset) {
  TskAllocationScope bound(BytesFrom(*image, offset));
  tsk_error_reset();
  TSK_FS_INFO* fs = tsk_fs_open_img(image->tsk(), static_cast<TSK_OFF_T>(offset), TSK_FS_TYPE_DETECT);
  if (!fs) {
    std::string why = TakeTskError();
    return Status::Error("unknown_file_system", why.empty() ? "no file system recognised" : why);
  }
  GuardDirectoryOpens(fs);
  std::shared_ptr<FileSystem> f(new FileSystem());
  f->image_ = std::move(image);
  f->fs_ = fs;
  f->offset_ = offset;
  return f;
}

std::string FileSystem::type_name() const {
  const char* n = tsk_fs_type_toname(fs_->ftype);
  std::string s = n ? n : "unknown";
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

uint64_t FileSystem::block_size() const { return fs_->block_size; }

uint64_t FileSystem::byte_size() const { return uint64_t{fs_->block_count} * fs_->block_size; }

std::string NoFileSystemByType(std::string_view d) {
  auto starts = [&](std::string_view p) { return d.substr(0, p.size()) == p; };
  if (d == "Apple_partition_map") return "partition_map";
  if (starts("Apple_Driver") || starts("Apple_FWDriver") || d == "Apple_Patches") return "driver";
  if (d == "Apple_Free" || d == "Apple_Void" || d == "Apple_Scratch") return "free";
  // MBR types as TSK names them: "Linux Swap / Solaris x86 (0x82)", "BSDI Swap (0xb8)", "Hidden
  // Linux Swap (0xc3)", "VMWare Swap (0xfc)".
  if (d.find("Swap (0x") != std::string_view::npos || d.find("Swap / ") != std::string_view::npos) return "swap";
  return "";
}

Result<std::vector<Volume>> OpenVolumes(const std::shared_ptr<DiskImage>& image) {
  std::vector<Volume> out;
  TSK_VS_INFO* vs = OpenVolumeSystem(image->tsk());
  if (!vs) {
    tsk_error_reset();
    Result<std::shared_ptr<FileSystem>> fs = FileSystem::Open(image, 0);
    if (!fs.ok()) {
      return Status::Error("unknown_image_layout",
                           "neither a partition table nor a file system at the start of the image (" +
                               fs.status().detail() + ")");
    }
    Volume v;
    v.label = "fs(" + (*fs)->type_name() + ")";
    v.length = image->size();
    v.fs = std::move(*fs);
    out.push_back(std::move(v));
    return out;
  }
  int number = 0;
  for (TSK_PNUM_T i = 0; i < vs->part_count; ++i) {
    const TSK_VS_PART_INFO* p = tsk_vs_part_get(vs, i);
    if (!p || (p->flags & TSK_VS_PART_FLAG_ALLOC) == 0) continue;
    Volume v;
    v.number = ++number;
    v.slot = p->slot_num;
    v.table = p->table_num;
    v.description = p->desc ? p->desc : "";
    v.offset = uint64_t{p->start} * vs->block_size;
    v.length = uint64_t{p->len} * vs->block_size;
    Result<std::shared_ptr<FileSystem>> fs = FileSystem::Open(image, v.offset);
    if (fs.ok()) {
      v.label = "p" + std::to_string(v.number) + "(" + (*fs)->type_name() + ")";
      v.fs = std::move(*fs);
    } else {
      v.label = "p" + std::to_string(v.number);
      v.no_fs_by_type = NoFileSystemByType(v.description);
      v.empty = v.no_fs_by_type.empty() && v.length <= kMaxEmptyPartition && AllZero(*image, v.offset, v.length);
      if (!v.empty && v.no_fs_by_type.empty()) v.error = fs.status();
    }
    out.push_back(std::move(v));
  }
  tsk_vs_close(vs);
  return out;
}

std::vector<ByteRun> UnpartitionedRuns(const std::shared_ptr<DiskImage>& image, size_t max_runs) {
  std::vector<ByteRun> out;
  TSK_VS_INFO* vs = OpenVolumeSystem(image->tsk());
  if (!vs) {
    tsk_error_reset();
    return out;
  }
  for (TSK_PNUM_T i = 0; i < vs->part_count && out.size() < max_runs; ++i) {
    const TSK_VS_PART_INFO* p = tsk_vs_part_get(vs, i);
    if (!p || (p->flags & TSK_VS_PART_FLAG_UNALLOC) == 0 || p->len == 0) continue;
    const ByteRun r{uint64_t{p->start} * vs->block_size, uint64_t{p->len} * vs->block_size};
    if (!out.empty() && out.back().offset + out.back().length == r.offset) {
      out.back().length += r.length;
    } else {
      out.push_back(r);
    }
  }
  tsk_vs_close(vs);
  return out;
}

Status WalkFileSystem(FileSystem& fs, const std::function<bool(FsEntry&&)>& fn) {
  WalkState st{&fn, fs.tsk()};
  tsk_error_reset();
  const auto flags = static_cast<TSK_FS_DIR_WALK_FLAG_ENUM>(
      TSK_FS_DIR_WALK_FLAG_ALLOC | TSK_FS_DIR_WALK_FLAG_UNALLOC | TSK_FS_DIR_WALK_FLAG_RECURSE);
  TskAllocationScope bound(fs.span());
  const uint8_t r = tsk_fs_dir_walk(fs.tsk(), fs.tsk()->root_inum, flags, OnName, &st);
  if (r != 0 && !st.stopped) {
    std::string why = TakeTskError();
    return Status::Error("file_system_walk_error", why.empty() ? "directory walk failed" : why);
  }
  tsk_error_reset();
  return Status::Ok();
}

Result<std::unique_ptr<FsFileReader>> FsFileReader::Open(std::shared_ptr<FileSystem> fs, const FsContent& c) {
  tsk_error_reset();
  TskAllocationScope bound(fs->span());
  TSK_FS_FILE* f = tsk_fs_file_open_meta(fs->tsk(), nullptr, static_cast<TSK_INUM_T>(c.inum));
  if (!f) return Status::Error("metadata_unreadable", TakeTskError());
  const TSK_FS_ATTR* a = c.default_attr
                             ? tsk_fs_file_attr_get(f)
                             : tsk_fs_file_attr_get_type(f, static_cast<TSK_FS_ATTR_TYPE_ENUM>(c.attr_type),
                                                         c.attr_id, 1);
  std::unique_ptr<FsFileReader> r(new FsFileReader());
  r->fs_ = std::move(fs);
  r->file_ = f;
  if (!a) {
    std::string why = TakeTskError();
    // No data attribute: an empty file on some file systems, or a deleted file whose block list
    // is gone (ext4 clears a deleted inode's extents; TSK's icat gives nothing either).
    if (f->meta && f->meta->size > 0) {
      return Status::Error("content_unrecoverable",
                           "metadata gives " + std::to_string(f->meta->size) +
                               " bytes but no readable data" + (why.empty() ? "" : ": " + why));
    }
    return r;
  }
  r->attr_ = a;
  r->size_ = a->size > 0 ? static_cast<uint64_t>(a->size) : 0;
  return r;
}

FsFileReader::~FsFileReader() {
  if (file_) tsk_fs_file_close(static_cast<TSK_FS_FILE*>(file_));
}

Result<size_t> FsFileReader::ReadAt(uint64_t offset, uint8_t* buf, size_t n) {
  if (!attr_ || offset >= size_) return size_t{0};
  n = static_cast<size_t>(std::min<uint64_t>(n, size_ - offset));
  TskAllocationScope bound(fs_->span());
  tsk_error_reset();
  const ssize_t got = tsk_fs_attr_read(static_cast<const TSK_FS_ATTR*>(attr_), static_cast<TSK_OFF_T>(offset),
                                       reinterpret_cast<char*>(buf), n, TSK_FS_FILE_READ_FLAG_NONE);
  if (got < 0) {
    std::string why = TakeTskError();
    return Status::Error("read_error", "at byte " + std::to_string(offset) + ": " + why);
  }
  return static_cast<size_t>(got);
}

Result<std::vector<ByteRun>> UnallocatedRuns(FileSystem& fs, size_t max_runs) {
  std::vector<ByteRun> runs;
  BlockState st{&runs, fs.offset(), fs.block_size(), max_runs};
  TSK_FS_INFO* f = fs.tsk();
  TskAllocationScope bound(fs.span());
  tsk_error_reset();
  const auto flags = static_cast<TSK_FS_BLOCK_WALK_FLAG_ENUM>(
      TSK_FS_BLOCK_WALK_FLAG_UNALLOC | TSK_FS_BLOCK_WALK_FLAG_CONT | TSK_FS_BLOCK_WALK_FLAG_META |
      TSK_FS_BLOCK_WALK_FLAG_AONLY);
  // Only the blocks the image holds: TSK's last_block_act trusts the superblock's block count,
  // and a count of 0 makes it 2^64 - 1 (a walk that never ends, an error formatted per block).
  const TSK_OFF_T img_bytes = f->img_info ? f->img_info->size : 0;
  const uint64_t held = img_bytes > f->offset && fs.block_size() > 0
                            ? static_cast<uint64_t>(img_bytes - f->offset) / fs.block_size()
                            : 0;
  if (held == 0 || f->first_block >= held) return runs;
  const TSK_DADDR_T last = std::min<TSK_DADDR_T>(f->last_block_act, held - 1);
  if (last < f->first_block) return runs;
  const uint8_t r = tsk_fs_block_walk(f, f->first_block, last, flags, OnBlock, &st);
  if (st.overflow) {
    return Status::Error("too_many_runs", "more than " + std::to_string(max_runs) + " unallocated runs");
  }
  if (r != 0) return Status::Error("file_system_walk_error", TakeTskError());
  return runs;
}

Result<std::vector<ByteRun>> SlackRuns(FileSystem& fs, std::span<const FsContent> files, size_t max_runs) {
  std::vector<ByteRun> runs;
  const uint64_t bs = fs.block_size();
  TskAllocationScope bound(fs.span());
  for (const FsContent& c : files) {
    if (!c.default_attr) continue;
    tsk_error_reset();
    TSK_FS_FILE* f = tsk_fs_file_open_meta(fs.tsk(), nullptr, static_cast<TSK_INUM_T>(c.inum));
    if (!f) continue;
    const TSK_FS_ATTR* a = tsk_fs_file_attr_get(f);
    if (a && (a->flags & TSK_FS_ATTR_NONRES) && !(a->flags & (TSK_FS_ATTR_COMP | TSK_FS_ATTR_ENC)) && a->size >= 0 &&
        a->nrd.allocsize > a->size) {
      const uint64_t from = static_cast<uint64_t>(a->size), to = static_cast<uint64_t>(a->nrd.allocsize);
      for (const TSK_FS_ATTR_RUN* r = a->nrd.run; r; r = r->next) {
        if (r->flags & (TSK_FS_ATTR_RUN_FLAG_SPARSE | TSK_FS_ATTR_RUN_FLAG_FILLER)) continue;
        const uint64_t lo = r->offset * bs, hi = lo + r->len * bs;  // file offsets of this run
        const uint64_t s0 = std::max(lo, from), s1 = std::min(hi, to);
        if (s0 >= s1) continue;
        runs.push_back({fs.offset() + r->addr * bs + (s0 - lo), s1 - s0});
      }
    }
    tsk_fs_file_close(f);
    if (runs.size() > max_runs) return Status::Error("too_many_runs", "more than " + std::to_string(max_runs) + " slack runs");
  }
  tsk_error_reset();
  std::sort(runs.begin(), runs.end(), [](const ByteRun& x, const ByteRun& y) { return x.offset < y.offset; });
  std::vector<ByteRun> merged;
  for (const ByteRun& r : runs) {
    if (!merged.empty() && merged.back().offset + merged.back().length >= r.offset) {
      merged.back().length = std::max(merged.back().length, r.offset + r.length - merged.back().offset);
    } else {
      merged.push_back(r);
    }
  }
  return merged;
}

}  // namespace ngb::source
