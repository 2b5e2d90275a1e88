// The court report, the CASE/UCO and VICS exports and their audit entries, on synthetic cases
// (src/testing/review_case.h: synthetic hashes only, no images).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "app/export_job.h"
#include "app/report_thumbnails.h"
#include "app/scan_job.h"
#include "hash/sha256.h"
#include "hashset/library.h"
#include "report/case_facts.h"
#include "report/export.h"
#include "report/hashing_stream.h"
#include "report/html_report.h"
#include "report/html_text.h"
#include "report/pdf.h"
#include "review/decisions.h"
#include "review/users.h"
#include "store/case_store.h"
#include "testing/archive_writer.h"
#include "testing/benign_images.h"
#include "testing/review_case.h"
#include "testing/temp_dir.h"

namespace ngb::report {
namespace {

using J = nlohmann::json;
using ngb::testing::TempDir;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

size_t Count(const std::string& s, const std::string& needle) {
  size_t n = 0;
  for (size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
  return n;
}

// A 2,000-item synthetic case plus: an archive with a member whose name is hostile (markup,
// invalid UTF-8, a right-to-left override), a flagged conversation with Urdu text and markup in
// its evidence, and reviewers' decisions (one overriding a hash-set category, one on an item
// without a match, with tags and a note).
class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    case_dir_ = dir_.path() + "/case";
    Result<store::CaseStore> cs = store::CaseStore::Create(case_dir_, "Operation <Test> & \"Co\"", "Examiner Ayesha");
    ASSERT_TRUE(cs.ok()) << cs.status().ToString();
    store::Db& db = cs->db();
    ASSERT_TRUE(ngb::testing::FillSyntheticCase(db, 2000).ok());
    ASSERT_TRUE(db.Exec("UPDATE scans SET status = 'complete', ended_at = '2026-01-01T01:00:00Z', "
                        "manifest_sha256 = '" + std::string(64, 'e') + "', options = '{\"max_depth\":8,\"analysers\":"
                        "[{\"name\":\"digest\",\"version\":\"1\"}],\"methods\":{\"digests\":[\"MD5\",\"SHA-1\",\"SHA-256\"],"
                        "\"pdq\":{\"enabled\":true,\"min_quality\":50,\"max_distance\":31},\"chat_models\":"
                        "[{\"name\":\"models/abuse-en.ngbm\",\"sha256\":\"" + std::string(64, 'd') + "\"}],"
                        "\"classify\":{\"model\":\"mobilenet_v2_mid\",\"faces\":true,\"ocr\":\"auto\"}}}' WHERE id = 1;"
                        "INSERT INTO scan_hashsets(scan_id, name, kind, source_sha256, entries, imported_at) VALUES"
                        "(1, 'synthetic-alerts', 'alert', '" + std::string(64, 'c') + "', 1234, '2026-01-01T00:00:00Z');")
                    .ok());
    // The archive (item 5001) and its hostile member (5002).
    Result<store::Stmt> ins = db.Prepare(
        "INSERT INTO items(id, scan_id, source_id, parent_id, top_id, depth, path, path_text, kind, size, mime, md5, "
        "sha1, sha256, mtime_ns) VALUES(?, 1, 1, ?, 5001, ?, ?, '', ?, 10, ?, ?, ?, ?, 1700000000123456789)");
    ASSERT_TRUE(ins.ok());
    ins->Bind(1, int64_t{5001}).BindNull(2).Bind(3, int64_t{0}).BindBlob(4, "phone/a.zip").Bind(5, "file")
        .Bind(6, "application/zip").Bind(7, std::string(32, '1')).Bind(8, std::string(40, '1')).Bind(9, std::string(64, '1'));
    ASSERT_TRUE(ins->Run().ok());
    ins->Bind(1, int64_t{5002}).Bind(2, int64_t{5001}).Bind(3, int64_t{1}).BindBlob(4, kHostilePath).Bind(5, "member")
        .Bind(6, "image/jpeg").Bind(7, std::string(32, '2')).Bind(8, std::string(40, '2')).Bind(9, std::string(64, '2'));
    ASSERT_TRUE(ins->Run().ok());
    ASSERT_TRUE(db.Exec("INSERT INTO matches(item_id, set_name, set_kind, match_type, hash, distance, category) VALUES"
                        "(5002, 'synthetic-alerts', 'alert', 'md5', '" + std::string(32, '2') + "', 0, 2);"
                        "UPDATE chat_findings SET evidence = '" + kEvidence + "' WHERE conversation_id = 1250;")
                    .ok());
    Result<review::User> rev = review::AddUser(db, "reviewer1", review::Role::kSupervisor, "a long pass phrase 1",
                                               review::PasswordCost::kInteractive, "test");
    ASSERT_TRUE(rev.ok()) << rev.status().ToString();
    // Overrides the hash-set category 1 of item 1000; categorises item 7 (no match) as 3 with tags.
    ASSERT_TRUE(review::RecordDecision(db, *rev, 1000, {2, {"reviewed"}, "looked at it"}).ok());
    ASSERT_TRUE(review::RecordDecision(db, *rev, 7, {3, {"cgi", "<b>tag</b>"}, "note <script>alert(1)</script>"}).ok());
    ASSERT_TRUE(review::RecordDecision(db, *rev, 9, {0, {}, ""}).ok());
  }

