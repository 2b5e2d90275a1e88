// Status and Result<T>: errors as values at every boundary (no exceptions cross the library API).
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace ngb {

// A Status is ok() or carries a short machine-readable reason code (snake_case, stable: it is
// written to the case store and exports) plus a human-readable detail message.
class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string reason, std::string detail = {}) {
    return Status(std::move(reason), std::move(detail));
  }
  bool ok() const { return reason_.empty(); }
  const std::string& reason() const { return reason_; }
  const std::string& detail() const { return detail_; }
  // "reason: detail" or "reason", for messages to people.
  std::string ToString() const {
    if (ok()) return "ok";
    return detail_.empty() ? reason_ : reason_ + ": " + detail_;
  }

 private:
  Status(std::string reason, std::string detail)
      : reason_(std::move(reason)), detail_(std::move(detail)) {}
  std::string reason_;
  std::string detail_;
};

// Result<T> holds either a value or a non-ok Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}             // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}      // NOLINT: implicit by design
  bool ok() const { return std::holds_alternative<T>(v_); }
  // REQUIRES: ok()
  T& value() { return std::get<T>(v_); }
  const T& value() const { return std::get<T>(v_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  // Returns the error, or Status::Ok() when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

// Maps an errno value to a stable reason code ("permission_denied", "vanished", "io_error", ...).
std::string ReasonFromErrno(int err);
Status StatusFromErrno(int err, const std::string& what);

}  // namespace ngb
