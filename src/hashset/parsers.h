// Hash-set parsers: each turns one source format into ParsedRecords pushed into a RecordSink.
// Stream formats read a source::ByteStream chunk by chunk (memory bounded by the caps below,
// never by the size of the source), so the fuzzer and the tests need no files. NSRL is an
// SQLite database and is read from a path.
//
// Error model: a malformed record is reported through RecordSink::Bad with its line/record
// number and parsing goes on; the returned Status is non-ok only when the source cannot be read
// at all (I/O error, not this format) or the sink asked to stop. Hostile input never crashes,
// hangs or allocates without bound. Not thread-safe; parsers keep no state between calls.
#pragma once
#include <string>
#include <string_view>

#include "core/status.h"
#include "hashset/types.h"
#include "source/byte_source.h"

namespace ngb::hashset {

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // A well-formed record. A non-ok Status stops the parser, which returns it.
  virtual Status Record(const ParsedRecord& record, RecordPos pos) = 0;
  // A malformed record, with a stable reason code. A non-ok Status stops the parser.
  virtual Status Bad(RecordPos pos, std::string_view reason, std::string detail) = 0;
};

// Longest line accepted by the line formats; a longer line is one bad row ("line_too_long").
inline constexpr size_t kMaxLine = 64 * 1024;
// Largest single VICS Media object; a larger one is one bad record ("record_too_large").
inline constexpr size_t kMaxVicsRecord = 1 << 20;
// Deepest JSON nesting accepted in a VICS file.
inline constexpr int kMaxVicsDepth = 64;

// What a parser learned about the source, for the import report and the set's details.
struct SourceInfo {
  std::string version;   // VICS: "1.3" / "2.0" / "" (no data-model URL); hashdeep: column line
  std::string layout;    // VICS: "media" (hash-set file) / "cases" (case file); NSRL: table read
  uint64_t records = 0;  // records seen, good and bad
};

// Project VIC VICS JSON: 1.3 ("odata.metadata") or 2.0 ("@odata.context") envelope; hash-set
// files (value[] holds Media objects) and case files (value[] holds cases, each with Media[]).
Status ParseVics(source::ByteStream& in, RecordSink& sink, SourceInfo* info);
// hashdeep: "%%%% HASHDEEP-1.0", "%%%% size,md5,...,filename" column line, "##" comments.
Status ParseHashdeep(source::ByteStream& in, RecordSink& sink, SourceInfo* info);
// md5sum / sha1sum / sha256sum output ("HEX  NAME", "HEX *NAME"), BSD tags ("MD5 (NAME) = HEX")
// or bare HEX per line; the digest type follows from its length (32, 40, 64).
Status ParseHashList(source::ByteStream& in, RecordSink& sink, SourceInfo* info);
// PDQ lists: "HASH[,QUALITY[,NAME]]" per line, HASH 64 hex digits, QUALITY 0..100.
Status ParsePdqList(source::ByteStream& in, RecordSink& sink, SourceInfo* info);
// One of the stream formats above. REQUIRES: format is not kAuto or kNsrl.
Status ParseStream(ImportFormat format, source::ByteStream& in, RecordSink& sink, SourceInfo* info);

// NIST NSRL RDSv3 SQLite, opened read-only and immutable: the FILE view when present, else the
// METADATA table (column names checked, see docs/hash-sets.md). Errors: "not_nsrl".
Status ParseNsrl(const std::string& path, RecordSink& sink, SourceInfo* info);

}  // namespace ngb::hashset
