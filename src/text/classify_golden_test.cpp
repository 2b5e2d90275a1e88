// The fast classify path must give exactly the verdicts of the implementation it replaced: golden
// scores captured from that implementation (commit 28331e2) for fixed synthetic messages, and a dump
// tool to compare whole files before and after a change.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "data/embedded.h"

#include "text/classifier.h"
#include "text/model_file.h"
#include "text/normalise.h"
#include "text/text_test_util.h"

namespace ngb::text {
namespace {

struct Golden {
  const char* text;
  Lang lang;
  bool flag;
  float score;
};

// Verdicts of the built-in models as computed before the fast paths (commit 28331e2), score bits exact.
TEST(ClassifyGoldenTest, ScoresEqualTheOldImplementation) {
  const Golden kGolden[] = {
      {"kia haal hai yar", Lang::kRomanUrdu, false, 0x1.cb60b4p-4f},
      {"tum bohat ghatiya insaan ho", Lang::kRomanUrdu, true, 0x1.4707a6p-1f},
      {"you are such an idiot", Lang::kEnglish, true, 0x1.1c36b2p-3f},
      {"how was school today", Lang::kEnglish, false, 0x1.2925c8p-6f},
      {"chal nikal yahan se", Lang::kRomanUrdu, true, 0x1.027a2ap-1f},
      {"آپ کیسے ہیں", Lang::kUrdu, false, 0x1.c8432p-7f},
      {"تم بہت برے ہو", Lang::kUrdu, false, 0x1.a30ee8p-7f},
      {"S3nd P1CS now!!!!", Lang::kEnglish, false, 0x1.671938p-6f},
      {"pleeeease reply jaldi 😂😂😂", Lang::kEnglish, false, 0x1.91bd1p-5f},
      {"hey are you home alone tonight? send me a pic", Lang::kEnglish, false, 0x1.2b28bp-6f},
      {"Kia tum AKELI ho??", Lang::kRomanUrdu, false, 0x1.1beef2p-2f},
      {"i am 14", Lang::kEnglish, false, 0x1.5386bp-6f},
      {"ＨＥＬＬＯ ｆｒｉｅｎｄ", Lang::kEnglish, false, 0x1.b79f22p-6f},
      {"Straße café", Lang::kEnglish, false, 0x1.b7b988p-5f},
      {"😎🇵🇰😎", Lang::kUnknown, false, 0x1.5da12cp-5f},
      {"12345", Lang::kUnknown, false, 0x1.02066p-5f},
      {"mujhe apni pic bhejo, kisi ko mat batana", Lang::kRomanUrdu, false, 0x1.6b1738p-4f},
      {"shut up loser nobody likes you", Lang::kEnglish, true, 0x1.9494c4p-3f},
      {"ye kya bakwas hai", Lang::kRomanUrdu, true, 0x1.d8c32ap-1f},
      {"bhai tu pagal hai kya", Lang::kRomanUrdu, true, 0x1.d71992p-2f},
      {"chal nikal ghatiya insaan", Lang::kRomanUrdu, true, 0x1.b645e2p-1f},
      {"کیا تم اکیلی ہو؟ مجھے اپنی تصویر بھیجو", Lang::kUrdu, false, 0x1.937576p-6f},
      {"mera naam Ali hai aur main Lahore se hoon", Lang::kRomanUrdu, false, 0x1.1f7a52p-4f},
      {"what a stupid question lol", Lang::kEnglish, true, 0x1.871968p-3f},
  };
  auto c = AbuseClassifier::Load();
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  for (const Golden& g : kGolden) {
    Verdict v = c->Classify(g.text);
    EXPECT_EQ(v.lang, g.lang) << g.text;
    EXPECT_EQ(v.flag, g.flag) << g.text;
    EXPECT_EQ(v.score, g.score) << g.text;
    // The same through the API that takes the evidence already counted, and the one that does not.
    std::string n = Normalise(g.text);
    LanguageEvidence e = CountLanguageEvidence(n);
    for (Lang lang : {Lang::kEnglish, Lang::kUrdu, Lang::kRomanUrdu, Lang::kUnknown}) {
      Verdict a = c->ClassifyNormalised(n, lang), b = c->ClassifyNormalised(n, lang, e);
      EXPECT_EQ(a.score, b.score) << g.text;
      EXPECT_EQ(a.flag, b.flag) << g.text;
      EXPECT_EQ(a.lang, b.lang) << g.text;
    }
  }
}

// Scoring the English and Roman Urdu models from one pass over the features gives both decisions
// exactly, on corpus lines (when ../shared/data is there) and hostile strings.
TEST(ClassifyGoldenTest, PairedDecisionEqualsTwoDecisions) {
  auto en = NgbmModel::Parse(data::Embedded("models/abuse-en.ngbm"));
  auto ur = NgbmModel::Parse(data::Embedded("models/abuse-ur-Latn.ngbm"));
  ASSERT_TRUE(en.ok() && ur.ok());
  ASSERT_TRUE(en.value()->SameFeatures(*ur.value()));
  std::vector<std::string> texts = testing_util::HostileStrings(3000, 7);
  for (std::string& line : testing_util::CorpusLines(20000)) texts.push_back(Normalise(line));
  for (const std::string& t : texts) {
    auto [a, b] = en.value()->DecisionWith(*ur.value(), t);
    ASSERT_EQ(a, en.value()->Decision(t)) << t;
    ASSERT_EQ(b, ur.value()->Decision(t)) << t;
  }
}

// Not a test: with NGB_GOLDEN_IN=FILE (one message per line) prints "lang<TAB>flag<TAB>score as
// hexfloat<TAB>normalised" per line to NGB_GOLDEN_OUT, for diffing two builds:
//   NGB_GOLDEN_IN=lines.txt NGB_GOLDEN_OUT=old.tsv ngb_unit_tests --gtest_also_run_disabled_tests
//     --gtest_filter='*DISABLED_Dump*'
TEST(ClassifyGoldenTest, DISABLED_Dump) {
  const char* in = std::getenv("NGB_GOLDEN_IN");
  const char* out = std::getenv("NGB_GOLDEN_OUT");
  if (!in || !out) GTEST_SKIP() << "set NGB_GOLDEN_IN and NGB_GOLDEN_OUT";
  auto c = AbuseClassifier::Load();
  ASSERT_TRUE(c.ok());
  std::ifstream f(in, std::ios::binary);
  FILE* o = std::fopen(out, "w");
  ASSERT_NE(o, nullptr);
  for (std::string line; std::getline(f, line);) {
    std::string n = Normalise(line);
    Verdict v = c->Classify(line);
    std::fprintf(o, "%s\t%d\t%a\t%s\n", std::string(LangCode(v.lang)).c_str(), v.flag ? 1 : 0,
                 static_cast<double>(v.score), n.c_str());
  }
  std::fclose(o);
}

}  // namespace
}  // namespace ngb::text
