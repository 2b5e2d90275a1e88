// PAN-2012 sexual predator identification corpus XML:
//   <conversations><conversation id=".."><message line="1"><author>..</author><time>03:20</time>
//   <text>..</text></message>...</conversation>...</conversations>
// <time> has no date, so Message::time is kNoTime and document order is kept; Message::line is the
// message's `line` attribute (its record number in the conversation). Parsed from memory by
// pugixml, which never fetches external entities or DTDs; a parse error keeps the tree read so far.
#include <algorithm>
#include <pugixml.hpp>

#include "chat/parse/parsers.h"

namespace ngb::chat::parse {

Result<Conversations> ParsePanXml(std::string_view bytes, const ParseOptions& options) {
  pugi::xml_document doc;
  const pugi::xml_parse_result res =
      doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
  pugi::xml_node root = doc.child("conversations");
  Conversations out;
  size_t total = 0;
  bool stop = false;
  auto read_conversation = [&](pugi::xml_node conv) {
    Conversation& c = out.emplace_back();
    c.format = Format::kPanXml;
    c.id = SanitizeUtf8(conv.attribute("id").as_string());
    uint32_t record = 0;
    size_t count = 0;
    for (pugi::xml_node msg = conv.child("message"); msg; msg = msg.next_sibling("message"))
      ++count;
    c.messages.reserve(std::min(count, options.max_messages));
    for (pugi::xml_node msg = conv.child("message"); msg; msg = msg.next_sibling("message")) {
      ++record;
      if (total >= options.max_messages) {
        AddError(c, record, "too_many_messages", "message limit reached; rest skipped");
        stop = true;
        return;
      }
      Message& m = c.messages.emplace_back();
      const unsigned line_attr = msg.attribute("line").as_uint(0);
      m.line = line_attr != 0 ? line_attr : record;
      m.author = SanitizeUtf8(TrimAscii(msg.child("author").child_value()));
      SetText(c, m, std::string(msg.child("text").child_value()));
      if (!msg.child("author")) AddError(c, m.line, "missing_author", "message without <author>");
      ++total;
    }
    CollectParticipants(c);
  };
  if (root) {
    for (pugi::xml_node conv = root.child("conversation"); conv && !stop;
         conv = conv.next_sibling("conversation")) {
      read_conversation(conv);
    }
  } else if (pugi::xml_node conv = doc.child("conversation")) {
    read_conversation(conv);
  }
  if (!res) {
    const uint64_t line =
        res.offset >= 0 ? LineOfOffset(bytes, static_cast<size_t>(res.offset)) : 0;
    if (out.empty() || total == 0) {
      return Status::Error("malformed_xml",
                           std::string(res.description()) + " at line " + std::to_string(line));
    }
    AddError(out.back(), line, "malformed_xml",
             std::string(res.description()) + "; document read up to here");
  }
  if (out.empty()) return Status::Error("not_a_chat_export", "no <conversation> elements");
  return out;
}

}  // namespace ngb::chat::parse
