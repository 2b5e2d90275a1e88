// Normalise: a pre-pass (ICU NFKC+casefold and Urdu letter unification, or an ASCII fast path that
// gives the same result on ASCII input) to lower-case text with single spaces, then a token pass
// (leetspeak, elongation squeeze, repeated-emoji squeeze, Roman Urdu spelling).
#include "text/normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "text/ascii_masks.h"
#include "text/spelling_map.h"

namespace ngb::text {
namespace {

bool IsAsciiText(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    __builtin_memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ull) return false;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
  }
  return true;
}

constexpr bool IsAsciiSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
// Byte classes by table (the token passes test every byte; range checks there are branchy).
constexpr uint8_t kAlnum = 1, kLeetWord = 2, kLeet = 4;  // [a-z0-9]; [a-z0-9@$]; IsLeet below
struct ByteClassTable {
  uint8_t of[256];
  constexpr ByteClassTable() : of() {
    for (int c = 0; c < 256; ++c) {
      bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      bool leet = c == '0' || c == '1' || c == '3' || c == '4' || c == '5' || c == '7' || c == '@' || c == '$';
      of[c] = static_cast<uint8_t>((alnum ? kAlnum : 0) | (alnum || c == '@' || c == '$' ? kLeetWord : 0) |
                                   (leet ? kLeet : 0));
    }
  }
};
constexpr ByteClassTable kByteClass;
inline bool IsAlnum(char c) { return kByteClass.of[static_cast<unsigned char>(c)] & kAlnum; }
inline bool IsLeetWordByte(char c) { return kByteClass.of[static_cast<unsigned char>(c)] & kLeetWord; }

// Appends one space unless `out` is empty or already ends with one.
inline void Space(std::string& out) {
  if (!out.empty() && out.back() != ' ') out.push_back(' ');
}

// What AsciiPre does with each ASCII byte: 0 drop (control characters), 1 whitespace, else the byte
// to write (upper case mapped to lower case).
struct AsciiPreTable {
  unsigned char to[128];
  constexpr AsciiPreTable() : to() {
    for (int c = 0; c < 128; ++c) {
      to[c] = IsAsciiSpace(static_cast<unsigned char>(c)) ? 1
              : (c >= 'A' && c <= 'Z')                     ? static_cast<unsigned char>(c + 32)
              : (c >= 0x20 && c != 0x7F)                   ? static_cast<unsigned char>(c)
                                                           : 0;
    }
  }
};
constexpr AsciiPreTable kAsciiPre;

// REQUIRES: `in` is ASCII; `out` is empty.
void AsciiPre(std::string_view in, std::string& out) {
  out.resize(in.size());
  char* o = out.data();
  char* const begin = o;
  for (unsigned char c : in) {
    unsigned char t = kAsciiPre.to[c];
    if (t > 1) {
      *o++ = static_cast<char>(t);
    } else if (t == 1 && o != begin && o[-1] != ' ') {
      *o++ = ' ';  // a run of whitespace → one space, none at the start
    }
  }
  out.resize(static_cast<size_t>(o - begin));
}

void AppendUtf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(buf, n, 4, c, err);
  if (!err) out.append(buf, static_cast<size_t>(n));
}

