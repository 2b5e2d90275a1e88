#include "app/scan_job.h"

#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "analyse/analyser.h"
#include "analyse/classify_analyser.h"
#include "core/json_text.h"
#include "core/provenance.h"
#include "core/time_util.h"
#include "data/embedded.h"
#include "hash/sha256.h"
#include "ngb_version.h"
#include "hashset/matcher.h"
#include "store/item_writer.h"
#include "store/scan_record.h"

namespace ngb::app {
namespace {

std::string RealOrAbsolutePath(const std::string& p) {
  char buf[PATH_MAX];
  if (realpath(p.c_str(), buf)) return buf;
  if (!p.empty() && p[0] == '/') return p;
  char cwd[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd)) return p;
  return JoinPath(cwd, p);
}

std::string HostName() {
  char buf[256] = {};
  gethostname(buf, sizeof buf - 1);
  return buf;
}

nlohmann::json LimitsJson(const pipeline::ScanOptions& o) {
  const pipeline::ContainerLimits& l = o.processor.limits;
  return {{"max_depth", l.max_depth},
          {"max_ratio", l.max_ratio},
          {"ratio_grace_bytes", l.ratio_grace_bytes},
          {"max_expanded_bytes", l.max_expanded_bytes},
          {"libmagic_fallback", o.processor.analysers.libmagic_fallback},
          {"carve", pipeline::CarveModeName(o.carve)}};
}

// How the scan identifies and matches content, for reports and the chain of custody: digest
// algorithms, PDQ (quality floor, match threshold when PDQ sets are matched) and, when chat exports
// are analysed, the SHA-256 of every built-in model and lexicon (they are compiled into the
// binary, so these digests name exactly the detector that ran). Recorded under options.methods.
nlohmann::json MethodsJson(const pipeline::ScanOptions& o) {
  const analyse::AnalyserConfig& a = o.processor.analysers;
  nlohmann::json m = {{"digests", {"MD5", "SHA-1", "SHA-256"}}};
  nlohmann::json pdq = {{"enabled", a.pdq}, {"min_quality", hashset::kMinPdqQuality}};
  if (a.matcher) pdq["max_distance"] = a.matcher->max_distance();
  m["pdq"] = std::move(pdq);
  if (a.chat) {
    nlohmann::json models = nlohmann::json::array();
    for (const char* prefix : {"models/", "lexicons/"}) {
      for (const data::EmbeddedFile& f : data::EmbeddedWithPrefix(prefix)) {
        if (f.name.ends_with(".md")) continue;
        models.push_back({{"name", std::string(f.name)}, {"sha256", Sha256Hex(f.bytes)}});
      }
    }
    m["chat_models"] = std::move(models);
  }
  if (a.classify) {
    // Review signals, not findings (docs/image-classifier.md); each score names its model's exact
    // version and digest in the item's classify.model attribute.
    const analyse::ClassifySettings& c = a.classify->settings();
    const char* ocr = c.ocr == vision::OcrMode::kOff ? "off" : c.ocr == vision::OcrMode::kAlways ? "always" : "auto";
    m["classify"] = {{"model", c.model}, {"faces", c.faces}, {"ocr", ocr}};
  }
  return m;
}

// (key, count) rows of a query whose one parameter is the scan id.
Result<std::map<std::string, int64_t>> CountsByKey(store::Db& db, int64_t scan_id, const char* sql) {
  Result<store::Stmt> q = db.Prepare(sql);
  if (!q.ok()) return q.status();
  q->Bind(1, scan_id);
  std::map<std::string, int64_t> out;
  for (;;) {
    Result<bool> r = q->Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    out[q->Text(0)] = q->Int(1);
  }
  return out;
}

// The media checks of the scan's disk images, from their items' attributes.
Result<std::vector<ImageCheck>> ImageChecks(store::Db& db, int64_t scan_id) {
  Result<store::Stmt> q = db.Prepare(
      "SELECT i.id, i.path, coalesce(i.md5, ''), coalesce(i.sha1, ''), coalesce(i.error, ''), a.key, a.value "
      "FROM item_attrs a CROSS JOIN items i ON i.id = a.item_id WHERE i.scan_id = ? AND i.depth = 0 AND "
      // Exactly the WHERE of the partial index item_attrs_media_checks (schema 7): the rows of
      // disk images only, not a visit to every item of the scan (50 ms per 100,000 items).
      "a.key IN ('image.format', 'media.md5', 'media.sha1', 'ewf.stored_md5', 'ewf.stored_sha1') ORDER BY i.id");
  if (!q.ok()) return q.status();
  q->Bind(1, scan_id);
  std::vector<ImageCheck> out;
  std::vector<std::pair<std::string, std::string>> file_digests;  // each image file's own md5, sha1
  int64_t last = -1;
  for (;;) {
    Result<bool> r = q->Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    if (q->Int(0) != last) {
      last = q->Int(0);
      ImageCheck c;
      c.path = DisplayPath(q->Text(1));
      c.error = q->Text(4);
      out.push_back(std::move(c));
      file_digests.emplace_back(q->Text(2), q->Text(3));
    }
    ImageCheck& c = out.back();
    const std::string key = q->Text(5), value = q->Text(6);
    if (key == "image.format") c.format = value;
    else if (key == "media.md5") c.media_md5 = value;
    else if (key == "media.sha1") c.media_sha1 = value;
    else if (key == "ewf.stored_md5") c.stored_md5 = value;
    else if (key == "ewf.stored_sha1") c.stored_sha1 = value;
  }
  // A single raw file is its media. For EWF and split images the file's own digests are not the
  // media's: without media.* attributes (the media could not be read) there is no media digest.
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].format == "raw" && out[i].media_md5.empty()) {
      out[i].media_md5 = file_digests[i].first;
      out[i].media_sha1 = file_digests[i].second;
    }
  }
  return out;
}

}  // namespace

