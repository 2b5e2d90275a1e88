// HashSetLibrary::Import: source file → parser → EntryWriter, in one write transaction.
#include <sys/stat.h>

#include <cerrno>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/json_text.h"
#include "core/time_util.h"
#include "hashset/entry_writer.h"
#include "hashset/format_detect.h"
#include "hashset/library.h"
#include "hashset/parse_thread.h"
#include "hashset/streams.h"
#include "ngb_version.h"
#include "source/evidence_file.h"

namespace ngb::hashset {
namespace fs = std::filesystem;
namespace {

constexpr size_t kReadChunk = 1 << 20;

Status CheckName(std::string_view name) {
  if (name.empty() || name.size() > 128) return Status::Error("bad_name", "a set name has 1 to 128 bytes");
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return Status::Error("bad_name", "a set name may not hold control characters");
  }
  return Status::Ok();
}

Status CheckSource(const fs::path& file) {
  struct stat st {};
  if (stat(file.c_str(), &st) != 0) {
    const int err = errno;
    if (err == ENOENT || err == ENOTDIR) return Status::Error("no_such_file", file.string() + " does not exist");
    if (err == EACCES) return Status::Error("permission_denied", "cannot read " + file.string());
    return StatusFromErrno(err, "cannot open " + file.string());
  }
  if (!S_ISREG(st.st_mode)) return Status::Error("not_a_file", file.string() + " is not a regular file");
  return Status::Ok();
}

// SHA-256 of a whole file (NSRL databases are read through SQLite, so hashed separately).
Result<std::string> FileSha256(source::EvidenceFile& file) {
  std::vector<uint8_t> buffer(kReadChunk);
  source::FileStream stream(file, buffer);
  HashingStream hashing(stream);
  if (Status s = hashing.Drain(); !s.ok()) return s;
  return hashing.Sha256Hex();
}

nlohmann::json BadRowJson(const BadRow& b) {
  return {{"line", b.pos.line}, {"record", b.pos.record}, {"reason", b.reason}, {"detail", b.detail}};
}

}  // namespace

