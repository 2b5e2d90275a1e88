// Instagram and Facebook Messenger "download your information" message_N.json:
//   {"participants": [{"name"}...], "messages": [{"sender_name", "timestamp_ms", "content",
//    "photos"|"videos"|"audio_files"|"gifs"|"files": [{"uri"}], "sticker": {"uri"},
//    "share": {"link", "share_text"}, "type", ...}...], "title", "thread_path", ...}
// Messages are newest first; strings are UTF-8 bytes written as \u00XX code points (repaired).
// Also read: Messenger's end-to-end-encrypted export ({"participants": ["A"], "threadName",
// "messages": [{"senderName", "timestamp", "text", "media": [{"uri"}], "type"}]}).
#include <algorithm>

#include "chat/parse/json.h"

namespace ngb::chat::parse {
namespace {

class MetaReader {
 public:
  MetaReader(JsonInput& in, od::document& doc, const ParseOptions& options, Format format)
      : in_(in), doc_(doc), options_(options) {
    c_.format = format;
  }

  Result<Conversations> Run() {
    od::object root;
    if (doc_.get_object().get(root))
      return Status::Error("malformed_json", "top level is not an object");
    bool seen = false;
    for (auto field_result : root) {
      od::field field;
      std::string_view key;
      if (std::move(field_result).get(field) || field.unescaped_key().get(key)) return Broken(seen);
      od::value v = field.value();
      if (key == "messages") {
        seen = true;
        if (!Messages(v)) return Broken(seen);
      } else if (key == "participants") {
        if (!Participants(v)) return Broken(seen);
      } else if (key == "title" || key == "threadName") {
        if (!ReadString(v, &c_.title)) return Broken(seen);
        c_.title = RepairMojibake(std::move(c_.title));
      } else if (key == "thread_path") {
        if (!ReadString(v, &c_.id)) return Broken(seen);
      }
      if (stop_) break;
    }
    if (!seen) return Status::Error("not_a_chat_export", "no messages array");
    return Done();
  }

 private:
  Result<Conversations> Done() {
    // Newest first in the export: restore time order (keeping the export's order on ties).
    if (c_.messages.size() > 1 && c_.messages.front().time != kNoTime &&
        c_.messages.back().time != kNoTime && c_.messages.front().time > c_.messages.back().time) {
      std::reverse(c_.messages.begin(), c_.messages.end());
    }
    CollectParticipants(c_);
    Conversations out;
    out.push_back(std::move(c_));
    return out;
  }

  Result<Conversations> Broken(bool seen) {
    const uint64_t line = in_.LineAt(doc_);
    if (!seen || c_.messages.empty()) {
      return Status::Error("malformed_json", "unreadable JSON near line " + std::to_string(line));
    }
    AddError(c_, line, "malformed_json", "JSON unreadable from here; earlier messages kept");
    return Done();
  }

  bool Participants(od::value v) {
    od::array arr;
    if (v.get_array().get(arr)) return true;
    std::string name;
    for (auto item : arr) {
      od::json_type t;
      if (item.type().get(t)) return false;
      if (t == od::json_type::string) {
        std::string_view s;
        if (item.get_string().get(s)) return false;
        c_.participants.push_back(RepairMojibake(std::string(s)));
      } else if (t == od::json_type::object) {
        od::object obj;
        if (item.get_object().get(obj)) return false;
        for (auto fr : obj) {
          od::field f;
          std::string_view k;
          if (std::move(fr).get(f) || f.unescaped_key().get(k)) return false;
          if (k == "name") {
            if (!ReadString(f.value(), &name)) return false;
            c_.participants.push_back(RepairMojibake(std::move(name)));
          }
        }
      }
    }
    return true;
  }

  bool Messages(od::value v) {
    return ForEachMessageObject(
        in_, doc_, v, c_, options_.max_messages, [this] { return c_.messages.size(); }, &stop_,
        [this](od::object obj, uint64_t line) { return Message1(obj, line); });
  }

