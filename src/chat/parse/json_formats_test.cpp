// Telegram, Instagram/Messenger and DiscordChatExporter JSON.
#include <gtest/gtest.h>

#include "chat/parse.h"
#include "chat/parse/parsers.h"

namespace ngb::chat {
namespace {

Result<std::vector<Conversation>> Parse(std::string_view text, std::string_view name,
                                        Format format = Format::kUnknown) {
  ParseOptions options;
  options.format = format;
  return ParseChat(text, name, options);
}

constexpr std::string_view kTelegramChat = R"({
 "name": "Cricket Club",
 "type": "private_group",
 "id": 4412345678,
 "messages": [
  {
   "id": 1,
   "type": "service",
   "date": "2024-01-12T19:40:05",
   "date_unixtime": "1705088405",
   "actor": "Usman",
   "actor_id": "user1001",
   "action": "create_group",
   "title": "Cricket Club",
   "members": ["Usman", "Hina"],
   "text": "",
   "text_entities": []
  },
  {
   "id": 2,
   "type": "message",
   "date": "2024-01-12T19:41:00",
   "date_unixtime": "1705088460",
   "from": "Usman",
   "from_id": "user1001",
   "text": "practice kal 5 baje hai, sab aana 🏏",
   "text_entities": [{"type": "plain", "text": "practice kal 5 baje hai, sab aana 🏏"}]
  },
  {
   "id": 3,
   "type": "message",
   "date": "2024-01-12T19:42:00",
   "date_unixtime": "1705088520",
   "from": "Hina",
   "from_id": "user1002",
   "text": ["schedule yahan hai: ", {"type": "link", "text": "https://example.org/schedule"}, " ", {"type": "bold", "text": "zaroor"}],
   "text_entities": []
  },
  {
   "id": 4,
   "type": "message",
   "date": "2024-01-12T19:43:00",
   "from": "Hina",
   "photo": "photos/photo_1@12-01-2024_19-43-00.jpg",
   "width": 1280,
   "height": 960,
   "text": ""
  },
  {
   "id": 5,
   "type": "message",
   "date": "2024-01-12T19:44:00",
   "date_unixtime": "1705088640",
   "from": "Usman",
   "file": "voice_messages/audio_1@12-01-2024_19-44-00.ogg",
   "media_type": "voice_message",
   "mime_type": "audio/ogg",
   "duration_seconds": 4,
   "text": "سب تیار ہیں؟"
  }
 ]
})";

TEST(ChatTelegram, SingleChat) {
  EXPECT_EQ(DetectFormat(kTelegramChat, "result.json"), Format::kTelegram);
  auto r = Parse(kTelegramChat, "result.json");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 1u);
  const Conversation& c = r->at(0);
  EXPECT_EQ(c.format, Format::kTelegram);
  EXPECT_EQ(c.title, "Cricket Club");
  EXPECT_EQ(c.id, "4412345678");
  ASSERT_EQ(c.messages.size(), 5u);
  EXPECT_TRUE(c.messages[0].system);
  EXPECT_TRUE(c.messages[0].author.empty());
  EXPECT_EQ(c.messages[0].text, "Usman create_group");
  EXPECT_EQ(c.messages[1].time, 1705088460);
  EXPECT_EQ(c.messages[1].line, 19u);
  EXPECT_EQ(c.messages[2].text, "schedule yahan hai: https://example.org/schedule zaroor");
  EXPECT_EQ(c.messages[3].media, MediaKind::kImage);
  EXPECT_EQ(c.messages[3].time, parse::CivilToEpoch(2024, 1, 12, 19, 43, 0));  // from "date"
  EXPECT_EQ(c.messages[4].media, MediaKind::kAudio);
  EXPECT_EQ(c.messages[4].text, "سب تیار ہیں؟");
  EXPECT_EQ(c.participants, (std::vector<std::string>{"Usman", "Hina"}));
  EXPECT_TRUE(c.errors.empty());
}

