// The review API's handlers and the table of routes (what docs/openapi.json must describe).
#include <array>
#include <charconv>

#include "core/json_text.h"
#include "review/decisions.h"
#include "review/item_view.h"
#include "review/password.h"
#include "review/users.h"
#include "serve/openapi.h"
#include "serve/state.h"
#include "store/audit_log.h"

namespace ngb::serve {
namespace {

using nlohmann::json;

// The real UI comes later; this page only says where the API is.
constexpr const char* kLoginPage = R"html(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Nigehbaan review</title></head>
<body><main><h1>Nigehbaan review</h1>
<p>Sign in through the API (POST /api/login); the review interface is not built yet.</p>
<p>API description: <a href="/api/openapi.json">/api/openapi.json</a></p></main></body></html>
)html";

// A query parameter as an integer in [lo, hi]; `fallback` when absent; nullopt when malformed.
std::optional<int64_t> IntParam(const httplib::Request& req, const char* name, int64_t fallback, int64_t lo, int64_t hi) {
  if (!req.has_param(name)) return fallback;
  const std::string v = req.get_param_value(name);
  int64_t out = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size() || out < lo || out > hi) return std::nullopt;
  return out;
}

json SessionJson(const review::Session& s, bool reveal_default) {
  return {{"user", s.user.name},
          {"role", review::RoleName(s.user.role)},
          {"csrf_token", s.csrf_token},
          {"expires_at", s.expires_at},
          {"settings", {{"reveal_default", reveal_default}}}};
}

bool RevealDefault(store::Db& db, int64_t user_id) {
  Result<store::Stmt> q = db.Prepare("SELECT reveal_default FROM user_settings WHERE user_id = ?");
  if (!q.ok()) return false;
  q->Bind(1, user_id);
  Result<bool> row = q->Step();
  return row.ok() && *row && q->Int(0) != 0;
}

Reply Json(json body) {
  Reply r;
  r.body = std::move(body);
  return r;
}

Reply LoginPage(Call&) {
  Reply r;
  r.raw = kLoginPage;
  r.raw_type = "text/html; charset=utf-8";
  return r;
}

Reply OpenApi(Call&) {
  Reply r;
  r.raw = std::string(OpenApiDocument());
  r.raw_type = "application/json";
  return r;
}

Reply Login(Call& c) {
  State& st = c.state;
  json body = json::parse(c.req.body, nullptr, false);
  if (!body.is_object() || !body.contains("name") || !body["name"].is_string() || !body.contains("password") ||
      !body["password"].is_string()) {
    return ErrorReply(400, "bad_request", "expected {\"name\": ..., \"password\": ...}");
  }
  const std::string name = body["name"].get<std::string>();
  const std::string password = body["password"].get<std::string>();
  const int64_t now = NowSeconds();
  const std::string user_key = "user:" + name.substr(0, 64);
  const std::string addr_key = "addr:" + c.client;
  if (int64_t wait = std::max(st.limiter.RetryAfter(user_key, now), st.limiter.RetryAfter(addr_key, now)); wait > 0) {
    Reply r = ErrorReply(429, "too_many_attempts", "try again later");
    r.retry_after = wait;
    return r;
  }
  std::optional<review::Credentials> creds;
  if (review::CheckUserName(name).ok() && password.size() <= 1024) {
    std::lock_guard lock(st.db_mu);
    Result<review::Credentials> found = review::LoadCredentials(st.store.db(), name);
    if (found.ok()) creds = std::move(*found);
    else if (found.status().reason() != "no_such_user") return StatusReply(found.status());
  }
  bool good = false;
  {
    std::lock_guard lock(st.hash_mu);
    // Unknown names cost the same verification, so timing does not reveal which names exist.
    const std::string& hash = creds ? creds->password_hash : review::DummyPasswordHash();
    good = review::VerifyPassword(hash, password) && creds && !creds->user.disabled;
  }
  std::lock_guard lock(st.db_mu);
  if (!good) {
    st.limiter.RecordFailure(user_key, now);
    st.limiter.RecordFailure(addr_key, now);
    json details = {{"user", name.substr(0, 64)}, {"client", c.client}};
    st.store.Audit(name.substr(0, 64), "login_failed", JsonText(details));
    return ErrorReply(401, "bad_credentials", "wrong name or password");
  }
  st.limiter.RecordSuccess(user_key);
  Result<review::Session> s = review::CreateSession(st.store.db(), creds->user, now, st.options.sessions);
  if (!s.ok()) return StatusReply(s.status());
  json details = {{"user", creds->user.name}, {"role", review::RoleName(creds->user.role)}, {"client", c.client}};
  if (Result<store::AuditEntry> e = st.store.Audit(creds->user.name, "login", JsonText(details)); !e.ok()) {
    return StatusReply(e.status());
  }
  Reply r = Json(SessionJson(*s, RevealDefault(st.store.db(), creds->user.id)));
  r.set_cookie = SessionCookie(s->token, st.tls);
  return r;
}

