#include "analyse/chat_analyser.h"

#include <cstring>

#include "chat/risk/risk_json.h"
#include "core/json_text.h"

namespace ngb::analyse {
namespace {
constexpr size_t kSniffBytes = 4096;

std::string_view BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Binary content (NUL bytes early on) is never a chat export: skip the format detector.
bool LooksBinary(std::string_view head) { return std::memchr(head.data(), 0, std::min<size_t>(head.size(), 512)); }

// The decision, made once per file on its head: a chat export in a format we read.
bool IsChatExport(std::string_view head, std::string_view name) {
  return !head.empty() && !LooksBinary(head) && chat::DetectFormat(head, name) != chat::Format::kUnknown;
}
}  // namespace

Result<const chat::ChatModels*> LazyChatModels::Get() const {
  std::call_once(once_, [this] {
    Result<std::shared_ptr<const chat::ChatModels>> m = chat::ChatModels::Load();
    if (m.ok()) models_ = std::move(*m);
    else error_ = Status::Error("chat_models_unavailable", m.status().ToString());
  });
  if (!models_) return error_;
  return models_.get();
}

void ChatAnalyser::Begin(const ItemRecord& item, source::RandomAccess* content) {
  content_ = content;
  name_.assign(BaseName(item.path));
  bytes_.clear();
  decided_ = chat_ = too_big_ = false;
}

void ChatAnalyser::Consume(std::span<const uint8_t> chunk) {
  const std::string_view data(reinterpret_cast<const char*>(chunk.data()), chunk.size());
  if (!decided_ && bytes_.empty()) {
    // The first chunk alone often decides (a small file read whole is one chunk): decide on it in
    // place rather than copy it. The same test as below: binary is judged on the first 512 bytes.
    if (data.size() >= 512 && LooksBinary(data)) {
      decided_ = true;
      return;
    }
    if (data.size() >= kSniffBytes) {
      decided_ = true;
      chat_ = IsChatExport(data, name_);
      if (chat_ && !content_) bytes_.assign(data);
      return;
    }
  }
  if (!decided_) {
    bytes_.append(data);
    if (bytes_.size() < kSniffBytes) return;
    decided_ = true;
    chat_ = IsChatExport(bytes_, name_);
    if (!chat_ || content_) bytes_.clear();
    return;
  }
  if (!chat_ || content_ || too_big_) return;
  if (bytes_.size() + data.size() > max_bytes_) {
    too_big_ = true;
    bytes_ = std::string();
    return;
  }
  bytes_.append(data);
}

void ChatAnalyser::Finish(ItemRecord& item, bool complete) {
  if (!decided_) {  // shorter than the sniff window: bytes_ holds all of it
    decided_ = true;
    chat_ = IsChatExport(bytes_, name_);
    content_ = nullptr;
  }
  if (!chat_ || !complete) {
    bytes_.clear();
    return;
  }
  if (too_big_ || (content_ && content_->size() > max_bytes_)) {
    item.attrs.emplace_back("chat.error", "too_large: chat export over " + std::to_string(max_bytes_ >> 20) + " MiB");
    return;
  }
  if (content_) {
    bytes_.resize(static_cast<size_t>(content_->size()));
    size_t got = 0;
    while (got < bytes_.size()) {
      Result<size_t> n = content_->ReadAt(got, reinterpret_cast<uint8_t*>(bytes_.data()) + got, bytes_.size() - got);
      if (!n.ok() || *n == 0) break;
      got += *n;
    }
    bytes_.resize(got);
  }
  Result<const chat::ChatModels*> models = models_.Get();
  if (!models.ok()) {
    item.attrs.emplace_back("chat.error", models.status().ToString());
    bytes_ = std::string();
    return;
  }
  chat::ChatAnalyzeOptions options;
  options.threads = 1;  // the scan's workers are the parallelism
  chat::ChatFileResult r = chat::AnalyzeChatBytes(bytes_, item.path, **models, options);
  if (bytes_.capacity() > (8u << 20)) bytes_ = std::string();
  else bytes_.clear();
  if (!r.error.ok()) {
    item.attrs.emplace_back("chat.error", r.error.ToString());
    return;
  }
  if (!r.conversations.empty()) {
    item.attrs.emplace_back("chat.format", std::string(chat::FormatName(r.conversations[0].conversation.format)));
  }
  for (const chat::AnalyzedConversation& a : r.conversations) item.conversations.push_back(ToRecord(a));
}

ConversationRecord ToRecord(const chat::AnalyzedConversation& a) {
  const chat::Conversation& c = a.conversation;
  nlohmann::ordered_json j = chat::RiskJson(c, a.risk);
  ConversationRecord rec;
  rec.format = std::string(chat::FormatName(c.format));
  rec.title = c.title;
  rec.conversation_id = c.id;
  rec.language = j["language"].get<std::string>();
  rec.participants_json = JsonText(j["participants"]);
  rec.message_count = c.messages.size();
  rec.parse_errors = c.errors.size();
  rec.risk = j["risk"].get<double>();
  rec.scores_json = JsonText(j["scores"]);
  for (const auto& l : j["labels"]) {
    ChatFindingRecord f;
    f.label = l["label"].get<std::string>();
    f.score = l["score"].get<double>();
    if (l["offender"].is_string()) f.offender = l["offender"].get<std::string>();
    if (l["target"].is_string()) f.target = l["target"].get<std::string>();
    f.first_alert_index = l["first_alert_index"].get<int64_t>();
    f.evidence_json = JsonText(l["evidence"]);
    rec.findings.push_back(std::move(f));
  }
  return rec;
}

}  // namespace ngb::analyse
