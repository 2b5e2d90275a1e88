// DiscordChatExporter JSON:
//   {"guild": {"id", "name"}, "channel": {"id", "type", "name", ...}, "dateRange", "exportedAt",
//    "messages": [{"id", "type": "Default"|"Reply"|..., "timestamp": ISO with offset, "content",
//                  "author": {"id", "name", "nickname", "isBot"}, "attachments": [{"fileName"}],
//                  "stickers": [...], ...}], "messageCount"}
#include "chat/parse/json.h"

namespace ngb::chat::parse {
namespace {

class DiscordReader {
 public:
  DiscordReader(JsonInput& in, od::document& doc, const ParseOptions& options)
      : in_(in), doc_(doc), options_(options) {
    c_.format = Format::kDiscord;
  }

  Result<Conversations> Run() {
    od::object root;
    if (doc_.get_object().get(root))
      return Status::Error("malformed_json", "top level is not an object");
    bool seen = false;
    std::string guild, channel;
    for (auto field_result : root) {
      od::field field;
      std::string_view key;
      if (std::move(field_result).get(field) || field.unescaped_key().get(key)) return Broken(seen);
      od::value v = field.value();
      if (key == "messages") {
        seen = true;
        if (!Messages(v)) return Broken(seen);
      } else if (key == "guild") {
        if (!NameAndId(v, &guild, nullptr)) return Broken(seen);
      } else if (key == "channel") {
        if (!NameAndId(v, &channel, &c_.id)) return Broken(seen);
      }
      if (stop_) break;
    }
    if (!seen) return Status::Error("not_a_chat_export", "no messages array");
    c_.title = guild.empty() || guild == "Direct Messages" ? channel : guild + " #" + channel;
    CollectParticipants(c_);
    Conversations out;
    out.push_back(std::move(c_));
    return out;
  }

 private:
  Result<Conversations> Broken(bool seen) {
    const uint64_t line = in_.LineAt(doc_);
    if (!seen || c_.messages.empty()) {
      return Status::Error("malformed_json", "unreadable JSON near line " + std::to_string(line));
    }
    AddError(c_, line, "malformed_json", "JSON unreadable from here; earlier messages kept");
    CollectParticipants(c_);
    Conversations out;
    out.push_back(std::move(c_));
    return out;
  }

  bool NameAndId(od::value v, std::string* name, std::string* id) {
    od::object obj;
    if (v.get_object().get(obj)) return true;
    for (auto fr : obj) {
      od::field f;
      std::string_view k;
      if (std::move(fr).get(f) || f.unescaped_key().get(k)) return false;
      if (k == "name" && !ReadString(f.value(), name)) return false;
      if (k == "id" && id && !ReadString(f.value(), id)) return false;
    }
    return true;
  }

  bool Messages(od::value v) {
    return ForEachMessageObject(
        in_, doc_, v, c_, options_.max_messages, [this] { return c_.messages.size(); }, &stop_,
        [this](od::object obj, uint64_t line) { return Message1(obj, line); });
  }

  bool Message1(od::object obj, uint64_t line) {
    Message m;
    m.line = static_cast<uint32_t>(line);
    std::string text, type, stamp, name, nickname;
    for (auto field_result : obj) {
      od::field field;
      std::string_view key;
      if (std::move(field_result).get(field) || field.unescaped_key().get(key)) return false;
      od::value v = field.value();
      if (key == "type") {
        if (!ReadString(v, &type)) return false;
      } else if (key == "timestamp") {
        if (!ReadString(v, &stamp)) return false;
      } else if (key == "content") {
        if (!ReadString(v, &text)) return false;
      } else if (key == "author") {
        od::object author;
        if (v.get_object().get(author)) continue;
        for (auto fr : author) {
          od::field f;
          std::string_view k;
          if (std::move(fr).get(f) || f.unescaped_key().get(k)) return false;
          if (k == "name" && !ReadString(f.value(), &name)) return false;
          if (k == "nickname" && !ReadString(f.value(), &nickname)) return false;
        }
      } else if (key == "attachments" || key == "stickers") {
        const bool sticker = key == "stickers";
        od::array arr;
        if (v.get_array().get(arr)) continue;
        for (auto item : arr) {
          od::object a;
          if (item.get_object().get(a)) continue;
          std::string file;
          for (auto fr : a) {
            od::field f;
            std::string_view k;
            if (std::move(fr).get(f) || f.unescaped_key().get(k)) return false;
            if ((k == "fileName" || k == "name") && !ReadString(f.value(), &file)) return false;
          }
          if (m.media == MediaKind::kNone) {
            m.media = sticker ? MediaKind::kSticker : MediaFromFileName(file);
            if (m.media == MediaKind::kNone) m.media = MediaKind::kFile;
            if (!sticker) m.attachment = file;
          }
        }
      }
    }
    m.author = nickname.empty() ? name : nickname;
    if (!type.empty() && type != "Default" && type != "Reply") {
      m.system = true;
      m.author.clear();
    }
    int64_t t;
    if (ParseTimestamp(stamp, DateOrder::kAuto, &t)) {
      m.time = t;
    } else {
      AddError(c_, m.line, "bad_timestamp", "unreadable timestamp");
    }
    SetText(c_, m, std::move(text));
    c_.messages.push_back(std::move(m));
    return true;
  }

  JsonInput& in_;
  od::document& doc_;
  const ParseOptions& options_;
  Conversation c_;
  bool stop_ = false;
};

}  // namespace

Result<Conversations> ParseDiscord(std::string_view bytes, const ParseOptions& options) {
  return ParseJsonDocument(
      bytes,
      [](JsonInput& in, od::document& doc, const void* p) {
        return DiscordReader(in, doc, *static_cast<const ParseOptions*>(p)).Run();
      },
      &options, options.input_padding);
}

}  // namespace ngb::chat::parse
