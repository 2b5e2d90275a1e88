#include "image/exif.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ngb::image {
namespace {

using Bytes = std::vector<uint8_t>;

// A TIFF structure with IFD0 at offset 8 holding `entries` (tag, type, count, value) entries.
struct Entry {
  uint16_t tag, type;
  uint32_t count, value;
};
Bytes Tiff(bool big_endian, const std::vector<Entry>& entries, uint16_t claimed_count = 0) {
  Bytes b;
  auto u16 = [&](uint16_t v) {
    if (big_endian) b.insert(b.end(), {static_cast<uint8_t>(v >> 8), static_cast<uint8_t>(v)});
    else b.insert(b.end(), {static_cast<uint8_t>(v), static_cast<uint8_t>(v >> 8)});
  };
  auto u32 = [&](uint32_t v) {
    if (big_endian) u16(static_cast<uint16_t>(v >> 16)), u16(static_cast<uint16_t>(v));
    else u16(static_cast<uint16_t>(v)), u16(static_cast<uint16_t>(v >> 16));
  };
  if (big_endian) b.insert(b.end(), {'M', 'M', 0, 42});
  else b.insert(b.end(), {'I', 'I', 42, 0});
  u32(8);
  u16(claimed_count ? claimed_count : static_cast<uint16_t>(entries.size()));
  for (const Entry& e : entries) {
    u16(e.tag), u16(e.type), u32(e.count);
    if (e.type == 3) u16(static_cast<uint16_t>(e.value)), u16(0);  // SHORT: left-justified
    else u32(e.value);
  }
  u32(0);  // no next IFD
  return b;
}

Bytes WithPrefix(const std::string& prefix, const Bytes& b) {
  Bytes out(prefix.begin(), prefix.end());
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

TEST(Exif, ReadsOrientationInBothByteOrders) {
  for (bool be : {false, true}) {
    for (uint32_t o = 1; o <= 8; ++o) {
      const Bytes t = Tiff(be, {{0x010F, 2, 4, 0}, {0x0112, 3, 1, o}, {0x011A, 5, 1, 100}});
      EXPECT_EQ(ExifOrientation(t), static_cast<int>(o)) << be;
      EXPECT_EQ(ExifOrientation(WithPrefix(std::string("Exif\0\0", 6), t)), static_cast<int>(o));
    }
  }
  EXPECT_EQ(ExifOrientation(Tiff(false, {{0x0112, 4, 1, 6}})), 6);  // written as LONG
}

TEST(Exif, MissingOrInvalidGivesZero) {
  EXPECT_EQ(ExifOrientation({}), 0);
  EXPECT_EQ(ExifOrientation(Tiff(false, {{0x010F, 2, 4, 0}})), 0);      // no orientation tag
  EXPECT_EQ(ExifOrientation(Tiff(false, {{0x0112, 3, 1, 0}})), 0);      // out of range
  EXPECT_EQ(ExifOrientation(Tiff(false, {{0x0112, 3, 1, 9}})), 0);
  EXPECT_EQ(ExifOrientation(Tiff(true, {{0x0112, 2, 1, 6}})), 0);       // wrong type (ASCII)
  EXPECT_EQ(ExifOrientation(Tiff(true, {{0x0112, 3, 0, 6}})), 0);       // count 0
  Bytes bad_magic = Tiff(false, {{0x0112, 3, 1, 6}});
  bad_magic[2] = 43;
  EXPECT_EQ(ExifOrientation(bad_magic), 0);
  EXPECT_EQ(ExifOrientation(WithPrefix("Exif", Tiff(false, {{0x0112, 3, 1, 6}}))), 0);  // bad prefix
}

TEST(Exif, HostileOffsetsAndCountsStayInBounds) {
  const Bytes good = Tiff(false, {{0x0100, 4, 1, 1}, {0x0112, 3, 1, 6}});
  // Every truncation of a valid block: never a read past the end (ASan checks), 0 or 6.
  for (size_t n = 0; n <= good.size(); ++n) {
    const int o = ExifOrientation({good.data(), n});
    EXPECT_TRUE(o == 0 || o == 6) << n;
    if (n < 8 + 2 + 24) {
      EXPECT_EQ(o, 0) << n;
    }
  }
  // An entry count far beyond the data.
  EXPECT_EQ(ExifOrientation(Tiff(false, {{0x0100, 4, 1, 1}}, 0xFFFF)), 0);
  // IFD offset past the end, and pointing into the header.
  for (uint32_t off : {0xFFFFFFF0u, 1000u, 4u, 0u}) {
    Bytes b = good;
    b[4] = static_cast<uint8_t>(off), b[5] = static_cast<uint8_t>(off >> 8);
    b[6] = static_cast<uint8_t>(off >> 16), b[7] = static_cast<uint8_t>(off >> 24);
    EXPECT_EQ(ExifOrientation(b), 0) << off;
  }
}

TEST(Exif, HeifBlockSkipsItsOffsetField) {
  const Bytes tiff = Tiff(true, {{0x0112, 3, 1, 8}});
  EXPECT_EQ(HeifExifOrientation(WithPrefix(std::string("\0\0\0\0", 4), tiff)), 8);
  EXPECT_EQ(HeifExifOrientation(WithPrefix(std::string("\0\0\0\x06" "Exif\0\0", 10), tiff)), 8);
  EXPECT_EQ(HeifExifOrientation(WithPrefix(std::string("\xFF\xFF\xFF\xF0", 4), tiff)), 0);
  EXPECT_EQ(HeifExifOrientation(WithPrefix(std::string("\0\0\0\x40", 4), tiff)), 0);
  EXPECT_EQ(HeifExifOrientation({}), 0);
}

}  // namespace
}  // namespace ngb::image
