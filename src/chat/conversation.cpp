#include "chat/conversation.h"

#include <array>
#include <utility>

namespace ngb::chat {
namespace {
constexpr std::array<std::pair<Format, std::string_view>, 8> kNames{{
    {Format::kWhatsApp, "whatsapp"},
    {Format::kTelegram, "telegram"},
    {Format::kInstagram, "instagram"},
    {Format::kMessenger, "messenger"},
    {Format::kDiscord, "discord"},
    {Format::kCsv, "csv"},
    {Format::kJsonl, "jsonl"},
    {Format::kPanXml, "pan2012"},
}};
}  // namespace

std::string_view FormatName(Format format) {
  for (const auto& [f, name] : kNames) {
    if (f == format) return name;
  }
  return "unknown";
}

Format FormatFromName(std::string_view name) {
  for (const auto& [f, n] : kNames) {
    if (n == name) return f;
  }
  if (name == "meta" || name == "facebook") return Format::kMessenger;
  if (name == "pan" || name == "pan-xml" || name == "xml") return Format::kPanXml;
  return Format::kUnknown;
}

std::string_view MediaKindName(MediaKind kind) {
  switch (kind) {
    case MediaKind::kNone: return "";
    case MediaKind::kImage: return "image";
    case MediaKind::kVideo: return "video";
    case MediaKind::kAudio: return "audio";
    case MediaKind::kSticker: return "sticker";
    case MediaKind::kFile: return "file";
    case MediaKind::kOther: return "other";
  }
  return "other";
}

}  // namespace ngb::chat
