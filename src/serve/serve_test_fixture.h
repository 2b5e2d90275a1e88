// Test fixture for the review server: a case (synthetic unless FillCase is overridden) with four
// accounts (alice and bob reviewers, sue supervisor, eve examiner), the server on a free loopback
// port, and a client with helpers to log in and call routes.
#pragma once
#include <gtest/gtest.h>
#include <httplib.h>

#include <cctype>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "review/users.h"
#include "serve/server.h"
#include "store/case_store.h"
#include "testing/review_case.h"
#include "testing/temp_dir.h"

namespace ngb::serve {

using nlohmann::json;

// Every byte but letters and digits as %XX.
inline std::string PercentEncode(const std::string& s) {
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

  // What the case holds: 2000 synthetic items unless a test overrides it.
  virtual void FillCase(store::CaseStore& cs) { ASSERT_TRUE(ngb::testing::FillSyntheticCase(cs.db(), 2000).ok()); }

  void StartServer(ServeOptions options) {
    case_dir_ = dir_.path() + "/case";
    {
      Result<store::CaseStore> cs = store::CaseStore::Create(case_dir_, "t", "examiner");
      ASSERT_TRUE(cs.ok()) << cs.status().ToString();
      FillCase(*cs);
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

  ngb::testing::TempDir dir_;
  std::string case_dir_;
  std::unique_ptr<ReviewServer> server_;
  std::thread thread_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace ngb::serve
