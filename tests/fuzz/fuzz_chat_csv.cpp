// Fuzz target: chat export parsing through the csv parser (format forced); see fuzz_chat_common.h.
#include "fuzz_chat_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return FuzzChat(data, size, ngb::chat::Format::kCsv);
}
