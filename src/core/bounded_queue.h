// BoundedQueue: a blocking multi-producer, multi-consumer FIFO with a capacity. Producers block
// when it is full (back-pressure), consumers block when it is empty until Close().
#pragma once
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <utility>
#include <vector>

namespace ngb {

// A FIFO in a circular array that only ever grows: after warm-up, pushing and popping allocate
// nothing (a std::deque of large records allocates a node per record). Slots are raw storage: an
// element is constructed when pushed and destroyed when popped, so growing moves only the live
// elements (never default-constructs a whole array of large records). T must be movable.
template <typename T>
class Ring {
 public:
  Ring() = default;
  Ring(const Ring&) = delete;
  Ring& operator=(const Ring&) = delete;
  ~Ring() {
    while (count_ > 0) pop_front();
    std::allocator<T>().deallocate(slots_, cap_);
  }
  bool empty() const { return count_ == 0; }
  size_t size() const { return count_; }
  // Room for n elements without growing. Untouched slots cost address space only.
  void reserve(size_t n) {
    if (n > cap_) Grow(n);
  }
  void push_back(T&& v) {
    if (count_ == cap_) Grow(cap_ == 0 ? 64 : 2 * cap_);
    ::new (static_cast<void*>(slots_ + (head_ + count_) % cap_)) T(std::move(v));
    ++count_;
  }
  T& front() { return slots_[head_]; }
  void pop_front() {
    slots_[head_].~T();
    head_ = (head_ + 1) % cap_;
    --count_;
  }

 private:
  void Grow(size_t bigger) {
    T* fresh = std::allocator<T>().allocate(bigger);
    for (size_t i = 0; i < count_; ++i) {
      T& old = slots_[(head_ + i) % cap_];
      ::new (static_cast<void*>(fresh + i)) T(std::move(old));
      old.~T();
    }
    std::allocator<T>().deallocate(slots_, cap_);
    slots_ = fresh;
    cap_ = bigger;
    head_ = 0;
  }
  T* slots_ = nullptr;
  size_t cap_ = 0, head_ = 0, count_ = 0;
};

template <typename T>
class BoundedQueue {
 public:
  // The ring is reserved for `capacity` up front: a queue that fills up is never copied into a
  // bigger one (pages touched for nothing), and a batch waits for room for all of it.
  explicit BoundedQueue(size_t capacity) : capacity_(capacity), resume_below_(capacity) { q_.reserve(capacity); }
  // Producers blocked on a full queue are woken only once it has drained below `resume_below`
  // (< capacity): a fast producer then refills it in one go instead of being woken for every
  // item a consumer takes (each wake is a futex call and two context switches).
  BoundedQueue(size_t capacity, size_t resume_below)
      : capacity_(capacity), resume_below_(std::min(resume_below, capacity)) {
    q_.reserve(capacity);
  }

  // Blocks while full. Returns false (dropping the value) if the queue was closed.
  bool Push(T value) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return closed_ || q_.size() < capacity_; });
    if (closed_) return false;
    q_.push_back(std::move(value));
    not_empty_.notify_one();
    return true;
  }

  // Appends all of `values`, blocking until there is room for all of them (a batch larger than
  // the capacity waits for an empty queue). Returns false if the queue was closed. `values` is
  // left empty.
  bool PushBatch(std::vector<T>& values) {
    std::unique_lock lock(mu_);
    const size_t room_below = capacity_ > values.size() ? capacity_ - values.size() + 1 : 1;
    not_full_.wait(lock, [&] { return closed_ || q_.size() < room_below; });
    if (closed_) return false;
    for (T& v : values) q_.push_back(std::move(v));
    values.clear();
    not_empty_.notify_all();
    return true;
  }

  // Blocks while empty and open. Returns nullopt once closed and drained.
  std::optional<T> Pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return closed_ || !q_.empty(); });
    if (q_.empty()) return std::nullopt;
    T v = std::move(q_.front());
    q_.pop_front();
    if (q_.size() < resume_below_) not_full_.notify_one();
    return v;
  }

  // Moves up to `max` items into `out` (blocking for the first one), stopping after the first
  // item for which `last(item)` is true. Returns false once closed and drained.
  template <typename Last>
  bool PopBatch(std::vector<T>& out, size_t max, Last&& last) {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return closed_ || !q_.empty(); });
    if (q_.empty()) return false;
    MoveOut(out, max, last);
    return true;
  }
  bool PopBatch(std::vector<T>& out, size_t max) { return PopBatch(out, max, [](const T&) { return false; }); }

  // The same without waiting.
  template <typename Last>
  void TryPopBatch(std::vector<T>& out, size_t max, Last&& last) {
    std::lock_guard lock(mu_);
    if (!q_.empty()) MoveOut(out, max, last);
  }
  void TryPopBatch(std::vector<T>& out, size_t max) { TryPopBatch(out, max, [](const T&) { return false; }); }

  // Waits up to `timeout` until the queue is full or closed, and says whether it is. For a single
  // consumer gathering a batch: Push() wakes one waiter, which a Pop() in another thread could miss.
  template <typename Rep, typename Period>
  bool WaitFullFor(std::chrono::duration<Rep, Period> timeout) {
    std::unique_lock lock(mu_);
    return not_empty_.wait_for(lock, timeout, [&] { return closed_ || q_.size() >= capacity_; });
  }

  // True once closed and empty.
  bool drained() {
    std::lock_guard lock(mu_);
    return closed_ && q_.empty();
  }

  bool closed() {
    std::lock_guard lock(mu_);
    return closed_;
  }

  // No more pushes; consumers drain what is left.
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  template <typename Last>
  void MoveOut(std::vector<T>& out, size_t max, Last& last) {  // REQUIRES(mu_)
    while (!q_.empty() && out.size() < max) {
      out.push_back(std::move(q_.front()));
      q_.pop_front();
      if (last(out.back())) break;
    }
    if (q_.size() < resume_below_) not_full_.notify_all();
  }

  const size_t capacity_;
  const size_t resume_below_;
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  Ring<T> q_;            // GUARDED_BY(mu_)
  bool closed_ = false;  // GUARDED_BY(mu_)
};

}  // namespace ngb