// What happens to one code point after NFKC+casefold: -1 drop, -2 whitespace, else the code point.
UChar32 MapCodePoint(UChar32 c) {
  if (c < 0x80) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) return -2;
    if (c < 0x20 || c == 0x7F) return -1;
    return c;
  }
  if (c >= 0x0600 && c <= 0x06FF) {
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640) {
      return -1;  // harakat, superscript alef, Quranic marks, tatweel
    }
    if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
    switch (c) {
      case 0x064A: case 0x0649: return 0x06CC;  // ي ى → ی
      case 0x0643: return 0x06A9;               // ك → ک
      case 0x0647: case 0x06C0: case 0x06C2: case 0x06D5: return 0x06C1;  // ه ۀ ۂ ە → ہ
      case 0x0629: return 0x06C3;               // ة → ۃ
      case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673: return 0x0627;  // أ إ ٱ → ا (آ kept)
      case 0x06D3: return 0x06D2;               // ۓ → ے
      case 0x060C: return ',';
      case 0x061B: return ';';
      case 0x061F: return '?';
      case 0x06D4: return '.';
      case 0x066A: return '%';
      default: return c;
    }
  }
  if ((c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) ||
      c == 0xFEFF || c == 0x00AD || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF) ||
      (c >= 0xE0000 && c <= 0xE0FFF) || c == 0x180E) {
    return -1;  // zero-width, bidi controls, variation selectors, skin tones, tags
  }
  if (u_isUWhiteSpace(c)) return -2;
  int8_t type = u_charType(c);
  if (type == U_CONTROL_CHAR || type == U_UNASSIGNED || type == U_SURROGATE) {
    return c == 0xFFFD ? c : -1;
  }
  return c;
}

inline bool IsEmoji(UChar32 c) {
  return c >= 0x2000 && (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
                         (c >= 0x1F1E6 && c <= 0x1F1FF));
}

// Appends one code point of NFKC+casefolded text to the pre-normalised output: the part of the
// pre-pass after ICU, shared by the ICU path and the UTF-8 fast path so that both agree.
inline void EmitMapped(UChar32 c, std::string& out, bool& after_emoji) {
  UChar32 m = MapCodePoint(c);
  if (m == -1) return;
  if (m == -2) {
    Space(out);
    after_emoji = false;
    return;
  }
  if (IsEmoji(m)) {
    Space(out);
    AppendUtf8(out, m);
    after_emoji = true;
    return;
  }
  if (after_emoji) out.push_back(' ');
  after_emoji = false;
  if (m < 0x80) out.push_back(static_cast<char>(m));
  else AppendUtf8(out, m);
}

const icu::Normalizer2* NfkcCasefold() {
  static const icu::Normalizer2* nfkc_cf = [] {
    UErrorCode st = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(st);
    return U_SUCCESS(st) ? n : nullptr;
  }();
  return nfkc_cf;
}

void IcuPre(std::string_view in, std::string& out) {
  const icu::Normalizer2* nfkc_cf = NfkcCasefold();
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(
      icu::StringPiece(in.data(), static_cast<int32_t>(std::min<size_t>(in.size(), INT32_MAX))));
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString dst = nfkc_cf ? nfkc_cf->normalize(src, st) : src;
  if (U_FAILURE(st)) dst = src;
  bool after_emoji = false;
  for (int32_t i = 0; i < dst.length();) {
    UChar32 c = dst.char32At(i);
    i += U16_LENGTH(c);
    EmitMapped(c, out, after_emoji);
  }
}

// Well-formed UTF-8 (ICU's definition: no overlongs, surrogates or code points past U+10FFFF).
bool IsWellFormedUtf8(std::string_view s) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// The fast path for non-ASCII text that NFKC+casefold leaves as it is (most real text: Urdu script,
// emoji, lower-case Latin): the code points are mapped straight from the UTF-8, without converting
// to UTF-16 and back. Returns false (and leaves `out` alone) when the text needs ICU: ill-formed
// UTF-8, or text that normalisation would change. Gives IcuPre's output byte for byte otherwise,
// since ICU then converts exactly these code points and normalize() returns them unchanged.
bool Utf8Pre(std::string_view in, std::string& out) {
  const icu::Normalizer2* nfkc_cf = NfkcCasefold();
  if (!nfkc_cf || in.size() > INT32_MAX || !IsWellFormedUtf8(in)) return false;
  UErrorCode st = U_ZERO_ERROR;
  if (!nfkc_cf->isNormalizedUTF8(icu::StringPiece(in.data(), static_cast<int32_t>(in.size())), st) ||
      U_FAILURE(st)) {
    return false;
  }
  const uint8_t* p = reinterpret_cast<const uint8_t*>(in.data());
  const int32_t n = static_cast<int32_t>(in.size());
  bool after_emoji = false;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT_UNSAFE(p, i, c);
    EmitMapped(c, out, after_emoji);
  }
  return true;
}

