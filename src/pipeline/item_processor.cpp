#include "pipeline/item_processor.h"

#include <algorithm>
#include <string_view>

#include "analyse/sniff.h"
#include "core/provenance.h"
#include "pipeline/archive_phone_tagging.h"
#include "pipeline/spool.h"
#include "source/archive_reader.h"

namespace ngb::pipeline {
namespace {
constexpr size_t kHeadBytes = 64 * 1024;

// Passes a member's bytes on and keeps a copy of them, up to a limit (an iOS backup's Manifest.db,
// read as a database once the member has been analysed).
class KeepingStream final : public source::ByteStream {
 public:
  KeepingStream(source::ByteStream& in, uint64_t limit) : in_(in), limit_(limit) {}

  Result<std::span<const uint8_t>> Next() override {
    Result<std::span<const uint8_t>> r = in_.Next();
    if (r.ok() && !over_) {
      if (kept_.size() + r->size() > limit_) {
        over_ = true;
        std::vector<uint8_t>().swap(kept_);
      } else {
        kept_.insert(kept_.end(), r->begin(), r->end());
      }
    }
    return r;
  }

  Result<std::vector<uint8_t>> Take() {
    if (over_) return Status::Error("too_large", "larger than " + std::to_string(limit_ >> 20) + " MiB");
    return std::move(kept_);
  }

 private:
  source::ByteStream& in_;
  const uint64_t limit_;
  std::vector<uint8_t> kept_;
  bool over_ = false;
};

// "photo.jpg.gz" -> "photo.jpg": the name of the single member of a bare compressed stream.
std::string RawMemberName(std::string_view container_path) {
  std::string base(BaseName(container_path));
  const size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  if (base.empty()) base = "data";
  return base;
}

// Leading bytes of container formats. Content that starts like a container but that the sniffer
// does not confirm (a damaged zip, say) is still handed to libarchive, so damage is reported.
enum class Signature { kNone, kArchive, kCompressedStream };
Signature ContainerSignature(std::span<const uint8_t> h) {
  auto starts = [&](std::string_view sig) {
    return h.size() >= sig.size() &&
           std::equal(sig.begin(), sig.end(), h.begin(),
                      [](char a, uint8_t b) { return static_cast<uint8_t>(a) == b; });
  };
  using namespace std::string_view_literals;
  if (starts("PK\x03\x04"sv) || starts("PK\x05\x06"sv) || starts("7z\xBC\xAF\x27\x1C"sv) ||
      starts("Rar!\x1A\x07"sv)) {
    return Signature::kArchive;
  }
  if (starts("\x1F\x8B"sv) || starts("BZh"sv) || starts("\xFD" "7zXZ\x00"sv) ||
      starts("\x28\xB5\x2F\xFD"sv) || starts("\x04\x22\x4D\x18"sv)) {
    return Signature::kCompressedStream;
  }
  return Signature::kNone;
}

// Some container signatures are 2 bytes long, so about 1 random file in 30,000 carries one. Such
// content is opened only when more of its header agrees (gzip: deflate method, reserved flag bits
// clear) or its name says what it is (compress: .Z; binary cpio: .cpio); otherwise random data
// would be reported as a corrupt archive.
bool WorthOpening(std::string_view mime, std::span<const uint8_t> h, std::string_view path) {
  if (mime == "application/gzip" || mime == "application/x-gzip") {
    return h.size() >= 4 && h[0] == 0x1f && h[1] == 0x8b && h[2] == 8 && (h[3] & 0xE0) == 0;
  }
  if (mime == "application/x-compress") {
    const std::string ext = Extension(path);
    return ext == "z" || ext == "taz" || ext == "tz";
  }
  if (mime == "application/x-cpio" && h.size() >= 2 &&
      ((h[0] == 0xc7 && h[1] == 0x71) || (h[0] == 0x71 && h[1] == 0xc7))) {
    return Extension(path) == "cpio";
  }
  return true;
}

// True when the last 64 KiB + 22 bytes of `input` hold a zip end-of-central-directory record.
bool HasZipEnd(source::RandomAccess& input) {
  const uint64_t size = input.size();
  const uint64_t span = std::min<uint64_t>(size, 65535 + 22);
  std::vector<uint8_t> tail(static_cast<size_t>(span));
  Result<size_t> n = input.ReadAt(size - span, tail.data(), tail.size());
  if (!n.ok() || *n < 22) return false;
  for (size_t i = *n - 22 + 1; i-- > 0;) {
    if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) return true;
  }
  return false;
}

std::string FormatRatio(double r) { return std::to_string(static_cast<int64_t>(r)); }
}  // namespace

