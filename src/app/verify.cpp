#include "app/verify.h"

#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <string_view>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/provenance.h"
#include "hash/multi_digest.h"
#include "report/item_rows.h"
#include "source/disk_image.h"
#include "source/evidence_file.h"
#include "store/audit_log.h"
#include "store/scan_record.h"

namespace ngb::app {
namespace {

struct FileToCheck {
  std::string path;     // provenance
  std::string fs_path;
  std::string md5, sha1, sha256;
  // A disk image whose media digests were recorded (EWF, split raw, block device): its media
  // (every segment) is re-hashed and compared with media.md5/sha1/sha256 instead.
  std::optional<source::ImageFormat> media;
};

std::optional<source::ImageFormat> ImageFormatFromName(std::string_view name) {
  for (source::ImageFormat f : {source::ImageFormat::kRaw, source::ImageFormat::kSplitRaw, source::ImageFormat::kEwf}) {
    if (name == source::ImageFormatName(f)) return f;
  }
  return std::nullopt;
}

// Manifest digests sealed in the audit log by scan_complete entries, by scan id (latest wins).
Result<std::map<int64_t, std::string>> SealedManifests(store::Db& db) {
  Result<store::Stmt> q = db.Prepare("SELECT details FROM audit_log WHERE action = 'scan_complete' ORDER BY seq");
  if (!q.ok()) return q.status();
  std::map<int64_t, std::string> out;
  for (;;) {
    Result<bool> r = q->Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    nlohmann::json d = nlohmann::json::parse(q->Text(0), nullptr, false);
    if (d.is_object() && d.contains("scan_id") && d.contains("manifest_sha256")) {
      out[d["scan_id"].get<int64_t>()] = d["manifest_sha256"].get<std::string>();
    }
  }
  return out;
}

VerifyProblem CheckMedia(const FileToCheck& f) {
  Result<std::shared_ptr<source::DiskImage>> image = source::DiskImage::Open(f.fs_path, *f.media);
  if (!image.ok()) {
    return {"unreadable", DisplayPath(f.path) + " (" + DisplayPath(f.fs_path) + "): " + image.status().ToString()};
  }
  Result<source::MediaDigests> d = source::HashMedia(**image);
  if (!d.ok()) return {"unreadable", DisplayPath(f.path) + ": hashing the media: " + d.status().ToString()};
  if (d->sha256 != f.sha256 || d->sha1 != f.sha1 || d->md5 != f.md5) {
    return {"changed", DisplayPath(f.path) + " (" + DisplayPath(f.fs_path) + "): media sha256 recorded " + f.sha256 +
                           ", now " + d->sha256};
  }
  return {};
}

VerifyProblem CheckFile(const FileToCheck& f, std::vector<uint8_t>& buf, MultiDigest& md) {
  if (f.media) return CheckMedia(f);
  Result<source::EvidenceFile> file = source::EvidenceFile::Open(f.fs_path);
  if (!file.ok()) {
    const bool gone = file.status().reason() == "vanished";
    return {gone ? "missing" : "unreadable", DisplayPath(f.path) + " (" + DisplayPath(f.fs_path) + "): " + file.status().ToString()};
  }
  source::FileStream stream(*file, buf);
  md.Reset();
  for (;;) {
    Result<std::span<const uint8_t>> chunk = stream.Next();
    if (!chunk.ok()) return {"unreadable", DisplayPath(f.path) + ": " + chunk.status().ToString()};
    if (chunk->empty()) break;
    md.Update(*chunk);
  }
  Digests d = md.Final();
  if (d.sha256 != f.sha256 || d.sha1 != f.sha1 || d.md5 != f.md5) {
    return {"changed", DisplayPath(f.path) + " (" + DisplayPath(f.fs_path) + "): sha256 recorded " + f.sha256 + ", now " + d.sha256};
  }
  return {};
}

}  // namespace

Result<VerifyReport> VerifyCase(store::CaseStore& cs, const VerifyOptions& options) {
  store::Db& db = cs.db();
  VerifyReport report;

  Result<store::AuditCheck> chain = store::VerifyAuditChain(db);
  if (!chain.ok()) return chain.status();
  report.audit_entries = chain->entries;
  report.audit_head = chain->head_hash;
  if (!chain->ok) {
    report.problems.push_back({"audit_chain", "audit log entry " + std::to_string(chain->broken_seq) + ": " + chain->problem});
  }

  Result<std::map<int64_t, std::string>> sealed = SealedManifests(db);
  if (!sealed.ok()) return sealed.status();
  Result<std::vector<int64_t>> scans = store::ListScanIds(db);
  if (!scans.ok()) return scans.status();
  for (int64_t id : *scans) {
    Result<store::Stmt> q = db.Prepare("SELECT status, coalesce(manifest_sha256, '') FROM scans WHERE id = ?");
    if (!q.ok()) return q.status();
    q->Bind(1, id);
    Result<bool> r = q->Step();
    if (!r.ok()) return r.status();
    if (!*r || q->Text(0) != "complete") continue;  // running scans have no manifest yet
    ++report.scans_checked;
    const std::string recorded = q->Text(1);
    Result<std::string> now = store::ComputeManifest(db, id, /*threads=*/2);
    if (!now.ok()) return now.status();
    auto it = sealed->find(id);
    if (it == sealed->end()) {
      report.problems.push_back({"manifest", "scan " + std::to_string(id) + ": no scan_complete entry in the audit log"});
    } else if (*now != it->second || recorded != it->second) {
      report.problems.push_back({"manifest", "scan " + std::to_string(id) + ": recorded items no longer match the manifest sealed in the audit log (" + it->second + " sealed, " + *now + " now)"});
    }
  }

  if (options.rehash_evidence) {
    std::vector<FileToCheck> files;
    Status s = report::ForEachItem(db, {}, [&](const report::ItemRow& row) {
      const ItemRecord& r = row.rec;
      if (r.depth != 0) return true;
      // Media digests first: an image split in segments is more than its first file.
      std::map<std::string_view, std::string_view> a;
      for (const auto& [k, v] : r.attrs) a[k] = v;
      if (a.contains("image.hashed") && a["image.hashed"] == "0") ++report.images_not_hashed;
      if (a.contains("media.sha256") && a.contains("image.format")) {
        if (auto format = ImageFormatFromName(a["image.format"])) {
          files.push_back({r.path, row.fs_path(), std::string(a["media.md5"]), std::string(a["media.sha1"]),
                           std::string(a["media.sha256"]), format});
          ++report.images_checked;
        }
      }
      if (r.kind == ItemKind::kFile && !r.sha256.empty()) {
        files.push_back({r.path, row.fs_path(), r.md5, r.sha1, r.sha256, std::nullopt});
      }
      return true;
    });
    if (!s.ok()) return s;
    const int threads = options.threads > 0 ? options.threads : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    std::vector<VerifyProblem> found(files.size());
    std::atomic<size_t> next{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
      pool.emplace_back([&] {
        std::vector<uint8_t> buf(256 * 1024);
        MultiDigest md;
        for (size_t i; (i = next.fetch_add(1)) < files.size();) found[i] = CheckFile(files[i], buf, md);
      });
    }
    for (auto& t : pool) t.join();
    report.files_checked = static_cast<int64_t>(files.size()) - report.images_checked;
    for (auto& p : found) {
      if (!p.kind.empty()) report.problems.push_back(std::move(p));
    }
  }
  return report;
}

}  // namespace ngb::app
