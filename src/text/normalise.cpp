// STUB (to be replaced): ASCII lower-casing and whitespace squeezing only.
#include "text/normalise.h"

namespace ngb::text {

std::string Normalise(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool space = true;
  for (char c : utf8) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!space) out.push_back(' ');
      space = true;
      continue;
    }
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    space = false;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Lang DetectLanguage(std::string_view normalised) {
  for (unsigned char c : normalised) {
    if (c == 0xD8 || c == 0xD9 || c == 0xDA || c == 0xDB) return Lang::kUrdu;
  }
  return normalised.empty() ? Lang::kUnknown : Lang::kEnglish;
}

}  // namespace ngb::text