Reply Logout(Call& c) {
  std::lock_guard lock(c.state.db_mu);
  if (Status s = review::EndSession(c.state.store.db(), c.session->token_hash, NowSeconds()); !s.ok()) {
    return StatusReply(s);
  }
  c.state.store.Audit(c.session->user.name, "logout", JsonText(json{{"user", c.session->user.name}}));
  Reply r = Json({{"ok", true}});
  r.set_cookie = SessionCookie("", c.state.tls);
  return r;
}

Reply Me(Call& c) {
  std::lock_guard lock(c.state.db_mu);
  return Json(SessionJson(*c.session, RevealDefault(c.state.store.db(), c.session->user.id)));
}

Reply Settings(Call& c) {
  json body = json::parse(c.req.body, nullptr, false);
  if (!body.is_object() || !body.contains("reveal_default") || !body["reveal_default"].is_boolean()) {
    return ErrorReply(400, "bad_request", "expected {\"reveal_default\": true|false}");
  }
  const bool reveal = body["reveal_default"].get<bool>();
  std::lock_guard lock(c.state.db_mu);
  store::Db& db = c.state.store.db();
  store::Transaction tx(db);
  Result<store::Stmt> up = db.Prepare(
      "INSERT INTO user_settings(user_id, reveal_default) VALUES(?, ?) "
      "ON CONFLICT(user_id) DO UPDATE SET reveal_default = excluded.reveal_default");
  if (!up.ok()) return StatusReply(up.status());
  up->Bind(1, c.session->user.id).Bind(2, int64_t{reveal});
  if (Status s = up->Run(); !s.ok()) return StatusReply(s);
  json details = {{"user", c.session->user.name}, {"reveal_default", reveal}};
  if (Result<store::AuditEntry> e = c.state.store.Audit(c.session->user.name, "settings_change", JsonText(details));
      !e.ok()) {
    return StatusReply(e.status());
  }
  if (Status s = tx.Commit(); !s.ok()) return StatusReply(s);
  return Json({{"reveal_default", reveal}});
}

Reply Queue(Call& c) {
  review::QueueFilter f;
  auto text = [&](const char* name, std::string& out) {
    if (c.req.has_param(name)) out = c.req.get_param_value(name);
  };
  text("source", f.source);
  text("type", f.type);
  text("category", f.category);
  text("match", f.match);
  text("label", f.label);
  std::optional<int64_t> offset = IntParam(c.req, "offset", 0, 0, 10'000'000);
  std::optional<int64_t> limit = IntParam(c.req, "limit", 50, 1, 500);
  if (!offset || !limit) return ErrorReply(400, "bad_filter", "offset 0-10000000, limit 1-500");
  f.offset = *offset;
  f.limit = *limit;
  if (Status s = review::CheckQueueFilter(f); !s.ok()) return StatusReply(s);
  std::lock_guard lock(c.state.db_mu);
  Result<review::QueuePage> page = c.state.queue.Page(c.state.store.db(), f);
  if (!page.ok()) return StatusReply(page.status());
  json entries = json::array();
  for (const review::QueueEntry& e : page->entries) {
    entries.push_back({{"item_id", e.item_id},
                       {"tier", e.tier_name},
                       {"score", e.score},
                       {"path", e.path},
                       {"source", e.source},
                       {"type", e.type},
                       {"mime", e.mime},
                       {"match", e.match},
                       {"labels", e.labels},
                       {"category", e.category ? json(*e.category) : json(nullptr)},
                       {"decided", e.decided}});
  }
  return Json({{"total", page->total}, {"offset", f.offset}, {"limit", f.limit}, {"entries", std::move(entries)}});
}

Reply Item(Call& c) {
  std::lock_guard lock(c.state.db_mu);
  Result<json> view = review::ItemView(c.state.store.db(), c.id);
  if (!view.ok()) return StatusReply(view.status());
  return Json(std::move(*view));
}

