#include "serve/server.h"

#include <arpa/inet.h>
#include <sodium.h>
#include <sys/stat.h>

#include <algorithm>
#include <ctime>

#include "core/json_text.h"
#include "serve/host_check.h"
#include "serve/state.h"

namespace ngb::serve {
namespace {

using nlohmann::json;

constexpr const char* kCookieName = "ngb_session";

// The session token from the Cookie header(s), or "".
std::string CookieToken(const httplib::Request& req) {
  const std::string_view name = kCookieName;
  const size_t n = req.get_header_value_count("Cookie");
  for (size_t h = 0; h < n; ++h) {
    const std::string cookies = req.get_header_value("Cookie", h);
    std::string_view rest = cookies;
    while (!rest.empty()) {
      const size_t end = std::min(rest.find(';'), rest.size());
      std::string_view part = rest.substr(0, end);
      rest.remove_prefix(end == rest.size() ? end : end + 1);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=') {
        return std::string(part.substr(name.size() + 1));
      }
    }
  }
  return {};
}

bool IsDigits(const std::string& s) {
  return !s.empty() && s.size() <= 18 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool JsonContentType(const httplib::Request& req) {
  const std::string type = req.get_header_value("Content-Type");
  return type.rfind("application/json", 0) == 0;
}

Reply Authorise(ReviewServer::State& st, const Route& route, Call& call) {
  if (route.access == Access::kPublic) return Reply{0};
  const std::string token = CookieToken(call.req);
  {
    std::lock_guard lock(st.db_mu);
    Result<review::Session> s = review::LookupSession(st.store.db(), token, NowSeconds(), st.options.sessions);
    if (!s.ok()) {
      if (s.status().reason() == "no_session") return ErrorReply(401, "no_session", "log in first");
      return StatusReply(s.status());
    }
    call.session = std::move(*s);
  }
  if (route.access == Access::kSupervisorRead && call.session->user.role != review::Role::kSupervisor) {
    return ErrorReply(403, "forbidden", "supervisors only");
  }
  if (route.access == Access::kWrite) {
    const std::string sent = call.req.get_header_value("X-CSRF-Token");
    const std::string& want = call.session->csrf_token;
    if (sent.size() != want.size() || sodium_memcmp(sent.data(), want.data(), want.size()) != 0) {
      return ErrorReply(403, "csrf_token_invalid", "send the session's CSRF token in X-CSRF-Token");
    }
  }
  return Reply{0};
}

Reply Handle(ReviewServer::State& st, const Route& route, const httplib::Request& req) {
  if (!HostAllowed(req.get_header_value("Host"), st.port, st.tls, st.options.host_names)) {
    return ErrorReply(421, "bad_host", "the Host header does not name this server");
  }
  Call call{req, st, std::nullopt, 0, req.remote_addr};
  if (Reply denied = Authorise(st, route, call); denied.status != 0) return denied;
  if (std::string_view(route.path).find("{id}") != std::string_view::npos) {
    if (req.matches.size() < 2 || !IsDigits(req.matches[1].str())) return ErrorReply(404, "not_found");
    call.id = std::stoll(req.matches[1].str());
  }
  if (std::string_view(route.method) == "POST" && !req.body.empty() && !JsonContentType(req)) {
    return ErrorReply(415, "unsupported_media_type", "send application/json");
  }
  return route.handler(call);
}

void Send(const Reply& reply, bool tls, httplib::Response& res) {
  res.status = reply.status;
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                 "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
  res.set_header("Cross-Origin-Opener-Policy", "same-origin");
  res.set_header("Cross-Origin-Resource-Policy", "same-origin");
  for (const auto& [name, value] : reply.headers) res.set_header(name, value);
  if (tls) res.set_header("Strict-Transport-Security", "max-age=31536000");
  if (!reply.set_cookie.empty()) res.set_header("Set-Cookie", reply.set_cookie);
  if (reply.retry_after > 0) res.set_header("Retry-After", std::to_string(reply.retry_after));
  if (!reply.raw_type.empty()) {
    res.set_content(reply.raw, reply.raw_type.c_str());
  } else {
    res.set_content(JsonText(reply.body), "application/json");
  }
}

}  // namespace

int64_t NowSeconds() { return static_cast<int64_t>(std::time(nullptr)); }

Reply ErrorReply(int status, const std::string& reason, const std::string& detail) {
  Reply r;
  r.status = status;
  r.body = {{"error", reason}};
  if (!detail.empty()) r.body["detail"] = detail;
  return r;
}

Reply StatusReply(const Status& s) {
  const std::string& reason = s.reason();
  if (reason == "forbidden") return ErrorReply(403, reason, s.detail());
  if (reason.rfind("no_such_", 0) == 0) return ErrorReply(404, reason, s.detail());
  if (reason.rfind("bad_", 0) == 0 || reason == "note_too_long" || reason == "weak_password") {
    return ErrorReply(400, reason, s.detail());
  }
  return ErrorReply(500, "internal_error", reason);  // store details stay in the server's log
}

std::string SessionCookie(const std::string& token, bool secure) {
  std::string c = std::string(kCookieName) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
  if (token.empty()) c += "; Max-Age=0";
  if (secure) c += "; Secure";
  return c;
}

std::vector<std::pair<std::string, std::string>> RegisteredRoutes() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Route& r : Routes()) out.emplace_back(r.method, r.path);
  std::sort(out.begin(), out.end());
  return out;
}

