// Disk images as scan sources: how the walker turns one image into units of work, and the
// media check of an image's own item.
//
// Units (each resumable on its own, see Scanner): the image file itself (read and hashed like any
// file: it is evidence), one directory-like item per volume ("disk.dd/p2(NTFS)"), then one per
// name in each file system ("disk.dd/p2(NTFS)/Users/x/a.jpg", deleted and orphan files included,
// NTFS streams as "a.txt:stream"). Items inside the image have depth 1 (their parent is the image
// container), their parent_id is their folder's item (the volume item at the root), and their
// content is read through TSK by the worker.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "pipeline/worker.h"
#include "source/disk_image.h"

namespace ngb::pipeline {

// Id of the top-level unit with this provenance path finished by an earlier run, if any.
using FinishedFn = std::function<std::optional<int64_t>(const std::string&)>;

// Lists the units of the image source `image` (its walk entry, already stat'ed) in `format` and
// passes those with content to read to `push` (false: stop, the scan is closing); units with
// nothing to read (volumes, folders, links, names whose metadata is lost) go straight to `emit`
// (the sink), before any unit inside them is pushed, so that a parent's row is never missing
// behind a finished child after an interruption. Units `finished` already are not pushed;
// `skipped` counts them. Damage (no volumes, unreadable file systems) becomes error
// rows; nothing is thrown.
void ListImageUnits(source::WalkEntry&& image, source::ImageFormat format, int64_t scan_id, int64_t source_id,
                    std::atomic<int64_t>& next_id, const FinishedFn& finished,
                    const std::function<bool(Work&&)>& push, const std::function<void(ItemRecord&&)>& emit,
                    std::atomic<int64_t>& skipped);

// Hashes the whole media of `image` into rec's attrs (media.md5, media.sha1, media.sha256) and,
// for EWF, compares them with the acquisition hashes stored in the image (ewf.stored_md5,
// ewf.stored_sha1): a difference sets the error "acquisition_hash_mismatch". For a block device
// (no content of its own) the media digests become the item's digests.
void VerifyMedia(ItemRecord& rec, source::DiskImage& image);

}  // namespace ngb::pipeline
