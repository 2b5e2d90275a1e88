#include "store/case_store.h"

#include <gtest/gtest.h>

#include <string>

#include "testing/temp_dir.h"

namespace ngb::store {
namespace {

using ngb::testing::TempDir;

int64_t Pragma(Db& db, const std::string& name) {
  Result<Stmt> q = db.Prepare("PRAGMA " + name);
  EXPECT_TRUE(q.ok());
  if (!q.ok()) return -1;
  Result<bool> row = q->Step();
  EXPECT_TRUE(row.ok() && *row);
  return q->Int(0);
}

TEST(CaseStoreTest, NewCasesUse16KiBPagesAndCheckpointEvery32MiB) {
  TempDir dir;
  Result<CaseStore> cs = CaseStore::Create(dir.path() + "/case", "t", "e");
  ASSERT_TRUE(cs.ok()) << cs.status().ToString();
  EXPECT_EQ(Pragma(cs->db(), "page_size"), 16384);
  EXPECT_EQ(Pragma(cs->db(), "wal_autocheckpoint"), 2048);
}

TEST(CaseStoreTest, OlderCasesKeepTheirPagesAndCheckpointEvery32MiB) {
  TempDir dir;
  const std::string path = dir.path() + "/case";
  {
    Result<CaseStore> cs = CaseStore::Create(path, "t", "e");
    ASSERT_TRUE(cs.ok());
  }
  // A case written before 16 KiB pages: same database rebuilt with 4 KiB ones.
  {
    Result<Db> db = Db::Open(path + "/" + kCaseDbName, false);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec("PRAGMA journal_mode=DELETE; PRAGMA page_size=4096; VACUUM").ok());
    ASSERT_EQ(Pragma(*db, "page_size"), 4096);
  }
  Result<CaseStore> cs = CaseStore::Open(path);
  ASSERT_TRUE(cs.ok()) << cs.status().ToString();
  EXPECT_EQ(Pragma(cs->db(), "page_size"), 4096);
  EXPECT_EQ(Pragma(cs->db(), "wal_autocheckpoint"), 8192);
  EXPECT_EQ(cs->Meta("title"), "t");
}

}  // namespace
}  // namespace ngb::store
