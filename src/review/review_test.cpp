#include <gtest/gtest.h>

#include <string>

#include "review/decisions.h"
#include "review/login_limiter.h"
#include "review/password.h"
#include "review/queue.h"
#include "review/sessions.h"
#include "review/users.h"
#include "store/audit_log.h"
#include "store/case_store.h"
#include "store/migrations.h"
#include "testing/review_case.h"
#include "testing/temp_dir.h"

namespace ngb::review {
namespace {

using ngb::testing::TempDir;

int64_t Count(store::Db& db, const std::string& sql) {
  Result<store::Stmt> q = db.Prepare(sql);
  EXPECT_TRUE(q.ok());
  EXPECT_TRUE(q->Step().ok());
  return q->Int(0);
}

class ReviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<store::CaseStore> cs = store::CaseStore::Create(dir_.path() + "/case", "t", "examiner");
    ASSERT_TRUE(cs.ok()) << cs.status().ToString();
    cs_.emplace(std::move(*cs));
    ASSERT_TRUE(ngb::testing::FillSyntheticCase(db(), 3000).ok());
    alice_ = Add("alice", Role::kReviewer);
    bob_ = Add("bob", Role::kReviewer);
    sue_ = Add("sue", Role::kSupervisor);
    eve_ = Add("eve", Role::kExaminer);
  }
  store::Db& db() { return cs_->db(); }
  User Add(const std::string& name, Role role) {
    Result<User> u = AddUser(db(), name, role, "correct horse battery " + std::to_string(static_cast<int>(name[0])), PasswordCost::kInteractive, "admin");
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return u.ok() ? *u : User{};
  }

  TempDir dir_;
  std::optional<store::CaseStore> cs_;
  User alice_, bob_, sue_, eve_;
};

TEST(ReviewMigrationTest, UpgradesVersion4CaseInPlace) {
  TempDir dir;
  Result<store::Db> db = store::Db::Open(dir.path() + "/case.db", true);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(store::ApplyMigrations(*db, store::CaseMigrations().first(4), "case_too_new").ok());
  ASSERT_EQ(*store::SchemaVersion(*db), 4);
  ASSERT_TRUE(ngb::testing::FillSyntheticCase(*db, 100).ok());
  ASSERT_TRUE(store::AppendAudit(*db, "x", "case_init", "{}").ok());
  ASSERT_TRUE(store::Migrate(*db).ok());
  EXPECT_EQ(*store::SchemaVersion(*db), store::LatestSchemaVersion());
  EXPECT_GE(store::LatestSchemaVersion(), 5);
  EXPECT_EQ(Count(*db, "SELECT count(*) FROM items"), 100);
  EXPECT_EQ(Count(*db, "SELECT count(*) FROM users"), 0);
  Result<User> u = AddUser(*db, "rita", Role::kReviewer, "a long enough pass phrase", PasswordCost::kInteractive, "x");
  ASSERT_TRUE(u.ok()) << u.status().ToString();
  Result<Decision> d = RecordDecision(*db, *u, 7, DecisionInput{2, {"t"}, "n"});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  Result<store::AuditCheck> check = store::VerifyAuditChain(*db);
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->ok);
  EXPECT_EQ(check->entries, 3);
}

TEST(ReviewPasswordTest, HashesVerifyAndWeakPasswordsAreRefused) {
  Result<std::string> h = HashPassword("a long enough pass phrase", PasswordCost::kInteractive);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword(*h, "a long enough pass phrase"));
  EXPECT_FALSE(VerifyPassword(*h, "a long enough pass phrasE"));
  EXPECT_FALSE(VerifyPassword("not a hash", "x"));
  EXPECT_FALSE(VerifyPassword(DummyPasswordHash(), ""));
  EXPECT_EQ(CheckPasswordStrength("bob", "").reason(), "weak_password");
  EXPECT_EQ(CheckPasswordStrength("bob", "short").reason(), "weak_password");
  EXPECT_EQ(CheckPasswordStrength("bob", "aaaaaaaaaaaaaaaa").reason(), "weak_password");
  EXPECT_EQ(CheckPasswordStrength("bobby", "my name is BOBBY ok").reason(), "weak_password");
  EXPECT_EQ(CheckPasswordStrength("x", "Password1234").reason(), "weak_password");
  EXPECT_TRUE(CheckPasswordStrength("bob", "orange tractor 42 sky").ok());
}

