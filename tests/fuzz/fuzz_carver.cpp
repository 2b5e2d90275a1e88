// Fuzz target for the carver: arbitrary bytes as raw disk space, carved whole and in two ranges
// with small reads (so structures cross read boundaries) and a size cap chosen by the first byte.
// Must never crash, hang or read outside the input; carved files must lie inside the input, come in
// offset order, and nothing may be found inside a complete carved file.
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "source/carver.h"
#include "source/slice_access.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const uint64_t kCaps[4] = {64ull << 20, 100, 1000, 5000};
  ngb::source::CarveOptions options;
  options.read_size = 4096;
  options.max_file_size = kCaps[data[0] & 3];
  options.png_crc = (data[0] & 4) == 0;
  ngb::source::MemoryBytes in(std::span<const uint8_t>(data, size));
  const ngb::source::ByteRange halves[2] = {{0, size / 2 + 1}, {size / 2 + 7, size}};
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<ngb::source::CarvedFile> found;
    auto add = [&](const ngb::source::CarvedFile& f) { found.push_back(f); };
    const ngb::Status s = pass == 0 ? ngb::source::CarveAll(in, options, add)
                                    : ngb::source::Carve(in, halves, options, add);
    Check(s.ok());
    uint64_t complete_end = 0, prev = 0;
    for (const ngb::source::CarvedFile& f : found) {
      Check(f.length > 0 && f.offset + f.length <= size && f.length <= options.max_file_size);
      Check(f.offset >= complete_end && (&f == found.data() || f.offset > prev));
      Check(f.truncated == !f.truncation.empty());
      prev = f.offset;
      if (!f.truncated) complete_end = f.offset + f.length;
      ngb::source::SliceAccess slice(in, f.offset, f.length);
      std::vector<uint8_t> bytes(slice.size());
      ngb::Result<size_t> n = slice.ReadAt(0, bytes.data(), bytes.size());
      Check(n.ok() && *n == f.length);
    }
  }
  return 0;
}