TEST(ChatTelegram, FullExportWithSeveralChatsAndTruncation) {
  const std::string full = R"({
 "about": "Here is the data you requested. Remember: Telegram is ad free.",
 "personal_information": {"user_id": 1, "first_name": "Ali"},
 "chats": {
  "about": "This page lists all chats from this export.",
  "list": [
   {"name": "Ammi", "type": "personal_chat", "id": 11, "messages": [
     {"id": 1, "type": "message", "date": "2024-02-01T08:00:00", "date_unixtime": "1706774400", "from": "Ammi", "text": "khana kha liya?"},
     {"id": 2, "type": "message", "date": "2024-02-01T08:01:00", "date_unixtime": "1706774460", "from": "Ali", "text": "ji ammi"}
   ]},
   {"name": "Study group", "type": "private_supergroup", "id": 12, "messages": [
     {"id": 7, "type": "message", "date": "2024-02-02T10:00:00", "date_unixtime": "1706868000", "from": "Sana", "text": "notes share kar do"},
     {"id": 8, "type": "message", "date": "2024-02-02T10:01:00", "date_unixtime": "1706868060", "from": "Ali", "text": "ok"})";
  auto r = Parse(full, "result.json");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(r->at(0).title, "Ammi");
  EXPECT_EQ(r->at(0).messages.size(), 2u);
  EXPECT_EQ(r->at(1).title, "Study group");
  EXPECT_EQ(r->at(1).messages.size(), 2u);
  ASSERT_FALSE(r->at(1).errors.empty());
  EXPECT_EQ(r->at(1).errors.back().reason, "truncated_json");
  EXPECT_EQ(r->at(1).errors.back().line, 13u);
}

TEST(ChatMeta, InstagramMojibakeNewestFirst) {
  // "Kaise ho? 😀" and "Café ☕" as Meta writes them: each UTF-8 byte as a \u00XX code point.
  const std::string json = R"({
  "participants": [{"name": "Zo\u00c3\u00ab"}, {"name": "Imran"}],
  "messages": [
    {"sender_name": "Imran", "timestamp_ms": 1705088520000, "content": "Caf\u00c3\u00a9 \u00e2\u0098\u0095", "is_geoblocked_for_viewer": false},
    {"sender_name": "Zo\u00c3\u00ab", "timestamp_ms": 1705088460000, "photos": [{"uri": "your_instagram_activity/messages/inbox/zoe_123/photos/1234.jpg", "creation_timestamp": 1705088460}], "is_geoblocked_for_viewer": false},
    {"sender_name": "Imran", "timestamp_ms": 1705088400000, "content": "Kaise ho? \u00f0\u009f\u0098\u0080", "is_geoblocked_for_viewer": false}
  ],
  "title": "Zo\u00c3\u00ab",
  "is_still_participant": true,
  "thread_path": "inbox/zoe_123",
  "magic_words": []
})";
  EXPECT_EQ(DetectFormat(json, "messages/inbox/zoe_123/message_1.json"), Format::kInstagram);
  auto r = Parse(json, "message_1.json");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Conversation& c = r->at(0);
  EXPECT_EQ(c.format, Format::kInstagram);
  EXPECT_EQ(c.title, "Zoë");
  ASSERT_EQ(c.messages.size(), 3u);
  EXPECT_EQ(c.messages[0].text, "Kaise ho? 😀");
  EXPECT_EQ(c.messages[0].time, 1705088400);
  EXPECT_EQ(c.messages[1].author, "Zoë");
  EXPECT_EQ(c.messages[1].media, MediaKind::kImage);
  EXPECT_EQ(c.messages[2].text, "Café ☕");
  EXPECT_EQ(c.participants, (std::vector<std::string>{"Zoë", "Imran"}));
}

TEST(ChatMeta, MessengerDefaultAndRealUnicodeUntouched) {
  const std::string json = R"({
  "participants": [{"name": "Ahmed"}, {"name": "Fatima"}],
  "messages": [
    {"sender_name": "Fatima", "timestamp_ms": 1705088520000, "content": "Fatima added Ahmed to the group.", "type": "Subscribe", "users": [{"name": "Ahmed"}]},
    {"sender_name": "Ahmed", "timestamp_ms": 1705088460000, "content": "Ã© is how it looks", "type": "Generic"},
    {"sender_name": "Ahmed", "timestamp_ms": 1705088400000, "share": {"link": "https://example.org/news"}, "type": "Share"}
  ],
  "title": "Ahmed",
  "thread_type": "Regular"
})";
  auto r = Parse(json, "facebook-ahmed/messages/inbox/ahmed_1/message_1.json");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Conversation& c = r->at(0);
  EXPECT_EQ(c.format, Format::kMessenger);
  ASSERT_EQ(c.messages.size(), 3u);
  EXPECT_EQ(c.messages[0].text, "https://example.org/news");
  // Real "Ã©" text stays when its bytes are not valid UTF-8 as a whole (here: "é is..." would be).
  EXPECT_EQ(parse::RepairMojibake("Café"), "Café");
  EXPECT_EQ(parse::RepairMojibake("naïve 😀"), "naïve 😀");
  EXPECT_EQ(parse::RepairMojibake("plain"), "plain");
  EXPECT_TRUE(c.messages[2].system);
  EXPECT_TRUE(c.messages[2].author.empty());
}

