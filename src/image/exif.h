// Exif Orientation (tag 0x0112 of IFD0) from the metadata blocks image formats carry.
// Hostile-input safe: every offset is bounds-checked, only IFD0 is read (no pointer chasing,
// so no loops), nothing is allocated. Pure functions, thread-safe.
#pragma once
#include <cstdint>
#include <span>

namespace ngb::image {

// `blob` is a TIFF structure ("II*\0" or "MM\0*" header, then IFD0), optionally preceded by the
// "Exif\0\0" identifier (JPEG APP1 payload, and some WebP/PNG writers). Returns the Orientation
// value 1..8, or 0 when there is none or it is malformed or out of range.
int ExifOrientation(std::span<const uint8_t> blob);

// `block` is a HEIF "Exif" item: a 4-byte big-endian offset to the TIFF header (counted from the
// end of those 4 bytes), then the data. Returns 1..8, or 0 as above.
int HeifExifOrientation(std::span<const uint8_t> block);

}  // namespace ngb::image
