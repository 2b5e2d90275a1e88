#include "text/cue_nfa.h"

#include <algorithm>
#include <string>

#include "text/cue_pattern.h"

namespace ngb::text {
namespace {

constexpr uint32_t kNone = 0xFFFFFFFFu;
constexpr uint32_t kPrefixBit = 0x40000000u;  // label of a prefix: kPrefixBit | prefix id
constexpr uint32_t kEndLabel = 0x7FFFFFFDu;     // delivered once, after the last token
constexpr uint32_t kNumberLabel = 0x7FFFFFFEu;
constexpr uint32_t kAnyLabel = 0x7FFFFFFFu;   // sorts last in a follow group

uint64_t Hash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h ^ (h >> 29);
}

// Interned strings with an open-addressing index.
class StringIds {
 public:
  uint32_t Intern(std::string_view s) {
    uint32_t id = Find(s);
    if (id != kNone) return id;
    if ((strings_.size() + 1) * 2 > slots_.size()) Grow();
    id = static_cast<uint32_t>(strings_.size());
    strings_.emplace_back(s);
    Insert(Hash(s), id);
    return id;
  }
  uint32_t Find(std::string_view s) const {
    if (slots_.empty()) return kNone;
    uint64_t h = Hash(s);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.id == kNone) return kNone;
      if (slot.hash == h && strings_[slot.id] == s) return slot.id;
    }
  }
  size_t size() const { return strings_.size(); }
  const std::string& at(uint32_t id) const { return strings_[id]; }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t id = kNone;
  };
  void Grow() {
    slots_.assign(std::max<size_t>(16, slots_.size() * 2), Slot{});
    mask_ = slots_.size() - 1;
    for (uint32_t id = 0; id < strings_.size(); ++id) Insert(Hash(strings_[id]), id);
  }
  void Insert(uint64_t h, uint32_t id) {
    size_t i = h & mask_;
    while (slots_[i].id != kNone) i = (i + 1) & mask_;
    slots_[i] = {h, id};
  }
  std::vector<std::string> strings_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

uint64_t LabelBit(uint32_t label) {
  return uint64_t{1} << ((label * 0x9E3779B97F4A7C15ull) >> 58);
}

struct Frag {
  bool nullable = false;
  std::vector<uint32_t> first, last;
};

struct Live {
  uint32_t pos;
  uint32_t start;  // token index where the (leftmost) partial match began
};

// Per-thread matching state, reused across calls (and across matchers).
struct Work {
  std::vector<CueToken> tokens;
  std::vector<uint32_t> symbols, prev;  // this token's symbols, the previous token's
  std::vector<Live> cur, next;
  std::vector<uint32_t> stamp, slot;          // per position
  std::vector<uint32_t> group_stamp, group_start;  // per follow group: done this step from start
  uint32_t generation = 0;
};

}  // namespace

struct CueNfa::Impl {
  StringIds words, prefixes;
  std::vector<uint32_t> prefix_lengths;   // distinct prefix lengths, ascending
  std::vector<uint8_t> prefix_gate;       // [b0 * 256 + b1]: some prefix starts with these bytes
  // Positions.
  std::vector<uint32_t> label;            // per position
  std::vector<uint32_t> pattern_of;       // per position
  std::vector<uint8_t> is_last;           // per position: a match of its pattern may end here
  std::vector<uint32_t> follow_begin;     // CSR: groups following position p
  std::vector<uint32_t> follow_groups;
  // Groups: sorted (label, position) pairs, CSR.
  std::vector<uint32_t> group_begin;
  std::vector<std::pair<uint32_t, uint32_t>> group_items;
  std::vector<uint64_t> group_mask;       // per group: Bloom bits of its labels (any-word excluded)
  std::vector<uint8_t> group_any;         // per group: holds an any-word (gap) position
  // Patterns' first words folded by symbol (CSR by SymIndex): the (label, position) pairs that
  // may follow a first word with that symbol, and the cues of one-word patterns it completes.
  // Starting a match thus costs a lookup, not the activation of every pattern's first word.
  std::vector<uint32_t> start_begin;
  std::vector<std::pair<uint32_t, uint32_t>> start_follow;
  std::vector<uint8_t> start_any;         // by SymIndex: an any-word (gap) may follow
  std::vector<uint32_t> single_begin;
  std::vector<Cue> single_cue;
  std::vector<Cue> cue_of;                // per pattern
  bool has_end = false;                   // some pattern uses '$'
  // Build-time only.
  std::vector<std::vector<uint32_t>> follow_tmp;
  std::vector<std::vector<uint32_t>> groups_tmp;
  size_t edges = 0;
  bool too_large = false;

