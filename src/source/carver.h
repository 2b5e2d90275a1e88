// Carver: finds files embedded in raw bytes (unallocated space, slack, a damaged image) by their
// signatures and structure — JPEG, PNG, GIF, PDF and ZIP — and reports where each one lies. It
// never copies a carved file: callers read it through a SliceAccess over the same input.
//
// How: one streaming pass per range with large reads; a SIMD search for the two-byte starts of
// the signatures (as fast as memchr); at each signature a format walker follows the structure
// (JPEG marker segments and entropy-coded data to EOI, PNG chunks with CRCs to IEND, GIF blocks to
// the trailer, PDF to its last %%EOF before the next %PDF-, ZIP local entries and central
// directory to the end record). Scanning resumes after each complete file (and never goes back),
// so the work is linear in the input whatever it holds (hostile input with millions of false
// starts included).
#pragma once
#include <cstdint>
#include <functional>
#include <span>
#include <string>

#include "core/status.h"
#include "source/byte_source.h"

namespace ngb::source {

struct ByteRange {
  uint64_t offset = 0;
  uint64_t length = 0;
};

struct CarvedFile {
  uint64_t offset = 0;  // in the input (absolute, not relative to its range)
  uint64_t length = 0;
  std::string type;     // "jpeg", "png", "gif", "pdf", "zip"
  // False when the walker reached the format's end (EOI, IEND, trailer, %%EOF, end record).
  bool truncated = false;
  // Why a truncated file ends where it does (stable codes): "range_end" (the range or input ran
  // out), "size_cap" (CarveOptions::max_file_size reached), "corrupt" (the structure breaks off
  // there: overwritten, fragmented or a different file follows). "" when complete.
  std::string truncation;
};

struct CarveOptions {
  uint64_t max_file_size = 64ull << 20;  // carves are cut here and reported truncated
  size_t read_size = 4u << 20;            // bytes per read of the input (>= 4 KiB)
  bool jpeg = true, png = true, gif = true, pdf = true, zip = true;
  bool png_crc = true;  // check every PNG chunk's CRC (a bad CRC ends the file as "corrupt")
};

// Scans `ranges` of `in` (each clipped to in.size(); overlapping or touching ranges are merged;
// a file is only found within one merged range — carving across fragments is not attempted) and
// calls `found` for each file, in offset order. A file embedded in a complete carved one (an EXIF
// thumbnail, a JPEG inside a PDF or ZIP) is part of it and not reported again; after a truncated
// file the scan goes on from the start of its last intact record, so files that a damaged length
// field seemed to cover are still found (they may lie inside the truncated carve).
// Returns the first read error of `in` (its reason code), after the files found before it.
// Memory: one read buffer (read_size) plus at most 1 MiB per walker, whatever the input.
// Thread-safety: none needed beyond `in` (one call uses `in` from the calling thread only).
Status Carve(RandomAccess& in, std::span<const ByteRange> ranges, const CarveOptions& options,
             const std::function<void(const CarvedFile&)>& found);

// The whole input as one range.
Status CarveAll(RandomAccess& in, const CarveOptions& options,
                const std::function<void(const CarvedFile&)>& found);

// The usual file name extension of a carved type ("jpg", "png", ...).
const char* CarvedExtension(const std::string& type);

}  // namespace ngb::source
