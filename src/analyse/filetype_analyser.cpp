#include "analyse/filetype_analyser.h"

#include "analyse/entropy.h"
#include "analyse/sniff.h"
#include "core/provenance.h"

namespace ngb::analyse {

FileTypeAnalyser::FileTypeAnalyser(bool libmagic_fallback) : libmagic_fallback_(libmagic_fallback) {
  head_.reserve(kHeadBytes);
}

namespace {
// One libmagic handle per thread (handles are not thread-safe), opened on first use: loading the
// database costs milliseconds and megabytes, so analysers on the same thread share it.
magic_t ThreadMagic() {
  struct Handle {
    magic_t m = nullptr;
    bool tried = false;
    ~Handle() {
      if (m) magic_close(m);
    }
  };
  thread_local Handle h;
  if (!h.tried) {
    h.tried = true;
    h.m = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR);
    if (h.m && magic_load(h.m, nullptr) != 0) {
      magic_close(h.m);
      h.m = nullptr;
    }
  }
  return h.m;
}
}  // namespace

void FileTypeAnalyser::Begin(const ItemRecord& item, source::RandomAccess* content) {
  head_.clear();
  seen_ = 0;
  size_hint_ = item.size.value_or(0);
  in_memory_ = content ? content->InMemory() : std::nullopt;
}

void FileTypeAnalyser::Consume(std::span<const uint8_t> chunk) {
  seen_ += chunk.size();
  if (in_memory_ || head_.size() >= kHeadBytes) return;  // in memory: Head() looks there
  const size_t take = std::min(chunk.size(), kHeadBytes - head_.size());
  head_.insert(head_.end(), chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(take));
}

std::span<const uint8_t> FileTypeAnalyser::Head() const {
  if (!in_memory_) return head_;
  // The chunks are the content in order: only what has been seen of it.
  return in_memory_->first(static_cast<size_t>(std::min<uint64_t>({in_memory_->size(), seen_, kHeadBytes})));
}

bool FileTypeAnalyser::RecordEntropy(ItemRecord& item) const {
  const std::span<const uint8_t> head = Head();
  const auto sample = head.first(std::min<size_t>(head.size(), kEntropySample));
  if (sample.empty()) return false;
  item.entropy = ByteEntropy(sample);
  return EntropyLooksRandom(*item.entropy, sample.size());
}

void FileTypeAnalyser::Finish(ItemRecord& item, bool /*complete*/) {
  // Even a partly read item has a head worth typing.
  const uint64_t total = std::max<uint64_t>(seen_, size_hint_);
  const std::span<const uint8_t> head = Head();
  std::optional<std::string_view> mime = sniff_mime(head, total);
  if (mime) {
    item.mime = *mime;
  } else if (RecordEntropy(item)) {
    // Compressed, encrypted or random bytes that no signature claims: libmagic (≈0.2 ms a call)
    // could only say "application/octet-stream". Say so; the entropy column says why.
    item.mime = "application/octet-stream";
  } else if (libmagic_fallback_) {
    magic_t magic = ThreadMagic();
    const char* m = magic ? magic_buffer(magic, head.data(), head.size()) : nullptr;
    item.mime = m ? m : "application/octet-stream";
  } else {
    item.mime = "application/octet-stream";
  }
  item.ext_mismatch = extension_mismatch(item.mime, BaseName(item.path));
}

}  // namespace ngb::analyse
