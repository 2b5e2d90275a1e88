#include "serve/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <cctype>
#include <string>
#include <thread>

#include "app/verify.h"
#include "review/users.h"
#include "serve/openapi.h"
#include "serve/state.h"
#include "store/case_store.h"
#include "testing/review_case.h"
#include "testing/temp_dir.h"

namespace ngb::serve {
namespace {

using nlohmann::json;
using ngb::testing::TempDir;

// Every byte but letters and digits as %XX.
std::string PercentEncode(const std::string& s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

struct Login {
  std::string cookie;  // "ngb_session=..."
  std::string csrf;
};

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override { StartServer(ServeOptions{}); }
  void TearDown() override { StopServer(); }

  void StartServer(ServeOptions options) {
    case_dir_ = dir_.path() + "/case";
    {
      Result<store::CaseStore> cs = store::CaseStore::Create(case_dir_, "t", "examiner");
      ASSERT_TRUE(cs.ok()) << cs.status().ToString();
      ASSERT_TRUE(ngb::testing::FillSyntheticCase(cs->db(), 2000).ok());
      for (auto [name, role] : {std::pair{"alice", review::Role::kReviewer}, {"bob", review::Role::kReviewer},
                                {"sue", review::Role::kSupervisor}, {"eve", review::Role::kExaminer}}) {
        ASSERT_TRUE(review::AddUser(cs->db(), name, role, Password(name), review::PasswordCost::kInteractive, "admin").ok());
      }
    }
    Result<store::CaseStore> cs = store::CaseStore::Open(case_dir_);
    ASSERT_TRUE(cs.ok());
    options.port = 0;
    Result<std::unique_ptr<ReviewServer>> server = ReviewServer::Create(std::move(*cs), options);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
    Result<int> port = server_->Bind();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    port_ = *port;
    thread_ = std::thread([this] { server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_read_timeout(30, 0);
  }
  void StopServer() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
  }

  static std::string Password(const std::string& name) { return "correct horse battery " + std::to_string(static_cast<int>(name[0])); }

  httplib::Result PostJson(const std::string& path, const json& body, const Login* who = nullptr,
                           const std::string* csrf = nullptr) {
    httplib::Headers h;
    if (who) h.emplace("Cookie", who->cookie);
    if (csrf) h.emplace("X-CSRF-Token", *csrf);
    else if (who) h.emplace("X-CSRF-Token", who->csrf);
    return client_->Post(path.c_str(), h, body.dump(), "application/json");
  }
  httplib::Result Get(const std::string& path, const Login* who = nullptr) {
    httplib::Headers h;
    if (who) h.emplace("Cookie", who->cookie);
    return client_->Get(path.c_str(), h);
  }
  Login LogIn(const std::string& name) {
    httplib::Result r = PostJson("/api/login", {{"name", name}, {"password", Password(name)}});
    Login l;
    EXPECT_TRUE(r);
    if (!r) return l;
    EXPECT_EQ(r->status, 200) << r->body;
    const std::string set = r->get_header_value("Set-Cookie");
    EXPECT_NE(set.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set.find("SameSite=Strict"), std::string::npos);
    l.cookie = set.substr(0, set.find(';'));
    json body = json::parse(r->body, nullptr, false);
    if (body.is_object() && body.contains("csrf_token")) l.csrf = body["csrf_token"].get<std::string>();
    return l;
  }
  int64_t Count(const std::string& sql) {
    Result<store::CaseStore> cs = store::CaseStore::Open(case_dir_, /*read_only=*/true);
    EXPECT_TRUE(cs.ok());
    Result<store::Stmt> q = cs->db().Prepare(sql);
    EXPECT_TRUE(q.ok());
    EXPECT_TRUE(q->Step().ok());
    return q->Int(0);
  }
  // A concrete path for a route template.
  static std::string Concrete(const std::string& path) {
    std::string p = path;
    if (size_t i = p.find("{id}"); i != std::string::npos) p.replace(i, 4, "1");
    return p;
  }

  TempDir dir_;
  std::string case_dir_;
  std::unique_ptr<ReviewServer> server_;
  std::thread thread_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServeTest, EveryRegisteredRouteIsInTheOpenApiDocumentAndViceVersa) {
  EXPECT_EQ(RegisteredRoutes(), OpenApiOperations());
  EXPECT_GE(RegisteredRoutes().size(), 10u);
  httplib::Result r = Get("/api/openapi.json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, std::string(OpenApiDocument()));
  EXPECT_TRUE(json::parse(r->body, nullptr, false).is_object());
}

TEST_F(ServeTest, EveryRouteButLoginPageAndDocumentNeedsASession) {
  for (const Route& route : Routes()) {
    const std::string path = Concrete(route.path);
    httplib::Result r = std::string(route.method) == "GET" ? Get(path) : PostJson(path, json::object());
    ASSERT_TRUE(r) << path;
    if (route.access == Access::kPublic) {
      EXPECT_NE(r->status, 401) << path;
      continue;
    }
    EXPECT_EQ(r->status, 401) << route.method << " " << path;
    // A made-up session is no better.
    Login fake{"ngb_session=" + std::string(64, 'a'), std::string(64, 'b')};
    r = std::string(route.method) == "GET" ? Get(path, &fake) : PostJson(path, json::object(), &fake);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401) << route.method << " " << path;
  }
  httplib::Result page = Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->get_header_value("Content-Type").find("text/html"), std::string::npos);
}

TEST_F(ServeTest, LoginMeQueueItemAndLogout) {
  Login alice = LogIn("alice");
  httplib::Result me = Get("/api/me", &alice);
  ASSERT_TRUE(me);
  ASSERT_EQ(me->status, 200);
  json m = json::parse(me->body);
  EXPECT_EQ(m["user"], "alice");
  EXPECT_EQ(m["role"], "reviewer");
  EXPECT_EQ(m["csrf_token"], alice.csrf);
  httplib::Result q = Get("/api/queue?limit=5&offset=0", &alice);
  ASSERT_TRUE(q);
  ASSERT_EQ(q->status, 200) << q->body;
  json page = json::parse(q->body);
  EXPECT_EQ(page["total"], 2000);
  ASSERT_EQ(page["entries"].size(), 5u);
  EXPECT_EQ(page["entries"][0]["tier"], "alert");
  httplib::Result item = Get("/api/items/1000", &alice);
  ASSERT_TRUE(item);
  ASSERT_EQ(item->status, 200);
  json it = json::parse(item->body);
  EXPECT_EQ(it["matches"].size(), 1u);
  EXPECT_EQ(it["source"], "phone");
  httplib::Result conv = Get("/api/conversations/250", &alice);
  ASSERT_TRUE(conv);
  ASSERT_EQ(conv->status, 200) << conv->body;
  json c = json::parse(conv->body);
  EXPECT_TRUE(c["messages"].is_null());
  EXPECT_EQ(c["messages_unavailable"], "evidence_unavailable");  // synthetic case: no files
  EXPECT_EQ(Get("/api/items/999999", &alice)->status, 404);
  EXPECT_EQ(Get("/api/audit", &alice)->status, 403);
  httplib::Result out = PostJson("/api/logout", json::object(), &alice);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 200);
  EXPECT_EQ(Get("/api/me", &alice)->status, 401);
}

TEST_F(ServeTest, MissingOrWrongCsrfTokenIsRefused) {
  Login alice = LogIn("alice");
  const json body = {{"category", 1}};
  httplib::Result none = client_->Post("/api/items/5/decision", httplib::Headers{{"Cookie", alice.cookie}},
                                       body.dump(), "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 403);
  const std::string wrong(64, '0');
  EXPECT_EQ(PostJson("/api/items/5/decision", body, &alice, &wrong)->status, 403);
  const std::string empty;
  EXPECT_EQ(PostJson("/api/items/5/decision", body, &alice, &empty)->status, 403);
  EXPECT_EQ(PostJson("/api/logout", json::object(), &alice, &wrong)->status, 403);
  EXPECT_EQ(Count("SELECT count(*) FROM review_decisions"), 0);
  EXPECT_EQ(PostJson("/api/items/5/decision", body, &alice)->status, 200);
  EXPECT_EQ(Count("SELECT count(*) FROM review_decisions"), 1);
}

TEST_F(ServeTest, ReviewerCannotOverrideAnotherReviewerButSupervisorCan) {
  Login alice = LogIn("alice"), bob = LogIn("bob"), sue = LogIn("sue"), eve = LogIn("eve");
  EXPECT_EQ(PostJson("/api/items/7/decision", {{"category", 2}, {"tags", {"a"}}, {"note", "n"}}, &alice)->status, 200);
  httplib::Result b = PostJson("/api/items/7/decision", {{"category", 0}}, &bob);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->status, 403);
  EXPECT_EQ(PostJson("/api/items/8/decision", {{"category", 0}}, &eve)->status, 403);  // examiner
  EXPECT_EQ(PostJson("/api/items/7/decision", {{"category", nullptr}, {"note", "uncategorised"}}, &sue)->status, 200);
  json item = json::parse(Get("/api/items/7", &sue)->body);
  EXPECT_TRUE(item["decision"]["category"].is_null());
  EXPECT_EQ(item["decision"]["reviewer"], "sue");
  EXPECT_EQ(item["history"].size(), 2u);
  // Both decisions are in the audit log, which the supervisor can read and which verifies.
  httplib::Result audit = Get("/api/audit?limit=1000", &sue);
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->status, 200);
  json a = json::parse(audit->body);
  EXPECT_TRUE(a["chain_ok"].get<bool>());
  int decisions = 0;
  for (const json& e : a["entries"]) decisions += e["action"] == "review_decision";
  EXPECT_EQ(decisions, 2);
}

