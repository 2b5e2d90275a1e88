// ChatAnalyser: recognises chat exports among evidence files (WhatsApp text exports, Telegram
// result.json, Instagram/Messenger message_N.json, Discord, CSV, JSONL, PAN-2012 XML), parses them
// and records each conversation and its risk findings on the item (case tables conversations and
// chat_findings). Files are recognised from their first bytes and name; whole exports are read
// back through random access in Finish() (streamed archive members are buffered up to the cap).
#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "analyse/analyser.h"
#include "chat/analyze.h"

namespace ngb::analyse {

// The built-in chat models, loaded when the first chat export of a scan needs them: evidence
// without chat exports never pays for compiling the cue lexicons (~60 ms of CPU, a measurable
// share of a scan of many small files). Thread-safe; every call gives the same result.
class LazyChatModels {
 public:
  // The models, or why they could not be loaded.
  Result<const chat::ChatModels*> Get() const;

 private:
  mutable std::once_flag once_;
  mutable std::shared_ptr<const chat::ChatModels> models_;
  mutable Status error_;
};

class ChatAnalyser : public Analyser {
 public:
  ChatAnalyser(const LazyChatModels& models, uint64_t max_bytes) : models_(models), max_bytes_(max_bytes) {}
  AnalyserInfo Describe() const override { return {"chat", "1"}; }
  void Begin(const ItemRecord& item, source::RandomAccess* content) override;
  void Consume(std::span<const uint8_t> chunk) override;
  void Finish(ItemRecord& item, bool complete) override;

 private:
  const LazyChatModels& models_;
  const uint64_t max_bytes_;
  source::RandomAccess* content_ = nullptr;
  std::string name_;    // file name part of the provenance path
  std::string bytes_;   // head (until decided), then the whole export when streamed
  bool decided_ = false, chat_ = false, too_big_ = false;
};

// Copies an analysed conversation into the item's record (the form the case store keeps).
ConversationRecord ToRecord(const chat::AnalyzedConversation& analysed);

}  // namespace ngb::analyse
