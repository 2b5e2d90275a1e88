#include "core/progress.h"

#include <cstdio>
#include <string>

#include "core/time_util.h"

namespace ngb {

ProgressDisplay::ProgressDisplay(const ProgressCounters& counters, bool enabled)
    : c_(counters), enabled_(enabled), start_(MonotonicSeconds()) {
  if (enabled_) thread_ = std::thread([this] { Run(); });
}

ProgressDisplay::~ProgressDisplay() { Stop(); }

void ProgressDisplay::Stop() {
  {
    std::lock_guard lock(mu_);
    if (stop_) return;
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
    fputs("\r\033[K", stderr);
    fflush(stderr);
  }
}

void ProgressDisplay::Run() {
  std::unique_lock lock(mu_);
  while (!cv_.wait_for(lock, std::chrono::milliseconds(250), [&] { return stop_; })) {
    Draw(false);
  }
}

void ProgressDisplay::Draw(bool /*final*/) {
  const double elapsed = std::max(1e-3, MonotonicSeconds() - start_);
  const int64_t units = c_.units_done.load();
  const int64_t bytes = c_.bytes_done.load();
  const int64_t found = c_.items_found.load();
  const int64_t total_bytes = c_.bytes_found.load();
  const bool walked = c_.walk_done.load();
  const double rate = static_cast<double>(bytes) / elapsed;
  std::string line = "\r\033[K";
  line += std::to_string(units) + "/" + std::to_string(found) + (walked ? "" : "+") + " entries  ";
  line += FormatBytes(static_cast<double>(bytes)) + "/" + FormatBytes(static_cast<double>(total_bytes));
  line += "  " + FormatBytes(rate) + "/s";
  if (walked && rate > 0 && total_bytes >= bytes) {
    line += "  ETA " + FormatDuration(static_cast<double>(total_bytes - bytes) / rate);
  } else if (!walked) {
    line += "  (still finding files)";
  }
  const int64_t errors = c_.errors.load();
  if (errors) line += "  " + std::to_string(errors) + " errors";
  line += "  " + std::to_string(c_.items_done.load()) + " items";
  fputs(line.c_str(), stderr);
  fflush(stderr);
}

}  // namespace ngb
