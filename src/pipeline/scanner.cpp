#include "pipeline/scanner.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <thread>

#include "core/bounded_queue.h"
#include "pipeline/image_units.h"
#include "pipeline/phone_tagging.h"
#include "pipeline/worker.h"
#include "source/disk_image.h"
#include "source/folder_walker.h"

namespace ngb::pipeline {

Scanner::Scanner(const ScanOptions& options, Sink& sink, ProgressCounters& progress)
    : options_(options), sink_(sink), progress_(progress) {}

ScanStats Scanner::Run(int64_t scan_id, const std::vector<SourceSpec>& sources,
                       std::atomic<int64_t>& next_id,
                       const std::function<std::optional<int64_t>(const std::string&)>& finished) {
  const int threads = options_.threads > 0
                          ? options_.threads
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  // The walker lists far faster than the workers read, so the queue is usually full: it only
  // needs to keep every worker's slots (16 each) supplied. Each queued Work is a whole ItemRecord.
  BoundedQueue<Work> queue(1024, 512);
  std::atomic<int64_t> skipped{0};

  std::thread walker([&] {
    std::vector<Work> batch;  // handed to the workers 32 entries at a time
    bool open = true;
    PhoneTagger phone;  // iOS backup paths and phone-layout categories, as attributes
    auto push = [&](Work&& w) {
      progress_.items_found.fetch_add(1, std::memory_order_relaxed);
      if (w.rec.kind == ItemKind::kFile) {
        progress_.bytes_found.fetch_add(static_cast<int64_t>(w.rec.size.value_or(0)), std::memory_order_relaxed);
      }
      batch.push_back(std::move(w));
      if (batch.size() >= 32) open = queue.PushBatch(batch);
      return open;
    };
    auto offer = [&](source::WalkEntry&& e, int64_t source_id, Status after_read = Status::Ok()) {
      if (finished(e.provenance)) {
        skipped.fetch_add(1);
        return true;
      }
      Work w = MakeWork(std::move(e), scan_id, source_id, next_id);
      w.after_read = std::move(after_read);
      phone.Tag(w.fs_path, w.rec);
      return push(std::move(w));
    };
    // Units of disk images with nothing to read go to the sink from here (image_units.h).
    auto emit = [&](ItemRecord&& rec) {
      progress_.items_found.fetch_add(1, std::memory_order_relaxed);
      progress_.items_done.fetch_add(1, std::memory_order_relaxed);
      if (!rec.error.empty()) progress_.errors.fetch_add(1, std::memory_order_relaxed);
      rec.top_done = true;
      sink_.Put(std::move(rec));
    };
    ImageUnitOptions image_options;
    image_options.carve = options_.carve;
    image_options.max_carved_per_volume = options_.max_carved_per_volume;
    image_options.hash_image = options_.hash_images;
    // Lists `e` as a disk image (its own item and everything inside it) when it is one by content;
    // false leaves `e` untouched for the caller, with `unsupported` set for an image this build
    // cannot open (the caller hashes it as a file and records that error).
    auto list_if_image = [&](source::WalkEntry& e, int64_t source_id, Status& unsupported) {
      Result<std::optional<source::ImageFormat>> image = source::DetectDiskImage(e.fs_path);
      if (!image.ok() && (image.status().reason() == "unsupported_image_format" ||
                          image.status().reason() == "library_missing")) {
        unsupported = image.status();
      }
      if (!image.ok() || !image->has_value()) return false;
      ListImageUnits(std::move(e), **image, image_options, scan_id, source_id, next_id, finished, push, emit,
                     skipped);
      return true;
    };
    for (const SourceSpec& src : sources) {
      source::WalkEntry e;
      e.fs_path = src.fs_path;
      e.provenance = src.label;
      if (source::StatWithBirth(AT_FDCWD, src.fs_path.c_str(), 0, &e.st, &e.btime) != 0) {
        e.kind = ItemKind::kOther;
        e.error = StatusFromErrno(errno, "source");
      } else if (S_ISDIR(e.st.st_mode)) {
        // A disk image inside the folder (named like one, and one by content) is listed like an
        // image source: its own item and everything inside it.
        source::WalkFolder(src.fs_path, src.label, [&](source::WalkEntry&& d) {
          Status unsupported;
          if (d.kind == ItemKind::kFile && S_ISREG(d.st.st_mode) && source::HasDiskImageName(d.provenance) &&
              list_if_image(d, src.source_id, unsupported)) {
            return open;
          }
          return offer(std::move(d), src.source_id, std::move(unsupported));
        });
        continue;
      }
      Status unsupported;
      if (e.error.ok()) {
        // A single path: a file (or a special file, recorded but never opened), or a disk image.
        e.kind = source::KindFromMode(e.st.st_mode);
        if ((S_ISREG(e.st.st_mode) || S_ISBLK(e.st.st_mode)) && list_if_image(e, src.source_id, unsupported)) continue;
      }
      offer(std::move(e), src.source_id, std::move(unsupported));
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
