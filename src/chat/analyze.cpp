#include "chat/analyze.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>

#include "chat/padded_file.h"
#include "chat/risk/signals.h"
#include "source/evidence_file.h"

namespace ngb::chat {

Result<std::shared_ptr<const ChatModels>> ChatModels::Load(const std::string& models_dir,
                                                           const std::string& lexicons_dir) {
  auto models = std::make_shared<ChatModels>();
  Result<text::AbuseClassifier> classifier = text::AbuseClassifier::Load(models_dir);
  if (!classifier.ok()) return classifier.status();
  models->classifier = std::move(*classifier);
  Result<std::shared_ptr<const text::CueMatcher>> cues = text::CueMatcher::Load(lexicons_dir);
  if (!cues.ok()) return cues.status();
  models->cues = std::move(*cues);
  return std::shared_ptr<const ChatModels>(std::move(models));
}

namespace {

void Analyze(AnalyzedConversation& a, const SignalExtractor& extractor, const ChatAnalyzeOptions& options,
             unsigned threads) {
  std::vector<MessageSignals> signals = ExtractSignals(a.conversation, extractor, threads);
  a.risk = DetectRisks(a.conversation, signals, options.detector);
  if (options.keep_signals) a.signals = std::move(signals);
}

}  // namespace

ChatFileResult AnalyzeChatBytes(std::string_view bytes, const std::string& source, const ChatModels& models,
                                const ChatAnalyzeOptions& options) {
  ChatFileResult result;
  result.source = source;
  Result<std::vector<Conversation>> parsed = ParseChat(bytes, source, options.parse);
  if (!parsed.ok()) {
    result.error = parsed.status();
    return result;
  }
  result.conversations.resize(parsed->size());
  for (size_t i = 0; i < parsed->size(); ++i) {
    result.conversations[i].conversation = std::move((*parsed)[i]);
    result.conversations[i].conversation.source = source;
  }
  const SignalExtractor extractor(models.classifier, *models.cues);
  const unsigned threads = std::max(1u, options.threads);
  std::vector<AnalyzedConversation>& convs = result.conversations;
  if (convs.size() == 1 || threads == 1) {
    for (AnalyzedConversation& a : convs) Analyze(a, extractor, options, threads);
    return result;
  }
  // Many conversations (a full Telegram export, PAN-2012): long ones one after another with all
  // threads (one big chat among many small ones must not run on one core), then the others one
  // conversation per thread at a time.
  constexpr size_t kLongPerThread = 8192;
  std::vector<size_t> small;
  for (size_t i = 0; i < convs.size(); ++i) {
    if (convs[i].conversation.messages.size() >= kLongPerThread * threads) {
      Analyze(convs[i], extractor, options, threads);
    } else {
      small.push_back(i);
    }
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t k; (k = next.fetch_add(1)) < small.size();) Analyze(convs[small[k]], extractor, options, 1);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return result;
}

namespace {
ChatFileResult Failed(const std::string& path, Status error) {
  ChatFileResult r;
  r.source = path;
  r.error = std::move(error);
  return r;
}
}  // namespace

ChatFileResult AnalyzeChatFile(const std::string& path, const ChatModels& models, const ChatAnalyzeOptions& options) {
  Result<source::EvidenceFile> file = source::EvidenceFile::Open(path);
  if (!file.ok()) return Failed(path, file.status());
  if (file->size() > options.max_file_bytes) {
    return Failed(path, Status::Error("too_large", "chat export larger than " +
                                                       std::to_string(options.max_file_bytes) + " bytes"));
  }
  // Mapped (or read) with zero padding after the end, so the JSON parsers work in place.
  constexpr size_t kPadding = 64;
  Result<PaddedFile> bytes = PaddedFile::Load(*file, kPadding);
  if (!bytes.ok()) return Failed(path, bytes.status());
  ChatAnalyzeOptions padded = options;
  padded.parse.input_padding = kPadding;
  return AnalyzeChatBytes(bytes->bytes(), path, models, padded);
}

}  // namespace ngb::chat
