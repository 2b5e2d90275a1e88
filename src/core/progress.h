// Progress: counters updated by the pipeline, drawn as one status line on a terminal (stderr)
// a few times a second, and silent when stderr is not a terminal or --quiet is given.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace ngb {

struct ProgressCounters {
  std::atomic<int64_t> items_found{0};   // top-level units the walker has found
  std::atomic<int64_t> bytes_found{0};   // their sizes
  std::atomic<bool> walk_done{false};    // totals above are final
  std::atomic<int64_t> items_done{0};    // records written, all depths
  std::atomic<int64_t> units_done{0};    // top-level units finished
  std::atomic<int64_t> bytes_done{0};    // top-level bytes read
  std::atomic<int64_t> errors{0};
};

class ProgressDisplay {
 public:
  // Starts drawing when `enabled` (the caller decides: terminal and not --quiet).
  ProgressDisplay(const ProgressCounters& counters, bool enabled);
  ~ProgressDisplay();
  // Stops drawing and clears the line.
  void Stop();

 private:
  void Run();
  void Draw(bool final);
  const ProgressCounters& c_;
  bool enabled_;
  double start_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace ngb
