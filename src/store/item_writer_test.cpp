#include "store/item_writer.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "store/migrations.h"

#include "testing/temp_dir.h"

namespace ngb::store {
namespace {

using ngb::testing::TempDir;

class ItemWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    Result<Db> db = Db::Open(dir_.path() + "/case.db", /*create=*/true);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    ASSERT_TRUE(db_.Exec("PRAGMA journal_mode=WAL").ok());
    ASSERT_TRUE(Migrate(db_).ok());
  }

  int64_t Scalar(const std::string& sql) {
    Result<Stmt> q = db_.Prepare(sql);
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    if (!q.ok()) return -1;
    Result<bool> r = q->Step();
    EXPECT_TRUE(r.ok() && *r) << sql;
    return q->Int(0);
  }

  static ItemRecord Rec(int64_t id, std::string path) {
    ItemRecord r;
    r.id = id;
    r.top_id = id;
    r.scan_id = 1;
    r.source_id = 1;
    r.path = std::move(path);
    r.top_done = true;
    return r;
  }

  TempDir dir_;
  Db db_;
};

TEST_F(ItemWriterTest, RecordsFromManyThreadsLandExactlyOnce) {
  constexpr int kThreads = 6;
  constexpr int kPerThread = 3000;  // more than one batch in total
  {
    ItemWriter w(db_);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&w, t] {
        for (int i = 0; i < kPerThread; ++i) {
          const int64_t id = int64_t{t} * kPerThread + i + 1;
          ItemRecord r = Rec(id, "ev/t" + std::to_string(t) + "/f" + std::to_string(i));
          r.size = static_cast<uint64_t>(i);
          w.Put(std::move(r));
        }
      });
    }
    for (auto& th : threads) th.join();
    Status s = w.Close();
    ASSERT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(w.rows_written(), int64_t{kThreads} * kPerThread);
    EXPECT_TRUE(w.Close().ok());  // a second Close is harmless
  }
  EXPECT_EQ(Scalar("SELECT count(*) FROM items"), int64_t{kThreads} * kPerThread);
  EXPECT_EQ(Scalar("SELECT count(DISTINCT id) FROM items"), int64_t{kThreads} * kPerThread);
  EXPECT_EQ(Scalar("SELECT count(DISTINCT path) FROM items"), int64_t{kThreads} * kPerThread);
  EXPECT_EQ(Scalar("SELECT min(id) FROM items"), 1);
  EXPECT_EQ(Scalar("SELECT max(id) FROM items"), int64_t{kThreads} * kPerThread);
  // Each record's own fields stayed together.
  EXPECT_EQ(Scalar("SELECT count(*) FROM items WHERE path_text != 'ev/t' || ((id - 1) / 3000) || '/f' || "
                   "((id - 1) % 3000) OR size != (id - 1) % 3000"),
            0);
}

TEST_F(ItemWriterTest, SingleProducerSpanningSeveralBatches) {
  {
    ItemWriter w(db_);
    for (int i = 1; i <= 10000; ++i) w.Put(Rec(i, "p" + std::to_string(i)));
    ASSERT_TRUE(w.Close().ok());
    EXPECT_EQ(w.rows_written(), 10000);
  }
  EXPECT_EQ(Scalar("SELECT count(*) FROM items"), 10000);
  EXPECT_EQ(Scalar("SELECT count(*) FROM items WHERE path_text != 'p' || id"), 0);
}

// PutBatch takes the records and hands back an empty vector (one the writer has finished with,
// once there is one); every record lands once, in id order whatever the hand-over order.
TEST_F(ItemWriterTest, BatchesAreHandedBackEmptyAndEveryRecordLands) {
  constexpr int kBatches = 200, kPerBatch = 50;
  {
    ItemWriter w(db_);
    std::vector<ItemRecord> held;
    for (int b = kBatches - 1; b >= 0; --b) {
      for (int i = 0; i < kPerBatch; ++i) {
        const int64_t id = int64_t{b} * kPerBatch + i + 1;
        held.push_back(Rec(id, "ev/b" + std::to_string(b) + "/f" + std::to_string(i)));
      }
      w.PutBatch(held);
      ASSERT_TRUE(held.empty());
    }
    std::vector<ItemRecord> none;
    w.PutBatch(none);  // nothing to hand over
    ASSERT_TRUE(w.Close().ok());
    EXPECT_EQ(w.rows_written(), int64_t{kBatches} * kPerBatch);
  }
  EXPECT_EQ(Scalar("SELECT count(*) FROM items"), int64_t{kBatches} * kPerBatch);
  EXPECT_EQ(Scalar("SELECT count(*) FROM items WHERE path_text != 'ev/b' || ((id - 1) / 50) || '/f' || ((id - 1) % 50)"),
            0);
}

TEST_F(ItemWriterTest, AttrsLandInItemAttrs) {
  {
    ItemWriter w(db_);
    ItemRecord r = Rec(7, "ev/a.zip");
    r.attrs = {{"container.format", "ZIP 2.0 (deflation)"}, {"container.members", "3"}};
    w.Put(std::move(r));
    w.Put(Rec(8, "ev/b.txt"));
    ASSERT_TRUE(w.Close().ok());
  }
  Result<Stmt> q = db_.Prepare("SELECT item_id, key, value FROM item_attrs ORDER BY key");
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(*q->Step());
  EXPECT_EQ(q->Int(0), 7);
  EXPECT_EQ(q->Text(1), "container.format");
  EXPECT_EQ(q->Text(2), "ZIP 2.0 (deflation)");
  ASSERT_TRUE(*q->Step());
  EXPECT_EQ(q->Int(0), 7);
  EXPECT_EQ(q->Text(1), "container.members");
  EXPECT_EQ(q->Text(2), "3");
  EXPECT_FALSE(*q->Step());
}

