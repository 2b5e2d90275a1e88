// Login rate limiting: failures are counted per key (the server uses "user:NAME" and
// "addr:ADDRESS") in a fixed window; once a key reaches the limit, further attempts are refused
// until its window ends — even with the right password. Memory is bounded (at most max_keys keys;
// when full, expired keys are dropped, then the oldest). Thread-safe.
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace ngb::review {

struct LoginLimits {
  int max_failures = 5;       // per key and window
  int64_t window_s = 15 * 60;
  size_t max_keys = 100'000;
};

class LoginLimiter {
 public:
  explicit LoginLimiter(LoginLimits limits = {}) : limits_(limits) {}
  // Seconds until `key` may try again (0: allowed now).
  int64_t RetryAfter(const std::string& key, int64_t now);
  void RecordFailure(const std::string& key, int64_t now);
  // A successful login clears the key's failures.
  void RecordSuccess(const std::string& key);

 private:
  struct Window {
    int64_t start = 0;
    int failures = 0;
  };
  LoginLimits limits_;
  std::mutex mu_;
  std::map<std::string, Window> windows_;
};

}  // namespace ngb::review
