#include "store/sqlite.h"

#include <gtest/gtest.h>

#include "testing/temp_dir.h"

namespace ngb::store {
namespace {

// SQLite's memory statistics cost a global mutex around every allocation; Db turns them off
// before the first connection, so the process-wide counter never moves.
TEST(Db, KeepsNoMemoryStatistics) {
  ngb::testing::TempDir dir;
  Result<Db> db = Db::Open(dir.path() + "/t.db", /*create=*/true);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ASSERT_TRUE(db->Exec("CREATE TABLE t(x); INSERT INTO t VALUES(randomblob(100000));").ok());
  EXPECT_EQ(sqlite3_memory_used(), 0);
}

}  // namespace
}  // namespace ngb::store