ItemProcessor::ItemProcessor(const ProcessorConfig& config, Sink& sink,
                             std::atomic<int64_t>& next_id, ProgressCounters& progress)
    : config_(config),
      sink_(sink),
      next_id_(next_id),
      progress_(progress),
      analysers_(analyse::CreateAnalysers(config.analysers)) {
  for (auto& a : analysers_) {
    if (auto* d = dynamic_cast<analyse::DigestAnalyser*>(a.get())) digest_ = d;
  }
}

void ItemProcessor::Emit(ItemRecord&& rec) {
  progress_.items_done.fetch_add(1, std::memory_order_relaxed);
  if (!rec.error.empty()) {
    ++errors_[rec.error];
    progress_.errors.fetch_add(1, std::memory_order_relaxed);
  }
  sink_.Put(std::move(rec));
}

bool ItemProcessor::Charge(uint64_t n, UnitBudget& budget) {
  const ContainerLimits& lim = config_.limits;
  budget.expanded += n;
  if (!budget.exhausted) {
    if (budget.expanded > lim.max_expanded_bytes) {
      budget.exhausted = true;
      budget.reason = "expanded_size_limit";
      budget.detail = "more than " + std::to_string(lim.max_expanded_bytes) +
                      " bytes expanded from one top-level item (--max-expanded)";
    } else if (budget.expanded > lim.ratio_grace_bytes &&
               static_cast<double>(budget.expanded) >
                   lim.max_ratio * static_cast<double>(std::max<uint64_t>(budget.top_size, 1))) {
      budget.exhausted = true;
      budget.reason = "compression_bomb";
      budget.detail = "expanded more than " + FormatRatio(lim.max_ratio) +
                      "x the size of the top-level item (--max-ratio)";
    }
  }
  if (budget.exhausted) return false;
  if (!frames_.empty()) {
    Frame& f = frames_.back();
    f.output += n;
    if (f.output > lim.ratio_grace_bytes &&
        static_cast<double>(f.output) > lim.max_ratio * static_cast<double>(std::max<uint64_t>(f.size, 1))) {
      f.bomb = true;
      return false;
    }
  }
  return true;
}

void ItemProcessor::ProcessContent(ItemRecord& rec, source::ByteStream& in,
                                   source::RandomAccess* reopen, UnitBudget& budget) {
  Begin(rec, reopen, budget);
  Status read_error;
  for (;;) {
    Result<std::span<const uint8_t>> r = in.Next();
    if (!r.ok()) {
      read_error = r.status();
      break;
    }
    if (r->empty() || !Feed(*r)) break;
  }
  End(read_error);
}

void ItemProcessor::Begin(ItemRecord& rec, source::RandomAccess* reopen, UnitBudget& budget,
                          DigestLanes* lanes, int lane) {
  cur_.rec = &rec;
  cur_.reopen = reopen;
  cur_.budget = &budget;
  cur_.head.clear();
  cur_.in_memory = reopen ? reopen->InMemory() : std::nullopt;
  cur_.decided = cur_.container = cur_.compressed_stream = cur_.over_limit = cur_.no_expand = false;
  cur_.spool.reset();
  cur_.spool_error = Status::Ok();
  cur_.total = 0;
  if (lanes && digest_) digest_->UseLane(lanes, lane);
  for (auto& a : analysers_) a->Begin(rec, reopen);
}

std::span<const uint8_t> ItemProcessor::Head() const {
  const Current& c = cur_;
  if (!c.in_memory) return c.head;
  // Fed in order: only what has been fed of it.
  return c.in_memory->first(static_cast<size_t>(std::min<uint64_t>({c.in_memory->size(), c.total, kHeadBytes})));
}

