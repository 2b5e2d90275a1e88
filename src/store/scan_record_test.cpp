#include "store/scan_record.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "hash/sha256.h"
#include "store/migrations.h"

#include "testing/temp_dir.h"

namespace ngb::store {
namespace {

using ngb::testing::TempDir;

struct Row {
  int64_t id = 0;
  int64_t scan_id = 1;
  int64_t top_id = 0;
  std::string path;
  std::optional<int64_t> size;
  std::string md5, sha1, sha256, error;
};

ScanRecord MakeScan(const std::string& key) {
  ScanRecord s;
  s.examiner = "Examiner";
  s.host = "host1";
  s.tool_version = "0.1.0";
  s.command_line = "nigehbaan scan case ev";
  s.options_json = "{\"max_depth\":4}";
  s.sources_key = key;
  s.started_at = "2026-01-01T00:00:00.000000Z";
  return s;
}

class ScanRecordTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    db_ = OpenFresh("case.db");
  }

  Db OpenFresh(const std::string& name) {
    Result<Db> db = Db::Open(dir_.path() + "/" + name, /*create=*/true);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    EXPECT_TRUE(Migrate(*db).ok());
    return std::move(*db);
  }

  static void Insert(Db& db, const Row& r) {
    Result<Stmt> ins = db.Prepare(
        "INSERT INTO items(id, scan_id, source_id, top_id, depth, path, path_text, kind, size, md5, "
        "sha1, sha256, error) VALUES(?,?,1,?,?,?,?,'file',?,?,?,?,?)");
    ASSERT_TRUE(ins.ok()) << ins.status().ToString();
    ins->Bind(1, r.id).Bind(2, r.scan_id).Bind(3, r.top_id).Bind(4, int64_t{r.id == r.top_id ? 0 : 1})
        .BindBlob(5, r.path).Bind(6, r.path);
    ins->BindOpt(7, r.size).BindTextOrNull(8, r.md5).BindTextOrNull(9, r.sha1).BindTextOrNull(10, r.sha256)
        .BindTextOrNull(11, r.error);
    ASSERT_TRUE(ins->Run().ok());
  }

  static void AddAttr(Db& db, int64_t item_id, const std::string& key) {
    Result<Stmt> ins = db.Prepare("INSERT INTO item_attrs(item_id, key, value) VALUES(?,?,'v')");
    ASSERT_TRUE(ins.ok());
    ins->Bind(1, item_id).Bind(2, key);
    ASSERT_TRUE(ins->Run().ok());
  }

  static std::vector<int64_t> Ids(Db& db, const std::string& sql) {
    std::vector<int64_t> out;
    Result<Stmt> q = db.Prepare(sql);
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    if (!q.ok()) return out;
    for (;;) {
      Result<bool> r = q->Step();
      EXPECT_TRUE(r.ok());
      if (!r.ok() || !*r) break;
      out.push_back(q->Int(0));
    }
    return out;
  }

  static std::vector<Row> SampleRows() {
    return {
        {1, 1, 1, "ev/b.zip", 300, "m1", "s1", "h1", ""},
        {2, 1, 1, "ev/b.zip!/x", 10, "m2", "s2", "h2", ""},
        {3, 1, 3, "ev/a", std::nullopt, "", "", "", "permission_denied"},
        {4, 1, 4, "ev/a/x", 0, "m4", "s4", "h4", ""},
        {5, 1, 5, "ev/c\xFF", 7, "m5", "s5", "h5", ""},
    };
  }

  TempDir dir_;
  Db db_;
};

