#include "pipeline/phone_tagging.h"

namespace ngb::pipeline {
namespace {

bool IsHexDigit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// For a path ".../<backup>/<xx>/<name>" with xx two hex digits, ".../<backup>"; else nullopt.
std::optional<std::string_view> BackupOf(std::string_view path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string_view::npos || slash < 3) return std::nullopt;
  const std::string_view dir = path.substr(0, slash);
  const size_t n = dir.size();
  if (dir[n - 3] != '/' || !IsHexDigit(dir[n - 2]) || !IsHexDigit(dir[n - 1])) return std::nullopt;
  return dir.substr(0, n - 3);
}

}  // namespace

void PhoneTagger::MaybeEnterBackup(const std::string& fs_path, ItemRecord& rec) {
  const std::optional<std::string_view> folder = BackupOf(fs_path);
  const std::optional<std::string_view> folder_provenance = BackupOf(rec.path);
  if (!folder || !folder_provenance || *folder == checked_folder_) return;
  checked_folder_ = *folder;
  if (!source::LooksLikeIosBackup(checked_folder_)) return;
  Result<source::IosBackupIndex> index = source::IosBackupIndex::Load(checked_folder_);
  if (!index.ok()) {
    rec.attrs.emplace_back("phone.error", index.status().ToString());
    return;
  }
  backup_ = std::move(*index);
  backup_provenance_ = *folder_provenance;
}

void PhoneTagger::Tag(const std::string& fs_path, ItemRecord& rec) {
  if (rec.kind != ItemKind::kFile) return;
  MaybeEnterBackup(fs_path, rec);
  std::optional<std::string> display;
  if (backup_) display = backup_->DisplayProvenance(backup_provenance_, rec.path);
  if (display) rec.attrs.emplace_back("phone.display_path", *display);
  AddPhoneCategory(rec, display ? *display : rec.path);
}

void AddPhoneCategory(ItemRecord& rec, std::string_view path) {
  std::optional<source::PhoneTag> tag = source::ClassifyPhonePath(path);
  if (!tag) return;
  rec.attrs.emplace_back("phone.category", std::move(tag->category));
  if (!tag->app.empty()) rec.attrs.emplace_back("phone.app", std::move(tag->app));
}

}  // namespace ngb::pipeline
