// Analyser: a per-item plugin that sees an item's bytes once, in order, and adds its findings to
// the item's record. Each worker owns its own instances, so analysers need no locks.
//
// Lifecycle per item: Begin(item, content) → Consume(chunk)… → Finish(item, complete). Items
// without content (directories, symlinks, devices) are not shown to analysers.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/item.h"
#include "source/byte_source.h"

namespace ngb::hashset {
class Matcher;
}
namespace ngb::analyse {
class LazyChatModels;
class ClassifyShared;

struct AnalyserInfo {
  std::string name;     // stable, e.g. "digest"
  std::string version;  // bumped whenever results could differ
};

// Settings shared by all analysers of a scan (never globals).
struct AnalyserConfig {
  bool libmagic_fallback = true;  // ask libmagic when the fast sniffer does not know the type
  bool pdq = true;                // PDQ-hash images
  bool pdq_variants = false;      // and their 8 rotations/mirrors (set when matching PDQ sets)
  // Hash sets to match every item against (shared, thread-safe); null: no matching.
  const hashset::Matcher* matcher = nullptr;
  // Models for chat exports, loaded by the first export met (shared, thread-safe); null: chat
  // exports are not analysed.
  const LazyChatModels* chat = nullptr;
  uint64_t max_chat_bytes = 512ull << 20;  // larger chat exports are recorded with chat.error
  // `scan --classify`: settings and skip notes of the image classifier (shared, thread-safe);
  // null: images are not classified (classify_analyser.h).
  const ClassifyShared* classify = nullptr;
};

class Analyser {
 public:
  virtual ~Analyser() = default;
  virtual AnalyserInfo Describe() const = 0;
  // `content`, when not null, gives random access to the same bytes until Finish() returns (files
  // on disk, small files held in memory); it is null for streamed archive members. An analyser
  // that needs the whole content (an image decoder) reads it there in Finish() instead of
  // buffering every chunk.
  virtual void Begin(const ItemRecord& item, source::RandomAccess* content) = 0;
  virtual void Consume(std::span<const uint8_t> chunk) = 0;
  // complete=false when reading stopped early (error, limit): results must say so or be omitted.
  virtual void Finish(ItemRecord& item, bool complete) = 0;
};

using AnalyserList = std::vector<std::unique_ptr<Analyser>>;

// The registry: one fresh instance of every analyser, in the order they run.
AnalyserList CreateAnalysers(const AnalyserConfig& config);
// Names and versions of the registered analysers (recorded in the scan's chain of custody).
std::vector<AnalyserInfo> DescribeAnalysers(const AnalyserConfig& config);

}  // namespace ngb::analyse
