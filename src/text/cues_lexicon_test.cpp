// The built-in lexicons (data/lexicons/cues-*.tsv, compiled into the binary): every cue fires in
// every language on realistic messages, and near-misses do not fire.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>

#include "data/embedded.h"
#include "text/cues.h"
#include "text/normalise.h"

namespace ngb::text {
namespace {

const CueMatcher& Builtin() {
  static std::shared_ptr<const CueMatcher> m = [] {
    auto r = CueMatcher::Load("");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : nullptr;
  }();
  return *m;
}

std::set<Cue> CuesOf(std::string_view raw) {
  std::vector<CueHit> hits;
  Builtin().Match(Normalise(raw), hits);
  std::set<Cue> out;
  for (const CueHit& h : hits) out.insert(h.cue);
  return out;
}

struct Case {
  const char* text;
  Cue cue;
};

void ExpectFires(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_TRUE(CuesOf(c.text).count(c.cue)) << CueName(c.cue) << " should fire on: " << c.text;
  }
}

TEST(CueLexicons, LoadAndSize) {
  auto r = CueMatcher::Load("");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GT((*r)->pattern_count(), 600u);
  EXPECT_FALSE(data::Embedded("lexicons/cues-en.tsv").empty());
  EXPECT_FALSE(data::Embedded("lexicons/cues-ur.tsv").empty());
  EXPECT_FALSE(data::Embedded("lexicons/cues-ur-Latn.tsv").empty());
}

TEST(CueLexicons, LoadsUnderOneSecond) {
  auto t0 = std::chrono::steady_clock::now();
  auto r = CueMatcher::Load("");
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(r.ok());
  EXPECT_LT(ms, 1000.0);  // ~70 ms measured on a loaded 2-core box; generous for sanitizers
}

TEST(CueLexicons, LoadFromDirectory) {
  auto dir = std::filesystem::temp_directory_path() / "ngb_cue_lexicon_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "cues-xx.tsv") << "joking\tbanana split\n";
  std::ofstream(dir / "other.tsv") << "not a lexicon\n";
  auto r = CueMatcher::Load(dir.string());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->pattern_count(), 1u);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(CueMatcher::Load(dir.string()).status().reason(), "lexicon_io");
}

TEST(CueLexicons, EveryCueFiresInEnglish) {
  ExpectFires({
      {"you are such an idiot", Cue::kInsult},
      {"u r so ugly lol", Cue::kInsult},
      {"i will kill you", Cue::kThreat},
      {"i know where you live", Cue::kThreat},
      {"kys nobody would miss you", Cue::kHumiliation},
      {"everyone is laughing at you", Cue::kHumiliation},
      {"send me something hot", Cue::kSexualTalk},
      {"what are you wearing rn", Cue::kSexualTalk},
      {"send me ur pic plz", Cue::kPhotoRequest},
      {"can u send me a selfie", Cue::kPhotoRequest},
      {"let me see your face", Cue::kPhotoRequest},
      {"come on video call now", Cue::kVideoCallPressure},
      {"turn on your camera", Cue::kVideoCallPressure},
      {"how old are you?", Cue::kAgeProbe},
      {"which class are you in", Cue::kAgeProbe},
      {"where do you live", Cue::kLocationProbe},
      {"which school do you go to", Cue::kLocationProbe},
      {"are you alone?", Cue::kAloneProbe},
      {"are your parents home", Cue::kAloneProbe},
      {"don't tell your parents about us", Cue::kSecrecy},
      {"delete this chat after reading", Cue::kSecrecy},
      {"add me on snap", Cue::kPlatformMove},
      {"whats your whatsapp number", Cue::kPlatformMove},
      {"i'll buy you a new phone", Cue::kGiftOffer},
      {"i can send you load", Cue::kGiftOffer},
      {"lets meet tomorrow after school", Cue::kMeetingProposal},
      {"i will pick you up from school", Cue::kMeetingProposal},
      {"you are so mature for your age", Cue::kFlattery},
      {"ur so beautiful", Cue::kFlattery},
      {"i have your pics", Cue::kImagePossession},
      {"i recorded the video call", Cue::kImagePossession},
      {"i will send them to your family", Cue::kThreatToShare},
      {"im gonna post your pics online", Cue::kThreatToShare},
      {"send 5000 rs on jazzcash now", Cue::kMoneyDemand},
      {"transfer the money to this easypaisa account", Cue::kMoneyDemand},
      {"send more pics", Cue::kImageDemand},
      {"if you don't send i will post them", Cue::kImageDemand},
      {"i'm 13", Cue::kMinorIndicator},
      {"my mom won't let me", Cue::kMinorIndicator},
      {"send me the homework pic", Cue::kSchoolContext},
      {"zoom class link?", Cue::kSchoolContext},
      {"news: man arrested by FIA for sextortion", Cue::kNewsContext},
      {"lol just kidding", Cue::kJoking},
      {"😂😂", Cue::kJoking},
      {"no i won't", Cue::kRefusal},
      {"leave me alone", Cue::kRefusal},
      {"i'm scared", Cue::kDistress},
      {"please don't send it to anyone", Cue::kDistress},
  });
}

