#include "image/image_format.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ngb::image {
namespace {

using namespace std::string_literals;

ImageFormat Sniff(const std::string& s) {
  return SniffImageFormat({reinterpret_cast<const uint8_t*>(s.data()), s.size()});
}

// An ISO-BMFF "ftyp" box: major brand, minor version, compatible brands.
std::string Ftyp(const std::string& major, const std::vector<std::string>& compatible) {
  std::string box = "ftyp" + major + "\0\0\0\0"s;
  for (const auto& b : compatible) box += b;
  const uint32_t size = static_cast<uint32_t>(box.size() + 4);
  return std::string{static_cast<char>(size >> 24), static_cast<char>(size >> 16), static_cast<char>(size >> 8),
                     static_cast<char>(size)} + box + "\0\0\0\x08meta"s;
}

TEST(ImageFormat, SniffsEachFormatByItsMagic) {
  EXPECT_EQ(Sniff("\xFF\xD8\xFF\xE0\0\x10JFIF\0"s), ImageFormat::kJpeg);
  EXPECT_EQ(Sniff("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR"s), ImageFormat::kPng);
  EXPECT_EQ(Sniff("GIF87a\x01\0\x01\0"s), ImageFormat::kGif);
  EXPECT_EQ(Sniff("GIF89a\x01\0\x01\0"s), ImageFormat::kGif);
  EXPECT_EQ(Sniff("RIFF\x24\0\0\0WEBPVP8 "s), ImageFormat::kWebp);
  EXPECT_EQ(Sniff("II*\0\x08\0\0\0"s), ImageFormat::kTiff);
  EXPECT_EQ(Sniff("MM\0*\0\0\0\x08"s), ImageFormat::kTiff);
  EXPECT_EQ(Sniff("II+\0\x08\0\0\0"s), ImageFormat::kTiff);  // BigTIFF
  for (uint32_t dib : {12u, 16u, 40u, 52u, 56u, 64u, 108u, 124u}) {
    const std::string bmp = "BM\0\0\0\0\0\0\0\0\x36\0\0\0"s + static_cast<char>(dib) + "\0\0\0"s;
    EXPECT_EQ(Sniff(bmp), ImageFormat::kBmp) << dib;
  }
  EXPECT_EQ(Sniff(Ftyp("heic", {"mif1", "heic"})), ImageFormat::kHeif);
  EXPECT_EQ(Sniff(Ftyp("mif1", {"mif1", "heic"})), ImageFormat::kHeif);
  EXPECT_EQ(Sniff(Ftyp("mif1", {"mif1"})), ImageFormat::kHeif);
  EXPECT_EQ(Sniff(Ftyp("avif", {"mif1", "avif"})), ImageFormat::kAvif);
  EXPECT_EQ(Sniff(Ftyp("mif1", {"avif", "mif1", "miaf"})), ImageFormat::kAvif);
  EXPECT_EQ(Sniff(Ftyp("mif1", {"avif", "heic"})), ImageFormat::kHeif);  // HEVC brand wins
}

TEST(ImageFormat, RejectsLookAlikes) {
  EXPECT_EQ(Sniff(""), ImageFormat::kNone);
  EXPECT_EQ(Sniff("\xFF\xD8"s), ImageFormat::kNone);              // too short for JPEG's 3 bytes
  EXPECT_EQ(Sniff("\x89PNG\r\n"s), ImageFormat::kNone);
  EXPECT_EQ(Sniff("GIF88a"s), ImageFormat::kNone);
  EXPECT_EQ(Sniff("RIFF\x24\0\0\0WAVEfmt "s), ImageFormat::kNone);  // a WAV file
  EXPECT_EQ(Sniff("BM\0\0\0\0\0\0\0\0\x36\0\0\0\x99\0\0\0"s), ImageFormat::kNone);  // no such DIB header
  EXPECT_EQ(Sniff("BMP is a format"s), ImageFormat::kNone);
  EXPECT_EQ(Sniff(Ftyp("isom", {"isom", "iso2", "mp41"})), ImageFormat::kNone);  // MP4 video
  EXPECT_EQ(Sniff(Ftyp("qt  ", {"qt  "})), ImageFormat::kNone);
  EXPECT_EQ(Sniff("\0\0\0\x04" "ftypheic"s), ImageFormat::kNone);    // box too small to hold a brand
  EXPECT_EQ(Sniff("%PDF-1.7"), ImageFormat::kNone);
}

TEST(ImageFormat, LooksOnlyAtTheFirstBytes) {
  // Compatible brands past kImageSniffBytes are not read even when the span holds them.
  std::vector<std::string> brands(20, "isom");
  brands.push_back("heic");
  const std::string long_ftyp = Ftyp("isom", brands);
  ASSERT_GT(long_ftyp.size(), kImageSniffBytes + 8);
  EXPECT_EQ(Sniff(long_ftyp), ImageFormat::kNone);
}

TEST(ImageFormat, NamesAreStable) {
  EXPECT_EQ(FormatName(ImageFormat::kJpeg), "jpeg");
  EXPECT_EQ(FormatName(ImageFormat::kPng), "png");
  EXPECT_EQ(FormatName(ImageFormat::kGif), "gif");
  EXPECT_EQ(FormatName(ImageFormat::kWebp), "webp");
  EXPECT_EQ(FormatName(ImageFormat::kBmp), "bmp");
  EXPECT_EQ(FormatName(ImageFormat::kTiff), "tiff");
  EXPECT_EQ(FormatName(ImageFormat::kHeif), "heif");
  EXPECT_EQ(FormatName(ImageFormat::kAvif), "avif");
  EXPECT_EQ(FormatName(ImageFormat::kNone), "");
}

}  // namespace
}  // namespace ngb::image