void ItemProcessor::Decide() {
  Current& c = cur_;
  c.decided = true;
  const std::span<const uint8_t> head = Head();
  std::optional<std::string_view> mime =
      analyse::sniff_mime(head, std::max<uint64_t>(c.total, c.rec->size.value_or(0)));
  if (mime && !WorthOpening(*mime, head, c.rec->path)) {
    // A weak signature that random data shares often; see WorthOpening().
  } else if (mime && analyse::is_archive_mime(*mime)) {
    c.container = true;
    c.compressed_stream = analyse::is_compressed_stream_mime(*mime);
  } else if (const Signature sig = ContainerSignature(head); !mime && sig != Signature::kNone) {
    c.container = true;
    c.compressed_stream = sig == Signature::kCompressedStream;
  }
  if (c.no_expand) c.container = false;
  // Only containers that will be opened are worth spooling.
  if (!c.container || c.rec->depth >= config_.limits.max_depth) c.spool.reset();
}

bool ItemProcessor::Feed(std::span<const uint8_t> chunk) {
  Current& c = cur_;
  for (auto& a : analysers_) a->Consume(chunk);
  c.total += chunk.size();
  if (c.rec->depth == 0) {
    progress_.bytes_done.fetch_add(static_cast<int64_t>(chunk.size()), std::memory_order_relaxed);
  } else if (!Charge(chunk.size(), *c.budget)) {
    c.over_limit = true;
    return false;
  }
  if (!c.decided && c.in_memory) {
    if (c.total >= kHeadBytes) Decide();  // Head() looks at the bytes where they are
  } else if (!c.decided) {
    const size_t take = std::min(chunk.size(), kHeadBytes - c.head.size());
    c.head.insert(c.head.end(), chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(take));
    if (!c.reopen && !c.spool) {
      c.spool = std::make_unique<Spool>(config_.scratch_dir, config_.limits.memory_spool_bytes);
    }
    if (c.spool && c.spool_error.ok()) c.spool_error = c.spool->Append(chunk);
    if (c.head.size() >= kHeadBytes) Decide();
  } else if (c.spool && c.spool_error.ok()) {
    c.spool_error = c.spool->Append(chunk);
  }
  return true;
}

void ItemProcessor::End(const Status& read_error) {
  if (!cur_.decided) Decide();
  // Expansion below re-enters Begin()/Feed()/End() for the members: take this item's state.
  // (The head buffer stays with cur_ for reuse: it is not needed past Decide().)
  ItemRecord& rec = *cur_.rec;
  UnitBudget& budget = *cur_.budget;
  source::RandomAccess* const reopen = cur_.reopen;
  std::unique_ptr<Spool> spool = std::move(cur_.spool);
  const Status spool_error = cur_.spool_error;
  const bool container = cur_.container, compressed_stream = cur_.compressed_stream;
  const bool over_limit = cur_.over_limit;
  const uint64_t total = cur_.total;
  cur_.rec = nullptr;

  const bool complete = read_error.ok() && !over_limit;
  for (auto& a : analysers_) a->Finish(rec, complete);
  if (complete && (!rec.size || rec.kind == ItemKind::kMember)) rec.size = total;
  if (complete && rec.kind == ItemKind::kFile && rec.size && *rec.size != total) {
    if (rec.allocated.has_value()) {  // set, allocated or deleted, only inside an image
      // A file of a file system inside an image cannot change during the scan (the image itself is
      // checked as its own item). What The Sleuth Kit reads is its content, as `icat` shows it:
      // NTFS's $BadClus:$Bad, for one, is listed as long as the volume and reads as empty. Noted,
      // with the digests of what was read.
      rec.attrs.emplace_back("fs.short_content", "the file system lists " + std::to_string(*rec.size) +
                                                     " bytes; The Sleuth Kit reads " + std::to_string(total));
    } else {
      rec.SetError("changed_during_scan", "read " + std::to_string(total) + " bytes of a file listed with " +
                                              std::to_string(*rec.size));
    }
  }
  if (!read_error.ok()) rec.SetError(read_error.reason(), read_error.detail());
  if (over_limit) {
    if (budget.exhausted) {
      rec.SetError(budget.reason, budget.detail);
    } else {
      rec.SetError("compression_bomb", "member expanded more than " +
                                           FormatRatio(config_.limits.max_ratio) +
                                           "x its container's size (--max-ratio)");
    }
  }
  if (!complete || !container) return;
  if (rec.depth >= config_.limits.max_depth) {
    rec.SetError("nesting_too_deep", "container nested deeper than --max-depth " +
                                         std::to_string(config_.limits.max_depth) + "; not opened");
    return;
  }
  if (reopen) {
    Expand(rec, *reopen, compressed_stream, budget);
  } else if (!spool_error.ok()) {
    rec.SetError(spool_error.reason(), spool_error.detail());
  } else if (spool) {
    Expand(rec, *spool, compressed_stream, budget);
  }
}

