#include "serve/server.h"
#include "hash/sha256.h"

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
#include "serve/serve_test_fixture.h"
#include "store/case_store.h"

namespace ngb::serve {
namespace {

using nlohmann::json;

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

TEST_F(ServeTest, RequestsForAnotherHostNameAreRefused) {
  Login sue = LogIn("sue");
  for (const char* host : {"evil.example", "evil.example:80", "127.0.0.1.evil.example", "localhost:1"}) {
    httplib::Headers h{{"Cookie", sue.cookie}, {"Host", host}};
    httplib::Result r = client_->Get("/api/queue", h);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 421) << host;
    r = client_->Get("/", httplib::Headers{{"Host", host}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 421) << host;
  }
  httplib::Result ok = client_->Get("/api/queue", httplib::Headers{{"Cookie", sue.cookie}, {"Host", "localhost:" + std::to_string(port_)}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(ServeTest, UiIsServedWithAStrictPolicyAndOnlyKnownAssets) {
  httplib::Result page = Get("/");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("/assets/app.js"), std::string::npos);
  EXPECT_EQ(page->body.find("<script>"), std::string::npos);  // no inline script
  const std::string csp = page->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(page->get_header_value("X-Frame-Options"), "DENY");
  httplib::Result js = Get("/assets/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_NE(js->get_header_value("Content-Type").find("javascript"), std::string::npos);
  for (const char* bad : {"/assets/index.html", "/assets/..%2fmodels", "/assets/app.jsx", "/assets/"}) {
    httplib::Result r = Get(bad);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404) << bad;
  }
}

TEST_F(ServeTest, SupervisorsExportReviewersCannot) {
  Login alice = LogIn("alice"), sue = LogIn("sue");
  EXPECT_EQ(Get("/api/export?format=csv", &alice)->status, 403);
  EXPECT_EQ(Get("/api/items/5/original", &alice)->status, 403);
  EXPECT_EQ(Get("/api/export?format=../../etc/passwd", &sue)->status, 400);
  const int64_t exports = Count("SELECT count(*) FROM audit_log WHERE action = 'export'");
  httplib::Result r = Get("/api/export?format=csv", &sue);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_GT(std::count(r->body.begin(), r->body.end(), '\n'), 2000);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'export'"), exports + 1);
  // One audit shape for every front end (app::RunExport): what `nigehbaan export` records, plus
  // who asked through the server.
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'export' AND actor = 'sue' AND "
                  "json_extract(details, '$.format') = 'csv' AND json_extract(details, '$.out') = 'http' AND "
                  "json_extract(details, '$.bytes') = " + std::to_string(r->body.size()) + " AND "
                  "json_extract(details, '$.sha256') = '" + Sha256Hex(r->body) + "' AND "
                  "json_extract(details, '$.role') = 'supervisor' AND json_extract(details, '$.user') = 'sue'"),
            1);
  // Every format the command line has, CASE/UCO included.
  httplib::Result uco = Get("/api/export?format=case-uco", &sue);
  ASSERT_TRUE(uco);
  ASSERT_EQ(uco->status, 200) << uco->body;
  EXPECT_EQ(uco->get_header_value("Content-Type"), "application/ld+json");
  EXPECT_NE(uco->get_header_value("Content-Disposition").find("case-export.jsonld"), std::string::npos);
}

TEST_F(ServeTest, PreviewSettingIsStoredAndAudited) {
  Login alice = LogIn("alice");
  httplib::Result r = PostJson("/api/me/settings", {{"preview", "grayscale"}}, &alice);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json me = json::parse(Get("/api/me", &alice)->body);
  EXPECT_EQ(me["settings"]["preview"], "grayscale");
  EXPECT_FALSE(me["settings"]["reveal_default"].get<bool>());
  EXPECT_EQ(PostJson("/api/me/settings", {{"preview", "x"}}, &alice)->status, 400);
  EXPECT_EQ(PostJson("/api/me/settings", {{"reveal_default", true}}, &alice)->status, 200);
  me = json::parse(Get("/api/me", &alice)->body);
  EXPECT_EQ(me["settings"]["preview"], "clear");
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'settings_change'"), 2);
  // No evidence behind the synthetic items: no preview, and nothing revealed.
  r = Get("/api/items/2/thumbnail", &alice);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(Get("/api/items/2/thumbnail?variant=../x", &alice)->status, 400);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'preview_reveal'"), 0);
}

TEST_F(ServeTest, AuditChainIsCheckedIncrementallyAndAnEditIsStillCaught) {
  Login sue = LogIn("sue");
  json a = json::parse(Get("/api/audit?limit=1", &sue)->body);
  EXPECT_TRUE(a["chain_ok"].get<bool>());
  const int64_t n = a["total"];
  ASSERT_EQ(PostJson("/api/items/9/decision", {{"category", 3}}, &sue)->status, 200);
  a = json::parse(Get("/api/audit?limit=1", &sue)->body);
  EXPECT_TRUE(a["chain_ok"].get<bool>());
  EXPECT_EQ(a["total"], n + 1);
  {
    Result<store::CaseStore> cs = store::CaseStore::Open(case_dir_);
    ASSERT_TRUE(cs.ok());
    ASSERT_TRUE(cs->db().Exec("DROP TRIGGER audit_log_no_update").ok());
    ASSERT_TRUE(cs->db().Exec("UPDATE audit_log SET hash = 'x' || substr(hash, 2) WHERE seq = " + std::to_string(n + 1)).ok());
  }
  a = json::parse(Get("/api/audit?limit=1", &sue)->body);
  EXPECT_FALSE(a["chain_ok"].get<bool>());
}

}  // namespace
}  // namespace ngb::serve