  uint32_t NewPos(uint32_t lab, uint32_t pattern) {
    if (label.size() >= kMaxCueNfaPositions) {
      too_large = true;
      return 0;
    }
    label.push_back(lab);
    pattern_of.push_back(pattern);
    is_last.push_back(0);
    follow_tmp.emplace_back();
    return static_cast<uint32_t>(label.size() - 1);
  }

  Frag Build(const CueNode& n, uint32_t pattern) {
    Frag f;
    if (too_large) return f;
    switch (n.kind) {
      case CueNode::Kind::kWord: {
        uint32_t lab = n.prefix ? (kPrefixBit | prefixes.Intern(n.text)) : words.Intern(n.text);
        uint32_t p = NewPos(lab, pattern);
        f.first = f.last = {p};
        return f;
      }
      case CueNode::Kind::kNumber:
      case CueNode::Kind::kAny:
      case CueNode::Kind::kEnd: {
        uint32_t lab = n.kind == CueNode::Kind::kAny      ? kAnyLabel
                       : n.kind == CueNode::Kind::kNumber ? kNumberLabel
                                                          : kEndLabel;
        uint32_t p = NewPos(lab, pattern);
        has_end = has_end || lab == kEndLabel;
        f.first = f.last = {p};
        return f;
      }
      case CueNode::Kind::kOpt: {
        f = Build(*n.children.at(0), pattern);
        f.nullable = true;
        return f;
      }
      case CueNode::Kind::kAlt: {
        for (const CueNodePtr& c : n.children) {
          Frag g = Build(*c, pattern);
          f.nullable = f.nullable || g.nullable;
          f.first.insert(f.first.end(), g.first.begin(), g.first.end());
          f.last.insert(f.last.end(), g.last.begin(), g.last.end());
        }
        return f;
      }
      case CueNode::Kind::kSeq: {
        bool started = false;
        for (const CueNodePtr& c : n.children) {
          Frag g = Build(*c, pattern);
          if (!started) {
            f = std::move(g);
            started = true;
            continue;
          }
          if (!g.first.empty() && !f.last.empty()) {
            uint32_t group = static_cast<uint32_t>(groups_tmp.size());
            groups_tmp.push_back(g.first);
            edges += f.last.size() + g.first.size();
            if (edges > kMaxCueNfaEdges) too_large = true;
            if (too_large) return f;
            for (uint32_t p : f.last) follow_tmp[p].push_back(group);
          }
          if (f.nullable) f.first.insert(f.first.end(), g.first.begin(), g.first.end());
          if (g.nullable) {
            g.last.insert(g.last.end(), f.last.begin(), f.last.end());
          }
          f.last = std::move(g.last);
          f.nullable = f.nullable && g.nullable;
        }
        return f;
      }
    }
    return f;
  }

  void Finish() {
    follow_begin.assign(1, 0);
    for (auto& v : follow_tmp) {
      std::sort(v.begin(), v.end());
      v.erase(std::unique(v.begin(), v.end()), v.end());
      follow_groups.insert(follow_groups.end(), v.begin(), v.end());
      follow_begin.push_back(static_cast<uint32_t>(follow_groups.size()));
    }
    group_begin.assign(1, 0);
    std::vector<std::pair<uint32_t, uint32_t>> items;
    for (const auto& g : groups_tmp) {
      items.clear();
      for (uint32_t p : g) items.emplace_back(label[p], p);
      std::sort(items.begin(), items.end());
      items.erase(std::unique(items.begin(), items.end()), items.end());
      group_items.insert(group_items.end(), items.begin(), items.end());
      group_begin.push_back(static_cast<uint32_t>(group_items.size()));
      uint64_t mask = 0;
      bool any = false;
      for (const auto& [lab, p] : items) {
        if (lab == kAnyLabel) any = true;
        else mask |= LabelBit(lab);
      }
      group_mask.push_back(mask);
      group_any.push_back(any ? 1 : 0);
    }
    follow_tmp = {};
    groups_tmp = {};
    prefix_gate.assign(256 * 256, 0);
    for (uint32_t id = 0; id < prefixes.size(); ++id) {
      const std::string& s = prefixes.at(id);
      prefix_lengths.push_back(static_cast<uint32_t>(s.size()));
      auto b0 = static_cast<unsigned char>(s[0]);
      if (s.size() == 1) {
        for (int b1 = 0; b1 < 256; ++b1) prefix_gate[b0 * 256 + b1] = 1;
      } else {
        prefix_gate[b0 * 256 + static_cast<unsigned char>(s[1])] = 1;
      }
    }
    std::sort(prefix_lengths.begin(), prefix_lengths.end());
    prefix_lengths.erase(std::unique(prefix_lengths.begin(), prefix_lengths.end()),
                         prefix_lengths.end());
  }

