// Verification of a case: the audit chain, each scan's manifest digest against the recorded items
// (and against the digest sealed in the audit log), and every recorded file-system file against
// the evidence as it is now — for disk images also their media (every segment of an E01 or split
// image) against the recorded media digests.
#pragma once
#include <string>
#include <vector>

#include "core/status.h"
#include "store/case_store.h"

namespace ngb::app {

struct VerifyOptions {
  bool rehash_evidence = true;
  int threads = 0;  // 0: one per core
};

struct VerifyProblem {
  std::string kind;  // audit_chain, manifest, changed, missing, unreadable
  std::string what;  // one line naming the entry, scan or file
};

struct VerifyReport {
  int64_t audit_entries = 0;
  std::string audit_head;
  int64_t scans_checked = 0;
  int64_t files_checked = 0;
  int64_t images_checked = 0;  // disk images whose media was re-hashed
  // Disk images scanned with --no-image-hash (image.hashed=0): no digest of theirs to re-check,
  // so neither they nor the items read from them are covered.
  int64_t images_not_hashed = 0;
  std::vector<VerifyProblem> problems;  // in the order found: audit, manifests, files by path
  bool ok() const { return problems.empty(); }
};

Result<VerifyReport> VerifyCase(store::CaseStore& cs, const VerifyOptions& options);

}  // namespace ngb::app
