// The cue pattern language (docs/cue-lexicons.md): a small, word-level pattern syntax a case
// worker can review, parsed into a tree that cue_nfa.h compiles.
//
//   send me (your|ur) @photo      words separated by spaces, each matched as a whole word
//   pic*                          prefix wildcard: "pic", "pics", "picture"
//   (a|b c|d)                     alternatives of words or phrases (may nest)
//   word?   (a|b)?   @macro?      optional item
//   ~N                            a gap of 0..N arbitrary words (1 <= N <= 9), between items only
//   #                             a number (1..7 digits)
//   $                             the end of the message ("i'm 13 (years|yo|$)")
//   @name                         a macro defined earlier in the same lexicon file
//
// Text and patterns are compared token by token (CueTokenize): a token is a run of word
// characters (letters, digits and marks of the Latin, Arabic/Urdu, Greek, Cyrillic and Devanagari
// blocks, '_', ZWNJ) or one other symbol (an emoji); spaces and punctuation, ASCII or Urdu
// (، ؛ ؟ ۔), only separate tokens. So "don't" is the two tokens "don" "t", in text and pattern alike.
// Literal words are passed through text::Normalise; when the normalised form differs from the
// written (ASCII-lower-cased) form, both are accepted.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ngb::text {

struct CueToken {
  uint32_t begin;  // byte range in the text
  uint32_t end;
};

// Appends the tokens of `text` to `out`. Invalid UTF-8 bytes separate tokens. Texts longer than
// 4 GiB are cut (offsets are 32-bit).
void CueTokenize(std::string_view text, std::vector<CueToken>& out);
bool IsCueWordChar(char32_t cp);

// Pattern tree. Nodes are immutable once built and may be shared (macros).
struct CueNode {
  enum class Kind : uint8_t {
    kWord,    // one token: `text` exactly, or any token starting with `text` when `prefix`
    kNumber,  // a token of 1..7 ASCII digits
    kAny,     // any one token (gaps)
    kEnd,     // the end of the text (consumes no token)
    kSeq,     // children in order
    kAlt,     // one of the children
    kOpt,     // the single child or nothing
  };
  Kind kind;
  bool prefix = false;
  uint16_t depth = 1;  // height of the tree below, macros included
  std::string text;
  std::vector<std::shared_ptr<const CueNode>> children;
};
using CueNodePtr = std::shared_ptr<const CueNode>;
using CueMacros = std::map<std::string, CueNodePtr, std::less<>>;

inline constexpr size_t kMaxCuePatternBytes = 2048;  // one pattern as written
inline constexpr size_t kMaxCuePositions = 20000;    // word slots in one pattern, macros expanded
inline constexpr size_t kMaxCueDepth = 200;          // tree height, macros included

// Parses `pattern`. Errors: "lexicon_syntax" with a detail that says what is wrong and where
// (column; the caller adds file and line). Never throws; bounded work and size for any input.
Result<CueNodePtr> ParseCuePattern(std::string_view pattern, const CueMacros& macros);

// Number of word slots (NFA positions) of a tree with macros expanded, saturating at `cap`+1.
size_t CuePositionCount(const CueNode& node, size_t cap);

}  // namespace ngb::text
