// The review UI's routes on a case scanned from real (generated, benign) evidence: previews and
// their reveal audit, originals of files and of archive members, near-duplicate groups.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/scan_job.h"
#include "image/decode.h"
#include "serve/serve_test_fixture.h"
#include "testing/archive_writer.h"
#include "testing/benign_images.h"

namespace ngb::serve {
namespace {

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

class ServeEvidenceTest : public ServeTest {
 protected:
  void FillCase(store::CaseStore& cs) override {
    const std::string ev = dir_.path() + "/evidence";
    std::filesystem::create_directories(ev + "/photos");
    a_ = testing::PatternJpeg(1, 320, 240, 92);
    WriteFile(ev + "/photos/a.jpg", a_);
    WriteFile(ev + "/photos/a-small.jpg", testing::PatternJpeg(1, 200, 150, 60));  // near duplicate of a
    WriteFile(ev + "/photos/b.jpg", testing::PatternJpeg(4, 320, 240));
    WriteFile(ev + "/notes.txt", "a plain note\n");
    inner_ = testing::PatternJpeg(7, 240, 240);
    const std::string tar = testing::WriteArchive(testing::PaxGz(), {{"deep/c.jpg", inner_}});
    WriteFile(ev + "/bundle.zip", testing::WriteArchive(testing::Zip(), {{"x/a-copy.jpg", a_}, {"inner.tar.gz", tar}}));
    app::ScanJobOptions o;
    o.sources = {ev};
    o.scan.threads = 2;
    o.scan.processor.scratch_dir = cs.scratch_dir();
    Result<app::ScanJobResult> r = app::RunScanJob(cs, o);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  int64_t ItemId(const std::string& path) {
    return Count("SELECT coalesce(max(id), -1) FROM items WHERE path_text = '" + path + "'");
  }
  std::string a_, inner_;
};

TEST_F(ServeEvidenceTest, PreviewsAreBlurredByDefaultAndRevealsAreAudited) {
  Login alice = LogIn("alice");
  const int64_t a = ItemId("evidence/photos/a.jpg");
  ASSERT_GT(a, 0);
  httplib::Result r = Get("/api/items/" + std::to_string(a) + "/thumbnail", &alice);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "image/jpeg");
  auto decode = [](const std::string& jpeg) {
    Result<image::DecodedImage> img = image::DecodeImage(std::span(reinterpret_cast<const uint8_t*>(jpeg.data()), jpeg.size()));
    EXPECT_TRUE(img.ok());
    return img.ok() ? *img : image::DecodedImage{};
  };
  EXPECT_EQ(decode(r->body).channels, 1);  // grey
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'preview_reveal'"), 0);
  httplib::Result clear = Get("/api/items/" + std::to_string(a) + "/thumbnail?variant=clear", &alice);
  ASSERT_TRUE(clear);
  ASSERT_EQ(clear->status, 200);
  EXPECT_EQ(decode(clear->body).channels, 3);
  EXPECT_NE(clear->body, r->body);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'preview_reveal' AND actor = 'alice' AND "
                  "json_extract(details, '$.item_id') = " + std::to_string(a)),
            1);
  // Served again from the cache beside the case, byte for byte.
  EXPECT_TRUE(std::filesystem::exists(case_dir_ + "/thumbs.db"));
  EXPECT_EQ(Get("/api/items/" + std::to_string(a) + "/thumbnail", &alice)->body, r->body);
  // Not an image: no preview.
  EXPECT_EQ(Get("/api/items/" + std::to_string(ItemId("evidence/notes.txt")) + "/thumbnail", &alice)->status, 404);
}

// Issue 7: the item panel gets the classifier's review signals (the UI shows them as ranking signals,
// never a finding); an item that was not classified has none.
TEST_F(ServeEvidenceTest, ItemCarriesTheClassifiersReviewSignals) {
  Login alice = LogIn("alice");
  const int64_t a = ItemId("evidence/photos/a.jpg");
  ASSERT_GT(a, 0);
  {
    Result<store::CaseStore> cs = store::CaseStore::Open(case_dir_);
    ASSERT_TRUE(cs.ok()) << cs.status().ToString();
    const std::string id = std::to_string(a);
    ASSERT_TRUE(cs->db().Exec("INSERT INTO item_attrs(item_id, key, value) VALUES (" + id +
                              ", 'classify.model', 'mobilenet_v2_mid 4.4.0 sha256:ab'), (" + id +
                              ", 'classify.porn', '0.1200'), (" + id + ", 'classify.priority', '0.2200'), (" + id +
                              ", 'faces.count', '1'), (" + id + ", 'faces.boxes', '[[1,2,30,40]]')")
                    .ok());
  }
  httplib::Result r = Get("/api/items/" + std::to_string(a), &alice);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const nlohmann::json j = nlohmann::json::parse(r->body);
  const nlohmann::json& sig = j.at("signals");
  EXPECT_EQ(sig.at("model"), "mobilenet_v2_mid 4.4.0 sha256:ab");
  EXPECT_NEAR(sig.at("scores").at("porn").get<double>(), 0.12, 1e-9);
  EXPECT_NEAR(sig.at("priority").get<double>(), 0.22, 1e-9);
  EXPECT_EQ(sig.at("faces"), 1);
  EXPECT_EQ(sig.at("face_boxes").at(0).at(2), 30);
  httplib::Result other = Get("/api/items/" + std::to_string(ItemId("evidence/notes.txt")), &alice);
  ASSERT_TRUE(other);
  EXPECT_TRUE(nlohmann::json::parse(other->body).at("signals").is_null());
}

