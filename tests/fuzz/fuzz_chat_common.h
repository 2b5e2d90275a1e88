// Shared body of the chat parser fuzz targets (fuzz_chat_<format>.cpp): ParseChat with the given
// format (kUnknown = the auto-detect path, DetectFormat included). Must never crash, hang or
// allocate without bound, whatever the bytes; every message read must be valid UTF-8 and within
// the text cap.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "chat/parse.h"
#include "chat/parse/parsers.h"

inline int FuzzChat(const uint8_t* data, size_t size, ngb::chat::Format format) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ngb::chat::ParseOptions options;
  options.format = format;
  options.max_messages = 100'000;
  if (format == ngb::chat::Format::kUnknown) {
    (void)ngb::chat::DetectFormat(bytes.substr(0, 4096), "message_1.json");
  }
  auto result = ngb::chat::ParseChat(bytes, "", options);
  if (!result.ok()) return 0;
  for (const auto& c : *result) {
    for (const auto& m : c.messages) {
      if (!ngb::chat::parse::IsValidUtf8(m.text) || !ngb::chat::parse::IsValidUtf8(m.author) ||
          m.text.size() > ngb::chat::parse::kMaxMessageBytes) {
        std::abort();
      }
    }
  }
  return 0;
}
