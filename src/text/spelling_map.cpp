#include "text/spelling_map.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "data/embedded.h"

namespace ngb::text {
namespace {

// Frequent English words: evidence that a Latin-script text is English rather than Roman Urdu.
constexpr std::string_view kEnglishWords[] = {
    "the",   "you",  "is",    "are",  "and",   "of",    "a",     "i",     "it",    "in",    "that",
    "this",  "what", "my",    "your", "me",    "he",    "she",   "we",    "they",  "was",   "for",
    "with",  "have", "not",   "do",   "don't", "dont",  "be",    "on",    "so",    "just",  "can",
    "will",  "if",   "but",   "know", "like",  "no",    "yes",   "how",   "why",   "where", "when",
    "who",   "am",   "an",    "at",   "all",   "get",   "got",   "go",    "want",  "love",  "send",
    "please", "i'm", "im",    "you're", "there", "their", "would", "could", "should", "about",
    "from",  "up",   "out",   "one",  "time",  "think", "really", "good", "them",  "him",   "her",
    "his",   "our",  "us",    "been", "were",  "has",   "had",   "did",   "does",  "doing", "going",
    "to",    "or",   "say",  "said",  "then",  "than",  "tell",  "come",  "make",  "see",
    "now",   "here", "some",  "more", "very",  "much",  "too",   "only",  "also",  "which", "because",
    "u",     "ur",   "r",     "lol",  "omg",   "thanks", "thank", "hey",  "hello"};

bool IsLowerAsciiWord(std::string_view w) {
  if (w.empty() || w.size() > 32) return false;
  for (char c : w) {
    if (!((c >= 'a' && c <= 'z') || c == '\'')) return false;
  }
  return true;
}

// Cannot be changed again by Normalise: no letter three times in a row.
bool IsFixedPoint(std::string_view w) {
  for (size_t i = 2; i < w.size(); ++i) {
    if (w[i] == w[i - 1] && w[i] == w[i - 2]) return false;
  }
  return IsLowerAsciiWord(w);
}

}  // namespace

// Two little-endian loads that overlap for short words: with the length they determine every word
// of up to 16 bytes (longer ones are compared in full as well). No loop over the bytes.
[[gnu::always_inline]] inline SpellingMap::Key SpellingMap::KeyOf(std::string_view w) {
  Key k;
  const size_t n = w.size();
  const auto* p = reinterpret_cast<const unsigned char*>(w.data());
  k.length = n;
  if (n >= 8) {
    std::memcpy(&k.lo, p, 8);
    std::memcpy(&k.hi, p + n - 8, 8);
  } else if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    k.lo = a;
    k.hi = b;
  } else if (n > 0) {
    k.lo = p[0] | uint64_t{p[n / 2]} << 8 | uint64_t{p[n - 1]} << 16;
  }
  return k;
}

[[gnu::always_inline]] inline uint64_t SpellingMap::Hash(const Key& k) {
  const uint64_t h = k.lo * 0x9E3779B97F4A7C15ull ^ ((k.hi ^ k.length) * 0xC2B2AE3D27D4EB4Full >> 7);
  return h ^ (h >> 32);
}

void SpellingMap::Add(Entry e) {
  max_length_ = std::max(max_length_, e.variant.size());
  entries_.push_back(std::move(e));
}

void SpellingMap::BuildIndex() {
  size_t cap = 16;
  while (cap < entries_.size() * 4) cap <<= 1;
  slots_.assign(cap, Slot{});
  keys_.clear();
  for (size_t i = 0; i < entries_.size(); ++i) {
    const Key k = KeyOf(entries_[i].variant);
    const uint64_t h = Hash(k);
    size_t s = h & (cap - 1);
    while (slots_[s].index >= 0) s = (s + 1) & (cap - 1);
    slots_[s] = Slot{static_cast<int32_t>(i), static_cast<uint32_t>(h >> 32)};
    keys_.push_back(k);
  }
  for (Entry& e : entries_) {
    const Entry* c = Find(e.canonical);
    e.canonical_index = c ? static_cast<int32_t>(c - entries_.data()) : -1;
  }
}

