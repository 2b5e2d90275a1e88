// Read-only access to files on a mounted file system: opened O_RDONLY|O_NOATIME|O_NOFOLLOW
// (O_NOATIME dropped only where the kernel refuses it), never written, holes in sparse files
// read as zeros without touching the disk.
#pragma once
#include <sys/stat.h>

#include <span>
#include <string>

#include "source/byte_source.h"

namespace ngb::source {

class EvidenceFile : public RandomAccess {
 public:
  // Opens a regular file. Fails with "changed_during_scan" for anything else (the walker saw a
  // regular file there), never blocking on a FIFO.
  static Result<EvidenceFile> Open(const std::string& path);
  // Opens `name` relative to the open folder `dir_fd` (AT_FDCWD: relative to the working folder).
  // `seen`, when given, is the walker's lstat() of the same entry moments before and must show a
  // regular file: it is used instead of another fstat() (one syscall less per file). A type
  // change in between is still caught when reading ("changed_during_scan"), a size change by the
  // caller comparing the bytes read with size().
  static Result<EvidenceFile> OpenAt(int dir_fd, const char* name, const struct stat* seen = nullptr);
  EvidenceFile(EvidenceFile&& o) noexcept : fd_(o.fd_), st_(o.st_) { o.fd_ = -1; }
  EvidenceFile(const EvidenceFile&) = delete;
  EvidenceFile& operator=(const EvidenceFile&) = delete;
  ~EvidenceFile() override;

  const struct stat& stat() const { return st_; }
  uint64_t size() const override { return static_cast<uint64_t>(st_.st_size); }
  bool sparse() const { return st_.st_blocks * 512LL < st_.st_size; }
  Result<size_t> ReadAt(uint64_t offset, uint8_t* buf, size_t n) override;
  // fstat again; true when size or mtime changed since Open().
  bool ChangedSinceOpen() const;
  int fd() const { return fd_; }

 private:
  EvidenceFile(int fd, const struct stat& st) : fd_(fd), st_(st) {}
  int fd_ = -1;
  struct stat st_ {};
};

// Sequential reading of a whole EvidenceFile into a caller-owned buffer. Reads until EOF (a file
// that grows while being read is read to its new end) and skips holes of sparse files.
class FileStream : public ByteStream {
 public:
  FileStream(EvidenceFile& file, std::span<uint8_t> buffer);
  Result<std::span<const uint8_t>> Next() override;

 private:
  EvidenceFile& file_;
  std::span<uint8_t> buf_;
  uint64_t pos_ = 0;
  bool sparse_;
  // Sparse files: [pos_, region_end_) is a hole when in_hole_, data otherwise.
  uint64_t region_end_ = 0;
  bool in_hole_ = false;
  bool eof_ = false;
};

}  // namespace ngb::source