int64_t ItemProcessor::Expand(ItemRecord& container, source::RandomAccess& input,
                              bool compressed_stream, UnitBudget& budget) {
  using Formats = source::ArchiveReader::Formats;
  source::ArchiveReader reader(input, compressed_stream ? Formats::kArchivesOrRaw : Formats::kArchives);
  if (Status s = reader.Open(); !s.ok()) {
    container.SetError(s.reason(), s.detail());
    return 0;
  }
  const int64_t members = ExpandMembers(container, reader, input.size(), budget);
  if (container.error.empty() && reader.format_name().starts_with("ZIP") && !HasZipEnd(input)) {
    // libarchive reads the members it can find even when the central directory is gone.
    container.SetError("truncated", "zip has no end-of-central-directory record (cut short?)");
  }
  if (members == 0 && compressed_stream && container.error.empty()) {
    // A compressed stream whose content merely resembles an empty archive (e.g. zeros read as a
    // tar end-of-archive block): read it as the single stream it is.
    container.attrs.clear();
    source::ArchiveReader raw(input, Formats::kRawOnly);
    if (Status s = raw.Open(); !s.ok()) {
      container.SetError(s.reason(), s.detail());
      return 0;
    }
    return ExpandMembers(container, raw, input.size(), budget);
  }
  return members;
}

int64_t ItemProcessor::ExpandMembers(ItemRecord& container, source::ArchiveReader& reader,
                                     uint64_t container_size, UnitBudget& budget) {
  frames_.push_back(Frame{container_size, 0, false});
  int64_t members = 0;
  ArchivePhoneTagger phone(container.path);  // phone extraction layouts, iOS backups
  std::vector<ItemRecord> released;          // members that waited for their backup's Manifest.db
  for (;;) {
    if (budget.exhausted) {
      container.SetError(budget.reason, budget.detail);
      break;
    }
    if (frames_.back().bomb) {
      container.SetError("compression_bomb", "members expanded more than " +
                                                 FormatRatio(config_.limits.max_ratio) +
                                                 "x the container's size (--max-ratio)");
      break;
    }
    Result<std::optional<source::ArchiveEntry>> next = reader.Next();
    if (!next.ok()) {
      container.SetError(next.status().reason(), next.status().detail());
      break;
    }
    if (!next->has_value()) break;
    source::ArchiveEntry& e = **next;
    ++members;

    ItemRecord child;
    child.id = next_id_.fetch_add(1);
    child.parent_id = container.id;
    child.top_id = container.top_id;
    child.scan_id = container.scan_id;
    child.source_id = container.source_id;
    child.depth = container.depth + 1;
    child.path = JoinMember(container.path, reader.raw() ? RawMemberName(container.path) : e.name);
    child.kind = e.kind;
    child.size = e.size;
    child.mtime = e.mtime;
    child.atime = e.atime;
    child.ctime = e.ctime;
    child.btime = e.btime;
    child.mode = e.mode;
    child.link_target = e.link_target;
    if (child.kind == ItemKind::kMember) {
      if (e.encrypted) {
        child.SetError("encrypted", "member is encrypted and no passphrase was given");
      } else if (e.hardlink) {
        child.attrs.emplace_back("archive.hardlink", e.link_target);
      } else if (!reader.raw() && ArchivePhoneTagger::IsManifest(e.name)) {
        KeepingStream keeping(reader.Data(), ArchivePhoneTagger::kMaxManifestBytes);
        ProcessContent(child, keeping, nullptr, budget);
        if (child.error.empty()) phone.AddManifest(e.name, keeping.Take(), child, released);
      } else {
        ProcessContent(child, reader.Data(), nullptr, budget);
      }
    }
    if (phone.Tag(e.name, child)) Emit(std::move(child));
    for (ItemRecord& r : released) Emit(std::move(r));
    released.clear();
  }
  phone.Finish(container, released);
  for (ItemRecord& r : released) Emit(std::move(r));
  frames_.pop_back();
  container.attrs.emplace_back("container.format", reader.format_name());
  container.attrs.emplace_back("container.members", std::to_string(members));
  return members;
}

}  // namespace ngb::pipeline
