// Telegram Desktop "Export chat history" / "Export Telegram data" result.json.
//   one chat:     {"name", "type", "id", "messages": [...]}
//   full export:  {"about", "personal_information", "chats": {"list": [chat...]},
//                  "left_chats": {"list": [chat...]}, ...}
// Message: {"id", "type": "message"|"service", "date" (local, no zone), "date_unixtime" (string),
// "from", "actor", "action", "text": string | [string | {"type", "text"}...], "photo", "file",
// "media_type", "mime_type", "sticker_emoji", ...}.
#include "chat/parse/json.h"

namespace ngb::chat::parse {
namespace {

class TelegramReader {
 public:
  TelegramReader(JsonInput& in, od::document& doc, const ParseOptions& options)
      : in_(in), doc_(doc), options_(options) {}

  Result<Conversations> Run() {
    od::object root;
    if (doc_.get_object().get(root))
      return Status::Error("malformed_json", "top level is not an object");
    Conversation single;
    single.format = Format::kTelegram;
    bool single_seen = false;
    for (auto field_result : root) {
      od::field field;
      std::string_view key;
      if (std::move(field_result).get(field) || field.unescaped_key().get(key))
        return Broken(single, single_seen);
      od::value v = field.value();
      if (key == "messages") {
        single_seen = true;
        if (!Messages(v, single)) return Broken(single, single_seen);
      } else if (key == "name") {
        if (!ReadString(v, &single.title)) return Broken(single, single_seen);
      } else if (key == "id") {
        if (!ReadString(v, &single.id)) return Broken(single, single_seen);
      } else if (key == "chats" || key == "left_chats") {
        if (!ChatList(v)) return Broken(single, single_seen);
      }
      if (stop_) break;
    }
    return Done(single, single_seen);
  }

 private:
  Result<Conversations> Done(Conversation& single, bool single_seen) {
    if (single_seen) out_.insert(out_.begin(), std::move(single));
    if (out_.empty()) return Status::Error("not_a_chat_export", "no Telegram messages array");
    for (Conversation& c : out_) CollectParticipants(c);
    return std::move(out_);
  }

  // A document error: keep what was read, note where it broke.
  Result<Conversations> Broken(Conversation& single, bool single_seen) {
    const uint64_t line = in_.LineAt(doc_);
    if (!single_seen && out_.empty()) {
      return Status::Error("malformed_json", "unreadable JSON near line " + std::to_string(line));
    }
    Conversation& target = single_seen ? single : out_.back();
    AddError(target, line, "malformed_json", "JSON unreadable from here; earlier messages kept");
    return Done(single, single_seen);
  }

  bool ChatList(od::value v) {
    od::object obj;
    if (v.get_object().get(obj)) return true;  // not an object: ignore
    for (auto field_result : obj) {
      od::field field;
      std::string_view key;
      if (std::move(field_result).get(field) || field.unescaped_key().get(key)) return false;
      if (key != "list") continue;
      od::array list;
      if (field.value().get_array().get(list)) return true;
      for (auto chat_result : list) {
        od::object chat;
        if (chat_result.get_object().get(chat)) return false;
        Conversation& c = out_.emplace_back();
        c.format = Format::kTelegram;
        for (auto cf_result : chat) {
          od::field cf;
          std::string_view ck;
          if (std::move(cf_result).get(cf) || cf.unescaped_key().get(ck)) return false;
          if (ck == "name") {
            if (!ReadString(cf.value(), &c.title)) return false;
          } else if (ck == "id") {
            if (!ReadString(cf.value(), &c.id)) return false;
          } else if (ck == "messages") {
            if (!Messages(cf.value(), c)) return false;
          }
          if (stop_) return true;
        }
      }
    }
    return true;
  }

  bool Messages(od::value v, Conversation& c) {
    return ForEachMessageObject(
        in_, doc_, v, c, options_.max_messages, [this] { return total_; }, &stop_,
        [this, &c](od::object obj, uint64_t line) { return Message1(obj, line, c); });
  }

