// PhoneTagger: records what phone-extraction layouts say about the top-level items of a scan
// (src/source/phone_layout.h), as item attributes — the provenance path stays the true path on
// the evidence (verify re-reads it):
//   phone.display_path  iOS backup files: the backup folder's provenance + "/domain/relativePath"
//                       from Manifest.db (e.g. "phone/CameraRollDomain/Media/DCIM/100APPLE/x.JPG")
//   phone.category      ClassifyPhonePath of that path (or of the provenance): camera,
//                       whatsapp_media, whatsapp_database_encrypted, app_database, ...
//   phone.app           the app, when known
//   phone.error         on the first file of an iOS backup whose Manifest.db cannot be read
// A backup is noticed at the first file in a folder named with two hex digits whose parent holds
// Manifest.db (one lstat per such parent; other files cost a few compares), and stays in effect
// for items under that parent (so also when a resumed scan skips what it had done). Only files
// are tagged. Used by the walker thread only; not thread-safe.
#pragma once
#include <optional>
#include <string>

#include "core/item.h"
#include "source/phone_layout.h"

namespace ngb::pipeline {

// Adds phone.category (and phone.app) for `path` when ClassifyPhonePath knows it; used for folder
// items, archive members (archive_phone_tagging.h) and files in disk images alike.
void AddPhoneCategory(ItemRecord& rec, std::string_view path);

class PhoneTagger {
 public:
  // `fs_path`: where the item is on this machine; `rec`: its record (kind and provenance set).
  // Call in walk order.
  void Tag(const std::string& fs_path, ItemRecord& rec);

 private:
  void MaybeEnterBackup(const std::string& fs_path, ItemRecord& rec);

  std::string checked_folder_;     // the last folder looked at for Manifest.db
  std::string backup_provenance_;  // the backup folder in effect, when backup_ is set
  std::optional<source::IosBackupIndex> backup_;
};

}  // namespace ngb::pipeline
