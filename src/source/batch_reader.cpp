#include "source/batch_reader.h"

#include <fcntl.h>
#include <liburing.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>

namespace ngb::source {

struct BatchReader::Ring {
  io_uring ring{};
  ~Ring() { io_uring_queue_exit(&ring); }
};

namespace {
// user_data tags: which request, and which step.
constexpr uint64_t kOpen = 0, kRead = 1, kTimeout = 2;
uint64_t Tag(size_t index, uint64_t step) { return index << 2 | step; }
}  // namespace

std::unique_ptr<BatchReader> BatchReader::Create(int read_timeout_ms) {
  if (std::getenv("NGB_NO_IO_URING") != nullptr) return nullptr;
  auto ring = std::make_unique<Ring>();
  if (io_uring_queue_init(3 * kMaxBatch, &ring->ring, 0) < 0) return nullptr;
  if (io_uring_register_files_sparse(&ring->ring, kMaxBatch) < 0) return nullptr;
  std::unique_ptr<BatchReader> r(new BatchReader());
  r->ring_ = std::move(ring);
  r->timeout_ms_ = read_timeout_ms;
  return r;
}

BatchReader::~BatchReader() = default;

void BatchReader::Read(std::span<BatchReadRequest> requests) {
  io_uring* ring = &ring_->ring;
  const size_t n = std::min<size_t>(requests.size(), kMaxBatch);
  if (broken_) {
    for (size_t i = 0; i < n; ++i) requests[i].result = -ECANCELED;
    return;
  }
  // A read that has not finished in time is abandoned (a regular file swapped for a FIFO with a
  // silent writer would block forever); the caller retries it the ordinary way.
  __kernel_timespec timeout{.tv_sec = timeout_ms_ / 1000, .tv_nsec = timeout_ms_ % 1000 * 1'000'000};
  for (size_t i = 0; i < n; ++i) {
    BatchReadRequest& r = requests[i];
    r.result = -ECANCELED;
    const unsigned slot = static_cast<unsigned>(i);
    // open -> read (linked: it needs the descriptor) -> timeout on the read. No close: the next
    // open into the same slot replaces the file, and the ring's table is released with the ring.
    io_uring_sqe* sqe = io_uring_get_sqe(ring);
    io_uring_prep_openat_direct(sqe, r.dir_fd, r.name, O_RDONLY | O_NOATIME | O_NOFOLLOW | O_NONBLOCK,
                                0, slot);
    sqe->flags |= IOSQE_IO_LINK;
    sqe->user_data = Tag(i, kOpen);
    sqe = io_uring_get_sqe(ring);
    io_uring_prep_read(sqe, static_cast<int>(slot), r.buf, static_cast<unsigned>(r.cap), 0);
    sqe->flags |= IOSQE_FIXED_FILE | IOSQE_IO_LINK;
    sqe->user_data = Tag(i, kRead);
    sqe = io_uring_get_sqe(ring);
    io_uring_prep_link_timeout(sqe, &timeout, 0);
    sqe->user_data = Tag(i, kTimeout);
  }
  const int submitted = io_uring_submit_and_wait(ring, static_cast<unsigned>(3 * n));
  if (submitted < 0) {
    for (size_t i = 0; i < n; ++i) requests[i].result = submitted;
    broken_ = true;  // what was queued is still in the ring
    return;
  }
  // Waiting for requests that were never submitted would hang. Those keep -ECANCELED (the caller
  // reads them the ordinary way); they stay queued in the ring, where a later submit would
  // complete them into this batch's buffers, so the ring is not used again.
  if (static_cast<size_t>(submitted) < 3 * n) broken_ = true;
  size_t pending = static_cast<size_t>(submitted);
  std::array<int64_t, kMaxBatch> open_result{};
  while (pending > 0) {
    io_uring_cqe* cqe = nullptr;
    int rc = io_uring_wait_cqe(ring, &cqe);
    if (rc == -EINTR) continue;
    if (rc < 0) break;
    const size_t index = cqe->user_data >> 2;
    const uint64_t step = cqe->user_data & 3;
    if (index < n) {
      if (step == kOpen && cqe->res < 0) open_result[index] = cqe->res;
      if (step == kRead) requests[index].result = cqe->res;
    }
    io_uring_cqe_seen(ring, cqe);
    --pending;
  }
  // A failed open cancels the read: report why the open failed.
  for (size_t i = 0; i < n; ++i) {
    if (open_result[i] < 0) requests[i].result = open_result[i];
  }
}

}  // namespace ngb::source
