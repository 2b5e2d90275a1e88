#include "pipeline/scanner.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <thread>

#include "core/batching_sink.h"
#include "core/bounded_queue.h"
#include "hash/md5_multi.h"
#include "source/evidence_file.h"
#include "source/folder_walker.h"

namespace ngb::pipeline {
namespace {

constexpr size_t kReadBuffer = 256 * 1024;
// Per file when several are read side by side (16 x 128 KiB per worker).
constexpr size_t kReadBufferLanes = 128 * 1024;

struct Work {
  ItemRecord rec;
  std::string fs_path;
  std::shared_ptr<const source::DirHandle> dir;  // open parent folder, when held
  std::string name;                               // name within `dir`
  struct stat st {};                              // the walker's lstat()
};

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

// Turns a walk entry into a unit of work for the workers.
Work MakeWork(source::WalkEntry&& e, int64_t scan_id, int64_t source_id,
              std::atomic<int64_t>& next_id) {
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

}  // namespace

namespace {

// One file being read by a worker. Slots never move (FileStream refers to their members).
struct Slot {
  std::unique_ptr<ItemProcessor> proc;
  std::vector<uint8_t> buffer;
  bool busy = false;
  Work work;
  std::optional<source::EvidenceFile> file;
  std::optional<source::FileStream> stream;
  UnitBudget budget;
};

// A worker reads up to kSlots top-level files side by side, a chunk of each per round, so that
// the MD5 of all of them is computed together in SIMD lanes (Md5Lanes) after every round; SHA-1,
// SHA-256 and the other analysers run per chunk as usual. Containers are expanded when their
// file has been read, members one at a time. Other entries (folders, links, errors) are emitted
// as they arrive.
void RunWorker(const ScanOptions& options_, Sink& sink_, ProgressCounters& progress_,
               BoundedQueue<Work>& queue, std::atomic<int64_t>& next_id, ScanStats& stats) {
  const int kSlots = Md5HasSimd() ? 16 : 1;
  Md5Lanes lanes;
  BatchingSink out(sink_, 256);
  std::vector<Slot> slots(static_cast<size_t>(kSlots));
  for (Slot& s : slots) {
    s.proc = std::make_unique<ItemProcessor>(options_.processor, out, next_id, progress_);
    s.buffer.resize(kSlots > 1 ? kReadBufferLanes : kReadBuffer);
  }
  auto emit_unit = [&](ItemProcessor& proc, ItemRecord&& rec) {
    rec.top_done = true;
    ++stats.units;
    proc.Emit(std::move(rec));
    progress_.units_done.fetch_add(1, std::memory_order_relaxed);
  };

  int busy = 0;
  bool drained = false;
  std::vector<Work> pending;  // taken from the queue in batches, used front to back
  size_t next_pending = 0;
  // Takes the next entry, fetching from the queue at most as many as there are free slots (plus
  // a few for entries that need no slot), so that the other workers are not starved of work.
  auto next_work = [&](bool wait) -> std::optional<Work> {
    if (next_pending == pending.size()) {
      pending.clear();
      next_pending = 0;
      const size_t want = static_cast<size_t>(kSlots - busy) + 4;
      if (wait) {
        out.Send();  // about to block: let the writer have what is held
        if (!queue.PopBatch(pending, want)) drained = true;
      } else {
        queue.TryPopBatch(pending, want);
        if (pending.empty()) drained = queue.drained();
      }
      if (pending.empty()) return std::nullopt;
    }
    return std::move(pending[next_pending++]);
  };
  std::vector<bool> done(slots.size());      // per round: the slot's file is finished
  std::vector<Status> ended(slots.size());   // and how reading ended
  for (;;) {
    // Fill free slots; block only when there is nothing else to do.
    for (size_t i = 0; i < slots.size() && !drained; ++i) {
      Slot& s = slots[i];
      while (!s.busy && !drained) {
        std::optional<Work> w = next_work(busy == 0);
        if (!w) break;
        ItemRecord& rec = w->rec;
        if (rec.kind != ItemKind::kFile || !rec.error.empty()) {
          emit_unit(*s.proc, std::move(rec));
          continue;
        }
        Result<source::EvidenceFile> f =
            w->dir ? source::EvidenceFile::OpenAt(w->dir->fd(), w->name.c_str(), &w->st)
                   : source::EvidenceFile::Open(w->fs_path);
        w->dir.reset();
        if (!f.ok()) {
          rec.SetError(f.status().reason(), f.status().detail());
          emit_unit(*s.proc, std::move(rec));
          continue;
        }
        s.work = std::move(*w);
        s.file.emplace(std::move(*f));
        FillFromStat(s.work.rec, s.file->stat());
        s.work.rec.sparse = s.file->sparse();
        s.stream.emplace(*s.file, s.buffer);
        s.budget = UnitBudget();
        s.budget.top_size = s.file->size();
        s.proc->Begin(s.work.rec, &*s.file, s.budget, kSlots > 1 ? &lanes : nullptr, static_cast<int>(i));
        s.busy = true;
        ++busy;
      }
    }
    if (busy == 0) {
      if (drained) break;
      continue;
    }
    // One round: a chunk of every busy file, then MD5 of all chunks at once.
    std::fill(done.begin(), done.end(), false);
    for (size_t i = 0; i < slots.size(); ++i) {
      Slot& s = slots[i];
      if (!s.busy) continue;
      Result<std::span<const uint8_t>> chunk = s.stream->Next();
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
      if (s.file->size() > s.buffer.size() && s.file->ChangedSinceOpen()) {
        s.work.rec.SetError("changed_during_scan", "size or modification time changed while reading");
      }
      emit_unit(*s.proc, std::move(s.work.rec));
      s.stream.reset();
      s.file.reset();
      s.work = Work();
      s.busy = false;
      --busy;
    }
  }
  out.Send();
  for (const Slot& s : slots) {
    for (const auto& [k, v] : s.proc->errors_by_reason()) stats.errors_by_reason[k] += v;
  }
}

}  // namespace

Scanner::Scanner(const ScanOptions& options, Sink& sink, ProgressCounters& progress)
    : options_(options), sink_(sink), progress_(progress) {}

ScanStats Scanner::Run(int64_t scan_id, const std::vector<SourceSpec>& sources,
                       std::atomic<int64_t>& next_id,
                       const std::function<bool(const std::string&)>& already_done) {
  const int threads = options_.threads > 0
                          ? options_.threads
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  BoundedQueue<Work> queue(4096);
  std::atomic<int64_t> skipped{0};

  std::thread walker([&] {
    std::vector<Work> batch;  // handed to the workers 32 entries at a time
    bool open = true;
    auto offer = [&](source::WalkEntry&& e, int64_t source_id) {
      if (already_done(e.provenance)) {
        skipped.fetch_add(1);
        return true;
      }
      progress_.items_found.fetch_add(1, std::memory_order_relaxed);
      if (e.kind == ItemKind::kFile) {
        progress_.bytes_found.fetch_add(e.st.st_size, std::memory_order_relaxed);
      }
      batch.push_back(MakeWork(std::move(e), scan_id, source_id, next_id));
      if (batch.size() >= 32) open = queue.PushBatch(batch);
      return open;
    };
    for (const SourceSpec& src : sources) {
      source::WalkEntry e;
      e.fs_path = src.fs_path;
      e.provenance = src.label;
      if (source::StatWithBirth(AT_FDCWD, src.fs_path.c_str(), 0, &e.st, &e.btime) != 0) {
        e.kind = ItemKind::kOther;
        e.error = StatusFromErrno(errno, "source");
      } else if (S_ISDIR(e.st.st_mode)) {
        source::WalkFolder(src.fs_path, src.label,
                           [&](source::WalkEntry&& d) { return offer(std::move(d), src.source_id); });
        continue;
      } else {
        // A single path: a file (or a special file, recorded but never opened).
        e.kind = source::KindFromMode(e.st.st_mode);
      }
      offer(std::move(e), src.source_id);
    }
    if (!batch.empty()) queue.PushBatch(batch);
    progress_.walk_done.store(true);
    queue.Close();
  });

  std::vector<ScanStats> per_worker(static_cast<size_t>(threads));
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      RunWorker(options_, sink_, progress_, queue, next_id, per_worker[static_cast<size_t>(t)]);
    });
  }
  walker.join();
  for (auto& w : workers) w.join();

  ScanStats total;
  total.skipped = skipped.load();
  for (const ScanStats& s : per_worker) {
    total.units += s.units;
    for (const auto& [k, v] : s.errors_by_reason) {
      total.errors_by_reason[k] += v;
      total.errors += v;
    }
  }
  total.items = progress_.items_done.load();
  return total;
}

}  // namespace ngb::pipeline
