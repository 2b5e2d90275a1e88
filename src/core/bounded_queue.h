// BoundedQueue: a blocking multi-producer, multi-consumer FIFO with a capacity. Producers block
// when it is full (back-pressure), consumers block when it is empty until Close().
#pragma once
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace ngb {

// A FIFO in a circular array that only ever grows: after warm-up, pushing and popping allocate
// nothing (a std::deque of large records allocates a node per record). T must be default-
// constructible and movable; popped slots are left moved-from until reused.
template <typename T>
class Ring {
 public:
  bool empty() const { return count_ == 0; }
  size_t size() const { return count_; }
  void push_back(T&& v) {
    if (count_ == slots_.size()) Grow();
    slots_[(head_ + count_) % slots_.size()] = std::move(v);
    ++count_;
  }
  T& front() { return slots_[head_]; }
  void pop_front() {
    head_ = (head_ + 1) % slots_.size();
    --count_;
  }

 private:
  void Grow() {
    std::vector<T> bigger(slots_.empty() ? 64 : 2 * slots_.size());
    for (size_t i = 0; i < count_; ++i) bigger[i] = std::move(slots_[(head_ + i) % slots_.size()]);
    slots_ = std::move(bigger);
    head_ = 0;
  }
  std::vector<T> slots_;
  size_t head_ = 0, count_ = 0;
};

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}

  // Blocks while full. Returns false (dropping the value) if the queue was closed.
  bool Push(T value) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return closed_ || q_.size() < capacity_; });
    if (closed_) return false;
    q_.push_back(std::move(value));
    not_empty_.notify_one();
    return true;
  }

  // Appends all of `values` (the queue may exceed its capacity by less than one batch), blocking
  // while it is full. Returns false if the queue was closed. `values` is left empty.
  bool PushBatch(std::vector<T>& values) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return closed_ || q_.size() < capacity_; });
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
    not_full_.notify_one();
    return v;
  }

  // Moves up to `max` items into `out` (blocking for the first one). Returns false once closed
  // and drained.
  bool PopBatch(std::vector<T>& out, size_t max) {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return closed_ || !q_.empty(); });
    if (q_.empty()) return false;
    while (!q_.empty() && out.size() < max) {
      out.push_back(std::move(q_.front()));
      q_.pop_front();
    }
    not_full_.notify_all();
    return true;
  }

  // Moves up to `max` items into `out` without waiting.
  void TryPopBatch(std::vector<T>& out, size_t max) {
    std::lock_guard lock(mu_);
    if (q_.empty()) return;
    while (!q_.empty() && out.size() < max) {
      out.push_back(std::move(q_.front()));
      q_.pop_front();
    }
    not_full_.notify_all();
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
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  Ring<T> q_;            // GUARDED_BY(mu_)
  bool closed_ = false;  // GUARDED_BY(mu_)
};

}  // namespace ngb
