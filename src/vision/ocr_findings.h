// Text read from an image (OCR) sent through the chat risk detectors, so that a screenshot of a
// sextortion threat or of a grooming chat joins the case's findings like a chat export would.
// OCR loses who wrote which line: each non-empty line becomes one message, its author taken from a
// leading "Name:" when the line has one (as many chat apps and exports print), else "(unknown)".
#pragma once
#include <string>
#include <string_view>

#include "chat/analyze.h"

namespace ngb::vision {

inline constexpr std::string_view kUnknownAuthor = "(unknown)";

// Builds the conversation (format unknown, title "text read from image (OCR)", source as given) without analysing it.
chat::Conversation ConversationFromOcrText(std::string_view text, const std::string& source);

// Builds and analyses it. Thread-safe (models are shared read-only).
chat::AnalyzedConversation AnalyseOcrText(std::string_view text, const std::string& source,
                                          const chat::ChatModels& models);

}  // namespace ngb::vision
