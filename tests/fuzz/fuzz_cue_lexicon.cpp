// Fuzz target for the cue lexicon compiler and matcher (src/text/cues.h). The input is split at
// the first "\n\n\n": before it, the text of a lexicon file (any bytes); after it, a message. A
// lexicon that compiles is then run over the message, raw and normalised. Compiling must return a
// matcher or an error and never crash or hang (pattern size and macro expansion are capped);
// matching must return hits inside the text, in end order, with valid cues.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "text/cues.h"
#include "text/normalise.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

void MatchAndCheck(const ngb::text::CueMatcher& m, std::string_view text) {
  std::vector<ngb::text::CueHit> hits;
  m.Match(text, hits);
  uint32_t last_end = 0;
  for (const ngb::text::CueHit& h : hits) {
    Check(h.cue < ngb::text::Cue::kCount);
    Check(h.begin < h.end && h.end <= text.size());
    Check(h.end >= last_end);
    last_end = h.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t cut = in.find("\n\n\n");
  std::string_view lexicon = in.substr(0, cut);
  std::string_view message = cut == std::string_view::npos ? in : in.substr(cut + 3);
  auto m = ngb::text::CueMatcher::FromLexicons({{"cues-fuzz.tsv", std::string(lexicon)}});
  if (!m.ok()) {
    Check(!m.status().reason().empty());
    return 0;
  }
  MatchAndCheck(**m, message);
  MatchAndCheck(**m, ngb::text::Normalise(message));
  return 0;
}
