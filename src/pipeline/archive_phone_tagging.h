// ArchivePhoneTagger: what PhoneTagger (phone_tagging.h) records for a folder of a phone extraction,
// for the members of one archive holding it (a zip or tar of an Android extraction or an iOS
// backup) — the same attributes:
//   phone.display_path  iOS backup files: "<archive>!/<backup folder>/<domain>/<relativePath>"
//   phone.category      ClassifyPhonePath of that path (or of the member's provenance)
//   phone.app           the app, when known
//   phone.error         on a Manifest.db member that cannot be read as a backup's manifest
// An iOS backup's Manifest.db can come anywhere in the archive, often after the files it maps
// (archivers store files in directory order). Members named like backup files
// ("<backup folder>/<xx>/<fileID>") therefore wait until the Manifest.db of their folder has been
// read (then they are tagged and released) or the archive ends (then they are released with the
// category of their stored path only). At most kMaxHeld wait per archive; later ones go on
// untagged, and the archive gets phone.error saying how many.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/item.h"
#include "core/status.h"
#include "source/phone_layout.h"

namespace ngb::pipeline {

class ArchivePhoneTagger {
 public:
  static constexpr size_t kMaxHeld = 50'000;
  static constexpr uint64_t kMaxManifestBytes = 256ull << 20;

  // `container_path`: the archive's provenance path.
  explicit ArchivePhoneTagger(std::string container_path);

  // Whether the member `name` is a Manifest.db whose bytes AddManifest wants.
  static bool IsManifest(std::string_view name);

  // Reads the Manifest.db member `name` (REQUIRES: IsManifest(name); its record `manifest_rec`; its
  // bytes, or why they could not be kept) as the index of the backup in its folder, and appends
  // to `released` the members that waited for it, tagged. A manifest that cannot be read sets
  // phone.error on `manifest_rec`; its folder's files are then released and no longer wait.
  void AddManifest(std::string_view name, Result<std::vector<uint8_t>> bytes, ItemRecord& manifest_rec,
                   std::vector<ItemRecord>& released);

  // Tags the member `name` (record `rec`, kind and provenance set). Returns false when the record
  // was taken to wait for its backup's Manifest.db (it is released by AddManifest or Finish).
  bool Tag(std::string_view name, ItemRecord& rec);

  // At the end of the archive: appends the members still waiting (category tags only) to `released`
  // and notes on `container` how many could not wait.
  void Finish(ItemRecord& container, std::vector<ItemRecord>& released);

 private:
  struct Held {
    std::string folder;  // the backup folder's name in the archive ("" at the top, else ending in '/')
    ItemRecord rec;
  };
  void TagWith(ItemRecord& rec, std::string_view name, const std::string* folder,
               const source::IosBackupIndex* index) const;

  std::string container_path_;
  std::map<std::string, source::IosBackupIndex, std::less<>> backups_;  // by folder
  std::map<std::string, bool, std::less<>> failed_;                     // folders whose manifest failed
  std::vector<Held> held_;
  uint64_t not_held_ = 0;
};

}  // namespace ngb::pipeline