Reply Decide(Call& c) {
  json body = json::parse(c.req.body, nullptr, false);
  if (!body.is_object()) return ErrorReply(400, "bad_request", "expected a JSON object");
  review::DecisionInput in;
  if (body.contains("category") && !body["category"].is_null()) {
    if (!body["category"].is_number_integer()) return ErrorReply(400, "bad_category", "0-4 or null");
    const int64_t cat = body["category"].get<int64_t>();
    if (cat < 0 || cat > 4) return ErrorReply(400, "bad_category", "0-4 or null");
    in.category = static_cast<int>(cat);
  }
  if (body.contains("tags")) {
    if (!body["tags"].is_array() || body["tags"].size() > 32) return ErrorReply(400, "bad_tags", "an array of strings");
    for (const json& t : body["tags"]) {
      if (!t.is_string()) return ErrorReply(400, "bad_tags", "an array of strings");
      in.tags.push_back(t.get<std::string>());
    }
  }
  if (body.contains("note")) {
    if (!body["note"].is_string()) return ErrorReply(400, "bad_note", "a string");
    in.note = body["note"].get<std::string>();
  }
  std::lock_guard lock(c.state.db_mu);
  Result<review::Decision> d = review::RecordDecision(c.state.store.db(), c.session->user, c.id, in);
  if (!d.ok()) return StatusReply(d.status());
  return Json({{"id", d->id},
               {"item_id", d->item_id},
               {"category", d->category ? json(*d->category) : json(nullptr)},
               {"tags", d->tags},
               {"note", d->note},
               {"reviewer", d->reviewer},
               {"decided_at", d->decided_at},
               {"audit_seq", d->audit_seq}});
}

Reply Conversation(Call& c) {
  std::lock_guard lock(c.state.db_mu);
  Result<json> view = review::ConversationView(c.state.store.db(), c.id);
  if (!view.ok()) return StatusReply(view.status());
  return Json(std::move(*view));
}

Reply Audit(Call& c) {
  std::optional<int64_t> offset = IntParam(c.req, "offset", 0, 0, 100'000'000);
  std::optional<int64_t> limit = IntParam(c.req, "limit", 100, 1, 1000);
  if (!offset || !limit) return ErrorReply(400, "bad_filter", "offset >= 0, limit 1-1000");
  std::lock_guard lock(c.state.db_mu);
  store::Db& db = c.state.store.db();
  Result<store::Stmt> q = db.Prepare(
      "SELECT seq, at, actor, action, details, prev_hash, hash FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?");
  if (!q.ok()) return StatusReply(q.status());
  q->Bind(1, *limit).Bind(2, *offset);
  json entries = json::array();
  while (true) {
    Result<bool> row = q->Step();
    if (!row.ok()) return StatusReply(row.status());
    if (!*row) break;
    json details = json::parse(q->Text(4), nullptr, false);
    entries.push_back({{"seq", q->Int(0)}, {"at", q->Text(1)}, {"actor", q->Text(2)}, {"action", q->Text(3)},
                       {"details", details.is_discarded() ? json(q->Text(4)) : details},
                       {"prev_hash", q->Text(5)}, {"hash", q->Text(6)}});
  }
  Result<store::AuditCheck> check = store::VerifyAuditChain(db);
  if (!check.ok()) return StatusReply(check.status());
  return Json({{"entries", std::move(entries)},
               {"total", check->entries},
               {"head_hash", check->head_hash},
               {"chain_ok", check->ok},
               {"broken_seq", check->broken_seq}});
}

const std::array<Route, 11> kRoutes = {{
    {"GET", "/", "/", Access::kPublic, LoginPage},
    {"GET", "/api/openapi.json", "/api/openapi.json", Access::kPublic, OpenApi},
    {"POST", "/api/login", "/api/login", Access::kPublic, Login},
    {"POST", "/api/logout", "/api/logout", Access::kWrite, Logout},
    {"GET", "/api/me", "/api/me", Access::kRead, Me},
    {"POST", "/api/me/settings", "/api/me/settings", Access::kWrite, Settings},
    {"GET", "/api/queue", "/api/queue", Access::kRead, Queue},
    {"GET", "/api/items/{id}", R"(/api/items/([^/]+))", Access::kRead, Item},
    {"POST", "/api/items/{id}/decision", R"(/api/items/([^/]+)/decision)", Access::kWrite, Decide},
    {"GET", "/api/conversations/{id}", R"(/api/conversations/([^/]+))", Access::kRead, Conversation},
    {"GET", "/api/audit", "/api/audit", Access::kSupervisorRead, Audit},
}};

}  // namespace

std::span<const Route> Routes() { return kRoutes; }

}  // namespace ngb::serve
