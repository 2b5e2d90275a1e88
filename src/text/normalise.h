// Text normalisation shared by the classifiers and the cue lexicons: both see the same canonical
// text, so a lexicon entry written "kia tum akeli ho" matches "KYA tm akeliii ho??".
#pragma once
#include <string>
#include <string_view>

#include "text/language.h"

namespace ngb::text {

// Returns the canonical form of UTF-8 text (invalid bytes become U+FFFD):
//  - Unicode NFKC and case folding; Urdu letter variants unified (ي→ی, ك→ک, ه→ہ, ...), Arabic
//    diacritics (harakat) and tatweel removed, Arabic-Indic digits → ASCII digits;
//  - elongations squeezed to at most two ("pleeeease" → "pleease", "!!!!" → "!!");
//  - leetspeak letters inside words undone ("s3nd p1cs" → "send pics") — digits standing alone
//    stay digits ("i am 14");
//  - Roman Urdu spelling variants mapped to one form (kia/kya → kya, hai/he/hay → hai, mujhe/mjhe → mujhe, ...);
//  - emoji kept, each as its own token; runs of whitespace → one space; trimmed.
// Deterministic, thread-safe, no locale dependence. Fast path for ASCII input.
std::string Normalise(std::string_view utf8);

// Which language a (normalised) text is in: Arabic script → kUrdu; Latin script → kRomanUrdu or
// kEnglish by common-word evidence; kUnknown when there is nothing to go on.
Lang DetectLanguage(std::string_view normalised);

// What DetectLanguage decides on: Arabic-script and Latin letters, and words that are evidence of
// Roman Urdu (hai, nahi, kya...) or of English (the, you, is...).
struct LanguageEvidence {
  size_t arabic = 0, latin = 0;
  int urdu_words = 0, english_words = 0;
};
LanguageEvidence CountLanguageEvidence(std::string_view normalised);
// Normalise(utf8), also setting `evidence` to CountLanguageEvidence of the result: words the
// spelling step looked up already are not looked up again (the classify hot path).
std::string Normalise(std::string_view utf8, LanguageEvidence& evidence);
// DetectLanguage's decision on evidence already counted (DetectLanguage(s) ==
// LanguageFromEvidence(CountLanguageEvidence(s))).
Lang LanguageFromEvidence(const LanguageEvidence& evidence);

namespace normalise_detail {
// Normalise without its fast paths (every text through ICU's NFKC+casefold): the reference that the
// ASCII and UTF-8 fast paths must equal byte for byte (normalise_fastpath_test.cpp). Slow; tests only.
std::string NormaliseWithIcu(std::string_view utf8);
// CountLanguageEvidence by its byte loop only (ASCII text is otherwise walked on bit masks): the
// reference for tests.
LanguageEvidence CountLanguageEvidenceBytewise(std::string_view normalised);
}  // namespace normalise_detail

}  // namespace ngb::text
