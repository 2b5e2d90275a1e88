// CSV, JSONL and PAN-2012 XML.
#include <gtest/gtest.h>

#include "chat/parse.h"
#include "chat/parse/parsers.h"

namespace ngb::chat {
namespace {

Result<std::vector<Conversation>> Parse(std::string_view text, Format format,
                                        DateOrder order = DateOrder::kAuto) {
  ParseOptions options;
  options.format = format;
  options.date_order = order;
  return ParseChat(text, "", options);
}

TEST(ChatCsv, HeaderQuotingAndConversations) {
  const std::string csv =
      "chat_id,Message,Sender,Timestamp\r\n"
      "c1,\"Hello, how are you?\",Ali,2024-01-12 19:40:05\r\n"
      "c1,\"line one\nline two with \"\"quotes\"\"\",Sara,2024-01-12T19:41:00+05:00\r\n"
      "c2,آج موسم اچھا ہے,Noor,1705088460\r\n"
      "c1,kal milte hain 👋,Ali,1705088520000\r\n";
  EXPECT_EQ(DetectFormat(csv, "chats.csv"), Format::kCsv);
  auto r = Parse(csv, Format::kCsv);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 2u);
  const Conversation& c1 = r->at(0);
  EXPECT_EQ(c1.id, "c1");
  ASSERT_EQ(c1.messages.size(), 3u);
  EXPECT_EQ(c1.messages[0].text, "Hello, how are you?");
  EXPECT_EQ(c1.messages[0].time, parse::CivilToEpoch(2024, 1, 12, 19, 40, 5));
  EXPECT_EQ(c1.messages[1].text, "line one\nline two with \"quotes\"");
  EXPECT_EQ(c1.messages[1].author, "Sara");
  EXPECT_EQ(c1.messages[1].time, parse::CivilToEpoch(2024, 1, 12, 14, 41, 0));
  EXPECT_EQ(c1.messages[2].line, 6u);
  EXPECT_EQ(c1.messages[2].time, 1705088520);
  EXPECT_EQ(r->at(1).messages[0].text, "آج موسم اچھا ہے");
  EXPECT_EQ(r->at(1).messages[0].time, 1705088460);
}

TEST(ChatCsv, SemicolonTabNoHeaderDateOrderAndErrors) {
  auto semi = Parse("time;author;text\n12/01/2024 19:40;Ali;salam\n", Format::kCsv);
  ASSERT_TRUE(semi.ok());
  EXPECT_EQ(semi->at(0).messages[0].time, parse::CivilToEpoch(2024, 1, 12, 19, 40, 0));
  auto tab = Parse("date\ttime\tfrom\tmessage\n01/13/2024\t07:40 PM\tAli\thi\n", Format::kCsv);
  ASSERT_TRUE(tab.ok());
  EXPECT_EQ(tab->at(0).messages[0].time, parse::CivilToEpoch(2024, 1, 13, 19, 40, 0));
  auto plain =
      Parse("2024-01-12 19:40,Ali,one\nbroken row\n2024-01-12 19:41,Sara,\"unclosed", Format::kCsv);
  ASSERT_TRUE(plain.ok());
  const Conversation& c = plain->at(0);
  ASSERT_EQ(c.messages.size(), 2u);
  EXPECT_EQ(c.messages[1].text, "unclosed");
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_EQ(c.errors[0].reason, "bad_row");
  EXPECT_EQ(c.errors[0].line, 2u);
  EXPECT_EQ(c.errors[1].reason, "unclosed_quote");
  auto bad_time = Parse("timestamp,sender,text\nyesterday,Ali,hi\n", Format::kCsv);
  ASSERT_TRUE(bad_time.ok());
  EXPECT_EQ(bad_time->at(0).messages[0].time, kNoTime);
  EXPECT_EQ(bad_time->at(0).errors[0].reason, "bad_timestamp");
  EXPECT_FALSE(Parse("", Format::kCsv).ok());
}

TEST(ChatJsonl, KeysAliasesAndBadLines) {
  const std::string jsonl =
      R"({"timestamp": "2024-01-12T19:40:05Z", "sender": "Ali", "text": "kya scene hai?", "conversation": "a"})"
      "\n"
      R"({"time": 1705088460, "from": "Sara", "message": "kuch nahi 😄", "conversation": "a"})"
      "\n"
      "not json at all\n"
      R"({"date": "2024-01-12 19:42", "user": "Ali", "body": "acha", "chat": "a", "extra": {"deep": [1, 2]}})"
      "\n"
      R"({"sender": "Ali", "text": "unterminated)"
      "\n"
      R"({"ts": 1705088600, "author": "Bilal", "content": "alag chat", "conversation_id": "b"})"
      "\n";
  EXPECT_EQ(DetectFormat(jsonl, "export.jsonl"), Format::kJsonl);
  auto r = Parse(jsonl, Format::kJsonl);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 2u);
  const Conversation& a = r->at(0);
  ASSERT_EQ(a.messages.size(), 3u);
  EXPECT_EQ(a.messages[0].time, parse::CivilToEpoch(2024, 1, 12, 19, 40, 5));
  EXPECT_EQ(a.messages[1].time, 1705088460);
  EXPECT_EQ(a.messages[1].text, "kuch nahi 😄");
  EXPECT_EQ(a.messages[2].line, 4u);
  ASSERT_EQ(a.errors.size(), 2u);
  EXPECT_EQ(a.errors[0].line, 3u);
  EXPECT_EQ(a.errors[1].line, 5u);
  EXPECT_EQ(r->at(1).id, "b");
  EXPECT_EQ(r->at(1).participants, (std::vector<std::string>{"Bilal"}));
}

