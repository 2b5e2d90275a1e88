// Cue lexicon files (data/lexicons/cues-<lang>.tsv, format in docs/cue-lexicons.md) parsed into
// pattern trees, one per line (compiled by cue_nfa.h).
//
//   # comment
//   @photo<TAB>(pic*|photo*|selfie*)             a macro, usable as @photo in later lines
//   photo_request<TAB>send me @photo<TAB>note    a cue line: cue name, pattern, optional note
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "text/cue_pattern.h"
#include "text/cues.h"

namespace ngb::text {

struct CuePatternEntry {
  Cue cue;
  CueNodePtr pattern;  // see cue_pattern.h
  std::string origin;  // "cues-en.tsv:12", for error messages
};

inline constexpr size_t kMaxCueLexiconBytes = 8u << 20;
inline constexpr size_t kMaxCuePatterns = 100000;  // over all files

// Parses one lexicon file `name` with contents `text`, appending its cue lines to `out`.
// Errors: "lexicon_syntax" (bad pattern or line; detail "name:line: ..."), "lexicon_unknown_cue",
// "lexicon_too_large". Macros are local to the file. Never throws; bounded work for any input.
Status ParseCueLexicon(std::string_view name, std::string_view text,
                       std::vector<CuePatternEntry>& out);

}  // namespace ngb::text
