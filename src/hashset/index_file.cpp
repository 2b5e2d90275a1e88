#include "hashset/index_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include <openssl/evp.h>

namespace ngb::hashset {
namespace {

constexpr size_t kHugePage = 2u << 20;

size_t RoundUp(size_t n, size_t to) { return (n + to - 1) / to * to; }

std::array<uint8_t, 32> Sha256Of(std::span<const uint8_t> bytes) {
  std::array<uint8_t, 32> out{};
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), out.data(), &len, EVP_sha256(), nullptr);
  return out;
}

std::span<const uint8_t> HeaderBytesBeforeChecksum(const IndexHeader& h) {
  return {reinterpret_cast<const uint8_t*>(&h), offsetof(IndexHeader, checksum)};
}

}  // namespace

IndexBytes::~IndexBytes() { Release(); }

IndexBytes::IndexBytes(IndexBytes&& o) noexcept
    : base_(std::exchange(o.base_, nullptr)),
      size_(std::exchange(o.size_, 0)),
      mapped_(std::exchange(o.mapped_, 0)) {}

IndexBytes& IndexBytes::operator=(IndexBytes&& o) noexcept {
  if (this != &o) {
    Release();
    base_ = std::exchange(o.base_, nullptr);
    size_ = std::exchange(o.size_, 0);
    mapped_ = std::exchange(o.mapped_, 0);
  }
  return *this;
}

void IndexBytes::Release() {
  if (mapped_ != 0) munmap(base_, mapped_);
  base_ = nullptr;
  size_ = mapped_ = 0;
}

Result<IndexBytes> IndexBytes::Allocate(size_t size) {
  IndexBytes b;
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  const size_t len = RoundUp(size == 0 ? 1 : size, size >= kHugePage ? kHugePage : page);
  void* p = mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return Status::Error("out_of_memory", "index of " + std::to_string(size) + " bytes");
  // Lookups are random accesses over the whole block: huge pages save most TLB misses.
  if (len >= kHugePage) madvise(p, len, MADV_HUGEPAGE);
  b.base_ = p;
  b.size_ = size;
  b.mapped_ = len;
  return b;
}

Result<IndexBytes> IndexBytes::MapFile(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return StatusFromErrno(errno, "open " + path);
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    const int err = errno;
    close(fd);
    return StatusFromErrno(err, "fstat " + path);
  }
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    return Status::Error("index_corrupt", path + " is not a regular file");
  }
  if (static_cast<uint64_t>(st.st_size) < kHeaderBytes) {
    close(fd);
    return Status::Error("index_truncated", path + " is shorter than an index header");
  }
  IndexBytes b;
  const size_t size = static_cast<size_t>(st.st_size);
  void* p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  const int err = errno;
  close(fd);  // the mapping keeps the file open
  if (p == MAP_FAILED) return StatusFromErrno(err, "mmap " + path);
  b.base_ = p;
  b.size_ = size;
  b.mapped_ = size;
  return b;
}

Result<IndexBytes> IndexBytes::CopyOf(std::span<const uint8_t> bytes) {
  Result<IndexBytes> b = Allocate(bytes.size());
  if (b.ok() && !bytes.empty()) std::memcpy(b->mutable_data(), bytes.data(), bytes.size());
  return b;
}

IndexHeader IndexBytes::header() const {
  IndexHeader h{};
  if (size_ >= kHeaderBytes) std::memcpy(&h, base_, kHeaderBytes);
  return h;
}

uint64_t Layout::Add(uint64_t count, uint64_t unit, uint64_t pad) {
  uint64_t bytes = 0, end = 0;
  const uint64_t start = RoundUp(end_, 64);
  if (__builtin_mul_overflow(count, unit, &bytes) || __builtin_add_overflow(bytes, pad, &bytes) ||
      __builtin_add_overflow(start, bytes, &end) || end > (uint64_t{1} << 62)) {
    overflow_ = true;
    return 0;
  }
  end_ = end;
  return start;
}

uint64_t Fnv1a64(std::span<const uint8_t> bytes) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (uint8_t b : bytes) h = (h ^ b) * 0x100000001b3ull;
  return h;
}

void SealHeader(IndexBytes& bytes, const char (&magic)[9], uint32_t version,
                const std::array<uint64_t, 8>& params) {
  IndexHeader h{};
  std::memcpy(h.magic, magic, sizeof h.magic);
  h.version = version;
  h.header_bytes = kHeaderBytes;
  h.file_bytes = bytes.size();
  for (size_t i = 0; i < params.size(); ++i) h.params[i] = params[i];
  const auto body = Sha256Of(bytes.bytes().subspan(kHeaderBytes));
  std::memcpy(h.body_sha256, body.data(), body.size());
  h.checksum = Fnv1a64(HeaderBytesBeforeChecksum(h));
  std::memcpy(bytes.mutable_data(), &h, sizeof h);
}

Status CheckHeader(std::span<const uint8_t> bytes, const char (&magic)[9], uint32_t version,
                   IndexHeader* header) {
  if (bytes.size() < kHeaderBytes) return Status::Error("index_truncated", "shorter than a header");
  IndexHeader h;
  std::memcpy(&h, bytes.data(), sizeof h);
  if (std::memcmp(h.magic, magic, sizeof h.magic) != 0) {
    return Status::Error("index_not_recognised", std::string("expected magic ") + magic);
  }
  if (h.version != version) {
    return Status::Error("index_version_unsupported", "version " + std::to_string(h.version));
  }
  if (h.checksum != Fnv1a64(HeaderBytesBeforeChecksum(h))) {
    return Status::Error("index_corrupt", "header checksum mismatch");
  }
  if (h.header_bytes != kHeaderBytes || h.file_bytes != bytes.size()) {
    return Status::Error(h.file_bytes > bytes.size() ? "index_truncated" : "index_corrupt",
                         "size " + std::to_string(bytes.size()) + ", header says " +
                             std::to_string(h.file_bytes));
  }
  *header = h;
  return Status::Ok();
}

Status VerifyBody(std::span<const uint8_t> bytes) {
  if (bytes.size() < kHeaderBytes) return Status::Error("index_truncated", "shorter than a header");
  IndexHeader h;
  std::memcpy(&h, bytes.data(), sizeof h);
  const auto body = Sha256Of(bytes.subspan(kHeaderBytes));
  if (std::memcmp(body.data(), h.body_sha256, body.size()) != 0) {
    return Status::Error("index_checksum_mismatch", "body SHA-256 differs from the header");
  }
  return Status::Ok();
}

Status WriteFileAtomic(const std::string& path, std::span<const uint8_t> bytes) {
  std::string tmp = path + ".tmp-XXXXXX";
  const int fd = mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0) return StatusFromErrno(errno, "create " + tmp);
  auto fail = [&](const char* what) {
    const int err = errno;
    close(fd);
    unlink(tmp.c_str());
    return StatusFromErrno(err, std::string(what) + " " + tmp);
  };
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + done, std::min<size_t>(bytes.size() - done, 1u << 30));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return fail("write");
    }
    done += static_cast<size_t>(n);
  }
  if (fsync(fd) != 0) return fail("fsync");
  if (close(fd) != 0) {
    const int err = errno;
    unlink(tmp.c_str());
    return StatusFromErrno(err, "close " + tmp);
  }
  if (rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    unlink(tmp.c_str());
    return StatusFromErrno(err, "rename to " + path);
  }
  return Status::Ok();
}

}  // namespace ngb::hashset
