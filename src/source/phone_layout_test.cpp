#include "source/phone_layout.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "store/sqlite.h"
#include "testing/ios_backup.h"
#include "testing/temp_dir.h"

namespace ngb::source {
namespace {

namespace fs = std::filesystem;
using ngb::testing::BackupFile;
using ngb::testing::Listing;
using ngb::testing::MakeBackup;
using ngb::testing::WriteFile;

const std::vector<BackupFile> kFiles = {
    {"CameraRollDomain", "Media/DCIM/100APPLE/IMG_0001.JPG", "jpeg bytes"},
    {"HomeDomain", "Library/SMS/sms.db", "sqlite"},
    {"AppDomainGroup-group.net.whatsapp.WhatsApp.shared", "ChatStorage.sqlite", "chats"},
};

TEST(IosFileId, IsSha1OfDomainDashPath) {
  // sha1("HomeDomain-Library/SMS/sms.db"), the well-known name of the SMS database in backups.
  EXPECT_EQ(IosFileId("HomeDomain", "Library/SMS/sms.db"), "3d0d7e5fb2ce288813306e4d4636395e047a3d28");
}

TEST(IosBackupIndex, MapsHashedNamesBackAndWritesNothing) {
  testing::TempDir tmp;
  const fs::path dir = fs::path(tmp.path()) / "backup";
  MakeBackup(dir, kFiles);
  EXPECT_TRUE(LooksLikeIosBackup(dir.string()));
  const std::set<std::string> before = Listing(dir);
  const auto mtime = fs::last_write_time(dir / "Manifest.db");

  Result<IosBackupIndex> index = IosBackupIndex::Load(dir.string());
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  EXPECT_EQ(index->size(), 3u);  // the folder row is left out
  const std::string id = IosFileId(kFiles[0].domain, kFiles[0].relative_path);
  ASSERT_NE(index->Find(id), nullptr);
  EXPECT_EQ(*index->Find(id), "CameraRollDomain/Media/DCIM/100APPLE/IMG_0001.JPG");
  std::string upper = id;
  for (char& c : upper) c = static_cast<char>(toupper(c));
  EXPECT_NE(index->Find(upper), nullptr);
  EXPECT_EQ(index->LogicalPath(id.substr(0, 2) + "/" + id), "CameraRollDomain/Media/DCIM/100APPLE/IMG_0001.JPG");
  EXPECT_EQ(index->LogicalPath(id), "CameraRollDomain/Media/DCIM/100APPLE/IMG_0001.JPG");  // old layout
  EXPECT_EQ(index->LogicalPath("zz/" + id), std::nullopt);
  EXPECT_EQ(index->LogicalPath("Manifest.db"), std::nullopt);
  EXPECT_EQ(index->DisplayProvenance("phone", "phone/" + id.substr(0, 2) + "/" + id),
            "phone/CameraRollDomain/Media/DCIM/100APPLE/IMG_0001.JPG");
  EXPECT_EQ(index->DisplayProvenance("phone", "phone/Info.plist"), std::nullopt);
  EXPECT_EQ(index->DisplayProvenance("phone", "phonebook/" + id.substr(0, 2) + "/" + id), std::nullopt);

  EXPECT_EQ(index->device().device_name, "Test iPhone");
  EXPECT_EQ(index->device().product_version, "17.4.1");
  EXPECT_EQ(index->device().last_backup_date, "2026-01-02T03:04:05Z");

  // Evidence untouched: no -wal, -shm or journal beside Manifest.db, and it was not modified.
  EXPECT_EQ(Listing(dir), before);
  EXPECT_EQ(fs::last_write_time(dir / "Manifest.db"), mtime);
}

TEST(IosBackupIndex, Errors) {
  testing::TempDir tmp;
  const fs::path dir = fs::path(tmp.path());
  EXPECT_EQ(IosBackupIndex::Load(dir.string()).status().reason(), "not_ios_backup");
  EXPECT_FALSE(LooksLikeIosBackup(dir.string()));

  WriteFile(dir / "Manifest.db", std::string(8192, '\x5a'));  // what an encrypted backup looks like
  fs::create_directories(dir / "0a");
  EXPECT_TRUE(LooksLikeIosBackup(dir.string()));
  EXPECT_EQ(IosBackupIndex::Load(dir.string()).status().reason(), "ios_manifest_encrypted");

  fs::remove(dir / "Manifest.db");
  {
    Result<store::Db> db = store::Db::Open((dir / "Manifest.db").string(), true);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec("CREATE TABLE Other(x)").ok());
  }
  EXPECT_EQ(IosBackupIndex::Load(dir.string()).status().reason(), "ios_manifest_unreadable");
}

TEST(IosBackupIndex, HostileRowsAreSkipped) {
  testing::TempDir tmp;
  const fs::path dir = fs::path(tmp.path());
  {
    Result<store::Db> db = store::Db::Open((dir / "Manifest.db").string(), true);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec("CREATE TABLE Files (fileID, domain, relativePath, flags, file);"
                         "INSERT INTO Files VALUES('../../etc/passwd','D','p',1,NULL);"
                         "INSERT INTO Files VALUES(NULL,NULL,NULL,1,NULL);"
                         "INSERT INTO Files VALUES(x'00ff','D','p',1,NULL);"
                         "INSERT INTO Files VALUES('" + std::string(40, 'a') + "','D',x'2f2e2e00ff',1,NULL);")
                    .ok());
  }
  Result<IosBackupIndex> index = IosBackupIndex::Load(dir.string());
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  EXPECT_EQ(index->size(), 1u);
  ASSERT_NE(index->Find(std::string(40, 'A')), nullptr);
  EXPECT_EQ(*index->Find(std::string(40, 'a')), std::string("D//..\0\xff", 7));  // raw bytes
}

