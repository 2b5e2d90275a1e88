#include "text/cue_pattern.h"

#include <algorithm>

#include "text/normalise.h"

namespace ngb::text {
namespace {

struct Range {
  char32_t lo, hi;
};
// Word characters (sorted, disjoint). Arabic-script punctuation (، ؛ ؟ ۔ ٪ ٫ ٬ ٭) is left out.
constexpr Range kWordRanges[] = {
    {'0', '9'},         {'A', 'Z'},         {'_', '_'},         {'a', 'z'},
    {0xAA, 0xAA},       {0xB5, 0xB5},       {0xBA, 0xBA},       {0xC0, 0xD6},
    {0xD8, 0xF6},       {0xF8, 0x24F},      {0x300, 0x36F},     {0x370, 0x3FF},
    {0x400, 0x52F},     {0x610, 0x61A},     {0x620, 0x669},     {0x66E, 0x6D3},
    {0x6D5, 0x6FF},     {0x750, 0x77F},     {0x8A0, 0x8FF},     {0x900, 0x97F},
    {0x1E00, 0x1EFF},   {0x200C, 0x200C},   {0xFB50, 0xFDFF},   {0xFE70, 0xFEFE},
};

// Decodes one UTF-8 code point at s[i]; advances i. Returns -1 on invalid input.
int32_t DecodeUtf8(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { ++i; return c; }
  int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (len == 0 || c > 0xF4 || i + len > s.size()) return -1;
  int32_t cp = c & (0x3F >> (len - 1));
  for (int k = 1; k < len; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (d & 0x3F);
  }
  static constexpr int32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
  i += len;
  return cp;
}

// Characters that only separate tokens: ASCII non-word characters, Latin-1 punctuation, Urdu
// punctuation, general punctuation (incl. ZWJ), CJK punctuation, variation selectors, BOM,
// U+FFFD and emoji skin-tone modifiers. Any other non-word character is a token by itself.
bool IsSeparator(char32_t cp) {
  if (cp < 0x80) return true;  // callers test IsCueWordChar first
  return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || cp == 0x60C || cp == 0x61B ||
         cp == 0x61F || (cp >= 0x66A && cp <= 0x66D) || cp == 0x6D4 ||
         (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFFD ||
         (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

constexpr int kMaxDepth = 12;
constexpr int kMaxGap = 9;

CueNodePtr Leaf(CueNode::Kind kind, std::string text = {}, bool prefix = false) {
  auto n = std::make_shared<CueNode>();
  n->kind = kind;
  n->text = std::move(text);
  n->prefix = prefix;
  return n;
}

CueNodePtr Inner(CueNode::Kind kind, std::vector<CueNodePtr> children) {
  auto n = std::make_shared<CueNode>();
  n->kind = kind;
  n->children = std::move(children);
  for (const CueNodePtr& c : n->children) {
    n->depth = static_cast<uint16_t>(std::max<size_t>(n->depth, std::min<size_t>(c->depth + 1u, 60000)));
  }
  return n;
}

// A phrase as written or normalised: its tokens in sequence; `prefix` applies to the last one.
CueNodePtr PhraseNode(std::string_view phrase, bool prefix) {
  std::vector<CueToken> toks;
  CueTokenize(phrase, toks);
  if (toks.empty()) return nullptr;
  std::vector<CueNodePtr> words;
  for (size_t i = 0; i < toks.size(); ++i) {
    words.push_back(Leaf(CueNode::Kind::kWord,
                         std::string(phrase.substr(toks[i].begin, toks[i].end - toks[i].begin)),
                         prefix && i + 1 == toks.size()));
  }
  return words.size() == 1 ? words[0] : Inner(CueNode::Kind::kSeq, std::move(words));
}

bool SamePhrase(const CueNode& a, const CueNode& b) {
  if (a.kind != b.kind || a.text != b.text || a.prefix != b.prefix) return false;
  if (a.children.size() != b.children.size()) return false;
  for (size_t i = 0; i < a.children.size(); ++i) {
    if (!SamePhrase(*a.children[i], *b.children[i])) return false;
  }
  return true;
}

std::string AsciiLower(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return r;
}

bool IsMacroNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

struct Item {
  CueNodePtr node;
  bool optional = false;
  bool gap = false;
};

class Parser {
 public:
  Parser(std::string_view text, const CueMacros& macros) : s_(text), macros_(macros) {}

  Result<CueNodePtr> Run() {
    CueNodePtr root;
    if (!ParseSeq(0, root)) return Fail();
    if (pos_ < s_.size()) {
      Error(s_[pos_] == ')' ? "unbalanced ')'" : "'|' outside parentheses");
      return Fail();
    }
    if (root->depth > kMaxCueDepth) {
      return Status::Error("lexicon_syntax", "pattern nested too deeply once macros are expanded");
    }
    if (CuePositionCount(*root, kMaxCuePositions) > kMaxCuePositions) {
      return Status::Error("lexicon_syntax", "pattern too large once macros are expanded");
    }
    return root;
  }

 private:
  Status Fail() const {
    return Status::Error("lexicon_syntax", error_ + " at column " + std::to_string(pos_ + 1));
  }
  bool Error(std::string msg) {
    if (error_.empty()) error_ = std::move(msg);
    return false;
  }
  void SkipSpaces() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
  }
  bool AtSeqEnd() const { return pos_ >= s_.size() || s_[pos_] == ')' || s_[pos_] == '|'; }

  // A sequence of items up to ')' or '|' or the end.
  bool ParseSeq(int depth, CueNodePtr& out) {
    if (depth > kMaxDepth) return Error("parentheses nested too deeply");
    std::vector<Item> items;
    for (;;) {
      SkipSpaces();
      if (AtSeqEnd()) break;
      if (items.size() >= 64) return Error("more than 64 items in a sequence");
      Item item;
      if (!ParseItem(depth, item)) return false;
      items.push_back(std::move(item));
    }
    return Assemble(items, out);
  }

  bool Assemble(std::vector<Item>& items, CueNodePtr& out) {
    if (items.empty()) return Error("empty pattern or alternative");
    size_t first_required = items.size(), last_required = 0;
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].optional) continue;
      if (first_required == items.size()) first_required = i;
      last_required = i;
    }
    if (first_required == items.size()) return Error("every item is optional: it could match nothing");
    std::vector<CueNodePtr> seq;
    for (size_t i = 0; i < items.size(); ++i) {
      // A gap at an edge would only stretch the span over neighbouring words.
      if (items[i].gap && (i < first_required || i > last_required)) {
        return Error("a gap ~N must stand between two required items");
      }
      if (items[i].optional && !items[i].gap) {
        seq.push_back(Inner(CueNode::Kind::kOpt, {items[i].node}));
      } else {
        seq.push_back(items[i].node);
      }
    }
    out = seq.size() == 1 ? seq[0] : Inner(CueNode::Kind::kSeq, std::move(seq));
    return true;
  }

