// Scan bookkeeping in the case store: the chain-of-custody record of each scan, its sources,
// resumption of an interrupted scan, and the manifest digest.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/sqlite.h"

namespace ngb::store {

struct SourceRecord {
  int64_t id = 0;
  int position = 0;
  std::string label;     // first component of provenance paths
  std::string abs_path;  // raw bytes
  std::string kind;      // "folder", "file", "special", "missing"
  int64_t items = 0, bytes = 0, errors = 0;
};

struct ScanRecord {
  int64_t id = 0;
  std::string examiner, host, tool_version, command_line, options_json, sources_key;
  std::string status, started_at, ended_at;
  int64_t runs = 1;
  std::vector<SourceRecord> sources;
};

// The unfinished scan with this sources_key (same sources, same options), if any.
Result<std::optional<int64_t>> FindResumableScan(Db& db, const std::string& sources_key);
// Inserts the scan and its sources; fills in ids.
Status InsertScan(Db& db, ScanRecord& scan);
Result<ScanRecord> LoadScan(Db& db, int64_t scan_id);
Result<std::vector<int64_t>> ListScanIds(Db& db);
// Marks one more run of a resumed scan.
Status MarkResumed(Db& db, int64_t scan_id);

// Removes rows of top-level units that did not finish (their own row is missing). Returns the
// number of rows removed.
Result<int64_t> DeleteUnfinishedUnits(Db& db, int64_t scan_id);
// 64-bit hashes of the provenance paths of finished top-level units, sorted.
Result<std::vector<uint64_t>> FinishedTopPathHashes(Db& db, int64_t scan_id);
// True when a finished top-level unit has exactly this provenance path.
Result<bool> HasFinishedTopPath(Db& db, int64_t scan_id, const std::string& path);
// The id of the finished top-level unit with exactly this provenance path, if any.
Result<std::optional<int64_t>> FinishedTopId(Db& db, int64_t scan_id, const std::string& path);
// After a resumed scan: the volumes of a disk image whose image item was redone (and so got a
// new id) point at the new image item again. Returns the number of rows changed.
Result<int64_t> RepairImageParents(Db& db, int64_t scan_id);
Result<int64_t> MaxItemId(Db& db);

// SHA-256 over "HEX(path) \t size \t md5 \t sha1 \t sha256 \t error \n" for every item of the
// scan, ordered by path bytes then id. The path is hex-encoded (uppercase) because file names may
// contain tabs and newlines; no other field can. Detects any later change to the recorded items.
// `threads` as for SummariseScan.
Result<std::string> ComputeManifest(Db& db, int64_t scan_id, int threads = 1);

// Items, bytes of files and members (not folders), and items with an error.
struct ScanTotals {
  int64_t items = 0, bytes = 0, errors = 0;
};

// Everything the end of a scan needs from its items, read in ONE ordered pass over them (each
// pass over a large case costs a read of the whole items table): the manifest digest as
// ComputeManifest defines it, totals for the scan and per source id, and errors by reason.
struct ScanSummary {
  std::string manifest_sha256;
  ScanTotals totals;
  std::map<int64_t, ScanTotals> per_source;
  std::map<std::string, int64_t> errors_by_reason;
};
// threads = 2 reads a large scan (20,000 items or more) in two halves by path, the second on a
// read-only connection of its own: same result, about half the time on two cores. REQUIRES then:
// `db` is a file and holds no uncommitted change to the columns the manifest and totals read
// (the second connection cannot see it).
Result<ScanSummary> SummariseScan(Db& db, int64_t scan_id, int threads = 1);
// Writes the summary's totals to the scan's sources (zero for a source without items) and scan.
Status StoreTotals(Db& db, int64_t scan_id, const ScanSummary& summary);
// Totals per source from the items table; writes them to sources and the scan.
Result<ScanTotals> UpdateTotals(Db& db, int64_t scan_id);
Status MarkComplete(Db& db, int64_t scan_id, const std::string& manifest);

// Stable 64-bit hash of a path (FNV-1a), for the resume skip set.
uint64_t PathHash(std::string_view path);

}  // namespace ngb::store
