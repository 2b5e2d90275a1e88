// Conversation-level risk reasoning: from per-message signals to labelled findings with the likely
// offender and target, a calibrated score, the messages that justify it and the first message at
// which the flag would have fired.
//
// The reasoning is explicit and reviewable (docs/chat-risk.md): per author, the detector tracks
// which cues they have used (cues inside a news or school context count for little), who they
// address, and what the person they address says back (a child's age, refusal, distress). Each
// label is a scored combination of those facts — grooming a progression of stages, sextortion
// image + threat + demand, cyberbullying hurtful messages that repeat against one person — mapped
// through a per-label logistic calibration.
#pragma once
#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chat/conversation.h"
#include "chat/risk/labels.h"
#include "chat/risk/signals.h"

namespace ngb::chat {

struct EvidenceRef {
  size_t index = 0;                     // into Conversation::messages
  std::vector<std::string_view> cues;   // cue names of that message (static strings), "abusive_language"
};

struct LabelFinding {
  Label label = Label::kGrooming;
  float score = 0;           // calibrated probability-like score
  std::string offender;      // likely offender (author name)
  std::string target;        // likely target; empty when unknown
  size_t first_alert_index = 0;  // first message after which the score reached the threshold
  std::vector<EvidenceRef> evidence;  // chronological, at most DetectorOptions::max_evidence
};

struct ConversationRisk {
  std::array<float, kLabelCount> scores{};  // every label's score, indexed by Label
  std::vector<LabelFinding> findings;       // labels with score >= threshold, highest score first
  text::Lang lang = text::Lang::kUnknown;   // most frequent message language
};

struct DetectorOptions {
  float threshold = 0.5f;
  size_t max_evidence = 20;
};

// REQUIRES: signals.size() == conversation.messages.size().
ConversationRisk DetectRisks(const Conversation& conversation, std::span<const MessageSignals> signals,
                             const DetectorOptions& options = {});

}  // namespace ngb::chat
