#include "source/evidence_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>

namespace ngb::source {

std::span<const uint8_t> Zeros(size_t n) {
  static const std::array<uint8_t, kZeroBlock> zeros{};
  return {zeros.data(), std::min(n, zeros.size())};
}

Result<EvidenceFile> EvidenceFile::Open(const std::string& path) { return OpenAt(AT_FDCWD, path.c_str()); }

Result<EvidenceFile> EvidenceFile::OpenAt(int dir_fd, const char* name, const struct stat* seen) {
  // O_NONBLOCK: if the path was replaced by a FIFO since the walk, open must not hang (regular
  // files ignore the flag).
  const int base = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK;
  int fd = openat(dir_fd, name, base | O_NOATIME);
  if (fd < 0 && errno == EPERM) fd = openat(dir_fd, name, base);  // not the owner: no O_NOATIME
  if (fd < 0) return StatusFromErrno(errno, "open");
  if (seen && S_ISREG(seen->st_mode)) {
    if (seen->st_size > (1 << 20)) posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    return EvidenceFile(fd, *seen);
  }
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    const int err = errno;
    close(fd);
    return StatusFromErrno(err, "fstat");
  }
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    return Status::Error("changed_during_scan", "no longer a regular file");
  }
  if (st.st_size > (1 << 20)) posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return EvidenceFile(fd, st);
}

EvidenceFile::~EvidenceFile() {
  if (fd_ >= 0) close(fd_);
}

Result<size_t> EvidenceFile::ReadAt(uint64_t offset, uint8_t* buf, size_t n) {
  for (;;) {
    const ssize_t r = pread(fd_, buf, n, static_cast<off_t>(offset));
    if (r >= 0) return static_cast<size_t>(r);
    if (errno == EINTR) continue;
    if (errno == ESPIPE || errno == EISDIR) {
      // Replaced by a FIFO, socket or folder since it was listed.
      return Status::Error("changed_during_scan", "no longer a regular file");
    }
    return StatusFromErrno(errno, "read");
  }
}

bool EvidenceFile::ChangedSinceOpen() const {
  struct stat now {};
  if (fstat(fd_, &now) != 0) return true;
  return now.st_size != st_.st_size || now.st_mtim.tv_sec != st_.st_mtim.tv_sec ||
         now.st_mtim.tv_nsec != st_.st_mtim.tv_nsec;
}

FileStream::FileStream(EvidenceFile& file, std::span<uint8_t> buffer)
    : file_(file), buf_(buffer), sparse_(file.sparse()) {}

Result<std::span<const uint8_t>> FileStream::Next() {
  if (eof_) return std::span<const uint8_t>();
  size_t want = buf_.size();
  if (sparse_) {
    if (pos_ >= region_end_) {
      // Classify the region starting at pos_: a hole (served as zeros) or data (read).
      const off_t data = lseek(file_.fd(), static_cast<off_t>(pos_), SEEK_DATA);
      if (data < 0) {
        if (errno != ENXIO) return StatusFromErrno(errno, "lseek");
        in_hole_ = true;  // no data after pos_: a trailing hole up to the size
        region_end_ = std::max<uint64_t>(pos_, file_.size());
      } else if (static_cast<uint64_t>(data) > pos_) {
        in_hole_ = true;
        region_end_ = static_cast<uint64_t>(data);
      } else {
        in_hole_ = false;
        const off_t hole = lseek(file_.fd(), static_cast<off_t>(pos_), SEEK_HOLE);
        region_end_ = hole < 0 ? UINT64_MAX : static_cast<uint64_t>(hole);
        if (region_end_ <= pos_) region_end_ = UINT64_MAX;
      }
    }
    if (in_hole_) {
      if (region_end_ <= pos_) {
        eof_ = true;
        return std::span<const uint8_t>();
      }
      std::span<const uint8_t> z = Zeros(static_cast<size_t>(std::min<uint64_t>(kZeroBlock, region_end_ - pos_)));
      pos_ += z.size();
      return z;
    }
    want = static_cast<size_t>(std::min<uint64_t>(want, region_end_ - pos_));
  }
  Result<size_t> n = file_.ReadAt(pos_, buf_.data(), want);
  if (!n.ok()) return n.status();
  if (*n == 0) {
    eof_ = true;
    return std::span<const uint8_t>();
  }
  pos_ += *n;
  // A short read of a regular file at or past its recorded size is the end: skip one syscall.
  if (!sparse_ && *n < want && pos_ >= file_.size()) eof_ = true;
  return std::span<const uint8_t>(buf_.data(), *n);
}

}  // namespace ngb::source
