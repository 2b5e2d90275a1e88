// Matcher: looks items up in the enabled hash sets of a library — exact MD5/SHA-1/SHA-256 and
// PDQ near-neighbours (all 8 rotations/mirrors of an image) — through memory-mapped index files.
//
// Open() builds a set's index files on first use (DIR/sets/<id>/{md5,sha1,sha256,pdq}.idx, from
// the library's rows; ids are entry ids minus the set's first entry id) and maps them read-only.
// PDQ entries of known quality < 50 are left out of the index, and queries of quality < 50 are
// not made: such hashes are stored but never used to match.
//
// Thread-safety: Match() may be called from every worker at once. The library connection (used
// only for a PDQ hit's stored hash and for VICS categories) is behind a mutex.
#pragma once
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/item.h"
#include "core/status.h"
#include "hash/hash256.h"
#include "hashset/digest_index.h"
#include "hashset/library.h"
#include "hashset/pdq_index.h"

namespace ngb::hashset {

inline constexpr int kMinPdqQuality = 50;

struct MatcherOptions {
  std::vector<std::string> sets;  // names; empty = every set in the library
  int max_distance = PdqIndex::kDefaultMaxDistance;
};

// What to look up for one item or input. Hex digests may be empty.
struct MatchQuery {
  std::string_view md5, sha1, sha256;  // lowercase or uppercase hex
  std::span<const Hash256> pdq;        // the image's hash, or its 8 variants
  std::optional<int> pdq_quality;      // unknown: matched anyway
};

class Matcher {
 public:
  // Errors: those of HashSetLibrary::Open ("no_library"…), "no_such_set" for an unknown name,
  // and index build/open errors.
  static Result<std::unique_ptr<Matcher>> Open(const std::filesystem::path& library_dir,
                                               const MatcherOptions& options);
  ~Matcher();

  // Appends every hit of `q` to *out (set order, then md5, sha1, sha256, pdq by distance).
  void Match(const MatchQuery& q, std::vector<HashMatch>* out) const;

  const std::vector<HashSetInfo>& sets() const { return infos_; }
  bool has_pdq() const;
  int max_distance() const { return options_.max_distance; }

 private:
  struct Set;
  Matcher(HashSetLibrary library, MatcherOptions options);
  // Category and stored PDQ of an entry (library lookup under the mutex).
  std::optional<EntryInfo> Entry(const Set& set, uint32_t id) const;

  mutable std::mutex mu_;
  mutable HashSetLibrary library_;  // GUARDED_BY(mu_)
  MatcherOptions options_;
  std::vector<HashSetInfo> infos_;
  std::vector<std::unique_ptr<Set>> sets_;
};

}  // namespace ngb::hashset