TEST(ChatPanXml, ConversationsInDocumentOrder) {
  const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<conversations>
  <conversation id="e621da5de598c9321a1d505ea95e6a2d">
    <message line="1">
      <author>97964e7a9e8eb9cf78f2e4d7b2ff34c7</author>
      <time>03:20</time>
      <text>hi there, r u going to the game?</text>
    </message>
    <message line="2">
      <author>0158d0d6781fc4d493f243d4caa49747</author>
      <time>03:21</time>
      <text>yes &amp; my brother too</text>
    </message>
  </conversation>
  <conversation id="second">
    <message line="1"><author>aa</author><time>10:00</time><text></text></message>
  </conversation>
</conversations>)";
  EXPECT_EQ(DetectFormat(xml, "pan12-test.xml"), Format::kPanXml);
  auto r = Parse(xml, Format::kUnknown);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 2u);
  const Conversation& c = r->at(0);
  EXPECT_EQ(c.format, Format::kPanXml);
  EXPECT_EQ(c.id, "e621da5de598c9321a1d505ea95e6a2d");
  ASSERT_EQ(c.messages.size(), 2u);
  EXPECT_EQ(c.messages[1].text, "yes & my brother too");
  EXPECT_EQ(c.messages[1].time, kNoTime);
  EXPECT_EQ(c.messages[1].line, 2u);
  EXPECT_EQ(c.participants.size(), 2u);
  EXPECT_EQ(r->at(1).messages[0].text, "");
}

TEST(ChatPanXml, TruncatedAndEntities) {
  auto r = Parse(
      "<conversations><conversation id=\"x\"><message line=\"1\"><author>a</author>"
      "<text>one</text></message><message line=\"2\"><author>b</auth",
      Format::kPanXml);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GE(r->at(0).messages.size(), 1u);
  EXPECT_EQ(r->at(0).errors.back().reason, "malformed_xml");
  // External entities are never fetched (pugixml does not process DTDs).
  auto x = Parse(
      "<!DOCTYPE c [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><conversations>"
      "<conversation id=\"1\"><message line=\"1\"><author>a</author><text>&e;</text>"
      "</message></conversation></conversations>",
      Format::kPanXml);
  ASSERT_TRUE(x.ok()) << x.status().ToString();
  EXPECT_EQ(x->at(0).messages[0].text.find("root:"), std::string::npos);
  EXPECT_FALSE(Parse("not xml", Format::kPanXml).ok());
}

TEST(ChatTimestamp, Forms) {
  int64_t t = 0;
  EXPECT_TRUE(parse::ParseTimestamp("2024-01-12T19:40:05.123+05:30", DateOrder::kAuto, &t));
  EXPECT_EQ(t, parse::CivilToEpoch(2024, 1, 12, 14, 10, 5));
  EXPECT_TRUE(parse::ParseTimestamp("2024-01-12", DateOrder::kAuto, &t));
  EXPECT_EQ(t, parse::CivilToEpoch(2024, 1, 12, 0, 0, 0));
  EXPECT_TRUE(parse::ParseTimestamp("12/01/2024, 7:40 pm", DateOrder::kAuto, &t));
  EXPECT_EQ(t, parse::CivilToEpoch(2024, 1, 12, 19, 40, 0));
  EXPECT_TRUE(parse::ParseTimestamp("1705088405", DateOrder::kAuto, &t));
  EXPECT_EQ(t, 1705088405);
  EXPECT_TRUE(parse::ParseTimestamp("1705088405123", DateOrder::kAuto, &t));
  EXPECT_EQ(t, 1705088405);
  EXPECT_FALSE(parse::ParseTimestamp("12345", DateOrder::kAuto, &t));
  EXPECT_FALSE(parse::ParseTimestamp("2024-13-01", DateOrder::kAuto, &t));
  EXPECT_FALSE(parse::ParseTimestamp("2024-01-12 25:00", DateOrder::kAuto, &t));
  EXPECT_FALSE(parse::ParseTimestamp("hello", DateOrder::kAuto, &t));
}

