// The three languages Nigehbaan reads. Codes (LangCode) are a public contract: they name model and
// lexicon files and appear in JSON output.
#pragma once
#include <cstdint>
#include <string_view>

namespace ngb::text {

enum class Lang : uint8_t {
  kEnglish,    // "en"
  kUrdu,       // "ur"       Urdu in Arabic (Nastaliq) script
  kRomanUrdu,  // "ur-Latn"  Urdu written in Latin letters, often mixed with English
  kUnknown,    // "und"
};

std::string_view LangCode(Lang lang);
Lang LangFromCode(std::string_view code);  // kUnknown if not one of the codes above

}  // namespace ngb::text
