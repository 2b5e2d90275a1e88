#include "source/disk_image.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <tsk/libtsk.h>
#include <libewf.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "hash/multi_digest.h"
#include "source/tsk_guards.h"
#include "source/tsk_lazy.h"

namespace ngb::source {
namespace {

constexpr uint8_t kEwfSignature[8] = {'E', 'V', 'F', 0x09, 0x0d, 0x0a, 0xff, 0x00};
// Formats Debian's libewf (20140813) cannot open as a disk: EnCase 7's EWF2 (Ex01, Lx01) and the
// logical evidence file L01 (files, not a disk).
constexpr uint8_t kEwf2Signature[8] = {'E', 'V', 'F', '2', 0x0d, 0x0a, 0x81, 0x00};
constexpr uint8_t kLef2Signature[8] = {'L', 'E', 'F', '2', 0x0d, 0x0a, 0x81, 0x00};
constexpr uint8_t kLvfSignature[8] = {'L', 'V', 'F', 0x09, 0x0d, 0x0a, 0xff, 0x00};

bool EndsWith(const std::string& s, const char* suffix) {
  const size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// An image over bytes in memory: TSK_IMG_INFO must be the first member (TSK casts to it).
struct MemoryImage {
  TSK_IMG_INFO info;
  const uint8_t* data;
  size_t size;
};

ssize_t MemoryRead(TSK_IMG_INFO* img, TSK_OFF_T off, char* buf, size_t len) {
  auto* m = reinterpret_cast<MemoryImage*>(img);
  if (off < 0) return -1;
  if (static_cast<uint64_t>(off) >= m->size) return 0;
  const size_t n = std::min<uint64_t>(len, m->size - static_cast<uint64_t>(off));
  std::memcpy(buf, m->data + off, n);
  return static_cast<ssize_t>(n);
}
void MemoryClose(TSK_IMG_INFO* img) { delete reinterpret_cast<MemoryImage*>(img); }
void MemoryStat(TSK_IMG_INFO*, FILE*) {}

std::string EwfErrorText(libewf_error_t* e) {
  if (!e) return {};
  char buf[512] = {};
  libewf_error_sprint(e, buf, sizeof buf - 1);
  libewf_error_free(&e);
  return buf;
}

}  // namespace

const char* ImageFormatName(ImageFormat f) {
  switch (f) {
    case ImageFormat::kRaw: return "raw";
    case ImageFormat::kSplitRaw: return "split_raw";
    case ImageFormat::kEwf: return "ewf";
    case ImageFormat::kMemory: return "memory";
  }
  return "raw";
}

std::string TakeTskError() {
  const char* e = tsk_error_get();
  std::string s = e ? e : "";
  tsk_error_reset();
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

TSK_VS_INFO* OpenVolumeSystem(TSK_IMG_INFO* img) {
  tsk_error_reset();
  // GPT first: with TSK_VS_TYPE_DETECT, TSK 4.11 also parses the protective MBR of a GPT disk
  // and leaks that table's partition list when it settles on GPT.
  TSK_VS_INFO* vs = tsk_vs_open(img, 0, TSK_VS_TYPE_GPT);
  if (!vs) {
    tsk_error_reset();
    vs = tsk_vs_open(img, 0, TSK_VS_TYPE_DETECT);
  }
  if (!vs) tsk_error_reset();
  return vs;
}

bool HasDiskImageName(std::string_view name) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || name.size() - dot > 6) return false;
  // Asked of every file a folder scan meets: ASCII folding in place (std::tolower consults the
  // locale for each byte, 0.6 % of a small-file scan's CPU).
  char buf[5];
  const std::string_view in = name.substr(dot + 1);
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view ext(buf, in.size());
  return ext == "e01" || ext == "001" || ext == "dd" || ext == "raw" || ext == "img" || ext == "ex01" ||
         ext == "l01" || ext == "lx01" ||
         // formats this build does not open, checked so that they are reported (VirtualDiskFormat)
         ext == "vmdk" || ext == "vhd" || ext == "vhdx" || ext == "qcow" || ext == "qcow2" || ext == "vdi" ||
         ext == "aff";
}

namespace {

// Virtual-machine and container disk formats TSK is not asked to read (raw and EWF only), by
// their signatures in the first 72 bytes: their name, or nullptr.
const char* VirtualDiskFormat(const uint8_t* head, size_t n) {
  auto at = [&](size_t off, std::string_view magic) {
    return n >= off + magic.size() && std::memcmp(head + off, magic.data(), magic.size()) == 0;
  };
  if (at(0, "KDMV") || at(0, "# Disk DescriptorFile")) return "a VMware VMDK virtual disk";
  if (at(0, "vhdxfile")) return "a Hyper-V VHDX virtual disk";
  if (at(0, "conectix")) return "a dynamic VHD virtual disk (Virtual PC, Hyper-V)";
  if (at(0, std::string_view("QFI\xfb", 4))) return "a QEMU QCOW virtual disk";
  if (at(64, std::string_view("\x7f\x10\xda\xbe", 4))) return "a VirtualBox VDI virtual disk";
  if (at(0, "AFF10\r\n")) return "an AFF (Advanced Forensic Format) image";
  return nullptr;
}

}  // namespace

Result<std::optional<ImageFormat>> DetectDiskImage(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOATIME);
  const int fd2 = fd >= 0 ? fd : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd2 < 0) return StatusFromErrno(errno, "disk image");
  uint8_t head[72] = {};
  const ssize_t got = ::pread(fd2, head, sizeof head, 0);
  struct stat st {};
  const bool stat_ok = fstat(fd2, &st) == 0;
  ::close(fd2);
  if (got >= 8 && std::memcmp(head, kEwfSignature, 8) == 0) {
    if (Status s = DiskLibrariesReady(); !s.ok()) return s;  // an E01 that cannot be opened here
    return std::optional<ImageFormat>(ImageFormat::kEwf);
  }
  if (got >= 8) {
    const bool ewf2 = std::memcmp(head, kEwf2Signature, 8) == 0 || std::memcmp(head, kLef2Signature, 8) == 0;
    if (ewf2 || std::memcmp(head, kLvfSignature, 8) == 0) {
      return Status::Error(
          "unsupported_image_format",
          ewf2 ? "an EnCase 7 EWF2 image (Ex01/Lx01): the libewf in Debian 12 (20140813) reads E01 only; "
                 "its contents were not examined (convert it to E01 or raw with a newer ewfexport or FTK Imager)"
               : "an EnCase logical evidence file (L01): files, not a disk; its contents were not examined");
    }
  }
  if (const char* what = VirtualDiskFormat(head, got > 0 ? static_cast<size_t>(got) : 0)) {
    return Status::Error("unsupported_image_format",
                         std::string(what) + ": this build reads raw and E01 images only; its contents were not "
                                             "examined (convert it to raw, e.g. with qemu-img convert -O raw, "
                                             "or affconvert for AFF)");
  }
  if (!stat_ok || (!S_ISREG(st.st_mode) && !S_ISBLK(st.st_mode))) return std::optional<ImageFormat>();
  // Too small to hold a partition table or any file system TSK knows.
  if (S_ISREG(st.st_mode) && st.st_size < 1024) return std::optional<ImageFormat>();
  const ImageFormat format = EndsWith(path, ".001") ? ImageFormat::kSplitRaw : ImageFormat::kRaw;
  Result<std::shared_ptr<DiskImage>> img = DiskImage::Open(path, format);
  if (!img.ok()) return std::optional<ImageFormat>();
  TSK_VS_INFO* vs = OpenVolumeSystem((*img)->tsk());
  if (vs) {
    tsk_vs_close(vs);
    return std::optional<ImageFormat>(format);
  }
  tsk_error_reset();
  TSK_FS_INFO* fs = tsk_fs_open_img((*img)->tsk(), 0, TSK_FS_TYPE_DETECT);
  tsk_error_reset();
  if (!fs) return std::optional<ImageFormat>();
  tsk_fs_close(fs);
  return std::optional<ImageFormat>(format);
}

