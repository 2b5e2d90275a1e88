// HashSetLibrary: the examiner's local library of imported hash sets (Project VIC / VICS alert
// sets, NIST NSRL known-good sets, plain lists). A folder holding one SQLite database:
//
//   DIR/library.db      sets and their entries (SQLite, WAL journal)
//   DIR/sets/<id>/      files derived from set <id> (lookup indexes, written by their builder);
//                       Remove() deletes the folder with the set
//
// Sets are imported once (Import) and then read: List/Find/Stats for people, ForEachHash and
// GetEntry for the index builders and matchers. Set ids are never reused, so files named by a
// set id can never describe another set. docs/hash-sets.md documents the schema and the rules
// (duplicates, categories, bad rows, --strict, --replace).
//
// Thread-safety: an instance owns one SQLite connection and must be used by one thread at a
// time. Several processes may open the same library; imports and removals take the database
// write lock for their whole duration (a second writer waits up to 30 s, then fails with
// "library_busy"), readers are never blocked (WAL).
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "hashset/types.h"
#include "store/sqlite.h"

namespace ngb::hashset {

struct HashSetInfo {
  int64_t id = 0;
  std::string name;
  HashKind kind = HashKind::kAlert;
  std::string format;         // "vics", "nsrl", "hashdeep", "md5sum", "pdq"
  std::string source_path;    // absolute path of the imported file
  std::string source_sha256;  // SHA-256 of the imported file, lowercase hex
  uint64_t source_size = 0;
  std::string imported_at;  // ISO 8601 UTC
  std::string tool_version;
  uint64_t entries = 0;                                                     // distinct entries after merging duplicates
  uint64_t md5_count = 0, sha1_count = 0, sha256_count = 0, pdq_count = 0;  // entries holding each
  uint64_t records = 0;                           // records read from the source, good and bad
  uint64_t duplicates = 0;                        // good records merged into an earlier entry
  uint64_t bad_rows = 0;                          // malformed records (not imported)
  int64_t first_entry_id = 0, last_entry_id = 0;  // the set's entries are exactly this id range
  std::string details;                            // JSON object: source version/layout, conflicts, first bad rows
};

struct EntryInfo {
  int64_t id = 0;
  int64_t set_id = 0;
  std::optional<int> category;  // the most severe of `categories`
  std::vector<int> categories;  // every category the source records gave, most severe first
  std::optional<bool> victim_identified;
  std::string series;  // distinct series joined by "; "
  std::vector<std::string> tags;
  std::string file_name;
  std::optional<uint64_t> size;
  std::string md5, sha1, sha256, pdq;  // lowercase hex, "" when absent
  std::optional<int> pdq_quality;
};

struct ImportProgress {
  uint64_t bytes_read = 0;
  uint64_t bytes_total = 0;  // 0 when unknown (NSRL rows are counted, not bytes)
  uint64_t records = 0;
};

struct ImportOptions {
  std::string name;  // 1..128 bytes, no control characters; unique in the library
  HashKind kind = HashKind::kAlert;
  ImportFormat format = ImportFormat::kAuto;
  bool strict = false;   // any bad row rejects the whole import (nothing is added)
  bool replace = false;  // replace an existing set of the same name, atomically
  // Called on the importing thread after every batch of records (about every 1024).
  std::function<void(const ImportProgress&)> progress;
};

struct ImportReport {
  bool committed = false;
  // Why nothing was added when !committed: "strict" (bad rows under --strict) or
  // "no_valid_records".
  std::string rejected_reason;
  HashSetInfo set;  // as stored (id 0 when not committed)
  ImportFormat format = ImportFormat::kAuto;
  std::string source_version;           // VICS data-model version ("1.3", "2.0"), hashdeep columns
  std::string source_layout;            // VICS "media"/"cases"/"mixed"; NSRL "FILE"/"METADATA"
  uint64_t category_conflicts = 0;      // merged records that disagreed on the category
  uint64_t digest_conflicts = 0;        // records whose digests belong to two entries, or differ
  uint64_t pdq_conflicts = 0;           // merged records that carried a different PDQ
  std::vector<BadRow> bad_row_samples;  // the first kBadRowSamples bad rows
  std::optional<int64_t> replaced_set_id;
  double seconds = 0;
};

struct SetStats {
  HashSetInfo set;
  std::map<std::string, uint64_t> categories;  // "0".."4", other values, "none" → entries
  uint64_t multi_category = 0;                 // entries whose records disagreed on category
  uint64_t victim_identified = 0, victim_not_identified = 0, victim_unknown = 0;
  uint64_t with_series = 0, with_tags = 0, with_file_name = 0;
  bool index_dir_exists = false;  // sets/<id>/ is present
};

class HashSetLibrary {
 public:
  // Opens the library in `dir`. create: creates the folder (mode 0700) and database when
  // missing. Errors: "no_library" (missing and !create), "library_too_new", "library_error".
  static Result<HashSetLibrary> Open(const std::filesystem::path& dir, bool create);
  // $NIGEHBAAN_HASHSETS, else $XDG_DATA_HOME/nigehbaan/hashsets, else
  // ~/.local/share/nigehbaan/hashsets.
  static std::filesystem::path DefaultDir();

  // Imports `file` as a new set. Streams the source (memory grows with the number of distinct
  // hashes, not with the file) inside one transaction: the set appears whole or not at all.
  // Bad rows are counted and sampled in the report; with options.strict any bad row leaves the
  // library unchanged (report.committed false). Errors (nothing changed): "bad_name",
  // "set_exists" (without replace), "no_such_file", "not_a_file", "permission_denied",
  // "io_error", "unknown_format", "not_vics", "not_nsrl", "library_busy", "library_error".
  Result<ImportReport> Import(const std::filesystem::path& file, const ImportOptions& options);

  // Every set, by id.
  Result<std::vector<HashSetInfo>> List();
  // Errors: "no_such_set".
  Result<HashSetInfo> Find(std::string_view name);
  Result<SetStats> Stats(int64_t set_id);
  // Deletes the set, its entries and digest index, then the folder SetDir(id). Errors:
  // "no_such_set", "library_busy", "library_error", and "remove_incomplete" when the rows are
  // gone but the folder could not be deleted.
  Status Remove(std::string_view name);

  // Streams every (digest bytes, entry id) of one type in one set, in entry-id order (not
  // sorted by digest: ordering is the index builder's). `quality` is the PDQ quality for kPdq
  // (-1 when unknown) and -1 for other types. An MD5/SHA-1/SHA-256 belongs to exactly one entry
  // of a set; a PDQ may belong to several (different files of the same picture). `digest` is
  // valid during the call only. Errors: "no_such_set".
  Status ForEachHash(int64_t set_id, HashType type,
                     const std::function<void(std::span<const uint8_t> digest, int64_t entry_id, int quality)>& fn);
  // Errors: "no_such_entry".
  Result<EntryInfo> GetEntry(int64_t entry_id);

  // dir/sets/<id>: where files derived from a set belong (not created here).
  std::filesystem::path SetDir(int64_t set_id) const;
  const std::filesystem::path& dir() const { return dir_; }

 private:
  HashSetLibrary(std::filesystem::path dir, store::Db db) : dir_(std::move(dir)), db_(std::move(db)) {}
  Result<HashSetInfo> FindById(int64_t id);
  Status DeleteSetRows(const HashSetInfo& set);

  std::filesystem::path dir_;
  store::Db db_;
};

inline constexpr const char* kLibraryDbName = "library.db";

}  // namespace ngb::hashset
