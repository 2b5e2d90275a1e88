#include "core/bounded_queue.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace ngb {
namespace {

// Counts live instances, to check that the ring constructs and destroys exactly what it holds.
struct Counted {
  static inline int live = 0;
  std::string text;
  explicit Counted(std::string t) : text(std::move(t)) { ++live; }
  Counted(Counted&& o) noexcept : text(std::move(o.text)) { ++live; }
  Counted& operator=(Counted&&) = default;
  ~Counted() { --live; }
};

TEST(Ring, FifoAcrossWrapAndGrowth) {
  {
    Ring<Counted> r;
    int next_in = 0, next_out = 0;
    // Interleave pushes and pops so that the head wraps around before each growth.
    for (int round = 0; round < 40; ++round) {
      for (int k = 0; k < 3 + round * 7; ++k) r.push_back(Counted(std::to_string(next_in++)));
      for (int k = 0; k < 2 + round * 5 && !r.empty(); ++k) {
        ASSERT_EQ(r.front().text, std::to_string(next_out++));
        r.pop_front();
      }
      ASSERT_EQ(r.size(), static_cast<size_t>(next_in - next_out));
      ASSERT_EQ(Counted::live, next_in - next_out);
    }
  }
  EXPECT_EQ(Counted::live, 0);  // the destructor destroyed what was left
}

TEST(BoundedQueue, BatchesInOrderAndCloseDrains) {
  BoundedQueue<std::string> q(8);
  std::thread producer([&] {
    for (int i = 0; i < 1000; ++i) ASSERT_TRUE(q.Push(std::to_string(i)));
    q.Close();
  });
  std::vector<std::string> got, batch;
  while (q.PopBatch(batch, 5)) {
    for (auto& s : batch) got.push_back(std::move(s));
    batch.clear();
  }
  producer.join();
  ASSERT_EQ(got.size(), 1000u);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(got[static_cast<size_t>(i)], std::to_string(i));
  EXPECT_FALSE(q.Push("late"));  // closed: dropped
}

}  // namespace
}  // namespace ngb
