#include "pipeline/worker.h"

#include <fcntl.h>

#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "core/batching_sink.h"
#include "hash/digest_lanes.h"
#include "pipeline/image_units.h"
#include "source/batch_reader.h"
#include "source/evidence_file.h"
#include "source/slice_access.h"

namespace ngb::pipeline {
namespace {

constexpr size_t kReadBuffer = 256 * 1024;
// Per file when several are read side by side (16 x 128 KiB per worker).
constexpr size_t kReadBufferLanes = 128 * 1024;

int64_t Ns(const struct timespec& ts) { return int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec; }

void FillFromStat(ItemRecord& rec, const struct stat& st) {
  if (rec.kind == ItemKind::kFile || rec.kind == ItemKind::kSymlink) {
    rec.size = static_cast<uint64_t>(st.st_size);
  }
  rec.mtime = Ns(st.st_mtim);
  rec.atime = Ns(st.st_atim);
  rec.ctime = Ns(st.st_ctim);
  rec.mode = st.st_mode;
  rec.inode = st.st_ino;
}

// A unit this large keeps its worker busy for seconds (~3 s per GiB for three digests on one core).
constexpr uint64_t kHeavyUnitBytes = uint64_t{256} << 20;
bool IsHeavy(const Work& w) { return w.rec.size && *w.rec.size >= kHeavyUnitBytes; }

// One file being read by a worker. Slots never move (FileStream refers to their members).
struct Slot {
  std::unique_ptr<ItemProcessor> proc;
  // Left uninitialised: a page is first touched when a read fills it. On this project's VMs a
  // first touch costs 6-13 us (a zeroed 2 MiB a worker was ~1,000 faults before the first read).
  std::unique_ptr<uint8_t[]> storage;
  std::span<uint8_t> buffer;
  bool busy = false;
  Work work;
  // Read whole by the BatchReader rather than streamed; `reading` while that read is in flight.
  bool batched = false;
  bool reading = false;
  source::BatchReadRequest request;
  size_t batched_bytes = 0;
  std::optional<source::MemoryBytes> memory;
  // Streamed: the open file.
  std::optional<source::EvidenceFile> file;
  std::optional<source::FileStream> stream;
  // Or a file inside a disk image, read through TSK.
  std::unique_ptr<source::FsFileReader> image_file;
  std::optional<source::SliceAccess> carved;  // or a carved file's window over the image
  std::optional<source::RandomAccessStream> image_stream;
  UnitBudget budget;
};

// A regular, non-sparse file whose walker size leaves room in the buffer: one read gets all of it
// and shows that it has not grown.
bool FitsOneRead(const Work& w, size_t buffer) {
  return S_ISREG(w.st.st_mode) && w.st.st_size >= 0 &&
         static_cast<uint64_t>(w.st.st_size) < buffer &&
         w.st.st_blocks * 512LL >= w.st.st_size;
}

// What a worker does with an entry from the queue.
enum class Route {
  kEmit,    // needs no slot: a folder, link or other entry, or an error, recorded as it is
  kImage,   // a file inside a disk image or carved from one: streamed in a slot
  kBatch,   // a small file: read whole with the other slots' (BatchReader)
  kStream,  // a larger file: streamed in a slot, a chunk per round
};
Route RouteOf(const Work& w, bool can_batch, size_t buffer) {
  if (w.in_image) return (w.fs || w.carved_from) && w.rec.error.empty() ? Route::kImage : Route::kEmit;
  if (w.rec.kind != ItemKind::kFile || !w.rec.error.empty()) return Route::kEmit;
  return can_batch && FitsOneRead(w, buffer) ? Route::kBatch : Route::kStream;
}

}  // namespace

Work MakeWork(source::WalkEntry&& e, int64_t scan_id, int64_t source_id, std::atomic<int64_t>& next_id) {
  Work w;
  w.fs_path = std::move(e.fs_path);
  w.dir = std::move(e.dir);
  w.name = std::move(e.name);
  w.st = e.st;
  ItemRecord& r = w.rec;
  r.id = next_id.fetch_add(1);
  r.top_id = r.id;
  r.scan_id = scan_id;
  r.source_id = source_id;
  r.path = std::move(e.provenance);
  r.kind = e.kind;
  if (e.st.st_mode != 0) FillFromStat(r, e.st);
  r.btime = e.btime;
  r.link_target = std::move(e.link_target);
  if (!e.error.ok()) r.SetError(e.error.reason(), e.error.detail());
  return w;
}

// A worker reads up to kSlots top-level files side by side. Small files are read whole, a batch
// at a time; others a chunk of each per round, so that the digests of all of them are computed
// together in SIMD lanes (DigestLanes) after every round; the other analysers run per chunk as
// usual. Containers are expanded when their file has been read, members one at a
// time. Other entries (folders, links, errors) are emitted as they arrive.
//
// There are twice as many slots as kernel lanes: with 16 files of 1-8 KiB a round, the SIMD
// kernels ran out of streams long before the round's last blocks, and ~20 % of a small-file
// scan's blocks went through the one-stream kernel at about half the rate; with 32, the streams
// take turns in the lanes and end together (DigestLanes::Flush). Only kStreamSlots of them
// take files to stream chunk by chunk, as before: on a spinning disk every stream read side by
// side is a seek, and small files are read whole in one request. (A small file whose whole read
// fails, or that has grown past the buffer, is streamed in the slot it is in.)
void RunWorker(const ScanOptions& options, Sink& sink, ProgressCounters& progress,
               BoundedQueue<Work>& queue, std::atomic<int64_t>& next_id, ScanStats& stats) {
  const int kSlots = Md5HasSimd() ? 32 : 1;
  const int kStreamSlots = Md5HasSimd() ? 16 : 1;
  DigestLanes lanes;
  BatchingSink out(sink, 256);
  std::unique_ptr<source::BatchReader> batch_reader = source::BatchReader::Create();
  std::vector<Slot> slots(static_cast<size_t>(kSlots));
  for (Slot& s : slots) {
    s.proc = std::make_unique<ItemProcessor>(options.processor, out, next_id, progress);
    const size_t size = kSlots > 1 ? kReadBufferLanes : kReadBuffer;
    s.storage = std::make_unique_for_overwrite<uint8_t[]>(size);
    s.buffer = std::span<uint8_t>(s.storage.get(), size);
  }
  auto emit_unit = [&](ItemProcessor& proc, ItemRecord&& rec) {
    rec.top_done = true;
    ++stats.units;
    proc.Emit(std::move(rec));
    progress.units_done.fetch_add(1, std::memory_order_relaxed);
  };
  int busy = 0;
  auto release = [&](Slot& s) {
    s.stream.reset();
    s.file.reset();
    s.image_stream.reset();
    s.image_file.reset();
    s.carved.reset();
    s.memory.reset();
    s.work = Work();
    s.busy = false;
    s.batched = false;
    s.reading = false;
    --busy;
  };
  auto begin = [&](Slot& s, size_t i, source::RandomAccess* reopen) {
    s.budget = UnitBudget();
    s.budget.top_size = s.work.in_image ? s.work.rec.size.value_or(0) : static_cast<uint64_t>(s.work.st.st_size);
    s.proc->Begin(s.work.rec, reopen, s.budget, kSlots > 1 ? &lanes : nullptr, static_cast<int>(i));
    if (s.work.image_top) s.proc->NoExpand();
  };
  // Opens the slot's file for streaming; on failure emits the unit with the error and frees the slot.
  auto open_stream = [&](Slot& s, size_t i) {
    Work& w = s.work;
    Result<source::EvidenceFile> f =
        w.dir ? source::EvidenceFile::OpenAt(w.dir->fd(), w.name.c_str(), &w.st)
              : source::EvidenceFile::Open(w.fs_path);
    w.dir.reset();
    if (!f.ok()) {
      w.rec.SetError(f.status().reason(), f.status().detail());
      emit_unit(*s.proc, std::move(w.rec));
      release(s);
      return;
    }
    s.file.emplace(std::move(*f));
    FillFromStat(w.rec, s.file->stat());
    w.rec.sparse = s.file->sparse();
    s.stream.emplace(*s.file, s.buffer);
    begin(s, i, &*s.file);
  };

  // Opens the slot's file inside a disk image; on failure emits the unit with the error.
  auto open_image_file = [&](Slot& s, size_t i) {
    if (s.work.carved_from) {
      s.carved.emplace(*s.work.carved_from, s.work.carved.offset, s.work.carved.length);
      s.image_stream.emplace(*s.carved, s.buffer);
      begin(s, i, &*s.carved);
      return;
    }
    Result<std::unique_ptr<source::FsFileReader>> r = source::FsFileReader::Open(s.work.fs, s.work.content);
    if (!r.ok()) {
      s.work.rec.SetError(r.status().reason(), r.status().detail());
      emit_unit(*s.proc, std::move(s.work.rec));
      release(s);
      return;
    }
    s.image_file = std::move(*r);
    s.image_stream.emplace(*s.image_file, s.buffer);
    begin(s, i, s.image_file.get());
  };

  bool drained = false;
  std::vector<Work> pending;  // taken from the queue in batches, used front to back
  size_t next_pending = 0;
  bool hold_off = false;  // this worker holds a heavy unit: leave the queue to the others
  auto route = [&](const Work& w) { return RouteOf(w, batch_reader != nullptr, slots[0].buffer.size()); };
  // Whether an entry would be streamed in its slot (rather than read whole, or need no slot).
  auto streams = [&](const Work& w) {
    const Route r = route(w);
    return r == Route::kImage || r == Route::kStream;
  };
  // Takes the next entry, fetching from the queue at most as many as there are free slots (plus
  // a few for entries that need no slot), and no more entries to stream than there are free
  // streaming slots, so that the other workers are not starved of work (entries fetched wait
  // here for this worker's slots). A worker that takes a heavy unit keeps the others fetched with
  // it: with none, the other worker alone had every file of a disk image to read (slower).
  // `no_stream`: leaves an entry that would be streamed where it is, for a streaming slot.
  auto next_work = [&](bool wait, bool no_stream) -> std::optional<Work> {
    if (next_pending == pending.size()) {
      if (hold_off) return std::nullopt;
      pending.clear();
      next_pending = 0;
      const size_t want = static_cast<size_t>(kSlots - busy) + 4;
      int stream_room = 0;
      for (int i = 0; i < kStreamSlots; ++i) stream_room += slots[static_cast<size_t>(i)].busy ? 0 : 1;
      auto last = [&](const Work& w) { return streams(w) && --stream_room <= 0; };
      if (wait) {
        out.Send();  // about to block: let the writer have what is held
        if (!queue.PopBatch(pending, want, last)) drained = true;
      } else {
        queue.TryPopBatch(pending, want, last);
        if (pending.empty()) drained = queue.drained();
      }
      if (pending.empty()) return std::nullopt;
    }
    if (no_stream && streams(pending[next_pending])) return std::nullopt;
    return std::move(pending[next_pending++]);
  };
  std::vector<source::BatchReadRequest*> submit, finished;
  std::vector<bool> done(slots.size());      // per round: the slot's file is finished
  std::vector<Status> ended(slots.size());   // and how reading ended
  for (;;) {
    // A worker reading a heavy unit (a disk image, a large video) takes no more units from the
    // queue until it is done with it, so that the other workers share the rest: otherwise it
    // keeps taking its share of small files and ends the scan alone, still reading the big one.
    hold_off = false;
    for (const Slot& s : slots) {
      if (s.busy && IsHeavy(s.work)) hold_off = true;
    }
    // Fill free slots; block only when there is nothing else to do.
    for (size_t i = 0; i < slots.size() && !drained; ++i) {
      Slot& s = slots[i];
      while (!s.busy && !drained) {
        std::optional<Work> w = next_work(busy == 0, static_cast<int>(i) >= kStreamSlots);
        if (!w) break;
        const Route r = route(*w);
        if (r == Route::kEmit) {
          // A block device: its media digests, checked against the acquisition hashes.
          if (!w->in_image && w->media && w->rec.error.empty()) VerifyMedia(w->rec, *w->media);
          emit_unit(*s.proc, std::move(w->rec));
          continue;
        }
        s.work = std::move(*w);
        s.busy = true;
        ++busy;
        if (r == Route::kImage) {
          // A file inside a disk image (streamed through TSK) or carved from one (through a
          // SliceAccess): read in a slot like any large file.
          open_image_file(s, i);
        } else if (r == Route::kBatch) {
          s.batched = true;  // read below, with the others
        } else {
          open_stream(s, i);
        }
      }
    }
    // Start reading the small files whole, all in one system call. Those in the page cache are
    // read when it returns; one that must come from the disk finishes in a later round, while
    // the other slots go on (waiting for the slowest of each batch left the core idle).
    submit.clear();
    bool any_reading = false, any_ready = false;
    for (size_t i = 0; i < slots.size(); ++i) {
      Slot& s = slots[i];
      if (s.busy && s.batched && !s.memory && !s.reading) {
        source::BatchReadRequest& r = s.request;
        r.dir_fd = s.work.dir ? s.work.dir->fd() : AT_FDCWD;
        r.name = s.work.dir ? s.work.name.c_str() : s.work.fs_path.c_str();
        r.buf = s.buffer.data();
        r.cap = s.buffer.size();
        r.slot = static_cast<int>(i);
        s.reading = true;
        submit.push_back(&r);
      }
      any_reading |= s.reading;
      any_ready |= s.busy && !s.reading;
    }
    if (!submit.empty()) batch_reader->Submit(submit);
    if (any_reading) {
      // Wait for a read only when no slot has anything else to do.
      finished.clear();
      batch_reader->Reap(/*wait=*/!any_ready, finished);
      for (source::BatchReadRequest* r : finished) {
        const auto i = static_cast<size_t>(r->slot);
        Slot& s = slots[i];
        s.reading = false;
        const int64_t got = r->result;
        if (got < 0 || static_cast<size_t>(got) >= s.buffer.size()) {
          // Failed (the ordinary open names the reason) or grew past the buffer: stream it.
          s.batched = false;
          open_stream(s, i);
          continue;
        }
        s.work.dir.reset();
        s.batched_bytes = static_cast<size_t>(got);
        s.memory.emplace(std::span<const uint8_t>(s.buffer.data(), s.batched_bytes));
        begin(s, i, &*s.memory);
      }
    }
    if (busy == 0) {
      if (drained) break;
      continue;
    }
    // One round: a chunk of every busy file (all of a file read whole), then MD5 of all at once.
    std::fill(done.begin(), done.end(), false);
    for (size_t i = 0; i < slots.size(); ++i) {
      Slot& s = slots[i];
      if (!s.busy || s.reading) continue;
      if (s.batched) {
        if (s.batched_bytes > 0) s.proc->Feed(std::span<const uint8_t>(s.buffer.data(), s.batched_bytes));
        done[i] = true;
        ended[i] = Status::Ok();
        continue;
      }
      Result<std::span<const uint8_t>> chunk = s.image_stream ? s.image_stream->Next() : s.stream->Next();
      if (!chunk.ok()) {
        done[i] = true;
        ended[i] = chunk.status();
      } else if (chunk->empty() || !s.proc->Feed(*chunk)) {
        done[i] = true;
        ended[i] = Status::Ok();
      }
    }
    lanes.Flush();
    for (size_t i = 0; i < slots.size(); ++i) {
      if (!done[i]) continue;
      Slot& s = slots[i];
      s.proc->End(ended[i]);
      // A file read by one read call cannot change halfway; larger ones are re-checked.
      if (s.file && s.file->size() > s.buffer.size() && s.file->ChangedSinceOpen()) {
        s.work.rec.SetError("changed_during_scan", "size or modification time changed while reading");
      }
      // An EWF or split image: its media digests, checked against the acquisition hashes (also
      // when no volume or file system inside could be opened: that error comes after).
      if (s.work.media && s.work.rec.error.empty()) VerifyMedia(s.work.rec, *s.work.media);
      if (!s.work.after_read.ok() && s.work.rec.error.empty()) {
        s.work.rec.SetError(s.work.after_read.reason(), s.work.after_read.detail());
      }
      emit_unit(*s.proc, std::move(s.work.rec));
      release(s);
    }
  }
  out.Send();
  for (const Slot& s : slots) {
    for (const auto& [k, v] : s.proc->errors_by_reason()) stats.errors_by_reason[k] += v;
  }
}

}  // namespace ngb::pipeline
