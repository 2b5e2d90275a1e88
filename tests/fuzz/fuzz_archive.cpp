// Fuzz target for the archive path: arbitrary bytes as a top-level evidence item, run through the
// analysers and, when they look like a container, libarchive expansion with nesting and bomb
// limits. Must never crash, leak or hang, whatever the bytes.
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/sink.h"
#include "pipeline/item_processor.h"
#include "pipeline/spool.h"

namespace {

class NullSink : public ngb::Sink {
 public:
  void Put(ngb::ItemRecord&&) override {}
  ngb::Status Flush() override { return ngb::Status::Ok(); }
};

class MemoryStream : public ngb::source::ByteStream {
 public:
  MemoryStream(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  ngb::Result<std::span<const uint8_t>> Next() override {
    const size_t n = std::min<size_t>(4096, size_ - pos_);
    std::span<const uint8_t> out(data_ + pos_, n);
    pos_ += n;
    return out;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string scratch = [] {
    char tmpl[] = "/tmp/ngb-fuzz-XXXXXX";
    const char* d = mkdtemp(tmpl);
    return std::string(d ? d : "/tmp");
  }();
  ngb::pipeline::ProcessorConfig config;
  config.scratch_dir = scratch;
  config.analysers.libmagic_fallback = false;  // libmagic is not ours to fuzz; keep runs fast
  config.limits.max_expanded_bytes = 64ull << 20;
  config.limits.ratio_grace_bytes = 1ull << 20;
  config.limits.memory_spool_bytes = 1ull << 20;
  NullSink sink;
  std::atomic<int64_t> next_id{2};
  ngb::ProgressCounters progress;
  ngb::pipeline::ItemProcessor proc(config, sink, next_id, progress);

  ngb::pipeline::Spool whole(scratch, SIZE_MAX);
  if (!whole.Append({data, size}).ok()) return 0;
  MemoryStream stream(data, size);
  ngb::ItemRecord rec;
  rec.id = rec.top_id = 1;
  rec.path = "fuzz/input";
  rec.size = size;
  ngb::pipeline::UnitBudget budget;
  budget.top_size = size;
  proc.ProcessContent(rec, stream, &whole, budget);
  return 0;
}
