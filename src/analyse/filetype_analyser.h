// FileTypeAnalyser: content type from the first 64 KiB — the fast built-in sniffer first, libmagic
// for what it does not recognise — and whether the name's extension contradicts it.
#pragma once
#include <magic.h>

#include <vector>

#include "analyse/analyser.h"

namespace ngb::analyse {

class FileTypeAnalyser : public Analyser {
 public:
  static constexpr size_t kHeadBytes = 64 * 1024;

  explicit FileTypeAnalyser(bool libmagic_fallback);
  ~FileTypeAnalyser() override;
  AnalyserInfo Describe() const override { return {"filetype", "1"}; }
  void Begin(const ItemRecord& item) override;
  void Consume(std::span<const uint8_t> chunk) override;
  void Finish(ItemRecord& item, bool complete) override;

 private:
  bool libmagic_fallback_;
  magic_t magic_ = nullptr;  // opened lazily: loading the database costs milliseconds
  std::vector<uint8_t> head_;
  uint64_t size_hint_ = 0;
  uint64_t seen_ = 0;
};

}  // namespace ngb::analyse
