#include "source/batch_reader.h"

#include <fcntl.h>
#include <liburing.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <vector>

namespace ngb::source {

struct BatchReader::Ring {
  io_uring ring{};
  ~Ring() { io_uring_queue_exit(&ring); }
};

namespace {
// user_data tags: the slot's generation (bits 7 and up: a completion of an abandoned request
// can never be taken for a later request in the same slot), the slot (bits 2-6) and the step.
static_assert(BatchReader::kMaxBatch <= 32);
constexpr uint64_t kOpen = 0, kRead = 1, kCancel = 2;
uint64_t Tag(uint64_t gen, size_t slot, uint64_t step) { return gen << 7 | slot << 2 | step; }
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
  const size_t n = std::min<size_t>(requests.size(), kMaxBatch);
  std::vector<BatchReadRequest*> all;
  for (size_t i = 0; i < n; ++i) {
    requests[i].slot = static_cast<int>(i);
    all.push_back(&requests[i]);
  }
  Submit(all);
  std::vector<BatchReadRequest*> done;
  while (done.size() < n) {
    const size_t had = done.size();
    Reap(/*wait=*/true, done);
    if (done.size() == had) break;  // nothing in flight: cannot happen, but never spin
  }
}

void BatchReader::Submit(std::span<BatchReadRequest* const> requests) {
  io_uring* ring = &ring_->ring;
  // A request that has not finished by its deadline is cancelled in Reap() (a regular file
  // swapped for a FIFO with a silent writer would block forever); the caller retries it the
  // ordinary way. A deadline, not a linked timeout per read: that armed and cancelled a kernel
  // timer for every file and posted a third completion, ~1 % of a small-file scan's CPU.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms_);
  std::vector<BatchReadRequest*>& queued = queued_;
  queued.clear();
  for (BatchReadRequest* r : requests) {
    r->result = -ECANCELED;
    const bool free_slot = r->slot >= 0 && r->slot < kMaxBatch && request_[static_cast<size_t>(r->slot)] == nullptr;
    if (broken_ || !free_slot || io_uring_sq_space_left(ring) < kSqesPerRequest) {
      if (!free_slot) r->result = -EINVAL;
      ready_.push_back(r);
      continue;
    }
    const auto slot = static_cast<unsigned>(r->slot);
    const uint64_t gen = ++gen_[slot];
    // open -> read (linked: it needs the descriptor). No close: the next open into the same slot
    // replaces the file, and the ring's table is released with the ring.
    io_uring_sqe* sqe = io_uring_get_sqe(ring);
    io_uring_prep_openat_direct(sqe, r->dir_fd, r->name,
                                O_RDONLY | O_NOATIME | O_NOFOLLOW | (nonblocking_open_ ? O_NONBLOCK : 0), 0, slot);
    sqe->flags |= IOSQE_IO_LINK;
    sqe->user_data = Tag(gen, slot, kOpen);
    sqe = io_uring_get_sqe(ring);
    io_uring_prep_read(sqe, static_cast<int>(slot), r->buf, static_cast<unsigned>(r->cap), 0);
    sqe->flags |= IOSQE_FIXED_FILE;
    sqe->user_data = Tag(gen, slot, kRead);
    request_[slot] = r;
    outstanding_[slot] = kSqesPerRequest;
    open_result_[slot] = 0;
    deadline_[slot] = deadline;
    cancelled_[slot] = false;
    ++in_flight_;
    queued.push_back(r);
  }
  if (queued.empty()) return;
  // Files in the page cache are opened and read before this returns.
  const int submitted = io_uring_submit(ring);
  if (submitted >= 0 && static_cast<size_t>(submitted) == kSqesPerRequest * queued.size()) return;
  // A short or failed submit: what was not submitted stays queued in the ring, where a later
  // submit would complete it into buffers handed back by then, so the ring is not used again.
  // Requests submitted whole complete as usual; one cut short posts only what was submitted;
  // the others report -ECANCELED now (the caller reads them the ordinary way).
  broken_ = true;
  const size_t whole = submitted > 0 ? static_cast<size_t>(submitted) / kSqesPerRequest : 0;
  const int part = submitted > 0 ? submitted % kSqesPerRequest : 0;
  for (size_t k = whole; k < queued.size(); ++k) {
    const auto slot = static_cast<size_t>(queued[k]->slot);
    if (k == whole && part > 0) {
      outstanding_[slot] = part;
      continue;
    }
    if (submitted < 0) queued[k]->result = submitted;
    request_[slot] = nullptr;
    outstanding_[slot] = 0;
    --in_flight_;
    ready_.push_back(queued[k]);
  }
}

void BatchReader::Finish(size_t slot, std::vector<BatchReadRequest*>& done) {
  BatchReadRequest* r = request_[slot];
  // A failed open cancels the read: report why the open failed.
  if (open_result_[slot] < 0) r->result = open_result_[slot];
  request_[slot] = nullptr;
  --in_flight_;
  done.push_back(r);
}

std::optional<std::chrono::steady_clock::time_point> BatchReader::CancelOverdue() {
  // After a short submit the ring holds unsubmitted entries that any further submit would send
  // (Submit's comment), so a broken ring cancels nothing: what it still has in flight is waited
  // for. That takes a failed submit and then a read that blocks.
  if (in_flight_ == 0 || broken_) return std::nullopt;
  io_uring* ring = &ring_->ring;
  const auto now = std::chrono::steady_clock::now();
  std::optional<std::chrono::steady_clock::time_point> next;
  bool queued = false;
  for (size_t slot = 0; slot < kMaxBatch; ++slot) {
    if (request_[slot] == nullptr || cancelled_[slot]) continue;
    if (deadline_[slot] > now) {
      if (!next || deadline_[slot] < *next) next = deadline_[slot];
      continue;
    }
    if (io_uring_sq_space_left(ring) < 2) {  // cannot happen (Submit leaves room); try again later
      next = now;
      break;
    }
    // Cancel the open and the read: whichever is still pending ends with -ECANCELED (a cancelled
    // open takes its linked read with it); a step already finished is simply not found.
    for (uint64_t step : {kOpen, kRead}) {
      io_uring_sqe* sqe = io_uring_get_sqe(ring);
      io_uring_prep_cancel64(sqe, Tag(gen_[slot], slot, step), 0);
      sqe->user_data = Tag(gen_[slot], slot, kCancel);
    }
    cancelled_[slot] = true;
    queued = true;
  }
  if (queued) io_uring_submit(ring);
  return next;
}

void BatchReader::Reap(bool wait, std::vector<BatchReadRequest*>& done) {
  io_uring* ring = &ring_->ring;
  const size_t before = done.size();
  done.insert(done.end(), ready_.begin(), ready_.end());
  ready_.clear();
  auto handle = [&](io_uring_cqe* cqe) {
    const size_t slot = cqe->user_data >> 2 & (kMaxBatch - 1);
    const uint64_t step = cqe->user_data & 3;
    const uint64_t gen = cqe->user_data >> 7;
    // Cancellations' own completions, and anything of a request no longer in its slot, are
    // dropped.
    if ((step == kOpen || step == kRead) && request_[slot] != nullptr && gen == gen_[slot]) {
      if (step == kOpen && cqe->res < 0) open_result_[slot] = cqe->res;
      if (step == kRead) request_[slot]->result = cqe->res;
      if (--outstanding_[slot] == 0) Finish(slot, done);
    }
    io_uring_cqe_seen(ring, cqe);
  };
  io_uring_cqe* cqe = nullptr;
  while (io_uring_peek_cqe(ring, &cqe) == 0) handle(cqe);
  std::optional<std::chrono::steady_clock::time_point> next = CancelOverdue();
  while (wait && done.size() == before && in_flight_ > 0) {
    int rc;
    if (next) {
      // Wake up at the next deadline at the latest, to cancel what is overdue then.
      const auto left = std::max(std::chrono::nanoseconds(0), *next - std::chrono::steady_clock::now());
      __kernel_timespec ts{.tv_sec = static_cast<int64_t>(left.count() / 1'000'000'000),
                           .tv_nsec = static_cast<long long>(left.count() % 1'000'000'000)};
      rc = io_uring_wait_cqe_timeout(ring, &cqe, &ts);
      if (rc == -ETIME) {
        next = CancelOverdue();
        continue;
      }
    } else {
      rc = io_uring_wait_cqe(ring, &cqe);  // everything left is cancelled: its completions come
    }
    if (rc == -EINTR) continue;
    if (rc < 0) {
      // The ring itself failed: nothing in flight will be reported. Hand every request back
      // with the error and never use the ring again.
      broken_ = true;
      for (size_t slot = 0; slot < kMaxBatch; ++slot) {
        if (request_[slot] == nullptr) continue;
        request_[slot]->result = rc;
        open_result_[slot] = 0;
        Finish(slot, done);
      }
      break;
    }
    handle(cqe);
    while (io_uring_peek_cqe(ring, &cqe) == 0) handle(cqe);
    next = CancelOverdue();
  }
}

}  // namespace ngb::source
