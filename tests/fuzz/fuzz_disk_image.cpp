// Fuzz target for the disk-image path: arbitrary bytes as a raw image in memory (TSK's external
// image), through volume detection, every file system TSK recognises, the directory walk (deleted
// and orphan files, NTFS streams), a bounded read of each file's content and carving of the
// unallocated runs and the files' slack (each carve read through a SliceAccess, as the scan
// does). Must never crash, leak or hang, whatever the bytes.
#include <cstdint>
#include <vector>

#include "source/carver.h"
#include "source/disk_image.h"
#include "source/fs_walker.h"
#include "source/slice_access.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ngb::source;
  ngb::Result<std::shared_ptr<DiskImage>> img = DiskImage::FromMemory(std::span<const uint8_t>(data, size));
  if (!img.ok()) return 0;
  ngb::Result<std::vector<Volume>> vols = OpenVolumes(*img);
  if (!vols.ok()) return 0;
  std::vector<uint8_t> buf(64 * 1024);
  for (const Volume& v : *vols) {
    if (!v.fs) continue;
    int entries = 0;
    std::vector<FsContent> files;
    (void)WalkFileSystem(*v.fs, [&](FsEntry&& e) {
      if (++entries > 4096) return false;
      if (e.kind != ngb::ItemKind::kFile || !e.has_meta || e.meta_reused) return true;
      if (e.allocated && files.size() < 256) files.push_back(e.content);
      ngb::Result<std::unique_ptr<FsFileReader>> r = FsFileReader::Open(v.fs, e.content);
      if (!r.ok()) return true;
      // The first and a far chunk: content sizes come from the hostile metadata.
      (void)(*r)->ReadAt(0, buf.data(), buf.size());
      if ((*r)->size() > buf.size()) (void)(*r)->ReadAt((*r)->size() - 1, buf.data(), 1);
      return true;
    });
    ngb::Result<std::vector<ByteRun>> runs = UnallocatedRuns(*v.fs, 4096);
    if (!runs.ok()) continue;
    std::vector<ByteRange> ranges;
    for (const ByteRun& r : *runs) ranges.push_back({r.offset, r.length});
    // --carve all: the files' slack, mapped through their (hostile) run lists.
    ngb::Result<std::vector<ByteRun>> slack = SlackRuns(*v.fs, files, 4096);
    if (slack.ok()) {
      for (const ByteRun& r : *slack) ranges.push_back({r.offset, r.length});
    }
    CarveOptions co;
    co.read_size = 64 * 1024;
    int carved = 0;
    (void)Carve(**img, ranges, co, [&](const CarvedFile& f) {
      if (++carved > 256) return;
      SliceAccess slice(**img, f.offset, f.length);
      (void)slice.ReadAt(0, buf.data(), buf.size());
    });
  }
  return 0;
}
