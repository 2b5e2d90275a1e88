#include "hashset/library.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "hash/multi_digest.h"
#include "hash/sha256.h"
#include "hashset/hex.h"
#include "testing/temp_dir.h"

namespace ngb::hashset {
namespace {

namespace fs = std::filesystem;
using ngb::testing::TempDir;

// Synthetic digests: "aa..", "bb..", ... of the right length.
std::string D(char c, size_t hex_digits) { return std::string(hex_digits, c); }

std::string VicsFile(const std::vector<std::string>& media) {
  std::string s =
      "{\"@odata.context\":\"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media\","
      "\"value\":[\n";
  for (size_t i = 0; i < media.size(); ++i) s += media[i] + (i + 1 < media.size() ? ",\n" : "\n");
  return s + "]}\n";
}

class LibraryTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_FALSE(dir_.path().empty()); }

  fs::path Write(const std::string& name, const std::string& content) {
    fs::path p = fs::path(dir_.path()) / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  fs::path LibDir() const { return fs::path(dir_.path()) / "lib"; }
  HashSetLibrary Open() {
    Result<HashSetLibrary> lib = HashSetLibrary::Open(LibDir(), /*create=*/true);
    EXPECT_TRUE(lib.ok()) << lib.status().ToString();
    return std::move(*lib);
  }
  ImportReport Import(HashSetLibrary& lib, const fs::path& file, const std::string& name, bool strict = false,
                      bool replace = false, HashKind kind = HashKind::kAlert) {
    ImportOptions o;
    o.name = name;
    o.kind = kind;
    o.strict = strict;
    o.replace = replace;
    Result<ImportReport> r = lib.Import(file, o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : ImportReport();
  }
  // digest hex → entry id, for one type of one set.
  std::map<std::string, int64_t> Hashes(HashSetLibrary& lib, int64_t set_id, HashType type) {
    std::map<std::string, int64_t> out;
    EXPECT_TRUE(
        lib.ForEachHash(set_id, type, [&](std::span<const uint8_t> d, int64_t id, int) { out[ToHex(d)] = id; }).ok());
    return out;
  }
  int64_t CountRows(const std::string& sql) {
    Result<store::Db> db = store::Db::Open((LibDir() / kLibraryDbName).string(), false, true);
    Result<store::Stmt> q = db->Prepare(sql);
    EXPECT_TRUE(q.ok());
    Result<bool> row = q->Step();
    return row.ok() && *row ? q->Int(0) : -1;
  }

  TempDir dir_;
};

TEST_F(LibraryTest, ImportsVicsAndReadsItBack) {
  const fs::path f = Write(
      "set.json",
      VicsFile({
          "{\"MediaID\":1,\"Category\":1,\"MD5\":\"" + D('A', 32) + "\",\"SHA1\":\"" + D('b', 40) +
              "\",\"VictimIdentified\":\"true\",\"Series\":\"S\",\"Tags\":[\"t\"],\"Name\":\"n.jpg\",\"MediaSize\":7}",
          "{\"MediaID\":2,\"Category\":0,\"MD5\":\"" + D('c', 32) + "\"}",
      }));
  HashSetLibrary lib = Open();
  ImportReport r = Import(lib, f, "vic-2026");
  ASSERT_TRUE(r.committed);
  EXPECT_EQ(r.format, ImportFormat::kVics);
  EXPECT_EQ(r.source_version, "2.0");
  EXPECT_GT(r.set.id, 0);
  EXPECT_EQ(r.set.entries, 2u);
  EXPECT_EQ(r.set.md5_count, 2u);
  EXPECT_EQ(r.set.sha1_count, 1u);
  EXPECT_EQ(r.set.bad_rows, 0u);
  EXPECT_EQ(r.set.source_path, fs::canonical(f).string());
  std::ifstream in(f, std::ios::binary);
  const std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(r.set.source_sha256, Sha256Hex(content));

  Result<HashSetInfo> found = lib.Find("vic-2026");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->id, r.set.id);
  EXPECT_EQ(found->kind, HashKind::kAlert);
  EXPECT_EQ(found->format, "vics");
  EXPECT_EQ(found->source_sha256, r.set.source_sha256);
  EXPECT_EQ(found->last_entry_id - found->first_entry_id + 1, 2);
  EXPECT_TRUE(nlohmann::json::parse(found->details).is_object());
  EXPECT_EQ(lib.Find("nope").status().reason(), "no_such_set");

  std::map<std::string, int64_t> md5 = Hashes(lib, r.set.id, HashType::kMd5);
  ASSERT_EQ(md5.size(), 2u);
  Result<EntryInfo> e = lib.GetEntry(md5[D('a', 32)]);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->set_id, r.set.id);
  EXPECT_EQ(e->category, 1);
  EXPECT_EQ(e->victim_identified, true);
  EXPECT_EQ(e->series, "S");
  EXPECT_EQ(e->tags, std::vector<std::string>{"t"});
  EXPECT_EQ(e->file_name, "n.jpg");
  EXPECT_EQ(e->size, 7u);
  EXPECT_EQ(e->md5, D('a', 32));
  EXPECT_EQ(e->sha1, D('b', 40));
  EXPECT_EQ(e->sha256, "");
  EXPECT_EQ(lib.GetEntry(md5[D('c', 32)])->category, 0);
  EXPECT_EQ(Hashes(lib, r.set.id, HashType::kSha1).size(), 1u);
  EXPECT_TRUE(Hashes(lib, r.set.id, HashType::kPdq).empty());
  EXPECT_EQ(lib.GetEntry(999999).status().reason(), "no_such_entry");
  EXPECT_EQ(lib.ForEachHash(12345, HashType::kMd5, [](auto, auto, auto) {}).reason(), "no_such_set");

