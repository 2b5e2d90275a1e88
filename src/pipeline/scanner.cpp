#include "pipeline/scanner.h"

#include <sys/stat.h>

#include <cerrno>
#include <thread>

#include "core/bounded_queue.h"
#include "source/evidence_file.h"
#include "source/folder_walker.h"

namespace ngb::pipeline {
namespace {

constexpr size_t kReadBuffer = 256 * 1024;

struct Work {
  ItemRecord rec;
  std::string fs_path;
  std::shared_ptr<const source::DirHandle> dir;  // open parent folder, when held
  std::string name;                               // name within `dir`
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
  ItemRecord& r = w.rec;
  r.id = next_id.fetch_add(1);
  r.top_id = r.id;
  r.scan_id = scan_id;
  r.source_id = source_id;
  r.path = std::move(e.provenance);
  r.kind = e.kind;
  if (e.st.st_mode != 0) FillFromStat(r, e.st);
  r.link_target = std::move(e.link_target);
  if (!e.error.ok()) r.SetError(e.error.reason(), e.error.detail());
  return w;
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
    auto offer = [&](source::WalkEntry&& e, int64_t source_id) {
      if (already_done(e.provenance)) {
        skipped.fetch_add(1);
        return true;
      }
      progress_.items_found.fetch_add(1, std::memory_order_relaxed);
      if (e.kind == ItemKind::kFile) {
        progress_.bytes_found.fetch_add(e.st.st_size, std::memory_order_relaxed);
      }
      return queue.Push(MakeWork(std::move(e), scan_id, source_id, next_id));
    };
    for (const SourceSpec& src : sources) {
      struct stat st {};
      if (stat(src.fs_path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        source::WalkFolder(src.fs_path, src.label,
                           [&](source::WalkEntry&& e) { return offer(std::move(e), src.source_id); });
        continue;
      }
      // A single path: a file (or a special file, recorded but never opened).
      source::WalkEntry e;
      e.fs_path = src.fs_path;
      e.provenance = src.label;
      if (stat(src.fs_path.c_str(), &e.st) != 0) {
        e.kind = ItemKind::kOther;
        e.error = StatusFromErrno(errno, "source");
      } else {
        e.kind = source::KindFromMode(e.st.st_mode);
      }
      offer(std::move(e), src.source_id);
    }
    progress_.walk_done.store(true);
    queue.Close();
  });

  std::vector<ScanStats> per_worker(static_cast<size_t>(threads));
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      ItemProcessor proc(options_.processor, sink_, next_id, progress_);
      std::vector<uint8_t> buffer(kReadBuffer);
      ScanStats& stats = per_worker[static_cast<size_t>(t)];
      while (std::optional<Work> w = queue.Pop()) {
        ItemRecord& rec = w->rec;
        if (rec.kind == ItemKind::kFile && rec.error.empty()) {
          Result<source::EvidenceFile> f =
              w->dir ? source::EvidenceFile::OpenAt(w->dir->fd(), w->name.c_str())
                     : source::EvidenceFile::Open(w->fs_path);
          w->dir.reset();
          if (!f.ok()) {
            rec.SetError(f.status().reason(), f.status().detail());
          } else {
            FillFromStat(rec, f->stat());
            rec.sparse = f->sparse();
            source::FileStream stream(*f, buffer);
            UnitBudget budget;
            budget.top_size = f->size();
            proc.ProcessContent(rec, stream, &*f, budget);
            // A file read by one read call cannot change halfway; larger ones are re-checked.
            if (f->size() > buffer.size() && f->ChangedSinceOpen()) {
              rec.SetError("changed_during_scan", "size or modification time changed while reading");
            }
          }
        }
        rec.top_done = true;
        ++stats.units;
        proc.Emit(std::move(rec));
        progress_.units_done.fetch_add(1, std::memory_order_relaxed);
      }
      stats.errors_by_reason = proc.errors_by_reason();
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
