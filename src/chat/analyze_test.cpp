#include "chat/analyze.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "testing/temp_dir.h"

namespace ngb::chat {
namespace {

// A WhatsApp export long enough for signal extraction on several threads (chunks taken in turn).
std::string LongWhatsApp(int messages) {
  const char* const lines[] = {"kal school mein test hai", "send me a pic", "are you alone?",
                               "haha ok", "آج موسم بہت اچھا ہے", "don't tell your parents"};
  std::string s;
  for (int i = 0; i < messages; ++i) {
    s += "12/01/2024, " + std::to_string(10 + i % 12) + ":" + std::to_string(10 + i % 50) + " - " +
         (i % 3 ? "Ali" : "Sara") + ": " + lines[i % 6] + "\n";
  }
  return s;
}

// The file path (mapped) and the bytes path give the same conversations, messages and signals.
TEST(AnalyzeChatTest, MappedFileMatchesBytesWithThreads) {
  Result<std::shared_ptr<const ChatModels>> models = ChatModels::Load();
  ASSERT_TRUE(models.ok()) << models.status().ToString();
  ngb::testing::TempDir dir;
  const std::string text = LongWhatsApp(9000);
  const std::string path = dir.path() + "/chat.txt";
  std::ofstream(path, std::ios::binary) << text;
  ChatAnalyzeOptions options;
  options.threads = 2;
  options.keep_signals = true;
  const ChatFileResult from_file = AnalyzeChatFile(path, **models, options);
  ChatAnalyzeOptions one = options;
  one.threads = 1;
  const ChatFileResult from_bytes = AnalyzeChatBytes(text, path, **models, one);
  ASSERT_TRUE(from_file.error.ok()) << from_file.error.ToString();
  ASSERT_EQ(from_file.conversations.size(), 1u);
  ASSERT_EQ(from_bytes.conversations.size(), 1u);
  const AnalyzedConversation& a = from_file.conversations[0];
  const AnalyzedConversation& b = from_bytes.conversations[0];
  ASSERT_EQ(a.conversation.messages.size(), 9000u);
  ASSERT_EQ(a.signals.size(), b.signals.size());
  for (size_t i = 0; i < a.signals.size(); ++i) {
    ASSERT_EQ(a.conversation.messages[i].text, b.conversation.messages[i].text) << i;
    ASSERT_EQ(a.signals[i].cues, b.signals[i].cues) << i;
    ASSERT_EQ(a.signals[i].abuse, b.signals[i].abuse) << i;
  }
  EXPECT_EQ(a.risk.findings.size(), b.risk.findings.size());
}

TEST(AnalyzeChatTest, MissingFileIsAnError) {
  Result<std::shared_ptr<const ChatModels>> models = ChatModels::Load();
  ASSERT_TRUE(models.ok());
  const ChatFileResult r = AnalyzeChatFile("/nonexistent/chat.txt", **models, ChatAnalyzeOptions{});
  EXPECT_FALSE(r.error.ok());
  EXPECT_EQ(r.source, "/nonexistent/chat.txt");
}

}  // namespace
}  // namespace ngb::chat
