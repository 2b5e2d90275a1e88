// Internal to src/chat: one parser per export format plus the helpers they share. The public entry
// points are DetectFormat/ParseChat in chat/parse.h; nothing here is meant for other folders.
//
// Every Parse* function keeps each message it can read, appends ParseError rows for the rest and
// returns an error Status only when nothing at all could be read. None recurses on input depth and
// none throws. Thread-safety: all functions are reentrant (no shared state).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chat/conversation.h"
#include "chat/parse.h"
#include "core/provenance.h"
#include "core/status.h"

namespace ngb::chat::parse {

using Conversations = std::vector<Conversation>;

// A single message's text beyond this is truncated (error row "message_too_long").
inline constexpr size_t kMaxMessageBytes = 1 << 20;
// Error rows kept per conversation; later ones are counted in one final "too_many_errors" row.
inline constexpr size_t kMaxErrors = 1000;

Result<Conversations> ParseWhatsApp(std::string_view bytes, const ParseOptions& options);
// Telegram Desktop result.json: one chat, or a full export (chats.list[], left_chats.list[]).
Result<Conversations> ParseTelegram(std::string_view bytes, const ParseOptions& options);
// Instagram / Messenger message_N.json (format = kInstagram or kMessenger, set on the output).
Result<Conversations> ParseMeta(std::string_view bytes, Format format, const ParseOptions& options);
Result<Conversations> ParseDiscord(std::string_view bytes, const ParseOptions& options);
Result<Conversations> ParseCsv(std::string_view bytes, const ParseOptions& options);
Result<Conversations> ParseJsonl(std::string_view bytes, const ParseOptions& options);
Result<Conversations> ParsePanXml(std::string_view bytes, const ParseOptions& options);

// True when `line` starts with a WhatsApp message header ("12/01/2024, 19:40 - ", "[...] ").
bool IsWhatsAppHeader(std::string_view line);

// ---- shared helpers (util.cpp) ----

// Days since 1970-01-01 of a proleptic Gregorian date (no range checks beyond the arithmetic).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d);
// Seconds since the epoch; kNoTime when a field is out of range (month 1-12, day 1-31, h < 24 ...).
int64_t CivilToEpoch(int64_t y, int mo, int d, int h, int mi, int s);

// Timestamps written by CSV/JSONL/Discord/Telegram exports: ISO 8601 ("2024-01-12T19:40:05",
// optional fraction and Z/±hh:mm, 'T' or ' '), epoch seconds or milliseconds (all digits,
// ms when > 10^11), "DD/MM/YYYY HH:MM[:SS]" (order from `order`, kAuto = day-first unless the
// numbers prove otherwise). Zone offsets are applied (result is UTC); times without a zone are
// taken as UTC wall-clock. Returns false (and leaves *out) when the text is not a timestamp.
bool ParseTimestamp(std::string_view text, DateOrder order, int64_t* out);

// Meta exports write each UTF-8 byte of a string as its own code point (U+0000-U+00FF). When the
// whole string consists of such code points and the bytes they spell form valid UTF-8 containing
// at least one multi-byte sequence, returns those bytes; otherwise returns the text unchanged.
std::string RepairMojibake(std::string text);

// True when the bytes are valid UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF): the project's
// one validator, from core/provenance.h.
using ngb::IsValidUtf8;
// Replaces invalid UTF-8 sequences by U+FFFD (returns the input unchanged when already valid).
std::string SanitizeUtf8(std::string_view s);

// Media kind guessed from an attachment's file name or MIME type ("IMG-...jpg", "video/mp4").
MediaKind MediaFromFileName(std::string_view name);

// Appends an error row, respecting kMaxErrors.
void AddError(Conversation& c, uint64_t line, std::string_view reason, std::string detail);
// Sets message text, truncating at kMaxMessageBytes (on a UTF-8 boundary) with an error row.
void SetText(Conversation& c, Message& m, std::string text);
// Fills c.participants from the message authors (first appearance, after any listed members).
void CollectParticipants(Conversation& c);
// 1-based line number of byte offset `pos` in `bytes`.
uint64_t LineOfOffset(std::string_view bytes, size_t pos);

// ASCII '0'-'9'.
bool IsDigit(char c);
// Reads 1..max_digits decimal digits at *p (advancing it) into *out and their count into
// *ndigits (when given); false, with *out and *ndigits untouched, when there is none.
bool Num(std::string_view s, size_t* p, int max_digits, int* out, int* ndigits = nullptr);

// Lower-case ASCII copy (other bytes unchanged).
std::string AsciiLower(std::string_view s);
std::string_view TrimAscii(std::string_view s);

}  // namespace ngb::chat::parse
