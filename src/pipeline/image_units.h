// Disk images as scan sources: how the walker turns one image into units of work, and the
// media check of an image's own item.
//
// Units (each resumable on its own, see Scanner): the image file itself (read and hashed like any
// file: it is evidence; unread with ImageUnitOptions::hash_image false), one directory-like item
// per volume ("disk.dd/p2(NTFS)"), then one per name in each file system
// ("disk.dd/p2(NTFS)/Users/x/a.jpg", deleted and orphan files included, NTFS streams as
// "a.txt:stream", HFS+ resource forks as "a.txt/..namedfork/rsrc"). Items inside the image have
// depth 1 (their parent is the image container), their parent_id is their folder's item (the
// volume item at the root), and their content is read through TSK by the worker.
//
// Carving (ImageUnitOptions::carve): after a file system's names, a folder item
// "<volume>/$Carved" and one item per file the carver finds in the file system's unallocated runs
// (in the whole partition when it holds no file system TSK knows; the image's space outside every
// partition is carved last, as "disk.dd/$Carved/<offset>.<ext>" under the image item):
// "disk.dd/p1(FAT16)/$Carved/<offset>.<ext>", where <offset> is the carved file's byte offset in
// the image's media, in decimal (unique, and the same in every run, so carved units resume like
// the others). Carved items are unallocated (alloc 0), have attributes carve.offset,
// carve.length, carve.type, carve.truncated ("1"/"0") and carve.truncation (the reason, when
// truncated), and are read through a SliceAccess over the image by the worker, so every analyser
// and container expansion applies. Problems are rows of their own under "$Carved": "$CarveError"
// (reading the image failed) and "$CarveCap" (error "carve_cap_reached": more than
// max_carved_per_volume files; the rest of the volume is not carved). With CarveMode::kAll the
// slack of every allocated file (source::SlackRuns) is carved too; carve.area is "slack" or
// "unallocated".
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "pipeline/carve_mode.h"
#include "pipeline/worker.h"
#include "source/carver.h"
#include "source/disk_image.h"

namespace ngb::pipeline {

// Id of the top-level unit with this provenance path finished by an earlier run, if any.
using FinishedFn = std::function<std::optional<int64_t>(const std::string&)>;

struct ImageUnitOptions {
  CarveMode carve = CarveMode::kUnallocated;
  int64_t max_carved_per_volume = 1'000'000;
  source::CarveOptions carver;  // formats and the size cap per carved file
  // --carve all: a file system with more slack runs than this is carved without its slack (an
  // error on its $Carved row); its unallocated space is carved all the same.
  size_t max_slack_runs = 1 << 20;
  // false (scan --no-image-hash): the image file's own row is emitted without reading it, with
  // the attribute image.hashed=0 and no digests, and the media is not hashed (an E01's
  // acquisition hashes are not checked). A whole pass over the image saved, for an examiner who
  // has verified it already; the files inside are read and hashed as usual.
  bool hash_image = true;
};

// Lists the units of the image source `image` (its walk entry, already stat'ed) in `format` and
// passes those with content to read to `push` (false: stop, the scan is closing); units with
// nothing to read (volumes, folders, links, names whose metadata is lost) go straight to `emit`
// (the sink), before any unit inside them is pushed, so that a parent's row is never missing
// behind a finished child after an interruption. Units `finished` already are not pushed;
// `skipped` counts them. Damage (no volumes, unreadable file systems) becomes error
// rows; nothing is thrown.
void ListImageUnits(source::WalkEntry&& image, source::ImageFormat format, const ImageUnitOptions& options,
                    int64_t scan_id, int64_t source_id,
                    std::atomic<int64_t>& next_id, const FinishedFn& finished,
                    const std::function<bool(Work&&)>& push, const std::function<void(ItemRecord&&)>& emit,
                    std::atomic<int64_t>& skipped);

// Hashes the whole media of `image` into rec's attrs (media.md5, media.sha1, media.sha256) and,
// for EWF, compares them with the acquisition hashes stored in the image (ewf.stored_md5,
// ewf.stored_sha1): a difference sets the error "acquisition_hash_mismatch". For a block device
// (no content of its own) the media digests become the item's digests.
void VerifyMedia(ItemRecord& rec, source::DiskImage& image);

}  // namespace ngb::pipeline
