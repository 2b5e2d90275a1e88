#include "source/phone_layout.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <pugixml.hpp>
#include <vector>

#include "hash/multi_digest.h"
#include "source/evidence_file.h"
#include "store/sqlite.h"

namespace ngb::source {
namespace {

constexpr uint64_t kMaxInfoPlist = 32ull << 20;  // Info.plist can hold base64 app data

bool IsHex(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

// The fileID in canonical (lowercase) form, or "" when `s` is not 40 hex digits.
std::string CanonicalId(std::string_view s) {
  if (s.size() != 40) return {};
  std::string id(s);
  for (char& c : id) {
    if (!IsHex(c)) return {};
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c | 0x20);
  }
  return id;
}

bool Exists(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// Info.plist (an XML property list in iTunes/Finder backups): a few top-level strings.
IosDeviceInfo ReadInfoPlist(const std::string& path) {
  IosDeviceInfo info;
  Result<EvidenceFile> f = EvidenceFile::Open(path);
  if (!f.ok() || f->size() > kMaxInfoPlist) return info;
  std::vector<uint8_t> bytes(f->size());
  Result<size_t> n = f->ReadAt(0, bytes.data(), bytes.size());
  if (!n.ok()) return info;
  pugi::xml_document doc;
  if (!doc.load_buffer(bytes.data(), *n, pugi::parse_default, pugi::encoding_utf8)) return info;
  const std::array<std::pair<const char*, std::string*>, 5> wanted = {{
      {"Device Name", &info.device_name},
      {"Product Type", &info.product_type},
      {"Product Version", &info.product_version},
      {"Serial Number", &info.serial_number},
      {"Last Backup Date", &info.last_backup_date},
  }};
  for (pugi::xml_node key : doc.child("plist").child("dict").children("key")) {
    for (const auto& [name, out] : wanted) {
      if (std::string_view(key.text().get()) == name) {
        *out = key.next_sibling().text().get();  // <string> or <date>
      }
    }
  }
  return info;
}

// ASCII case-insensitive equality.
bool Same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x | 0x20);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y | 0x20);
    if (x != y) return false;
  }
  return true;
}

// Up to 64 components of a '/'-separated path (views into it); deeper paths keep their last 64.
struct Components {
  std::array<std::string_view, 64> c;
  size_t n = 0;
  explicit Components(std::string_view path) {
    size_t start = 0;
    while (start <= path.size()) {
      size_t slash = path.find('/', start);
      if (slash == std::string_view::npos) slash = path.size();
      if (slash > start) {
        if (n == c.size()) {  // keep the deepest components: they decide the category
          std::move(c.begin() + 1, c.end(), c.begin());
          --n;
        }
        c[n++] = path.substr(start, slash - start);
      }
      start = slash + 1;
    }
  }
  // Index of the first component equal to `name` at or after `from`, or n.
  size_t Find(std::string_view name, size_t from = 0) const {
    for (size_t i = from; i < n; ++i) {
      if (Same(c[i], name)) return i;
    }
    return n;
  }
  bool At(size_t i, std::string_view name) const { return i < n && Same(c[i], name); }
};

bool EndsWithCrypt(std::string_view name) {
  const size_t dot = name.rfind(".crypt");
  if (dot == std::string_view::npos) return false;
  for (size_t i = dot + 6; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return false;
  }
  return true;
}

PhoneTag Tag(const char* category, std::string_view app) { return {category, std::string(app)}; }

// data/data/<pkg>/…, data/user/<n>/<pkg>/…, data/user_de/<n>/<pkg>/…: the package's index.
size_t AppDataPackage(const Components& p) {
  for (size_t i = 0; i + 1 < p.n; ++i) {
    if (!Same(p.c[i], "data")) continue;
    if (Same(p.c[i + 1], "data") && i + 2 < p.n) return i + 2;
    if ((Same(p.c[i + 1], "user") || Same(p.c[i + 1], "user_de")) && i + 3 < p.n) return i + 3;
  }
  return p.n;
}

std::optional<PhoneTag> ClassifyWhatsApp(const Components& p) {
  for (std::string_view folder : {"WhatsApp", "WhatsApp Business"}) {
    const size_t w = p.Find(folder);
    if (w + 1 >= p.n) continue;
    if (p.At(w + 1, "Media")) return Tag("whatsapp_media", "whatsapp");
    if ((p.At(w + 1, "Databases") || p.At(w + 1, "Backups")) && EndsWithCrypt(p.c[p.n - 1])) {
      return Tag("whatsapp_database_encrypted", "whatsapp");
    }
    if (p.At(w + 1, "Databases")) return Tag("whatsapp_database", "whatsapp");
  }
  // iOS: AppDomainGroup-group.net.whatsapp.WhatsApp.shared/{ChatStorage.sqlite, Message/Media/…}
  for (size_t i = 0; i < p.n; ++i) {
    if (p.c[i].find("net.whatsapp.WhatsApp") == std::string_view::npos) continue;
    if (p.At(i + 1, "Message") && p.At(i + 2, "Media")) return Tag("whatsapp_media", "whatsapp");
    if (Same(p.c[p.n - 1], "ChatStorage.sqlite")) return Tag("whatsapp_database", "whatsapp");
  }
  return std::nullopt;
}

}  // namespace

