// Message-level signals: what each message of a conversation says, computed once per message
// (normalise → language → abuse classifier → cue lexicons). The detector reasons only over these,
// so it can be tested with hand-made signals.
#pragma once
#include <cstdint>
#include <vector>

#include "chat/conversation.h"
#include "text/classifier.h"
#include "text/cues.h"
#include "text/language.h"

namespace ngb::chat {

using CueMask = uint32_t;  // bit i = text::Cue(i)
static_assert(static_cast<int>(text::Cue::kCount) <= 32);
constexpr CueMask Bit(text::Cue cue) { return CueMask{1} << static_cast<int>(cue); }

struct MessageSignals {
  CueMask cues = 0;       // cues found in the message
  float abuse = 0;        // abuse classifier score in [0,1]
  bool abusive = false;   // classifier flag (score >= its threshold)
  text::Lang lang = text::Lang::kUnknown;
};

// Thread-safe; holds references to the shared models (which must outlive it).
class SignalExtractor {
 public:
  SignalExtractor(const text::AbuseClassifier& classifier, const text::CueMatcher& cues)
      : classifier_(classifier), cues_(cues) {}
  MessageSignals Extract(const Message& message) const;

 private:
  const text::AbuseClassifier& classifier_;
  const text::CueMatcher& cues_;
};

// Signals of every message, in message order. Uses up to `threads` threads for long conversations.
std::vector<MessageSignals> ExtractSignals(const Conversation& conversation, const SignalExtractor& extractor,
                                           unsigned threads);

}  // namespace ngb::chat
