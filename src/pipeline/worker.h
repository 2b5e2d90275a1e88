// Worker: the loop each worker thread runs. It takes top-level units (files, folders, links…)
// from the walker's queue, reads files side by side and emits finished records to the sink.
//
// Files small enough to be read by one read call are read in batches through io_uring
// (source::BatchReader): one system call opens and reads a whole batch. Larger files are read
// chunk by chunk, up to 16 at a time, so that MD5 runs over all of them in SIMD lanes.
#pragma once
#include <sys/stat.h>

#include <atomic>
#include <memory>
#include <string>

#include "core/bounded_queue.h"
#include "core/item.h"
#include "core/progress.h"
#include "core/sink.h"
#include "pipeline/item_processor.h"
#include "pipeline/scanner.h"
#include "source/carver.h"
#include "source/disk_image.h"
#include "source/folder_walker.h"
#include "source/fs_walker.h"

namespace ngb::pipeline {

// One top-level unit, as the walker found it.
struct Work {
  ItemRecord rec;
  std::string fs_path;
  std::shared_ptr<const source::DirHandle> dir;  // open parent folder, when held
  std::string name;                               // name within `dir`
  struct stat st {};                              // the walker's lstat()
  // An item inside a disk image (never opened by path). Its content, when it has one that can be
  // read, is in `fs` at `content` (read through TSK).
  bool in_image = false;
  std::shared_ptr<source::FileSystem> fs;
  source::FsContent content;
  // Or a carved file: bytes [offset, offset + length) of the image's media (read through a
  // SliceAccess; `fs` is then null).
  std::shared_ptr<source::DiskImage> carved_from;
  source::ByteRange carved;
  // The image file itself, when its media must be hashed separately after the file is read
  // (EWF and split raw: the file's own digests are not the media's). See VerifyMedia().
  std::shared_ptr<source::DiskImage> media;
  bool image_top = false;  // the image file itself: hashed, never opened as a container
  // An error to record once the item has been read and hashed (an evidence file in a format this
  // build cannot open: its digests still go in the case).
  Status after_read;
};

// Turns a walk entry into a unit of work. Ids come from `next_id`.
Work MakeWork(source::WalkEntry&& e, int64_t scan_id, int64_t source_id, std::atomic<int64_t>& next_id);

// Processes units from `queue` until it is closed and drained. Adds to `stats`.
void RunWorker(const ScanOptions& options, Sink& sink, ProgressCounters& progress,
               BoundedQueue<Work>& queue, std::atomic<int64_t>& next_id, ScanStats& stats);

}  // namespace ngb::pipeline