TEST(CueLexicons, EveryCueFiresInRomanUrdu) {
  ExpectFires({
      {"tum pagal ho", Cue::kInsult},
      {"apni shakal dekho", Cue::kInsult},
      {"jaan se maar dunga", Cue::kThreat},
      {"dekh lunga tujhe", Cue::kThreat},
      {"khud ko maar lo", Cue::kHumiliation},
      {"sab tum par hasenge", Cue::kHumiliation},
      {"gandi baatein karo", Cue::kSexualTalk},
      {"apni pic bhejo na", Cue::kPhotoRequest},
      {"apni tasveer send karo", Cue::kPhotoRequest},
      {"video call karo abhi", Cue::kVideoCallPressure},
      {"camera on karo", Cue::kVideoCallPressure},
      {"tum kitne saal ki ho", Cue::kAgeProbe},
      {"kis class mein ho", Cue::kAgeProbe},
      {"kahan rehti ho", Cue::kLocationProbe},
      {"location bhejo", Cue::kLocationProbe},
      {"kya tum akeli ho", Cue::kAloneProbe},
      {"ghar pe koi hai?", Cue::kAloneProbe},
      {"kisi ko mat batana", Cue::kSecrecy},
      {"chat delete kar do", Cue::kSecrecy},
      {"whatsapp pe aao", Cue::kPlatformMove},
      {"apna number do", Cue::kPlatformMove},
      {"main tumhe naya phone dilaunga", Cue::kGiftOffer},
      {"load karwa dun?", Cue::kGiftOffer},
      {"kab milogi", Cue::kMeetingProposal},
      {"school ke bahar milo", Cue::kMeetingProposal},
      {"tum bohat khubsurat ho", Cue::kFlattery},
      {"mere paas tumhari pics hain", Cue::kImagePossession},
      {"tumhare abbu ko bhej dunga", Cue::kThreatToShare},
      {"sab ko bhej dunga", Cue::kThreatToShare},
      {"5 hazar bhejo", Cue::kMoneyDemand},
      {"easypaisa pe bhejo", Cue::kMoneyDemand},
      {"aur pics bhejo", Cue::kImageDemand},
      {"main 13 saal ki hun", Cue::kMinorIndicator},
      {"ammi nahi jane deti", Cue::kMinorIndicator},
      {"homework ki pic bhejo", Cue::kSchoolContext},
      {"khabar mein aaya ke police ne giraftar kiya", Cue::kNewsContext},
      {"mazaq kar raha tha yaar", Cue::kJoking},
      {"nahi bhejungi", Cue::kRefusal},
      {"mujhe tang mat karo", Cue::kRefusal},
      {"mujhe dar lag raha hai", Cue::kDistress},
      {"plz aisa mat karo", Cue::kDistress},
  });
}

