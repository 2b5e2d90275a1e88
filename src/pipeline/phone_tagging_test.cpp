// Tests of phone_tagging.h (folders) and archive_phone_tagging.h (archives).
#include "pipeline/phone_tagging.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/archive_phone_tagging.h"
#include "pipeline/scanner.h"
#include "testing/archive_writer.h"
#include "testing/ios_backup.h"
#include "testing/temp_dir.h"

namespace ngb::pipeline {
namespace {

namespace fs = std::filesystem;

class PathSink : public Sink {
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

std::string AttrOrEmpty(const ItemRecord& r, const std::string& key) {
  for (const auto& [k, v] : r.attrs) {
    if (k == key) return v;
  }
  return "";
}

// Scans `source` (labelled `label`) with one thread, scratch files in `scratch`; every record by
// provenance.
std::map<std::string, ItemRecord> Scan(const fs::path& source, const std::string& label, const fs::path& scratch) {
  ScanOptions options;
  options.threads = 1;
  options.processor.analysers.libmagic_fallback = false;
  options.processor.analysers.pdq = false;
  options.processor.scratch_dir = scratch.string();
  PathSink sink;
  ProgressCounters progress;
  std::atomic<int64_t> next_id{1};
  Scanner scanner(options, sink, progress);
  // Nothing finished before (a lambda returning `false` would convert to optional(0): "finished").
  scanner.Run(1, {{1, source.string(), label}}, next_id,
              [](const std::string&) -> std::optional<int64_t> { return std::nullopt; });
  return std::move(sink.by_path_);
}

// Writes `bytes` as `dir/name` and scans it as the only source.
std::map<std::string, ItemRecord> ScanArchive(const fs::path& dir, const std::string& name,
                                              const std::string& bytes) {
  ngb::testing::WriteFile(dir / name, bytes);
  return Scan(dir / name, name, dir);
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
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

  std::map<std::string, ItemRecord> by_path = Scan(root, "case", root);

  const std::string id = source::IosFileId("CameraRollDomain", "Media/DCIM/100APPLE/IMG_0001.JPG");
  const std::string photo = "case/iphone/" + id.substr(0, 2) + "/" + id;
  ASSERT_EQ(by_path.count(photo), 1u);  // the provenance stays the path on the evidence
  const ItemRecord& r = by_path[photo];
  EXPECT_EQ(AttrOrEmpty(r, "phone.display_path"), "case/iphone/CameraRollDomain/Media/DCIM/100APPLE/IMG_0001.JPG");
  EXPECT_EQ(AttrOrEmpty(r, "phone.category"), "camera");
  const std::string sms_id = source::IosFileId("HomeDomain", "Library/SMS/sms.db");
  EXPECT_EQ(AttrOrEmpty(by_path["case/iphone/" + sms_id.substr(0, 2) + "/" + sms_id], "phone.category"),
            "sms_database");
  EXPECT_EQ(AttrOrEmpty(by_path["case/iphone/Manifest.db"], "phone.display_path"), "");

  EXPECT_EQ(AttrOrEmpty(by_path["case/android/DCIM/Camera/IMG_1.jpg"], "phone.category"), "camera");
  const ItemRecord& wa = by_path["case/android/WhatsApp/Databases/msgstore.db.crypt14"];
  EXPECT_EQ(AttrOrEmpty(wa, "phone.category"), "whatsapp_database_encrypted");
  EXPECT_EQ(AttrOrEmpty(wa, "phone.app"), "whatsapp");
  EXPECT_TRUE(by_path["case/android/Documents/notes.txt"].attrs.empty());
  EXPECT_TRUE(by_path["case/other/ab/" + std::string(40, 'a')].attrs.empty());
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
    errors.push_back(AttrOrEmpty(rec, "phone.error"));
  }
  EXPECT_EQ(errors[0].rfind("ios_manifest_encrypted", 0), 0u) << errors[0];
  EXPECT_EQ(errors[1], "");
}

// ---- Archives (archive_phone_tagging.h) ----

const std::vector<ngb::testing::BackupFile> kFiles = {
    {"CameraRollDomain", "Media/DCIM/100APPLE/IMG_0001.JPG", "jpeg bytes"},
    {"HomeDomain", "Library/SMS/sms.db", "sqlite"}};

std::string StoredName(const ngb::testing::BackupFile& f) {
  const std::string id = source::IosFileId(f.domain, f.relative_path);
  return id.substr(0, 2) + "/" + id;
}

// A zip of a backup folder whose files come before its Manifest.db (as `zip -r` often stores
// them), beside an Android tree: real paths and categories, as for a folder.
TEST(ArchivePhoneTagger, BackupInAZipIsMappedWhenItsManifestComesLast) {
  ngb::testing::TempDir tmp;
  const fs::path root = tmp.path();
  ngb::testing::MakeBackup(root / "backup", kFiles);
  std::vector<testing::Member> members;
  for (const auto& f : kFiles) members.push_back({"Backup/00008030/" + StoredName(f), f.content});
  members.push_back({"Backup/00008030/Manifest.db", ReadAll(root / "backup/Manifest.db")});
  members.push_back({"android/DCIM/Camera/IMG_1.jpg", "x"});
  members.push_back({"android/Documents/notes.txt", "x"});
  std::map<std::string, ItemRecord> r =
      ScanArchive(root, "phone.zip", testing::WriteArchive(testing::Zip(), members));

  const std::string photo = "phone.zip!/Backup/00008030/" + StoredName(kFiles[0]);
  ASSERT_EQ(r.count(photo), 1u);  // the provenance stays the member's stored name
  EXPECT_EQ(AttrOrEmpty(r[photo], "phone.display_path"),
            "phone.zip!/Backup/00008030/CameraRollDomain/Media/DCIM/100APPLE/IMG_0001.JPG");
  EXPECT_EQ(AttrOrEmpty(r[photo], "phone.category"), "camera");
  EXPECT_FALSE(r[photo].md5.empty());  // analysed like any member while it waited
  EXPECT_EQ(AttrOrEmpty(r["phone.zip!/Backup/00008030/" + StoredName(kFiles[1])], "phone.category"), "sms_database");
  EXPECT_EQ(AttrOrEmpty(r["phone.zip!/Backup/00008030/Manifest.db"], "phone.error"), "");
  EXPECT_EQ(AttrOrEmpty(r["phone.zip!/android/DCIM/Camera/IMG_1.jpg"], "phone.category"), "camera");
  EXPECT_TRUE(r["phone.zip!/android/Documents/notes.txt"].attrs.empty());
  EXPECT_EQ(r.size(), 1u + members.size());  // every member once, nothing lost while waiting
}

// A tar.gz with the backup at its top and the Manifest.db first: files are tagged as they come.
TEST(ArchivePhoneTagger, BackupAtTheTopOfATarWithItsManifestFirst) {
  ngb::testing::TempDir tmp;
  const fs::path root = tmp.path();
  ngb::testing::MakeBackup(root / "backup", kFiles);
  std::vector<testing::Member> members = {{"Manifest.db", ReadAll(root / "backup/Manifest.db")}};
  for (const auto& f : kFiles) members.push_back({StoredName(f), f.content});
  std::map<std::string, ItemRecord> r =
      ScanArchive(root, "b.tar.gz", testing::WriteArchive(testing::PaxGzFast(), members));
  EXPECT_EQ(AttrOrEmpty(r["b.tar.gz!/" + StoredName(kFiles[0])], "phone.display_path"),
            "b.tar.gz!/CameraRollDomain/Media/DCIM/100APPLE/IMG_0001.JPG");
}

// An encrypted backup's Manifest.db (not SQLite without the password): one error on it, and the
// files that waited come out with what their stored names say (nothing), none lost.
TEST(ArchivePhoneTagger, UnreadableManifestIsAnErrorAttributeAndReleasesTheFiles) {
  ngb::testing::TempDir tmp;
  const fs::path root = tmp.path();
  const std::string id1 = "0a" + std::string(38, '1'), id2 = "0a" + std::string(38, '2');
  std::vector<testing::Member> members = {
      {"0a/" + id1, "x"}, {"Manifest.db", std::string(4096, '\x17')}, {"0a/" + id2, "y"}};
  std::map<std::string, ItemRecord> r =
      ScanArchive(root, "enc.zip", testing::WriteArchive(testing::Zip(), members));
  EXPECT_EQ(AttrOrEmpty(r["enc.zip!/Manifest.db"], "phone.error").rfind("ios_manifest_encrypted", 0), 0u)
      << AttrOrEmpty(r["enc.zip!/Manifest.db"], "phone.error");
  ASSERT_EQ(r.count("enc.zip!/0a/" + id1), 1u);
  ASSERT_EQ(r.count("enc.zip!/0a/" + id2), 1u);
  EXPECT_EQ(AttrOrEmpty(r["enc.zip!/0a/" + id1], "phone.display_path"), "");
}

// Files named like backup files with no Manifest.db anywhere: released at the end of the archive.
TEST(ArchivePhoneTagger, FilesWaitingForAManifestThatNeverComesAreKept) {
  ArchivePhoneTagger tagger("x.zip");
  std::vector<ItemRecord> released;
  for (char c : {'1', '2', '3'}) {
    ItemRecord rec;
    rec.kind = ItemKind::kMember;
    rec.path = "x.zip!/DCIM/ab/ab" + std::string(38, c);
    EXPECT_FALSE(tagger.Tag("DCIM/ab/ab" + std::string(38, c), rec));  // waits
  }
  ItemRecord other;
  other.kind = ItemKind::kMember;
  other.path = "x.zip!/ab/notahash";
  EXPECT_TRUE(tagger.Tag("ab/notahash", other));
  ItemRecord container;
  tagger.Finish(container, released);
  ASSERT_EQ(released.size(), 3u);
  EXPECT_EQ(released[0].path, "x.zip!/DCIM/ab/ab" + std::string(38, '1'));  // in the order they came
  EXPECT_EQ(AttrOrEmpty(released[0], "phone.category"), "camera");                  // from the stored path
  EXPECT_EQ(AttrOrEmpty(container, "phone.error"), "");
}

TEST(ArchivePhoneTagger, ManifestNames) {
  EXPECT_TRUE(ArchivePhoneTagger::IsManifest("Manifest.db"));
  EXPECT_TRUE(ArchivePhoneTagger::IsManifest("a/b/Manifest.db"));
  EXPECT_FALSE(ArchivePhoneTagger::IsManifest("OldManifest.db"));
  EXPECT_FALSE(ArchivePhoneTagger::IsManifest("Manifest.db-wal"));
}

}  // namespace
}  // namespace ngb::pipeline