  bool ParseItem(int depth, Item& item) {
    char c = s_[pos_];
    if (c == '(') {
      ++pos_;
      std::vector<CueNodePtr> alts;
      for (;;) {
        if (alts.size() >= 1024) return Error("more than 1024 alternatives");
        CueNodePtr alt;
        if (!ParseSeq(depth + 1, alt)) return false;
        alts.push_back(std::move(alt));
        if (pos_ >= s_.size()) return Error("missing ')'");
        if (s_[pos_++] == ')') break;
      }
      item.node = alts.size() == 1 ? alts[0] : Inner(CueNode::Kind::kAlt, std::move(alts));
    } else if (c == '~') {
      ++pos_;
      int n = 0, digits = 0;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9' && digits < 3) {
        n = n * 10 + (s_[pos_++] - '0');
        ++digits;
      }
      if (digits == 0 || n < 1 || n > kMaxGap) return Error("a gap is ~1 .. ~9");
      std::vector<CueNodePtr> anys;
      for (int i = 0; i < n; ++i) {
        anys.push_back(Inner(CueNode::Kind::kOpt, {Leaf(CueNode::Kind::kAny)}));
      }
      item.node = anys.size() == 1 ? anys[0] : Inner(CueNode::Kind::kSeq, std::move(anys));
      item.gap = true;
      item.optional = true;
      return EndOfItem();
    } else if (c == '#') {
      ++pos_;
      item.node = Leaf(CueNode::Kind::kNumber);
    } else if (c == '$') {
      ++pos_;
      item.node = Leaf(CueNode::Kind::kEnd);
    } else if (c == '@') {
      ++pos_;
      size_t start = pos_;
      while (pos_ < s_.size() && IsMacroNameChar(s_[pos_])) ++pos_;
      std::string_view name = s_.substr(start, pos_ - start);
      if (name.empty()) return Error("'@' must be followed by a macro name");
      auto it = macros_.find(name);
      if (it == macros_.end()) return Error("unknown macro @" + std::string(name));
      item.node = it->second;
    } else if (c == '*' || c == '?') {
      return Error(std::string("'") + c + "' must follow a word");
    } else {
      size_t start = pos_;
      while (pos_ < s_.size() && !IsStop(s_[pos_])) ++pos_;
      std::string_view word = s_.substr(start, pos_ - start);
      bool prefix = pos_ < s_.size() && s_[pos_] == '*';
      if (prefix) ++pos_;
      if (!WordNode(word, prefix, item.node)) return false;
    }
    if (pos_ < s_.size() && s_[pos_] == '?') {
      ++pos_;
      item.optional = true;
    }
    return EndOfItem();
  }

