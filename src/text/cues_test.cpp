// Cue pattern language and matcher, on small hand-written lexicons.
#include "text/cues.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "text/cue_pattern.h"
#include "text/normalise.h"

namespace ngb::text {
namespace {

std::shared_ptr<const CueMatcher> Make(const std::string& tsv) {
  auto m = CueMatcher::FromLexicons({{"cues-test.tsv", tsv}});
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return m.ok() ? *m : nullptr;
}

// "cue[span]" for every hit, on normalised text (as the real caller does).
std::vector<std::string> Hits(const CueMatcher& m, std::string_view raw) {
  std::string text = Normalise(raw);
  std::vector<CueHit> hits;
  m.Match(text, hits);
  std::vector<std::string> out;
  for (const CueHit& h : hits) {
    out.push_back(std::string(CueName(h.cue)) + "[" + text.substr(h.begin, h.end - h.begin) + "]");
  }
  return out;
}

Status ErrorOf(const std::string& tsv) {
  auto m = CueMatcher::FromLexicons({{"cues-bad.tsv", tsv}});
  return m.ok() ? Status::Ok() : m.status();
}

TEST(CueNames, RoundTrip) {
  for (int i = 0; i < static_cast<int>(Cue::kCount); ++i) {
    Cue c = static_cast<Cue>(i);
    EXPECT_EQ(CueFromName(CueName(c)), c);
  }
  EXPECT_EQ(CueFromName("no_such_cue"), Cue::kCount);
  EXPECT_EQ(CueName(Cue::kVideoCallPressure), "video_call_pressure");
}

TEST(CueTokenize, WordsEmojiAndUrduPunctuation) {
  std::string t = "don't  send!!😂 کیا تم؟ہو";
  std::vector<CueToken> toks;
  CueTokenize(t, toks);
  std::vector<std::string> words;
  for (auto k : toks) words.push_back(t.substr(k.begin, k.end - k.begin));
  EXPECT_EQ(words, (std::vector<std::string>{"don", "t", "send", "😂", "کیا", "تم", "ہو"}));
}

TEST(CueMatcher, WholeWordsOnly) {
  auto m = Make("insult\tidiot\n");
  EXPECT_EQ(Hits(*m, "you idiot!"), (std::vector<std::string>{"insult[idiot]"}));
  EXPECT_TRUE(Hits(*m, "idiots and idiotic").empty());
}

TEST(CueMatcher, PrefixOptionalAlternativesGapsNumbers) {
  auto m = Make(
      "@photo\t(pic*|photo*|selfie)\n"
      "photo_request\tsend me (your|ur) @photo\n"
      "meeting_proposal\tlets? meet ~2 tomorrow\n"
      "minor_indicator\ti am # (years|$)\n");
  EXPECT_EQ(Hits(*m, "SEND me ur pictures"),
            (std::vector<std::string>{"photo_request[send me ur pictures]"}));
  EXPECT_EQ(Hits(*m, "send me your selfie"),
            (std::vector<std::string>{"photo_request[send me your selfie]"}));
  EXPECT_EQ(Hits(*m, "lets meet tomorrow"),
            (std::vector<std::string>{"meeting_proposal[lets meet tomorrow]"}));
  EXPECT_EQ(Hits(*m, "meet at noon tomorrow"),
            (std::vector<std::string>{"meeting_proposal[meet at noon tomorrow]"}));
  EXPECT_TRUE(Hits(*m, "meet at the big park tomorrow").empty());  // gap of 3 > ~2
  EXPECT_EQ(Hits(*m, "i am 13"), (std::vector<std::string>{"minor_indicator[i am 13]"}));
  EXPECT_EQ(Hits(*m, "i am 13 years"),
            (std::vector<std::string>{"minor_indicator[i am 13 years]"}));
  EXPECT_TRUE(Hits(*m, "i am here").empty());
  EXPECT_TRUE(Hits(*m, "i am 10 minutes late").empty());  // '$': end of message only
}

TEST(CueMatcher, HitsInEndOrderLeftmostOncePerCueAndEnd) {
  auto m = Make(
      "photo_request\t(send|send me) (pic|pics)\n"
      "photo_request\tme pic\n"
      "joking\tlol\n");
  std::string text = "lol send me pic lol";
  std::vector<CueHit> hits;
  m->Match(text, hits);
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].cue, Cue::kJoking);
  EXPECT_EQ(hits[1].cue, Cue::kPhotoRequest);
  EXPECT_EQ(text.substr(hits[1].begin, hits[1].end - hits[1].begin), "send me pic");
  EXPECT_EQ(hits[2].cue, Cue::kJoking);
  EXPECT_EQ(hits[2].begin, 16u);
  // Appends: earlier contents stay.
  m->Match("lol", hits);
  EXPECT_EQ(hits.size(), 4u);
}

