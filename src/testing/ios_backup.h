// Test helper: a synthetic iTunes/Finder backup folder (Manifest.db made with SQLite, files
// stored under their SHA-1 names) for the phone-layout tests.
#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "source/phone_layout.h"
#include "store/sqlite.h"

namespace ngb::testing {

inline void WriteFile(const std::filesystem::path& p, const std::string& bytes) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

inline std::set<std::string> Listing(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

struct BackupFile {
  std::string domain, relative_path, content;
};

// A synthetic iTunes/Finder backup: Manifest.db (in WAL mode, as iOS writes it, so that a
// careless reader would create -wal/-shm files beside it), <xx>/<fileID> files, Info.plist.
inline void MakeBackup(const std::filesystem::path& dir, const std::vector<BackupFile>& files) {
  std::filesystem::create_directories(dir);
  {
    Result<store::Db> db = store::Db::Open((dir / "Manifest.db").string(), true);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE(db->Exec("PRAGMA journal_mode=WAL;"
                         "CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT,"
                         " flags INTEGER, file BLOB);"
                         "CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB);")
                    .ok());
    Result<store::Stmt> ins = db->Prepare("INSERT INTO Files VALUES(?,?,?,?,?)");
    ASSERT_TRUE(ins.ok());
    for (const BackupFile& f : files) {
      const std::string id = source::IosFileId(f.domain, f.relative_path);
      ASSERT_TRUE(ins->Bind(1, id).Bind(2, f.domain).Bind(3, f.relative_path).Bind(4, int64_t{1})
                      .BindBlob(5, "bplist00").Run().ok());
      WriteFile(dir / id.substr(0, 2) / id, f.content);
    }
    // A folder row: no file in the backup, not mapped.
    ASSERT_TRUE(db->Exec("INSERT INTO Files VALUES('" + source::IosFileId("CameraRollDomain", "Media/DCIM") +
                         "','CameraRollDomain','Media/DCIM',2,NULL)")
                    .ok());
  }
  std::filesystem::remove(dir / "Manifest.db-wal");
  std::filesystem::remove(dir / "Manifest.db-shm");
  WriteFile(dir / "Info.plist",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>"
            "<key>Device Name</key><string>Test iPhone</string>"
            "<key>Product Type</key><string>iPhone12,1</string>"
            "<key>Product Version</key><string>17.4.1</string>"
            "<key>Last Backup Date</key><date>2026-01-02T03:04:05Z</date>"
            "</dict></plist>\n");
}

}  // namespace ngb::testing
