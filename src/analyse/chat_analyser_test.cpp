#include "analyse/chat_analyser.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace ngb::analyse {
namespace {

TEST(LazyChatModels, LoadsOnceForConcurrentCallers) {
  LazyChatModels lazy;
  std::vector<const chat::ChatModels*> got(4, nullptr);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i) {
    threads.emplace_back([&, i] {
      Result<const chat::ChatModels*> m = lazy.Get();
      if (m.ok()) got[i] = *m;
    });
  }
  for (std::thread& t : threads) t.join();
  ASSERT_NE(got[0], nullptr);
  for (const chat::ChatModels* m : got) EXPECT_EQ(m, got[0]);
}

// Feeds `text` to a ChatAnalyser as a streamed member would arrive (no random access).
ItemRecord Analyse(const LazyChatModels& models, const std::string& name, const std::string& text) {
  ChatAnalyser a(models, 1 << 20);
  ItemRecord item;
  item.path = "ev/" + name;
  a.Begin(item, nullptr);
  a.Consume(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
  a.Finish(item, true);
  return item;
}

TEST(ChatAnalyser, RecordsTheConversationsOfAChatExport) {
  LazyChatModels models;
  const ItemRecord item = Analyse(models, "WhatsApp Chat with Sam.txt",
                                  "12/01/2024, 19:40 - Sam: hi, are you coming to practice?\n"
                                  "12/01/2024, 19:41 - Ali: yes, see you at 5\n");
  ASSERT_EQ(item.conversations.size(), 1u);
  EXPECT_EQ(item.conversations[0].format, "whatsapp");
  EXPECT_EQ(item.conversations[0].message_count, 2u);
}

TEST(ChatAnalyser, LeavesOtherFilesAlone) {
  LazyChatModels models;
  const ItemRecord item = Analyse(models, "notes.bin", std::string("\x00\x01\x02 binary", 10));
  EXPECT_TRUE(item.conversations.empty());
  EXPECT_TRUE(item.attrs.empty());
}

}  // namespace
}  // namespace ngb::analyse