  bool Message1(od::object obj, uint64_t line, Conversation& c) {
    Message m;
    m.line = static_cast<uint32_t>(line);
    std::string date, unixtime, tmp, action, actor, mime;
    std::string text;
    bool service = false;
    for (auto field_result : obj) {
      od::field field;
      std::string_view key;
      if (std::move(field_result).get(field) || field.unescaped_key().get(key)) return false;
      od::value v = field.value();
      if (key == "type") {
        if (!ReadString(v, &tmp)) return false;
        service = tmp == "service";
      } else if (key == "date") {
        if (!ReadString(v, &date)) return false;
      } else if (key == "date_unixtime") {
        if (!ReadString(v, &unixtime)) return false;
      } else if (key == "from") {
        if (!ReadString(v, &m.author)) return false;
      } else if (key == "actor") {
        if (!ReadString(v, &actor)) return false;
      } else if (key == "action") {
        if (!ReadString(v, &action)) return false;
      } else if (key == "text") {
        if (!Text(v, &text)) return false;
      } else if (key == "photo") {
        if (!ReadString(v, &tmp)) return false;
        m.media = MediaKind::kImage;
        if (!tmp.starts_with("(File")) m.attachment = tmp;
      } else if (key == "file") {
        if (!ReadString(v, &tmp)) return false;
        if (m.media == MediaKind::kNone) m.media = MediaKind::kFile;
        if (!tmp.starts_with("(File")) m.attachment = tmp;
      } else if (key == "media_type") {
        if (!ReadString(v, &tmp)) return false;
        if (tmp == "sticker") {
          m.media = MediaKind::kSticker;
        } else if (tmp == "video_file" || tmp == "video_message" || tmp == "animation") {
          m.media = MediaKind::kVideo;
        } else if (tmp == "voice_message" || tmp == "audio_file") {
          m.media = MediaKind::kAudio;
        } else {
          m.media = MediaKind::kOther;
        }
      } else if (key == "mime_type") {
        if (!ReadString(v, &mime)) return false;
      }
    }
    if (m.media == MediaKind::kFile && !mime.empty()) m.media = MediaFromFileName(mime);
    int64_t t = kNoTime;
    if (!unixtime.empty() && ParseTimestamp(unixtime, DateOrder::kAuto, &t)) {
      m.time = t;
    } else if (!date.empty() && ParseTimestamp(date, DateOrder::kAuto, &t)) {
      m.time = t;
    } else {
      AddError(c, m.line, "bad_timestamp", "no readable date");
    }
    if (service) {
      m.system = true;
      m.author.clear();
      if (text.empty() && !action.empty()) text = actor.empty() ? action : actor + " " + action;
    }
    SetText(c, m, std::move(text));
    c.messages.push_back(std::move(m));
    ++total_;
    return true;
  }

  // "text": a string, or an array of strings and {"type", "text"} entities (concatenated).
  bool Text(od::value v, std::string* out) {
    od::json_type type;
    if (v.type().get(type)) return false;
    if (type != od::json_type::array) return ReadString(v, out);
    out->clear();
    od::array arr;
    if (v.get_array().get(arr)) return false;
    std::string part;
    for (auto item : arr) {
      od::json_type t;
      if (item.type().get(t)) return false;
      if (t == od::json_type::string) {
        std::string_view s;
        if (item.get_string().get(s)) return false;
        out->append(s);
      } else if (t == od::json_type::object) {
        od::object ent;
        if (item.get_object().get(ent)) return false;
        for (auto ef : ent) {
          od::field f;
          std::string_view k;
          if (std::move(ef).get(f) || f.unescaped_key().get(k)) return false;
          if (k == "text") {
            if (!ReadString(f.value(), &part)) return false;
            out->append(part);
          }
        }
      }
      if (out->size() > kMaxMessageBytes + 4) out->resize(kMaxMessageBytes + 4);
    }
    return true;
  }

  JsonInput& in_;
  od::document& doc_;
  const ParseOptions& options_;
  Conversations out_;
  size_t total_ = 0;
  bool stop_ = false;
};

}  // namespace

Result<Conversations> ParseTelegram(std::string_view bytes, const ParseOptions& options) {
  return ParseJsonDocument(
      bytes,
      [](JsonInput& in, od::document& doc, const void* p) {
        return TelegramReader(in, doc, *static_cast<const ParseOptions*>(p)).Run();
      },
      &options, options.input_padding);
}

}  // namespace ngb::chat::parse
