// A whole chat export in memory, read-only, followed by zero bytes: what AnalyzeChatFile hands to
// the parsers so that the JSON formats are parsed in place (ParseOptions::input_padding).
//
// Regular files are mapped (PROT_READ, MAP_PRIVATE, MAP_POPULATE): no copy of the export and no
// page faults on a fresh buffer, which cost more than the JSON parsing itself on big exports. The
// padding is anonymous zero pages mapped right after the file's last page. Where mapping is not
// possible (size 0, /proc, a file system without mmap, a file that changed while being mapped)
// the file is read into an uninitialised heap buffer instead.
//
// If the file is truncated by someone else while it is mapped, reading the lost pages raises
// SIGBUS; evidence is expected to be read-only (a mounted image or a write-blocked copy).
#pragma once
#include <cstddef>
#include <memory>
#include <string_view>

#include "core/status.h"
#include "source/evidence_file.h"

namespace ngb::chat {

class PaddedFile {
 public:
  // Reads or maps all of `file` with at least `padding` zero bytes readable after its end.
  // REQUIRES: padding <= 4096.
  static Result<PaddedFile> Load(source::EvidenceFile& file, size_t padding);
  PaddedFile(PaddedFile&& o) noexcept;
  PaddedFile& operator=(PaddedFile&&) = delete;
  PaddedFile(const PaddedFile&) = delete;
  ~PaddedFile();

  // The file's bytes; data()[size() .. size() + padding) are zero. Valid while *this lives.
  std::string_view bytes() const { return {data_, size_}; }
  bool mapped() const { return map_len_ != 0; }

 private:
  PaddedFile() = default;
  const char* data_ = nullptr;
  size_t size_ = 0;
  void* map_ = nullptr;  // mmap'd region (file + zero pages), or nullptr
  size_t map_len_ = 0;
  std::unique_ptr<char[]> heap_;  // fallback buffer
};

}  // namespace ngb::chat
