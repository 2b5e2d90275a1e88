// Fuzz target for `.ngbm` model files: arbitrary bytes through LinearModel::FromBytes, tried as
// they are and with the header checksum made right (so mutations reach the later checks); whatever
// loads is asked to score a few texts. Must never crash, read out of bounds or hang.
#include <cstdint>
#include <cstring>
#include <string>

#include "text/classifier.h"
#include "text/normalise.h"

namespace {

// Same FNV-1a over 8-byte words as model_file.cpp (the checksum field counted as zero).
uint32_t Checksum(const std::string& bytes) {
  uint64_t h = 0xCBF29CE484222325ull;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    if (i == 40) w &= 0x00000000FFFFFFFFull;
    h = (h ^ w) * 0x100000001B3ull;
    h ^= h >> 32;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 0x100000001B3ull;
  return static_cast<uint32_t>(h ^ (h >> 32));
}

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
    uint32_t c = Checksum(bytes);
    std::memcpy(&bytes[44], &c, 4);
    Try(bytes);
  }
  return 0;
}
