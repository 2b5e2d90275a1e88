// Chat export parsing: bytes of one exported file in, conversations out.
//
// Every parser keeps each message it can read and reports the rest as ParseError rows with line
// (or record) numbers; hostile input never crashes, hangs or allocates without bound.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

#include "chat/conversation.h"
#include "core/status.h"

namespace ngb::chat {

enum class DateOrder : uint8_t { kAuto, kDayFirst, kMonthFirst };

struct ParseOptions {
  Format format = Format::kUnknown;  // kUnknown: detect from content (and name)
  DateOrder date_order = DateOrder::kAuto;  // WhatsApp/CSV numeric dates; kAuto decides per file
  size_t max_messages = 20'000'000;  // beyond this: stop, error row "too_many_messages"
  // Bytes readable (and zero) after the end of the input buffer. With >= 64 the JSON formats are
  // parsed in place instead of from a padded copy (AnalyzeChatFile reads files into such buffers).
  size_t input_padding = 0;
};

// Guesses the format from the first bytes of a file (≥ 4 KiB recommended) and its name (may be
// empty). Cheap: used by `scan` on every text/JSON/XML file. kUnknown when it is not a chat export.
Format DetectFormat(std::string_view head, std::string_view name);

// Parses a whole export. A file can hold several conversations (Telegram full export, PAN-2012,
// JSONL with a conversation field). Fails only when the format is unknown or nothing at all can
// be read ("not_a_chat_export", "malformed_json", ...); partial damage goes to Conversation::errors.
// Conversation::source is left empty for the caller to fill.
Result<std::vector<Conversation>> ParseChat(std::string_view bytes, std::string_view name,
                                            const ParseOptions& options);

}  // namespace ngb::chat
