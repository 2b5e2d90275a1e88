// The review API's handlers and the table of routes (what docs/openapi.json must describe).
#include <array>
#include <charconv>
#include <sstream>
#include <variant>

#include "app/export_job.h"
#include "core/provenance.h"
#include "data/embedded.h"
#include "image/thumbnail.h"
#include "report/export.h"
#include "review/item_bytes.h"

#include "core/json_text.h"
#include "review/decisions.h"
#include "review/item_view.h"
#include "review/password.h"
#include "review/users.h"
#include "serve/openapi.h"
#include "serve/state.h"
#include "store/audit_log.h"
#include "ngb_version.h"

namespace ngb::serve {
namespace {

using nlohmann::json;

constexpr uint64_t kMaxThumbnailSource = uint64_t{64} << 20;   // bytes of an image we preview
constexpr uint64_t kMaxOriginalBytes = uint64_t{256} << 20;    // bytes of an original we serve
constexpr size_t kMaxGroupDecision = 10'000;                    // items one group decision may touch

// A query parameter as an integer in [lo, hi]; `fallback` when absent; nullopt when malformed.
std::optional<int64_t> IntParam(const httplib::Request& req, const char* name, int64_t fallback, int64_t lo, int64_t hi) {
  if (!req.has_param(name)) return fallback;
  const std::string v = req.get_param_value(name);
  int64_t out = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size() || out < lo || out > hi) return std::nullopt;
  return out;
}

// user_settings.reveal_default holds the preview setting: 0 blurred, 1 clear, 2 grayscale
// (1 kept its schema-5 meaning "unblurred by default").
image::ThumbVariant PreviewSetting(store::Db& db, int64_t user_id) {
  Result<store::Stmt> q = db.Prepare("SELECT reveal_default FROM user_settings WHERE user_id = ?");
  if (!q.ok()) return image::ThumbVariant::kBlurred;
  q->Bind(1, user_id);
  Result<bool> row = q->Step();
  if (!row.ok() || !*row) return image::ThumbVariant::kBlurred;
  switch (q->Int(0)) {
    case 1: return image::ThumbVariant::kClear;
    case 2: return image::ThumbVariant::kGrayscale;
    default: return image::ThumbVariant::kBlurred;
  }
}

int64_t PreviewCode(image::ThumbVariant v) {
  return v == image::ThumbVariant::kClear ? 1 : v == image::ThumbVariant::kGrayscale ? 2 : 0;
}

json SessionJson(const review::Session& s, image::ThumbVariant preview) {
  return {{"user", s.user.name},
          {"role", review::RoleName(s.user.role)},
          {"csrf_token", s.csrf_token},
          {"expires_at", s.expires_at},
          {"settings",
           {{"reveal_default", preview == image::ThumbVariant::kClear}, {"preview", image::ThumbVariantName(preview)}}}};
}

Reply Json(json body) {
  Reply r;
  r.body = std::move(body);
  return r;
}

// The review UI: embedded from data/web (no file is read at run time).
struct Asset {
  const char* name;
  const char* type;
};
constexpr std::array<Asset, 3> kAssets = {{{"app.js", "text/javascript; charset=utf-8"},
                                           {"app.css", "text/css; charset=utf-8"},
                                           {"logo.svg", "image/svg+xml"}}};

Reply EmbeddedFile(const std::string& name, const char* type) {
  const std::string_view bytes = data::Embedded("web/" + name);
  if (bytes.empty()) return ErrorReply(404, "not_found");
  Reply r;
  r.raw = std::string(bytes);
  r.raw_type = type;
  return r;
}

Reply IndexPage(Call&) { return EmbeddedFile("index.html", "text/html; charset=utf-8"); }

Reply AssetFile(Call& c) {
  const std::string name = c.req.matches.size() >= 2 ? c.req.matches[1].str() : std::string();
  for (const Asset& a : kAssets) {  // a fixed list: the request never names a file
    if (name == a.name) return EmbeddedFile(name, a.type);
  }
  return ErrorReply(404, "not_found");
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
  Reply r = Json(SessionJson(*s, PreviewSetting(st.store.db(), creds->user.id)));
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
  return Json(SessionJson(*c.session, PreviewSetting(c.state.store.db(), c.session->user.id)));
}

Reply Settings(Call& c) {
  json body = json::parse(c.req.body, nullptr, false);
  std::optional<image::ThumbVariant> preview;
  if (body.is_object() && body.contains("preview") && body["preview"].is_string()) {
    preview = image::ParseThumbVariant(body["preview"].get<std::string>());
  } else if (body.is_object() && body.contains("reveal_default") && body["reveal_default"].is_boolean()) {
    preview = body["reveal_default"].get<bool>() ? image::ThumbVariant::kClear : image::ThumbVariant::kBlurred;
  }
  if (!preview) {
    return ErrorReply(400, "bad_request", "expected {\"preview\": \"blurred\"|\"grayscale\"|\"clear\"}");
  }
  std::lock_guard lock(c.state.db_mu);
  store::Db& db = c.state.store.db();
  store::Transaction tx(db);
  Result<store::Stmt> up = db.Prepare(
      "INSERT INTO user_settings(user_id, reveal_default) VALUES(?, ?) "
      "ON CONFLICT(user_id) DO UPDATE SET reveal_default = excluded.reveal_default");
  if (!up.ok()) return StatusReply(up.status());
  up->Bind(1, c.session->user.id).Bind(2, PreviewCode(*preview));
  if (Status s = up->Run(); !s.ok()) return StatusReply(s);
  json details = {{"user", c.session->user.name},
                  {"reveal_default", *preview == image::ThumbVariant::kClear},
                  {"preview", image::ThumbVariantName(*preview)}};
  if (Result<store::AuditEntry> e = c.state.store.Audit(c.session->user.name, "settings_change", JsonText(details));
      !e.ok()) {
    return StatusReply(e.status());
  }
  if (Status s = tx.Commit(); !s.ok()) return StatusReply(s);
  return Json({{"reveal_default", *preview == image::ThumbVariant::kClear}, {"preview", image::ThumbVariantName(*preview)}});
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
  if (Status s = c.state.groups.Refresh(c.state.store.db()); !s.ok()) return StatusReply(s);
  json entries = json::array();
  for (const review::QueueEntry& e : page->entries) {
    const std::optional<review::GroupRef> group = c.state.groups.GroupOf(e.item_id);
    entries.push_back({{"group_id", group ? json(group->id) : json(nullptr)},
                       {"group_size", group ? group->size : 0},
                       {"item_id", e.item_id},
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

// The decision in a request body, or the reply refusing it.
std::variant<review::DecisionInput, Reply> ParseDecision(const std::string& text) {
  json body = json::parse(text, nullptr, false);
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
  if (Status s = review::CheckDecisionInput(in); !s.ok()) return StatusReply(s);
  return in;
}

Reply Decide(Call& c) {
  std::variant<review::DecisionInput, Reply> in = ParseDecision(c.req.body);
  if (Reply* refused = std::get_if<Reply>(&in)) return std::move(*refused);
  std::lock_guard lock(c.state.db_mu);
  Result<review::Decision> d =
      review::RecordDecision(c.state.store.db(), c.session->user, c.id, std::get<review::DecisionInput>(in));
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
  // The verified prefix is kept: only entries appended since the last call are hashed, unless the
  // last verified entry is no longer what it was (the file was edited underneath): then all again.
  store::AuditCheck& known = c.state.audit_checked;
  if (known.entries > 0) {
    Result<store::Stmt> head = db.Prepare("SELECT hash FROM audit_log WHERE seq = ?");
    if (!head.ok()) return StatusReply(head.status());
    head->Bind(1, known.entries);
    Result<bool> row = head->Step();
    if (!row.ok()) return StatusReply(row.status());
    if (!*row || head->Text(0) != known.head_hash) known = store::AuditCheck{};
  }
  Result<store::AuditCheck> check = store::ContinueAuditCheck(db, known);
  if (!check.ok()) return StatusReply(check.status());
  if (check->ok) known = *check;
  return Json({{"entries", std::move(entries)},
               {"total", check->entries},
               {"head_hash", check->head_hash},
               {"chain_ok", check->ok},
               {"broken_seq", check->broken_seq}});
}


// Audits an action by the session's user; the reply refusing the request when the entry cannot
// be written (an unrecorded exposure must not happen). REQUIRES: db_mu held.
std::optional<Reply> AuditOrRefuse(Call& c, const char* action, json details) {
  details["user"] = c.session->user.name;
  details["role"] = review::RoleName(c.session->user.role);
  Result<store::AuditEntry> e = c.state.store.Audit(c.session->user.name, action, JsonText(details));
  if (!e.ok()) return StatusReply(e.status());
  return std::nullopt;
}

Reply Thumbnail(Call& c) {
  State& st = c.state;
  std::optional<image::ThumbVariant> variant;
  review::ItemLocation where;
  {
    std::lock_guard lock(st.db_mu);
    if (c.req.has_param("variant")) {
      variant = image::ParseThumbVariant(c.req.get_param_value("variant"));
      if (!variant) return ErrorReply(400, "bad_variant", "blurred, grayscale or clear");
    } else {
      variant = PreviewSetting(st.store.db(), c.session->user.id);
    }
    Result<review::ItemLocation> found = review::LocateItem(st.store.db(), c.id);
    if (!found.ok()) {
      if (found.status().reason() == "no_such_item") return StatusReply(found.status());
      return ErrorReply(404, "no_preview", found.status().reason());
    }
    where = std::move(*found);
  }
  if (where.mime.rfind("image/", 0) != 0) return ErrorReply(404, "no_preview", "not an image");
  const char* name = image::ThumbVariantName(*variant);
  const std::string& sha256 = where.chain.back().sha256;
  review::ThumbCache::Entry entry;
  bool cached = false;
  if (st.thumbs) {
    Result<std::optional<review::ThumbCache::Entry>> hit = st.thumbs->Get(c.id, name, sha256);
    if (hit.ok() && *hit) {
      entry = std::move(**hit);
      cached = true;
    }
  }
  if (!cached) {  // decoded outside the case lock (other requests go on), one at a time
    std::lock_guard generating(st.thumb_gen_mu);
    Result<std::string> bytes = review::ReadLocatedItem(where, kMaxThumbnailSource);
    if (!bytes.ok()) return ErrorReply(404, "no_preview", bytes.status().reason());  // evidence may come back
    Result<image::Thumbnail> t = image::MakeThumbnail(
        std::span(reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size()), *variant);
    if (t.ok()) entry.jpeg = std::move(t->jpeg);
    else entry.error = t.status().reason();
    if (st.thumbs) st.thumbs->Put(c.id, name, sha256, entry);
  }
  if (!entry.error.empty()) return ErrorReply(404, "no_preview", entry.error);
  if (*variant != image::ThumbVariant::kBlurred) {
    // Every unblurred preview is an exposure supervisors track.
    std::lock_guard lock(st.db_mu);
    const bool asked = c.req.has_param("variant");
    if (std::optional<Reply> refused = AuditOrRefuse(c, "preview_reveal",
                                                     {{"item_id", c.id}, {"variant", name},
                                                      {"why", asked ? "reveal" : "user_default"}})) {
      return *refused;
    }
  }
  Reply r;
  r.raw = std::move(entry.jpeg);
  r.raw_type = "image/jpeg";
  return r;
}

Reply Original(Call& c) {
  State& st = c.state;
  review::ItemLocation where;
  {
    std::lock_guard lock(st.db_mu);
    Result<review::ItemLocation> found = review::LocateItem(st.store.db(), c.id);
    if (!found.ok()) {
      if (found.status().reason() == "no_such_item") return StatusReply(found.status());
      return ErrorReply(404, "no_content", found.status().reason());
    }
    where = std::move(*found);
  }
  Result<std::string> bytes = review::ReadLocatedItem(where, kMaxOriginalBytes);
  if (!bytes.ok()) {
    const Status err = bytes.status();  // status() is a copy: keep it alive while its reason is used
    const std::string& why = err.reason();
    return ErrorReply(why == "too_large" ? 413 : why == "evidence_changed" ? 409 : 404, why, err.detail());
  }
  {
    std::lock_guard lock(st.db_mu);
    if (std::optional<Reply> refused = AuditOrRefuse(c, "original_download",
                                                     {{"item_id", c.id},
                                                      {"path", DisplayPath(where.chain.back().path)},
                                                      {"sha256", where.chain.back().sha256},
                                                      {"bytes", bytes->size()}})) {
      return *refused;
    }
  }
  Reply r;
  r.raw = std::move(*bytes);
  r.raw_type = "application/octet-stream";  // never rendered by the browser
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"item-" + std::to_string(c.id) + ".bin\"");
  return r;
}

Reply Group(Call& c) {
  std::lock_guard lock(c.state.db_mu);
  store::Db& db = c.state.store.db();
  if (Status s = c.state.groups.Refresh(db); !s.ok()) return StatusReply(s);
  const std::vector<int64_t>& members = c.state.groups.Members(c.id);
  if (members.empty()) return ErrorReply(404, "no_such_group");
  Result<store::Stmt> q = db.Prepare(
      "SELECT i.path_text, coalesce(i.mime, ''), i.pdq, r.category, r.item_id IS NOT NULL FROM items i "
      "LEFT JOIN review_current r ON r.item_id = i.id WHERE i.id = ?");
  if (!q.ok()) return StatusReply(q.status());
  json items = json::array();
  for (size_t i = 0; i < members.size() && i < 1000; ++i) {
    q->Reset();
    q->Bind(1, members[i]);
    Result<bool> row = q->Step();
    if (!row.ok()) return StatusReply(row.status());
    if (!*row) continue;
    items.push_back({{"item_id", members[i]}, {"path", DisplayPath(q->Text(0))}, {"mime", q->Text(1)},
                     {"pdq", q->Text(2)}, {"category", q->IsNull(3) ? json(nullptr) : json(q->Int(3))},
                     {"decided", q->Int(4) != 0}});
  }
  return Json({{"id", c.id}, {"size", members.size()}, {"max_distance", review::kNearDistance},
               {"items", std::move(items)}});
}

Reply GroupDecide(Call& c) {
  std::variant<review::DecisionInput, Reply> in = ParseDecision(c.req.body);
  if (Reply* refused = std::get_if<Reply>(&in)) return std::move(*refused);
  std::lock_guard lock(c.state.db_mu);
  store::Db& db = c.state.store.db();
  if (Status s = c.state.groups.Refresh(db); !s.ok()) return StatusReply(s);
  const std::vector<int64_t> members = c.state.groups.Members(c.id);
  if (members.empty()) return ErrorReply(404, "no_such_group");
  if (members.size() > kMaxGroupDecision) return ErrorReply(400, "group_too_large", "decide its items one by one");
  // One decision (and one audit entry, in the same transaction) per item, exactly as if each
  // had been decided alone; items the user may not change are reported, not fatal.
  json applied = json::array(), refused = json::array();
  for (int64_t item : members) {
    Result<review::Decision> d = review::RecordDecision(db, c.session->user, item, std::get<review::DecisionInput>(in));
    if (d.ok()) applied.push_back({{"item_id", item}, {"decision_id", d->id}, {"audit_seq", d->audit_seq}});
    else if (d.status().reason() == "forbidden") refused.push_back({{"item_id", item}, {"error", "forbidden"}});
    else return StatusReply(d.status());
  }
  if (applied.empty() && !refused.empty()) {
    return ErrorReply(403, "forbidden", "every item of the group was decided by another reviewer");
  }
  return Json({{"group_id", c.id}, {"applied", std::move(applied)}, {"refused", std::move(refused)}});
}

Reply ExportCase(Call& c) {
  const std::string format = c.req.has_param("format") ? c.req.get_param_value("format") : "";
  if (!report::ParseExportFormat(format)) {
    return ErrorReply(400, "bad_format", "jsonl, csv, dfxml, hashdeep, vics, chats or case-uco");
  }
  std::lock_guard lock(c.state.db_mu);
  // The same audited workflow as `nigehbaan export` (one audit entry shape for every front end).
  app::ExportJobOptions o;
  o.format = format;
  o.export_options.tool_version = NGB_VERSION;
  o.export_options.case_number = c.state.store.Meta("case_id");
  o.export_options.command_line = "nigehbaan serve: GET /api/export?format=" + format;
  o.actor = c.session->user.name;
  o.out_name = "http";
  o.audit_extra = {{"user", c.session->user.name}, {"role", review::RoleName(c.session->user.role)}};
  std::ostringstream out;
  Result<app::ExportJobResult> r = app::RunExport(c.state.store, o, out);
  if (!r.ok()) return StatusReply(r.status());
  const std::string body = std::move(out).str();
  static constexpr std::array<std::pair<const char*, const char*>, 7> kTypes = {{
      {"jsonl", "application/x-ndjson"}, {"csv", "text/csv; charset=utf-8"}, {"dfxml", "application/xml"},
      {"hashdeep", "text/plain; charset=utf-8"}, {"vics", "application/json"}, {"chats", "application/x-ndjson"},
      {"case-uco", "application/ld+json"}}};
  Reply reply;
  reply.raw = body;
  reply.raw_type = "application/octet-stream";
  for (const auto& [name, type] : kTypes) {
    if (format == name) reply.raw_type = type;
  }
  const char* ext = format == "vics"       ? "json"
                    : format == "hashdeep" ? "txt"
                    : format == "chats"    ? "jsonl"
                    : format == "case-uco" ? "jsonld"
                                           : format.c_str();
  reply.headers.emplace_back("Content-Disposition", std::string("attachment; filename=\"case-export.") + ext + "\"");
  return reply;
}

const Route kRoutes[] = {
    {"GET", "/", "/", Access::kPublic, IndexPage},
    {"GET", "/assets/{name}", R"(/assets/([^/]+))", Access::kPublic, AssetFile},
    {"GET", "/api/openapi.json", "/api/openapi.json", Access::kPublic, OpenApi},
    {"POST", "/api/login", "/api/login", Access::kPublic, Login},
    {"POST", "/api/logout", "/api/logout", Access::kWrite, Logout},
    {"GET", "/api/me", "/api/me", Access::kRead, Me},
    {"POST", "/api/me/settings", "/api/me/settings", Access::kWrite, Settings},
    {"GET", "/api/queue", "/api/queue", Access::kRead, Queue},
    {"GET", "/api/items/{id}", R"(/api/items/([^/]+))", Access::kRead, Item},
    {"POST", "/api/items/{id}/decision", R"(/api/items/([^/]+)/decision)", Access::kWrite, Decide},
    {"GET", "/api/items/{id}/thumbnail", R"(/api/items/([^/]+)/thumbnail)", Access::kRead, Thumbnail},
    {"GET", "/api/items/{id}/original", R"(/api/items/([^/]+)/original)", Access::kSupervisorRead, Original},
    {"GET", "/api/groups/{id}", R"(/api/groups/([^/]+))", Access::kRead, Group},
    {"POST", "/api/groups/{id}/decision", R"(/api/groups/([^/]+)/decision)", Access::kWrite, GroupDecide},
    {"GET", "/api/export", "/api/export", Access::kSupervisorRead, ExportCase},
    {"GET", "/api/conversations/{id}", R"(/api/conversations/([^/]+))", Access::kRead, Conversation},
    {"GET", "/api/audit", "/api/audit", Access::kSupervisorRead, Audit},
};

}  // namespace

std::span<const Route> Routes() { return kRoutes; }

}  // namespace ngb::serve
