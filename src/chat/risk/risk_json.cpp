#include "chat/risk/risk_json.h"

#include <ctime>

#include "text/language.h"

namespace ngb::chat {

std::string MessageTimeText(const Conversation& conversation, int64_t time) {
  if (time == kNoTime) return {};
  std::time_t t = static_cast<std::time_t>(time);
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return {};
  char buf[48];
  bool utc = conversation.format == Format::kTelegram || conversation.format == Format::kInstagram ||
             conversation.format == Format::kMessenger || conversation.format == Format::kDiscord;
  size_t n = std::strftime(buf, sizeof buf, utc ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%dT%H:%M:%S", &tm);
  return std::string(buf, n);
}

nlohmann::ordered_json RiskJson(const Conversation& c, const ConversationRisk& risk) {
  using J = nlohmann::ordered_json;
  J j;
  j["source"] = c.source;
  j["format"] = std::string(FormatName(c.format));
  j["participants"] = c.participants;
  j["message_count"] = c.messages.size();
  J labels = J::array();
  for (const LabelFinding& f : risk.findings) {
    J l;
    l["label"] = std::string(LabelName(f.label));
    l["score"] = static_cast<double>(static_cast<int>(f.score * 1000.0f + 0.5f)) / 1000.0;
    l["offender"] = f.offender.empty() ? J(nullptr) : J(f.offender);
    l["target"] = f.target.empty() ? J(nullptr) : J(f.target);
    l["first_alert_index"] = f.first_alert_index;
    J evidence = J::array();
    for (const EvidenceRef& e : f.evidence) {
      const Message& m = c.messages[e.index];
      std::string time = MessageTimeText(c, m.time);
      J ej;
      ej["index"] = e.index;
      ej["time"] = time.empty() ? J(nullptr) : J(time);
      ej["author"] = m.author;
      ej["text"] = m.text;
      J cues = J::array();
      for (std::string_view cue : e.cues) cues.push_back(std::string(cue));
      ej["cues"] = std::move(cues);
      evidence.push_back(std::move(ej));
    }
    l["evidence"] = std::move(evidence);
    labels.push_back(std::move(l));
  }
  j["labels"] = std::move(labels);
  J errors = J::array();
  for (const ParseError& e : c.errors) errors.push_back(J{{"line", e.line}, {"reason", e.reason}, {"detail", e.detail}});
  j["parse_errors"] = std::move(errors);
  // Extensions.
  j["title"] = c.title.empty() ? J(nullptr) : J(c.title);
  j["id"] = c.id.empty() ? J(nullptr) : J(c.id);
  j["language"] = std::string(text::LangCode(risk.lang));
  J scores = J::object();
  float top = 0;
  for (Label label : kAllLabels) {
    float s = risk.scores[static_cast<size_t>(label)];
    scores[std::string(LabelName(label))] = static_cast<double>(static_cast<int>(s * 1000.0f + 0.5f)) / 1000.0;
    top = std::max(top, s);
  }
  j["scores"] = std::move(scores);
  j["risk"] = static_cast<double>(static_cast<int>(top * 1000.0f + 0.5f)) / 1000.0;
  return j;
}

}  // namespace ngb::chat