TEST_F(ReviewTest, UsersAreUniqueNamedAndListed) {
  EXPECT_EQ(AddUser(db(), "alice", Role::kReviewer, "another good phrase", PasswordCost::kInteractive, "a").status().reason(),
            "user_exists");
  EXPECT_EQ(AddUser(db(), "../x", Role::kReviewer, "another good phrase", PasswordCost::kInteractive, "a").status().reason(),
            "bad_user_name");
  EXPECT_EQ(AddUser(db(), "x'; DROP TABLE users;--", Role::kReviewer, "another good phrase", PasswordCost::kInteractive, "a")
                .status().reason(),
            "bad_user_name");
  Result<std::vector<User>> users = ListUsers(db());
  ASSERT_TRUE(users.ok());
  ASSERT_EQ(users->size(), 4u);
  EXPECT_EQ((*users)[0].name, "alice");
  EXPECT_EQ(Count(db(), "SELECT count(*) FROM audit_log WHERE action = 'user_add'"), 4);
  Result<Credentials> c = LoadCredentials(db(), "sue");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->user.role, Role::kSupervisor);
  EXPECT_TRUE(VerifyPassword(c->password_hash, "correct horse battery 115"));
}

TEST_F(ReviewTest, SessionsExpireAndIdleOut) {
  SessionPolicy p;
  Result<Session> s = CreateSession(db(), alice_, 1000, p);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->token.size(), 64u);
  EXPECT_EQ(Count(db(), "SELECT count(*) FROM sessions WHERE token_hash = '" + s->token + "'"), 0);  // hash only
  Result<Session> found = LookupSession(db(), s->token, 1100, p);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->user.name, "alice");
  EXPECT_EQ(found->csrf_token, s->csrf_token);
  EXPECT_EQ(LookupSession(db(), s->token, 1100 + p.idle_s + 1, p).status().reason(), "no_session");
  EXPECT_EQ(LookupSession(db(), s->token, 1000 + p.lifetime_s, p).status().reason(), "no_session");
  EXPECT_EQ(LookupSession(db(), std::string(64, 'a'), 1100, p).status().reason(), "no_session");
  ASSERT_TRUE(EndSession(db(), s->token_hash, 1200).ok());
  EXPECT_EQ(LookupSession(db(), s->token, 1200, p).status().reason(), "no_session");
}

TEST_F(ReviewTest, OnlySupervisorsChangeAnotherReviewersDecision) {
  Result<Decision> a = RecordDecision(db(), alice_, 10, DecisionInput{1, {"x"}, "first"});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_TRUE(RecordDecision(db(), alice_, 10, DecisionInput{2, {}, "own change"}).ok());
  EXPECT_EQ(RecordDecision(db(), bob_, 10, DecisionInput{3, {}, ""}).status().reason(), "forbidden");
  EXPECT_EQ(RecordDecision(db(), eve_, 11, DecisionInput{3, {}, ""}).status().reason(), "forbidden");
  Result<Decision> s = RecordDecision(db(), sue_, 10, DecisionInput{std::nullopt, {}, "uncategorised"});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(RecordDecision(db(), alice_, 10, DecisionInput{4, {}, ""}).status().reason(), "forbidden");
  EXPECT_EQ(RecordDecision(db(), alice_, 999999, DecisionInput{4, {}, ""}).status().reason(), "no_such_item");
  EXPECT_EQ(RecordDecision(db(), alice_, 12, DecisionInput{5, {}, ""}).status().reason(), "bad_category");
  Result<std::vector<Decision>> history = DecisionHistory(db(), 10);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[0].note, "first");
  Result<std::optional<Decision>> current = CurrentDecision(db(), 10);
  ASSERT_TRUE(current.ok() && current->has_value());
  EXPECT_FALSE((*current)->category.has_value());
  EXPECT_EQ((*current)->reviewer, "sue");
  // Each decision is an audit entry naming before and after.
  Result<store::Stmt> q = db().Prepare("SELECT actor, details FROM audit_log WHERE seq = ?");
  ASSERT_TRUE(q.ok());
  q->Bind(1, (*current)->audit_seq);
  ASSERT_TRUE(*q->Step());
  EXPECT_EQ(q->Text(0), "sue");
  EXPECT_NE(q->Text(1).find("\"before\":{"), std::string::npos);
  EXPECT_NE(q->Text(1).find("\"after\":{"), std::string::npos);
  // History rows cannot be edited through SQLite.
  EXPECT_FALSE(db().Exec("UPDATE review_decisions SET category = 0").ok());
}