TEST_F(ScanRecordTest, InsertAndLoadRoundTrip) {
  ScanRecord s = MakeScan("key-1");
  s.sources.push_back({0, 0, "ev", "/cases/ev\xFF\xFE", "folder"});
  s.sources.push_back({0, 1, "disk.img", "/cases/disk.img", "file"});
  ASSERT_TRUE(InsertScan(db_, s).ok());
  EXPECT_GT(s.id, 0);
  EXPECT_EQ(s.status, "running");
  ASSERT_EQ(s.sources.size(), 2u);
  EXPECT_GT(s.sources[0].id, 0);
  EXPECT_NE(s.sources[0].id, s.sources[1].id);

  Result<ScanRecord> l = LoadScan(db_, s.id);
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  EXPECT_EQ(l->id, s.id);
  EXPECT_EQ(l->examiner, "Examiner");
  EXPECT_EQ(l->host, "host1");
  EXPECT_EQ(l->tool_version, "0.1.0");
  EXPECT_EQ(l->command_line, "nigehbaan scan case ev");
  EXPECT_EQ(l->options_json, "{\"max_depth\":4}");
  EXPECT_EQ(l->sources_key, "key-1");
  EXPECT_EQ(l->status, "running");
  EXPECT_EQ(l->started_at, "2026-01-01T00:00:00.000000Z");
  EXPECT_EQ(l->ended_at, "");
  EXPECT_EQ(l->runs, 1);
  ASSERT_EQ(l->sources.size(), 2u);
  EXPECT_EQ(l->sources[0].id, s.sources[0].id);
  EXPECT_EQ(l->sources[0].position, 0);
  EXPECT_EQ(l->sources[0].label, "ev");
  EXPECT_EQ(l->sources[0].abs_path, "/cases/ev\xFF\xFE");  // raw bytes survive
  EXPECT_EQ(l->sources[0].kind, "folder");
  EXPECT_EQ(l->sources[1].position, 1);
  EXPECT_EQ(l->sources[1].label, "disk.img");
  EXPECT_EQ(l->sources[1].kind, "file");

  ASSERT_TRUE(MarkResumed(db_, s.id).ok());
  ASSERT_TRUE(MarkComplete(db_, s.id, "abc").ok());
  l = LoadScan(db_, s.id);
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(l->runs, 2);
  EXPECT_EQ(l->status, "complete");
  EXPECT_FALSE(l->ended_at.empty());
}

TEST_F(ScanRecordTest, LoadMissingScanFails) {
  Result<ScanRecord> l = LoadScan(db_, 42);
  ASSERT_FALSE(l.ok());
  EXPECT_EQ(l.status().reason(), "no_such_scan");
}

TEST_F(ScanRecordTest, FindResumableScanOnlyFindsRunningWithSameKey) {
  Result<std::optional<int64_t>> none = FindResumableScan(db_, "k");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  ScanRecord done = MakeScan("k");
  ASSERT_TRUE(InsertScan(db_, done).ok());
  ASSERT_TRUE(MarkComplete(db_, done.id, "m").ok());
  ScanRecord other = MakeScan("other-key");
  ASSERT_TRUE(InsertScan(db_, other).ok());

  Result<std::optional<int64_t>> r = FindResumableScan(db_, "k");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value()) << "a complete scan must not be resumed";

  ScanRecord running = MakeScan("k");
  ASSERT_TRUE(InsertScan(db_, running).ok());
  r = FindResumableScan(db_, "k");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->has_value());
  EXPECT_EQ(**r, running.id);

  r = FindResumableScan(db_, "other-key");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->has_value());
  EXPECT_EQ(**r, other.id);

  r = FindResumableScan(db_, "K");  // keys are compared exactly
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());

  ASSERT_TRUE(MarkComplete(db_, running.id, "m").ok());
  r = FindResumableScan(db_, "k");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
}

TEST_F(ScanRecordTest, ListScanIdsInOrder) {
  ScanRecord a = MakeScan("a"), b = MakeScan("b");
  ASSERT_TRUE(InsertScan(db_, a).ok());
  ASSERT_TRUE(InsertScan(db_, b).ok());
  Result<std::vector<int64_t>> ids = ListScanIds(db_);
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, (std::vector<int64_t>{a.id, b.id}));
}

