// Roman Urdu spelling variants (data/lexicons/spelling-ur-Latn.tsv) and the common-word evidence
// that tells Roman Urdu from English. Used by Normalise and DetectLanguage (normalise.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ngb::text {

class SpellingMap {
 public:
  struct Entry {
    std::string variant;
    std::string canonical;
    bool ambiguous = false;  // the variant is also an English word: map only in Roman Urdu context
    bool english = false;    // the canonical is an English word: not Roman Urdu evidence
    bool english_word = false;  // the variant is a frequent English word (evidence for English)
    int32_t canonical_index = -1;  // the entry Find(canonical) returns (-1: none); set when indexed
    bool maps() const { return variant != canonical; }
  };
  enum class Evidence : uint8_t { kNone, kUrdu, kEnglish };

  // Parses the TSV text (variant<TAB>canonical[<TAB>ambiguous|en], '#' comments). Chains are
  // resolved (a canonical that is itself a variant maps on); entries that would not be fixed points of
  // Normalise (not lower-case ASCII letters) are rejected with their line number.
  static Result<SpellingMap> Parse(std::string_view tsv);
  // The built-in map (parsed once from the embedded file, thread-safe). Never null: an empty map if
  // the embedded file is missing or broken.
  static const SpellingMap& BuiltIn();

  // The entry for a lower-case ASCII word, or nullptr.
  const Entry* Find(std::string_view word) const;
  // The entry of `e`'s canonical form, as Find(e->canonical) returns it (without hashing again).
  const Entry* CanonicalEntry(const Entry* e) const {
    return e->canonical_index < 0 ? nullptr : &entries_[static_cast<size_t>(e->canonical_index)];
  }
  // Which language the word is evidence of (after spelling is resolved it stays the same kind).
  Evidence EvidenceOf(std::string_view word, const Entry* entry) const;
  // The decision shared by Normalise (whether ambiguous variants are mapped) and DetectLanguage:
  // Roman Urdu when its evidence counts double the English evidence's (code-mixed text is Roman Urdu).
  static bool RomanUrduWins(int urdu, int english) { return 2 * urdu > english; }
  size_t size() const { return entries_.size(); }
  size_t max_length() const { return max_length_; }

 private:
  // A word as the index compares it: its first and last 8 bytes (overlapping when shorter) and its
  // length, which determine a word of up to 16 bytes.
  struct Key {
    uint64_t lo = 0, hi = 0;
    size_t length = 0;
  };
  static Key KeyOf(std::string_view word);
  static uint64_t Hash(const Key& key);
  void Add(Entry e);
  void BuildIndex();
  std::vector<Entry> entries_;  // spelling entries, then English evidence words (canonical == variant)
  std::vector<Key> keys_;       // KeyOf(entries_[i].variant)
  struct Slot {
    int32_t index = -1;  // into entries_; -1 empty
    uint32_t tag = 0;    // high half of the word's hash: most misses end here without a comparison
  };
  std::vector<Slot> slots_;  // open addressing, power of two, at most half full
  size_t max_length_ = 0;
};

}  // namespace ngb::text
