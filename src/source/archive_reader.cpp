#include "source/archive_reader.h"

#include <sys/stat.h>

#include <cstring>

namespace ngb::source {
namespace {
constexpr size_t kReadBlock = 256 * 1024;

TimeNs EntryTime(bool is_set, time_t sec, long nsec) {
  if (!is_set) return std::nullopt;
  return static_cast<int64_t>(sec) * 1'000'000'000 + nsec;
}

// Classifies libarchive's messages into our stable reason codes.
std::string ReasonFor(const char* msg, const char* fallback) {
  if (!msg) return fallback;
  std::string m(msg);
  for (char& c : m) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
  if (m.find("encrypt") != std::string::npos || m.find("passphrase") != std::string::npos ||
      m.find("password") != std::string::npos) {
    return "encrypted";
  }
  if (m.find("truncated") != std::string::npos || m.find("premature end") != std::string::npos ||
      m.find("unexpected eof") != std::string::npos || m.find("unexpected end") != std::string::npos) {
    return "truncated";
  }
  if (m.find("unsupported") != std::string::npos || m.find("not supported") != std::string::npos) {
    return "unsupported_archive";
  }
  return fallback;
}
}  // namespace

ArchiveReader::ArchiveReader(RandomAccess& input, Formats formats)
    : in_(input), formats_(formats), buf_(kReadBlock) {}

ArchiveReader::~ArchiveReader() {
  if (a_) archive_read_free(a_);
}

Status ArchiveReader::ErrorStatus(const char* fallback_reason) {
  const char* msg = a_ ? archive_error_string(a_) : nullptr;
  return Status::Error(ReasonFor(msg, fallback_reason), msg ? msg : "unreadable container");
}

la_ssize_t ArchiveReader::ReadCb(struct archive* a, void* self, const void** buf) {
  auto* r = static_cast<ArchiveReader*>(self);
  Result<size_t> n = r->in_.ReadAt(r->pos_, r->buf_.data(), r->buf_.size());
  if (!n.ok()) {
    archive_set_error(a, EIO, "%s", n.status().ToString().c_str());
    return -1;
  }
  *buf = r->buf_.data();
  r->pos_ += *n;
  r->consumed_ += *n;
  return static_cast<la_ssize_t>(*n);
}

la_int64_t ArchiveReader::SkipCb(struct archive*, void* self, la_int64_t request) {
  auto* r = static_cast<ArchiveReader*>(self);
  const uint64_t size = r->in_.size();
  const uint64_t target = std::min<uint64_t>(size, r->pos_ + static_cast<uint64_t>(request));
  const la_int64_t skipped = static_cast<la_int64_t>(target - r->pos_);
  r->pos_ = target;
  return skipped;
}

la_int64_t ArchiveReader::SeekCb(struct archive*, void* self, la_int64_t offset, int whence) {
  auto* r = static_cast<ArchiveReader*>(self);
  int64_t base = 0;
  if (whence == SEEK_CUR) base = static_cast<int64_t>(r->pos_);
  else if (whence == SEEK_END) base = static_cast<int64_t>(r->in_.size());
  const int64_t target = base + offset;
  if (target < 0) return ARCHIVE_FATAL;
  r->pos_ = static_cast<uint64_t>(target);
  return target;
}

Status ArchiveReader::Open() {
  a_ = archive_read_new();
  if (!a_) return Status::Error("out_of_memory", "archive_read_new");
  archive_read_support_filter_all(a_);
  if (formats_ != Formats::kRawOnly) {
    archive_read_support_format_7zip(a_);
    archive_read_support_format_ar(a_);
    archive_read_support_format_cab(a_);
    archive_read_support_format_cpio(a_);
    archive_read_support_format_iso9660(a_);
    archive_read_support_format_lha(a_);
    archive_read_support_format_rar(a_);
    archive_read_support_format_rar5(a_);
    archive_read_support_format_tar(a_);
    archive_read_support_format_warc(a_);
    archive_read_support_format_xar(a_);
    archive_read_support_format_zip(a_);
  }
  if (formats_ != Formats::kArchives) archive_read_support_format_raw(a_);
  archive_read_set_callback_data(a_, this);
  archive_read_set_read_callback(a_, ReadCb);
  archive_read_set_skip_callback(a_, SkipCb);
  archive_read_set_seek_callback(a_, SeekCb);
  if (archive_read_open1(a_) != ARCHIVE_OK) return ErrorStatus("corrupt_archive");
  return Status::Ok();
}

std::string ArchiveReader::format_name() const {
  const char* n = a_ ? archive_format_name(a_) : nullptr;
  return n ? n : "";
}

bool ArchiveReader::raw() const { return a_ && archive_format(a_) == ARCHIVE_FORMAT_RAW; }

Result<std::optional<ArchiveEntry>> ArchiveReader::Next() {
  struct archive_entry* e = nullptr;
  int rc = archive_read_next_header(a_, &e);
  for (int retries = 0; rc == ARCHIVE_RETRY && retries < 3; ++retries) {
    rc = archive_read_next_header(a_, &e);
  }
  if (rc == ARCHIVE_EOF) return std::optional<ArchiveEntry>();
  if (rc < ARCHIVE_WARN || !e) return ErrorStatus("corrupt_archive");
  if (raw() && archive_filter_count(a_) <= 1) {
    // "raw" without a decompression filter would hand back the container's own bytes.
    return Status::Error("corrupt_archive", "not a readable compressed stream");
  }
  data_.Reset();

  ArchiveEntry out;
  const char* name = archive_entry_pathname(e);
  if (!name) name = archive_entry_pathname_utf8(e);
  out.name = name ? name : "";
  if (out.name.empty()) out.name = raw() ? "data" : "(unnamed)";
  if (archive_entry_size_is_set(e) && archive_entry_size(e) >= 0) {
    out.size = static_cast<uint64_t>(archive_entry_size(e));
  }
  out.mtime = EntryTime(archive_entry_mtime_is_set(e), archive_entry_mtime(e), archive_entry_mtime_nsec(e));
  out.atime = EntryTime(archive_entry_atime_is_set(e), archive_entry_atime(e), archive_entry_atime_nsec(e));
  out.ctime = EntryTime(archive_entry_ctime_is_set(e), archive_entry_ctime(e), archive_entry_ctime_nsec(e));
  out.btime = EntryTime(archive_entry_birthtime_is_set(e), archive_entry_birthtime(e),
                        archive_entry_birthtime_nsec(e));
  if (!raw()) out.mode = static_cast<uint32_t>(archive_entry_mode(e));
  if (const char* hl = archive_entry_hardlink(e)) {
    out.hardlink = true;
    out.link_target = hl;
  }
  switch (archive_entry_filetype(e)) {
    case AE_IFDIR: out.kind = ItemKind::kDirectory; break;
    case AE_IFLNK:
      out.kind = ItemKind::kSymlink;
      if (const char* t = archive_entry_symlink(e)) out.link_target = t;
      break;
    case AE_IFIFO: out.kind = ItemKind::kFifo; break;
    case AE_IFCHR: out.kind = ItemKind::kCharDevice; break;
    case AE_IFBLK: out.kind = ItemKind::kBlockDevice; break;
    case AE_IFSOCK: out.kind = ItemKind::kSocket; break;
    default: out.kind = ItemKind::kMember; break;
  }
  out.encrypted = archive_entry_is_data_encrypted(e) == 1;
  return std::optional<ArchiveEntry>(std::move(out));
}

Result<std::span<const uint8_t>> ArchiveReader::MemberStream::Next() {
  for (;;) {
    // Sparse members: a gap before the next block (or before the end) reads as zeros.
    if (offset_ < pending_offset_) {
      std::span<const uint8_t> z = Zeros(static_cast<size_t>(
          std::min<int64_t>(static_cast<int64_t>(kZeroBlock), pending_offset_ - offset_)));
      offset_ += static_cast<int64_t>(z.size());
      return z;
    }
    if (!pending_.empty()) {
      std::span<const uint8_t> out = pending_;
      pending_ = {};
      offset_ += static_cast<int64_t>(out.size());
      pending_offset_ = offset_;
      return out;
    }
    if (done_) return std::span<const uint8_t>();
    const void* buf = nullptr;
    size_t size = 0;
    la_int64_t off = 0;
    const int rc = archive_read_data_block(r_.a_, &buf, &size, &off);
    if (rc == ARCHIVE_EOF) {
      // The end offset is the member's full size: a trailing hole of a sparse member reads as
      // zeros up to it.
      done_ = true;
      pending_offset_ = std::max<int64_t>(off, offset_);
      continue;
    }
    if (rc < ARCHIVE_WARN) return r_.ErrorStatus("corrupt_archive");
    if (rc == ARCHIVE_WARN && size == 0) return r_.ErrorStatus("corrupt_member");
    pending_ = {static_cast<const uint8_t*>(buf), size};
    pending_offset_ = std::max<int64_t>(off, offset_);
  }
}

}  // namespace ngb::source