// Every image is opened through one of the two factories below; each calls into the allocation
// guard so that its object file (which holds the tsk_malloc interposers) is linked into any binary
// that can open an image.
Result<std::shared_ptr<DiskImage>> DiskImage::Open(const std::string& path, ImageFormat format) {
  if (Status s = DiskLibrariesReady(); !s.ok()) return s;
  (void)TskRefusedAllocations();
  tsk_error_reset();
  TSK_IMG_TYPE_ENUM type = TSK_IMG_TYPE_RAW;
  if (format == ImageFormat::kEwf) {
    if ((tsk_img_type_supported() & TSK_IMG_TYPE_EWF_EWF) == 0) {
      return Status::Error("unsupported_image", "this build of The Sleuth Kit cannot read EWF (E01) images");
    }
    type = TSK_IMG_TYPE_EWF_EWF;
  }
  // TSK opens image files read-only (O_RDONLY), and finds the other segments of split and EWF
  // images from the first one's name.
  TSK_IMG_INFO* img = tsk_img_open_utf8_sing(path.c_str(), type, 0);
  if (!img) return Status::Error("image_open_failed", TakeTskError());
  std::shared_ptr<DiskImage> d(new DiskImage());
  d->img_ = img;
  d->format_ = format;
  d->path_ = path;
  return d;
}