inline bool IsLeet(char c) { return kByteClass.of[static_cast<unsigned char>(c)] & kLeet; }
inline char Unleet(char c) {
  switch (c) {
    case '0': return 'o';
    case '1': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '5': return 's';
    case '7': return 't';
    case '@': return 'a';
    default: return 's';  // '$'
  }
}

// Leetspeak inside one word (a maximal run of [a-z0-9@$]): only when the word starts with a letter,
// has at least two letters and no other digits; runs of at most two leet characters, and a run at
// the end of the word only after three letters ("pic5", not "mp3").
void UndoLeet(char* w, size_t n) {
  if (n < 3 || !IsLower(w[0])) return;
  size_t letters = 0;
  bool any_leet = false;
  for (size_t i = 0; i < n; ++i) {
    if (IsLower(w[i])) ++letters;
    else if (IsLeet(w[i])) any_leet = true;
    else return;  // 2, 6, 8, 9: a code or a number, not leetspeak
  }
  if (!any_leet || letters < 2) return;
  for (size_t i = 0; i < n;) {
    if (!IsLeet(w[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && IsLeet(w[j])) ++j;
    bool ok = j - i <= 2 && (j < n || i >= 3);
    if (ok) {
      for (size_t k = i; k < j; ++k) w[k] = Unleet(w[k]);
    }
    i = j;
  }
}

inline size_t Utf8Len(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// An elongated word the map only knows with single letters ("akelii" → "akeli"): doubled letters
// collapsed, accepted only for unflagged Roman Urdu entries.
const SpellingMap::Entry* FindSqueezed(const SpellingMap& map, std::string_view w) {
  char buf[40];
  if (w.size() > sizeof buf) return nullptr;
  size_t n = 0;
  bool doubled = false;
  for (size_t k = 0; k < w.size(); ++k) {
    if (n > 0 && buf[n - 1] == w[k] && !IsDigit(w[k])) {
      doubled = true;
      continue;
    }
    buf[n++] = w[k];
  }
  if (!doubled) return nullptr;
  const SpellingMap::Entry* e = map.Find(std::string_view(buf, n));
  if (!e || e->ambiguous || e->english || e->english_word) return nullptr;
  return e;
}

// One code point from U+2000 up (emoji, symbols; not a letter of our scripts) as a whole token.
inline bool IsSymbolToken(const std::string& s, size_t at, size_t len) {
  unsigned char lead = static_cast<unsigned char>(s[at]);
  return len >= 3 && lead >= 0xE2 && Utf8Len(lead) == len;
}

struct Run {
  uint32_t begin, end;
  const SpellingMap::Entry* entry;
};

// A word of the token pass's output already looked up in the spelling map (entry may be null), so
// that counting the language evidence of the same text need not look it up again.
struct Lookup {
  uint32_t begin, length;
  const SpellingMap::Entry* entry;
};

// Step 2 of the token pass for any UTF-8 text: `pre` squeezed into `out` (empty on entry).
void SqueezeUtf8(const std::string& pre, std::string& out) {
  out.reserve(pre.size());
  size_t tok_start = 0;                    // start of the current token in `out`
  size_t prev_off = 0, prev_len = 0, prev2_off = 0, prev2_len = 0;  // the two previous tokens
  for (size_t i = 0; i < pre.size();) {
    unsigned char c = static_cast<unsigned char>(pre[i]);
    size_t len = std::min(Utf8Len(c), pre.size() - i);
    if (c == ' ') {
      // Token ended: drop it if it is one non-ASCII symbol equal to the two tokens before it.
      size_t tl = out.size() - tok_start;
      bool single = IsSymbolToken(out, tok_start, tl);
      if (single && prev_len == tl && prev2_len == tl &&
          out.compare(tok_start, tl, out, prev_off, tl) == 0 &&
          out.compare(tok_start, tl, out, prev2_off, tl) == 0) {
        out.resize(tok_start);
      } else {
        prev2_off = prev_off;
        prev2_len = prev_len;
        prev_off = tok_start;
        prev_len = tl;
        out.push_back(' ');
      }
      tok_start = out.size();
      ++i;
      continue;
    }
    if (len == 1) {  // ASCII: the common case, without string comparisons
      size_t o = out.size();
      if (!IsDigit(static_cast<char>(c)) && o >= tok_start + 2 && out[o - 1] == pre[i] && out[o - 2] == pre[i]) {
        ++i;
        continue;
      }
      out.push_back(pre[i++]);
      continue;
    }
    std::string_view cp(pre.data() + i, len);
    bool repeat3 = true;
    if (repeat3 && out.size() >= tok_start + 2 * len &&
        std::string_view(out).substr(out.size() - len) == cp &&
        std::string_view(out).substr(out.size() - 2 * len, len) == cp) {
      i += len;
      continue;
    }
    out.append(cp);
    i += len;
  }
  {
    size_t tl = out.size() - tok_start;
    bool single = IsSymbolToken(out, tok_start, tl);
    if (single && prev_len == tl && prev2_len == tl && out.compare(tok_start, tl, out, prev_off, tl) == 0 &&
        out.compare(tok_start, tl, out, prev2_off, tl) == 0) {
      out.resize(tok_start);
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
  }
}

// Token pass over pre-normalised text (lower case, single spaces, no leading space); `ascii` when
// `pre` is ASCII. When `lookups` is not null it receives the words looked up in the result, in
// order, at their offsets in the returned text (a rewritten word with its canonical form's entry).
std::string TokenPass(std::string& pre, bool ascii, std::vector<Lookup>* lookups) {
  const SpellingMap& map = SpellingMap::BuiltIn();
  if (!pre.empty() && pre.back() == ' ') pre.pop_back();
  // 1. Leetspeak, in place (most text has no byte that could be leetspeak: one branch-free scan).
  uint8_t leet_bytes = 0;
  for (char c : pre) leet_bytes |= kByteClass.of[static_cast<unsigned char>(c)] & kLeet;
  for (size_t i = 0; leet_bytes && i < pre.size();) {
    if (!IsLeetWordByte(pre[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < pre.size() && IsLeetWordByte(pre[j])) ++j;
    UndoLeet(&pre[i], j - i);
    i = j;
  }
  // 2. Squeeze elongations (code points three or more times in a row; digits are left alone) and
  // single-symbol tokens repeated three or more times ("😂 😂 😂").
  std::string out;
  if (ascii) {
    // ASCII text has no symbol tokens, and two bytes equal to a letter before it are in its token.
    out.resize(pre.size());
    char* o = out.data();
    char* const begin = o;
    for (char c : pre) {
      if (o - begin >= 2 && o[-1] == c && o[-2] == c && c != ' ' && !IsDigit(c)) continue;
      *o++ = c;
    }
    out.resize(static_cast<size_t>(o - begin));
  } else {
    SqueezeUtf8(pre, out);
  }
  // 3. Roman Urdu spelling: find the words the map knows, weigh the evidence, then rewrite.
  thread_local std::vector<Run> runs;
  runs.clear();
  int urdu = 0, english = 0;
  bool any_map = false;
  // The words ([a-z0-9] runs): found on bit masks in ASCII text, byte by byte otherwise.
  thread_local AsciiMasks masks;
  const bool by_masks = ascii && masks.Compute(out);
  auto word_from = [&](size_t k) {
    if (by_masks) return masks.NextAlnum(k);
    while (k < out.size() && !IsAlnum(out[k])) ++k;
    return k;
  };
  auto word_end = [&](size_t k) {
    if (by_masks) return masks.NextNonAlnum(k);
    while (k < out.size() && IsAlnum(out[k])) ++k;
    return k;
  };
  for (size_t i = word_from(0); i < out.size(); i = word_from(i)) {
    const size_t j = word_end(i);
    // Only whole words between ASCII non-word characters (not '@' or '$', which belong to leetspeak
    // words: rewriting part of one could make it leetspeak on a second pass).
    auto boundary = [&](size_t k) {
      unsigned char b = static_cast<unsigned char>(out[k]);
      return b < 0x80 && b != '@' && b != '$';
    };
    bool bounded = (i == 0 || boundary(i - 1)) && (j == out.size() || boundary(j));
    if (bounded) {
      std::string_view w(out.data() + i, j - i);
      const SpellingMap::Entry* e = map.Find(w);
      if (lookups) lookups->push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j - i), e});
      if (!e) e = FindSqueezed(map, w);
      if (e) {
        auto ev = map.EvidenceOf(w, e);
        urdu += ev == SpellingMap::Evidence::kUrdu;
        english += ev == SpellingMap::Evidence::kEnglish;
        if (e->maps() || e->variant.size() != w.size()) {
          runs.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j), e});
          any_map = true;
        }
      }
    }
    i = j;
  }
  if (!any_map) return out;
  bool urdu_context = SpellingMap::RomanUrduWins(urdu, english);
  std::string res;
  res.reserve(out.size() + 16);
  size_t at = 0;
  // The lookups follow the rewrite: later words move by what each rewrite added or removed, and a
  // rewritten word's entry becomes its canonical form's (what Find would return for it).
  size_t next = 0;
  int64_t shift = 0;
  auto move_lookups_before = [&](size_t end) {
    if (!lookups) return;
    for (; next < lookups->size() && (*lookups)[next].begin < end; ++next) {
      (*lookups)[next].begin = static_cast<uint32_t>(static_cast<int64_t>((*lookups)[next].begin) + shift);
    }
  };
  for (const Run& r : runs) {
    if (r.entry->ambiguous && !urdu_context) continue;
    move_lookups_before(r.begin);
    res.append(out, at, r.begin - at);
    if (lookups && next < lookups->size() && (*lookups)[next].begin == r.begin) {
      (*lookups)[next++] = {static_cast<uint32_t>(res.size()), static_cast<uint32_t>(r.entry->canonical.size()),
                            map.CanonicalEntry(r.entry)};
    }
    res.append(r.entry->canonical);
    shift += static_cast<int64_t>(r.entry->canonical.size()) - static_cast<int64_t>(r.end - r.begin);
    at = r.end;
  }
  move_lookups_before(SIZE_MAX);
  res.append(out, at, std::string::npos);
  return res;
}

}  // namespace

