// ChatAnalyser: recognises chat exports among evidence files (WhatsApp text exports, Telegram
// result.json, Instagram/Messenger message_N.json, Discord, CSV, JSONL, PAN-2012 XML), parses them
// and records each conversation and its risk findings on the item (case tables conversations and
// chat_findings). Files are recognised from their first bytes and name; whole exports are read
// back through random access in Finish() (streamed archive members are buffered up to the cap).
#pragma once
#include <string>
#include <vector>

#include "analyse/analyser.h"
#include "chat/analyze.h"

namespace ngb::analyse {

class ChatAnalyser : public Analyser {
 public:
  ChatAnalyser(const chat::ChatModels& models, uint64_t max_bytes) : models_(models), max_bytes_(max_bytes) {}
  AnalyserInfo Describe() const override { return {"chat", "1"}; }
  void Begin(const ItemRecord& item, source::RandomAccess* content) override;
  void Consume(std::span<const uint8_t> chunk) override;
  void Finish(ItemRecord& item, bool complete) override;

 private:
  const chat::ChatModels& models_;
  const uint64_t max_bytes_;
  source::RandomAccess* content_ = nullptr;
  std::string name_;    // file name part of the provenance path
  std::string bytes_;   // head (until decided), then the whole export when streamed
  bool decided_ = false, chat_ = false, too_big_ = false;
};

// Copies an analysed conversation into the item's record (the form the case store keeps).
ConversationRecord ToRecord(const chat::AnalyzedConversation& analysed);

}  // namespace ngb::analyse