TEST_F(ItemWriterTest, InvalidUtf8PathStoredByteExactAndEscapedInPathText) {
  const std::string raw = std::string("ev/caf\xC3\xA9/a\xFF\xFE", 12) + std::string(1, '\0') + "z.jpg";
  {
    ItemWriter w(db_);
    w.Put(Rec(1, raw));
    ASSERT_TRUE(w.Close().ok());
  }
  Result<Stmt> q = db_.Prepare("SELECT path, path_text, typeof(path) FROM items WHERE id = 1");
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(*q->Step());
  EXPECT_EQ(q->Text(0), raw);
  EXPECT_EQ(q->Text(2), "blob");
  const std::string text = q->Text(1);
  EXPECT_EQ(text.substr(0, 18), "ev/caf\xC3\xA9/a\\xFF\\xFE");
  EXPECT_EQ(text.find('\xFF'), std::string::npos);
  EXPECT_EQ(text.find('\xFE'), std::string::npos);
}

TEST_F(ItemWriterTest, ColumnsRoundTrip) {
  {
    ItemWriter w(db_);
    ItemRecord r = Rec(10, "ev/x.zip!/link");
    r.parent_id = 9;
    r.top_id = 9;
    r.depth = 1;
    r.kind = ItemKind::kSymlink;
    r.link_target = "../t\xFF";
    r.mtime = -1'500'000'000;
    r.mode = 0120777;
    r.ext_mismatch = false;
    r.error = "truncated";
    r.error_detail = "ends early";
    w.Put(std::move(r));
    ItemRecord f = Rec(11, "ev/y");
    f.size = 0;
    f.sparse = true;
    f.md5 = "d41d8cd98f00b204e9800998ecf8427e";
    f.mime = "application/x-empty";
    w.Put(std::move(f));
    ASSERT_TRUE(w.Close().ok());
  }
  Result<Stmt> q = db_.Prepare(
      "SELECT parent_id, top_id, depth, kind, size, mtime_ns, mode, link_target, ext_mismatch, md5, "
      "error, error_detail, sparse, mime, atime_ns FROM items ORDER BY id");
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(*q->Step());
  EXPECT_EQ(q->Int(0), 9);
  EXPECT_EQ(q->Int(1), 9);
  EXPECT_EQ(q->Int(2), 1);
  EXPECT_EQ(q->Text(3), "symlink");
  EXPECT_TRUE(q->IsNull(4));
  EXPECT_EQ(q->Int(5), -1'500'000'000);
  EXPECT_EQ(q->Int(6), 0120777);
  EXPECT_EQ(q->Text(7), "../t\xFF");
  EXPECT_FALSE(q->IsNull(8));
  EXPECT_EQ(q->Int(8), 0);
  EXPECT_TRUE(q->IsNull(9));  // empty digest -> NULL
  EXPECT_EQ(q->Text(10), "truncated");
  EXPECT_EQ(q->Text(11), "ends early");
  EXPECT_EQ(q->Int(12), 0);
  EXPECT_TRUE(q->IsNull(13));
  EXPECT_TRUE(q->IsNull(14));
  ASSERT_TRUE(*q->Step());
  EXPECT_TRUE(q->IsNull(0));  // parent_id 0 -> NULL
  EXPECT_EQ(q->Text(3), "file");
  EXPECT_FALSE(q->IsNull(4));
  EXPECT_EQ(q->Int(4), 0);
  EXPECT_TRUE(q->IsNull(7));  // no link target
  EXPECT_TRUE(q->IsNull(8));
  EXPECT_EQ(q->Text(9), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_TRUE(q->IsNull(10));
  EXPECT_EQ(q->Int(12), 1);
  EXPECT_EQ(q->Text(13), "application/x-empty");
}

TEST_F(ItemWriterTest, WriteErrorIsReportedByClose) {
  {
    ItemWriter w(db_);
    w.Put(Rec(1, "a"));
    w.Put(Rec(1, "duplicate id"));
    Status s = w.Close();
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(s.reason(), "case_store_error");
  }
  // The failed batch was rolled back as a whole.
  EXPECT_EQ(Scalar("SELECT count(*) FROM items"), 0);
}

TEST_F(ItemWriterTest, PutAfterCloseIsDropped) {
  ItemWriter w(db_);
  w.Put(Rec(1, "kept"));
  ASSERT_TRUE(w.Close().ok());
  w.Put(Rec(2, "late"));
  EXPECT_TRUE(w.Flush().ok());  // does not wait for the dropped record
  EXPECT_EQ(w.rows_written(), 1);
  EXPECT_EQ(Scalar("SELECT count(*) FROM items"), 1);
}

// Flush() must return once everything accepted so far is written, without needing more records
// or a Close().
TEST_F(ItemWriterTest, FlushReturnsAfterASingleRecord) {
  ItemWriter w(db_);
  w.Put(Rec(1, "only"));
  Status s = w.Flush();
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(w.rows_written(), 1);
  EXPECT_TRUE(w.Close().ok());
}

}  // namespace
}  // namespace ngb::store
