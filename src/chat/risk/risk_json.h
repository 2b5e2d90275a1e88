// The JSON form of an analysed conversation: the `chat analyze --json` contract (one object per
// conversation) — source, format, participants, message_count, labels[{label, score, offender,
// target, first_alert_index, evidence[{index, time, author, text, cues}]}], parse_errors — plus
// extensions (title, id, language, scores of every label, risk).
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "chat/conversation.h"
#include "chat/risk/detector.h"

namespace ngb::chat {

nlohmann::ordered_json RiskJson(const Conversation& conversation, const ConversationRisk& risk);

// A message time for people and JSON: "2024-01-12T19:40:05Z" for exports that record UTC
// (Telegram, Instagram, Messenger, Discord), "2024-01-12T19:40:05" (local, zone unknown) for the
// rest; empty when unknown.
std::string MessageTimeText(const Conversation& conversation, int64_t time);

}  // namespace ngb::chat
