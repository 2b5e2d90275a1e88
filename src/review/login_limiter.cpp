#include "review/login_limiter.h"

namespace ngb::review {

int64_t LoginLimiter::RetryAfter(const std::string& key, int64_t now) {
  std::lock_guard lock(mu_);
  auto it = windows_.find(key);
  if (it == windows_.end()) return 0;
  const int64_t end = it->second.start + limits_.window_s;
  if (now >= end) {
    windows_.erase(it);
    return 0;
  }
  return it->second.failures >= limits_.max_failures ? end - now : 0;
}

void LoginLimiter::RecordFailure(const std::string& key, int64_t now) {
  std::lock_guard lock(mu_);
  auto it = windows_.find(key);
  if (it != windows_.end() && now >= it->second.start + limits_.window_s) {
    windows_.erase(it);
    it = windows_.end();
  }
  if (it == windows_.end()) {
    if (windows_.size() >= limits_.max_keys) {
      for (auto w = windows_.begin(); w != windows_.end();) {
        w = now >= w->second.start + limits_.window_s ? windows_.erase(w) : std::next(w);
      }
      while (windows_.size() >= limits_.max_keys) {
        auto oldest = windows_.begin();
        for (auto w = windows_.begin(); w != windows_.end(); ++w) {
          if (w->second.start < oldest->second.start) oldest = w;
        }
        windows_.erase(oldest);
      }
    }
    it = windows_.emplace(key, Window{now, 0}).first;
  }
  ++it->second.failures;
}

void LoginLimiter::RecordSuccess(const std::string& key) {
  std::lock_guard lock(mu_);
  windows_.erase(key);
}

}  // namespace ngb::review
