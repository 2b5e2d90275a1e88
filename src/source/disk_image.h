// Disk images as evidence: recognising them by content and opening them read-only with The
// Sleuth Kit (raw, split raw .001/.002…, block devices, EnCase E01 through TSK's libewf support).
//
// A DiskImage is the image's *media* (the bytes of the acquired disk, decompressed for E01), as a
// RandomAccess. Volumes and file systems on it are walked by fs_walker.h.
//
// Thread-safety: a DiskImage may be read from several threads at once (TSK serialises reads of
// one image behind its cache lock). Errors are values; TSK's thread-local error text is copied
// into the Status detail.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "source/byte_source.h"

struct TSK_IMG_INFO;
struct TSK_VS_INFO;

namespace ngb::source {

enum class ImageFormat {
  kRaw,       // one raw file or a block device
  kSplitRaw,  // disk.001, disk.002, … (TSK finds the other segments from the first)
  kEwf,       // EnCase Expert Witness (E01, E02, …)
  kMemory,    // bytes in memory (tests, fuzzing)
};
const char* ImageFormatName(ImageFormat f);  // "raw", "split_raw", "ewf", "memory"

// Whether a file found inside a folder source is named like a disk image worth checking with
// DetectDiskImage: .E01, .001 (the first segment only: later segments belong to it), .dd, .raw,
// .img, and .Ex01/.L01/.Lx01 (to report them; any case). ISO 9660 files are left to the archive
// reader.
bool HasDiskImageName(std::string_view name);

// Decides whether the file (or block device) at `path` is a disk image, by content: an EWF
// signature, or — for raw bytes — a volume system (MBR, GPT, …) or a file system TSK recognises at
// offset 0. Returns nullopt for anything else (an ordinary file stays an ordinary item), and an
// error when the path cannot be read at all, "unsupported_image_format" for evidence files this
// build cannot open (EnCase 7 Ex01/Lx01, logical L01), and "library_missing" for an E01 when The
// Sleuth Kit or libewf cannot be loaded (tsk_lazy.h): the caller hashes those as files and records
// the error on them. Reads a few KiB; never writes.
Result<std::optional<ImageFormat>> DetectDiskImage(const std::string& path);

class DiskImage : public RandomAccess {
 public:
  // Opens an image file (read-only) in the given format. Loads The Sleuth Kit and libewf on
  // first use ("library_missing" when they cannot be).
  static Result<std::shared_ptr<DiskImage>> Open(const std::string& path, ImageFormat format);
  // An image over bytes in memory, which must outlive the DiskImage (fuzzing, tests).
  static Result<std::shared_ptr<DiskImage>> FromMemory(std::span<const uint8_t> bytes);
  ~DiskImage() override;
  DiskImage(const DiskImage&) = delete;
  DiskImage& operator=(const DiskImage&) = delete;

  ImageFormat format() const { return format_; }
  const std::string& path() const { return path_; }
  // The files the image is made of (one for raw/memory; every segment for split raw and EWF).
  std::vector<std::string> segments() const;
  unsigned sector_size() const;
  // The TSK handle; owned by this object.
  TSK_IMG_INFO* tsk() const { return img_; }

  // RandomAccess over the media bytes.
  uint64_t size() const override;
  Result<size_t> ReadAt(uint64_t offset, uint8_t* buf, size_t n) override;

 private:
  DiskImage() = default;
  TSK_IMG_INFO* img_ = nullptr;
  ImageFormat format_ = ImageFormat::kRaw;
  std::string path_;
};

// Acquisition hashes an EWF image carries (lowercase hex; empty when the image stores none).
struct AcquisitionHashes {
  std::string md5, sha1;
};
// Reads the MD5 and SHA-1 stored in an E01 (libewf, all segments found from the first).
Result<AcquisitionHashes> ReadEwfStoredHashes(const std::string& path);

// Digests of the whole media, read sequentially from start to end.
struct MediaDigests {
  std::string md5, sha1, sha256;
  uint64_t bytes = 0;
};
Result<MediaDigests> HashMedia(RandomAccess& media);

// The volume system (partition table) at the start of the image, or null (TSK's error reset).
// The caller closes it with tsk_vs_close().
TSK_VS_INFO* OpenVolumeSystem(TSK_IMG_INFO* img);

// "Last TSK error" as text, for Status details (TSK keeps it per thread). Resets it.
std::string TakeTskError();

}  // namespace ngb::source