TEST(CueMatcher, UrduScript) {
  auto m = Make("alone_probe\t(اکیلی|اکیلے) ہو\nsecrecy\tکسی کو (مت|نہ) بتانا\n");
  EXPECT_EQ(Hits(*m, "کیا تم اکیلی ہو؟"), (std::vector<std::string>{"alone_probe[اکیلی ہو]"}));
  EXPECT_EQ(Hits(*m, "کسی کو مت بتانا۔"),
            (std::vector<std::string>{"secrecy[کسی کو مت بتانا]"}));
  EXPECT_TRUE(Hits(*m, "اکیلیہو").empty());
}

TEST(CueMatcher, ErrorsNameFileAndLine) {
  Status st = ErrorOf("# ok\ninsult\tidiot\n\nthreat\t(kill|hurt\n");
  EXPECT_EQ(st.reason(), "lexicon_syntax");
  EXPECT_NE(st.detail().find("cues-bad.tsv:4:"), std::string::npos) << st.detail();
  EXPECT_NE(st.detail().find("missing ')'"), std::string::npos) << st.detail();

  st = ErrorOf("insult\tidiot\nnot_a_cue\tfoo\n");
  EXPECT_EQ(st.reason(), "lexicon_unknown_cue");
  EXPECT_NE(st.detail().find("cues-bad.tsv:2:"), std::string::npos);

  EXPECT_EQ(ErrorOf("insult idiot\n").reason(), "lexicon_syntax");         // no tab
  EXPECT_EQ(ErrorOf("insult\t\n").reason(), "lexicon_syntax");             // empty pattern
  EXPECT_EQ(ErrorOf("insult\tidiot?\n").reason(), "lexicon_syntax");       // matches nothing
  EXPECT_EQ(ErrorOf("insult\t~2 idiot\n").reason(), "lexicon_syntax");     // gap at an edge
  EXPECT_EQ(ErrorOf("insult\tyou ~0 idiot\n").reason(), "lexicon_syntax"); // gap range
  EXPECT_EQ(ErrorOf("insult\t@nope idiot\n").reason(), "lexicon_syntax");  // unknown macro
  EXPECT_EQ(ErrorOf("insult\ta|b\n").reason(), "lexicon_syntax");
  EXPECT_EQ(ErrorOf("insult\t(a|)\n").reason(), "lexicon_syntax");
  EXPECT_EQ(ErrorOf("insult\t*a\n").reason(), "lexicon_syntax");
  EXPECT_EQ(ErrorOf("insult\t&\n").reason(), "lexicon_syntax");             // no letters
  EXPECT_EQ(ErrorOf("insult\t\xff\xfe\n").reason(), "lexicon_syntax");       // not UTF-8
  EXPECT_EQ(ErrorOf("@m\ta\n@m\tb\n").reason(), "lexicon_syntax");           // macro twice
}

TEST(CueMatcher, MacroBlowUpIsBounded) {
  std::string tsv = "@m0\t(a|b|c|d)\n";
  for (int i = 1; i < 12; ++i) {
    std::string p = "@m" + std::to_string(i - 1);
    tsv += "@m" + std::to_string(i) + "\t" + p + " " + p + " " + p + " " + p + "\n";
  }
  tsv += "insult\t@m11\n";
  Status st = ErrorOf(tsv);
  EXPECT_EQ(st.reason(), "lexicon_syntax");
  EXPECT_NE(st.detail().find("too large"), std::string::npos) << st.detail();
}

TEST(CueMatcher, EmptyLexiconMatchesNothing) {
  auto m = Make("# nothing\n");
  EXPECT_EQ(m->pattern_count(), 0u);
  EXPECT_TRUE(Hits(*m, "anything at all").empty());
}

TEST(CueMatcher, HostileTextIsHarmless) {
  auto m = Make("insult\tidiot\nthreat\tkill ~9 you\n");
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk += static_cast<char>((i * 7919) & 0xFF);
  std::vector<CueHit> hits;
  m->Match(junk, hits);
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "kill ";
  many += "you";
  hits.clear();
  m->Match(many, hits);
  EXPECT_EQ(hits.size(), 1u);
}

TEST(CueMatcher, TwoThreadsShareOneMatcher) {
  auto m = Make("photo_request\tsend me (ur|your) pic*\nalone_probe\tare (you|u) alone\n");
  auto work = [&](const std::string& text, Cue want, int* ok) {
    for (int i = 0; i < 2000; ++i) {
      std::vector<CueHit> hits;
      m->Match(text, hits);
      if (hits.size() == 1 && hits[0].cue == want) ++*ok;
    }
  };
  int a = 0, b = 0;
  std::thread t1(work, "hey send me ur pics now", Cue::kPhotoRequest, &a);
  std::thread t2(work, "r u alone? are u alone", Cue::kAloneProbe, &b);
  t1.join();
  t2.join();
  EXPECT_EQ(a, 2000);
  EXPECT_EQ(b, 2000);  // "r u alone" is not this lexicon's "are u alone": one hit each time
}

}  // namespace
}  // namespace ngb::text