Result<IosBackupIndex> IosBackupIndex::Load(const std::string& folder) {
  const std::string manifest = folder + "/Manifest.db";
  if (!Exists(manifest)) return Status::Error("not_ios_backup", "no Manifest.db in " + folder);
  Result<IosBackupIndex> index = LoadManifest(manifest);
  if (index.ok()) index->device_ = ReadInfoPlist(folder + "/Info.plist");
  return index;
}

Result<IosBackupIndex> IosBackupIndex::LoadManifest(const std::string& manifest_db_path) {
  Result<store::Db> db = store::Db::OpenImmutable(manifest_db_path);
  if (!db.ok()) return Status::Error("ios_manifest_unreadable", db.status().detail());
  return FromManifest(*db, manifest_db_path);
}

Result<IosBackupIndex> IosBackupIndex::LoadManifestImage(std::vector<uint8_t> bytes, const std::string& name) {
  // An in-memory database has no WAL: read a WAL-mode file as the rollback-journal file it also
  // is (bytes 18-19: file format versions; 2 = WAL). Only this copy changes.
  if (bytes.size() >= 20 && bytes[18] == 2 && bytes[19] == 2) bytes[18] = bytes[19] = 1;
  Result<store::Db> db = store::Db::OpenMemoryImage(bytes);
  if (!db.ok()) return Status::Error("ios_manifest_unreadable", name + ": " + db.status().detail());
  return FromManifest(*db, name);
}

Result<IosBackupIndex> IosBackupIndex::FromManifest(store::Db& db, const std::string& manifest_db_path) {
  db.set_error_reason("ios_manifest_unreadable");
  // flags 1: a file (2 folders, 4 symlinks have no content in the backup).
  Result<store::Stmt> st = db.Prepare("SELECT fileID, domain, relativePath FROM Files WHERE flags = 1");
  if (!st.ok()) {
    const std::string why = st.status().detail();
    if (why.find("not a database") != std::string::npos || why.find("encrypted") != std::string::npos) {
      return Status::Error("ios_manifest_encrypted",
                           manifest_db_path + " is not readable SQLite (an encrypted backup?)");
    }
    return Status::Error("ios_manifest_unreadable", manifest_db_path + ": " + why);
  }
  IosBackupIndex index;
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return Status::Error("ios_manifest_unreadable", row.status().detail());
    if (!*row) break;
    std::string id = CanonicalId(st->View(0));
    const std::string_view domain = st->View(1), rel = st->View(2);
    if (id.empty() || domain.size() + rel.size() + 1 > kMaxPathBytes) continue;
    if (index.map_.size() >= kMaxFiles) {
      return Status::Error("too_large", "Manifest.db lists more than " + std::to_string(kMaxFiles) + " files");
    }
    std::string logical;
    logical.reserve(domain.size() + 1 + rel.size());
    logical.append(domain).append("/").append(rel);
    index.map_.insert_or_assign(std::move(id), std::move(logical));
  }
  return index;
}

const std::string* IosBackupIndex::Find(std::string_view file_id) const {
  const std::string id = CanonicalId(file_id);
  if (id.empty()) return nullptr;
  auto it = map_.find(id);
  return it == map_.end() ? nullptr : &it->second;
}

std::optional<std::string> IosBackupIndex::LogicalPath(std::string_view relative_path) const {
  std::string_view name = relative_path;
  if (const size_t slash = relative_path.find('/'); slash != std::string_view::npos) {
    // <xx>/<fileID> with xx the fileID's first two digits, nothing deeper.
    const std::string_view dir = relative_path.substr(0, slash);
    name = relative_path.substr(slash + 1);
    if (dir.size() != 2 || name.size() < 2 || !Same(dir, name.substr(0, 2))) return std::nullopt;
  }
  const std::string* logical = Find(name);
  if (logical == nullptr) return std::nullopt;
  return *logical;
}

std::optional<std::string> IosBackupIndex::DisplayProvenance(std::string_view backup_provenance,
                                                             std::string_view item_provenance) const {
  if (item_provenance.size() <= backup_provenance.size() + 1 ||
      !item_provenance.starts_with(backup_provenance) ||
      item_provenance[backup_provenance.size()] != '/') {
    return std::nullopt;
  }
  std::optional<std::string> logical =
      LogicalPath(item_provenance.substr(backup_provenance.size() + 1));
  if (!logical) return std::nullopt;
  std::string out(backup_provenance);
  out.append("/").append(*logical);
  return out;
}