TEST_F(ScanRecordTest, DeleteUnfinishedUnitsRemovesOnlyUnitsWithoutTopRow) {
  // Unit 1: finished (its own row, written last, exists).
  Insert(db_, {2, 1, 1, "ev/a.zip!/x"});
  Insert(db_, {3, 1, 1, "ev/a.zip!/y"});
  Insert(db_, {1, 1, 1, "ev/a.zip"});
  // Unit 10: interrupted, own row missing.
  Insert(db_, {11, 1, 10, "ev/b.zip!/x"});
  Insert(db_, {12, 1, 10, "ev/b.zip!/y"});
  // Unit 20: finished, single row.
  Insert(db_, {20, 1, 20, "ev/c.txt"});
  // Scan 2 has an interrupted unit too, which must survive a cleanup of scan 1.
  Insert(db_, {31, 2, 30, "ev/d.zip!/x"});
  AddAttr(db_, 2, "container.format");
  AddAttr(db_, 11, "container.format");
  AddAttr(db_, 12, "container.members");
  AddAttr(db_, 31, "container.format");

  Result<int64_t> n = DeleteUnfinishedUnits(db_, 1);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 2);
  EXPECT_EQ(Ids(db_, "SELECT id FROM items ORDER BY id"), (std::vector<int64_t>{1, 2, 3, 20, 31}));
  EXPECT_EQ(Ids(db_, "SELECT item_id FROM item_attrs ORDER BY item_id"), (std::vector<int64_t>{2, 31}));

  // Idempotent.
  n = DeleteUnfinishedUnits(db_, 1);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0);

  n = DeleteUnfinishedUnits(db_, 2);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 1);
  EXPECT_EQ(Ids(db_, "SELECT id FROM items ORDER BY id"), (std::vector<int64_t>{1, 2, 3, 20}));
  EXPECT_EQ(Ids(db_, "SELECT item_id FROM item_attrs ORDER BY item_id"), (std::vector<int64_t>{2}));
}

TEST_F(ScanRecordTest, UnitIndexHoldsOnlyRowsBelowATopLevelItem) {
  // Top-level rows (top_id = id) are most of a folder scan and are never what a resume looks for:
  // the partial index leaves them out, so inserting them costs one B-tree less.
  Insert(db_, {2, 1, 1, "ev/a.zip!/x"});
  Insert(db_, {1, 1, 1, "ev/a.zip"});
  Insert(db_, {3, 1, 3, "ev/b.txt"});
  Insert(db_, {4, 1, 4, "ev/c.txt"});
  EXPECT_EQ(Ids(db_, "SELECT id FROM items INDEXED BY items_by_scan_top WHERE scan_id = 1 AND top_id <> id"),
            (std::vector<int64_t>{2}));
  // The resume's own query shape uses it (with "top_id <> id"), not a walk over every item.
  Result<Stmt> plan = db_.Prepare(
      "EXPLAIN QUERY PLAN SELECT DISTINCT top_id FROM items i WHERE scan_id = 1 AND top_id <> id AND "
      "NOT EXISTS (SELECT 1 FROM items t WHERE t.id = i.top_id)");
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  std::string steps;
  while (true) {
    Result<bool> r = plan->Step();
    ASSERT_TRUE(r.ok());
    if (!*r) break;
    steps += std::string(plan->View(3)) + "\n";
  }
  EXPECT_NE(steps.find("items_by_scan_top"), std::string::npos) << steps;
}

TEST_F(ScanRecordTest, DeleteUnfinishedUnitsAlsoRemovesTheirMatchesAndConversations) {
  // Regression: hash-set matches (and chat findings) of an interrupted unit's members stayed
  // behind as orphans after a resume deleted the members themselves.
  Insert(db_, {1, 1, 1, "ev/a.zip"});
  Insert(db_, {11, 1, 10, "ev/b.zip!/x"});  // unit 10 interrupted
  for (int64_t item : {1, 11}) {
    ASSERT_TRUE(db_.Exec("INSERT INTO matches(item_id, set_name, set_kind, match_type, hash, distance) VALUES(" +
                         std::to_string(item) + ", 's', 'alert', 'md5', 'aa', 0)").ok());
    ASSERT_TRUE(db_.Exec("INSERT INTO conversations(id, item_id, conv_index, format, participants, message_count, "
                         "parse_errors, risk, scores) VALUES(" + std::to_string(item) + ", " + std::to_string(item) +
                         ", 0, 'whatsapp', '[]', 1, 0, 0.9, '{}')").ok());
    ASSERT_TRUE(db_.Exec("INSERT INTO chat_findings(conversation_id, label, score, first_alert_index, evidence) "
                         "VALUES(" + std::to_string(item) + ", 'grooming', 0.9, 0, '[]')").ok());
  }
  ASSERT_TRUE(DeleteUnfinishedUnits(db_, 1).ok());
  EXPECT_EQ(Ids(db_, "SELECT item_id FROM matches"), (std::vector<int64_t>{1}));
  EXPECT_EQ(Ids(db_, "SELECT item_id FROM conversations"), (std::vector<int64_t>{1}));
  EXPECT_EQ(Ids(db_, "SELECT conversation_id FROM chat_findings"), (std::vector<int64_t>{1}));
}