TEST(CueLexicons, EveryCueFiresInUrdu) {
  ExpectFires({
      {"تم پاگل ہو", Cue::kInsult},
      {"جان سے مار دوں گا", Cue::kThreat},
      {"خود کو مار لو", Cue::kHumiliation},
      {"گندی باتیں کرو", Cue::kSexualTalk},
      {"اپنی تصویر بھیجو", Cue::kPhotoRequest},
      {"ویڈیو کال کرو", Cue::kVideoCallPressure},
      {"تم کتنے سال کی ہو؟", Cue::kAgeProbe},
      {"کہاں رہتی ہو", Cue::kLocationProbe},
      {"کیا تم اکیلی ہو؟", Cue::kAloneProbe},
      {"کسی کو مت بتانا۔", Cue::kSecrecy},
      {"واٹس ایپ پر آؤ", Cue::kPlatformMove},
      {"میں تمہیں نیا فون دلاؤں گا", Cue::kGiftOffer},
      {"اسکول کے باہر ملو", Cue::kMeetingProposal},
      {"تم بہت خوبصورت ہو", Cue::kFlattery},
      {"میرے پاس تمہاری تصویریں ہیں", Cue::kImagePossession},
      {"تمہارے ابو کو بھیج دوں گا", Cue::kThreatToShare},
      {"پیسے بھیجو ورنہ", Cue::kMoneyDemand},
      {"اور تصویریں بھیجو", Cue::kImageDemand},
      {"میں 13 سال کی ہوں", Cue::kMinorIndicator},
      {"ہوم ورک کی تصویر بھیجو", Cue::kSchoolContext},
      {"خبر میں آیا کہ ملزم گرفتار", Cue::kNewsContext},
      {"مذاق کر رہا تھا", Cue::kJoking},
      {"نہیں بھیجوں گی", Cue::kRefusal},
      {"مجھے ڈر لگ رہا ہے", Cue::kDistress},
  });
}

TEST(CueLexicons, NearMissesDoNotFire) {
  struct Miss {
    const char* text;
    Cue cue;
  };
  const Miss misses[] = {
      {"send me the homework pic", Cue::kPhotoRequest},
      {"how old is this phone", Cue::kAgeProbe},
      {"nice pic of the mountains", Cue::kPhotoRequest},
      {"i'm 10 minutes late", Cue::kMinorIndicator},
      {"see you tomorrow at school", Cue::kMeetingProposal},
      {"the video on youtube is great", Cue::kVideoCallPressure},
      {"i will send it to you tonight", Cue::kThreatToShare},
      {"send it now", Cue::kImageDemand},
      {"the assignment deadline is friday", Cue::kMoneyDemand},
      {"lunch tomorrow?", Cue::kMeetingProposal},
      {"which city is best for holidays", Cue::kLocationProbe},
      {"i want to watch a movie", Cue::kGiftOffer},
      {"bus stop is near", Cue::kRefusal},
      {"picnic on sunday", Cue::kPhotoRequest},
      {"phir milte hain", Cue::kMeetingProposal},
      {"homework ki pic bhejo", Cue::kPhotoRequest},
      {"ہوم ورک کی تصویر بھیجو", Cue::kPhotoRequest},
      {"adult education classes", Cue::kSexualTalk},
      {"did you do it yet", Cue::kSexualTalk},
  };
  for (const Miss& m : misses) {
    EXPECT_FALSE(CuesOf(m.text).count(m.cue)) << CueName(m.cue) << " fired on: " << m.text;
  }
}

TEST(CueLexicons, OrdinaryChatIsQuiet) {
  const char* chat[] = {
      "hey how r u", "kya haal hai", "ok see you", "thanks yaar", "آج موسم اچھا ہے",
      "did you eat", "match dekha kal?", "good morning", "where is the charger", "ji theek hai",
  };
  for (const char* t : chat) {
    std::set<Cue> c = CuesOf(t);
    EXPECT_TRUE(c.empty()) << t << " fired " << CueName(*c.begin());
  }
}

}  // namespace
}  // namespace ngb::text