  static bool IsStop(char c) {
    return c == ' ' || c == '\t' || c == '(' || c == ')' || c == '|' || c == '?' || c == '*';
  }

  bool EndOfItem() {
    if (pos_ < s_.size() && s_[pos_] != ' ' && s_[pos_] != '\t' && s_[pos_] != ')' &&
        s_[pos_] != '|') {
      return Error(std::string("unexpected '") + s_[pos_] + "'");
    }
    return true;
  }

  bool WordNode(std::string_view word, bool prefix, CueNodePtr& out) {
    size_t i = 0;
    while (i < word.size()) {
      if (DecodeUtf8(word, i) < 0) return Error("word is not valid UTF-8");
    }
    CueNodePtr written = PhraseNode(AsciiLower(word), prefix);
    if (!written) return Error("word '" + std::string(word) + "' has no letters or symbols");
    CueNodePtr norm = PhraseNode(Normalise(word), prefix);
    if (!norm || SamePhrase(*norm, *written)) {
      out = written;
    } else {
      out = Inner(CueNode::Kind::kAlt, {written, norm});
    }
    return true;
  }

  std::string_view s_;
  const CueMacros& macros_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace

bool IsCueWordChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '_' ||
           (cp >= 'A' && cp <= 'Z');
  }
  for (const Range& r : kWordRanges) {
    if (cp < r.lo) return false;
    if (cp <= r.hi) return true;
  }
  return false;
}

void CueTokenize(std::string_view text, std::vector<CueToken>& out) {
  if (text.size() > 0xFFFFFFFFu) text = text.substr(0, 0xFFFFFFFFu);
  size_t i = 0;
  size_t word_begin = 0;
  bool in_word = false;
  while (i < text.size()) {
    size_t at = i;
    auto c = static_cast<unsigned char>(text[i]);
    int32_t cp;
    if (c < 0x80) {
      cp = c;
      ++i;
    } else {
      cp = DecodeUtf8(text, i);
      if (cp < 0) {
        ++i;  // an invalid byte separates
      }
    }
    bool word = cp >= 0 && IsCueWordChar(static_cast<char32_t>(cp));
    if (word) {
      if (!in_word) word_begin = at;
      in_word = true;
      continue;
    }
    if (in_word) {
      out.push_back({static_cast<uint32_t>(word_begin), static_cast<uint32_t>(at)});
      in_word = false;
    }
    if (cp >= 0 && !IsSeparator(static_cast<char32_t>(cp))) {
      out.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(i)});
    }
  }
  if (in_word) out.push_back({static_cast<uint32_t>(word_begin), static_cast<uint32_t>(i)});
}

size_t CuePositionCount(const CueNode& node, size_t cap) {
  switch (node.kind) {
    case CueNode::Kind::kWord:
    case CueNode::Kind::kNumber:
    case CueNode::Kind::kAny:
    case CueNode::Kind::kEnd:
      return 1;
    default:
      break;
  }
  size_t total = 0;
  for (const CueNodePtr& c : node.children) {
    total += CuePositionCount(*c, cap - total);
    if (total > cap) return cap + 1;
  }
  return total;
}

Result<CueNodePtr> ParseCuePattern(std::string_view pattern, const CueMacros& macros) {
  if (pattern.size() > kMaxCuePatternBytes) {
    return Status::Error("lexicon_syntax", "pattern longer than " +
                                               std::to_string(kMaxCuePatternBytes) + " bytes");
  }
  return Parser(pattern, macros).Run();
}

}  // namespace ngb::text