ReviewServer::ReviewServer(std::unique_ptr<State> state) : state_(std::move(state)) {}
ReviewServer::~ReviewServer() { Stop(); }

bool ReviewServer::tls() const { return state_->tls; }

Result<std::unique_ptr<ReviewServer>> ReviewServer::Create(store::CaseStore store, const ServeOptions& options) {
  if (options.cert_file.empty() != options.key_file.empty()) {
    return Status::Error("bad_options", "give both --cert and --key, or neither");
  }
  auto state = std::make_unique<State>(std::move(store), options);
  if (in6_addr a{}; inet_pton(AF_INET6, options.host.c_str(), &a) != 1 && inet_pton(AF_INET, options.host.c_str(), &a) != 1) {
    state->options.host_names.push_back(options.host);
  }
  if (Result<std::unique_ptr<review::ThumbCache>> thumbs = review::ThumbCache::Open(state->store.dir() + "/thumbs.db");
      thumbs.ok()) {
    state->thumbs = std::move(*thumbs);
  }
  if (!options.cert_file.empty()) {
    struct stat st {};
    if (stat(options.cert_file.c_str(), &st) != 0 || stat(options.key_file.c_str(), &st) != 0) {
      return Status::Error("tls_setup_failed", "certificate or key file not found");
    }
    auto tls = std::make_unique<httplib::SSLServer>(options.cert_file.c_str(), options.key_file.c_str());
    if (!tls->is_valid()) return Status::Error("tls_setup_failed", "certificate or key not usable");
    state->http = std::move(tls);
    state->tls = true;
  } else {
    state->http = std::make_unique<httplib::Server>();
  }
  httplib::Server& http = *state->http;
  http.set_payload_max_length(options.max_body_bytes);
  http.set_read_timeout(10, 0);
  http.set_write_timeout(10, 0);
  http.set_keep_alive_max_count(100);
  http.set_tcp_nodelay(true);  // headers and body go out in separate writes: no 40 ms Nagle + delayed-ACK stall
  State* raw = state.get();
  http.set_exception_handler([raw](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    Send(ErrorReply(500, "internal_error"), raw->tls, res);
  });
  for (const Route& route : Routes()) {
    auto handler = [raw, &route](const httplib::Request& req, httplib::Response& res) {
      Reply reply;
      try {
        reply = Handle(*raw, route, req);
      } catch (...) {
        reply = ErrorReply(500, "internal_error");
      }
      Send(reply, raw->tls, res);
    };
    if (std::string_view(route.method) == "GET") http.Get(route.pattern, handler);
    else http.Post(route.pattern, handler);
  }
  return std::unique_ptr<ReviewServer>(new ReviewServer(std::move(state)));
}

Result<int> ReviewServer::Bind() {
  httplib::Server& http = *state_->http;
  int port = state_->options.port;
  if (port == 0) {
    port = http.bind_to_any_port(state_->options.host);
    if (port <= 0) return Status::Error("bind_failed", state_->options.host);
  } else if (!http.bind_to_port(state_->options.host, port)) {
    return Status::Error("bind_failed", state_->options.host + ":" + std::to_string(port));
  }
  std::lock_guard lock(state_->db_mu);
  state_->port = port;
  // Near-duplicate groups are computed now rather than on the first queue request.
  if (Status s = state_->groups.Refresh(state_->store.db()); !s.ok()) return s;
  json details = {{"listen", state_->options.host + ":" + std::to_string(port)}, {"tls", state_->tls}};
  if (!state_->options.actor_note.empty()) details["command_line"] = state_->options.actor_note;
  if (Result<store::AuditEntry> e = state_->store.Audit(state_->store.Meta("examiner"), "serve_start", JsonText(details));
      !e.ok()) {
    return e.status();
  }
  return port;
}

Status ReviewServer::Run() {
  if (!state_->http->listen_after_bind()) return Status::Error("serve_failed", "the listening socket failed");
  return Status::Ok();
}

void ReviewServer::Stop() {
  if (state_ && state_->http) state_->http->stop();
}

}  // namespace ngb::serve