namespace {

std::string NormaliseImpl(std::string_view utf8, bool fast_paths, std::vector<Lookup>* lookups) {
  thread_local std::string pre;
  pre.clear();
  pre.reserve(utf8.size() + 8);
  const bool ascii = fast_paths && IsAsciiText(utf8);
  if (ascii) AsciiPre(utf8, pre);
  else if (!fast_paths || !Utf8Pre(utf8, pre)) IcuPre(utf8, pre);
  // Leading space (the pre-passes never start with one, but a dropped first character can leave it).
  if (!pre.empty() && pre.front() == ' ') pre.erase(0, 1);
  return TokenPass(pre, ascii, lookups);
}

// The spelling-map entry of the word [i, i + length) of the text: from `known` (sorted by offset,
// `next` the first not yet passed) when the same word at the same offset is there.
inline const SpellingMap::Entry* EntryOf(const SpellingMap& map, std::string_view s, size_t i, size_t length,
                                         const std::vector<Lookup>& known, size_t& next) {
  while (next < known.size() && known[next].begin < i) ++next;
  return next < known.size() && known[next].begin == i && known[next].length == length
             ? known[next].entry
             : map.Find(s.substr(i, length));
}

// CountEvidence of ASCII text, word by word on bit masks: a word is a run of [a-z0-9] from its
// first letter on (leading digits are skipped, as the byte loop below skips them).
LanguageEvidence CountEvidenceAscii(std::string_view s, const std::vector<Lookup>& known, const AsciiMasks& masks) {
  const SpellingMap& map = SpellingMap::BuiltIn();
  size_t latin = 0, next = 0;
  int urdu = 0, english = 0;
  for (size_t i = masks.NextAlnum(0); i < s.size();) {
    const size_t end = masks.NextNonAlnum(i);
    const size_t first = masks.NextLower(i, end);
    if (first < end) {
      latin += end - first;
      auto ev = map.EvidenceOf({}, EntryOf(map, s, first, end - first, known, next));
      urdu += ev == SpellingMap::Evidence::kUrdu;
      english += ev == SpellingMap::Evidence::kEnglish;
    }
    i = masks.NextAlnum(end);
  }
  return LanguageEvidence{0, latin, urdu, english};
}

// CountLanguageEvidence, taking each word's spelling-map entry from `known` (sorted by offset) when
// the same word at the same offset is there.
LanguageEvidence CountEvidence(std::string_view s, const std::vector<Lookup>& known, bool fast_paths = true) {
  thread_local AsciiMasks masks;
  if (fast_paths && masks.Compute(s)) return CountEvidenceAscii(s, known, masks);
  const SpellingMap& map = SpellingMap::BuiltIn();
  size_t arabic = 0, latin = 0;
  int urdu = 0, english = 0;
  size_t next = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (IsLower(static_cast<char>(c))) {
      size_t j = i;
      while (j < s.size() && IsAlnum(s[j])) ++j;
      latin += j - i;
      auto ev = map.EvidenceOf({}, EntryOf(map, s, i, j - i, known, next));
      urdu += ev == SpellingMap::Evidence::kUrdu;
      english += ev == SpellingMap::Evidence::kEnglish;
      i = j;
      continue;
    }
    if (c >= 0xD8 && c <= 0xDD) {
      ++arabic;  // U+0600–U+077F: Arabic script
    } else if (c >= 0xC3 && c <= 0xC9) {
      ++latin;  // accented Latin letters
    }  // other scripts are not evidence for any of our languages
    i += Utf8Len(c);
  }
  return LanguageEvidence{arabic, latin, urdu, english};
}

}  // namespace

