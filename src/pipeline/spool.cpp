#include "pipeline/spool.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ngb::pipeline {

Spool::Spool(std::string scratch_dir, uint64_t memory_limit)
    : scratch_dir_(std::move(scratch_dir)), memory_limit_(memory_limit) {}

Spool::~Spool() {
  if (fd_ >= 0) close(fd_);
}

Status Spool::Append(std::span<const uint8_t> data) {
  if (fd_ < 0 && size_ + data.size() <= memory_limit_) {
    mem_.insert(mem_.end(), data.begin(), data.end());
    size_ += data.size();
    return Status::Ok();
  }
  if (fd_ < 0) {
    fd_ = open(scratch_dir_.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd_ < 0) {
      // File systems without O_TMPFILE: a random name, unlinked at once.
      std::string tmpl = scratch_dir_ + "/spool-XXXXXX";
      fd_ = mkstemp(tmpl.data());
      if (fd_ < 0) return StatusFromErrno(errno, "cannot create spool file in " + scratch_dir_);
      unlink(tmpl.c_str());
    }
    const uint8_t* p = mem_.data();
    size_t left = mem_.size();
    while (left > 0) {
      const ssize_t w = write(fd_, p, left);
      if (w < 0) {
        if (errno == EINTR) continue;
        return StatusFromErrno(errno, "spool write");
      }
      p += w;
      left -= static_cast<size_t>(w);
    }
    std::vector<uint8_t>().swap(mem_);
  }
  const uint8_t* p = data.data();
  size_t left = data.size();
  while (left > 0) {
    const ssize_t w = write(fd_, p, left);
    if (w < 0) {
      if (errno == EINTR) continue;
      return StatusFromErrno(errno, "spool write");
    }
    p += w;
    left -= static_cast<size_t>(w);
  }
  size_ += data.size();
  return Status::Ok();
}

Result<size_t> Spool::ReadAt(uint64_t offset, uint8_t* buf, size_t n) {
  if (offset >= size_) return size_t{0};
  n = static_cast<size_t>(std::min<uint64_t>(n, size_ - offset));
  if (fd_ < 0) {
    std::memcpy(buf, mem_.data() + offset, n);
    return n;
  }
  for (;;) {
    const ssize_t r = pread(fd_, buf, n, static_cast<off_t>(offset));
    if (r >= 0) return static_cast<size_t>(r);
    if (errno != EINTR) return StatusFromErrno(errno, "spool read");
  }
}

}  // namespace ngb::pipeline