TEST_F(ServeTest, DecisionsLandInTheAuditLogAndVerifyDetectsAnEdit) {
  Login alice = LogIn("alice");
  ASSERT_EQ(PostJson("/api/items/9/decision", {{"category", 3}}, &alice)->status, 200);
  StopServer();
  Result<store::CaseStore> cs = store::CaseStore::Open(case_dir_);
  ASSERT_TRUE(cs.ok());
  app::VerifyOptions vo;
  vo.rehash_evidence = false;
  Result<app::VerifyReport> ok = app::VerifyCase(*cs, vo);
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(ok->ok());
  ASSERT_TRUE(cs->db().Exec("DROP TRIGGER audit_log_no_update").ok());
  ASSERT_TRUE(cs->db().Exec("UPDATE audit_log SET actor = 'bob' WHERE action = 'review_decision'").ok());
  Result<app::VerifyReport> bad = app::VerifyCase(*cs, vo);
  ASSERT_TRUE(bad.ok());
  ASSERT_FALSE(bad->ok());
  EXPECT_EQ(bad->problems.front().kind, "audit_chain");
}

TEST_F(ServeTest, InjectionAndTraversalStringsChangeNothing) {
  Login alice = LogIn("alice");
  const std::vector<std::string> hostile = {
      "1' OR '1'='1", "1; DROP TABLE items;--", "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd",
      "%00", "\" OR 1=1 --", "1 UNION SELECT password_hash FROM users", "/etc/shadow", "-1", "99999999999999999999"};
  const int64_t items = Count("SELECT count(*) FROM items");
  const int64_t users = Count("SELECT count(*) FROM users");
  for (const std::string& h : hostile) {
    const std::string enc = PercentEncode(h);
    for (const char* param : {"source", "type", "category", "match", "label", "offset", "limit"}) {
      httplib::Result r = Get(std::string("/api/queue?") + param + "=" + enc, &alice);
      ASSERT_TRUE(r);
      EXPECT_TRUE(r->status == 200 || r->status == 400) << param << "=" << h << " -> " << r->status;
      if (r->status == 200) {
        EXPECT_EQ(json::parse(r->body)["total"], 0) << param << "=" << h;
      }
    }
    for (const std::string& path : {"/api/items/" + enc, "/api/conversations/" + enc, "/api/items/" + enc + "/decision"}) {
      httplib::Result r = path.find("decision") != std::string::npos ? PostJson(path, {{"category", 1}}, &alice)
                                                                     : Get(path, &alice);
      ASSERT_TRUE(r);
      EXPECT_TRUE(r->status == 404 || r->status == 400) << path << " -> " << r->status;
    }
    httplib::Result d = PostJson("/api/items/3/decision", {{"category", h}, {"tags", {h}}, {"note", h}}, &alice);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->status, 400);
    httplib::Result l = PostJson("/api/login", {{"name", h}, {"password", h}});
    ASSERT_TRUE(l);
    EXPECT_TRUE(l->status == 401 || l->status == 429) << l->status;
  }
  // A hostile note or tag is stored as text, nothing more.
  httplib::Result d = PostJson("/api/items/3/decision", {{"category", 1}, {"tags", {hostile[1]}}, {"note", hostile[0]}}, &alice);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->status, 200);
  EXPECT_EQ(Count("SELECT count(*) FROM items"), items);
  EXPECT_EQ(Count("SELECT count(*) FROM users"), users);
  EXPECT_EQ(Count("SELECT count(*) FROM review_decisions"), 1);
  // Malformed bodies.
  httplib::Result bad_json = client_->Post("/api/login", "{not json", "application/json");
  ASSERT_TRUE(bad_json);
  EXPECT_EQ(bad_json->status, 400);
  httplib::Result form = client_->Post("/api/login", "name=a&password=b", "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 415);
  std::string huge(200 * 1024, 'x');
  httplib::Result big = client_->Post("/api/login", huge, "application/json");
  if (big) {
    EXPECT_EQ(big->status, 413);  // or the connection is cut before the whole body is sent
  }
  for (const char* raw : {"/api/items/../../../etc/passwd", "/api/items/1/../../../etc/passwd", "/api/../../etc/passwd"}) {
    httplib::Result r = Get(raw, &alice);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404) << raw;
  }
}

TEST_F(ServeTest, RepeatedBadLoginsAreRateLimited) {
  for (int i = 0; i < 5; ++i) {
    httplib::Result r = PostJson("/api/login", {{"name", "alice"}, {"password", "wrong password " + std::to_string(i)}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
  }
  httplib::Result r = PostJson("/api/login", {{"name", "alice"}, {"password", Password("alice")}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 429);
  EXPECT_FALSE(r->get_header_value("Retry-After").empty());
  // The client address is limited too: another name from the same address is refused.
  r = PostJson("/api/login", {{"name", "bob"}, {"password", Password("bob")}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 429);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'login_failed'"), 5);
}

}  // namespace
}  // namespace ngb::serve
