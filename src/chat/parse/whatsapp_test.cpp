#include <gtest/gtest.h>

#include "chat/parse.h"
#include "chat/parse/parsers.h"

namespace ngb::chat {
namespace {

std::vector<Conversation> Parse(std::string_view text, DateOrder order = DateOrder::kAuto) {
  ParseOptions options;
  options.format = Format::kWhatsApp;
  options.date_order = order;
  auto r = ParseChat(text, "WhatsApp Chat with Ayesha.txt", options);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r.value()) : std::vector<Conversation>{};
}

int64_t Epoch(int y, int mo, int d, int h, int mi, int s = 0) {
  return parse::CivilToEpoch(y, mo, d, h, mi, s);
}

TEST(ChatWhatsApp, Android24hWithSystemMultilineAndMedia) {
  const std::string text =
      "12/01/2024, 19:38 - Messages and calls are end-to-end encrypted. No one outside of this "
      "chat, "
      "not even WhatsApp, can read or listen to them. Tap to learn more.\n"
      "12/01/2024, 19:40 - Ayesha Khan: Assalam o alaikum! kya haal hai?\n"
      "12/01/2024, 19:41 - Bilal: theek hoon 😊\n"
      "homework ho gaya?\n"
      "\n"
      "kal school mein milte hain\n"
      "13/01/2024, 08:05 - Ayesha Khan: <Media omitted>\n"
      "13/01/2024, 08:06 - Bilal: IMG-20240113-WA0003.jpg (file attached)\n"
      "science project ki photo\n"
      "13/01/2024, 08:07 - Bilal: This message was deleted\n"
      "13/01/2024, 08:08 - Ayesha Khan: آپ کیسے ہیں؟ <This message was edited>\n"
      "13/01/2024, 08:09 - Bilal changed the subject from \"Class 7\" to \"Class 7: Science\"\n";
  auto convs = Parse(text);
  ASSERT_EQ(convs.size(), 1u);
  const Conversation& c = convs[0];
  EXPECT_EQ(c.format, Format::kWhatsApp);
  ASSERT_EQ(c.messages.size(), 8u);
  EXPECT_TRUE(c.messages[0].system);
  EXPECT_TRUE(c.messages[0].author.empty());
  EXPECT_EQ(c.messages[1].author, "Ayesha Khan");
  EXPECT_EQ(c.messages[1].text, "Assalam o alaikum! kya haal hai?");
  EXPECT_EQ(c.messages[1].time, Epoch(2024, 1, 12, 19, 40));
  EXPECT_EQ(c.messages[1].line, 2u);
  EXPECT_EQ(c.messages[2].text, "theek hoon 😊\nhomework ho gaya?\n\nkal school mein milte hain");
  EXPECT_EQ(c.messages[3].media, MediaKind::kOther);
  EXPECT_EQ(c.messages[3].text, "");
  EXPECT_EQ(c.messages[3].line, 7u);
  EXPECT_EQ(c.messages[4].media, MediaKind::kImage);
  EXPECT_EQ(c.messages[4].attachment, "IMG-20240113-WA0003.jpg");
  EXPECT_EQ(c.messages[4].text, "science project ki photo");
  EXPECT_EQ(c.messages[5].text, "This message was deleted");
  EXPECT_EQ(c.messages[6].text, "آپ کیسے ہیں؟");
  EXPECT_TRUE(c.messages[7].system);
  EXPECT_EQ(c.participants, (std::vector<std::string>{"Ayesha Khan", "Bilal"}));
  EXPECT_TRUE(c.errors.empty());
}

TEST(ChatWhatsApp, Android12hNarrowNoBreakSpaceAndDots) {
  const std::string text =
      "1/12/24, 7:40\u202Fpm - Sara: Hi! are you coming to the match?\n"
      "1/12/24, 12:05\u00A0a.m. - Omar: yes, see you there\n"
      "1/13/24, 9:15 AM - Sara: great\n";
  auto convs = Parse(text);
  ASSERT_EQ(convs.size(), 1u);
  const auto& m = convs[0].messages;
  ASSERT_EQ(m.size(), 3u);
  // 13 in the second field: month-first for the whole file.
  EXPECT_EQ(m[0].time, Epoch(2024, 1, 12, 19, 40));
  EXPECT_EQ(m[1].time, Epoch(2024, 1, 12, 0, 5));
  EXPECT_EQ(m[2].time, Epoch(2024, 1, 13, 9, 15));
  EXPECT_EQ(m[1].author, "Omar");
}

TEST(ChatWhatsApp, DateOrderDefaultsAndForce) {
  const std::string text = "03/04/2024, 10:00 - A: one\n05/06/2024, 11:00 - B: two\n";
  EXPECT_EQ(Parse(text)[0].messages[0].time, Epoch(2024, 4, 3, 10, 0));
  EXPECT_EQ(Parse(text, DateOrder::kMonthFirst)[0].messages[0].time, Epoch(2024, 3, 4, 10, 0));
  const std::string german = "12.01.24, 19:40 - Jonas: Hallo\n";
  EXPECT_EQ(Parse(german)[0].messages[0].time, Epoch(2024, 1, 12, 19, 40));
  const std::string iso = "2024-01-12, 19:40 - Jonas: Hallo\n";
  EXPECT_EQ(Parse(iso)[0].messages[0].time, Epoch(2024, 1, 12, 19, 40));
}

TEST(ChatWhatsApp, IosWithMarksAttachmentsAndSystem) {
  const std::string lrm = "\u200E";
  const std::string text = lrm + "[12/01/2024, 19:40:05] Class 7 Group: " + lrm +
                           "Messages and calls are end-to-end encrypted. No one outside of this "
                           "chat, not even WhatsApp, "
                           "can read or listen to them.\n"
                           "[12/01/2024, 19:41:10] Hamza: mujhe kal ka test yaad dilana 🙏\n" +
                           lrm + "[12/01/2024, 19:42:00] Hamza: " + lrm + "image omitted\n" + lrm +
                           "[12/01/2024, 19:43:00] Zainab: " + lrm +
                           "<attached: 00000012-PHOTO-2024-01-12-19-43-00.jpg>\n" +
                           "[12/01/2024, 7:44:00 PM] Zainab: ok: done\n" + lrm +
                           "[12/01/2024, 19:45:00] Hamza: " + lrm + "This message was deleted.\n";
  auto convs = Parse(text);
  const auto& m = convs[0].messages;
  ASSERT_EQ(m.size(), 6u);
  EXPECT_TRUE(m[0].system);
  EXPECT_TRUE(m[0].author.empty());
  EXPECT_EQ(m[1].time, Epoch(2024, 1, 12, 19, 41, 10));
  EXPECT_EQ(m[1].text, "mujhe kal ka test yaad dilana 🙏");
  EXPECT_EQ(m[2].media, MediaKind::kImage);
  EXPECT_EQ(m[2].author, "Hamza");
  EXPECT_FALSE(m[2].system);
  EXPECT_EQ(m[3].attachment, "00000012-PHOTO-2024-01-12-19-43-00.jpg");
  EXPECT_EQ(m[3].media, MediaKind::kImage);
  EXPECT_EQ(m[4].text, "ok: done");
  EXPECT_EQ(m[4].time, Epoch(2024, 1, 12, 19, 44, 0));
  EXPECT_EQ(m[5].text, "This message was deleted");
  EXPECT_FALSE(m[5].system);
  EXPECT_EQ(convs[0].participants, (std::vector<std::string>{"Hamza", "Zainab"}));
}

TEST(ChatWhatsApp, MorePlaceholdersAndSystemLines) {
  const std::string text =
      "12/01/2024, 19:40 - Ali added Sara\n"
      "12/01/2024, 19:41 - Sara: sticker omitted\n"
      "12/01/2024, 19:42 - Sara: Notes.pdf \u2022 3 pages document omitted\n"
      "12/01/2024, 19:43 - Ali: You deleted this message\n"
      "12/01/2024, 19:44 - Ali: VID-20240112-WA0001.mp4 (file attached)\n"
      "12/01/2024, 19:45 - Ali: PTT-20240112-WA0002.opus (file attached)\n"
      "12/01/2024, 19:46 - ~\u202FNida: kal milte hain\n";
  auto convs = Parse(text);
  const auto& m = convs[0].messages;
  ASSERT_EQ(m.size(), 7u);
  EXPECT_TRUE(m[0].system);
  EXPECT_EQ(m[0].text, "Ali added Sara");
  EXPECT_EQ(m[1].media, MediaKind::kSticker);
  EXPECT_EQ(m[2].media, MediaKind::kFile);
  EXPECT_EQ(m[2].attachment, "Notes.pdf");
  EXPECT_EQ(m[3].text, "This message was deleted");
  EXPECT_EQ(m[4].media, MediaKind::kVideo);
  EXPECT_EQ(m[5].media, MediaKind::kAudio);
  EXPECT_EQ(m[6].author, "~\u202FNida");
}

TEST(ChatWhatsApp, MalformedLinesAreReportedAndRestKept) {
  const std::string text =
      "garbage before anything\n"
      "12/01/2024, 19:40 - A: hello\r\n"
      "45/45/2024, 19:41 - B: impossible date\n"
      "\xFF\xFE broken bytes\n";
  auto convs = Parse(text);
  const auto& c = convs[0];
  ASSERT_EQ(c.messages.size(), 2u);
  EXPECT_EQ(c.messages[0].text, "hello");
  EXPECT_EQ(c.messages[1].time, kNoTime);
  EXPECT_EQ(c.messages[1].text, "impossible date\n\xEF\xBF\xBD\xEF\xBF\xBD broken bytes");
  ASSERT_GE(c.errors.size(), 2u);
  EXPECT_EQ(c.errors[0].reason, "unreadable_line");
  EXPECT_EQ(c.errors[0].line, 1u);
  bool bad_time = false;
  for (const auto& e : c.errors) bad_time |= e.reason == "bad_timestamp" && e.line == 3;
  EXPECT_TRUE(bad_time);
}

TEST(ChatWhatsApp, LimitsAndNothingReadable) {
  ParseOptions options;
  options.format = Format::kWhatsApp;
  options.max_messages = 2;
  auto r =
      ParseChat("1/1/24, 1:00 - A: x\n1/1/24, 1:01 - A: y\n1/1/24, 1:02 - A: z\n", "", options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->at(0).messages.size(), 2u);
  EXPECT_EQ(r->at(0).errors.back().reason, "too_many_messages");
  auto bad = ParseChat("just some text\nwithout dates\n", "", options);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().reason(), "not_a_chat_export");
  std::string big = "1/1/24, 1:00 - A: ";
  big.append(size_t{3} << 20, 'a');
  auto r2 = ParseChat(big, "", options);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->at(0).messages[0].text.size(), parse::kMaxMessageBytes);
  EXPECT_EQ(r2->at(0).errors[0].reason, "message_too_long");
}

}  // namespace
}  // namespace ngb::chat
