// Fuzz target for the hash-set parsers: arbitrary bytes through format detection and through
// every stream parser (VICS JSON, hashdeep, md5sum-style lists, PDQ lists), served in chunks of
// a size taken from the input so chunk boundaries fall everywhere. NSRL is an SQLite file and is
// SQLite's to fuzz. Must never crash, leak, hang or allocate without bound; every record handed
// out must carry a digest and a position.
#include <cstdint>
#include <cstdlib>
#include <span>

#include "hashset/format_detect.h"
#include "hashset/parsers.h"
#include "hashset/streams.h"

namespace {

class CheckingSink : public ngb::hashset::RecordSink {
 public:
  ngb::Status Record(const ngb::hashset::ParsedRecord& r, ngb::hashset::RecordPos pos) override {
    if (!r.has_digest() || (pos.line == 0 && pos.record == 0)) abort();
    if (r.file_name.size() > ngb::hashset::kMaxFileName || r.tags.size() > ngb::hashset::kMaxTags) abort();
    return ngb::Status::Ok();
  }
  ngb::Status Bad(ngb::hashset::RecordPos, std::string_view reason, std::string) override {
    if (reason.empty()) abort();
    return ngb::Status::Ok();
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using ngb::hashset::ImportFormat;
  const std::span<const uint8_t> bytes(data, size);
  (void)ngb::hashset::DetectFormat(bytes.first(std::min(size, ngb::hashset::kDetectBytes)), "fuzz.pdq");
  const size_t chunk = size ? 1 + data[0] % 64 : 1;
  for (ImportFormat f : {ImportFormat::kVics, ImportFormat::kHashdeep, ImportFormat::kMd5sum, ImportFormat::kPdq}) {
    CheckingSink sink;
    ngb::hashset::SpanStream in(bytes, chunk);
    ngb::hashset::SourceInfo info;
    (void)ngb::hashset::ParseStream(f, in, sink, &info);
  }
  return 0;
}