  Result<SetStats> st = lib.Stats(r.set.id);
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->categories["1"], 1u);
  EXPECT_EQ(st->categories["0"], 1u);
  EXPECT_EQ(st->victim_identified, 1u);
  EXPECT_EQ(st->victim_unknown, 1u);
  EXPECT_FALSE(st->index_dir_exists);
}

TEST_F(LibraryTest, DuplicatesMergeWithinASetAndStaySeparateAcrossSets) {
  const fs::path f =
      Write("dups.json",
            VicsFile({
                "{\"Category\":3,\"MD5\":\"" + D('a', 32) + "\",\"Series\":\"S1\",\"Tags\":[\"x\"]}",
                "{\"Category\":1,\"MD5\":\"" + D('A', 32) + "\",\"SHA1\":\"" + D('b', 40) + "\",\"Series\":\"S2\"}",
                "{\"Category\":2,\"SHA1\":\"" + D('b', 40) + "\",\"VictimIdentified\":true,\"Tags\":[\"x\",\"y\"]}",
                "{\"Category\":4,\"MD5\":\"" + D('d', 32) + "\"}",
            }));
  HashSetLibrary lib = Open();
  ImportReport r = Import(lib, f, "one");
  ASSERT_TRUE(r.committed);
  EXPECT_EQ(r.set.records, 4u);
  EXPECT_EQ(r.set.entries, 2u);
  EXPECT_EQ(r.set.duplicates, 2u);
  EXPECT_EQ(r.category_conflicts, 2u);
  std::map<std::string, int64_t> md5 = Hashes(lib, r.set.id, HashType::kMd5);
  std::map<std::string, int64_t> sha1 = Hashes(lib, r.set.id, HashType::kSha1);
  ASSERT_EQ(md5.size(), 2u);
  ASSERT_EQ(sha1.size(), 1u);
  EXPECT_EQ(md5[D('a', 32)], sha1[D('b', 40)]);  // the SHA-1 joined the entry of the MD5
  Result<EntryInfo> e = lib.GetEntry(md5[D('a', 32)]);
  EXPECT_EQ(e->category, 1);
  EXPECT_EQ(e->categories, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(e->series, "S1; S2");
  EXPECT_EQ(e->tags, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(e->victim_identified, true);

  // The same hash in another set: each set keeps its own entry and label.
  const fs::path g = Write("other.txt", D('a', 32) + "  other-name.jpg\n");
  ImportReport r2 = Import(lib, g, "two", false, false, HashKind::kWatch);
  ASSERT_TRUE(r2.committed);
  std::map<std::string, int64_t> md5b = Hashes(lib, r2.set.id, HashType::kMd5);
  ASSERT_EQ(md5b.size(), 1u);
  EXPECT_NE(md5b[D('a', 32)], md5[D('a', 32)]);
  EXPECT_EQ(lib.GetEntry(md5b[D('a', 32)])->file_name, "other-name.jpg");
  EXPECT_FALSE(lib.GetEntry(md5b[D('a', 32)])->category);
  EXPECT_EQ(lib.GetEntry(md5[D('a', 32)])->category, 1);
  Result<std::vector<HashSetInfo>> sets = lib.List();
  ASSERT_EQ(sets->size(), 2u);
  EXPECT_EQ((*sets)[1].kind, HashKind::kWatch);
}

TEST_F(LibraryTest, ConflictingDigestsAreNotMovedBetweenEntries) {
  const fs::path f = Write("c.txt",
                           "%%%% HASHDEEP-1.0\n%%%% size,md5,sha1,filename\n"
                           "1," +
                               D('1', 32) + "," + D('a', 40) +
                               ",one\n"
                               "2," +
                               D('2', 32) + "," + D('b', 40) +
                               ",two\n"
                               "3," +
                               D('1', 32) + "," + D('b', 40) + ",mixed\n");
  HashSetLibrary lib = Open();
  ImportReport r = Import(lib, f, "conflicts", false, false, HashKind::kKnownGood);
  EXPECT_EQ(r.format, ImportFormat::kHashdeep);
  EXPECT_EQ(r.set.entries, 2u);
  EXPECT_EQ(r.digest_conflicts, 1u);
  std::map<std::string, int64_t> md5 = Hashes(lib, r.set.id, HashType::kMd5);
  std::map<std::string, int64_t> sha1 = Hashes(lib, r.set.id, HashType::kSha1);
  EXPECT_EQ(md5[D('1', 32)], sha1[D('a', 40)]);
  EXPECT_EQ(md5[D('2', 32)], sha1[D('b', 40)]);
}

TEST_F(LibraryTest, DefaultModeImportsGoodRowsAndCountsBadOnes) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += (i % 4 == 3 ? std::string("zz") : D("0123456789abcdef"[i % 16], 32)) + "\n";
  const fs::path f = Write("list.md5", text);
  HashSetLibrary lib = Open();
  ImportReport r = Import(lib, f, "partial");
  EXPECT_TRUE(r.committed);
  EXPECT_EQ(r.set.bad_rows, 5u);
  ASSERT_EQ(r.bad_row_samples.size(), 5u);
  EXPECT_EQ(r.bad_row_samples[0].pos.line, 4u);
  EXPECT_EQ(r.bad_row_samples[0].reason, "bad_hash");
  EXPECT_EQ(r.set.entries, 12u);  // "0".."2" come twice
  EXPECT_EQ(r.set.duplicates, 3u);
  EXPECT_EQ(lib.Find("partial")->bad_rows, 5u);
}

TEST_F(LibraryTest, StrictRejectsTheWholeImportAtomically) {
  HashSetLibrary lib = Open();
  ASSERT_TRUE(Import(lib, Write("good.md5", D('1', 32) + "\n"), "existing").committed);
  const int64_t rows_before = CountRows("SELECT count(*) FROM entries");
  std::string text;
  for (int i = 0; i < 3000; ++i)
    text += ToHex(std::array<uint8_t, 4>{1, 2, uint8_t(i), uint8_t(i >> 8)}) + D('0', 24) + "\n";
  text += "not-a-hash\n";
  const fs::path f = Write("bad.md5", text);
  ImportReport r = Import(lib, f, "strict-one", /*strict=*/true);
  EXPECT_FALSE(r.committed);
  EXPECT_EQ(r.rejected_reason, "strict");
  EXPECT_EQ(r.set.bad_rows, 1u);
  EXPECT_EQ(r.bad_row_samples[0].pos.line, 3001u);
  EXPECT_EQ(r.set.id, 0);
  EXPECT_EQ(lib.Find("strict-one").status().reason(), "no_such_set");
  EXPECT_EQ(lib.List()->size(), 1u);
  EXPECT_EQ(CountRows("SELECT count(*) FROM entries"), rows_before);
  // Without --strict the same file imports its good rows.
  ImportReport ok = Import(lib, f, "lenient");
  EXPECT_TRUE(ok.committed);
  EXPECT_EQ(ok.set.entries, 3000u);
}

TEST_F(LibraryTest, ReplaceAndRemove) {
  HashSetLibrary lib = Open();
  ImportReport first = Import(lib, Write("a.md5", D('1', 32) + "\n" + D('2', 32) + "\n"), "set");
  ASSERT_TRUE(first.committed);
  fs::create_directories(lib.SetDir(first.set.id));
  std::ofstream(lib.SetDir(first.set.id) / "md5.idx") << "index";
  EXPECT_TRUE(lib.Stats(first.set.id)->index_dir_exists);

  ImportOptions o;
  o.name = "set";
  EXPECT_EQ(lib.Import(Write("b.md5", D('3', 32) + "\n"), o).status().reason(), "set_exists");
  ImportReport second = Import(lib, Write("b.md5", D('3', 32) + "\n"), "set", false, /*replace=*/true);
  ASSERT_TRUE(second.committed);
  EXPECT_EQ(second.replaced_set_id, first.set.id);
  EXPECT_GT(second.set.id, first.set.id);  // ids are never reused
  EXPECT_FALSE(fs::exists(lib.SetDir(first.set.id)));
  EXPECT_EQ(lib.Find("set")->entries, 1u);
  EXPECT_EQ(CountRows("SELECT count(*) FROM entries"), 1);

  fs::create_directories(lib.SetDir(second.set.id));
  ASSERT_TRUE(lib.Remove("set").ok());
  EXPECT_FALSE(fs::exists(lib.SetDir(second.set.id)));
  EXPECT_EQ(lib.Find("set").status().reason(), "no_such_set");
  EXPECT_EQ(CountRows("SELECT count(*) FROM entries"), 0);
  EXPECT_EQ(lib.Remove("set").reason(), "no_such_set");
  ImportReport third = Import(lib, Write("c.md5", D('4', 32) + "\n"), "set");
  EXPECT_GT(third.set.id, second.set.id);
  EXPECT_GT(third.set.first_entry_id, second.set.last_entry_id);  // entry ids are not reused either
}

TEST_F(LibraryTest, PdqListWithQualities) {
  const std::string p1 = D('a', 64), p2 = D('b', 64);
  const fs::path f = Write("hashes-pdq.txt", p1 + ",90\n" + p2 + "\n" + p1 + ",95\n");
  HashSetLibrary lib = Open();
  ImportReport r = Import(lib, f, "pdq");
  EXPECT_EQ(r.format, ImportFormat::kPdq);
  EXPECT_EQ(r.set.entries, 2u);
  EXPECT_EQ(r.set.pdq_count, 2u);
  std::map<std::string, int> quality;
  ASSERT_TRUE(lib.ForEachHash(r.set.id, HashType::kPdq,
                              [&](std::span<const uint8_t> d, int64_t, int q) {
                                EXPECT_EQ(d.size(), 32u);
                                quality[ToHex(d)] = q;
                              })
                  .ok());
  EXPECT_EQ(quality[p1], 90);
  EXPECT_EQ(quality[p2], -1);
}

// NSRL RDSv3 "full" layout: METADATA + PACKAGE_OBJECT and the FILE view over them.
TEST_F(LibraryTest, NsrlFileView) {
  const fs::path nsrl = fs::path(dir_.path()) / "RDS_2026.03.1_modern.db";
  {
    Result<store::Db> db = store::Db::Open(nsrl.string(), true);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec(R"sql(
CREATE TABLE PACKAGE_OBJECT(package_object_id INTEGER, package_id INTEGER, object_id INTEGER);
CREATE TABLE METADATA(metadata_id NUMERIC, object_id INTEGER, file_name VARCHAR, extension VARCHAR DEFAULT '',
  bytes INTEGER, crc32 VARCHAR, md5 VARCHAR, sha1 VARCHAR, sha256 VARCHAR);
CREATE VIEW FILE AS SELECT UPPER(md.sha256) AS sha256, UPPER(md.sha1) AS sha1, UPPER(md.md5) AS md5,
  CASE md.extension WHEN '' THEN md.file_name ELSE md.file_name||'.'||md.extension END AS file_name,
  md.bytes AS file_size, po.package_id FROM METADATA AS md, PACKAGE_OBJECT AS po WHERE md.object_id = po.object_id;
INSERT INTO PACKAGE_OBJECT VALUES(1, 100, 1), (2, 100, 2), (3, 101, 3), (4, 102, 4);
)sql")
                    .ok());
    Result<store::Stmt> ins = db->Prepare("INSERT INTO METADATA VALUES(?, ?, ?, ?, ?, '0', ?, ?, ?)");
    auto row = [&](int id, const char* name, const char* ext, int bytes, std::string md5, std::string sha1,
                   std::string sha256) {
      ins->Bind(1, int64_t{id}).Bind(2, int64_t{id}).Bind(3, std::string_view(name)).Bind(4, std::string_view(ext));
      ins->Bind(5, int64_t{bytes}).Bind(6, md5).Bind(7, sha1).Bind(8, sha256);
      ASSERT_TRUE(ins->Run().ok());
    };
    row(1, "kernel32", "dll", 100, D('1', 32), D('1', 40), D('1', 64));
    row(2, "readme", "", 5, D('2', 32), D('2', 40), D('2', 64));
    row(3, "kernel32", "dll", 100, D('1', 32), D('1', 40), D('1', 64));  // same file, other package
    row(4, "broken", "bin", 1, "xyz", D('4', 40), D('4', 64));
  }
  HashSetLibrary lib = Open();
  ImportReport r = Import(lib, nsrl, "nsrl", false, false, HashKind::kKnownGood);
  ASSERT_TRUE(r.committed);
  EXPECT_EQ(r.format, ImportFormat::kNsrl);
  EXPECT_EQ(r.source_layout, "FILE");
  EXPECT_EQ(r.set.records, 4u);
  EXPECT_EQ(r.set.entries, 2u);
  EXPECT_EQ(r.set.duplicates, 1u);
  EXPECT_EQ(r.set.bad_rows, 1u);
  EXPECT_EQ(r.bad_row_samples[0].reason, "bad_md5");
  EXPECT_EQ(r.bad_row_samples[0].pos.record, 4u);
  std::map<std::string, int64_t> sha256 = Hashes(lib, r.set.id, HashType::kSha256);
  ASSERT_EQ(sha256.size(), 2u);
  Result<EntryInfo> e = lib.GetEntry(sha256[D('1', 64)]);
  EXPECT_EQ(e->file_name, "kernel32.dll");
  EXPECT_EQ(e->size, 100u);
  EXPECT_EQ(e->md5, D('1', 32));
  EXPECT_TRUE(fs::exists(nsrl));
  EXPECT_FALSE(fs::exists(nsrl.string() + "-wal"));  // opened immutable: nothing written beside it
}

