#include "app/report_thumbnails.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hash/sha256.h"
#include "image/thumbnail.h"

namespace ngb::app {
namespace {

constexpr uint64_t kMaxImageBytes = uint64_t{64} << 20;

// The recorded file's bytes when they still match `sha256`.
Result<std::string> ReadVerified(const std::string& file, const std::string& sha256) {
  int fd = open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOATIME);
  if (fd < 0 && errno == EPERM) fd = open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return Status::Error("evidence_unavailable", ReasonFromErrno(errno));
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return Status::Error("evidence_unavailable", "not a regular file");
  }
  if (static_cast<uint64_t>(st.st_size) > kMaxImageBytes) {
    close(fd);
    return Status::Error("too_large");
  }
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  close(fd);
  if (done != bytes.size() || Sha256Hex(bytes) != sha256) return Status::Error("evidence_changed");
  return bytes;
}

}  // namespace

report::ThumbnailFn ReportThumbnails() {
  return [](const report::ItemRow& row) -> Result<report::Thumbnail> {
    if (row.rec.depth != 0) return Status::Error("in_container");
    const std::string file = row.fs_path();
    if (file.empty() || row.rec.sha256.empty()) return Status::Error("no_content");
    Result<std::string> bytes = ReadVerified(file, row.rec.sha256);
    if (!bytes.ok()) return bytes.status();
    Result<image::Thumbnail> t = image::MakeThumbnail(
        std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size()),
        image::ThumbVariant::kBlurred);
    if (!t.ok()) return t.status();
    return report::Thumbnail{"image/jpeg", std::move(t->jpeg)};
  };
}

}  // namespace ngb::app
