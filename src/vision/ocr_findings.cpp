#include "vision/ocr_findings.h"

#include <algorithm>

#include "chat/risk/detector.h"
#include "chat/risk/signals.h"

namespace ngb::vision {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// "Name: text" with a short name that is not a time ("10:45") or a link ("https://").
bool SplitAuthor(std::string_view line, std::string_view& author, std::string_view& text) {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 32) return false;
  const std::string_view name = Trim(line.substr(0, colon));
  if (name.empty() || std::all_of(name.begin(), name.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
    return false;
  const std::string_view rest = line.substr(colon + 1);
  if (rest.starts_with("//")) return false;
  author = name;
  text = Trim(rest);
  return !text.empty();
}

}  // namespace

chat::Conversation ConversationFromOcrText(std::string_view text, const std::string& source) {
  chat::Conversation conversation;
  conversation.source = source;
  conversation.title = "text read from image (OCR)";
  uint32_t line_no = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    const std::string_view raw = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    const std::string_view line = Trim(raw);
    if (line.empty()) continue;
    std::string_view author = kUnknownAuthor, body = line;
    SplitAuthor(line, author, body);
    chat::Message message;
    message.author = std::string(author);
    message.text = std::string(body);
    message.line = line_no;
    if (std::find(conversation.participants.begin(), conversation.participants.end(), message.author) ==
        conversation.participants.end())
      conversation.participants.push_back(message.author);
    conversation.messages.push_back(std::move(message));
  }
  return conversation;
}

chat::AnalyzedConversation AnalyseOcrText(std::string_view text, const std::string& source,
                                          const chat::ChatModels& models) {
  chat::AnalyzedConversation out;
  out.conversation = ConversationFromOcrText(text, source);
  const chat::SignalExtractor extractor(models.classifier, *models.cues);
  out.signals = chat::ExtractSignals(out.conversation, extractor, 1);
  out.risk = chat::DetectRisks(out.conversation, out.signals);
  return out;
}

}  // namespace ngb::vision
