// Internals shared by server.cpp (dispatch, authentication) and routes.cpp (handlers). Not a
// public API.
#pragma once
#include <httplib.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "review/login_limiter.h"
#include "review/near_groups.h"
#include "review/thumb_cache.h"
#include "store/audit_log.h"
#include "review/queue.h"
#include "review/sessions.h"
#include "serve/server.h"
#include "store/case_store.h"

namespace ngb::serve {

struct ReviewServer::State {
  State(store::CaseStore cs, ServeOptions o) : store(std::move(cs)), options(std::move(o)), limiter(options.login_limits) {}
  store::CaseStore store;
  ServeOptions options;
  std::mutex db_mu;    // guards store and queue
  review::ReviewQueue queue;
  review::NearGroups groups;          // guarded by db_mu
  store::AuditCheck audit_checked;    // guarded by db_mu: the verified prefix of the audit chain
  std::unique_ptr<review::ThumbCache> thumbs;  // CASE_DIR/thumbs.db (own lock); null if it cannot open
  std::mutex thumb_gen_mu;            // one thumbnail decoded at a time: memory stays bounded
  int port = 0;                       // bound port (Host header check)
  std::mutex hash_mu;  // one password verification at a time (bounded memory)
  review::LoginLimiter limiter;
  std::unique_ptr<httplib::Server> http;
  bool tls = false;
};

using State = ReviewServer::State;

// Who may call a route.
enum class Access {
  kPublic,   // no session needed
  kRead,     // any session
  kWrite,    // any session + CSRF token
  kSupervisorRead,
};

struct Call {
  const httplib::Request& req;
  ReviewServer::State& state;
  std::optional<review::Session> session;  // set for every non-public route
  int64_t id = 0;                          // the {id} path parameter, when the route has one
  std::string client;                      // remote address
};

struct Reply {
  int status = 200;
  nlohmann::json body;              // sent as JSON unless raw is set
  std::string raw, raw_type;        // a non-JSON body (the login page, the OpenAPI document)
  std::string set_cookie;
  std::vector<std::pair<std::string, std::string>> headers;  // extra response headers
  int64_t retry_after = 0;
};

struct Route {
  const char* method;    // GET or POST
  const char* path;      // OpenAPI template, e.g. /api/items/{id}
  const char* pattern;   // cpp-httplib regex
  Access access;
  std::function<Reply(Call&)> handler;
};

std::span<const Route> Routes();

// A JSON error reply {"error": reason, "detail": detail}.
Reply ErrorReply(int status, const std::string& reason, const std::string& detail = {});
// Maps review-layer reasons to HTTP codes (forbidden 403, no_such_* 404, bad_* 400, else 500).
Reply StatusReply(const Status& s);
int64_t NowSeconds();
// The session cookie header for `token` ("" and Max-Age=0 clears it).
std::string SessionCookie(const std::string& token, bool secure);

}  // namespace ngb::serve
