// Phone extractions: what the folders of a phone's logical extraction are, so that items can show
// where they were on the phone. Nothing here changes an item's provenance (the true path on the
// evidence, which verify re-reads); it yields a logical path and a category to record beside it.
//
//   iOS (iTunes/Finder) backup: files are stored as <2 hex>/<fileID>, fileID = SHA-1 of
//   "domain-relativePath"; Manifest.db (SQLite, table Files(fileID, domain, relativePath, flags,
//   file)) maps them back. IosBackupIndex loads that map; Manifest.db is opened read-only and
//   immutable (no locks, no journal, no -wal/-shm: the evidence is never written).
//   Android logical extractions (and iOS logical paths): ClassifyPhonePath recognises DCIM,
//   WhatsApp / Telegram media and databases, app databases under data/data/<package>/.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace ngb::store {
class Db;
}

namespace ngb::source {

// From the backup's Info.plist (XML), where present; empty fields otherwise.
struct IosDeviceInfo {
  std::string device_name, product_type, product_version, serial_number, last_backup_date;
};

class IosBackupIndex {
 public:
  // Caps what a hostile Manifest.db can make us hold in memory.
  static constexpr uint64_t kMaxFiles = 5'000'000;
  static constexpr size_t kMaxPathBytes = 4096;

  // Loads <folder>/Manifest.db (and Info.plist when readable). Errors (stable reasons):
  // "not_ios_backup" (no Manifest.db), "ios_manifest_encrypted" (an encrypted backup: Manifest.db
  // is not SQLite without the password), "ios_manifest_unreadable" (other SQLite errors, no Files
  // table), "too_large" (more than kMaxFiles files).
  static Result<IosBackupIndex> Load(const std::string& folder);
  // The same from a Manifest.db file anywhere.
  static Result<IosBackupIndex> LoadManifest(const std::string& manifest_db_path);
  // The same from a Manifest.db's bytes (an archive member), named `name` in error details. The
  // bytes are taken (an in-memory database is opened over them and closed before returning).
  static Result<IosBackupIndex> LoadManifestImage(std::vector<uint8_t> bytes, const std::string& name);

  // "domain/relativePath" for a fileID (40 hex digits, either case), or nullptr.
  const std::string* Find(std::string_view file_id) const;
  // For a path inside the backup folder, relative to it ("ab/ab12…" — the fileID under its
  // two-hex-digit folder, as the backup stores it; "ab12…" at the top, as old backups did), the
  // logical path "domain/relativePath"; nullopt for anything else (Manifest.db, Info.plist…).
  std::optional<std::string> LogicalPath(std::string_view relative_path) const;
  // Display provenance of an item under the backup: `backup_provenance` is the backup folder's
  // own provenance (e.g. "phone"), `item_provenance` the item's ("phone/ab/ab12…"). Returns
  // "phone/CameraRollDomain/Media/DCIM/100APPLE/IMG_0001.JPG", or nullopt when the item is not a
  // mapped backup file.
  std::optional<std::string> DisplayProvenance(std::string_view backup_provenance,
                                               std::string_view item_provenance) const;

  size_t size() const { return map_.size(); }
  const IosDeviceInfo& device() const { return device_; }

 private:
  static Result<IosBackupIndex> FromManifest(store::Db& db, const std::string& manifest_db_path);

  std::unordered_map<std::string, std::string> map_;  // lowercase fileID → domain/relativePath
  IosDeviceInfo device_;
};

// Cheap test (two stats and a folder listing up to the first hit): the folder holds Manifest.db
// and at least one two-hex-digit subfolder, as iOS 10+ backups do (or Manifest.mbdb, older ones,
// which are reported as such but not mapped).
bool LooksLikeIosBackup(const std::string& folder);

// For a name stored as an iOS backup stores files, "<folder><xx>/<fileID>" (fileID 40 hex digits,
// xx its first two, any case), the backup folder part ("" or ending in '/'); nullopt otherwise.
std::optional<std::string_view> IosBackupFileFolder(std::string_view name);

// SHA-1 (lowercase hex) of "domain-relativePath": the name an iOS backup gives that file.
std::string IosFileId(std::string_view domain, std::string_view relative_path);

// What a path on a phone is, for triage. `path` is a provenance path, a path relative to an
// extraction's root or an iOS logical path (any '/'-separated path; folder names match without
// regard to ASCII case, wherever in the path they are). Categories (stable):
//   camera                       DCIM/… (not Screenshots), iOS CameraRollDomain/Media/DCIM/…
//   screenshot                   DCIM/Screenshots/…, Pictures/Screenshots/…
//   whatsapp_media               WhatsApp/Media/…, Android/media/com.whatsapp/WhatsApp/Media/…,
//                                iOS …WhatsApp.shared/Message/Media/…
//   whatsapp_database_encrypted  WhatsApp/Databases/*.crypt12|14|15…, WhatsApp/Backups/*.crypt…
//   whatsapp_database            data/data/com.whatsapp/databases/msgstore.db, wa.db; iOS
//                                ChatStorage.sqlite
//   telegram_media               Telegram/Telegram Images|Video|Audio|Documents/…
//   sms_database, sms_attachment iOS HomeDomain/Library/SMS/sms.db, MediaDomain/Library/SMS/Attachments/
//   app_database                 data/data/<package>/databases/…, data/user/N/<package>/databases/…
// `app` is the app it belongs to ("whatsapp", "telegram", a package name, "" when none).
struct PhoneTag {
  std::string category;
  std::string app;
};
std::optional<PhoneTag> ClassifyPhonePath(std::string_view path);

}  // namespace ngb::source