TEST(ChatMeta, MessengerEndToEndEncryptedExport) {
  const std::string json = R"({"participants": ["Ahmed", "Fatima"], "threadName": "Ahmed",
  "messages": [
    {"isUnsent": false, "media": [], "reactions": [], "senderName": "Ahmed", "text": "salam, kaise ho?", "timestamp": 1705088400000, "type": "text"},
    {"isUnsent": false, "media": [{"uri": "media/photo_1.jpg"}], "reactions": [], "senderName": "Fatima", "text": "", "timestamp": 1705088460000, "type": "media"}
  ]})";
  EXPECT_EQ(DetectFormat(json, "Ahmed_1.json"), Format::kMessenger);
  auto r = Parse(json, "Ahmed_1.json");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Conversation& c = r->at(0);
  EXPECT_EQ(c.title, "Ahmed");
  ASSERT_EQ(c.messages.size(), 2u);
  EXPECT_EQ(c.messages[0].text, "salam, kaise ho?");
  EXPECT_EQ(c.messages[1].media, MediaKind::kImage);
  EXPECT_EQ(c.messages[1].attachment, "media/photo_1.jpg");
  EXPECT_EQ(c.participants, (std::vector<std::string>{"Ahmed", "Fatima"}));
}

TEST(ChatDiscord, ChatExporterJson) {
  const std::string json = R"({
  "guild": {"id": "1000", "name": "School Coding Club", "iconUrl": "https://cdn.example/icon.png"},
  "channel": {"id": "2000", "type": "GuildTextChat", "categoryId": "3000", "category": "Text", "name": "general", "topic": null},
  "dateRange": {"after": null, "before": null},
  "exportedAt": "2024-01-13T10:00:00.000+05:00",
  "messages": [
    {"id": "1", "type": "Default", "timestamp": "2024-01-12T19:40:05.123+05:00", "timestampEdited": null, "isPinned": false,
     "content": "koi python ka assignment samjha sakta hai?", "author": {"id": "9", "name": "ayaan_09", "discriminator": "0000", "nickname": "Ayaan", "color": null, "isBot": false},
     "attachments": [], "embeds": [], "stickers": [], "reactions": [], "mentions": []},
    {"id": "2", "type": "GuildMemberJoin", "timestamp": "2024-01-12T19:41:00+05:00", "content": "", "author": {"id": "8", "name": "newkid", "nickname": "newkid"}, "attachments": []},
    {"id": "3", "type": "Reply", "timestamp": "2024-01-12T14:42:00Z", "content": "haan, dekho", "author": {"id": "7", "name": "mahnoor", "nickname": ""},
     "attachments": [{"id": "5", "url": "https://cdn.example/a.png", "fileName": "screenshot.png", "fileSizeBytes": 12345}]}
  ],
  "messageCount": 3
})";
  EXPECT_EQ(DetectFormat(json, "general.json"), Format::kDiscord);
  auto r = Parse(json, "");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Conversation& c = r->at(0);
  EXPECT_EQ(c.title, "School Coding Club #general");
  EXPECT_EQ(c.id, "2000");
  ASSERT_EQ(c.messages.size(), 3u);
  EXPECT_EQ(c.messages[0].author, "Ayaan");
  EXPECT_EQ(c.messages[0].time, parse::CivilToEpoch(2024, 1, 12, 14, 40, 5));
  EXPECT_TRUE(c.messages[1].system);
  EXPECT_EQ(c.messages[2].author, "mahnoor");
  EXPECT_EQ(c.messages[2].media, MediaKind::kImage);
  EXPECT_EQ(c.messages[2].attachment, "screenshot.png");
  EXPECT_EQ(c.messages[2].time, parse::CivilToEpoch(2024, 1, 12, 14, 42, 0));
}

