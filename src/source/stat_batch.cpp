#include "source/stat_batch.h"

#include <fcntl.h>
#include <liburing.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>

namespace ngb::source {

struct StatBatch::Ring {
  io_uring ring{};
  ~Ring() { io_uring_queue_exit(&ring); }
};

std::unique_ptr<StatBatch> StatBatch::Create() {
  if (std::getenv("NGB_NO_IO_URING") != nullptr) return nullptr;
  auto ring = std::make_unique<Ring>();
  if (io_uring_queue_init(kMaxBatch, &ring->ring, 0) < 0) return nullptr;
  std::unique_ptr<StatBatch> b(new StatBatch());
  b->ring_ = std::move(ring);
  return b;
}

StatBatch::~StatBatch() = default;

void StatBatch::Stat(int dir_fd, std::span<const std::string> names, int flags, std::span<struct statx> out,
                     std::span<int> result) {
  io_uring* ring = &ring_->ring;
  const size_t n = std::min({names.size(), kMaxBatch, out.size(), result.size()});
  for (size_t i = 0; i < n; ++i) result[i] = -ECANCELED;
  if (broken_) return;
  for (size_t i = 0; i < n; ++i) {
    io_uring_sqe* sqe = io_uring_get_sqe(ring);
    io_uring_prep_statx(sqe, dir_fd, names[i].c_str(), flags | AT_STATX_SYNC_AS_STAT,
                        STATX_BASIC_STATS | STATX_BTIME, &out[i]);
    sqe->user_data = i;
  }
  const int submitted = io_uring_submit_and_wait(ring, static_cast<unsigned>(n));
  if (submitted < 0) {
    for (size_t i = 0; i < n; ++i) result[i] = submitted;
    broken_ = true;  // what was queued is still in the ring
    return;
  }
  // Requests not submitted keep -ECANCELED (the caller stats those one by one). They stay queued
  // in the ring, where a later submit would complete them into this batch's buffers: the ring is
  // not used again.
  if (static_cast<size_t>(submitted) < n) broken_ = true;
  size_t pending = static_cast<size_t>(submitted);
  while (pending > 0) {
    io_uring_cqe* cqe = nullptr;
    const int rc = io_uring_wait_cqe(ring, &cqe);
    if (rc == -EINTR) continue;
    if (rc < 0) break;
    if (cqe->user_data < n) result[cqe->user_data] = cqe->res;
    io_uring_cqe_seen(ring, cqe);
    --pending;
  }
}

}  // namespace ngb::source
