#include "store/audit_log.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "hash/sha256.h"
#include "store/case_store.h"
#include "store/migrations.h"

#include "testing/temp_dir.h"

namespace ngb::store {
namespace {

using ngb::testing::TempDir;

const std::string kZeros64(64, '0');

class AuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    Result<Db> db = Db::Open(dir_.path() + "/case.db", /*create=*/true);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    ASSERT_TRUE(Migrate(db_).ok());
  }

  // Appends entries 1..n.
  void AppendN(int n) {
    for (int i = 1; i <= n; ++i) {
      Result<AuditEntry> e = AppendAudit(db_, "examiner " + std::to_string(i), "action_" + std::to_string(i),
                                         "{\"n\":" + std::to_string(i) + "}");
      ASSERT_TRUE(e.ok()) << e.status().ToString();
    }
  }

  int64_t Count() {
    Result<Stmt> q = db_.Prepare("SELECT count(*) FROM audit_log");
    EXPECT_TRUE(q.ok());
    EXPECT_TRUE(q->Step().ok());
    return q->Int(0);
  }

  TempDir dir_;
  Db db_;
};

TEST_F(AuditLogTest, EmptyLogVerifies) {
  Result<AuditCheck> c = VerifyAuditChain(db_);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_TRUE(c->ok);
  EXPECT_EQ(c->entries, 0);
  EXPECT_EQ(c->broken_seq, 0);
}

TEST_F(AuditLogTest, AppendedEntriesAreChained) {
  Result<AuditEntry> e1 = AppendAudit(db_, "alice", "case_init", "{\"a\":1}");
  Result<AuditEntry> e2 = AppendAudit(db_, "bob", "scan_start", "{\"b\":2}");
  Result<AuditEntry> e3 = AppendAudit(db_, "carol", "export", "{}");
  ASSERT_TRUE(e1.ok() && e2.ok() && e3.ok());
  EXPECT_EQ(e1->seq, 1);
  EXPECT_EQ(e2->seq, 2);
  EXPECT_EQ(e3->seq, 3);
  EXPECT_EQ(e1->prev_hash, kZeros64);
  EXPECT_EQ(e2->prev_hash, e1->hash);
  EXPECT_EQ(e3->prev_hash, e2->hash);
  EXPECT_EQ(e1->hash.size(), 64u);
  EXPECT_NE(e1->hash, e2->hash);
  EXPECT_EQ(e2->hash, AuditEntryHash(*e2));

  Result<AuditCheck> c = VerifyAuditChain(db_);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_TRUE(c->ok) << c->problem;
  EXPECT_EQ(c->entries, 3);
  EXPECT_EQ(c->head_hash, e3->hash);

  // What was stored is what was returned.
  Result<Stmt> q = db_.Prepare("SELECT at, actor, action, details, prev_hash, hash FROM audit_log WHERE seq = 2");
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(*q->Step());
  EXPECT_EQ(q->Text(0), e2->at);
  EXPECT_EQ(q->Text(1), "bob");
  EXPECT_EQ(q->Text(2), "scan_start");
  EXPECT_EQ(q->Text(3), "{\"b\":2}");
  EXPECT_EQ(q->Text(4), e1->hash);
  EXPECT_EQ(q->Text(5), e2->hash);
}

TEST(AuditEntryHash, MatchesDocumentedLayout) {
  AuditEntry e;
  e.seq = 7;
  e.at = "2026-01-02T03:04:05.000006Z";
  e.actor = "examiner";
  e.action = "verify";
  e.details = "{\"ok\":true}";
  e.prev_hash = std::string(64, 'a');
  const std::string expected = Sha256Hex(std::string("7\x1f") + e.at + "\x1f" + e.actor + "\x1f" + e.action +
                                         "\x1f" + e.details + "\x1f" + e.prev_hash);
  EXPECT_EQ(AuditEntryHash(e), expected);
  // Every field takes part in the hash.
  AuditEntry f = e;
  f.seq = 8;
  EXPECT_NE(AuditEntryHash(f), expected);
  f = e;
  f.actor = "examiner2";
  EXPECT_NE(AuditEntryHash(f), expected);
  f = e;
  f.details = "{\"ok\":false}";
  EXPECT_NE(AuditEntryHash(f), expected);
  f = e;
  f.prev_hash = std::string(64, 'b');
  EXPECT_NE(AuditEntryHash(f), expected);
  f = e;
  f.at = "2026-01-02T03:04:05.000007Z";
  EXPECT_NE(AuditEntryHash(f), expected);
  f = e;
  f.action = "export";
  EXPECT_NE(AuditEntryHash(f), expected);
}