std::string Category(std::string_view path) {  // "category", "category:app" or "-"
  std::optional<PhoneTag> t = ClassifyPhonePath(path);
  return t ? t->category + (t->app.empty() ? "" : ":" + t->app) : "-";
}

// Path → "category" or "category:app" ("-": nothing known).
struct Case {
  std::string_view path, want;
};

TEST(ClassifyPhonePath, AndroidLayouts) {
  const Case cases[] = {
      {"phone/DCIM/Camera/IMG_20240101_120000.jpg", "camera"},
      {"sdcard/dcim/100ANDRO/DSC_0001.JPG", "camera"},
      {"x/DCIM/Screenshots/Screenshot_1.png", "screenshot"},
      {"x/Pictures/Screenshots/s.png", "screenshot"},
      {"x/WhatsApp/Media/WhatsApp Images/IMG-20240101-WA0001.jpg", "whatsapp_media:whatsapp"},
      {"x/Android/media/com.whatsapp/WhatsApp/Media/WhatsApp Video/Sent/v.mp4", "whatsapp_media:whatsapp"},
      {"x/WhatsApp/Databases/msgstore.db.crypt14", "whatsapp_database_encrypted:whatsapp"},
      {"x/Android/media/com.whatsapp/WhatsApp/Databases/msgstore-2024-01-01.1.db.crypt15",
       "whatsapp_database_encrypted:whatsapp"},
      {"x/WhatsApp/Backups/chatsettingsbackup.db.crypt14", "whatsapp_database_encrypted:whatsapp"},
      {"x/data/data/com.whatsapp/databases/msgstore.db", "whatsapp_database:whatsapp"},
      {"x/data/data/com.example.chat/databases/messages.db", "app_database:com.example.chat"},
      {"x/data/user/0/com.example.chat/databases/m.db", "app_database:com.example.chat"},
      {"x/Telegram/Telegram Images/1.jpg", "telegram_media:telegram"},
      {"x/Android/media/org.telegram.messenger/Telegram/Telegram Video/2.mp4", "telegram_media:telegram"},
      {"x/Documents/report.pdf", "-"},
      {"x/DCIM", "-"},  // the folder itself
      {"", "-"},
      {"////", "-"},
  };
  for (const Case& c : cases) EXPECT_EQ(Category(c.path), c.want) << c.path;
  std::string deep;
  for (int i = 0; i < 200; ++i) deep += "d/";
  EXPECT_EQ(Category(deep + "DCIM/Camera/a.jpg"), "camera");
}

TEST(ClassifyPhonePath, IosLogicalPaths) {
  const Case cases[] = {
      {"CameraRollDomain/Media/DCIM/100APPLE/IMG_0001.JPG", "camera"},
      {"HomeDomain/Library/SMS/sms.db", "sms_database:messages"},
      {"MediaDomain/Library/SMS/Attachments/ab/01/IMG_1.HEIC", "sms_attachment:messages"},
      {"AppDomainGroup-group.net.whatsapp.WhatsApp.shared/ChatStorage.sqlite", "whatsapp_database:whatsapp"},
      {"AppDomainGroup-group.net.whatsapp.WhatsApp.shared/Message/Media/1/2/a.jpg", "whatsapp_media:whatsapp"},
  };
  for (const Case& c : cases) EXPECT_EQ(Category(c.path), c.want) << c.path;
}

}  // namespace
TEST(IosBackupFileFolder, StoredNamesAndTheirFolder) {
  const std::string id = "3d0d7e5fb2ce288813306e4d4636395e047a3d28";
  EXPECT_EQ(IosBackupFileFolder("3d/" + id), std::optional<std::string_view>(""));
  EXPECT_EQ(IosBackupFileFolder("Backup/UDID/3D/" + id), std::optional<std::string_view>("Backup/UDID/"));
  EXPECT_FALSE(IosBackupFileFolder("ab/" + id));              // folder is not the ID's first digits
  EXPECT_FALSE(IosBackupFileFolder("x3d/" + id));             // "x3d" is not a two-digit folder
  EXPECT_FALSE(IosBackupFileFolder("3d/" + id.substr(1)));    // 39 digits
  EXPECT_FALSE(IosBackupFileFolder("3d/" + id.substr(0, 39) + "g"));
}

}  // namespace ngb::source