TEST_F(ReviewTest, EditedAuditTableIsDetected) {
  ASSERT_TRUE(RecordDecision(db(), alice_, 10, DecisionInput{1, {}, ""}).ok());
  Result<store::AuditCheck> before = store::VerifyAuditChain(db());
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(before->ok);
  // Someone with the file edits the decision's audit entry (dropping the trigger first).
  ASSERT_TRUE(db().Exec("DROP TRIGGER audit_log_no_update").ok());
  ASSERT_TRUE(db().Exec("UPDATE audit_log SET details = replace(details, '\"category\":1', '\"category\":0') "
                        "WHERE action = 'review_decision'").ok());
  Result<store::AuditCheck> after = store::VerifyAuditChain(db());
  ASSERT_TRUE(after.ok());
  EXPECT_FALSE(after->ok);
}

TEST_F(ReviewTest, QueueOrdersByPriorityAndFilters) {
  ReviewQueue queue;
  Result<QueuePage> page = queue.Page(db(), QueueFilter{.limit = 500});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->total, 3000);
  // 3 alert matches (1000, 2000, 3000), then 3 near matches closest first, then chats by risk.
  ASSERT_GE(page->entries.size(), 20u);
  EXPECT_EQ(page->entries[0].item_id, 1000);
  EXPECT_STREQ(page->entries[0].tier_name, "alert");
  EXPECT_STREQ(page->entries[3].tier_name, "near");
  EXPECT_STREQ(page->entries[5].tier_name, "near");
  EXPECT_LE(-page->entries[3].score, -page->entries[4].score);
  EXPECT_STREQ(page->entries[6].tier_name, "chat");
  EXPECT_GE(page->entries[6].score, page->entries[7].score);
  int last_tier = 0;
  for (const QueueEntry& e : page->entries) {
    EXPECT_GE(e.tier, last_tier);
    last_tier = e.tier;
  }
  Result<QueuePage> alerts = queue.Page(db(), QueueFilter{.match = "alert"});
  ASSERT_TRUE(alerts.ok());
  EXPECT_EQ(alerts->total, 3);
  Result<QueuePage> groom = queue.Page(db(), QueueFilter{.label = "grooming"});
  ASSERT_TRUE(groom.ok());
  EXPECT_GT(groom->total, 0);
  for (const QueueEntry& e : groom->entries) EXPECT_EQ(e.labels, "grooming");
  Result<QueuePage> phone = queue.Page(db(), QueueFilter{.source = "phone", .type = "image"});
  ASSERT_TRUE(phone.ok());
  for (const QueueEntry& e : phone->entries) EXPECT_EQ(e.source, "phone");
  ASSERT_TRUE(RecordDecision(db(), alice_, 1000, DecisionInput{1, {}, ""}).ok());
  Result<QueuePage> cat1 = queue.Page(db(), QueueFilter{.category = "1"});
  ASSERT_TRUE(cat1.ok());
  ASSERT_EQ(cat1->total, 1);
  EXPECT_EQ(cat1->entries[0].item_id, 1000);
  Result<QueuePage> none = queue.Page(db(), QueueFilter{.category = "none"});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->total, 2999);
  // Hostile values are refused or only ever compared.
  EXPECT_EQ(queue.Page(db(), QueueFilter{.type = "image' OR 1=1 --"}).status().reason(), "bad_filter");
  EXPECT_EQ(queue.Page(db(), QueueFilter{.category = "1 OR 1"}).status().reason(), "bad_filter");
  EXPECT_EQ(queue.Page(db(), QueueFilter{.limit = 0}).status().reason(), "bad_filter");
  Result<QueuePage> inj = queue.Page(db(), QueueFilter{.source = "phone' OR '1'='1"});
  ASSERT_TRUE(inj.ok());
  EXPECT_EQ(inj->total, 0);
}

TEST(ReviewLoginLimiterTest, BlocksAfterFailuresUntilWindowEnds) {
  LoginLimiter limiter(LoginLimits{3, 60, 4});
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(limiter.RetryAfter("u", 100), 0);
    limiter.RecordFailure("u", 100);
  }
  EXPECT_EQ(limiter.RetryAfter("u", 100), 60);
  EXPECT_EQ(limiter.RetryAfter("u", 159), 1);
  EXPECT_EQ(limiter.RetryAfter("u", 160), 0);
  limiter.RecordFailure("v", 100);
  limiter.RecordSuccess("v");
  EXPECT_EQ(limiter.RetryAfter("v", 100), 0);
  for (int k = 0; k < 100; ++k) limiter.RecordFailure("k" + std::to_string(k), 200 + k);  // bounded
}

}  // namespace
}  // namespace ngb::review