// RDSv3 "minimal" layout: only a METADATA table with the FILE columns.
TEST_F(LibraryTest, NsrlMetadataTable) {
  const fs::path nsrl = fs::path(dir_.path()) / "minimal.db";
  {
    Result<store::Db> db = store::Db::Open(nsrl.string(), true);
    ASSERT_TRUE(db->Exec("CREATE TABLE METADATA(sha256 VARCHAR, sha1 VARCHAR, md5 VARCHAR, file_name VARCHAR, "
                         "file_size INTEGER, package_id INTEGER);"
                         "INSERT INTO METADATA VALUES('" +
                         D('A', 64) + "','" + D('B', 40) + "','" + D('C', 32) + "','a.exe',10,1),('" + D('D', 64) +
                         "',NULL,'','b.exe',NULL,2),(NULL,NULL,NULL,'c',1,3);")
                    .ok());
  }
  HashSetLibrary lib = Open();
  ImportReport r = Import(lib, nsrl, "nsrl-min", false, false, HashKind::kKnownGood);
  EXPECT_EQ(r.format, ImportFormat::kNsrl);
  EXPECT_EQ(r.source_layout, "METADATA");
  EXPECT_EQ(r.set.entries, 2u);
  EXPECT_EQ(r.set.md5_count, 1u);
  EXPECT_EQ(r.set.sha256_count, 2u);
  ASSERT_EQ(r.bad_row_samples.size(), 1u);
  EXPECT_EQ(r.bad_row_samples[0].reason, "no_hash");
  EXPECT_EQ(r.bad_row_samples[0].pos.record, 3u);

  // A hostile FILE view that never ends is stopped, not followed forever.
  const fs::path endless = fs::path(dir_.path()) / "endless.db";
  {
    ASSERT_TRUE(store::Db::Open(endless.string(), true)
                    ->Exec("CREATE VIEW FILE AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                           "SELECT NULL AS md5, NULL AS sha1, NULL AS sha256, 'x' AS file_name FROM n WHERE i < 0")
                    .ok());
  }
  ImportOptions e;
  e.name = "endless";
  Result<ImportReport> stopped = lib.Import(endless, e);
  EXPECT_EQ(stopped.status().reason(), "not_nsrl");
  EXPECT_NE(stopped.status().detail().find("never ends"), std::string::npos) << stopped.status().detail();

  // An SQLite file that is not an RDS.
  const fs::path other = fs::path(dir_.path()) / "other.db";
  { ASSERT_TRUE(store::Db::Open(other.string(), true)->Exec("CREATE TABLE t(x)").ok()); }
  ImportOptions o;
  o.name = "other";
  EXPECT_EQ(lib.Import(other, o).status().reason(), "not_nsrl");
}

TEST_F(LibraryTest, Errors) {
  HashSetLibrary lib = Open();
  ImportOptions o;
  o.name = "x";
  EXPECT_EQ(lib.Import(fs::path(dir_.path()) / "missing.json", o).status().reason(), "no_such_file");
  EXPECT_EQ(lib.Import(dir_.path(), o).status().reason(), "not_a_file");
  EXPECT_EQ(lib.Import(Write("prose.txt", "hello\nworld\n"), o).status().reason(), "unknown_format");
  EXPECT_EQ(lib.Import(Write("arr.json", "[1,2,3]"), o).status().reason(), "unknown_format");
  EXPECT_EQ(lib.Import(Write("obj.json", "{\"a\":[1]}"), o).status().reason(), "not_vics");
  o.name = "";
  EXPECT_EQ(lib.Import(Write("ok.md5", D('1', 32)), o).status().reason(), "bad_name");
  o.name = "tab\there";
  EXPECT_EQ(lib.Import(Write("ok.md5", D('1', 32)), o).status().reason(), "bad_name");

  o.name = "empty";
  o.format = ImportFormat::kMd5sum;
  Result<ImportReport> r = lib.Import(Write("bad.md5", "zz\nyy\n"), o);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->committed);
  EXPECT_EQ(r->rejected_reason, "no_valid_records");
  EXPECT_TRUE(lib.List()->empty());

  EXPECT_EQ(HashSetLibrary::Open(fs::path(dir_.path()) / "nolib", false).status().reason(), "no_library");
}

