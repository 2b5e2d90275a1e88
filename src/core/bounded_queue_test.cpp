#include "core/bounded_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>

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

TEST(BoundedQueue, BatchEndsAfterTheItemItsPredicateMarksLast) {
  BoundedQueue<int> q(16);
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(q.Push(i));
  std::vector<int> batch;
  int odd = 0;  // a stateful predicate: the batch ends at the second odd number
  ASSERT_TRUE(q.PopBatch(batch, 8, [&](int v) { return v % 2 == 1 && ++odd == 2; }));
  EXPECT_EQ(batch, (std::vector<int>{0, 1, 2, 3}));
  batch.clear();
  q.TryPopBatch(batch, 3, [](int v) { return v == 9; });  // `max` still applies
  EXPECT_EQ(batch, (std::vector<int>{4, 5, 6}));
  batch.clear();
  q.TryPopBatch(batch, 8, [](int v) { return v == 8; });
  EXPECT_EQ(batch, (std::vector<int>{7, 8}));
  batch.clear();
  q.Close();
  ASSERT_TRUE(q.PopBatch(batch, 8, [](int) { return true; }));
  EXPECT_EQ(batch, (std::vector<int>{9}));
  batch.clear();
  EXPECT_FALSE(q.PopBatch(batch, 8, [](int) { return false; }));
}

TEST(BoundedQueue, BatchWaitsForRoomForAllOfIt) {
  BoundedQueue<int> q(10);
  std::vector<int> batch = {1, 2, 3, 4};
  ASSERT_TRUE(q.PushBatch(batch));
  batch = {5, 6, 7, 8};
  ASSERT_TRUE(q.PushBatch(batch));
  std::atomic<bool> pushed{false};
  std::thread producer([&] {
    std::vector<int> third = {9, 10, 11, 12};
    EXPECT_TRUE(q.PushBatch(third));
    pushed = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(pushed.load());  // 8 + 4 > 10: it waits (a wrong push would have landed by now)
  std::vector<int> got;
  q.TryPopBatch(got, 2);
  producer.join();
  EXPECT_TRUE(pushed.load());
  q.Close();
  while (q.PopBatch(got, 100)) {
  }
  ASSERT_EQ(got.size(), 12u);
  for (int i = 0; i < 12; ++i) EXPECT_EQ(got[static_cast<size_t>(i)], i + 1);
}

TEST(BoundedQueue, WaitFullForReturnsOnceFullOrClosed) {
  BoundedQueue<int> q(3);
  EXPECT_FALSE(q.WaitFullFor(std::chrono::milliseconds(1)));  // empty: times out
  std::thread producer([&] {
    for (int i = 0; i < 3; ++i) q.Push(i);
  });
  EXPECT_TRUE(q.WaitFullFor(std::chrono::seconds(60)));  // woken by the push that fills it
  producer.join();
  std::vector<int> got;
  q.TryPopBatch(got, 1);
  EXPECT_FALSE(q.WaitFullFor(std::chrono::milliseconds(1)));
  q.Close();
  EXPECT_TRUE(q.WaitFullFor(std::chrono::seconds(60)));
}

TEST(BoundedQueue, FullQueueWakesItsProducerOnlyBelowTheResumeMark) {
  BoundedQueue<int> q(8, 4);
  for (int i = 0; i < 8; ++i) ASSERT_TRUE(q.Push(i));
  std::atomic<bool> pushed{false};
  std::thread producer([&] {
    std::vector<int> more{8, 9};
    EXPECT_TRUE(q.PushBatch(more));
    pushed = true;
  });
  // Let it block on the full queue (a producer that finds room never waits, mark or not).
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::vector<int> got;
  q.TryPopBatch(got, 4);  // 4 left: not below the mark
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(pushed.load());
  q.TryPopBatch(got, 5);  // one more (`got` holds 5): 3 left, the producer goes on
  producer.join();
  EXPECT_TRUE(pushed.load());
  while (q.TryPopBatch(got, 100), got.size() < 10) {
  }
  for (int i = 0; i < 10; ++i) EXPECT_EQ(got[static_cast<size_t>(i)], i);
}

TEST(BoundedQueue, ResumeMarkNeverStrandsProducersOrConsumers) {
  BoundedQueue<int> q(16, 4);
  constexpr int kPerProducer = 20000;
  std::vector<std::thread> producers;
  for (int p = 0; p < 3; ++p) {
    producers.emplace_back([&] {
      std::vector<int> batch;
      for (int i = 0; i < kPerProducer; ++i) {
        batch.push_back(i);
        if (batch.size() == 7) {
          ASSERT_TRUE(q.PushBatch(batch));
        }
      }
      if (!batch.empty()) {
        ASSERT_TRUE(q.PushBatch(batch));
      }
    });
  }
  std::atomic<int64_t> total{0};
  std::vector<std::thread> consumers;
  for (int c = 0; c < 2; ++c) {
    consumers.emplace_back([&] {
      std::vector<int> got;
      while (q.PopBatch(got, 3)) {
        total += static_cast<int64_t>(got.size());
        got.clear();
      }
    });
  }
  for (auto& t : producers) t.join();
  q.Close();
  for (auto& t : consumers) t.join();
  EXPECT_EQ(total.load(), 3 * kPerProducer);
}

}  // namespace
}  // namespace ngb
