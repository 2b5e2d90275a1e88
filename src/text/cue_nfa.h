// The token-level automaton behind CueMatcher: every lexicon pattern compiled into one Glushkov
// NFA whose alphabet is the lexicon's vocabulary (exact words, word prefixes, "a number", "any
// word"). Matching tokenises the text (CueTokenize) and steps all patterns at once; cost grows
// with the number of tokens and of live partial matches, not with the size of the lexicons.
#pragma once
#include <memory>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "text/cue_lexicon.h"
#include "text/cues.h"

namespace ngb::text {

inline constexpr size_t kMaxCueNfaPositions = 4u << 20;  // over all patterns
inline constexpr size_t kMaxCueNfaEdges = 16u << 20;     // follow-group references

class CueNfa {
 public:
  // Compiles `entries`. Error "lexicon_too_large" when the automaton would exceed the limits above.
  static Result<std::unique_ptr<const CueNfa>> Build(const std::vector<CuePatternEntry>& entries);
  ~CueNfa();
  // Appends to `out` the hits of every pattern in `text`: for each pattern and end token the
  // leftmost start; then sorted by (end, cue, begin) with one hit kept per (cue, end) — the
  // leftmost. Thread-safe (per-thread work space).
  void Match(std::string_view text, std::vector<CueHit>& out) const;
  size_t pattern_count() const;
  size_t position_count() const;

 private:
  struct Impl;
  explicit CueNfa(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ngb::text
