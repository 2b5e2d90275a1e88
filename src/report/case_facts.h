// CaseFacts: what a court report says about a case besides its pertinent items — case details,
// evidence sources and their digests, methods (from each scan's recorded options and hash sets),
// counts by VICS category and by chat label, and the audit log (head digest, verification, and
// the chain-of-custody timeline). Read with a few aggregate queries and one pass over the audit
// log, so the cost does not depend on how many items the case holds (beyond SQL aggregates).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "report/item_rows.h"
#include "store/audit_log.h"
#include "store/scan_record.h"
#include "store/sqlite.h"

namespace ngb::report {

struct ScanFacts {
  store::ScanRecord scan;  // with sources and their per-source totals
  int64_t items = 0, bytes = 0, errors = 0;
  std::string manifest_sha256;  // "" until the scan completed
  std::string options_json;     // as recorded (limits, analysers and their versions, methods)
};

struct HashSetUse {
  int64_t scan_id = 0;
  std::string name, kind, source_sha256, imported_at;
  int64_t entries = 0;
};

struct CategoryCount {
  std::optional<int> category;  // VICS 0-4 (EffectiveCategory); nullopt never appears here
  int64_t items = 0;
  int64_t reviewed = 0;         // of which a reviewer decided the category
};

struct LabelCount {
  std::string label;
  int64_t conversations = 0;
  double max_score = 0;
};

struct AuditEvent {
  int64_t seq = 0;
  std::string at, actor, action, details;  // details: the entry's JSON text
};

// Routine entries are counted per (action, actor) instead of listed one by one: logins, logouts,
// settings changes and review decisions (each decision is shown with its item instead).
struct RoutineCount {
  std::string action, actor, first_at, last_at;
  int64_t count = 0;
};

struct CaseFacts {
  std::string title, examiner, case_id, created_at, created_with;  // from the case's meta table
  std::vector<ScanFacts> scans;
  std::vector<HashSetUse> hashsets;
  std::vector<CategoryCount> categories;  // most severe first
  std::vector<LabelCount> labels;         // by name
  int64_t conversations = 0, flagged_conversations = 0;
  store::AuditCheck audit;                // head digest, entries, whether the chain holds
  std::vector<AuditEvent> timeline;       // every non-routine entry, by seq
  std::vector<RoutineCount> routine;      // by action, then actor
};

Result<CaseFacts> LoadCaseFacts(store::Db& db, const RowFilter& filter);

// The audit actions counted rather than listed in the timeline.
bool IsRoutineAuditAction(std::string_view action);

}  // namespace ngb::report