TEST(ChatDetect, NegativesAreNotChats) {
  const std::vector<std::pair<std::string, std::string>> negatives = {
      {"The quick brown fox jumps over the lazy dog.\nSecond line: with a colon.\n", "notes.txt"},
      {"# Nigehbaan\n\nA toolkit for examiners.\n\n## Build\n\n    cmake -S . -B build\n",
       "README.md"},
      {"#include <stdio.h>\nint main(void) {\n  printf(\"12/01/2024, 19:40 - x\");\n  return "
       "0;\n}\n",
       "main.c"},
      {R"({"name": "widget", "version": "1.0.0", "dependencies": {"left-pad": "^1.3.0"}})",
       "package.json"},
      {R"({"messages": {"greeting": "hello"}, "locale": "en"})", "en.json"},
      {"[1, 2, 3]\n", "a.json"},
      {"<html><body><p>message</p></body></html>", "index.html"},
      {"id,price,qty\n1,2.50,3\n", "prices.csv"},
      {std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "x.png"},
      {"", ""},
  };
  for (const auto& [text, name] : negatives) {
    EXPECT_EQ(DetectFormat(text, name), Format::kUnknown) << name;
    ParseOptions options;
    auto r = ParseChat(text, name, options);
    EXPECT_FALSE(r.ok()) << name;
    if (!r.ok()) {
      EXPECT_EQ(r.status().reason(), "not_a_chat_export") << name;
    }
  }
}

TEST(ChatDetect, BinaryIsNotAChatEvenWhenForced) {
  std::string garbage;
  uint32_t x = 7;
  for (int i = 0; i < 8192; ++i) {
    x = x * 1103515245u + 12345u;
    garbage.push_back(static_cast<char>(x >> 24));
  }
  for (Format f : {Format::kUnknown, Format::kWhatsApp, Format::kCsv, Format::kJsonl,
                   Format::kTelegram, Format::kPanXml}) {
    ParseOptions options;
    options.format = f;
    auto r = ParseChat(garbage, "", options);
    EXPECT_FALSE(r.ok()) << FormatName(f);
    if (!r.ok()) {
      EXPECT_EQ(r.status().reason(), "not_a_chat_export") << FormatName(f);
    }
  }
}

TEST(ChatDetect, EachFormat) {
  EXPECT_EQ(DetectFormat("12/01/2024, 19:40 - Ali: hi\n", ""), Format::kWhatsApp);
  EXPECT_EQ(DetectFormat("\xEF\xBB\xBF\u200E[12/01/2024, 19:40:05] Ali: hi\n", "_chat.txt"),
            Format::kWhatsApp);
  EXPECT_EQ(DetectFormat("1/12/24, 7:40\u202Fpm - Ali: hi\n", ""), Format::kWhatsApp);
  EXPECT_EQ(
      DetectFormat(
          R"({"participants": [{"name": "A"}], "messages": [{"sender_name": "A", "timestamp_ms": 1}]})",
          "your_instagram_activity/messages/inbox/a/message_1.json"),
      Format::kInstagram);
  EXPECT_EQ(
      DetectFormat(
          R"({"participants": [{"name": "A"}], "messages": [{"sender_name": "A", "timestamp_ms": 1}]})",
          "message_1.json"),
      Format::kMessenger);
  EXPECT_EQ(DetectFormat("timestamp,sender,text\n", "x"), Format::kCsv);
  EXPECT_EQ(DetectFormat("2024-01-12 19:40,Ali,hi\n", "x.csv"), Format::kCsv);
  EXPECT_EQ(DetectFormat("{\"about\": \"Telegram\", \"personal_information\": {}}", ""),
            Format::kTelegram);
}

}  // namespace
}  // namespace ngb::chat