std::optional<std::string_view> IosBackupFileFolder(std::string_view name) {
  constexpr size_t kId = 40;
  if (name.size() < kId + 3) return std::nullopt;
  const size_t dir = name.size() - kId - 3;  // where "xx/" starts
  if (name[dir + 2] != '/' || (dir > 0 && name[dir - 1] != '/')) return std::nullopt;
  const std::string_view id = name.substr(dir + 3);
  for (char c : id) {
    if (!IsHex(c)) return std::nullopt;
  }
  // | 0x20: lower case for letters, no change for digits.
  if ((name[dir] | 0x20) != (id[0] | 0x20) || (name[dir + 1] | 0x20) != (id[1] | 0x20)) return std::nullopt;
  return name.substr(0, dir);
}

bool LooksLikeIosBackup(const std::string& folder) {
  if (!Exists(folder + "/Manifest.db") && !Exists(folder + "/Manifest.mbdb")) return false;
  const int fd = open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_NOATIME | O_CLOEXEC);
  const int dfd = fd >= 0 ? fd : open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) return false;
  DIR* dir = fdopendir(dfd);
  if (dir == nullptr) {
    close(dfd);
    return false;
  }
  bool found = false;
  while (const dirent* e = readdir(dir)) {
    const std::string_view name = e->d_name;
    if (name.size() == 2 && IsHex(name[0]) && IsHex(name[1]) && e->d_type == DT_DIR) {
      found = true;
      break;
    }
    if (name.size() == 40 && !CanonicalId(name).empty()) {  // pre-iOS 10: fileIDs at the top
      found = true;
      break;
    }
  }
  closedir(dir);
  return found;
}

std::string IosFileId(std::string_view domain, std::string_view relative_path) {
  std::string s;
  s.reserve(domain.size() + 1 + relative_path.size());
  s.append(domain).append("-").append(relative_path);
  return MultiDigest::Of(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(s.data()), s.size())).sha1;
}

namespace {

// Whether any component is one the rules below look for (most paths have none: one pass, then out).
bool AnyKnownFolder(const Components& p) {
  for (size_t i = 0; i < p.n; ++i) {
    const std::string_view c = p.c[i];
    if (Same(c, "DCIM") || Same(c, "WhatsApp") || Same(c, "WhatsApp Business") || Same(c, "Telegram") ||
        Same(c, "data") || Same(c, "Pictures") || Same(c, "HomeDomain") || Same(c, "MediaDomain") ||
        (c.size() >= 21 && c.find("net.whatsapp.WhatsApp") != std::string_view::npos)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<PhoneTag> ClassifyPhonePath(std::string_view path) {
  const Components p(path);
  if (p.n == 0 || !AnyKnownFolder(p)) return std::nullopt;
  if (std::optional<PhoneTag> wa = ClassifyWhatsApp(p)) return wa;
  const std::string_view last = p.c[p.n - 1];
  // App private data (rooted or full-file-system extractions).
  if (const size_t pkg = AppDataPackage(p); pkg < p.n) {
    const std::string_view package = p.c[pkg];
    if (p.At(pkg + 1, "databases") && pkg + 2 < p.n) {
      if (Same(package, "com.whatsapp") || Same(package, "com.whatsapp.w4b")) {
        return Tag("whatsapp_database", "whatsapp");
      }
      return Tag("app_database", package);
    }
    if (Same(package, "org.telegram.messenger") && Same(last, "cache4.db")) {
      return Tag("app_database", "telegram");
    }
  }
  if (const size_t t = p.Find("Telegram"); t + 1 < p.n && p.c[t + 1].starts_with("Telegram ")) {
    return Tag("telegram_media", "telegram");
  }
  // iOS logical paths (CameraRollDomain/Media/DCIM/… is caught by the DCIM rule below).
  if (const size_t h = p.Find("HomeDomain"); p.At(h + 1, "Library") && p.At(h + 2, "SMS") && Same(last, "sms.db")) {
    return Tag("sms_database", "messages");
  }
  if (const size_t m = p.Find("MediaDomain");
      p.At(m + 1, "Library") && p.At(m + 2, "SMS") && p.At(m + 3, "Attachments") && m + 4 < p.n) {
    return Tag("sms_attachment", "messages");
  }
  if (p.n >= 2) {
    const size_t dcim = p.Find("DCIM");
    if (dcim + 1 < p.n) return Tag(p.At(dcim + 1, "Screenshots") ? "screenshot" : "camera", "");
    const size_t pictures = p.Find("Pictures");
    if (p.At(pictures + 1, "Screenshots") && pictures + 2 < p.n) return Tag("screenshot", "");
  }
  return std::nullopt;
}

}  // namespace ngb::source
