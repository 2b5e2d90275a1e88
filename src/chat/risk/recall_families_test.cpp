// The phrase families added for recall (data/lexicons/cues-*.tsv, "session 4") and the detector
// rules they feed, on short conversations written for this test (not taken from the devset): each
// family fires in English, Urdu and Roman Urdu, and the hard negatives it could be confused with
// stay quiet. Signals come from the real built-in cue lexicons; the abuse classifier is left out
// (score 0), so bullying here rests on the lexicons alone.
#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "chat/risk/detector.h"
#include "text/cues.h"
#include "text/normalise.h"

namespace ngb::chat {
namespace {

using text::Cue;

const text::CueMatcher& Builtin() {
  static std::shared_ptr<const text::CueMatcher> m = [] {
    auto r = text::CueMatcher::Load("");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : nullptr;
  }();
  return *m;
}

CueMask CuesOf(std::string_view raw) {
  std::vector<text::CueHit> hits;
  Builtin().Match(text::Normalise(raw), hits);
  CueMask mask = 0;
  for (const text::CueHit& h : hits) mask |= Bit(h.cue);
  return mask;
}

ConversationRisk Analyse(const std::vector<std::pair<const char*, const char*>>& lines) {
  Conversation conv;
  std::vector<MessageSignals> sig;
  for (const auto& [author, text] : lines) {
    Message m;
    m.author = author;
    m.text = text;
    conv.messages.push_back(m);
    MessageSignals s;
    s.cues = CuesOf(text);
    sig.push_back(s);
  }
  return DetectRisks(conv, sig);
}

bool Has(const ConversationRisk& r, Label label) {
  for (const LabelFinding& f : r.findings) {
    if (f.label == label) return true;
  }
  return false;
}

struct Case {
  const char* text;
  Cue cue;
};

// Each case's cue fires on its text (`fires`), or does not.
template <size_t N>
void ExpectCues(const Case (&cases)[N], bool fires) {
  for (const Case& c : cases) {
    EXPECT_EQ((CuesOf(c.text) & Bit(c.cue)) != 0, fires)
        << text::CueName(c.cue) << (fires ? " should fire on: " : " should not fire on: ") << c.text;
  }
}

TEST(RecallFamilies, NewPhrasesFire) {
  const Case cases[] = {
      {"we shouldn't mention our chats to your dad", Cue::kSecrecy},
      {"just tell your mum you're at the library", Cue::kSecrecy},
      {"your friends are just jealous of us", Cue::kSecrecy},
      {"you look so grown up for 13", Cue::kFlattery},
      {"age is just a number", Cue::kFlattery},
      {"go live tonight only for me", Cue::kVideoCallPressure},
      {"keep your camera pointing at the bed", Cue::kVideoCallPressure},
      {"when your parents are asleep we can talk", Cue::kAloneProbe},
      {"i'll send you 300 diamonds", Cue::kGiftOffer},
      {"guess what i screenshotted", Cue::kImagePossession},
      {"i'm gonna post the video to your whole class", Cue::kThreatToShare},
      {"do it or it's going on my story", Cue::kThreatToShare},
      {"you have until midnight", Cue::kMoneyDemand},
      {"or the videos end up on the class group chat", Cue::kThreatToShare},
      {"your brother will see those pics next", Cue::kThreatToShare},
      {"have you ever done anything with a boy", Cue::kSexualTalk},
      {"you're the weirdest kid in our year", Cue::kInsult},
      {"why are you still in this group", Cue::kHumiliation},
      // Roman Urdu
      {"tum 12 saal ki ho na", Cue::kAgeProbe},
      {"abhi kisi ko kuch mat batana", Cue::kSecrecy},
      {"unko pata nahi chalega", Cue::kSecrecy},
      {"jab ghar wale so jayen to batana", Cue::kAloneProbe},
      {"ye pics khala ko bhej dunga", Cue::kThreatToShare},
      {"tu itni ajeeb kyun hai", Cue::kInsult},
      {"koi uske sath nahi baithta", Cue::kHumiliation},
      {"agar pyar karti ho to bhej do", Cue::kImageDemand},
      // Urdu
      {"تم بارہ سال کی ہو", Cue::kAgeProbe},
      {"ابو کو بالکل مت بتانا", Cue::kSecrecy},
      {"سنیپ چیٹ پر بات کرو", Cue::kPlatformMove},
      {"جب سب سو جائیں تب کال کرنا", Cue::kAloneProbe},
      {"یہ ویڈیو خالہ کو بھیج دوں گا", Cue::kThreatToShare},
      {"تم جیسی بیوقوف", Cue::kInsult},
      {"کوئی تمہیں پسند نہیں کرتا", Cue::kHumiliation},
  };
  ExpectCues(cases, true);
}

TEST(RecallFamilies, NearMissesStayQuiet) {
  const Case cases[] = {
      {"they don't know the answer either", Cue::kSecrecy},
      {"tell him it's at 5 on saturday", Cue::kSecrecy},
      {"give me 5 minutes and i'll call", Cue::kMoneyDemand},
      {"do you have more photos from the trip", Cue::kPhotoRequest},
      {"why are you still in bed", Cue::kHumiliation},
      {"stay home tomorrow if you're sick", Cue::kHumiliation},
      {"lock the door when you leave", Cue::kAloneProbe},
      {"i'll give you a tip for the exam", Cue::kGiftOffer},
      {"your dad gets the car first", Cue::kThreatToShare},
      {"remember the photos from the wedding", Cue::kImagePossession},
      {"kis class mein ho", Cue::kSexualTalk},
      {"ammi ko pata chal gaya to", Cue::kNewsContext},  // Roman Urdu "pta" is not the telecom authority
      {"میں تمہیں نیا فون دلا دوں گا", Cue::kInsult},       // دلا = "get for", not the slur
      {"tumhare liye khana rakha hai", Cue::kGiftOffer},
  };
  ExpectCues(cases, false);
}

TEST(RecallFamilies, LiveStreamBuyerIsLivestreamingNotGrooming) {
  ConversationRisk r = Analyse({{"viewer", "go live tonight when your parents are asleep"},
                                {"kid", "my mum says i'm not allowed"},
                                {"viewer", "she won't know. i'll send you 500 coins"},
                                {"viewer", "keep your door locked and do the poses i ask on camera"},
                                {"kid", "no i don't want to"}});
  EXPECT_TRUE(Has(r, Label::kLivestreaming));
  EXPECT_FALSE(Has(r, Label::kGrooming));
}

TEST(RecallFamilies, AgeInWordsMarksChildTarget) {
  // Roman Urdu grooming where the child answers the age question in words.
  ConversationRisk yes = Analyse({{"Uncle", "tumhari umar kya hai"},
                                  {"Kid", "terah"},
                                  {"Uncle", "ghar walon ko mat batana, ye hamara raaz hai"},
                                  {"Uncle", "akeli aa jana, tumhe ghumane le chalunga"}});
  EXPECT_TRUE(Has(yes, Label::kGrooming));
  // Urdu and English: the school year or the age in words.
  ConversationRisk ur = Analyse({{"Man", "کس کلاس میں ہو؟"},
                                 {"Girl", "نویں میں"},
                                 {"Man", "کسی کو مت بتانا"},
                                 {"Man", "اپنی تصویر بھیجو"}});
  EXPECT_TRUE(Has(ur, Label::kGrooming));
  // English: the same adult after three different replies to "how old are you".
  auto after_reply = [](std::vector<const char*> replies) {
    std::vector<std::pair<const char*, const char*>> lines{{"Man", "how old are you"}};
    for (const char* reply : replies) lines.emplace_back("Kid", reply);
    lines.emplace_back("Man", "don't tell your parents we talk");
    lines.emplace_back("Man", "send me your pic");
    return Analyse(lines);
  };
  const size_t g = static_cast<size_t>(Label::kGrooming);
  ConversationRisk en = after_reply({"thirteen"});
  ConversationRisk unknown = after_reply({"why"});
  // "ten minutes" long after the question is not an answer.
  ConversationRisk late = after_reply({"why", "brb", "back", "hm", "ten minutes and i'm home"});
  EXPECT_TRUE(Has(en, Label::kGrooming));
  EXPECT_GT(en.scores[g], unknown.scores[g] + 0.2f);  // the age in words marks a child target
  EXPECT_FLOAT_EQ(late.scores[g], unknown.scores[g]);
  // The same shape between a cousin and an adult about a surprise party: no age, no alone.
  ConversationRisk no = Analyse({{"Sara", "ammi ko mat batana, surprise party hai"},
                                 {"Ali", "theek hai"},
                                 {"Sara", "kal sham ko milte hain"}});
  EXPECT_FALSE(Has(no, Label::kGrooming));
}

TEST(RecallFamilies, ExtraLessonAloneIsNotDiscountedAsSchool) {
  ConversationRisk r = Analyse({{"Teacher", "گھر پر کسی کو مت بتانا"},
                                {"Student", "جی"},
                                {"Teacher", "عصر کے بعد اکیلے آ جانا، کمرے میں خاص سبق دوں گا"},
                                {"Teacher", "اماں کو کہنا کہ ٹیوشن دیر تک تھی"}});
  EXPECT_TRUE(Has(r, Label::kGrooming));
  // An ordinary online-class reminder stays school logistics.
  ConversationRisk no = Analyse({{"Teacher", "kal online class hai, camera on karna"},
                                 {"Student", "ji sir"},
                                 {"Teacher", "homework ki pic bhej dena"}});
  EXPECT_TRUE(no.findings.empty());
}

TEST(RecallFamilies, SextortionViaStoryAndDeadline) {
  ConversationRisk r = Analyse({{"X", "remember that pic from the sleepover"},
                                {"Y", "what about it"},
                                {"X", "send me 50 by friday or it's going on my story"},
                                {"Y", "please don't"},
                                {"X", "you have until friday"}});
  EXPECT_TRUE(Has(r, Label::kSextortion));
  // A photographer chasing a balance: holds photos, wants money, threatens nothing.
  ConversationRisk no = Analyse({{"Studio", "remember the photos from the shoot"},
                                 {"Client", "yes"},
                                 {"Studio", "please send the balance by friday, then we deliver the album"}});
  EXPECT_FALSE(Has(no, Label::kSextortion));
}

// Session 8: the target's pushback against mockery, and mockery without swear words, in the three
// languages (phrased for this test; the development and holdout sets have other wordings).
TEST(RecallFamilies, BullyingPushbackAndMockeryFire) {
  const Case cases[] = {
      {"stop making fun of me", Cue::kRefusal},
      {"keep my brother out of this", Cue::kRefusal},
      {"that's not funny at all", Cue::kRefusal},
      {"take down the meme", Cue::kRefusal},
      {"why do you guys hate me so much", Cue::kDistress},
      {"what have i done to deserve this", Cue::kDistress},
      {"great singer, but not in a good way", Cue::kHumiliation},
      {"even your own mom seemed embarrassed", Cue::kHumiliation},
      {"ur literally so tiny", Cue::kInsult},
      {"hamara mazak mat udao", Cue::kRefusal},
      {"meri ammi ko beech mein mat lao", Cue::kRefusal},
      {"mene tera kya bigara hai", Cue::kDistress},
      {"ہمارا مذاق مت اڑاؤ", Cue::kRefusal},
      {"میری امی کو بیچ میں مت لاؤ", Cue::kRefusal},
      {"میں نے تیرا کیا بگاڑا", Cue::kDistress},
  };
  ExpectCues(cases, true);
  const Case quiet[] = {
      {"mazak mat karo yaar, seriously batao", Cue::kRefusal},  // "don't joke, tell me" is not pushback
      {"this cake is not bad at all", Cue::kRefusal},
      {"you're so tall now", Cue::kInsult},
      {"even she looked happy", Cue::kHumiliation},
  };
  ExpectCues(quiet, false);
}

// Mockery without swear words, repeated at one person who objects, is bullying; the same jokes
// traded among friends who laugh along are not.
TEST(RecallFamilies, MockeryTheTargetObjectsToIsBullying) {
  ConversationRisk r = Analyse({{"Sam", "did you hear Jo in assembly, great singer but not in a good way"},
                                {"Jo", "stop making fun of me"},
                                {"Sam", "jo even your own mom seemed embarrassed"},
                                {"Alex", "jo ur literally so tiny"},
                                {"Jo", "why do you guys hate me so much"}});
  EXPECT_TRUE(Has(r, Label::kCyberbullying));
  ConversationRisk banter = Analyse({{"Sam", "great goal, but not in a good way lol"},
                                     {"Jo", "haha says you"},
                                     {"Sam", "see you at practice"}});
  EXPECT_FALSE(Has(banter, Label::kCyberbullying));
}

TEST(RecallFamilies, RepeatedPutDownsAreBullyingOneTeaseIsNot) {
  ConversationRisk r = Analyse({{"A", "tu itna weird kyun hai"},
                                {"B", "chill karo"},
                                {"A", "koi tumhare sath nahi baithta"},
                                {"A", "school chor de"}});
  EXPECT_TRUE(Has(r, Label::kCyberbullying));
  ConversationRisk once = Analyse({{"A", "you're the weirdest person i know lol"},
                                   {"B", "haha takes one to know one"},
                                   {"A", "see you at practice"}});
  EXPECT_FALSE(Has(once, Label::kCyberbullying));
}

}  // namespace
}  // namespace ngb::chat
