// ItemProcessor: runs every analyser over one item's bytes in a single read, then, when the item
// is a container, streams its members through the same analysers, recursively, within limits that
// stop compression bombs and nesting bombs. One instance per worker thread.
#pragma once
#include <atomic>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analyse/analyser.h"
#include "analyse/digest_analyser.h"
#include "hash/digest_lanes.h"
#include "pipeline/spool.h"
#include "core/progress.h"
#include "core/sink.h"
#include "source/archive_reader.h"
#include "source/byte_source.h"

namespace ngb::pipeline {

struct ContainerLimits {
  int max_depth = 4;                            // members deeper than this are not opened
  double max_ratio = 1000.0;                    // expanded / compressed bytes
  uint64_t ratio_grace_bytes = 64ull << 20;     // the ratio is enforced past this much output
  uint64_t max_expanded_bytes = 1ull << 40;     // per top-level unit, all nesting levels
  uint64_t memory_spool_bytes = 64ull << 20;    // nested containers larger than this spool to disk
};

struct ProcessorConfig {
  analyse::AnalyserConfig analysers;
  ContainerLimits limits;
  std::string scratch_dir;
};

// Budget shared by everything expanded from one top-level unit.
struct UnitBudget {
  uint64_t top_size = 0;
  uint64_t expanded = 0;
  bool exhausted = false;
  std::string reason, detail;
};

class ItemProcessor {
 public:
  ItemProcessor(const ProcessorConfig& config, Sink& sink, std::atomic<int64_t>& next_id,
                ProgressCounters& progress);

  // Reads rec's content from `in` through every analyser and, if it is a container, expands it
  // (emitting members before returning). `reopen` gives random access to the same bytes when
  // available (files); streamed members are spooled instead. Does not emit `rec` itself.
  // Equivalent to Begin(), Feed() for every chunk, End().
  void ProcessContent(ItemRecord& rec, source::ByteStream& in, source::RandomAccess* reopen,
                      UnitBudget& budget);

  // The same in steps, for a caller that reads several items side by side (push style).
  // `rec`, `reopen` and `budget` must stay valid until End(). One item at a time per processor.
  // With `lanes` set, the digests are computed in that lane: the caller must Flush() the lanes
  // after each Feed() before reusing the chunk's memory, and before End().
  void Begin(ItemRecord& rec, source::RandomAccess* reopen, UnitBudget& budget,
             DigestLanes* lanes = nullptr, int lane = -1);
  // After Begin(): the current item is read and analysed but never opened as a container (a disk
  // image, whose contents the image walker lists instead; libarchive would open an ISO 9660
  // image a second time).
  void NoExpand() { cur_.no_expand = true; }
  // Returns false when the item must not be read further (a limit was hit).
  bool Feed(std::span<const uint8_t> chunk);
  // Finishes the item: `read_error` is how reading ended (ok at the end of the content).
  void End(const Status& read_error);
  // Sends a finished record to the sink, counting it.
  void Emit(ItemRecord&& rec);

  const std::map<std::string, int64_t>& errors_by_reason() const { return errors_; }

 private:
  // Streams the members of `container` through ProcessContent and emits them. Returns the number
  // of members found.
  int64_t Expand(ItemRecord& container, source::RandomAccess& input, bool compressed_stream,
                 UnitBudget& budget);

  // One frame per container being expanded (innermost last): its size and the bytes its direct
  // members have produced so far, for the per-container compression-ratio limit.
  struct Frame {
    uint64_t size = 0;
    uint64_t output = 0;
    bool bomb = false;
  };
  int64_t ExpandMembers(ItemRecord& container, source::ArchiveReader& reader,
                        uint64_t container_size, UnitBudget& budget);
  // Adds n member bytes at the current depth; false when a limit is exceeded (reason set).
  bool Charge(uint64_t n, UnitBudget& budget);

  // The item being read between Begin() and End().
  struct Current {
    ItemRecord* rec = nullptr;
    source::RandomAccess* reopen = nullptr;
    UnitBudget* budget = nullptr;
    std::vector<uint8_t> head;  // the first kHeadBytes, copied unless in_memory has them
    std::optional<std::span<const uint8_t>> in_memory;  // reopen's bytes, when in memory
    bool decided = false, container = false, compressed_stream = false, over_limit = false;
    bool no_expand = false;
    std::unique_ptr<Spool> spool;
    Status spool_error;
    uint64_t total = 0;
  };
  void Decide();
  std::span<const uint8_t> Head() const;

  const ProcessorConfig& config_;
  std::vector<Frame> frames_;
  Current cur_;
  analyse::DigestAnalyser* digest_ = nullptr;  // in analysers_, for lending it an MD5 lane
  Sink& sink_;
  std::atomic<int64_t>& next_id_;
  ProgressCounters& progress_;
  analyse::AnalyserList analysers_;
  std::map<std::string, int64_t> errors_;
};

}  // namespace ngb::pipeline
