// `nigehbaan serve`: the review HTTP(S) API over one case (cpp-httplib). JSON routes under /api/,
// described by docs/openapi.json (served at /api/openapi.json), plus the review UI (/ and
// /assets/*, embedded from data/web: docs/review.md).
//
// Security model: loopback by default; TLS when given a certificate and key. Every route but
// POST /api/login, GET /api/openapi.json and GET / needs a session cookie (HttpOnly,
// SameSite=Strict, Secure under TLS) -> 401 without; state-changing routes also need the
// session's CSRF token in an X-CSRF-Token header -> 403 without; JSON bodies must be sent as
// application/json -> 415; bodies are capped (413). Logins are rate limited per user name and per
// client address (429 with Retry-After). Roles are enforced by src/review (403). No request value is
// ever used as a file path or as SQL text. Handlers never throw out (a bug answers 500). Requests
// whose Host header names anything but this server are refused (421) before anything else.
// Responses carry a strict CSP (no inline script, nothing from elsewhere, no framing).
//
// Thread-safety: requests run on cpp-httplib's thread pool; the case connection is used under one
// mutex, password hashing under another (each verification takes tens of MiB).
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "review/login_limiter.h"
#include "review/sessions.h"
#include "store/case_store.h"

namespace ngb::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                  // 0: any free port (Bind() returns it)
  std::string cert_file, key_file;  // both set: HTTPS (PEM files)
  review::SessionPolicy sessions;
  review::LoginLimits login_limits;
  size_t max_body_bytes = 64 * 1024;
  std::string actor_note;           // recorded with serve_start (e.g. the command line)
  // Names besides IP literals and "localhost" accepted in the Host header (DNS-rebinding guard:
  // serve/host_check.h). `host` is added when it is a name.
  std::vector<std::string> host_names;
};

// Every (METHOD, OpenAPI path template) the server registers, sorted.
std::vector<std::pair<std::string, std::string>> RegisteredRoutes();

class ReviewServer {
 public:
  // Takes over the opened case. Errors: "tls_setup_failed" (certificate or key unreadable),
  // "bad_options" (only one of cert/key).
  static Result<std::unique_ptr<ReviewServer>> Create(store::CaseStore store, const ServeOptions& options);
  ~ReviewServer();
  ReviewServer(const ReviewServer&) = delete;
  ReviewServer& operator=(const ReviewServer&) = delete;

  // Binds the listening socket; returns the port. "bind_failed" when it cannot.
  Result<int> Bind();
  // Serves until Stop() (from another thread or a signal handler's thread). REQUIRES: Bind() ok.
  Status Run();
  void Stop();
  bool tls() const;

  struct State;  // shared with the route handlers (routes.cpp)

 private:
  explicit ReviewServer(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace ngb::serve