TEST_F(ScanRecordTest, FinishedTopPaths) {
  Insert(db_, {2, 1, 1, "ev/a.zip!/x"});
  Insert(db_, {1, 1, 1, "ev/a.zip"});
  Insert(db_, {11, 1, 10, "ev/b.zip!/x"});  // unfinished unit
  Insert(db_, {20, 1, 20, "ev/c\xFF.txt"});
  Insert(db_, {30, 2, 30, "ev/other-scan"});

  Result<std::vector<uint64_t>> h = FinishedTopPathHashes(db_, 1);
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  std::vector<uint64_t> expected = {PathHash("ev/a.zip"), PathHash("ev/c\xFF.txt")};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(*h, expected);
  EXPECT_TRUE(std::is_sorted(h->begin(), h->end()));

  auto has = [&](int64_t scan, const std::string& p) {
    Result<bool> r = HasFinishedTopPath(db_, scan, p);
    EXPECT_TRUE(r.ok());
    return r.ok() && *r;
  };
  EXPECT_TRUE(has(1, "ev/a.zip"));
  EXPECT_TRUE(has(1, "ev/c\xFF.txt"));
  EXPECT_FALSE(has(1, "ev/a.zip!/x"));   // member, not a top-level row
  EXPECT_FALSE(has(1, "ev/b.zip!/x"));
  EXPECT_FALSE(has(1, "ev/b.zip"));      // never finished
  EXPECT_FALSE(has(1, "ev/a.zi"));
  EXPECT_FALSE(has(1, "ev/other-scan"));  // other scan
  EXPECT_TRUE(has(2, "ev/other-scan"));

  Result<int64_t> max = MaxItemId(db_);
  ASSERT_TRUE(max.ok());
  EXPECT_EQ(*max, 30);
}

TEST(PathHash, StableAndOrderSensitive) {
  EXPECT_EQ(PathHash("ev/a.zip"), PathHash(std::string("ev/a.zip")));
  EXPECT_NE(PathHash("ab"), PathHash("ba"));
  EXPECT_NE(PathHash("ev/a"), PathHash("ev/a/"));
  EXPECT_NE(PathHash(std::string_view("a\0", 2)), PathHash("a"));
}

