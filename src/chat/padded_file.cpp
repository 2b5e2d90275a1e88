#include "chat/padded_file.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>

namespace ngb::chat {
namespace {

// Maps [0, size) of fd followed by zero pages up to size + padding; nullptr when not possible.
void* MapPadded(int fd, size_t size, size_t padding, size_t* len) {
  const auto page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  *len = (size + padding + page - 1) / page * page;
  // Reserve the whole range as anonymous zero pages, then put the file over its start.
  void* base = mmap(nullptr, *len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (base == MAP_FAILED) return nullptr;
  void* file = mmap(base, size, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_POPULATE, fd, 0);
  if (file == MAP_FAILED) {
    munmap(base, *len);
    return nullptr;
  }
  return base;
}

}  // namespace

Result<PaddedFile> PaddedFile::Load(source::EvidenceFile& file, size_t padding) {
  PaddedFile out;
  const auto size = static_cast<size_t>(file.size());
  if (size > 0 && S_ISREG(file.stat().st_mode)) {
    size_t len = 0;
    if (void* map = MapPadded(file.fd(), size, padding, &len)) {
      if (!file.ChangedSinceOpen()) {
        out.map_ = map;
        out.map_len_ = len;
        out.data_ = static_cast<const char*>(map);
        out.size_ = size;
        return out;
      }
      munmap(map, len);  // changed while mapping: read what is there now instead
    }
  }
  // Uninitialised buffer, zeroed padding only (no memset of the whole file).
  out.heap_.reset(new char[size + padding]);
  size_t got = 0;
  while (got < size) {
    Result<size_t> n = file.ReadAt(got, reinterpret_cast<uint8_t*>(out.heap_.get()) + got, size - got);
    if (!n.ok()) return n.status();
    if (*n == 0) break;
    got += *n;
  }
  std::memset(out.heap_.get() + got, 0, padding);
  out.data_ = out.heap_.get();
  out.size_ = got;
  return out;
}

PaddedFile::PaddedFile(PaddedFile&& o) noexcept
    : data_(o.data_), size_(o.size_), map_(o.map_), map_len_(o.map_len_), heap_(std::move(o.heap_)) {
  o.map_ = nullptr;
  o.map_len_ = 0;
  o.data_ = nullptr;
  o.size_ = 0;
}

PaddedFile::~PaddedFile() {
  if (map_) munmap(map_, map_len_);
}

}  // namespace ngb::chat
