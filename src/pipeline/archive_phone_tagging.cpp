#include "pipeline/archive_phone_tagging.h"

#include <optional>

#include "core/provenance.h"
#include "pipeline/phone_tagging.h"

namespace ngb::pipeline {
namespace {

constexpr std::string_view kManifestName = "Manifest.db";

}  // namespace

ArchivePhoneTagger::ArchivePhoneTagger(std::string container_path) : container_path_(std::move(container_path)) {}

bool ArchivePhoneTagger::IsManifest(std::string_view name) {
  return name.ends_with(kManifestName) &&
         (name.size() == kManifestName.size() || name[name.size() - kManifestName.size() - 1] == '/');
}

void ArchivePhoneTagger::TagWith(ItemRecord& rec, std::string_view name, const std::string* folder,
                                 const source::IosBackupIndex* index) const {
  std::optional<std::string> display;
  if (index && folder) {
    if (std::optional<std::string> logical = index->LogicalPath(name.substr(folder->size()))) {
      // The backup folder's provenance: the archive itself when the backup is at its top.
      display = folder->empty() ? container_path_ + "!"
                                : JoinMember(container_path_, std::string_view(*folder).substr(0, folder->size() - 1));
      display->append("/").append(*logical);
    }
  }
  if (display) rec.attrs.emplace_back("phone.display_path", *display);
  AddPhoneCategory(rec, display ? *display : rec.path);
}

bool ArchivePhoneTagger::Tag(std::string_view name, ItemRecord& rec) {
  if (rec.kind != ItemKind::kMember) return true;
  if (std::optional<std::string_view> folder = source::IosBackupFileFolder(name)) {
    if (auto it = backups_.find(*folder); it != backups_.end()) {
      TagWith(rec, name, &it->first, &it->second);
      return true;
    }
    if (!failed_.contains(*folder)) {
      if (held_.size() < kMaxHeld) {
        held_.push_back({std::string(*folder), std::move(rec)});
        return false;
      }
      ++not_held_;
    }
  }
  TagWith(rec, name, nullptr, nullptr);
  return true;
}

void ArchivePhoneTagger::AddManifest(std::string_view name, Result<std::vector<uint8_t>> bytes,
                                     ItemRecord& manifest_rec, std::vector<ItemRecord>& released) {
  const std::string folder(name.substr(0, name.size() - kManifestName.size()));
  if (backups_.contains(folder)) return;  // a second Manifest.db for the same folder: the first one holds
  Result<source::IosBackupIndex> index =
      bytes.ok() ? source::IosBackupIndex::LoadManifestImage(std::move(*bytes), manifest_rec.path) : bytes.status();
  const source::IosBackupIndex* loaded = nullptr;
  if (index.ok()) {
    loaded = &backups_.emplace(folder, std::move(*index)).first->second;
  } else {
    manifest_rec.attrs.emplace_back("phone.error", index.status().ToString());
    failed_.emplace(folder, true);
  }
  // Release the files that waited for this folder's manifest, in the order they came.
  size_t keep = 0;
  for (Held& h : held_) {
    if (h.folder == folder) {
      TagWith(h.rec, h.rec.path.substr(container_path_.size() + kMemberSeparator.size()), &folder, loaded);
      released.push_back(std::move(h.rec));
    } else {
      held_[keep++] = std::move(h);
    }
  }
  held_.resize(keep);
}

void ArchivePhoneTagger::Finish(ItemRecord& container, std::vector<ItemRecord>& released) {
  for (Held& h : held_) {
    TagWith(h.rec, {}, nullptr, nullptr);
    released.push_back(std::move(h.rec));
  }
  held_.clear();
  if (not_held_ > 0) {
    container.attrs.emplace_back(
        "phone.error", std::to_string(not_held_) + " iOS backup files came before their Manifest.db, more than the " +
                           std::to_string(kMaxHeld) + " that can wait: their real paths are not shown");
  }
}

}  // namespace ngb::pipeline
