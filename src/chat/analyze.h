// Chat analysis as a library call (`chat analyze`, and the scan's ChatAnalyser): read a chat export (read-only), parse it, extract message
// signals and reason over each conversation. Used by the CLI and by the scan's chat analyser.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "chat/parse.h"
#include "chat/risk/detector.h"
#include "chat/risk/signals.h"
#include "core/status.h"
#include "text/classifier.h"
#include "text/cues.h"

namespace ngb::chat {

// The models chat analysis needs, loaded once and shared by all threads.
struct ChatModels {
  text::AbuseClassifier classifier;
  std::shared_ptr<const text::CueMatcher> cues;
  // Built-in models and lexicons, or those in the given folders when not empty.
  static Result<std::shared_ptr<const ChatModels>> Load(const std::string& models_dir = {},
                                                        const std::string& lexicons_dir = {});
};

struct AnalyzedConversation {
  Conversation conversation;
  ConversationRisk risk;
  std::vector<MessageSignals> signals;  // per message (for --trace); empty unless kept
};

struct ChatFileResult {
  std::string source;  // as given (provenance path)
  Status error;        // the file could not be read or is not a chat export
  std::vector<AnalyzedConversation> conversations;
};

struct ChatAnalyzeOptions {
  ParseOptions parse;
  DetectorOptions detector;
  unsigned threads = 2;
  uint64_t max_file_bytes = uint64_t{2} << 30;  // larger exports are refused ("too_large")
  bool keep_signals = false;  // keep every message's signals in AnalyzedConversation::signals
};

// Bytes already in memory (an archive member, a test).
ChatFileResult AnalyzeChatBytes(std::string_view bytes, const std::string& source, const ChatModels& models,
                                const ChatAnalyzeOptions& options);
// A file on disk, opened read-only with O_NOATIME and mapped (PROT_READ) rather than copied when
// possible (see chat/padded_file.h).
ChatFileResult AnalyzeChatFile(const std::string& path, const ChatModels& models, const ChatAnalyzeOptions& options);

}  // namespace ngb::chat