TEST_F(ServeEvidenceTest, OriginalsComeFromProvenanceForSupervisorsOnly) {
  Login alice = LogIn("alice"), sue = LogIn("sue");
  const int64_t a = ItemId("evidence/photos/a.jpg");
  const int64_t member = ItemId("evidence/bundle.zip!/x/a-copy.jpg");
  const int64_t nested = ItemId("evidence/bundle.zip!/inner.tar.gz!/deep/c.jpg");
  ASSERT_GT(member, 0);
  ASSERT_GT(nested, 0);
  EXPECT_EQ(Get("/api/items/" + std::to_string(a) + "/original", &alice)->status, 403);
  for (auto [id, want] : {std::pair{a, &a_}, {member, &a_}, {nested, &inner_}}) {
    httplib::Result r = Get("/api/items/" + std::to_string(id) + "/original", &sue);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << id << " " << r->body;
    EXPECT_EQ(r->body, *want);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/octet-stream");
    EXPECT_NE(r->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  }
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'original_download' AND actor = 'sue'"), 3);
  // A member preview works too (read through its containers).
  EXPECT_EQ(Get("/api/items/" + std::to_string(nested) + "/thumbnail", &alice)->status, 200);
  // Evidence that changed since the scan is refused, not served.
  WriteFile(dir_.path() + "/evidence/photos/a.jpg", testing::PatternJpeg(2, 320, 240));
  EXPECT_EQ(Get("/api/items/" + std::to_string(a) + "/original", &sue)->status, 409);
  // Folders have no content.
  EXPECT_EQ(Get("/api/items/" + std::to_string(ItemId("evidence/photos")) + "/original", &sue)->status, 404);
}

TEST_F(ServeEvidenceTest, NearDuplicatesAreGroupedAndDecidedTogether) {
  Login alice = LogIn("alice");
  const int64_t a = ItemId("evidence/photos/a.jpg"), small = ItemId("evidence/photos/a-small.jpg");
  const int64_t copy = ItemId("evidence/bundle.zip!/x/a-copy.jpg"), b = ItemId("evidence/photos/b.jpg");
  json q = json::parse(Get("/api/queue?type=image&limit=100", &alice)->body);
  int64_t group = 0;
  for (const json& e : q["entries"]) {
    if (e["item_id"] == a) group = e["group_id"].get<int64_t>();
    if (e["item_id"] == b) {
      EXPECT_TRUE(e["group_id"].is_null());
    }
  }
  ASSERT_EQ(group, std::min({a, small, copy}));
  httplib::Result g = Get("/api/groups/" + std::to_string(group), &alice);
  ASSERT_TRUE(g);
  ASSERT_EQ(g->status, 200) << g->body;
  json gj = json::parse(g->body);
  EXPECT_EQ(gj["size"], 3);
  EXPECT_EQ(Get("/api/groups/" + std::to_string(b), &alice)->status, 404);
  httplib::Result d = PostJson("/api/groups/" + std::to_string(group) + "/decision", {{"category", 3}, {"tags", {"t"}}}, &alice);
  ASSERT_TRUE(d);
  ASSERT_EQ(d->status, 200) << d->body;
  EXPECT_EQ(json::parse(d->body)["applied"].size(), 3u);
  EXPECT_EQ(Count("SELECT count(*) FROM review_current WHERE category = 3"), 3);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'review_decision'"), 3);
  // Without the CSRF token nothing happens.
  const std::string wrong(64, '0');
  EXPECT_EQ(PostJson("/api/groups/" + std::to_string(group) + "/decision", {{"category", 1}}, &alice, &wrong)->status, 403);
  // Another reviewer cannot overwrite alice's decisions through the group either.
  Login bob = LogIn("bob");
  EXPECT_EQ(PostJson("/api/groups/" + std::to_string(group) + "/decision", {{"category", 1}}, &bob)->status, 403);
  EXPECT_EQ(Count("SELECT count(*) FROM review_current WHERE category = 3"), 3);
}

}  // namespace
}  // namespace ngb::serve
