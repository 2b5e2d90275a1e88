// Fuzz target for `.ngbm` model files: arbitrary bytes through LinearModel::FromBytes, tried as
// they are and with the header checksum made right (so mutations reach the later checks); whatever
// loads is asked to score a few texts. Must never crash, read out of bounds or hang.
#include <cstdint>
#include <cstring>
#include <string>

#include "text/classifier.h"
#include "text/model_file.h"
#include "text/normalise.h"

namespace {

void Try(const std::string& bytes) {
  auto m = ngb::text::LinearModel::FromBytes(bytes);
  if (!m.ok()) return;
  for (const char* t : {"", "hello there", "kya tum akeli ho", "\xD8\xA7\xD8\xA8 \xF0\x9F\x98\x82"}) {
    float s = m.value()->Score(ngb::text::Normalise(t));
    if (!(s >= 0 && s <= 1)) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  Try(bytes);
  if (bytes.size() >= 128) {
    uint32_t c = ngb::text::ModelChecksum(bytes);
    std::memcpy(&bytes[44], &c, 4);
    Try(bytes);
  }
  return 0;
}
