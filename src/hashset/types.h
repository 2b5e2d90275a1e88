// Hash-set vocabulary shared by the parsers, the library and the CLI: what a set is for (kind),
// which digests it holds (type), the import formats, and one parsed source record.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hash/hash256.h"

namespace ngb::hashset {

// What a match against the set means. Stored as text: "alert", "known-good", "watch".
enum class HashKind { kAlert, kKnownGood, kWatch };
// Digest types a set can hold. PDQ is the 256-bit perceptual hash (see hash/hash256.h).
enum class HashType { kMd5, kSha1, kSha256, kPdq };
// Source formats. kAuto is only an import option: the detected format is stored.
enum class ImportFormat { kAuto, kVics, kNsrl, kHashdeep, kMd5sum, kPdq };

std::string_view ToString(HashKind kind);
std::string_view ToString(HashType type);
std::string_view ToString(ImportFormat format);
// Parse the text forms above; nullopt for anything else.
std::optional<HashKind> ParseHashKind(std::string_view text);
std::optional<HashType> ParseHashType(std::string_view text);
std::optional<ImportFormat> ParseImportFormat(std::string_view text);
// Digest size in bytes: 16, 20, 32, 32.
size_t DigestSize(HashType type);

using Md5 = std::array<uint8_t, 16>;
using Sha1 = std::array<uint8_t, 20>;
using Sha256 = std::array<uint8_t, 32>;

// Hostile-input caps applied by every parser (a longer field is truncated at a UTF-8-agnostic
// byte boundary; more tags are dropped). Merging duplicates keeps the same caps.
inline constexpr size_t kMaxFileName = 4096;
inline constexpr size_t kMaxSeries = 1024;
inline constexpr size_t kMaxTag = 256;
inline constexpr size_t kMaxTags = 64;

// One well-formed record of a source file, as every format maps onto it. Digests are raw bytes
// in text order (the order of their hex form).
struct ParsedRecord {
  std::optional<Md5> md5;
  std::optional<Sha1> sha1;
  std::optional<Sha256> sha256;
  std::optional<Hash256> pdq;
  std::optional<int> pdq_quality;  // 0..100
  std::optional<int> category;     // VICS category (US scheme 0..4; other schemes kept as is)
  std::optional<bool> victim_identified;
  std::string series;
  std::vector<std::string> tags;
  std::string file_name;
  std::optional<uint64_t> size;

  bool has_digest() const { return md5 || sha1 || sha256 || pdq; }
  // Back to empty, keeping the strings' and vector's capacity (one record per parsed line).
  void Clear() {
    md5.reset();
    sha1.reset();
    sha256.reset();
    pdq.reset();
    pdq_quality.reset();
    category.reset();
    victim_identified.reset();
    series.clear();
    tags.clear();
    file_name.clear();
    size.reset();
  }
};

// Where a record sits in its source: 1-based line and record numbers (0 when not meaningful:
// line-based formats report record == line; NSRL rows have no line).
struct RecordPos {
  uint64_t line = 0;
  uint64_t record = 0;
};

// A malformed record: where, a stable reason code ("bad_md5", "malformed_json", ...) and a
// human-readable detail.
struct BadRow {
  RecordPos pos;
  std::string reason;
  std::string detail;
};

// How many bad rows an import keeps for its report (all are counted).
inline constexpr size_t kBadRowSamples = 10;

// "line 12 (record 3): bad_md5: ..." for messages to people.
std::string Describe(const BadRow& row);
// `text` quoted for a bad-row detail: at most `max` bytes ("..." after a cut), control bytes as
// \xNN.
std::string Excerpt(std::string_view text, size_t max = 64);

}  // namespace ngb::hashset
