#include "pipeline/phone_tagging.h"

#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "pipeline/scanner.h"
#include "testing/ios_backup.h"
#include "testing/temp_dir.h"

namespace ngb::pipeline {
namespace {

namespace fs = std::filesystem;

class CollectingSink : public Sink {
 public:
  void Put(ItemRecord&& rec) override {
    std::lock_guard lock(mu_);
    by_path_[rec.path] = std::move(rec);
  }
  Status Flush() override { return Status::Ok(); }
  std::map<std::string, ItemRecord> by_path_;

 private:
  std::mutex mu_;
};

std::string Attr(const ItemRecord& r, const std::string& key) {
  for (const auto& [k, v] : r.attrs) {
    if (k == key) return v;
  }
  return "";
}

// The whole scan: an iOS backup and an Android tree side by side in one folder source.
TEST(PhoneTagger, ScanRecordsLogicalPathsBesideTheTrueProvenance) {
  ngb::testing::TempDir tmp;
  const fs::path root = tmp.path();
  ngb::testing::MakeBackup(root / "iphone",
                           {{"CameraRollDomain", "Media/DCIM/100APPLE/IMG_0001.JPG", "jpeg bytes"},
                            {"HomeDomain", "Library/SMS/sms.db", "sqlite"}});
  ngb::testing::WriteFile(root / "android/DCIM/Camera/IMG_1.jpg", "x");
  ngb::testing::WriteFile(root / "android/WhatsApp/Databases/msgstore.db.crypt14", "x");
  ngb::testing::WriteFile(root / "android/Documents/notes.txt", "x");
  ngb::testing::WriteFile(root / "other/ab" / std::string(40, 'a'), "not a backup");

  ScanOptions options;
  options.threads = 1;
  options.processor.analysers.libmagic_fallback = false;
  options.processor.analysers.pdq = false;
  options.processor.scratch_dir = tmp.path();
  CollectingSink sink;
  ProgressCounters progress;
  std::atomic<int64_t> next_id{1};
  Scanner scanner(options, sink, progress);
  // Nothing finished before (a lambda returning `false` would convert to optional(0): "finished").
  scanner.Run(1, {{1, root.string(), "case"}}, next_id,
              [](const std::string&) -> std::optional<int64_t> { return std::nullopt; });

  const std::string id = source::IosFileId("CameraRollDomain", "Media/DCIM/100APPLE/IMG_0001.JPG");
  const std::string photo = "case/iphone/" + id.substr(0, 2) + "/" + id;
  ASSERT_EQ(sink.by_path_.count(photo), 1u);  // the provenance stays the path on the evidence
  const ItemRecord& r = sink.by_path_[photo];
  EXPECT_EQ(Attr(r, "phone.display_path"), "case/iphone/CameraRollDomain/Media/DCIM/100APPLE/IMG_0001.JPG");
  EXPECT_EQ(Attr(r, "phone.category"), "camera");
  const std::string sms_id = source::IosFileId("HomeDomain", "Library/SMS/sms.db");
  EXPECT_EQ(Attr(sink.by_path_["case/iphone/" + sms_id.substr(0, 2) + "/" + sms_id], "phone.category"),
            "sms_database");
  EXPECT_EQ(Attr(sink.by_path_["case/iphone/Manifest.db"], "phone.display_path"), "");

  EXPECT_EQ(Attr(sink.by_path_["case/android/DCIM/Camera/IMG_1.jpg"], "phone.category"), "camera");
  const ItemRecord& wa = sink.by_path_["case/android/WhatsApp/Databases/msgstore.db.crypt14"];
  EXPECT_EQ(Attr(wa, "phone.category"), "whatsapp_database_encrypted");
  EXPECT_EQ(Attr(wa, "phone.app"), "whatsapp");
  EXPECT_TRUE(sink.by_path_["case/android/Documents/notes.txt"].attrs.empty());
  EXPECT_TRUE(sink.by_path_["case/other/ab/" + std::string(40, 'a')].attrs.empty());
  // Nothing was written into the backup.
  EXPECT_FALSE(fs::exists(root / "iphone/Manifest.db-wal"));
  EXPECT_FALSE(fs::exists(root / "iphone/Manifest.db-shm"));
}

TEST(PhoneTagger, UnreadableManifestIsReportedOnce) {
  ngb::testing::TempDir tmp;
  const fs::path root = tmp.path();
  ngb::testing::WriteFile(root / "Manifest.db", std::string(4096, '\x17'));
  ngb::testing::WriteFile(root / "0a" / ("0a" + std::string(38, '1')), "x");
  ngb::testing::WriteFile(root / "0a" / ("0a" + std::string(38, '2')), "x");
  PhoneTagger tagger;
  std::vector<std::string> errors;
  for (const char* n : {"1", "2"}) {
    ItemRecord rec;
    rec.kind = ItemKind::kFile;
    rec.path = "p/0a/0a" + std::string(38, n[0]);
    tagger.Tag(root.string() + "/0a/0a" + std::string(38, n[0]), rec);
    errors.push_back(Attr(rec, "phone.error"));
  }
  EXPECT_EQ(errors[0].rfind("ios_manifest_encrypted", 0), 0u) << errors[0];
  EXPECT_EQ(errors[1], "");
}

}  // namespace
}  // namespace ngb::pipeline