  store::CaseStore Open() {
    Result<store::CaseStore> cs = store::CaseStore::Open(case_dir_);
    EXPECT_TRUE(cs.ok());
    return std::move(*cs);
  }

  static app::ExportJobOptions ExportOptionsFor(store::CaseStore& cs, const char* format) {
    app::ExportJobOptions o;
    o.format = format;
    o.export_options.tool_version = "9.9.9";
    o.export_options.case_number = cs.Meta("case_id");
    return o;
  }

  std::string Report(const HtmlReportOptions& o, HtmlReportStats* stats = nullptr) {
    store::CaseStore cs = Open();
    std::ostringstream out;
    Result<HtmlReportStats> r = WriteHtmlReport(cs.db(), o, out);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (stats && r.ok()) *stats = *r;
    return out.str();
  }

  static inline const std::string kHostilePath = "phone/a.zip!/<script>alert(1)</script>\xff\xfe\xE2\x80\xAEgpj.exe";
  static inline const std::string kEvidence =
      R"([{"index":3,"time":"2026-01-01T10:00:00Z","author":"a","text":"سلام <img src=x onerror=alert(1)>\nline two","cues":["age_question","<i>cue</i>"]}])";
  TempDir dir_;
  std::string case_dir_;
};

TEST(HtmlTextTest, EscapesMarkupControlsInvalidUtf8AndBidiControls) {
  EXPECT_EQ(HtmlText("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
  EXPECT_EQ(HtmlText("x\xff" "y"), "x\\xFFy");
  EXPECT_EQ(HtmlText("a\nb\x01\x7f"), "a\\x0Ab\\x01\\x7F");
  EXPECT_EQ(HtmlText("a\nb\tc", true), "a\nb\tc");
  EXPECT_EQ(HtmlText("x\xE2\x80\xAEy"), "x\\u{202E}y");
  EXPECT_EQ(HtmlText("سلام"), "سلام");
  EXPECT_EQ(Base64("ab"), "YWI=");
  EXPECT_EQ(Base64("abc"), "YWJj");
}

TEST(HashingStreamTest, DigestAndCountAreOfTheBytesWritten) {
  std::ostringstream sink;
  std::string expected;
  {
    HashingOStream h(sink);
    for (int i = 0; i < 20000; ++i) {
      h << "line " << i << '\n';
      expected += "line " + std::to_string(i) + "\n";
    }
    EXPECT_EQ(h.bytes(), expected.size());
    EXPECT_EQ(h.FinalHex(), Sha256Hex(expected));
  }
  EXPECT_EQ(sink.str(), expected);
}

TEST_F(ReportTest, ListsPertinentItemsWithEverythingEscaped) {
  HtmlReportOptions o;
  o.tool_version = "9.9.9";
  o.thumbnail = [](const ItemRow& row) -> Result<Thumbnail> {
    if (row.rec.id == 5002) return Status::Error("in_container");
    return Thumbnail{"image/png", "\x89PNG fake"};
  };
  HtmlReportStats stats;
  const std::string html = Report(o, &stats);
  // 2 alert + 2 PDQ near matches per 1000 items, chats with findings, item 7 (reviewer's 3), the member.
  Result<store::CaseStore> cs = store::CaseStore::Open(case_dir_);
  Result<store::Stmt> q = cs->db().Prepare("SELECT count(*) FROM chat_findings");
  ASSERT_TRUE(q.ok() && q->Step().ok());
  const int64_t flagged = q->Int(0);
  EXPECT_EQ(stats.items, 4 + flagged + 1 + 1);
  EXPECT_EQ(stats.conversations, flagged);
  EXPECT_EQ(Count(html, "<article class=\"item"), static_cast<size_t>(stats.items));
  EXPECT_EQ(stats.thumbnails, 4);  // the 4 matched JPEGs (item 7 is text)
  EXPECT_EQ(stats.thumbnails_missing, 1);
  EXPECT_NE(html.find("data:image/png;base64,iVBORyBmYWtl"), std::string::npos);
  EXPECT_NE(html.find("thumbnail unavailable (in_container)"), std::string::npos);
  // No markup from the case reaches the page.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img src=x"), std::string::npos);
  EXPECT_EQ(html.find("<b>tag"), std::string::npos);
  EXPECT_EQ(html.find("<i>cue"), std::string::npos);
  EXPECT_EQ(html.find("\xE2\x80\xAE"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;\\xFF\\xFE\\u{202E}gpj.exe"), std::string::npos);
  EXPECT_NE(html.find("Operation &lt;Test&gt; &amp; &quot;Co&quot;"), std::string::npos);
  // Chat excerpt: Urdu kept, right-to-left capable, newline kept for pre-wrap, cues shown.
  EXPECT_NE(html.find("dir=\"auto\">سلام &lt;img src=x onerror=alert(1)&gt;\nline two</td>"), std::string::npos);
  EXPECT_NE(html.find("age_question"), std::string::npos);
  // Categories: the reviewer's decision wins and the hash-set category stays on record.
  EXPECT_NE(html.find("2 — child exploitative / age difficult</b> (reviewer's decision; hash-set category 1"),
            std::string::npos);
  EXPECT_NE(html.find("<b>reviewer1</b>"), std::string::npos);
  // Sources, methods, custody.
  EXPECT_NE(html.find(std::string(64, 'e')), std::string::npos);  // manifest digest
  EXPECT_NE(html.find("Hamming distance ≤ 31"), std::string::npos);
  EXPECT_NE(html.find("synthetic-alerts"), std::string::npos);
  EXPECT_NE(html.find("models/abuse-en.ngbm"), std::string::npos);
  store::CaseStore c = Open();
  Result<store::AuditCheck> audit = store::VerifyAuditChain(c.db());
  ASSERT_TRUE(audit.ok());
  EXPECT_NE(html.find(audit->head_hash), std::string::npos);
  EXPECT_NE(html.find("review_decision"), std::string::npos);  // counted in the routine table
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

// Issue 7: the report says what the image classifier's scores are — a review order, not a finding.
TEST_F(ReportTest, MethodsSayClassifierScoresAreRankingSignalsNotFindings) {
  HtmlReportOptions o;
  o.tool_version = "9.9.9";
  o.images = false;
  const std::string html = Report(o);
  EXPECT_NE(html.find("Image review signals"), std::string::npos);
  EXPECT_NE(html.find("<code>mobilenet_v2_mid</code>"), std::string::npos);
  EXPECT_NE(html.find("they are not findings, and no category in this report comes from them"), std::string::npos);
}

TEST_F(ReportTest, IsDeterministicAndHashesOnlyWithoutImages) {
  HtmlReportOptions o;
  o.tool_version = "9.9.9";
  o.generated_at = "2026-02-02T00:00:00Z";
  EXPECT_EQ(Report(o), Report(o));
  o.images = false;
  int calls = 0;
  o.thumbnail = [&](const ItemRow&) -> Result<Thumbnail> {
    ++calls;
    return Thumbnail{"image/png", "x"};
  };
  const std::string html = Report(o);
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("thumbnail unavailable"), std::string::npos);
  EXPECT_NE(html.find("hashes only (--no-images)"), std::string::npos);
}

TEST_F(ReportTest, CaseFactsCountCategoriesByTheReviewerFirstRule) {
  store::CaseStore cs = Open();
  Result<CaseFacts> f = LoadCaseFacts(cs.db(), {});
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  std::map<int, std::pair<int64_t, int64_t>> by;
  for (const CategoryCount& c : f->categories) by[*c.category] = {c.items, c.reviewed};
  // Hash-set category 1 on items 1000, 2000 (alert) and 500, 1500 (PDQ near); 1000 reviewed as 2.
  EXPECT_EQ(by[1], std::make_pair(int64_t{3}, int64_t{0}));
  EXPECT_EQ(by[2], std::make_pair(int64_t{2}, int64_t{1}));  // 1000 (reviewer) and the member 5002
  EXPECT_EQ(by[3], std::make_pair(int64_t{1}, int64_t{1}));
  EXPECT_EQ(by[0], std::make_pair(int64_t{1}, int64_t{1}));
  EXPECT_EQ(f->categories.front().category, 1);
  EXPECT_EQ(f->categories.back().category, 0);
  ASSERT_EQ(f->labels.size(), 1u);
  EXPECT_EQ(f->labels[0].label, "grooming");
  EXPECT_EQ(f->scans.size(), 1u);
  EXPECT_EQ(f->hashsets.size(), 1u);
  EXPECT_TRUE(f->audit.ok);
}

TEST_F(ReportTest, VicsExportCarriesReviewersCategoriesAndRoundTripsThroughTheImporter) {
  store::CaseStore cs = Open();
  const app::ExportJobOptions o = ExportOptionsFor(cs, "vics");
  std::ostringstream out;
  Result<app::ExportJobResult> r = app::RunExport(cs, o, out);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const J doc = J::parse(out.str());
  std::map<std::string, J> by_md5;
  for (const J& m : doc["value"][0]["Media"]) by_md5[m["MD5"].get<std::string>()] = m;
  char hex[33];
  auto md5_of = [&](int64_t i) {
    snprintf(hex, sizeof hex, "%032llx", static_cast<unsigned long long>(i) * 0x9E3779B97F4A7C15ull);
    return std::string(hex);
  };
  const J& overridden = by_md5.at(md5_of(1000));
  EXPECT_EQ(overridden["Category"], 2);
  EXPECT_EQ(overridden["IsPrecategorized"], false);
  EXPECT_EQ(overridden["Tags"], J::array({"reviewed"}));
  EXPECT_NE(overridden["Comments"].get<std::string>().find("hash-set category 1"), std::string::npos);
  EXPECT_EQ(by_md5.at(md5_of(2000))["Category"], 1);
  EXPECT_EQ(by_md5.at(md5_of(2000))["IsPrecategorized"], true);
  EXPECT_TRUE(by_md5.at(md5_of(5))["Category"].is_null());
  EXPECT_EQ(by_md5.at(std::string(32, '2'))["Category"], 2);

  // Round trip: the importer reads back the same hashes and categories.
  const std::string file = dir_.path() + "/export.json";
  std::ofstream(file, std::ios::binary) << out.str();
  Result<hashset::HashSetLibrary> lib = hashset::HashSetLibrary::Open(dir_.path() + "/lib", true);
  ASSERT_TRUE(lib.ok());
  hashset::ImportOptions io;
  io.name = "roundtrip";
  io.strict = true;
  Result<hashset::ImportReport> imp = lib->Import(file, io);
  ASSERT_TRUE(imp.ok()) << imp.status().ToString();
  ASSERT_TRUE(imp->committed);
  EXPECT_EQ(imp->set.entries, by_md5.size());
  EXPECT_EQ(imp->set.bad_rows, 0u);
  size_t checked = 0;
  ASSERT_TRUE(lib->ForEachHash(imp->set.id, hashset::HashType::kMd5, [&](std::span<const uint8_t> d, int64_t id, int) {
                   std::string h;
                   for (uint8_t b : d) {
                     snprintf(hex, sizeof hex, "%02x", b);
                     h += hex;
                   }
                   Result<hashset::EntryInfo> e = lib->GetEntry(id);
                   ASSERT_TRUE(e.ok());
                   const J& m = by_md5.at(h);
                   EXPECT_EQ(e->sha1, m["SHA1"].get<std::string>());
                   if (m["Category"].is_null()) {
                     EXPECT_FALSE(e->category.has_value());
                   } else {
                     EXPECT_EQ(e->category, m["Category"].get<int>());
                   }
                   ++checked;
                 })
                  .ok());
  EXPECT_EQ(checked, by_md5.size());
}

TEST_F(ReportTest, CaseUcoIsTypedJsonLdWithUniqueIds) {
  store::CaseStore cs = Open();
  const app::ExportJobOptions o = ExportOptionsFor(cs, "case-uco");
  std::ostringstream out;
  Result<app::ExportJobResult> r = app::RunExport(cs, o, out);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows, 2002);
  const J doc = J::parse(out.str());
  const J& ctx = doc["@context"];
  for (const char* p : {"case-investigation", "uco-core", "uco-observable", "uco-types", "uco-vocabulary", "xsd", "kb"}) {
    EXPECT_TRUE(ctx.contains(p)) << p;
  }
  std::set<std::string> ids;
  std::map<std::string, int> types;
  int hashes = 0;
  // Every compact IRI used as a key or @type must have its prefix in the context.
  std::function<void(const J&)> walk = [&](const J& j) {
    if (j.is_array()) {
      for (const J& x : j) walk(x);
      return;
    }
    if (!j.is_object()) return;
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string& k = it.key();
      if (k[0] != '@') {
        EXPECT_TRUE(ctx.contains(k.substr(0, k.find(':')))) << k;
      }
      walk(it.value());
    }
    if (j.contains("@type") && j["@type"].is_string()) {
      const std::string t = j["@type"];
      EXPECT_TRUE(ctx.contains(t.substr(0, t.find(':')))) << t;
      ++types[t];
    }
    if (j.contains("@id") && j.size() > 1) {
      EXPECT_TRUE(ids.insert(j["@id"].get<std::string>()).second) << j["@id"];
    }
    if (j.value("@type", "") == "uco-types:Hash") {
      ++hashes;
      EXPECT_EQ(j["uco-types:hashValue"]["@type"], "xsd:hexBinary");
      EXPECT_EQ(j["uco-types:hashMethod"]["@type"], "uco-vocabulary:HashNameVocab");
      EXPECT_TRUE(std::regex_match(j["uco-types:hashValue"]["@value"].get<std::string>(), std::regex("[0-9a-f]+")));
    }
  };
  walk(doc["@graph"]);
  EXPECT_EQ(types["uco-observable:File"], 2002);
  EXPECT_EQ(types["uco-observable:FileFacet"], 2002);
  EXPECT_EQ(types["uco-observable:ContentDataFacet"], 2002);
  EXPECT_EQ(hashes, 3 * 2002);
  EXPECT_EQ(types["uco-observable:ObservableRelationship"], 1);
  EXPECT_EQ(types["case-investigation:Investigation"], 1);
  EXPECT_EQ(types["case-investigation:InvestigativeAction"], 1);
  // The member points at its container; times are typed.
  bool found = false;
  for (const J& j : doc["@graph"]) {
    if (j.value("@type", "") != "uco-observable:ObservableRelationship") continue;
    found = true;
    EXPECT_EQ(j["uco-core:kindOfRelationship"], "Contained_Within");
    EXPECT_TRUE(ids.count(j["uco-core:source"]["@id"].get<std::string>()));
    EXPECT_TRUE(ids.count(j["uco-core:target"]["@id"].get<std::string>()));
  }
  EXPECT_TRUE(found);
  EXPECT_NE(out.str().find(R"("uco-observable:modifiedTime":{"@type":"xsd:dateTime","@value":"2023-11-14T22:13:20.123456789Z"})"),
            std::string::npos);
  // Same case, same bytes.
  std::ostringstream again;
  ASSERT_TRUE(Export(cs.db(), ExportFormat::kCaseUco, o.export_options, again).ok());
  EXPECT_EQ(again.str(), out.str());
}

TEST_F(ReportTest, ExportsAndReportsAreAuditLoggedWithTheirDigest) {
  store::CaseStore cs = Open();
  app::ExportJobOptions o;
  o.format = "jsonl";
  o.export_options.filter.scan_id = 1;
  o.out_name = "items.jsonl";
  o.actor = "supervisor1";
  std::ostringstream out;
  Result<app::ExportJobResult> r = app::RunExport(cs, o, out);
  ASSERT_TRUE(r.ok());
  Result<store::Stmt> last = cs.db().Prepare("SELECT actor, action, details FROM audit_log ORDER BY seq DESC LIMIT 1");
  ASSERT_TRUE(last.ok());
  ASSERT_TRUE(*last->Step());
  EXPECT_EQ(last->Text(0), "supervisor1");
  EXPECT_EQ(last->Text(1), "export");
  J d = J::parse(last->Text(2));
  EXPECT_EQ(d["format"], "jsonl");
  EXPECT_EQ(d["rows"], 2002);
  EXPECT_EQ(d["filter"]["scan_id"], 1);
  EXPECT_EQ(d["sha256"], Sha256Hex(out.str()));
  EXPECT_EQ(d["bytes"], out.str().size());
  last->Reset();

  app::ReportJobOptions ro;
  ro.out_path = dir_.path() + "/report.html";
  ro.html.tool_version = "9.9.9";
  ro.chromium = "/nonexistent/chromium";
  ro.pdf_path = dir_.path() + "/report.pdf";
  Result<app::ReportJobResult> rr = app::RunReport(cs, ro);
  EXPECT_EQ(rr.status().reason(), "chromium_missing");  // the HTML is written and logged all the same
  ASSERT_TRUE(*last->Step());
  EXPECT_EQ(last->Text(1), "report");
  d = J::parse(last->Text(2));
  EXPECT_EQ(d["sha256"], Sha256Hex(Slurp(ro.out_path)));
  EXPECT_EQ(d["pdf"]["error"], "chromium_missing");
  EXPECT_GT(d["items"].get<int>(), 0);
  Result<store::AuditCheck> chain = store::VerifyAuditChain(cs.db());
  ASSERT_TRUE(chain.ok());
  EXPECT_TRUE(chain->ok);
}

TEST(ReportThumbnailsTest, BlurredJpegsOfFilesAndArchiveMembersOnlyWhileTheyMatch) {
  // A real scan of generated evidence: a top-level JPEG and one inside a tar.gz inside a zip.
  TempDir dir;
  const std::string ev = dir.path() + "/evidence";
  std::filesystem::create_directories(ev);
  const std::string jpeg = ngb::testing::CheckerJpeg(320, 240, 16);
  const std::string inner = ngb::testing::PatternJpeg(7, 240, 240);
  std::ofstream(ev + "/a.jpg", std::ios::binary) << jpeg;
  const std::string tar = ngb::testing::WriteArchive(ngb::testing::PaxGz(), {{"deep/c.jpg", inner}});
  std::ofstream(ev + "/bundle.zip", std::ios::binary) << ngb::testing::WriteArchive(ngb::testing::Zip(), {{"inner.tar.gz", tar}});
  Result<store::CaseStore> cs = store::CaseStore::Create(dir.path() + "/case", "t", "e");
  ASSERT_TRUE(cs.ok()) << cs.status().ToString();
  app::ScanJobOptions so;
  so.sources = {ev};
  so.scan.threads = 1;
  so.scan.processor.scratch_dir = cs->scratch_dir();
  ASSERT_TRUE(app::RunScanJob(*cs, so).ok());
  auto row_of = [&](const std::string& path) {
    ItemRow found;
    EXPECT_TRUE(ForEachItem(cs->db(), {}, [&](const ItemRow& r) {
      if (r.rec.path == path) found = r;
      return found.rec.id == 0;
    }).ok());
    EXPECT_NE(found.rec.id, 0) << path;
    return found;
  };
  const ThumbnailFn thumb = app::ReportThumbnails(cs->db());
  for (const char* path : {"evidence/a.jpg", "evidence/bundle.zip!/inner.tar.gz!/deep/c.jpg"}) {
    Result<Thumbnail> t = thumb(row_of(path));
    ASSERT_TRUE(t.ok()) << path << ": " << t.status().ToString();
    EXPECT_EQ(t->mime, "image/jpeg");
    EXPECT_EQ(t->bytes.substr(0, 2), "\xFF\xD8");
  }
  // The evidence changed after the scan: no thumbnail from bytes that are not the recorded ones.
  std::ofstream(ev + "/a.jpg", std::ios::binary) << ngb::testing::CheckerJpeg(320, 240, 8);
  EXPECT_EQ(thumb(row_of("evidence/a.jpg")).status().reason(), "evidence_changed");
  std::filesystem::remove(ev + "/bundle.zip");
  EXPECT_EQ(thumb(row_of("evidence/bundle.zip!/inner.tar.gz!/deep/c.jpg")).status().reason(), "evidence_unavailable");
}

TEST(PdfTest, ChromiumArgumentsAreHeadlessPrivateAndSandboxedUnlessRoot) {
  const auto args = ChromiumArguments("/usr/bin/chromium", "/c/tmp/r x/report.html", "/out/r.pdf", "/c/tmp/r x", false);
  EXPECT_EQ(args.front(), "/usr/bin/chromium");
  EXPECT_EQ(args.back(), "file:///c/tmp/r%20x/report.html");
  EXPECT_NE(std::find(args.begin(), args.end(), "--headless"), args.end());
  EXPECT_NE(std::find(args.begin(), args.end(), "--print-to-pdf=/out/r.pdf"), args.end());
  EXPECT_NE(std::find(args.begin(), args.end(), "--user-data-dir=/c/tmp/r x/profile"), args.end());
  EXPECT_EQ(std::find(args.begin(), args.end(), "--no-sandbox"), args.end());
  const auto root = ChromiumArguments("/usr/bin/chromium", "/a.html", "/a.pdf", "/w", true);
  EXPECT_NE(std::find(root.begin(), root.end(), "--no-sandbox"), root.end());
}

TEST_F(ReportTest, PrintsAPdfWithHeadlessChromium) {
  if (access("/usr/bin/chromium", X_OK) != 0) GTEST_SKIP() << "chromium is not installed";
  store::CaseStore cs = Open();
  app::ReportJobOptions ro;
  ro.out_path = dir_.path() + "/report.html";
  ro.pdf_path = dir_.path() + "/report.pdf";
  ro.html.tool_version = "9.9.9";
  ro.html.images = false;
  Result<app::ReportJobResult> r = app::RunReport(cs, ro);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const std::string pdf = Slurp(ro.pdf_path);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_GT(pdf.size(), 10000u);
  EXPECT_EQ(r->pdf_sha256, Sha256Hex(pdf));
  EXPECT_GE(Count(pdf, "/Type /Page") - Count(pdf, "/Type /Pages"), 2u);  // several pages: page breaks apply
  // Real text, not a picture of it: poppler's pdftotext reads the sections and the case title
  // (with its markup characters) back out of the PDF.
  ASSERT_EQ(access("/usr/bin/pdftotext", X_OK), 0) << "install poppler-utils (scripts/install-deps.sh)";
  const std::string text_path = dir_.path() + "/report.txt";
  ASSERT_EQ(std::system(("/usr/bin/pdftotext -enc UTF-8 '" + ro.pdf_path + "' '" + text_path + "'").c_str()), 0);
  const std::string text = Slurp(text_path);
  for (const char* want : {"1. Case", "2. Evidence sources", "3. Tool and methods", "4. Findings summary",
                           "5. Pertinent items", "6. Audit log and chain of custody", "Operation <Test> & \"Co\"",
                           "Examiner Ayesha"}) {
    EXPECT_NE(text.find(want), std::string::npos) << want;
  }
  // The private work folder under tmp/ is gone.
  for (const auto& e : std::filesystem::directory_iterator(case_dir_ + "/tmp")) ADD_FAILURE() << e.path();
}

}  // namespace
}  // namespace ngb::report
