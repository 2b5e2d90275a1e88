// Test helper: archives built in memory with libarchive's write API (benign, generated content).
#pragma once
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ngb::testing {

struct Member {
  std::string name;
  std::string data;
  unsigned type = AE_IFREG;
  std::string link;        // symlink target (AE_IFLNK) or hard-link target (hardlink=true)
  bool hardlink = false;
  int64_t mtime_sec = 1'700'000'000;
  long mtime_nsec = 0;
  unsigned perm = 0644;
  // Logical size of a member whose data is `zeros` zero bytes (written in chunks, not held).
  uint64_t zeros = 0;
  // Sparse map (offset, length) of data regions; the rest is a hole.
  std::vector<std::pair<int64_t, int64_t>> sparse;
};

inline la_ssize_t AppendCb(struct archive*, void* client, const void* buf, size_t n) {
  static_cast<std::string*>(client)->append(static_cast<const char*>(buf), n);
  return static_cast<la_ssize_t>(n);
}

using ArchiveSetup = std::function<int(struct archive*)>;

// Writes an archive; `setup` selects the format and filters. Returns "" (with a test failure) on error.
inline std::string WriteArchive(const ArchiveSetup& setup, const std::vector<Member>& members) {
  struct archive* a = archive_write_new();
  std::string out;
  auto fail = [&](const char* what) {
    ADD_FAILURE() << what << ": " << (archive_error_string(a) ? archive_error_string(a) : "?");
    archive_write_free(a);
    return std::string();
  };
  if (setup(a) != ARCHIVE_OK) return fail("setup");
  archive_write_set_bytes_in_last_block(a, 1);
  if (archive_write_open(a, &out, nullptr, AppendCb, nullptr) != ARCHIVE_OK) return fail("open");
  for (const Member& m : members) {
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, m.name.c_str());
    archive_entry_set_filetype(e, m.type);
    archive_entry_set_perm(e, m.perm);
    archive_entry_set_mtime(e, m.mtime_sec, m.mtime_nsec);
    if (m.hardlink) {
      archive_entry_set_hardlink(e, m.link.c_str());
      archive_entry_set_size(e, 0);
    } else if (m.type == AE_IFLNK) {
      archive_entry_set_symlink(e, m.link.c_str());
    } else if (m.type == AE_IFREG) {
      archive_entry_set_size(e, static_cast<la_int64_t>(m.zeros ? m.zeros : m.data.size()));
    }
    for (const auto& [off, len] : m.sparse) archive_entry_sparse_add_entry(e, off, len);
    if (archive_write_header(a, e) < ARCHIVE_WARN) {
      archive_entry_free(e);
      return fail("header");
    }
    archive_entry_free(e);
    if (m.type == AE_IFREG && !m.hardlink) {
      if (m.zeros) {
        const std::string chunk(1 << 20, '\0');
        for (uint64_t left = m.zeros; left > 0;) {
          const size_t n = static_cast<size_t>(std::min<uint64_t>(left, chunk.size()));
          if (archive_write_data(a, chunk.data(), n) < 0) return fail("data");
          left -= n;
        }
      } else if (!m.data.empty() && archive_write_data(a, m.data.data(), m.data.size()) < 0) {
        return fail("data");
      }
    }
  }
  if (archive_write_close(a) != ARCHIVE_OK) return fail("close");
  archive_write_free(a);
  return out;
}

inline ArchiveSetup Zip() { return [](struct archive* a) { return archive_write_set_format_zip(a); }; }
inline ArchiveSetup Pax() { return [](struct archive* a) { return archive_write_set_format_pax(a); }; }
inline ArchiveSetup PaxGz() {
  return [](struct archive* a) {
    int r = archive_write_set_format_pax(a);
    return r == ARCHIVE_OK ? archive_write_add_filter_gzip(a) : r;
  };
}
inline ArchiveSetup PaxZstd() {
  return [](struct archive* a) {
    int r = archive_write_set_format_pax(a);
    return r == ARCHIVE_OK ? archive_write_add_filter_zstd(a) : r;
  };
}
inline ArchiveSetup SevenZip() { return [](struct archive* a) { return archive_write_set_format_7zip(a); }; }
inline ArchiveSetup RawGz() {
  return [](struct archive* a) {
    int r = archive_write_set_format_raw(a);
    return r == ARCHIVE_OK ? archive_write_add_filter_gzip(a) : r;
  };
}
inline ArchiveSetup RawZstd() {
  return [](struct archive* a) {
    int r = archive_write_set_format_raw(a);
    return r == ARCHIVE_OK ? archive_write_add_filter_zstd(a) : r;
  };
}

// pax + gzip at the fastest level: building multi-hundred-MiB bombs stays quick.
inline ArchiveSetup PaxGzFast() {
  return [](struct archive* a) {
    int r = archive_write_set_format_pax_restricted(a);
    if (r == ARCHIVE_OK) r = archive_write_add_filter_gzip(a);
    if (r == ARCHIVE_OK) r = archive_write_set_filter_option(a, "gzip", "compression-level", "1");
    return r;
  };
}

}  // namespace ngb::testing
