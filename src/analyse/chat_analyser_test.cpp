#include "analyse/chat_analyser.h"

#include <gtest/gtest.h>

#include <algorithm>
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

// As Analyse, with the content cut into chunks of `chunk` bytes.
ItemRecord AnalyseInChunks(const LazyChatModels& models, const std::string& name, const std::string& text,
                           size_t chunk) {
  ChatAnalyser a(models, 1 << 20);
  ItemRecord item;
  item.path = "ev/" + name;
  a.Begin(item, nullptr);
  for (size_t at = 0; at < text.size(); at += chunk) {
    const size_t n = std::min(chunk, text.size() - at);
    a.Consume(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(text.data()) + at, n));
  }
  a.Finish(item, true);
  return item;
}

std::string LongWhatsApp(int messages) {
  std::string text;
  for (int i = 0; i < messages; ++i) {
    text += "12/01/2024, 19:" + std::to_string(10 + i % 50) + " - Sam: message number " + std::to_string(i) +
            " about the match on saturday\n";
  }
  return text;
}

TEST(ChatAnalyser, DecidesTheSameWhateverTheChunks) {
  LazyChatModels models;
  const std::string text = LongWhatsApp(200);  // ~13 KiB: past the 4 KiB sniff window
  ASSERT_GT(text.size(), 3 * 4096u);
  for (size_t chunk : {text.size(), size_t{4096}, size_t{5000}, size_t{700}, size_t{100}, size_t{1}}) {
    SCOPED_TRACE(chunk);
    const ItemRecord item = AnalyseInChunks(models, "WhatsApp Chat with Sam.txt", text, chunk);
    ASSERT_EQ(item.conversations.size(), 1u);
    EXPECT_EQ(item.conversations[0].message_count, 200u);
  }
}

TEST(ChatAnalyser, BinaryIsJudgedOnTheFirst512Bytes) {
  LazyChatModels models;
  const std::string chat = LongWhatsApp(200);
  // A NUL within the first 512 bytes: binary, never parsed, in one chunk or many.
  std::string early = chat;
  early[511] = '\0';
  // A NUL after them: still a chat export.
  std::string late = chat;
  late[512] = '\0';
  for (size_t chunk : {chat.size(), size_t{512}, size_t{100}}) {
    SCOPED_TRACE(chunk);
    EXPECT_TRUE(AnalyseInChunks(models, "WhatsApp Chat with Sam.txt", early, chunk).conversations.empty());
    EXPECT_EQ(AnalyseInChunks(models, "WhatsApp Chat with Sam.txt", late, chunk).conversations.size(), 1u);
  }
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
