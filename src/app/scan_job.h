// A scan job: the `nigehbaan scan` workflow as a library call. Records the chain of custody
// (examiner, host, tool version, command line, times, sources, totals, manifest digest, audit
// entries), resumes an interrupted scan of the same sources, and runs the pipeline into the case.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/scanner.h"
#include "store/case_store.h"

namespace ngb::app {

struct ScanJobOptions {
  std::vector<std::string> sources;  // paths as given
  std::string examiner;              // empty: the case's examiner
  std::string command_line;
  pipeline::ScanOptions scan;
  bool show_progress = false;
};

// The media check of one disk image source (chain of custody).
struct ImageCheck {
  std::string path;                    // the image item's provenance path
  std::string format;                  // "raw", "split_raw", "ewf"
  std::string media_md5, media_sha1;   // computed over the media (raw: the file's own digests;
                                       // "" when the media could not be read)
  std::string stored_md5, stored_sha1; // acquisition hashes stored in an E01 ("" when none)
  std::string error;                   // the image item's error ("acquisition_hash_mismatch", …)
  bool mismatch() const { return error == "acquisition_hash_mismatch"; }
  // False when the image was not read for its digests (scan --no-image-hash): no media digest and
  // no error (a read that failed leaves an error).
  bool hashed() const { return !media_md5.empty() || !error.empty(); }
};

struct ScanJobResult {
  int64_t scan_id = 0;
  bool resumed = false;
  int64_t runs = 1;
  int64_t items = 0, bytes = 0, errors = 0;  // whole scan (all runs)
  int64_t units_this_run = 0, skipped_units = 0;
  int64_t bytes_read_this_run = 0;
  std::map<std::string, int64_t> errors_by_reason;  // whole scan
  std::map<std::string, int64_t> matched_items_by_kind;
  int64_t conversations = 0;  // conversations found in chat exports
  std::map<std::string, int64_t> flagged_conversations_by_label;  // "grooming" → conversations flagged  // "alert"/"known-good"/"watch" → items hit
  double seconds = 0;
  std::string manifest_sha256;
  std::vector<ImageCheck> images;  // disk image sources (also in the scan_complete audit entry)
};

Result<ScanJobResult> RunScanJob(store::CaseStore& cs, const ScanJobOptions& options);

// Label for a source path: its last component ("evidence" for "/mnt/evidence/").
std::string SourceLabel(const std::string& path);

}  // namespace ngb::app