Result<std::shared_ptr<DiskImage>> DiskImage::FromMemory(std::span<const uint8_t> bytes) {
  if (Status s = DiskLibrariesReady(); !s.ok()) return s;
  (void)TskRefusedAllocations();
  tsk_error_reset();
  auto* m = new MemoryImage();
  std::memset(&m->info, 0, sizeof m->info);
  m->info.tag = TSK_IMG_INFO_TAG;
  m->data = bytes.data();
  m->size = bytes.size();
  TSK_IMG_INFO* img = tsk_img_open_external(m, static_cast<TSK_OFF_T>(bytes.size()), 512, MemoryRead,
                                            MemoryClose, MemoryStat);
  if (!img) {
    delete m;
    return Status::Error("image_open_failed", TakeTskError());
  }
  std::shared_ptr<DiskImage> d(new DiskImage());
  d->img_ = img;
  d->format_ = ImageFormat::kMemory;
  d->path_ = "(memory)";
  return d;
}

DiskImage::~DiskImage() {
  if (img_) tsk_img_close(img_);
}

std::vector<std::string> DiskImage::segments() const {
  std::vector<std::string> out;
  if (format_ == ImageFormat::kMemory || !img_->images) return {path_};
  for (int i = 0; i < img_->num_img; ++i) {
    if (img_->images[i]) out.emplace_back(img_->images[i]);
  }
  if (out.empty()) out.push_back(path_);
  return out;
}

unsigned DiskImage::sector_size() const { return img_->sector_size; }

uint64_t DiskImage::size() const { return img_->size > 0 ? static_cast<uint64_t>(img_->size) : 0; }

Result<size_t> DiskImage::ReadAt(uint64_t offset, uint8_t* buf, size_t n) {
  if (offset >= size()) return size_t{0};
  n = static_cast<size_t>(std::min<uint64_t>(n, size() - offset));
  const ssize_t got = tsk_img_read(img_, static_cast<TSK_OFF_T>(offset), reinterpret_cast<char*>(buf), n);
  if (got < 0) return Status::Error("image_read_error", TakeTskError());
  return static_cast<size_t>(got);
}

Result<AcquisitionHashes> ReadEwfStoredHashes(const std::string& path) {
  if (Status s = DiskLibrariesReady(); !s.ok()) return s;
  libewf_error_t* err = nullptr;
  char** names = nullptr;
  int count = 0;
  if (libewf_glob(path.c_str(), path.size(), LIBEWF_FORMAT_UNKNOWN, &names, &count, &err) != 1) {
    return Status::Error("image_open_failed", "libewf_glob: " + EwfErrorText(err));
  }
  libewf_handle_t* h = nullptr;
  AcquisitionHashes out;
  Status status;
  if (libewf_handle_initialize(&h, &err) != 1) {
    status = Status::Error("image_open_failed", EwfErrorText(err));
  } else if (libewf_handle_open(h, names, count, LIBEWF_OPEN_READ, &err) != 1) {
    status = Status::Error("image_open_failed", "libewf_handle_open: " + EwfErrorText(err));
  } else {
    uint8_t md5[16];
    const int r = libewf_handle_get_md5_hash(h, md5, sizeof md5, &err);
    if (r == 1) out.md5 = ToHex(std::span<const uint8_t>(md5, 16));
    if (r < 0) EwfErrorText(err);
    err = nullptr;
    uint8_t sha1[64] = {};
    const int s = libewf_handle_get_utf8_hash_value(h, reinterpret_cast<const uint8_t*>("SHA1"), 4, sha1,
                                                    sizeof sha1, &err);
    if (s == 1) {
      out.sha1 = reinterpret_cast<const char*>(sha1);
      for (char& c : out.sha1) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (s < 0) EwfErrorText(err);
    err = nullptr;
    libewf_handle_close(h, &err);
    if (err) EwfErrorText(err);
    err = nullptr;
  }
  if (h) libewf_handle_free(&h, nullptr);
  libewf_glob_free(names, count, nullptr);
  if (!status.ok()) return status;
  return out;
}

Result<MediaDigests> HashMedia(RandomAccess& media) {
  constexpr size_t kChunk = 1 << 20;
  std::vector<uint8_t> buf(kChunk);
  MultiDigest d;
  d.Reset();
  MediaDigests out;
  const uint64_t size = media.size();
  while (out.bytes < size) {
    Result<size_t> n = media.ReadAt(out.bytes, buf.data(), buf.size());
    if (!n.ok()) return n.status();
    if (*n == 0) {
      return Status::Error("truncated", "media ends at byte " + std::to_string(out.bytes) + " of " +
                                            std::to_string(size));
    }
    d.Update(std::span<const uint8_t>(buf.data(), *n));
    out.bytes += *n;
  }
  Digests r = d.Final();
  out.md5 = std::move(r.md5);
  out.sha1 = std::move(r.sha1);
  out.sha256 = std::move(r.sha256);
  return out;
}

}  // namespace ngb::source
