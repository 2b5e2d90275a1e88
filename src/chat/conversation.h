// The chat model every parser produces and every detector reads: a conversation is its source,
// the export format, the participants and the messages in time order (oldest first).
#pragma once
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace ngb::chat {

// Export formats. Names (FormatName) are a public contract: they appear in `chat analyze --json`
// output and are accepted by `--format`.
enum class Format : uint8_t {
  kUnknown,
  kWhatsApp,   // "whatsapp": Android 24 h / 12 h and iOS text exports (_chat.txt, "WhatsApp Chat with X.txt")
  kTelegram,   // "telegram": Telegram Desktop result.json (one chat or a full export's chats.list)
  kInstagram,  // "instagram": Instagram "download your information" message_N.json
  kMessenger,  // "messenger": Facebook Messenger "download your information" message_N.json
  kDiscord,    // "discord": DiscordChatExporter JSON
  kCsv,        // "csv": timestamp,sender,text (header names may vary), RFC 4180 quoting
  kJsonl,      // "jsonl": one message object per line
  kPanXml,     // "pan2012": PAN-2012 sexual-predator-identification XML
};

std::string_view FormatName(Format format);
// Accepts FormatName() values plus aliases ("meta" → kMessenger, "pan" → kPanXml). kUnknown if none.
Format FormatFromName(std::string_view name);

inline constexpr int64_t kNoTime = std::numeric_limits<int64_t>::min();

enum class MediaKind : uint8_t { kNone, kImage, kVideo, kAudio, kSticker, kFile, kOther };
std::string_view MediaKindName(MediaKind kind);  // "", "image", "video", "audio", "sticker", "file", "other"

struct Message {
  // Seconds since 1970-01-01 as written in the export. Exports without a zone (WhatsApp, CSV without
  // offset) are taken as UTC wall-clock ("floating" local time); kNoTime when the time is unknown.
  int64_t time = kNoTime;
  std::string author;  // display name as exported (UTF-8); empty for system/service messages
  std::string text;    // UTF-8 message text, media placeholders removed (see media), may be empty
  MediaKind media = MediaKind::kNone;  // an attachment / "<Media omitted>" / "image omitted" was sent
  std::string attachment;              // attached file name when the export names one
  bool system = false;                 // system or service line (encryption notice, "X joined")
  uint32_t line = 0;                   // 1-based line in the source where the message starts; 0 if n/a
};

struct ParseError {
  uint64_t line = 0;   // 1-based line (or record number for JSON/XML formats); 0 when not known
  std::string reason;  // stable snake_case code, e.g. "bad_timestamp", "unreadable_line"
  std::string detail;  // for people
};

struct Conversation {
  std::string source;   // provenance of the file (path, or `a.zip!/chat.txt`); set by the caller
  Format format = Format::kUnknown;
  std::string title;    // chat / group name when the export has one
  std::string id;       // conversation id when the export has one (PAN-2012, Telegram, JSONL)
  std::vector<std::string> participants;  // distinct authors (and listed members), first appearance order
  std::vector<Message> messages;          // oldest first (parsers re-order newest-first exports)
  std::vector<ParseError> errors;         // what could not be read; everything else is kept
};

}  // namespace ngb::chat