TEST(ChatJson, MalformedInputs) {
  for (Format f : {Format::kTelegram, Format::kInstagram, Format::kDiscord}) {
    auto r = Parse("{\"messages\": [", "", f);
    EXPECT_FALSE(r.ok());
    auto g = Parse("\x01\x02garbage", "", f);
    EXPECT_FALSE(g.ok());
    auto h = Parse("[1,2,3]", "", f);
    EXPECT_FALSE(h.ok());
    // Messages that are not objects are reported, the rest kept.
    const std::string good =
        R"({"from": "A", "sender_name": "A", "timestamp_ms": 1, "date_unixtime": "1705088405", )"
        R"("timestamp": "2024-01-01T00:00:00Z", "text": "x", "content": "x"})";
    auto k = Parse("{\"messages\": [1, " + good + "]}", "", f);
    ASSERT_TRUE(k.ok()) << FormatName(f) << " " << k.status().ToString();
    EXPECT_EQ(k->at(0).messages.size(), 1u);
    EXPECT_EQ(k->at(0).errors.at(0).reason, "bad_message");
    // Damage in the middle: the messages before it are kept.
    auto m = Parse(
        "{\"messages\": [\n" + good + ",\n" + good + ",\n{\"text\" \"x\"}, " + good + "]}", "", f);
    ASSERT_TRUE(m.ok()) << FormatName(f) << " " << m.status().ToString();
    EXPECT_EQ(m->at(0).messages.size(), 2u);
    EXPECT_EQ(m->at(0).messages[1].line, 3u);
    EXPECT_EQ(m->at(0).errors.back().reason, "malformed_json");
    EXPECT_EQ(m->at(0).errors.back().line, 4u);
  }
}

TEST(ChatJson, DeepNestingAndHugeTruncatedInputStayBounded) {
  const std::string deep = "{\"messages\": [" + std::string(100000, '[') + "1";
  for (Format f : {Format::kTelegram, Format::kMessenger, Format::kDiscord, Format::kJsonl}) {
    EXPECT_FALSE(Parse(deep, "", f).ok()) << FormatName(f);
  }
  // Many objects deep inside a cut-off file: completion is linear, not quadratic.
  std::string wide = "{\"messages\": [" + std::string(200, '[');
  for (int i = 0; i < 200000; ++i) wide += "{},";
  auto r = Parse(wide, "", Format::kDiscord);
  if (r.ok()) {
    EXPECT_TRUE(r->at(0).messages.empty());
    EXPECT_FALSE(r->at(0).errors.empty());
  }
}

}  // namespace
}  // namespace ngb::chat
