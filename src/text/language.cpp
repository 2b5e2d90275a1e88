#include "text/language.h"

namespace ngb::text {

std::string_view LangCode(Lang lang) {
  switch (lang) {
    case Lang::kEnglish: return "en";
    case Lang::kUrdu: return "ur";
    case Lang::kRomanUrdu: return "ur-Latn";
    case Lang::kUnknown: return "und";
  }
  return "und";
}

Lang LangFromCode(std::string_view code) {
  if (code == "en") return Lang::kEnglish;
  if (code == "ur") return Lang::kUrdu;
  if (code == "ur-Latn" || code == "roman-ur") return Lang::kRomanUrdu;
  return Lang::kUnknown;
}

}  // namespace ngb::text
