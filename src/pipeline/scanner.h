// Scanner: walks the sources on one thread and processes top-level units on N worker threads,
// each with its own ItemProcessor (and so its own analysers). Results go to one Sink.
//
//   walker ──► BoundedQueue<Work> ──► workers (ItemProcessor) ──► Sink (case store writer)
#pragma once
#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/progress.h"
#include "core/sink.h"
#include "pipeline/carve_mode.h"
#include "pipeline/item_processor.h"

namespace ngb::pipeline {

struct SourceSpec {
  int64_t source_id = 0;
  std::string fs_path;  // where the source is (raw bytes)
  std::string label;    // first component of its provenance paths
};

struct ScanOptions {
  int threads = 0;  // 0: one per core
  ProcessorConfig processor;
  CarveMode carve = CarveMode::kUnallocated;  // disk-image sources only
  int64_t max_carved_per_volume = 1'000'000;  // past this, an error row "carve_cap_reached"
  bool hash_images = true;  // false (scan --no-image-hash): see ImageUnitOptions::hash_image
};

struct ScanStats {
  int64_t items = 0;   // records emitted, all depths
  int64_t units = 0;   // top-level units processed in this run
  int64_t skipped = 0; // units already done by an earlier run (resume)
  int64_t errors = 0;
  std::map<std::string, int64_t> errors_by_reason;
};

class Scanner {
 public:
  Scanner(const ScanOptions& options, Sink& sink, ProgressCounters& progress);

  // Scans every source. `finished(provenance)` returns the item id of a top-level unit finished
  // by an earlier, interrupted run of the same scan (nullopt otherwise); such units are not read
  // again. Item ids are taken from `next_id`.
  //
  // A source that is a single file or block device is checked for being a disk image
  // (source::DetectDiskImage); an image is scanned as the image file itself plus its volumes and
  // file systems (pipeline/image_units.h).
  ScanStats Run(int64_t scan_id, const std::vector<SourceSpec>& sources,
                std::atomic<int64_t>& next_id,
                const std::function<std::optional<int64_t>(const std::string&)>& finished);

 private:
  const ScanOptions& options_;
  Sink& sink_;
  ProgressCounters& progress_;
};

}  // namespace ngb::pipeline
