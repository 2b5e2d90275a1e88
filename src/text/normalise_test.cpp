#include "text/normalise.h"

#include <gtest/gtest.h>

#include "text/spelling_map.h"

namespace ngb::text {
namespace {

TEST(NormaliseTest, CaseAndWhitespace) {
  EXPECT_EQ(Normalise("  Hello\t\tWORLD \r\n "), "hello world");
  EXPECT_EQ(Normalise(""), "");
  EXPECT_EQ(Normalise(" \n\t "), "");
  EXPECT_EQ(Normalise("a\x01" "b"), "ab");  // control characters dropped
}

TEST(NormaliseTest, NfkcAndCaseFold) {
  EXPECT_EQ(Normalise("ＨＥＬＬＯ"), "hello");     // fullwidth
  EXPECT_EQ(Normalise("Straße"), "strasse");       // case folding
  EXPECT_EQ(Normalise("ﬁne"), "fine");             // ligature
  EXPECT_EQ(Normalise("a\u00A0b"), "a b");         // no-break space
  EXPECT_EQ(Normalise("caf\u0065\u0301"), "caf\u00e9");  // composed
}

TEST(NormaliseTest, AsciiFastPathAgreesWithIcu) {
  // The same ASCII text, once alone (fast path) and once after a non-ASCII character (ICU path).
  const char* texts[] = {"S3nd P1CS now!!!!", "Kia tum AKELI ho??", "i am 14", "pleeeease", "he is here"};
  for (const char* t : texts) {
    std::string fast = Normalise(t);
    std::string icu = Normalise(std::string("\u00e9 ") + t);
    EXPECT_EQ("\u00e9 " + fast, icu) << t;
  }
}

TEST(NormaliseTest, Elongation) {
  EXPECT_EQ(Normalise("pleeeeease"), "pleease");
  EXPECT_EQ(Normalise("noooo!!!!"), "noo!!");
  EXPECT_EQ(Normalise("1000000"), "1000000");  // digits are not squeezed
  EXPECT_EQ(Normalise("بہتتتت"), "بہتت");
}

TEST(NormaliseTest, Leetspeak) {
  EXPECT_EQ(Normalise("s3nd p1cs"), "send pics");
  EXPECT_EQ(Normalise("h3ll0"), "hello");
  EXPECT_EQ(Normalise("i am 14"), "i am 14");
  EXPECT_EQ(Normalise("14yo"), "14yo");
  EXPECT_EQ(Normalise("mp3"), "mp3");
  EXPECT_EQ(Normalise("a$$hole"), "asshole");
  EXPECT_EQ(Normalise("@user hi"), "@user hi");
  EXPECT_EQ(Normalise("room 101"), "room 101");
  EXPECT_EQ(Normalise("h264"), "h264");
}

TEST(NormaliseTest, UrduLetterVariants) {
  EXPECT_EQ(Normalise("\u064A"), "\u06CC");  // Arabic yeh → Farsi yeh
  EXPECT_EQ(Normalise("\u0649"), "\u06CC");  // alef maksura
  EXPECT_EQ(Normalise("\u0643"), "\u06A9");  // Arabic kaf → keheh
  EXPECT_EQ(Normalise("\u0647"), "\u06C1");  // heh → heh goal
  EXPECT_EQ(Normalise("\u06C0"), "\u06C1");
  EXPECT_EQ(Normalise("\u0623 \u0625 \u0671"), "\u0627 \u0627 \u0627");
  EXPECT_EQ(Normalise("\u0622"), "\u0622");  // alef madda is kept
  EXPECT_EQ(Normalise("\u06D3"), "\u06D2");
  EXPECT_EQ(Normalise("\uFEFB"), "\u0644\u0627");  // presentation form lam-alef (NFKC)
}

TEST(NormaliseTest, DiacriticsTatweelZeroWidthDigits) {
  EXPECT_EQ(Normalise("\u0628\u064E\u0651\u0627"), "\u0628\u0627");  // fatha, shadda
  EXPECT_EQ(Normalise("\u0628\u0640\u0640\u0627"), "\u0628\u0627");  // tatweel
  EXPECT_EQ(Normalise("a\u200Bb\u200Fc\u202Ad\u2066e\uFEFFf"), "abcdef");
  EXPECT_EQ(Normalise("\u0661\u0664 \u06F1\u06F4"), "14 14");
  EXPECT_EQ(Normalise("\u06A9\u06CC\u0627\u061F"), "\u06A9\u06CC\u0627?");
}

TEST(NormaliseTest, EmojiAreTokens) {
  EXPECT_EQ(Normalise("lol\U0001F602\U0001F602"), "lol \U0001F602 \U0001F602");
  EXPECT_EQ(Normalise("\U0001F602\U0001F602\U0001F602\U0001F602"), "\U0001F602 \U0001F602");
  EXPECT_EQ(Normalise("hi\U0001F44D\U0001F3FDthere"), "hi \U0001F44D there");  // skin tone dropped
  EXPECT_EQ(Normalise("\u2764\uFE0F"), "\u2764");
}

TEST(NormaliseTest, RomanUrduSpelling) {
  EXPECT_EQ(Normalise("KIA tm akeliii ho??"), "kya tum akeli ho??");
  EXPECT_EQ(Normalise("mjhe nhi pta"), "mujhe nahi pata");
  // Ambiguous variants ("he", "me") map only in Roman Urdu context.
  EXPECT_EQ(Normalise("yeh kya he yar"), "yeh kya hai yar");
  EXPECT_EQ(Normalise("he is my friend"), "he is my friend");
  EXPECT_EQ(Normalise("give me the book"), "give me the book");
}

TEST(NormaliseTest, InvalidUtf8BecomesReplacement) {
  EXPECT_EQ(Normalise("a\xFF" "b"), "a\uFFFD" "b");
  EXPECT_EQ(Normalise("\xC3"), "\uFFFD");
  std::string nul("a\0b", 3);
  EXPECT_EQ(Normalise(nul), "ab");
}

TEST(NormaliseTest, Idempotent) {
  const char* texts[] = {
      "KIA tm akeliii ho?? \U0001F602\U0001F602\U0001F602 s3nd p1cs",
      "\u0643\u064A\u0627 \u0622\u067E \u0627\u06A9\u06CC\u0644\u06CC \u06C1\u06CC\u06BA\u061F",
      "lo0o0ol", "s333nd", "pleeeease he is me", "yeh kya he yar me he", "a\xFF\xFE b",
      "h3ll0 w0rld 1337 @@@@ $$$$ !!!!", "\U0001F602 \U0001F602 \U0001F602 x \U0001F602",
      "mp3 p1c5 l33t", "ok\u200D\u200Dok", "\u0628\u0651\u064E\u0654\u0648\u0654"};
  for (const char* t : texts) {
    std::string once = Normalise(t);
    EXPECT_EQ(Normalise(once), once) << t;
  }
}

TEST(NormaliseTest, IdempotentOnGeneratedText) {
  // Deterministic pseudo-random strings over a small alphabet with every kind of special case.
  const char* pieces[] = {"a", "e", "3", "0", "1", "@", "$", " ", "kia", "he", "me", "tm", "yar", "the",
                          "\u064A", "\u0647", "\u064E", "\u0640", "\U0001F602", "\uFE0F", "!", "A", "7",
                          "\xC3", "mjhe", "2", "\u200B", "\u0654", "\u06CC"};
  uint64_t x = 12345;
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    int len = static_cast<int>(x % 12);
    for (int k = 0; k < len; ++k) {
      x = x * 6364136223846793005ull + 1442695040888963407ull;
      s += pieces[(x >> 33) % (sizeof pieces / sizeof *pieces)];
    }
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    std::string once = Normalise(s);
    ASSERT_EQ(Normalise(once), once) << s;
  }
}

TEST(LanguageTest, Detect) {
  EXPECT_EQ(DetectLanguage(Normalise("کیا آپ اکیلی ہیں؟")), Lang::kUrdu);
  EXPECT_EQ(DetectLanguage(Normalise("kia tum akeli ho")), Lang::kRomanUrdu);
  EXPECT_EQ(DetectLanguage(Normalise("yar mujhe nahi pata")), Lang::kRomanUrdu);
  EXPECT_EQ(DetectLanguage(Normalise("are you alone at home")), Lang::kEnglish);
  EXPECT_EQ(DetectLanguage(Normalise("hello")), Lang::kEnglish);  // no evidence: English
  EXPECT_EQ(DetectLanguage(Normalise("123 \U0001F602 !!")), Lang::kUnknown);
  EXPECT_EQ(DetectLanguage(""), Lang::kUnknown);
  EXPECT_EQ(DetectLanguage(Normalise("tum is the")), Lang::kEnglish);  // tie → English
}

TEST(SpellingMapTest, ParsesAndRejects) {
  auto m = SpellingMap::Parse("# c\nkia\tkya\nhe\thai\tambiguous\nplz\tplease\ten\n");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ASSERT_NE(m->Find("kia"), nullptr);
  EXPECT_EQ(m->Find("kia")->canonical, "kya");
  EXPECT_TRUE(m->Find("he")->ambiguous);
  EXPECT_EQ(m->Find("zzz"), nullptr);
  EXPECT_FALSE(SpellingMap::Parse("Kia\tkya\n").ok());
  EXPECT_FALSE(SpellingMap::Parse("kia\n").ok());
  EXPECT_FALSE(SpellingMap::Parse("kia\tkya\nkia\tkyaa\n").ok());
  EXPECT_FALSE(SpellingMap::Parse("kia\tkya\tmaybe\n").ok());
  // Chains resolve.
  auto c = SpellingMap::Parse("a\tbb\nbb\tcc\n");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->Find("a")->canonical, "cc");
  EXPECT_GT(SpellingMap::BuiltIn().size(), 300u);
}