  void Symbols(std::string_view tok, std::vector<uint32_t>& out) const {
    uint32_t w = words.Find(tok);
    if (w != kNone) out.push_back(w);
    if (!prefix_lengths.empty() && tok.size() >= prefix_lengths.front()) {
      auto b0 = static_cast<unsigned char>(tok[0]);
      auto b1 = tok.size() > 1 ? static_cast<unsigned char>(tok[1]) : 0;
      if (prefix_gate[b0 * 256 + b1]) {
        for (uint32_t len : prefix_lengths) {
          if (len > tok.size()) break;
          uint32_t p = prefixes.Find(tok.substr(0, len));
          if (p != kNone) out.push_back(kPrefixBit | p);
        }
      }
    }
    if (tok.size() <= 7 && std::all_of(tok.begin(), tok.end(),
                                       [](char c) { return c >= '0' && c <= '9'; })) {
      out.push_back(kNumberLabel);
    }
  }

  size_t SymIndex(uint32_t sym) const {
    if (sym == kNumberLabel) return words.size() + prefixes.size();
    if (sym & kPrefixBit) return words.size() + (sym & ~kPrefixBit);
    return sym;
  }

  void FoldStarts(const std::vector<std::pair<uint32_t, uint32_t>>& starts) {
    size_t nsym = words.size() + prefixes.size() + 1;
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> follow(nsym);
    std::vector<std::vector<Cue>> singles(nsym);
    for (auto [lab, p] : starts) {
      if (lab == kAnyLabel || lab == kEndLabel) continue;  // never start a pattern
      size_t idx = SymIndex(lab);
      if (is_last[p]) singles[idx].push_back(cue_of[pattern_of[p]]);
      for (uint32_t k = follow_begin[p]; k < follow_begin[p + 1]; ++k) {
        uint32_t g = follow_groups[k];
        follow[idx].insert(follow[idx].end(), group_items.begin() + group_begin[g],
                           group_items.begin() + group_begin[g + 1]);
      }
    }
    start_begin.assign(1, 0);
    single_begin.assign(1, 0);
    for (size_t i = 0; i < nsym; ++i) {
      std::sort(follow[i].begin(), follow[i].end());
      follow[i].erase(std::unique(follow[i].begin(), follow[i].end()), follow[i].end());
      start_any.push_back(!follow[i].empty() && follow[i].back().first == kAnyLabel);
      start_follow.insert(start_follow.end(), follow[i].begin(), follow[i].end());
      start_begin.push_back(static_cast<uint32_t>(start_follow.size()));
      std::sort(singles[i].begin(), singles[i].end());
      singles[i].erase(std::unique(singles[i].begin(), singles[i].end()), singles[i].end());
      single_cue.insert(single_cue.end(), singles[i].begin(), singles[i].end());
      single_begin.push_back(static_cast<uint32_t>(single_cue.size()));
    }
  }
};