std::string Normalise(std::string_view utf8) { return NormaliseImpl(utf8, true, nullptr); }

std::string Normalise(std::string_view utf8, LanguageEvidence& evidence) {
  thread_local std::vector<Lookup> lookups;
  lookups.clear();
  std::string n = NormaliseImpl(utf8, true, &lookups);
  evidence = CountEvidence(n, lookups);
  return n;
}

std::string normalise_detail::NormaliseWithIcu(std::string_view utf8) { return NormaliseImpl(utf8, false, nullptr); }

LanguageEvidence CountLanguageEvidence(std::string_view s) { return CountEvidence(s, {}); }

LanguageEvidence normalise_detail::CountLanguageEvidenceBytewise(std::string_view s) {
  return CountEvidence(s, {}, false);
}

Lang DetectLanguage(std::string_view s) { return LanguageFromEvidence(CountLanguageEvidence(s)); }

Lang LanguageFromEvidence(const LanguageEvidence& e) {
  if (e.arabic > 0 && e.arabic >= e.latin) return Lang::kUrdu;
  if (e.latin == 0) return Lang::kUnknown;
  return SpellingMap::RomanUrduWins(e.urdu_words, e.english_words) ? Lang::kRomanUrdu : Lang::kEnglish;
}

}  // namespace ngb::text
