#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "report/export.h"
#include "report/item_fields.h"
#include "store/migrations.h"
#include "store/scan_record.h"

#include "testing/temp_dir.h"

namespace ngb::report {
namespace {

using ngb::testing::TempDir;

// Strict RFC 4180 reader: records end with CRLF; quoted fields may hold commas, CRLF and "".
// Fails the test on malformed input.
std::vector<std::vector<std::string>> ParseCsv(const std::string& s) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '"') {
      ++i;
      for (;;) {
        if (i >= s.size()) {
          ADD_FAILURE() << "unterminated quoted field";
          return rows;
        }
        if (s[i] == '"') {
          if (i + 1 < s.size() && s[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += s[i++];
      }
    } else {
      while (i < s.size() && s[i] != ',' && s[i] != '\r' && s[i] != '\n') {
        if (s[i] == '"') ADD_FAILURE() << "quote inside an unquoted field at " << i;
        field += s[i++];
      }
    }
    row.push_back(std::move(field));
    field.clear();
    if (i < s.size() && s[i] == ',') {
      ++i;
      continue;
    }
    if (s.compare(i, 2, "\r\n") != 0) {
      ADD_FAILURE() << "record not ended by CRLF at " << i;
      return rows;
    }
    i += 2;
    rows.push_back(std::move(row));
    row.clear();
  }
  return rows;
}

size_t Column(const std::string& name) {
  const auto& names = ItemFieldNames();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return i;
  }
  ADD_FAILURE() << "no column " << name;
  return 0;
}

class ExportCsvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    Result<store::Db> db = store::Db::Open(dir_.path() + "/case.db", true);
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    ASSERT_TRUE(store::Migrate(db_).ok());
    store::ScanRecord scan;
    scan.examiner = "e";
    scan.host = "h";
    scan.tool_version = "t";
    scan.command_line = "c";
    scan.options_json = "{}";
    scan.sources_key = "k";
    scan.started_at = "2026-01-01T00:00:00Z";
    scan.sources.push_back({0, 0, "ev", "/abs/ev", "folder"});
    ASSERT_TRUE(store::InsertScan(db_, scan).ok());
    scan_id_ = scan.id;
    source_id_ = scan.sources[0].id;
  }

  void AddItem(int64_t id, const std::string& path, const std::string& error_detail = "",
               const std::string& link_target = "") {
    Result<store::Stmt> ins = db_.Prepare(
        "INSERT INTO items(id, scan_id, source_id, top_id, depth, path, path_text, kind, size, md5, "
        "error, error_detail, link_target) VALUES(?,?,?,?,0,?,?,'file',5,'0123abcd',?,?,?)");
    ASSERT_TRUE(ins.ok());
    ins->Bind(1, id).Bind(2, scan_id_).Bind(3, source_id_).Bind(4, id).BindBlob(5, path).Bind(6, path);
    ins->BindTextOrNull(7, error_detail.empty() ? "" : "io_error").BindTextOrNull(8, error_detail);
    if (link_target.empty()) ins->BindNull(9); else ins->BindBlob(9, link_target);
    ASSERT_TRUE(ins->Run().ok());
  }

  std::string Export() {
    std::ostringstream out;
    Result<ExportStats> st = ExportCsv(db_, ExportOptions{}, out);
    EXPECT_TRUE(st.ok()) << st.status().ToString();
    return out.str();
  }

  TempDir dir_;
  store::Db db_;
  int64_t scan_id_ = 0, source_id_ = 0;
};

TEST_F(ExportCsvTest, FormulaPathIsQuotedAndDefused) {
  const std::string path = "=HYPERLINK(\"http://x\",\"click\"),a.txt";
  AddItem(1, path);
  const std::string csv = Export();

  // The exact cell: a leading single quote, quotes doubled, the whole cell in quotes.
  const std::string cell = "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\"),a.txt\"";
  EXPECT_NE(csv.find("," + cell + ","), std::string::npos) << csv;

  const auto rows = ParseCsv(csv);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], ItemFieldNames());
  ASSERT_EQ(rows[1].size(), ItemFieldNames().size());
  EXPECT_EQ(rows[1][Column("path")], "'" + path);
  EXPECT_EQ(rows[1][Column("source")], "ev");
  EXPECT_EQ(rows[1][Column("id")], "1");
  EXPECT_EQ(rows[1][Column("size")], "5");
  EXPECT_EQ(rows[1][Column("kind")], "file");
  EXPECT_EQ(rows[1][Column("md5")], "0123abcd");
  EXPECT_EQ(rows[1][Column("path_b64")], "");  // valid UTF-8: no lossless copy needed
  EXPECT_EQ(rows[1][Column("error")], "");
}

TEST_F(ExportCsvTest, OtherFormulaPrefixesAndLineBreaks) {
  AddItem(1, "ev/+1,2", "-rf", "@SUM(A1)");
  AddItem(2, "ev/line\r\nbreak");
  AddItem(3, "ev/plain.txt");
  const std::string csv = Export();
  const auto rows = ParseCsv(csv);
  ASSERT_EQ(rows.size(), 4u);
  // Rows are ordered by path bytes: "ev/+1,2" < "ev/line..." < "ev/plain.txt".
  EXPECT_EQ(rows[1][Column("path")], "ev/+1,2");  // '+' not leading: no prefix, but quoted for the comma
  EXPECT_NE(csv.find(",\"ev/+1,2\","), std::string::npos);
  EXPECT_EQ(rows[1][Column("error_detail")], "'-rf");
  EXPECT_EQ(rows[1][Column("link_target")], "'@SUM(A1)");
  EXPECT_EQ(rows[2][Column("path")], "ev/line\r\nbreak");
  EXPECT_EQ(rows[3][Column("path")], "ev/plain.txt");
  EXPECT_NE(csv.find(",ev/plain.txt,"), std::string::npos);  // nothing to quote
}

}  // namespace
}  // namespace ngb::report