// Find compares words by their first and last 8 bytes and length (in full past 16 bytes): words
// that share those, or differ in one byte anywhere, must not be confused.
TEST(SpellingMapTest, FindTellsCloseWordsApart) {
  const std::string long_a = "abcdefghijklmnopqrstuvwxyz", long_b = "abcdefghijklmXopqrstuvwxyz";
  auto m = SpellingMap::Parse("ab\tkya\nabcd\tkya\nabcdefgh\tkya\nabcdefghijklmnop\tkya\n" + long_a + "\tkya\n");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  for (std::string w : {"ab", "abcd", "abcdefgh", "abcdefghijklmnop", long_a.c_str()}) {
    const SpellingMap::Entry* e = m->Find(w);
    ASSERT_NE(e, nullptr) << w;
    EXPECT_EQ(e->variant, w);
    for (size_t i = 0; i < w.size(); ++i) {
      std::string v = w;
      v[i] = 'X';
      EXPECT_EQ(m->Find(v), nullptr) << v;
    }
    EXPECT_EQ(m->Find(w + "a"), nullptr) << w;
    EXPECT_EQ(m->Find(w.substr(1)), nullptr) << w;
  }
  EXPECT_EQ(m->Find(long_b), nullptr);  // same first and last 8 bytes and length as long_a
  EXPECT_EQ(m->Find(""), nullptr);
  // Every built-in entry is found as itself.
  const SpellingMap& built_in = SpellingMap::BuiltIn();
  for (std::string w : {"kia", "kya", "hai", "mujhe", "the", "please", "because"}) {
    const SpellingMap::Entry* e = built_in.Find(w);
    ASSERT_NE(e, nullptr) << w;
    EXPECT_EQ(e->variant, w);
  }
}

}  // namespace
}  // namespace ngb::text
