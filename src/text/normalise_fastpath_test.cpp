// The ASCII and UTF-8 fast paths of Normalise must give exactly what the ICU path gives: on every
// corpus line (when ../shared/data is there), on hostile strings and on the cases that need ICU.
#include <gtest/gtest.h>

#include "text/normalise.h"
#include "text/text_test_util.h"

namespace ngb::text {
namespace {

using normalise_detail::NormaliseWithIcu;

TEST(NormaliseFastPathTest, EqualsIcuOnCorpusLines) {
  std::vector<std::string> lines = testing_util::CorpusLines();
  if (lines.empty()) GTEST_SKIP() << "corpora not found (set NIGEHBAAN_CORPORA)";
  size_t differ = 0;
  for (const std::string& l : lines) {
    std::string fast = Normalise(l), icu = NormaliseWithIcu(l);
    if (fast != icu && ++differ <= 5) ADD_FAILURE() << l << "\n fast: " << fast << "\n  icu: " << icu;
  }
  EXPECT_EQ(differ, 0u) << "of " << lines.size() << " lines";
}

TEST(NormaliseFastPathTest, EqualsIcuOnHostileStrings) {
  for (uint64_t seed : {1, 2, 3}) {
    for (const std::string& s : testing_util::HostileStrings(20000, seed)) {
      ASSERT_EQ(Normalise(s), NormaliseWithIcu(s)) << s;
    }
  }
}

TEST(NormaliseFastPathTest, EqualsIcuWhereNormalisationChangesText) {
  const char* texts[] = {
      "\u064A\u0654",         // yeh + hamza above composes to U+0626 (no Urdu yeh mapping then)
      "\u0627\u0653 \u0627\u0654 \u06C1\u0654 \u06D2\u0654 \u0648\u0654",  // compositions
      "\u0626 \u0622 \u06C2 \u06D3",  // precomposed forms
      "Stra\u00DFe caf\u00E9 CAF\u00C9 \u0130stanbul",  // case folding
      "\uFF28\uFF25\uFF2C\uFF2C\uFF2F \uFB01ne \u2460 \u00BD \u2122",  // compatibility forms
      "\uFEFB \uFDF2 \uFB8E",  // Arabic presentation forms
      "e\u0301\u0301\u0301 a\u030A",  // combining marks
      "\U0001F44D\U0001F3FD \U0001F1F5\U0001F1F0 \u2764\uFE0F \U0001F468\u200D\U0001F469",  // emoji
      "\xC3\x28 \xED\xA0\x80 \xF4\x90\x80\x80 \xC0\xAF \xE2\x82 abc \xFF",  // ill-formed UTF-8
      "\u0661\u0662\u0663 \u06F4\u06F5 \u060C\u061F\u06D4",  // digits and punctuation
      "\u200B\u200Fa\u202Eb\u2066c\u00ADd",  // invisible controls
      "\u00A0\u2003\u3000x\u2028y",  // other spaces
  };
  for (const char* t : texts) EXPECT_EQ(Normalise(t), NormaliseWithIcu(t)) << t;
}

bool SameEvidence(const LanguageEvidence& a, const LanguageEvidence& b) {
  return a.arabic == b.arabic && a.latin == b.latin && a.urdu_words == b.urdu_words &&
         a.english_words == b.english_words;
}

// Normalise(s, evidence) reuses the spelling step's word lookups: the same text and the evidence
// CountLanguageEvidence counts on it.
TEST(NormaliseFastPathTest, EvidenceFromNormaliseEqualsCountLanguageEvidence) {
  std::vector<std::string> texts = testing_util::CorpusLines();
  for (uint64_t seed : {4, 5}) {
    for (std::string& s : testing_util::HostileStrings(20000, seed)) texts.push_back(std::move(s));
  }
  for (const char* t : {"kia tum akeliii ho", "14yo h3ll0 kya", "hai hai he the you", "@kia $hai kia@ x", "chal nikal"}) {
    texts.push_back(t);
  }
  for (const std::string& t : texts) {
    LanguageEvidence e;
    std::string n = Normalise(t, e);
    ASSERT_EQ(n, Normalise(t)) << t;
    ASSERT_TRUE(SameEvidence(e, CountLanguageEvidence(n))) << t;
    // ASCII text is counted word by word on bit masks: the byte loop must agree, on the normalised
    // text and on the raw one (upper case, runs of digits and letters, no normalisation).
    ASSERT_TRUE(SameEvidence(CountLanguageEvidence(n), normalise_detail::CountLanguageEvidenceBytewise(n))) << t;
    ASSERT_TRUE(SameEvidence(CountLanguageEvidence(t), normalise_detail::CountLanguageEvidenceBytewise(t))) << t;
  }
}

}  // namespace
}  // namespace ngb::text