  // First "uri" of an array of {uri} objects (or of one object).
  bool Uri(od::value v, std::string* out) {
    od::json_type t;
    if (v.type().get(t)) return false;
    if (t == od::json_type::object) {
      od::object obj;
      if (v.get_object().get(obj)) return false;
      return UriOf(obj, out);
    }
    if (t != od::json_type::array) return true;
    od::array arr;
    if (v.get_array().get(arr)) return false;
    for (auto item : arr) {
      od::object obj;
      if (item.get_object().get(obj)) continue;
      if (!UriOf(obj, out)) return false;
    }
    return true;
  }

  bool UriOf(od::object obj, std::string* out) {
    std::string uri;
    for (auto fr : obj) {
      od::field f;
      std::string_view k;
      if (std::move(fr).get(f) || f.unescaped_key().get(k)) return false;
      if (k == "uri" && out->empty()) {
        if (!ReadString(f.value(), &uri)) return false;
        *out = std::move(uri);
        if (out->empty()) *out = " ";  // present but unnamed
      }
    }
    return true;
  }

  bool Message1(od::object obj, uint64_t line) {
    Message m;
    m.line = static_cast<uint32_t>(line);
    std::string text, type, link, uri;
    int64_t ms = 0;
    bool has_time = false;
    for (auto field_result : obj) {
      od::field field;
      std::string_view key;
      if (std::move(field_result).get(field) || field.unescaped_key().get(key)) return false;
      od::value v = field.value();
      MediaKind kind = MediaKind::kNone;
      if (key == "sender_name" || key == "senderName") {
        if (!ReadString(v, &m.author)) return false;
      } else if (key == "timestamp_ms" || key == "timestamp") {
        has_time = ReadInt(v, &ms);
      } else if (key == "content" || key == "text") {
        if (!ReadString(v, &text)) return false;
      } else if (key == "type") {
        if (!ReadString(v, &type)) return false;
      } else if (key == "share") {
        od::object share;
        if (v.get_object().get(share)) continue;
        for (auto fr : share) {
          od::field f;
          std::string_view k;
          if (std::move(fr).get(f) || f.unescaped_key().get(k)) return false;
          if (k == "link" && !ReadString(f.value(), &link)) return false;
        }
      } else if (key == "photos") {
        kind = MediaKind::kImage;
      } else if (key == "videos") {
        kind = MediaKind::kVideo;
      } else if (key == "audio_files") {
        kind = MediaKind::kAudio;
      } else if (key == "gifs") {
        kind = MediaKind::kVideo;
      } else if (key == "sticker") {
        kind = MediaKind::kSticker;
      } else if (key == "files" || key == "media") {
        kind = MediaKind::kFile;
      }
      if (kind != MediaKind::kNone) {
        uri.clear();
        if (!Uri(v, &uri)) return false;
        if (!uri.empty()) {
          if (kind == MediaKind::kFile) kind = MediaFromFileName(uri);
          if (m.media == MediaKind::kNone) {
            m.media = kind;
            if (uri != " ") m.attachment = uri;
          }
        }
      }
    }
    if (has_time) {
      m.time = ms > 100'000'000'000LL || ms < -100'000'000'000LL ? ms / 1000 : ms;
    } else {
      AddError(c_, m.line, "bad_timestamp", "no timestamp_ms");
    }
    m.author = RepairMojibake(std::move(m.author));
    if (type == "Subscribe" || type == "Unsubscribe") {
      m.system = true;
      m.author.clear();
    }
    if (text.empty() && !link.empty()) text = link;
    SetText(c_, m, RepairMojibake(std::move(text)));
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

Result<Conversations> ParseMeta(std::string_view bytes, Format format,
                                const ParseOptions& options) {
  struct Ctx {
    const ParseOptions* options;
    Format format;
  } ctx{&options, format == Format::kInstagram ? format : Format::kMessenger};
  return ParseJsonDocument(
      bytes,
      [](JsonInput& in, od::document& doc, const void* p) {
        const auto* c = static_cast<const Ctx*>(p);
        return MetaReader(in, doc, *c->options, c->format).Run();
      },
      &ctx, options.input_padding);
}

}  // namespace ngb::chat::parse