// scan_record.h documents PathHash as FNV-1a (64-bit); these are the published FNV-1a 64 test
// vectors (regression: the offset basis once lacked a digit).
TEST(PathHash, IsFnv1a64) {
  EXPECT_EQ(PathHash(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(PathHash("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(PathHash("foobar"), 0x85944171f73967e8ULL);
}

TEST_F(ScanRecordTest, ManifestMatchesDocumentedLayout) {
  for (const Row& r : SampleRows()) Insert(db_, r);
  // Ordered by path bytes ("ev/a" < "ev/a/x" < "ev/b.zip" < "ev/b.zip!/x" < "ev/c\xFF"), paths in
  // uppercase hex, NULL as "".
  const std::string text =
      "65762F61\t\t\t\t\tpermission_denied\n"         // ev/a
      "65762F612F78\t0\tm4\ts4\th4\t\n"                // ev/a/x
      "65762F622E7A6970\t300\tm1\ts1\th1\t\n"          // ev/b.zip
      "65762F622E7A6970212F78\t10\tm2\ts2\th2\t\n"     // ev/b.zip!/x
      "65762F63FF\t7\tm5\ts5\th5\t\n";                 // ev/c\xFF
  Result<std::string> m = ComputeManifest(db_, 1);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(*m, Sha256Hex(text));

  Result<std::string> empty = ComputeManifest(db_, 99);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*empty, Sha256Hex(""));
}

// The manifest's fields are formatted in C++ from the stored values; they must print as the
// documented SQL (hex(path), coalesce(column, '')) would, whatever type a value was stored with
// (an edited case may hold a REAL or TEXT size, a BLOB digest or a TEXT path).
TEST_F(ScanRecordTest, ManifestFieldsPrintAsTheDocumentedSqlWould) {
  for (const Row& r : SampleRows()) Insert(db_, r);
  Insert(db_, {6, 1, 6, "ev/d", -5, "m6", "s6", "h6", ""});
  Insert(db_, {7, 1, 7, "ev/e", 9007199254740993, "m7", "s7", "h7", "io_error"});
  Insert(db_, {8, 1, 8, "ev/f", 1, "m8", "s8", "h8", ""});
  Insert(db_, {9, 1, 9, "ev/g", 1, "m9", "s9", "h9", ""});
  Insert(db_, {10, 1, 10, "ev/h", 1, "m10", "s10", "h10", ""});
  ASSERT_TRUE(db_.Exec("UPDATE items SET size = 1.5 WHERE id = 8").ok());
  ASSERT_TRUE(db_.Exec("UPDATE items SET size = '12abc', md5 = X'6D39' WHERE id = 9").ok());
  ASSERT_TRUE(db_.Exec("UPDATE items SET path = 'ev/h', error = '' WHERE id = 10").ok());  // TEXT path
  Result<Stmt> q = db_.Prepare(
      "SELECT hex(path) || char(9) || coalesce(size, '') || char(9) || coalesce(md5, '') || char(9) || "
      "coalesce(sha1, '') || char(9) || coalesce(sha256, '') || char(9) || coalesce(error, '') || char(10) "
      "FROM items WHERE scan_id = 1 ORDER BY path, id");
  ASSERT_TRUE(q.ok());
  std::string text;
  for (;;) {
    Result<bool> r = q->Step();
    ASSERT_TRUE(r.ok());
    if (!*r) break;
    text += q->View(0);
  }
  ASSERT_NE(text.find("\t1.5\t"), std::string::npos);
  ASSERT_NE(text.find("\t9007199254740993\t"), std::string::npos);
  for (int threads : {1, 2}) {
    Result<std::string> m = ComputeManifest(db_, 1, threads);
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    EXPECT_EQ(*m, Sha256Hex(text)) << threads;
  }
}

TEST_F(ScanRecordTest, ManifestIsIndependentOfInsertionOrderAndOtherScans) {
  const std::vector<Row> rows = SampleRows();
  for (const Row& r : rows) Insert(db_, r);
  Db other = OpenFresh("other.db");
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) Insert(other, *it);
  Insert(other, {100, 2, 100, "ev/a", 1, "x", "y", "z", ""});  // another scan

  Result<std::string> a = ComputeManifest(db_, 1);
  Result<std::string> b = ComputeManifest(other, 1);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

TEST_F(ScanRecordTest, ManifestChangesWhenAnyRecordedFieldChanges) {
  for (const Row& r : SampleRows()) Insert(db_, r);
  Result<std::string> base = ComputeManifest(db_, 1);
  ASSERT_TRUE(base.ok());

  const std::vector<std::pair<std::string, std::string>> edits = {
      {"UPDATE items SET sha256 = 'h2x' WHERE id = 2", "UPDATE items SET sha256 = 'h2' WHERE id = 2"},
      {"UPDATE items SET md5 = 'm2x' WHERE id = 2", "UPDATE items SET md5 = 'm2' WHERE id = 2"},
      {"UPDATE items SET sha1 = 's2x' WHERE id = 2", "UPDATE items SET sha1 = 's2' WHERE id = 2"},
      {"UPDATE items SET size = 11 WHERE id = 2", "UPDATE items SET size = 10 WHERE id = 2"},
      {"UPDATE items SET size = NULL WHERE id = 4", "UPDATE items SET size = 0 WHERE id = 4"},
      {"UPDATE items SET path = CAST('ev/b.zip!/y' AS BLOB) WHERE id = 2",
       "UPDATE items SET path = CAST('ev/b.zip!/x' AS BLOB) WHERE id = 2"},
      {"UPDATE items SET error = 'io_error' WHERE id = 4", "UPDATE items SET error = NULL WHERE id = 4"},
      {"UPDATE items SET error = NULL WHERE id = 3", "UPDATE items SET error = 'permission_denied' WHERE id = 3"},
      {"DELETE FROM items WHERE id = 5", ""},
  };
  for (const auto& [edit, undo] : edits) {
    ASSERT_TRUE(db_.Exec(edit).ok()) << edit;
    Result<std::string> m = ComputeManifest(db_, 1);
    ASSERT_TRUE(m.ok());
    EXPECT_NE(*m, *base) << edit;
    if (!undo.empty()) {
      ASSERT_TRUE(db_.Exec(undo).ok()) << undo;
      m = ComputeManifest(db_, 1);
      ASSERT_TRUE(m.ok());
      EXPECT_EQ(*m, *base) << undo;
    }
  }
}

// File names may contain TAB and LF: folding a second item's fields into the first item's path
// (and deleting the second item) must not give the same manifest (regression: paths were once
// written raw, making the line format ambiguous).
TEST_F(ScanRecordTest, ManifestDetectsItemsMergedThroughTabsAndNewlinesInPaths) {
  Insert(db_, {1, 1, 1, "ev/a", 1, "m1", "s1", "h1", ""});
  Insert(db_, {2, 1, 2, "ev/b", 2, "m2", "s2", "h2", ""});
  Result<std::string> before = ComputeManifest(db_, 1);
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE(db_.Exec("DELETE FROM items WHERE id = 2").ok());
  ASSERT_TRUE(db_.Exec("UPDATE items SET path = CAST('ev/a' || char(9) || '1' || char(9) || 'm1' || char(9) || "
                       "'s1' || char(9) || 'h1' || char(9) || char(10) || 'ev/b' AS BLOB), size = 2, "
                       "md5 = 'm2', sha1 = 's2', sha256 = 'h2' WHERE id = 1")
                  .ok());
  Result<std::string> after = ComputeManifest(db_, 1);
  ASSERT_TRUE(after.ok());
  EXPECT_NE(*after, *before) << "two items were merged into one and the manifest did not change";
}

TEST_F(ScanRecordTest, UpdateTotalsCountsPerSource) {
  ScanRecord s = MakeScan("k");
  s.sources.push_back({0, 0, "ev", "/ev", "folder"});
  ASSERT_TRUE(InsertScan(db_, s).ok());
  const int64_t src = s.sources[0].id;
  ASSERT_TRUE(db_.Exec("INSERT INTO items(id, scan_id, source_id, top_id, depth, path, path_text, kind, size, error) VALUES"
                       "(1," + std::to_string(s.id) + "," + std::to_string(src) + ",1,0,'ev','ev','dir',4096,NULL),"
                       "(2," + std::to_string(s.id) + "," + std::to_string(src) + ",2,0,'ev/a','ev/a','file',100,NULL),"
                       "(3," + std::to_string(s.id) + "," + std::to_string(src) + ",2,1,'ev/a!/m','ev/a!/m','member',50,'truncated')")
                  .ok());
  Result<ScanTotals> t = UpdateTotals(db_, s.id);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->items, 3);
  EXPECT_EQ(t->bytes, 150);  // directories do not count as bytes
  EXPECT_EQ(t->errors, 1);
  Result<ScanRecord> l = LoadScan(db_, s.id);
  ASSERT_TRUE(l.ok());
  ASSERT_EQ(l->sources.size(), 1u);
  EXPECT_EQ(l->sources[0].items, 3);
  EXPECT_EQ(l->sources[0].bytes, 150);
  EXPECT_EQ(l->sources[0].errors, 1);
}

TEST_F(ScanRecordTest, SummariseScanGivesManifestTotalsAndReasonsInOnePass) {
  ScanRecord s = MakeScan("k");
  s.sources.push_back({0, 0, "ev", "/ev", "folder"});
  s.sources.push_back({0, 1, "empty", "/empty", "folder"});
  ASSERT_TRUE(InsertScan(db_, s).ok());
  const std::string scan = std::to_string(s.id), src = std::to_string(s.sources[0].id);
  ASSERT_TRUE(db_.Exec("INSERT INTO items(id, scan_id, source_id, top_id, depth, path, path_text, kind, size, error) VALUES"
                       "(1," + scan + "," + src + ",1,0,'ev','ev','dir',4096,NULL),"
                       "(2," + scan + "," + src + ",2,0,'ev/a','ev/a','file',100,'io_error'),"
                       "(3," + scan + "," + src + ",2,1,'ev/a!/m','ev/a!/m','member',50,'truncated'),"
                       "(4," + scan + "," + src + ",4,0,'ev/b','ev/b','file',NULL,'io_error'),"
                       "(5," + scan + "," + src + ",5,0,'ev/c','ev/c','fifo',0,NULL)")
                  .ok());
  // A stale count on the empty source must be reset.
  ASSERT_TRUE(db_.Exec("UPDATE sources SET items = 9 WHERE id = " + std::to_string(s.sources[1].id)).ok());
  Result<ScanSummary> sum = SummariseScan(db_, s.id);
  ASSERT_TRUE(sum.ok()) << sum.status().ToString();
  EXPECT_EQ(sum->totals.items, 5);
  EXPECT_EQ(sum->totals.bytes, 150);  // folders and FIFOs are not bytes; a NULL size adds nothing
  EXPECT_EQ(sum->totals.errors, 3);
  EXPECT_EQ(sum->errors_by_reason, (std::map<std::string, int64_t>{{"io_error", 2}, {"truncated", 1}}));
  Result<std::string> manifest = ComputeManifest(db_, s.id);
  ASSERT_TRUE(manifest.ok());
  EXPECT_EQ(sum->manifest_sha256, *manifest);
  ASSERT_TRUE(StoreTotals(db_, s.id, *sum).ok());
  Result<ScanRecord> l = LoadScan(db_, s.id);
  ASSERT_TRUE(l.ok());
  ASSERT_EQ(l->sources.size(), 2u);
  EXPECT_EQ(l->sources[0].items, 5);
  EXPECT_EQ(l->sources[0].bytes, 150);
  EXPECT_EQ(l->sources[0].errors, 3);
  EXPECT_EQ(l->sources[1].items, 0);
}

TEST_F(ScanRecordTest, SummaryReadInTwoHalvesEqualsOnePass) {
  ScanRecord s = MakeScan("k");
  s.sources.push_back({0, 0, "ev", "/ev", "folder"});
  s.sources.push_back({0, 1, "img", "/img.dd", "file"});
  ASSERT_TRUE(InsertScan(db_, s).ok());
  // Enough items for the split; a third share one path so the middle falls inside a run of equal
  // paths; names with bytes below '/', invalid UTF-8 and a few paths stored as TEXT (which SQLite
  // orders before every BLOB) test that the halves cut where ORDER BY path, id does.
  ASSERT_TRUE(db_.Exec("BEGIN").ok());
  Result<Stmt> ins = db_.Prepare(
      "INSERT INTO items(id, scan_id, source_id, top_id, depth, path, path_text, kind, size, md5, error) "
      "VALUES(?,?,?,?,0,?,'p','file',?,?,?)");
  ASSERT_TRUE(ins.ok());
  const char* names[] = {"a", "a-b", "a.zip", "a/b", "a!/c", "z", "\xff\xfe", "A B"};
  for (int64_t id = 1; id <= 30000; ++id) {
    std::string path = id % 3 == 0 ? std::string("ev/dup")
                                   : "ev/" + std::string(names[id % 8]) + "/" + std::to_string((id * 7919) % 10007);
    ins->Bind(1, id).Bind(2, s.id).Bind(3, s.sources[id % 5 == 0 ? 1 : 0].id).Bind(4, id);
    if (id % 1000 == 1) ins->Bind(5, path); else ins->BindBlob(5, path);
    ins->Bind(6, id % 4096).Bind(7, std::to_string(id));
    if (id % 97 == 0) ins->Bind(8, id % 2 ? "io_error" : "truncated"); else ins->BindNull(8);
    ASSERT_TRUE(ins->Run().ok());
  }
  ASSERT_TRUE(db_.Exec("COMMIT").ok());
  Result<ScanSummary> one = SummariseScan(db_, s.id, 1);
  Result<ScanSummary> two = SummariseScan(db_, s.id, 2);
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  EXPECT_EQ(two->manifest_sha256, one->manifest_sha256);
  EXPECT_EQ(two->totals.items, 30000);
  EXPECT_EQ(two->totals.items, one->totals.items);
  EXPECT_EQ(two->totals.bytes, one->totals.bytes);
  EXPECT_EQ(two->totals.errors, one->totals.errors);
  EXPECT_EQ(two->errors_by_reason, one->errors_by_reason);
  ASSERT_EQ(two->per_source.size(), 2u);
  for (const auto& [id, t] : one->per_source) {
    EXPECT_EQ(two->per_source[id].items, t.items);
    EXPECT_EQ(two->per_source[id].bytes, t.bytes);
    EXPECT_EQ(two->per_source[id].errors, t.errors);
  }
  Result<std::string> manifest = ComputeManifest(db_, s.id, 2);
  ASSERT_TRUE(manifest.ok());
  EXPECT_EQ(*manifest, one->manifest_sha256);
}

}  // namespace
}  // namespace ngb::store
