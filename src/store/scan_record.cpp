#include "store/scan_record.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <thread>

#include "core/bounded_queue.h"
#include "core/time_util.h"
#include "hash/sha256.h"

namespace ngb::store {

uint64_t PathHash(std::string_view path) {
  uint64_t h = 14695981039346656037ULL;  // FNV-1a 64-bit offset basis
  for (unsigned char c : path) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

Result<std::optional<int64_t>> FindResumableScan(Db& db, const std::string& sources_key) {
  Result<Stmt> q = db.Prepare(
      "SELECT id FROM scans WHERE sources_key = ? AND status = 'running' ORDER BY id DESC LIMIT 1");
  if (!q.ok()) return q.status();
  q->Bind(1, sources_key);
  Result<bool> row = q->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<int64_t>();
  return std::optional<int64_t>(q->Int(0));
}

Status InsertScan(Db& db, ScanRecord& scan) {
  Result<Stmt> ins = db.Prepare(
      "INSERT INTO scans(examiner, host, tool_version, command_line, options, sources_key, status, "
      "started_at) VALUES(?,?,?,?,?,?,'running',?)");
  if (!ins.ok()) return ins.status();
  ins->Bind(1, scan.examiner).Bind(2, scan.host).Bind(3, scan.tool_version)
      .Bind(4, scan.command_line).Bind(5, scan.options_json).Bind(6, scan.sources_key)
      .Bind(7, scan.started_at);
  if (Status s = ins->Run(); !s.ok()) return s;
  scan.id = db.LastInsertRowId();
  scan.status = "running";
  Result<Stmt> src = db.Prepare(
      "INSERT INTO sources(scan_id, position, label, abs_path, kind) VALUES(?,?,?,?,?)");
  if (!src.ok()) return src.status();
  for (SourceRecord& s : scan.sources) {
    src->Bind(1, scan.id).Bind(2, int64_t{s.position}).Bind(3, s.label).BindBlob(4, s.abs_path)
        .Bind(5, s.kind);
    if (Status st = src->Run(); !st.ok()) return st;
    s.id = db.LastInsertRowId();
  }
  return Status::Ok();
}

Result<ScanRecord> LoadScan(Db& db, int64_t scan_id) {
  Result<Stmt> q = db.Prepare(
      "SELECT examiner, host, tool_version, command_line, options, sources_key, status, "
      "started_at, coalesce(ended_at, ''), runs FROM scans WHERE id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, scan_id);
  Result<bool> row = q->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Error("no_such_scan", "scan " + std::to_string(scan_id));
  ScanRecord s;
  s.id = scan_id;
  s.examiner = q->Text(0);
  s.host = q->Text(1);
  s.tool_version = q->Text(2);
  s.command_line = q->Text(3);
  s.options_json = q->Text(4);
  s.sources_key = q->Text(5);
  s.status = q->Text(6);
  s.started_at = q->Text(7);
  s.ended_at = q->Text(8);
  s.runs = q->Int(9);
  Result<Stmt> src = db.Prepare(
      "SELECT id, position, label, abs_path, kind, coalesce(items,0), coalesce(bytes,0), "
      "coalesce(errors,0) FROM sources WHERE scan_id = ? ORDER BY position");
  if (!src.ok()) return src.status();
  src->Bind(1, scan_id);
  for (;;) {
    Result<bool> r = src->Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    s.sources.push_back(SourceRecord{src->Int(0), static_cast<int>(src->Int(1)), src->Text(2),
                                     src->Text(3), src->Text(4), src->Int(5), src->Int(6),
                                     src->Int(7)});
  }
  return s;
}

Result<std::vector<int64_t>> ListScanIds(Db& db) {
  Result<Stmt> q = db.Prepare("SELECT id FROM scans ORDER BY id");
  if (!q.ok()) return q.status();
  std::vector<int64_t> ids;
  for (;;) {
    Result<bool> r = q->Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    ids.push_back(q->Int(0));
  }
  return ids;
}

Status MarkResumed(Db& db, int64_t scan_id) {
  Result<Stmt> q = db.Prepare("UPDATE scans SET runs = runs + 1 WHERE id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, scan_id);
  return q->Run();
}

Result<int64_t> DeleteUnfinishedUnits(Db& db, int64_t scan_id) {
  // A unit is finished when its own row (id = top_id) exists; it is always written last. So the
  // rows of an unfinished unit all have top_id <> id, which lets SQLite use the partial index
  // items_by_scan_top (schema version 8) instead of reading every item of the scan.
  const char* kUnfinished =
      "SELECT DISTINCT top_id FROM items i WHERE scan_id = ?1 AND top_id <> id AND NOT EXISTS "
      "(SELECT 1 FROM items t WHERE t.id = i.top_id)";
  const std::string rows_of_unfinished =
      std::string("FROM items WHERE scan_id = ?1 AND top_id <> id AND top_id IN (") + kUnfinished + ")";
  // Rows that hang off those items go first (their item ids are found through the items).
  const std::string items_of_unfinished = "SELECT id " + rows_of_unfinished;
  const std::string dependents[] = {
      "DELETE FROM item_attrs WHERE item_id IN (" + items_of_unfinished + ")",
      "DELETE FROM matches WHERE item_id IN (" + items_of_unfinished + ")",
      "DELETE FROM chat_findings WHERE conversation_id IN (SELECT id FROM conversations WHERE item_id IN (" +
          items_of_unfinished + "))",
      "DELETE FROM conversations WHERE item_id IN (" + items_of_unfinished + ")",
  };
  for (const std::string& sql : dependents) {
    Result<Stmt> a = db.Prepare(sql);
    if (!a.ok()) return a.status();
    a->Bind(1, scan_id);
    if (Status s = a->Run(); !s.ok()) return s;
  }
  Result<Stmt> d = db.Prepare("DELETE " + rows_of_unfinished);
  if (!d.ok()) return d.status();
  d->Bind(1, scan_id);
  if (Status s = d->Run(); !s.ok()) return s;
  return static_cast<int64_t>(sqlite3_changes(db.raw()));
}

Result<std::vector<uint64_t>> FinishedTopPathHashes(Db& db, int64_t scan_id) {
  Result<Stmt> q = db.Prepare("SELECT path FROM items WHERE scan_id = ? AND id = top_id");
  if (!q.ok()) return q.status();
  q->Bind(1, scan_id);
  std::vector<uint64_t> out;
  for (;;) {
    Result<bool> r = q->Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    out.push_back(PathHash(q->View(0)));
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<bool> HasFinishedTopPath(Db& db, int64_t scan_id, const std::string& path) {
  Result<Stmt> q = db.Prepare(
      "SELECT 1 FROM items WHERE scan_id = ? AND path = ? AND id = top_id LIMIT 1");
  if (!q.ok()) return q.status();
  q->Bind(1, scan_id).BindBlob(2, path);
  Result<bool> r = q->Step();
  if (!r.ok()) return r.status();
  return *r;
}

Result<std::optional<int64_t>> FinishedTopId(Db& db, int64_t scan_id, const std::string& path) {
  Result<Stmt> q = db.Prepare("SELECT id FROM items WHERE scan_id = ? AND path = ? AND id = top_id LIMIT 1");
  if (!q.ok()) return q.status();
  q->Bind(1, scan_id).BindBlob(2, path);
  Result<bool> r = q->Step();
  if (!r.ok()) return r.status();
  if (!*r) return std::optional<int64_t>();
  return std::optional<int64_t>(q->Int(0));
}

Result<int64_t> RepairImageParents(Db& db, int64_t scan_id) {
  // Rows inside an image whose folder or volume parent is missing can only be volumes: folders
  // and volumes are written before anything inside them, the image item (a file read by a worker)
  // is not. The image item is the source's own top-level item (path = the source's label).
  Result<Stmt> q = db.Prepare(
      "UPDATE items SET parent_id = (SELECT t.id FROM items t JOIN sources s ON s.id = t.source_id "
      "WHERE t.scan_id = items.scan_id AND t.source_id = items.source_id AND t.depth = 0 AND t.path = s.label) "
      "WHERE scan_id = ?1 AND depth = 1 AND parent_id IS NOT NULL "
      "AND NOT EXISTS (SELECT 1 FROM items p WHERE p.id = items.parent_id)");
  if (!q.ok()) return q.status();
  q->Bind(1, scan_id);
  if (Status s = q->Run(); !s.ok()) return s;
  return static_cast<int64_t>(sqlite3_changes(db.raw()));
}

Result<int64_t> MaxItemId(Db& db) {
  Result<Stmt> q = db.Prepare("SELECT coalesce(max(id), 0) FROM items");
  if (!q.ok()) return q.status();
  Result<bool> r = q->Step();
  if (!r.ok()) return r.status();
  return q->Int(0);
}

namespace {

constexpr size_t kManifestChunk = 64 << 10;

void AppendUpperHex(std::string& out, std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  const size_t at = out.size();
  out.resize(at + 2 * bytes.size());
  char* o = out.data() + at;
  for (unsigned char b : bytes) {
    *o++ = kDigits[b >> 4];
    *o++ = kDigits[b & 15];
  }
}

}  // namespace

namespace {

// Columns 0-5 are the manifest line; 1, 5, 6 and 7 feed the totals. The columns are read as
// stored and formatted here: SQL's coalesce() and integer-to-text conversion cost more per row
// than the rest of the query. `range` narrows it to one side of a path (as bound, so compared as
// SQLite orders the column).
std::string ManifestQuery(std::string_view range) {
  return "SELECT path, size, md5, sha1, sha256, error, source_id, kind FROM items WHERE scan_id = ?1 " +
         std::string(range) + " ORDER BY path, id";
}

// Appends column `c` as SQL's coalesce(c, '') would print it: NULL as nothing, an integer in
// decimal, anything else as SQLite converts it to text.
void AppendField(std::string& out, const Stmt& q, int c) {
  switch (q.Type(c)) {
    case SQLITE_NULL:
      return;
    case SQLITE_INTEGER: {
      char digits[24];
      const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, q.Int(c));
      out.append(digits, ec == std::errc() ? end : digits);
      return;
    }
    default:
      out += q.View(c);
  }
}

// Steps `q` to the end: manifest lines into `lines`, handed to `full(lines)` (which empties it)
// every kManifestChunk bytes, and totals into `s` (per source and by reason; not s.totals).
template <typename Full>
Status ReadManifestRows(Stmt& q, ScanSummary& s, std::string& lines, Full&& full) {
  for (;;) {
    Result<bool> r = q.Step();
    if (!r.ok()) return r.status();
    if (!*r) return Status::Ok();
    AppendUpperHex(lines, q.View(0));  // as SQL's hex(path)
    const bool has_size = q.Type(1) != SQLITE_NULL;
    const bool has_error = q.Type(5) != SQLITE_NULL;
    for (int c = 1; c < 6; ++c) {
      lines += '\t';
      AppendField(lines, q, c);
    }
    lines += '\n';
    ScanTotals& src = s.per_source[q.Int(6)];
    ++src.items;
    const std::string_view kind = q.View(7);
    if (has_size && (kind == "file" || kind == "member")) src.bytes += q.Int(1);
    if (has_error) {
      ++src.errors;
      ++s.errors_by_reason[std::string(q.View(5))];
    }
    if (lines.size() >= kManifestChunk) {
      if (!full(lines)) return Status::Error("case_store_error", "manifest reader stopped");
    }
  }
}

void Merge(ScanSummary& into, const ScanSummary& part) {
  for (const auto& [id, t] : part.per_source) {
    ScanTotals& d = into.per_source[id];
    d.items += t.items;
    d.bytes += t.bytes;
    d.errors += t.errors;
  }
  for (const auto& [reason, n] : part.errors_by_reason) into.errors_by_reason[reason] += n;
}

// The first path of the scan's second half in manifest order, with its SQLite type, when the
// scan is large enough to be worth reading in two halves.
struct Split {
  std::string path;
  bool blob = true;
};
Result<std::optional<Split>> FindSplit(Db& db, int64_t scan_id) {
  constexpr int64_t kMinItems = 20000;  // below, a second connection costs more than it saves
  Result<Stmt> count = db.Prepare("SELECT count(*) FROM items WHERE scan_id = ?");
  if (!count.ok()) return count.status();
  count->Bind(1, scan_id);
  Result<bool> r = count->Step();
  if (!r.ok()) return r.status();
  const int64_t n = *r ? count->Int(0) : 0;
  if (n < kMinItems) return std::optional<Split>();
  // The covering index (scan_id, path) makes this a walk over half of one index: ~5 ms per
  // 100,000 items.
  Result<Stmt> mid = db.Prepare(
      "SELECT path, typeof(path) FROM items WHERE scan_id = ? ORDER BY path LIMIT 1 OFFSET ?");
  if (!mid.ok()) return mid.status();
  mid->Bind(1, scan_id).Bind(2, n / 2);
  r = mid->Step();
  if (!r.ok()) return r.status();
  if (!*r) return std::optional<Split>();
  const std::string_view type = mid->View(1);
  if (type != "blob" && type != "text") return std::optional<Split>();
  return std::optional<Split>(Split{mid->Text(0), type == "blob"});
}

Stmt& BindSplit(Stmt& q, const Split& split) {
  return split.blob ? q.BindBlob(2, split.path) : q.Bind(2, split.path);
}

}  // namespace

Result<ScanSummary> SummariseScan(Db& db, int64_t scan_id, int threads) {
  ScanSummary s;
  Sha256Stream h;
  // The manifest lines are gathered and hashed 64 KiB at a time: one digest call per field cost
  // more than the query on a 100,000-item scan (this runs on the scan's serial tail).
  std::string lines;
  lines.reserve(kManifestChunk + 4096);
  auto hash = [&](std::string& full) {
    h.Update(full);
    full.clear();
    return true;
  };
  std::optional<Split> split;
  const char* file = sqlite3_db_filename(db.raw(), "main");
  if (threads > 1 && file != nullptr && *file != '\0') {
    Result<std::optional<Split>> found = FindSplit(db, scan_id);
    if (!found.ok()) return found.status();
    split = std::move(*found);
  }
  std::optional<Db> second;
  if (split) {
    Result<Db> opened = Db::Open(file, false, /*read_only=*/true);
    if (opened.ok()) second = std::move(*opened);
  }
  if (!second) {
    Result<Stmt> q = db.Prepare(ManifestQuery(""));
    if (!q.ok()) return q.status();
    q->Bind(1, scan_id);
    if (Status st = ReadManifestRows(*q, s, lines, hash); !st.ok()) return st;
  } else {
    // The second half is read on a thread and connection of its own, its lines queued in
    // chunks (at most 64 MiB ahead) until the first half has been hashed.
    Result<Stmt> q2 = second->Prepare(ManifestQuery("AND path >= ?2"));
    if (!q2.ok()) return q2.status();
    q2->Bind(1, scan_id);
    BindSplit(*q2, *split);
    BoundedQueue<std::string> chunks(1024);
    ScanSummary part;
    Status part_status;
    std::thread reader([&] {
      std::string mine;
      mine.reserve(kManifestChunk + 4096);
      auto queue = [&](std::string& full) {
        const bool open = chunks.Push(std::move(full));
        full = std::string();
        full.reserve(kManifestChunk + 4096);
        return open;
      };
      part_status = ReadManifestRows(*q2, part, mine, queue);
      if (part_status.ok() && !mine.empty()) chunks.Push(std::move(mine));
      chunks.Close();
    });
    Status first;
    {
      Result<Stmt> q = db.Prepare(ManifestQuery("AND path < ?2"));
      if (q.ok()) {
        q->Bind(1, scan_id);
        BindSplit(*q, *split);
        first = ReadManifestRows(*q, s, lines, hash);
      } else {
        first = q.status();
      }
    }
    if (!first.ok()) chunks.Close();  // stops the reader at its next chunk
    else hash(lines);
    while (std::optional<std::string> chunk = chunks.Pop()) {
      if (first.ok()) hash(*chunk);
    }
    reader.join();
    if (!first.ok()) return first;
    if (!part_status.ok()) return part_status;
    Merge(s, part);
  }
  for (const auto& [id, t] : s.per_source) {
    s.totals.items += t.items;
    s.totals.bytes += t.bytes;
    s.totals.errors += t.errors;
  }
  h.Update(lines);
  s.manifest_sha256 = h.FinalHex();
  return s;
}

Result<std::string> ComputeManifest(Db& db, int64_t scan_id, int threads) {
  Result<ScanSummary> s = SummariseScan(db, scan_id, threads);
  if (!s.ok()) return s.status();
  return std::move(s->manifest_sha256);
}

Status StoreTotals(Db& db, int64_t scan_id, const ScanSummary& summary) {
  Result<Stmt> zero = db.Prepare("UPDATE sources SET items = 0, bytes = 0, errors = 0 WHERE scan_id = ?");
  if (!zero.ok()) return zero.status();
  zero->Bind(1, scan_id);
  if (Status s = zero->Run(); !s.ok()) return s;
  Result<Stmt> set = db.Prepare("UPDATE sources SET items = ?, bytes = ?, errors = ? WHERE id = ?");
  if (!set.ok()) return set.status();
  for (const auto& [id, t] : summary.per_source) {
    set->Bind(1, t.items).Bind(2, t.bytes).Bind(3, t.errors).Bind(4, id);
    if (Status s = set->Run(); !s.ok()) return s;
  }
  Result<Stmt> up = db.Prepare("UPDATE scans SET items = ?, bytes = ?, errors = ? WHERE id = ?");
  if (!up.ok()) return up.status();
  const ScanTotals& t = summary.totals;
  up->Bind(1, t.items).Bind(2, t.bytes).Bind(3, t.errors).Bind(4, scan_id);
  return up->Run();
}

Result<ScanTotals> UpdateTotals(Db& db, int64_t scan_id) {
  Result<ScanSummary> s = SummariseScan(db, scan_id);
  if (!s.ok()) return s.status();
  if (Status st = StoreTotals(db, scan_id, *s); !st.ok()) return st;
  return s->totals;
}

Status MarkComplete(Db& db, int64_t scan_id, const std::string& manifest) {
  Result<Stmt> q = db.Prepare(
      "UPDATE scans SET status = 'complete', ended_at = ?, manifest_sha256 = ? WHERE id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, NowIso8601()).Bind(2, manifest).Bind(3, scan_id);
  return q->Run();
}

}  // namespace ngb::store
