// ItemRecord: everything the pipeline learned about one piece of evidence. Produced by sources and
// analysers, consumed by sinks (the case store, exporters). Items never know where they are stored.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ngb {

enum class ItemKind : uint8_t {
  kFile,       // regular file in a file system source
  kDirectory,
  kSymlink,    // recorded with its target, never followed
  kFifo,       // recorded, never opened
  kSocket,
  kCharDevice,
  kBlockDevice,
  kMember,     // regular file inside a container (archive member)
  kOther,
};

// Stable names used in the case store and exports ("file", "dir", "symlink", ...).
const char* ItemKindName(ItemKind kind);
std::optional<ItemKind> ItemKindFromName(const std::string& name);

// Nanoseconds since the Unix epoch (UTC); unset when the source does not record it.
using TimeNs = std::optional<int64_t>;

// One hit of an item in a hash set (see src/hashset/).
struct HashMatch {
  std::string set;        // hash-set name
  std::string kind;       // "alert", "known-good" or "watch"
  std::string type;       // "md5", "sha1", "sha256" or "pdq"
  std::string hash;       // the matched hash-set entry, lowercase hex
  int distance = 0;       // PDQ Hamming distance (0 for exact digests)
  std::optional<int> category;  // VICS category of the entry, when the set carries one
  bool operator==(const HashMatch&) const = default;
};

// A conversation found in a chat export and what the risk detector made of it (stored in the
// conversations and chat_findings tables; see docs/case-store.md).
struct ChatFindingRecord {
  std::string label;   // grooming, sextortion, sexting, livestreaming, cyberbullying
  double score = 0;
  std::string offender, target;
  int64_t first_alert_index = 0;
  std::string evidence_json;  // [{index, time, author, text, cues}]
};

struct ConversationRecord {
  std::string format, title, conversation_id, language;
  std::string participants_json;  // JSON array of names
  uint64_t message_count = 0;
  uint64_t parse_errors = 0;
  double risk = 0;                // highest label score
  std::string scores_json;        // {"grooming": 0.01, ...}
  std::vector<ChatFindingRecord> findings;
};

struct ItemRecord {
  int64_t id = 0;         // unique within the case (assigned by the pipeline)
  int64_t parent_id = 0;  // 0 for items directly under a source
  int64_t top_id = 0;     // the top-level unit this item belongs to (itself for top-level items)
  int64_t scan_id = 0;
  int64_t source_id = 0;
  int depth = 0;          // container nesting depth: 0 on the file system, 1 inside an archive...

  std::string path;       // provenance path, raw bytes (may be invalid UTF-8)
  ItemKind kind = ItemKind::kFile;
  std::optional<uint64_t> size;
  TimeNs mtime, atime, ctime, btime;
  std::optional<uint32_t> mode;
  std::optional<uint64_t> inode;
  std::string link_target;      // symlinks only (raw bytes)
  bool sparse = false;          // allocated blocks cover less than the size
  // Items of a file system inside a disk image: true allocated, false deleted (the name or its
  // metadata is unallocated); unset for everything else.
  std::optional<bool> allocated;

  std::string mime;             // content type ("" when not read)
  std::optional<bool> ext_mismatch;
  std::string md5, sha1, sha256;  // lowercase hex; empty when not computed
  // Byte entropy (bits per byte) of the first 4 KiB, recorded when no signature identified the
  // content; >= ~7.8 means compressed, encrypted or random data.
  std::optional<double> entropy;

  // PDQ perceptual hash of an image (64 lowercase hex) and its quality 0..100; empty when the item
  // is not an image we decode. Hashes of quality < 50 are stored but never matched.
  std::string pdq;
  std::optional<int> pdq_quality;
  // Transient, not stored: the PDQ hashes of the image's 8 rotations/mirrors (from the pixels),
  // for the hash-set matcher.
  std::vector<std::array<uint8_t, 32>> pdq_variants;
  // Hash-set hits (stored in the matches table).
  std::vector<HashMatch> matches;
  // Chat exports: the conversations in the file and their risk findings.
  std::vector<ConversationRecord> conversations;

  std::string error;            // "" or a stable reason code (see docs/case-store.md)
  std::string error_detail;     // human-readable detail

  // Free-form results of analysers that have no column of their own: (analyser.key, value).
  std::vector<std::pair<std::string, std::string>> attrs;

  // True when this record completes its top-level unit (set on the last record of a unit).
  bool top_done = false;

  void SetError(std::string reason, std::string detail) {
    // The first error wins: it is usually the cause of the later ones.
    if (!error.empty()) return;
    error = std::move(reason);
    error_detail = std::move(detail);
  }
};

}  // namespace ngb