CueNfa::CueNfa(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CueNfa::~CueNfa() = default;

Result<std::unique_ptr<const CueNfa>> CueNfa::Build(const std::vector<CuePatternEntry>& entries) {
  auto impl = std::make_unique<Impl>();
  std::vector<std::pair<uint32_t, uint32_t>> starts;  // (label, position)
  for (const CuePatternEntry& e : entries) {
    auto pattern = static_cast<uint32_t>(impl->cue_of.size());
    impl->cue_of.push_back(e.cue);
    Frag f = impl->Build(*e.pattern, pattern);
    if (impl->too_large) {
      return Status::Error("lexicon_too_large", e.origin + ": the lexicons exceed " +
                                                    std::to_string(kMaxCueNfaPositions) +
                                                    " word slots or their edge budget");
    }
    if (f.nullable) {  // the parser rejects these; a tree built by hand might not be
      return Status::Error("lexicon_syntax", e.origin + ": pattern could match nothing");
    }
    for (uint32_t p : f.first) starts.emplace_back(impl->label[p], p);
    for (uint32_t p : f.last) impl->is_last[p] = 1;
  }
  impl->Finish();
  impl->FoldStarts(starts);
  return std::unique_ptr<const CueNfa>(new CueNfa(std::move(impl)));
}

size_t CueNfa::pattern_count() const { return impl_->cue_of.size(); }
size_t CueNfa::position_count() const { return impl_->label.size(); }

void CueNfa::Match(std::string_view text, std::vector<CueHit>& out) const {
  const Impl& m = *impl_;
  thread_local Work w;
  if (w.stamp.size() < m.label.size()) {
    w.stamp.resize(m.label.size(), 0);
    w.slot.resize(m.label.size(), 0);
  }
  if (w.group_stamp.size() < m.group_mask.size()) {
    w.group_stamp.resize(m.group_mask.size(), 0);
    w.group_start.resize(m.group_mask.size(), 0);
  }
  w.tokens.clear();
  CueTokenize(text, w.tokens);
  w.cur.clear();
  size_t first_hit = out.size();
  auto activate = [&](uint32_t p, uint32_t start) {
    if (w.stamp[p] == w.generation) {
      Live& l = w.next[w.slot[p]];
      l.start = std::min(l.start, start);
      return;
    }
    w.stamp[p] = w.generation;
    w.slot[p] = static_cast<uint32_t>(w.next.size());
    w.next.push_back({p, start});
  };
  // Moves the live partial matches, and the matches begun at the previous token (`w.prev`),
  // over this token's symbols (`w.symbols`; for the end of text, kEndLabel), and reports the
  // matches that end here.
  auto step = [&](size_t i, bool at_end) {
    if (++w.generation == 0) {  // wrapped: old stamps could collide
      std::fill(w.stamp.begin(), w.stamp.end(), 0);
      std::fill(w.group_stamp.begin(), w.group_stamp.end(), 0);
      w.generation = 1;
    }
    w.next.clear();
    auto take = [&](auto begin, auto end, uint32_t lab, uint32_t start) {
      auto it = std::lower_bound(begin, end, std::make_pair(lab, 0u));
      for (; it != end && it->first == lab; ++it) activate(it->second, start);
    };
    uint64_t sym_mask = 0;
    for (uint32_t s : w.symbols) sym_mask |= LabelBit(s);
    for (const Live& l : w.cur) {
      for (uint32_t k = m.follow_begin[l.pos]; k < m.follow_begin[l.pos + 1]; ++k) {
        uint32_t g = m.follow_groups[k];
        bool any = !at_end && m.group_any[g];
        if (!any && (m.group_mask[g] & sym_mask) == 0) continue;  // nothing here can follow
        // Several live positions (the alternatives of one item) share their follow groups:
        // a group already stepped from an earlier-or-equal start adds nothing.
        if (w.group_stamp[g] == w.generation && w.group_start[g] <= l.start) continue;
        w.group_stamp[g] = w.generation;
        w.group_start[g] = l.start;
        auto begin = m.group_items.begin() + m.group_begin[g];
        auto end = m.group_items.begin() + m.group_begin[g + 1];
        for (uint32_t s : w.symbols) take(begin, end, s, l.start);
        if (any) take(begin, end, kAnyLabel, l.start);
      }
    }
    for (uint32_t p : w.prev) {
      size_t idx = m.SymIndex(p);
      auto begin = m.start_follow.begin() + m.start_begin[idx];
      auto end = m.start_follow.begin() + m.start_begin[idx + 1];
      if (begin == end) continue;
      auto start = static_cast<uint32_t>(i - 1);
      for (uint32_t s : w.symbols) take(begin, end, s, start);
      if (!at_end && m.start_any[idx]) take(begin, end, kAnyLabel, start);
    }
    uint32_t end_byte = w.tokens[at_end ? w.tokens.size() - 1 : i].end;
    if (!at_end) {
      for (uint32_t s : w.symbols) {
        size_t idx = m.SymIndex(s);
        for (uint32_t k = m.single_begin[idx]; k < m.single_begin[idx + 1]; ++k) {
          out.push_back({m.single_cue[k], w.tokens[i].begin, end_byte});
        }
      }
    }
    for (const Live& l : w.next) {
      if (m.is_last[l.pos]) {
        out.push_back({m.cue_of[m.pattern_of[l.pos]], w.tokens[l.start].begin, end_byte});
      }
    }
    std::swap(w.cur, w.next);
  };
  w.prev.clear();
  for (size_t i = 0; i < w.tokens.size(); ++i) {
    const CueToken tok = w.tokens[i];
    w.symbols.clear();
    m.Symbols(text.substr(tok.begin, tok.end - tok.begin), w.symbols);
    if (w.symbols.empty() && w.cur.empty() && w.prev.empty()) continue;
    step(i, false);
    std::swap(w.prev, w.symbols);
  }
  if ((!w.cur.empty() || !w.prev.empty()) && m.has_end) {
    w.symbols.assign(1, kEndLabel);
    step(w.tokens.size(), true);
  }
  // One hit per (cue, end): the leftmost.
  std::sort(out.begin() + first_hit, out.end(), [](const CueHit& a, const CueHit& b) {
    if (a.end != b.end) return a.end < b.end;
    if (a.cue != b.cue) return a.cue < b.cue;
    return a.begin < b.begin;
  });
  out.erase(std::unique(out.begin() + first_hit, out.end(),
                        [](const CueHit& a, const CueHit& b) {
                          return a.cue == b.cue && a.end == b.end;
                        }),
            out.end());
}

}  // namespace ngb::text
