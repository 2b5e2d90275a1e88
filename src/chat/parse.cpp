// STUB (to be replaced by the parsers): recognises nothing.
#include "chat/parse.h"

namespace ngb::chat {

Format DetectFormat(std::string_view, std::string_view) { return Format::kUnknown; }

Result<std::vector<Conversation>> ParseChat(std::string_view, std::string_view, const ParseOptions&) {
  return Status::Error("not_a_chat_export", "parsers not built yet");
}

}  // namespace ngb::chat
