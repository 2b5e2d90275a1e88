// ArchiveReader: streams the members of a container (zip, tar and its compressed forms, 7z, rar,
// iso9660, cpio, ...) through libarchive. Members are never written to disk: a member's stored
// name is only ever a provenance string, and its bytes are pulled through MemberStream.
#pragma once
#include <archive.h>
#include <archive_entry.h>

#include <optional>
#include <string>

#include "core/item.h"
#include "source/byte_source.h"

namespace ngb::source {

struct ArchiveEntry {
  std::string name;          // stored name, raw bytes
  ItemKind kind = ItemKind::kMember;
  std::optional<uint64_t> size;
  TimeNs mtime, atime, ctime, btime;
  std::optional<uint32_t> mode;
  std::string link_target;   // symlink or hard-link target
  bool hardlink = false;
  bool encrypted = false;
};

class ArchiveReader {
 public:
  // Which container formats to recognise. Text-based pseudo-formats (mtree) are never enabled:
  // they would read an ordinary compressed text file as a list of phantom members.
  enum class Formats {
    kArchives,       // zip, tar, 7z, rar, rar5, iso9660, cpio, ar, cab, lha, xar, warc
    kArchivesOrRaw,  // the same, else a bare compressed stream as one member
    kRawOnly,        // a bare compressed stream as one member, whatever it holds
  };
  // `input` must outlive the reader.
  ArchiveReader(RandomAccess& input, Formats formats);
  ~ArchiveReader();
  ArchiveReader(const ArchiveReader&) = delete;
  ArchiveReader& operator=(const ArchiveReader&) = delete;

  // Opens the container. Errors: "corrupt_archive", "encrypted", "unsupported_archive".
  Status Open();
  // Next member, or nullopt at the end. A non-ok status means the container cannot be read any
  // further (members returned so far stay valid).
  Result<std::optional<ArchiveEntry>> Next();
  // Content of the current member; valid until the next call to Next().
  ByteStream& Data() { return data_; }
  // Bytes of the container consumed so far (for compression-ratio limits).
  uint64_t input_consumed() const { return consumed_; }
  std::string format_name() const;
  bool raw() const;

 private:
  class MemberStream : public ByteStream {
   public:
    explicit MemberStream(ArchiveReader& r) : r_(r) {}
    Result<std::span<const uint8_t>> Next() override;
    void Reset() { offset_ = 0; done_ = false; pending_ = {}; pending_offset_ = 0; }

   private:
    ArchiveReader& r_;
    int64_t offset_ = 0;     // logical offset reached (sparse gaps are served as zeros)
    bool done_ = false;
    std::span<const uint8_t> pending_;
    int64_t pending_offset_ = 0;
  };

  static la_ssize_t ReadCb(struct archive*, void* self, const void** buf);
  static la_int64_t SkipCb(struct archive*, void* self, la_int64_t request);
  static la_int64_t SeekCb(struct archive*, void* self, la_int64_t offset, int whence);
  Status ErrorStatus(const char* fallback_reason);

  RandomAccess& in_;
  Formats formats_;
  struct archive* a_ = nullptr;
  uint64_t pos_ = 0;
  uint64_t consumed_ = 0;
  std::vector<uint8_t> buf_;
  MemberStream data_{*this};
};

}  // namespace ngb::source