TEST(HashSetLibraryDefaultDir, EnvironmentRules) {
  const char* saved[] = {getenv("NIGEHBAAN_HASHSETS"), getenv("XDG_DATA_HOME"), getenv("HOME")};
  const std::string keep[] = {saved[0] ? saved[0] : "", saved[1] ? saved[1] : "", saved[2] ? saved[2] : ""};
  setenv("NIGEHBAAN_HASHSETS", "/x/lib", 1);
  EXPECT_EQ(HashSetLibrary::DefaultDir(), fs::path("/x/lib"));
  unsetenv("NIGEHBAAN_HASHSETS");
  setenv("XDG_DATA_HOME", "/xdg", 1);
  EXPECT_EQ(HashSetLibrary::DefaultDir(), fs::path("/xdg/nigehbaan/hashsets"));
  setenv("XDG_DATA_HOME", "relative", 1);  // not absolute: ignored, as the XDG spec says
  setenv("HOME", "/home/e", 1);
  EXPECT_EQ(HashSetLibrary::DefaultDir(), fs::path("/home/e/.local/share/nigehbaan/hashsets"));
  const char* names[] = {"NIGEHBAAN_HASHSETS", "XDG_DATA_HOME", "HOME"};
  for (int i = 0; i < 3; ++i) {
    if (saved[i])
      setenv(names[i], keep[i].c_str(), 1);
    else
      unsetenv(names[i]);
  }
}

}  // namespace
}  // namespace ngb::hashset