const SpellingMap::Entry* SpellingMap::Find(std::string_view word) const {
  if (word.size() > max_length_ || slots_.empty()) return nullptr;
  const size_t mask = slots_.size() - 1;
  const Key k = KeyOf(word);
  const uint64_t h = Hash(k);
  const uint32_t tag = static_cast<uint32_t>(h >> 32);
  for (size_t s = h & mask;; s = (s + 1) & mask) {
    const Slot& slot = slots_[s];
    if (slot.index < 0) return nullptr;
    if (slot.tag != tag) continue;
    const size_t i = static_cast<size_t>(slot.index);
    const Key& key = keys_[i];
    if (key.lo == k.lo && key.hi == k.hi && key.length == k.length &&
        (word.size() <= 16 || std::memcmp(entries_[i].variant.data(), word.data(), word.size()) == 0)) {
      return &entries_[i];
    }
  }
}

SpellingMap::Evidence SpellingMap::EvidenceOf(std::string_view, const Entry* e) const {
  if (!e) return Evidence::kNone;
  if (e->english_word) return Evidence::kEnglish;
  if (e->ambiguous || e->english) return Evidence::kNone;
  return Evidence::kUrdu;
}

Result<SpellingMap> SpellingMap::Parse(std::string_view tsv) {
  std::vector<Entry> raw;
  std::unordered_set<std::string> variants;
  size_t line_no = 0;
  while (!tsv.empty()) {
    size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::string_view f[3];
    int n = 0;
    while (n < 3) {
      size_t t = line.find('\t');
      f[n++] = line.substr(0, t);
      if (t == std::string_view::npos) break;
      line.remove_prefix(t + 1);
    }
    std::string where = "line " + std::to_string(line_no);
    if (n < 2 || !IsFixedPoint(f[0]) || !IsFixedPoint(f[1])) {
      return Status::Error("bad_spelling_entry", where + ": want variant<TAB>canonical in lower-case ASCII");
    }
    Entry e{std::string(f[0]), std::string(f[1])};
    if (n == 3) {
      if (f[2] == "ambiguous") e.ambiguous = true;
      else if (f[2] == "en") e.english = true;
      else return Status::Error("bad_spelling_entry", where + ": third column must be ambiguous or en");
    }
    if (!variants.insert(e.variant).second) {
      return Status::Error("duplicate_spelling_entry", where + ": " + e.variant);
    }
    raw.push_back(std::move(e));
  }
  SpellingMap map;
  for (Entry& e : raw) map.Add(std::move(e));
  map.BuildIndex();
  // Resolve chains (bounded: a cycle stops at the step limit) and make every canonical of an
  // unflagged entry known as Roman Urdu evidence itself.
  for (Entry& e : map.entries_) {
    for (int step = 0; step < 8; ++step) {
      const Entry* next = map.Find(e.canonical);
      if (!next || next == &e || !next->maps() || next->ambiguous) break;
      e.canonical = next->canonical;
      e.english = e.english || next->english;
    }
  }
  // (Variants are unique: one index lookup tells whether a word is one; the ones added here are
  // remembered beside it. Comparing every pair took ~1 ms of each process's first message.)
  size_t n_spelling = map.entries_.size();
  std::unordered_map<std::string, size_t> added;
  auto index_of = [&](std::string_view w) -> Entry* {
    if (const Entry* e = map.Find(w)) return &map.entries_[static_cast<size_t>(e - map.entries_.data())];
    auto it = added.find(std::string(w));
    return it == added.end() ? nullptr : &map.entries_[it->second];
  };
  for (size_t i = 0; i < n_spelling; ++i) {
    const Entry& e = map.entries_[i];
    if (e.ambiguous || !e.maps() || index_of(e.canonical)) continue;
    added.emplace(e.canonical, map.entries_.size());
    map.Add(Entry{e.canonical, e.canonical, false, e.english});
  }
  // English evidence words: a variant that is an English word only ever maps in Urdu context.
  for (std::string_view w : kEnglishWords) {
    if (Entry* known = index_of(w)) {
      known->english_word = true;
      if (known->maps()) known->ambiguous = true;
    } else {
      Entry e{std::string(w), std::string(w)};
      e.english_word = true;
      map.Add(std::move(e));
    }
  }
  map.BuildIndex();
  return map;
}

const SpellingMap& SpellingMap::BuiltIn() {
  static const SpellingMap* map = [] {
    auto parsed = Parse(data::Embedded("lexicons/spelling-ur-Latn.tsv"));
    if (!parsed.ok()) parsed = Parse("");
    return new SpellingMap(std::move(parsed.value()));
  }();
  return *map;
}

}  // namespace ngb::text