Result<ImportReport> HashSetLibrary::Import(const fs::path& file, const ImportOptions& o) {
  const double start = MonotonicSeconds();
  if (Status s = CheckName(o.name); !s.ok()) return s;
  if (Status s = CheckSource(file); !s.ok()) return s;
  std::error_code ec;
  const fs::path abs = fs::weakly_canonical(fs::absolute(file, ec), ec);
  const fs::path path = ec ? file : abs;
  Result<source::EvidenceFile> source = source::EvidenceFile::Open(path.string());
  if (!source.ok())
    return Status::Error("io_error", "cannot open " + path.string() + ": " + source.status().ToString());

  ImportReport report;
  report.format = o.format;
  if (o.format == ImportFormat::kAuto) {
    std::vector<uint8_t> head(kDetectBytes);
    Result<size_t> n = source->ReadAt(0, head.data(), head.size());
    if (!n.ok()) return Status::Error("io_error", "cannot read " + path.string() + ": " + n.status().ToString());
    head.resize(*n);
    Result<ImportFormat> detected = DetectFormat(head, path.filename().string());
    if (!detected.ok()) return detected.status();
    report.format = *detected;
  }

  store::Transaction tx(db_);
  if (!tx.started()) {
    return Status::Error("library_busy", "another process is writing the library: " + db_.ErrorMessage());
  }
  if (Result<HashSetInfo> old = Find(o.name); old.ok()) {
    if (!o.replace) {
      return Status::Error("set_exists", "a hash set named \"" + o.name + "\" exists (use --replace to replace it)");
    }
    report.replaced_set_id = old->id;
    if (Status s = DeleteSetRows(*old); !s.ok()) return s;
  } else if (old.status().reason() != "no_such_set") {
    return old.status();
  }

  // Entry ids, like set ids, are never reused: meta.next_entry_id survives removals.
  Result<store::Stmt> next_id = db_.Prepare(
      "SELECT max((SELECT coalesce(max(id), 0) + 1 FROM entries), "
      "coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'next_entry_id'), 1))");
  if (!next_id.ok()) return next_id.status();
  if (Result<bool> row = next_id->Step(); !row.ok()) return row.status();
  const int64_t base_id = next_id->Int(0);
  // The set row first (its id names the entries), completed once the source is read.
  Result<store::Stmt> ins = db_.Prepare(
      "INSERT INTO sets(name, kind, format, source_path, source_sha256, source_size, imported_at, tool_version, "
      "first_entry_id, last_entry_id, entries, md5_count, sha1_count, sha256_count, pdq_count, records, "
      "duplicates, bad_rows, details) VALUES(?1, ?2, ?3, ?4, '', 0, ?5, ?6, ?7, ?7, 0, 0, 0, 0, 0, 0, 0, 0, '{}')");
  if (!ins.ok()) return ins.status();
  const std::string imported_at = NowIso8601();
  ins->Bind(1, o.name).Bind(2, ToString(o.kind)).Bind(3, ToString(report.format)).Bind(4, path.string());
  ins->Bind(5, imported_at).Bind(6, std::string_view(NGB_VERSION)).Bind(7, base_id);
  if (Status s = ins->Run(); !s.ok()) return s;
  const int64_t set_id = db_.LastInsertRowId();

  Deduplicator dedup;                                  // parser thread
  EntryWriter writer(db_, set_id, base_id, o.strict);  // this thread
  if (Status s = writer.Prepare(); !s.ok()) return s;
  SourceInfo info;
  std::string sha256;
  const uint64_t total = source->size();
  // Parsing and deduplication run on their own thread; SQLite stays on this one.
  const uint64_t bytes_total = report.format == ImportFormat::kNsrl ? 0 : total;
  ParseThreadHooks hooks;
  hooks.tag = [&](const ParsedRecord& r) -> Result<uint64_t> {
    Result<Decision> d = dedup.Add(r);
    if (!d.ok()) return d.status();
    return d->Pack();
  };
  hooks.on_batch = [&](uint64_t bytes) {
    if (o.progress) o.progress({bytes, bytes_total, writer.good_records() + writer.bad_rows()});
  };
  if (report.format == ImportFormat::kNsrl) {
    Result<std::string> digest = FileSha256(*source);
    if (!digest.ok()) return Status::Error("io_error", "reading " + path.string() + ": " + digest.status().ToString());
    sha256 = *digest;
    const auto parse = [&](RecordSink& sink) { return ParseNsrl(path.string(), sink, &info); };
    if (Status s = ParseOnThread(parse, writer, hooks); !s.ok()) return s;
  } else {
    std::vector<uint8_t> buffer(kReadChunk);
    source::FileStream stream(*source, buffer);
    HashingStream hashing(stream);
    const auto parse = [&](RecordSink& sink) {
      Status s = ParseStream(report.format, hashing, sink, &info);
      return s.ok() ? hashing.Drain() : s;
    };
    hooks.position = [&] { return hashing.bytes(); };
    if (Status s = ParseOnThread(parse, writer, hooks); !s.ok()) return s;
    sha256 = hashing.Sha256Hex();
  }

  report.source_version = info.version;
  report.source_layout = info.layout;
  report.category_conflicts = writer.merge_counters().category_conflicts;
  report.pdq_conflicts = writer.merge_counters().pdq_conflicts;
  report.digest_conflicts = dedup.digest_conflicts();
  report.bad_row_samples = writer.bad_row_samples();
  HashSetInfo& set = report.set;
  set.name = o.name;
  set.kind = o.kind;
  set.format = std::string(ToString(report.format));
  set.source_path = path.string();
  set.source_sha256 = sha256;
  set.source_size = total;
  set.imported_at = imported_at;
  set.tool_version = NGB_VERSION;
  set.entries = dedup.entries();
  set.md5_count = dedup.md5_count();
  set.sha1_count = dedup.sha1_count();
  set.sha256_count = dedup.sha256_count();
  set.pdq_count = dedup.pdq_count();
  set.records = writer.good_records() + writer.bad_rows();
  set.duplicates = dedup.duplicates();
  set.bad_rows = writer.bad_rows();
  nlohmann::json details = {{"source_version", info.version},
                            {"source_layout", info.layout},
                            {"strict", o.strict},
                            {"category_conflicts", report.category_conflicts},
                            {"digest_conflicts", report.digest_conflicts},
                            {"pdq_conflicts", report.pdq_conflicts},
                            {"bad_row_samples", nlohmann::json::array()}};
  for (const BadRow& b : report.bad_row_samples) details["bad_row_samples"].push_back(BadRowJson(b));
  set.details = JsonText(details);

  if (o.strict && writer.bad_rows() > 0) {
    report.rejected_reason = "strict";
  } else if (dedup.entries() == 0) {
    report.rejected_reason = "no_valid_records";
  }
  if (!report.rejected_reason.empty()) {
    report.replaced_set_id.reset();  // nothing was replaced: the transaction rolls back
    report.seconds = MonotonicSeconds() - start;
    return report;
  }

  set.id = set_id;
  set.first_entry_id = base_id;
  set.last_entry_id = base_id + static_cast<int64_t>(dedup.entries()) - 1;
  Result<store::Stmt> upd = db_.Prepare(
      "UPDATE sets SET source_sha256 = ?2, source_size = ?3, last_entry_id = ?4, entries = ?5, md5_count = ?6, "
      "sha1_count = ?7, sha256_count = ?8, pdq_count = ?9, records = ?10, duplicates = ?11, bad_rows = ?12, "
      "details = ?13 WHERE id = ?1");
  if (!upd.ok()) return upd.status();
  upd->Bind(1, set_id).Bind(2, sha256).Bind(3, static_cast<int64_t>(total)).Bind(4, set.last_entry_id);
  int i = 5;
  for (uint64_t v : {set.entries, set.md5_count, set.sha1_count, set.sha256_count, set.pdq_count, set.records,
                     set.duplicates, set.bad_rows}) {
    upd->Bind(i++, static_cast<int64_t>(v));
  }
  upd->Bind(13, set.details);
  if (Status s = upd->Run(); !s.ok()) return s;
  Result<store::Stmt> meta = db_.Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('next_entry_id', ?1)");
  if (!meta.ok()) return meta.status();
  meta->Bind(1, std::to_string(set.last_entry_id + 1));
  if (Status s = meta->Run(); !s.ok()) return s;
  if (Status s = tx.Commit(); !s.ok()) return s;
  report.committed = true;
  // Fold the import's WAL into the database now, so the WAL file does not stay set-sized.
  db_.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  if (report.replaced_set_id) fs::remove_all(SetDir(*report.replaced_set_id), ec);
  report.seconds = MonotonicSeconds() - start;
  return report;
}

}  // namespace ngb::hashset