TEST_F(AuditLogTest, TriggersRefuseUpdateAndDelete) {
  AppendN(3);
  Status upd = db_.Exec("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2");
  EXPECT_FALSE(upd.ok());
  EXPECT_NE(upd.detail().find("append-only"), std::string::npos) << upd.ToString();
  Status del = db_.Exec("DELETE FROM audit_log WHERE seq = 2");
  EXPECT_FALSE(del.ok());
  EXPECT_NE(del.detail().find("append-only"), std::string::npos) << del.ToString();
  Status del_all = db_.Exec("DELETE FROM audit_log");
  EXPECT_FALSE(del_all.ok());

  EXPECT_EQ(Count(), 3);
  Result<Stmt> q = db_.Prepare("SELECT actor FROM audit_log WHERE seq = 2");
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(*q->Step());
  EXPECT_EQ(q->Text(0), "examiner 2");
  Result<AuditCheck> c = VerifyAuditChain(db_);
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->ok);
}

TEST_F(AuditLogTest, EditedActorIsReportedAtItsSeq) {
  AppendN(4);
  ASSERT_TRUE(db_.Exec("DROP TRIGGER audit_log_no_update").ok());
  ASSERT_TRUE(db_.Exec("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3").ok());
  Result<AuditCheck> c = VerifyAuditChain(db_);
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->ok);
  EXPECT_EQ(c->broken_seq, 3);
  EXPECT_FALSE(c->problem.empty());
}

TEST_F(AuditLogTest, EditedDetailsAreReportedAtItsSeq) {
  AppendN(4);
  ASSERT_TRUE(db_.Exec("DROP TRIGGER audit_log_no_update").ok());
  ASSERT_TRUE(db_.Exec("UPDATE audit_log SET details = '{\"n\":99}' WHERE seq = 1").ok());
  Result<AuditCheck> c = VerifyAuditChain(db_);
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->ok);
  EXPECT_EQ(c->broken_seq, 1);
}

TEST_F(AuditLogTest, EditWithRecomputedHashBreaksTheNextLink) {
  AppendN(4);
  ASSERT_TRUE(db_.Exec("DROP TRIGGER audit_log_no_update").ok());
  // A careful forger edits entry 2 and recomputes its own hash: entry 3 still points at the old one.
  Result<Stmt> q = db_.Prepare("SELECT seq, at, actor, action, details, prev_hash FROM audit_log WHERE seq = 2");
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(*q->Step());
  AuditEntry e{q->Int(0), q->Text(1), "mallory", q->Text(3), q->Text(4), q->Text(5), ""};
  e.hash = AuditEntryHash(e);
  Result<Stmt> up = db_.Prepare("UPDATE audit_log SET actor = ?, hash = ? WHERE seq = 2");
  ASSERT_TRUE(up.ok());
  up->Bind(1, e.actor).Bind(2, e.hash);
  ASSERT_TRUE(up->Run().ok());

  Result<AuditCheck> c = VerifyAuditChain(db_);
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->ok);
  EXPECT_EQ(c->broken_seq, 3);
  EXPECT_NE(c->problem.find("link"), std::string::npos) << c->problem;
}

TEST_F(AuditLogTest, DeletedMiddleEntryIsReportedMissing) {
  AppendN(5);
  ASSERT_TRUE(db_.Exec("DROP TRIGGER audit_log_no_delete").ok());
  ASSERT_TRUE(db_.Exec("DELETE FROM audit_log WHERE seq = 3").ok());
  Result<AuditCheck> c = VerifyAuditChain(db_);
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->ok);
  EXPECT_EQ(c->broken_seq, 4);
  EXPECT_NE(c->problem.find("missing"), std::string::npos) << c->problem;
  EXPECT_NE(c->problem.find('3'), std::string::npos) << c->problem;
}

TEST_F(AuditLogTest, DeletedFirstEntryIsReportedMissing) {
  AppendN(3);
  ASSERT_TRUE(db_.Exec("DROP TRIGGER audit_log_no_delete").ok());
  ASSERT_TRUE(db_.Exec("DELETE FROM audit_log WHERE seq = 1").ok());
  Result<AuditCheck> c = VerifyAuditChain(db_);
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->ok);
  EXPECT_EQ(c->broken_seq, 2);
  EXPECT_NE(c->problem.find("missing"), std::string::npos) << c->problem;
}

TEST(AuditLogCase, CreatedCaseStartsWithAVerifiableCaseInitEntry) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  Result<CaseStore> cs = CaseStore::Create(dir.path() + "/case", "Title", "Examiner E");
  ASSERT_TRUE(cs.ok()) << cs.status().ToString();
  Result<AuditEntry> e = cs->Audit("Examiner E", "export", "{\"format\":\"csv\"}");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->seq, 2);

  Result<Stmt> q = cs->db().Prepare("SELECT action, actor, prev_hash FROM audit_log WHERE seq = 1");
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(*q->Step());
  EXPECT_EQ(q->Text(0), "case_init");
  EXPECT_EQ(q->Text(1), "Examiner E");
  EXPECT_EQ(q->Text(2), kZeros64);

  Result<AuditCheck> c = VerifyAuditChain(cs->db());
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->ok) << c->problem;
  EXPECT_EQ(c->entries, 2);
  EXPECT_EQ(c->head_hash, e->hash);
}

}  // namespace
}  // namespace ngb::store
