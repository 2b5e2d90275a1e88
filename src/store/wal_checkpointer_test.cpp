#include "store/wal_checkpointer.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <string>
#include <thread>

#include "testing/temp_dir.h"

namespace ngb::store {
namespace {

using ngb::testing::TempDir;

class WalCheckpointerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Db> db = Db::Open(path(), /*create=*/true);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    ASSERT_TRUE(db_.Exec("PRAGMA journal_mode=WAL").ok());
    ASSERT_TRUE(db_.Exec("CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB)").ok());
  }

  std::string path() const { return dir_.path() + "/x.db"; }

  // One transaction of `rows` rows of 1 KiB each (about a page apiece).
  void Write(int rows) {
    ASSERT_TRUE(db_.Exec("BEGIN").ok());
    Result<Stmt> ins = db_.Prepare("INSERT INTO t(v) VALUES(zeroblob(1024))");
    ASSERT_TRUE(ins.ok());
    for (int i = 0; i < rows; ++i) ASSERT_TRUE(ins->Run().ok());
    ASSERT_TRUE(db_.Exec("COMMIT").ok());
  }

  int64_t Count() {
    Result<Stmt> q = db_.Prepare("SELECT count(*) FROM t");
    EXPECT_TRUE(q.ok());
    Result<bool> r = q->Step();
    EXPECT_TRUE(r.ok() && *r);
    return q->Int(0);
  }

  off_t WalBytes() const {
    struct stat st {};
    return stat((path() + "-wal").c_str(), &st) == 0 ? st.st_size : 0;
  }

  TempDir dir_;
  Db db_;
};

TEST_F(WalCheckpointerTest, CopiesTheLogOnItsOwnConnection) {
  WalCheckpointer c(db_, /*pages=*/64);
  Write(200);  // > 64 pages in the log: wakes the background checkpoint
  for (int i = 0; i < 500 && c.checkpoints() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_GE(c.checkpoints(), 1);
  // The copied log is reused from its start by the next transaction instead of growing.
  const off_t before = WalBytes();
  Write(10);
  EXPECT_LE(WalBytes(), before);
  EXPECT_EQ(Count(), 210);
}

TEST_F(WalCheckpointerTest, LogStaysBoundedWhenCommitsOutpaceIt) {
  constexpr int kPages = 32;
  {
    WalCheckpointer c(db_, kPages);
    for (int i = 0; i < 50; ++i) Write(40);
  }
  // Whatever the background thread managed, the writer's own fallback at 4 x pages caps the log
  // (twice over: a fallback that meets the background checkpoint at work is retried at the next
  // commit). Without any checkpoint it would hold all 2,000 pages.
  EXPECT_LT(WalBytes(), static_cast<off_t>(8 * kPages * (4096 + 24)));
  EXPECT_EQ(Count(), 2000);
}

TEST_F(WalCheckpointerTest, GivesBackAutomaticCheckpointsWhenDestroyed) {
  { WalCheckpointer c(db_, 16); }
  for (int i = 0; i < 5; ++i) Write(40);
  // SQLite's own checkpoint (at 16 pages) ran inside the commits: the log holds at most one
  // transaction's frames.
  EXPECT_LT(WalBytes(), static_cast<off_t>((16 + 60) * (4096 + 24) + 32));
}

TEST_F(WalCheckpointerTest, TakesTheConnectionsOwnThresholdByDefault) {
  ASSERT_TRUE(db_.Exec("PRAGMA wal_autocheckpoint=64").ok());
  {
    WalCheckpointer c(db_);
    Write(200);
    for (int i = 0; i < 500 && c.checkpoints() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_GE(c.checkpoints(), 1);
  }
  Result<Stmt> q = db_.Prepare("PRAGMA wal_autocheckpoint");
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(*q->Step());
  EXPECT_EQ(q->Int(0), 64);  // given back as it was
}

TEST_F(WalCheckpointerTest, LeavesAConnectionWithoutAutomaticCheckpointsAlone) {
  ASSERT_TRUE(db_.Exec("PRAGMA wal_autocheckpoint=0").ok());
  WalCheckpointer c(db_);
  Write(200);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(c.checkpoints(), 0);
}

TEST(WalCheckpointerMemoryTest, LeavesAnInMemoryDatabaseAlone) {
  Result<Db> db = Db::Open(":memory:", true);
  ASSERT_TRUE(db.ok());
  WalCheckpointer c(*db, 1);
  ASSERT_TRUE(db->Exec("CREATE TABLE t(x); INSERT INTO t VALUES(1)").ok());
  EXPECT_EQ(c.checkpoints(), 0);
}

}  // namespace
}  // namespace ngb::store
