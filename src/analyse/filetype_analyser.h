// FileTypeAnalyser: content type from the first 64 KiB — the fast built-in sniffer first; for
// content it does not recognise the byte entropy is recorded, and content that looks random
// (compressed/encrypted) is "application/octet-stream" without asking libmagic, which answers for
// the rest — and whether the name's extension contradicts the type.
#pragma once
#include <magic.h>

#include <optional>
#include <span>
#include <vector>

#include "analyse/analyser.h"

namespace ngb::analyse {

class FileTypeAnalyser : public Analyser {
 public:
  static constexpr size_t kHeadBytes = 64 * 1024;
  // Bytes of the head whose entropy decides "looks random" (see entropy.h).
  static constexpr size_t kEntropySample = 4096;

  explicit FileTypeAnalyser(bool libmagic_fallback);
  AnalyserInfo Describe() const override { return {"filetype", "1"}; }
  void Begin(const ItemRecord& item, source::RandomAccess* content) override;
  void Consume(std::span<const uint8_t> chunk) override;
  void Finish(ItemRecord& item, bool complete) override;

 private:
  // The first kHeadBytes seen: a view of content held in memory, or the copy in head_.
  std::span<const uint8_t> Head() const;
  // Sets item.entropy from the head; true when the head looks random.
  bool RecordEntropy(ItemRecord& item) const;

  bool libmagic_fallback_;
  std::vector<uint8_t> head_;
  std::optional<std::span<const uint8_t>> in_memory_;  // the item's content, when Begin had it
  uint64_t size_hint_ = 0;
  uint64_t seen_ = 0;
};

}  // namespace ngb::analyse
