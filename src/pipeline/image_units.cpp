#include "pipeline/image_units.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <span>
#include <string_view>

#include "core/provenance.h"
#include "pipeline/phone_tagging.h"

namespace ngb::pipeline {
namespace {

// A size no file of this file system can honestly have (metadata of a damaged or hostile
// image): its content is not read, so that a sparse giant cannot keep a worker busy for ever.
bool ImplausibleSize(uint64_t size, const source::FileSystem& fs) {
  const uint64_t room = std::max<uint64_t>(fs.byte_size(), uint64_t{1} << 30);
  return size / 4 > room;
}

std::string_view ParentOf(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

// Walks one file system, pushing a unit per name.
class FsLister {
 public:
  FsLister(const std::string& volume_path, int64_t volume_id, const std::shared_ptr<source::FileSystem>& fs,
           const ItemRecord& proto, std::atomic<int64_t>& next_id, const FinishedFn& finished,
           const std::function<bool(Work&&)>& push, const std::function<void(ItemRecord&&)>& emit,
           std::atomic<int64_t>& skipped)
      : volume_path_(volume_path), volume_id_(volume_id), fs_(fs), proto_(proto), next_id_(next_id),
        finished_(finished), push_(push), emit_(emit), skipped_(skipped) {}

  bool Entry(source::FsEntry&& e) {
    // Provenance paths name units, so they must be unique: a deleted file that shares its name
    // with another entry of the same folder gets "#<inode>" appended.
    std::string rel = e.path;
    if (!seen_.insert(std::hash<std::string>{}(rel)).second) {
      rel += "#" + std::to_string(e.content.inum);
      for (int k = 2; !seen_.insert(std::hash<std::string>{}(rel)).second; ++k) {
        rel = e.path + "#" + std::to_string(e.content.inum) + "." + std::to_string(k);
      }
    }
    Work w;
    ItemRecord& r = w.rec;
    r = proto_;
    r.path = JoinPath(volume_path_, rel);
    r.kind = e.kind;
    r.size = e.size;
    r.mtime = e.mtime;
    r.atime = e.atime;
    r.ctime = e.ctime;
    r.btime = e.crtime;
    r.mode = e.mode;
    if (e.has_meta || e.content.inum != 0) r.inode = e.content.inum;
    r.allocated = e.allocated;
    r.link_target = e.link_target;
    r.parent_id = ParentId(e);
    if (e.named_stream) r.attrs.emplace_back("fs.stream", "1");
    if (e.meta_reused) r.attrs.emplace_back("fs.meta_reused", "1");
    if (!e.has_meta) r.attrs.emplace_back("fs.meta_lost", "1");
    if (e.kind == ItemKind::kFile) AddPhoneCategory(r, rel);  // a phone's file system (DCIM, WhatsApp…)
    w.in_image = true;
    const bool readable = e.kind == ItemKind::kFile && e.has_meta && !e.meta_reused;
    if (readable && e.size && ImplausibleSize(*e.size, *fs_)) {
      r.SetError("implausible_size", "metadata gives " + std::to_string(*e.size) +
                                         " bytes, far more than the file system holds; content not read");
    } else if (readable) {
      w.fs = fs_;
      w.content = e.content;
    }
    if (std::optional<int64_t> done = finished_(r.path)) {
      skipped_.fetch_add(1);
      Remember(e, *done);
      return true;
    }
    r.id = next_id_.fetch_add(1);
    r.top_id = r.id;
    Remember(e, r.id);
    if (w.fs) return push_(std::move(w));
    // Nothing to read (folders, links, names without metadata): recorded at once, so that a
    // folder's row is committed no later than the rows of the files in it.
    emit_(std::move(r));
    return true;
  }

 private:
  int64_t ParentId(const source::FsEntry& e) const {
    if (e.named_stream && e.path.compare(0, last_file_.size(), last_file_) == 0) return last_file_id_;
    auto it = dirs_.find(std::string(ParentOf(e.path)));
    return it != dirs_.end() ? it->second : volume_id_;
  }
  void Remember(const source::FsEntry& e, int64_t id) {
    if (e.named_stream) return;
    if (e.kind == ItemKind::kDirectory) dirs_[e.path] = id;
    last_file_ = e.path;
    last_file_id_ = id;
  }

  const std::string& volume_path_;
  int64_t volume_id_;
  const std::shared_ptr<source::FileSystem>& fs_;
  const ItemRecord& proto_;
  std::atomic<int64_t>& next_id_;
  const FinishedFn& finished_;
  const std::function<bool(Work&&)>& push_;
  const std::function<void(ItemRecord&&)>& emit_;
  std::atomic<int64_t>& skipped_;
  std::unordered_set<uint64_t> seen_;
  std::unordered_map<std::string, int64_t> dirs_;
  std::string last_file_;
  int64_t last_file_id_ = 0;
};

// A unit with nothing to read: the id an earlier run gave it when finished (counted as skipped),
// else a new id, and the record goes to `emit` at once (before anything inside it is listed).
int64_t EmitUnlessFinished(ItemRecord&& r, std::atomic<int64_t>& next_id, const FinishedFn& finished,
                           const std::function<void(ItemRecord&&)>& emit, std::atomic<int64_t>& skipped) {
  if (std::optional<int64_t> done = finished(r.path)) {
    skipped.fetch_add(1);
    return *done;
  }
  r.id = next_id.fetch_add(1);
  r.top_id = r.id;
  const int64_t id = r.id;
  emit(std::move(r));
  return id;
}

// The image read until `stop` is set; then every read fails ("cancelled"), which ends Carve()
// (its callback cannot stop it).
class StoppableRead : public source::RandomAccess {
 public:
  StoppableRead(source::RandomAccess& in, const bool& stop) : in_(in), stop_(stop) {}
  uint64_t size() const override { return in_.size(); }
  Result<size_t> ReadAt(uint64_t offset, uint8_t* buf, size_t n) override {
    if (stop_) return Status::Error("cancelled", "carving stopped");
    return in_.ReadAt(offset, buf, n);
  }

 private:
  source::RandomAccess& in_;
  const bool& stop_;
};

std::vector<source::ByteRange> ToRanges(std::span<const source::ByteRun> runs) {
  std::vector<source::ByteRange> out;
  out.reserve(runs.size());
  for (const source::ByteRun& r : runs) out.push_back({r.offset, r.length});
  return out;
}

// Carves `ranges` of the image into units under "<volume>/$Carved" (see image_units.h); `runs_error`
// (why the ranges could not be listed: nothing is carved) or else `slack_error` (why the slack
// could not be listed: the ranges are carved without it) becomes the folder's error. False: the
// scan is closing.
bool CarveVolume(const std::shared_ptr<source::DiskImage>& img, std::span<const source::ByteRange> ranges,
                 std::span<const source::ByteRange> slack, const Status& runs_error, const Status& slack_error,
                 const std::string& volume_path, int64_t volume_id,
                 const ItemRecord& proto, const ImageUnitOptions& options, std::atomic<int64_t>& next_id,
                 const FinishedFn& finished, const std::function<bool(Work&&)>& push,
                 const std::function<void(ItemRecord&&)>& emit, std::atomic<int64_t>& skipped) {
  uint64_t bytes = 0, slack_bytes = 0;
  for (const source::ByteRange& r : ranges) bytes += r.length;
  for (const source::ByteRange& r : slack) slack_bytes += r.length;
  ItemRecord dir = proto;
  dir.path = JoinPath(volume_path, "$Carved");
  dir.kind = ItemKind::kDirectory;
  dir.parent_id = volume_id;
  dir.attrs.emplace_back("carve.ranges", std::to_string(ranges.size()));
  dir.attrs.emplace_back("carve.bytes", std::to_string(bytes));
  if (!slack.empty()) {
    dir.attrs.emplace_back("carve.slack_ranges", std::to_string(slack.size()));
    dir.attrs.emplace_back("carve.slack_bytes", std::to_string(slack_bytes));
  }
  if (!runs_error.ok()) {
    dir.SetError(runs_error.reason(), "listing unallocated space: " + runs_error.detail());
  } else if (!slack_error.ok()) {
    // The unallocated space is still carved below; only the slack is missing.
    dir.SetError(slack_error.reason(), "listing file slack (not carved): " + slack_error.detail());
  }
  const std::string folder = dir.path;
  const int64_t folder_id = EmitUnlessFinished(std::move(dir), next_id, finished, emit, skipped);
  if (!runs_error.ok()) return true;

  bool stop = false, open = true, capped = false;
  int64_t count = 0;
  StoppableRead in(*img, stop);
  std::vector<source::ByteRange> all(ranges.begin(), ranges.end());
  all.insert(all.end(), slack.begin(), slack.end());
  // Whether a carved file starts in file slack (slack is sorted by offset).
  auto in_slack = [&](uint64_t offset) {
    auto it = std::upper_bound(slack.begin(), slack.end(), offset,
                               [](uint64_t o, const source::ByteRange& r) { return o < r.offset; });
    return it != slack.begin() && offset < std::prev(it)->offset + std::prev(it)->length;
  };
  Status carved = source::Carve(in, all, options.carver, [&](const source::CarvedFile& f) {
    if (stop) return;
    if (++count > options.max_carved_per_volume) {
      capped = true;
      stop = true;
      return;
    }
    Work w;
    ItemRecord& r = w.rec;
    r = proto;
    r.path = JoinPath(folder, std::to_string(f.offset) + "." + source::CarvedExtension(f.type));
    r.kind = ItemKind::kFile;
    r.size = f.length;
    r.allocated = false;
    r.parent_id = folder_id;
    r.attrs.emplace_back("carve.offset", std::to_string(f.offset));
    r.attrs.emplace_back("carve.length", std::to_string(f.length));
    r.attrs.emplace_back("carve.type", f.type);
    r.attrs.emplace_back("carve.area", in_slack(f.offset) ? "slack" : "unallocated");
    r.attrs.emplace_back("carve.truncated", f.truncated ? "1" : "0");
    if (f.truncated) r.attrs.emplace_back("carve.truncation", f.truncation);
    if (finished(r.path)) {
      skipped.fetch_add(1);
      return;
    }
    r.id = next_id.fetch_add(1);
    r.top_id = r.id;
    w.in_image = true;
    w.carved_from = img;
    w.carved = source::ByteRange{f.offset, f.length};
    if (!push(std::move(w))) open = stop = true;
  });
  if (!open) return false;
  // A problem of the carving itself: a row of its own (the folder's is already written).
  ItemRecord err = proto;
  if (capped) {
    err.path = JoinPath(folder, "$CarveCap");
    err.SetError("carve_cap_reached", "more than " + std::to_string(options.max_carved_per_volume) +
                                          " files carved from this volume; the rest was not carved");
  } else if (!carved.ok()) {
    err.path = JoinPath(folder, "$CarveError");
    err.SetError(carved.reason(), "carving: " + carved.detail());
  } else {
    return true;
  }
  err.kind = ItemKind::kOther;
  err.parent_id = folder_id;
  EmitUnlessFinished(std::move(err), next_id, finished, emit, skipped);
  return true;
}

// The ranges carving looks at in one volume: its file system's unallocated runs, or — without a
// file system TSK knows — the whole partition.
std::vector<source::ByteRange> CarveRanges(const source::Volume& v, Status& error) {
  std::vector<source::ByteRange> out;
  if (!v.fs) {
    if (v.length > 0) out.push_back({v.offset, v.length});
    return out;
  }
  Result<std::vector<source::ByteRun>> runs = source::UnallocatedRuns(*v.fs);
  if (!runs.ok()) {
    error = runs.status();
    return out;
  }
  return ToRanges(*runs);
}

}  // namespace

void ListImageUnits(source::WalkEntry&& image, source::ImageFormat format, const ImageUnitOptions& options,
                    int64_t scan_id, int64_t source_id,
                    std::atomic<int64_t>& next_id, const FinishedFn& finished,
                    const std::function<bool(Work&&)>& push, const std::function<void(ItemRecord&&)>& emit,
                    std::atomic<int64_t>& skipped) {
  const std::string label = image.provenance;
  Result<std::shared_ptr<source::DiskImage>> img = source::DiskImage::Open(image.fs_path, format);
  std::vector<source::Volume> volumes;
  Status layout;
  if (img.ok()) {
    Result<std::vector<source::Volume>> v = source::OpenVolumes(*img);
    if (v.ok()) volumes = std::move(*v);
    else layout = v.status();
  } else {
    layout = img.status();
  }

  // The image file itself: read and hashed like any file.
  Work top = MakeWork(std::move(image), scan_id, source_id, next_id);
  // TSK finds a raw image's other segments by name (.000/.001, xaa/xab, .aa/.ab …), not only
  // after a .001: more than one segment makes it a split image whatever the first one is called.
  if (img.ok() && format == source::ImageFormat::kRaw && (*img)->segments().size() > 1) {
    format = source::ImageFormat::kSplitRaw;
  }
  top.rec.attrs.emplace_back("image.format", source::ImageFormatName(format));
  top.image_top = true;
  if (img.ok()) {
    top.rec.attrs.emplace_back("image.media_size", std::to_string((*img)->size()));
    const std::vector<std::string> segs = (*img)->segments();
    top.rec.attrs.emplace_back("image.segments", std::to_string(segs.size()));
    // The file's own digests are the media's only for a single raw file.
    if (format != source::ImageFormat::kRaw || top.rec.kind != ItemKind::kFile) top.media = *img;
  }
  // What could not be opened inside is the item's error, set once the file has been read and
  // hashed: the image file is evidence whatever its contents.
  if (!layout.ok()) top.after_read = layout;
  int64_t image_id = 0;
  if (std::optional<int64_t> done = finished(top.rec.path)) {
    skipped.fetch_add(1);
    image_id = *done;
  } else if (!options.hash_image) {
    top.rec.attrs.emplace_back("image.hashed", "0");
    if (!layout.ok()) top.rec.SetError(layout.reason(), layout.detail());
    image_id = top.rec.id;
    emit(std::move(top.rec));
  } else {
    image_id = top.rec.id;
    if (!push(std::move(top))) return;
  }

  ItemRecord proto;
  proto.scan_id = scan_id;
  proto.source_id = source_id;
  proto.depth = 1;
  for (source::Volume& v : volumes) {
    std::vector<source::FsContent> slack_files;  // --carve all: the allocated files, for their slack
    ItemRecord r = proto;
    r.path = JoinPath(label, v.label);
    r.kind = ItemKind::kDirectory;
    r.parent_id = image_id;
    r.attrs.emplace_back("volume.offset", std::to_string(v.offset));
    r.attrs.emplace_back("volume.length", std::to_string(v.length));
    if (v.slot >= 0) r.attrs.emplace_back("volume.slot", std::to_string(v.table) + ":" + std::to_string(v.slot));
    if (!v.description.empty()) r.attrs.emplace_back("volume.description", v.description);
    if (v.fs) {
      r.attrs.emplace_back("fs.type", v.fs->type_name());
      r.attrs.emplace_back("fs.block_size", std::to_string(v.fs->block_size()));
    } else if (v.empty) {
      r.attrs.emplace_back("volume.empty", "1");  // only zero bytes: nothing to examine
    } else if (!v.no_fs_by_type.empty()) {
      r.attrs.emplace_back("volume.content", v.no_fs_by_type);  // none by design: carved whole
    } else {
      r.SetError(v.error.reason(), v.error.detail());
    }
    const std::string volume_path = r.path;
    const int64_t volume_id = EmitUnlessFinished(std::move(r), next_id, finished, emit, skipped);
    if (v.fs) {
      FsLister lister(volume_path, volume_id, v.fs, proto, next_id, finished, push, emit, skipped);
      bool open = true;
      Status walked = source::WalkFileSystem(*v.fs, [&](source::FsEntry&& e) {
        if (options.carve == CarveMode::kAll && e.allocated && e.has_meta && !e.meta_reused &&
            e.kind == ItemKind::kFile && !e.named_stream && e.content.default_attr) {
          slack_files.push_back(e.content);
        }
        open = lister.Entry(std::move(e));
        return open;
      });
      if (!open) return;
      ItemRecord err = proto;
      err.path = JoinPath(volume_path, "$WalkError");
      if (!walked.ok() && !finished(err.path)) {
        // Recorded as an item of its own: the volume's row is already written.
        err.kind = ItemKind::kOther;
        err.parent_id = volume_id;
        err.id = next_id.fetch_add(1);
        err.top_id = err.id;
        err.SetError(walked.reason(), walked.detail());
        emit(std::move(err));
      }
    }
    if (options.carve != CarveMode::kOff && v.length > 0) {
      Status runs_error;
      const std::vector<source::ByteRange> ranges = CarveRanges(v, runs_error);
      std::vector<source::ByteRange> slack;
      Status slack_error;
      if (v.fs && !slack_files.empty()) {
        Result<std::vector<source::ByteRun>> runs = source::SlackRuns(*v.fs, slack_files, options.max_slack_runs);
        if (runs.ok()) {
          slack = ToRanges(*runs);
        } else {
          slack_error = runs.status();
        }
      }
      if (!CarveVolume(*img, ranges, slack, runs_error, slack_error, volume_path, volume_id, proto, options, next_id,
                       finished, push, emit, skipped)) {
        return;
      }
    }
  }
  // The image's space outside every partition, as "<image>/$Carved/<offset>.<ext>".
  if (img.ok() && options.carve != CarveMode::kOff) {
    const std::vector<source::ByteRange> ranges = ToRanges(source::UnpartitionedRuns(*img));
    if (!ranges.empty()) {
      CarveVolume(*img, ranges, {}, Status::Ok(), Status::Ok(), label, image_id, proto, options, next_id, finished,
                  push, emit, skipped);
    }
  }
}

void VerifyMedia(ItemRecord& rec, source::DiskImage& image) {
  Result<source::MediaDigests> d = source::HashMedia(image);
  if (!d.ok()) {
    rec.SetError(d.status().reason(), "hashing the image's media: " + d.status().detail());
    return;
  }
  rec.attrs.emplace_back("media.md5", d->md5);
  rec.attrs.emplace_back("media.sha1", d->sha1);
  rec.attrs.emplace_back("media.sha256", d->sha256);
  if (rec.kind != ItemKind::kFile && rec.md5.empty()) {
    rec.md5 = d->md5;
    rec.sha1 = d->sha1;
    rec.sha256 = d->sha256;
    rec.size = d->bytes;
  }
  if (image.format() != source::ImageFormat::kEwf) return;
  Result<source::AcquisitionHashes> stored = source::ReadEwfStoredHashes(image.path());
  if (!stored.ok()) {
    rec.SetError(stored.status().reason(), "reading the acquisition hashes: " + stored.status().detail());
    return;
  }
  if (stored->md5.empty() && stored->sha1.empty()) {
    rec.attrs.emplace_back("ewf.stored_hashes", "none");
    return;
  }
  std::string mismatch;
  if (!stored->md5.empty()) {
    rec.attrs.emplace_back("ewf.stored_md5", stored->md5);
    if (stored->md5 != d->md5) mismatch += "MD5 stored " + stored->md5 + ", computed " + d->md5 + "; ";
  }
  if (!stored->sha1.empty()) {
    rec.attrs.emplace_back("ewf.stored_sha1", stored->sha1);
    if (stored->sha1 != d->sha1) mismatch += "SHA-1 stored " + stored->sha1 + ", computed " + d->sha1 + "; ";
  }
  rec.attrs.emplace_back("ewf.verified", mismatch.empty() ? "1" : "0");
  if (!mismatch.empty()) {
    mismatch.resize(mismatch.size() - 2);
    rec.SetError("acquisition_hash_mismatch", "the image's media differs from what was acquired: " + mismatch);
  }
}

}  // namespace ngb::pipeline