std::string SourceLabel(const std::string& path) {
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  std::string base(BaseName(p));
  if (base.empty() || base == "." || base == "..") base = std::string(BaseName(RealOrAbsolutePath(p)));
  if (base.empty()) base = "root";
  return base;
}

Result<ScanJobResult> RunScanJob(store::CaseStore& cs, const ScanJobOptions& options) {
  store::Db& db = cs.db();
  const double t0 = MonotonicSeconds();
  ScanJobResult result;

  // Sources: absolute paths and unique labels.
  store::ScanRecord scan;
  std::set<std::string> labels;
  nlohmann::json key_json = {{"limits", LimitsJson(options.scan)}};
  for (size_t i = 0; i < options.sources.size(); ++i) {
    store::SourceRecord s;
    s.position = static_cast<int>(i);
    s.abs_path = RealOrAbsolutePath(options.sources[i]);
    std::string label = SourceLabel(options.sources[i]);
    std::string unique = label;
    for (int n = 2; !labels.insert(unique).second; ++n) unique = label + "#" + std::to_string(n);
    s.label = unique;
    struct stat st {};
    s.kind = stat(s.abs_path.c_str(), &st) != 0 ? "missing"
             : S_ISDIR(st.st_mode)              ? "folder"
             : S_ISREG(st.st_mode)              ? "file"
                                                : "special";
    key_json["sources"].push_back(DisplayPath(s.abs_path));
    scan.sources.push_back(std::move(s));
  }
  scan.sources_key = Sha256Hex(JsonText(key_json));
  scan.examiner = options.examiner.empty() ? cs.Meta("examiner") : options.examiner;
  scan.host = HostName();
  scan.tool_version = NGB_VERSION;
  scan.command_line = options.command_line;
  nlohmann::json opts = LimitsJson(options.scan);
  opts["threads"] = options.scan.threads;
  nlohmann::json analysers = nlohmann::json::array();
  for (const auto& a : analyse::DescribeAnalysers(options.scan.processor.analysers)) {
    analysers.push_back({{"name", a.name}, {"version", a.version}});
  }
  opts["analysers"] = analysers;
  opts["methods"] = MethodsJson(options.scan);
  scan.options_json = JsonText(opts);
  scan.started_at = NowIso8601();

  // Start a new scan or resume the interrupted one with the same sources and limits.
  {
    store::Transaction tx(db);
    if (!tx.started()) return Status::Error("case_store_error", "cannot start transaction: " + db.ErrorMessage());
    Result<std::optional<int64_t>> resumable = store::FindResumableScan(db, scan.sources_key);
    if (!resumable.ok()) return resumable.status();
    if (resumable->has_value()) {
      Result<int64_t> removed = store::DeleteUnfinishedUnits(db, **resumable);
      if (!removed.ok()) return removed.status();
      if (Status s = store::MarkResumed(db, **resumable); !s.ok()) return s;
      Result<store::ScanRecord> loaded = store::LoadScan(db, **resumable);
      if (!loaded.ok()) return loaded.status();
      scan.id = loaded->id;
      scan.sources = loaded->sources;
      result.resumed = true;
      result.runs = loaded->runs;
      nlohmann::json d = {{"scan_id", scan.id}, {"run", loaded->runs}, {"host", scan.host},
                          {"command_line", scan.command_line}, {"unfinished_rows_removed", *removed}};
      if (auto a = cs.Audit(scan.examiner, "scan_resume", JsonText(d)); !a.ok()) return a.status();
    } else {
      if (Status s = store::InsertScan(db, scan); !s.ok()) return s;
      nlohmann::json srcs = nlohmann::json::array();
      for (const auto& s : scan.sources) {
        srcs.push_back({{"label", DisplayPath(s.label)}, {"path", DisplayPath(s.abs_path)}, {"kind", s.kind}});
      }
      nlohmann::json d = {{"scan_id", scan.id},         {"examiner", scan.examiner},
                          {"host", scan.host},          {"tool_version", scan.tool_version},
                          {"command_line", scan.command_line}, {"sources", srcs},
                          {"options", opts}};
      if (auto a = cs.Audit(scan.examiner, "scan_start", JsonText(d)); !a.ok()) return a.status();
    }
    if (Status s = tx.Commit(); !s.ok()) return s;
  }
  result.scan_id = scan.id;

  Result<std::vector<uint64_t>> done = store::FinishedTopPathHashes(db, scan.id);
  if (!done.ok()) return done.status();
  Result<int64_t> max_id = store::MaxItemId(db);
  if (!max_id.ok()) return max_id.status();
  std::atomic<int64_t> next_id{*max_id + 1};

  std::vector<pipeline::SourceSpec> specs;
  for (const auto& s : scan.sources) specs.push_back({s.id, s.abs_path, s.label});

  // The walker asks about every path; only hash hits (rare) touch the database. The walker
  // thread is the only user of this connection while the writer uses its own.
  Result<store::Db> probe_db = store::Db::Open(cs.dir() + "/" + store::kCaseDbName, false, true);
  if (!probe_db.ok()) return probe_db.status();
  const std::vector<uint64_t>& done_hashes = *done;
  auto finished = [&](const std::string& path) -> std::optional<int64_t> {
    if (done_hashes.empty()) return std::nullopt;
    if (!std::binary_search(done_hashes.begin(), done_hashes.end(), store::PathHash(path))) return std::nullopt;
    Result<std::optional<int64_t>> id = store::FinishedTopId(*probe_db, scan.id, path);
    return id.ok() ? *id : std::nullopt;
  };

  // The hash sets matched against, as they are now (chain of custody; a resumed run re-records).
  if (const hashset::Matcher* m = options.scan.processor.analysers.matcher) {
    Result<store::Stmt> ins = db.Prepare(
        "INSERT OR REPLACE INTO scan_hashsets(scan_id, name, kind, source_sha256, entries, imported_at) "
        "VALUES(?,?,?,?,?,?)");
    if (!ins.ok()) return ins.status();
    for (const hashset::HashSetInfo& h : m->sets()) {
      ins->Bind(1, scan.id).Bind(2, h.name).Bind(3, hashset::ToString(h.kind)).Bind(4, h.source_sha256)
          .Bind(5, static_cast<int64_t>(h.entries)).Bind(6, h.imported_at);
      if (Status st = ins->Run(); !st.ok()) return st;
    }
  }

  ProgressCounters progress;
  pipeline::ScanStats stats;
  Status write_status;
  {
    store::ItemWriter writer(db);
    ProgressDisplay display(progress, options.show_progress);
    pipeline::Scanner scanner(options.scan, writer, progress);
    stats = scanner.Run(scan.id, specs, next_id, finished);
    write_status = writer.Close();
    display.Stop();
  }
  if (!write_status.ok()) return write_status;
  // Copy the WAL the scan wrote into the database file now, on a connection of its own, beside the
  // summary below (a reader: WAL lets both run), instead of in the case's close after it. PASSIVE:
  // never waits for a lock; whatever it leaves, the close checkpoints. Joined on every return.
  std::jthread checkpoint([path = cs.dir() + "/" + store::kCaseDbName] {
    Result<store::Db> c = store::Db::Open(path, false);
    if (c.ok()) (void)c->Exec("PRAGMA wal_checkpoint(PASSIVE)");
  });
  result.units_this_run = stats.units;
  result.skipped_units = stats.skipped;
  result.bytes_read_this_run = progress.bytes_done.load();

  // Close the scan: totals, manifest digest, audit entry — together.
  store::Transaction tx(db);
  if (!tx.started()) return Status::Error("case_store_error", db.ErrorMessage());
  if (result.resumed) {
    if (Result<int64_t> fixed = store::RepairImageParents(db, scan.id); !fixed.ok()) return fixed.status();
  }
  Result<store::ScanSummary> summary = store::SummariseScan(db, scan.id, /*threads=*/2);
  if (!summary.ok()) return summary.status();
  if (Status s = store::StoreTotals(db, scan.id, *summary); !s.ok()) return s;
  const std::string& manifest = summary->manifest_sha256;
  if (Status s = store::MarkComplete(db, scan.id, manifest); !s.ok()) return s;
  result.items = summary->totals.items;
  result.bytes = summary->totals.bytes;
  result.errors = summary->totals.errors;
  result.errors_by_reason = summary->errors_by_reason;
  result.manifest_sha256 = manifest;
  // Items with at least one hash-set hit, by the set kind (alert, known-good, watch).
  Result<std::map<std::string, int64_t>> hits = CountsByKey(
      db, scan.id,
      "SELECT m.set_kind, count(DISTINCT m.item_id) FROM matches m CROSS JOIN items i ON i.id = m.item_id "
      "WHERE i.scan_id = ? GROUP BY m.set_kind");
  if (!hits.ok()) return hits.status();
  result.matched_items_by_kind = std::move(*hits);
  // Conversations found in chat exports, and those flagged, by label.
  Result<std::map<std::string, int64_t>> chats = CountsByKey(
      db, scan.id,
      "SELECT 'conversations', count(*) FROM conversations c CROSS JOIN items i ON i.id = c.item_id WHERE i.scan_id = ?1 "
      "UNION ALL SELECT f.label, count(DISTINCT f.conversation_id) FROM chat_findings f "
      "JOIN conversations c ON c.id = f.conversation_id JOIN items i ON i.id = c.item_id "
      "WHERE i.scan_id = ?1 GROUP BY f.label");
  if (!chats.ok()) return chats.status();
  result.conversations = (*chats)["conversations"];
  chats->erase("conversations");
  result.flagged_conversations_by_label = std::move(*chats);
  Result<std::vector<ImageCheck>> images = ImageChecks(db, scan.id);
  if (!images.ok()) return images.status();
  result.images = std::move(*images);
  result.seconds = MonotonicSeconds() - t0;
  nlohmann::json d = {{"scan_id", scan.id},         {"items", result.items},
                      {"bytes", result.bytes},      {"errors", result.errors},
                      {"errors_by_reason", result.errors_by_reason},
                      {"matched_items_by_kind", result.matched_items_by_kind},
                      {"conversations", result.conversations},
                      {"flagged_conversations_by_label", result.flagged_conversations_by_label},
                      {"manifest_sha256", manifest}, {"ended_at", NowIso8601()}};
  nlohmann::json per_source = nlohmann::json::array();
  Result<store::ScanRecord> final_scan = store::LoadScan(db, scan.id);
  if (final_scan.ok()) {
    for (const auto& s : final_scan->sources) {
      per_source.push_back({{"label", DisplayPath(s.label)}, {"items", s.items}, {"bytes", s.bytes}, {"errors", s.errors}});
    }
  }
  d["sources"] = per_source;
  if (!result.images.empty()) {
    nlohmann::json imgs = nlohmann::json::array();
    for (const ImageCheck& c : result.images) {
      imgs.push_back({{"path", c.path}, {"format", c.format}, {"media_md5", c.media_md5},
                      {"media_sha1", c.media_sha1}, {"stored_md5", c.stored_md5},
                      {"stored_sha1", c.stored_sha1}, {"error", c.error}, {"hashed", c.hashed()}});
    }
    d["disk_images"] = imgs;
  }
  if (auto a = cs.Audit(scan.examiner, "scan_complete", JsonText(d)); !a.ok()) return a.status();
  if (Status s = tx.Commit(); !s.ok()) return s;
  return result;
}

}  // namespace ngb::app
