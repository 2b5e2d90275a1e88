// Tests for the content sniffer. Every sample is built in code; the expected types are what
// libmagic 5.44 (`file --mime-type`) reports for the same bytes (checked when the test was written).
#include "analyse/sniff.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace ngb::analyse {
namespace {

using namespace std::string_literals;
using Bytes = std::vector<std::uint8_t>;

Bytes B(std::string_view s) { return Bytes(s.begin(), s.end()); }

Bytes Cat(Bytes a, const Bytes& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// `a` padded with `fill` to `size` bytes.
Bytes Pad(Bytes a, std::size_t size, std::uint8_t fill = 0) {
  if (a.size() < size) a.resize(size, fill);
  return a;
}

Bytes Le16(unsigned v) { return {static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(v >> 8)}; }
Bytes Le32(std::uint32_t v) { return Cat(Le16(v & 0xffff), Le16(v >> 16)); }
Bytes Be32(std::uint32_t v) { return {static_cast<std::uint8_t>(v >> 24), static_cast<std::uint8_t>(v >> 16),
                                      static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)}; }

// Sniffs a whole item (head = the item, or its first 64 KiB).
std::optional<std::string_view> Sniff(const Bytes& item) {
  const std::size_t n = std::min(item.size(), kSniffHeadBytes);
  return sniff_mime(std::span<const std::uint8_t>(item.data(), n), item.size());
}

std::string Str(const std::optional<std::string_view>& v) { return v ? std::string(*v) : "<nullopt>"s; }

#define EXPECT_SNIFF(item, mime) EXPECT_EQ(Str(Sniff(item)), std::string(mime))
#define EXPECT_NO_SNIFF(item) EXPECT_EQ(Str(Sniff(item)), "<nullopt>")

// --- sample builders -------------------------------------------------------------------------

// ISO base media file: ftyp box with `brand`, then a free box.
Bytes Ftyp(std::string_view brand) {
  return Pad(Cat(Cat(Be32(24), B("ftyp"s + std::string(brand) + "\0\0\0\0isom"s + "mp41")),
                 Cat(Be32(8), B("free"))),
             256);
}

// One zip local file header with its data (stored), optionally with an extra field.
Bytes ZipEntry(std::string_view name, std::string_view data, std::string_view extra = {}) {
  Bytes e = B("PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0"s);  // version, flags, method, time, date, crc
  e = Cat(e, Le32(static_cast<std::uint32_t>(data.size())));  // compressed size
  e = Cat(e, Le32(static_cast<std::uint32_t>(data.size())));  // uncompressed size
  e = Cat(e, Le16(static_cast<unsigned>(name.size())));
  e = Cat(e, Le16(static_cast<unsigned>(extra.size())));
  e = Cat(e, B(name));
  e = Cat(e, B(extra));
  return Cat(e, B(data));
}

Bytes Zip(const std::vector<std::pair<std::string, std::string>>& members) {
  Bytes z;
  for (const auto& [name, data] : members) z = Cat(z, ZipEntry(name, data));
  const std::uint32_t cd = static_cast<std::uint32_t>(z.size());
  return Cat(z, Cat(B("PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0"s), Cat(Le32(cd), B("\0\0"s))));
}

// A tar header block (512 bytes, valid checksum) followed by one data block.
Bytes Tar(bool ustar) {
  Bytes h(512, 0);
  const auto put = [&h](std::size_t off, std::string_view s) { std::copy(s.begin(), s.end(), h.begin() + off); };
  put(0, "hello.txt");
  put(100, "0000644");
  put(108, "0001750");
  put(116, "0001750");
  put(124, "00000000014");
  put(136, "14530504250");
  put(148, "        ");
  put(156, "0");
  if (ustar) put(257, "ustar\0"s "00"s);
  unsigned sum = 0;
  for (const std::uint8_t c : h) sum += c;
  char chk[8];
  std::snprintf(chk, sizeof chk, "%06o", sum);
  put(148, std::string_view(chk, 6));
  h[154] = 0;
  h[155] = ' ';
  return Pad(Cat(h, B("hello world\n")), 1024);
}

Bytes ElfHeader(std::uint8_t data_encoding, std::uint16_t type) {
  Bytes e = B("\x7f" "ELF\x02"s);
  e.push_back(data_encoding);
  e = Pad(Cat(e, B("\x01")), 16);
  const Bytes t = data_encoding == 1 ? Le16(type) : Bytes{static_cast<std::uint8_t>(type >> 8),
                                                         static_cast<std::uint8_t>(type)};
  return Pad(Cat(Cat(e, t), Le16(0x3e)), 256);
}

Bytes PeFile() {
  Bytes mz = Pad(B("MZ\x90\0\x03\0\0\0"s), 0x80);
  mz[0x18] = 0x40;
  mz[0x3c] = 0x80;
  return Pad(Cat(mz, B("PE\0\0\x64\x86"s)), 1024);
}

// --- special sizes and the head contract -----------------------------------------------------

TEST(SniffMime, EmptyItemIsXEmpty) {
  EXPECT_EQ(Str(sniff_mime({}, 0)), "application/x-empty");
}

TEST(SniffMime, OneByteItemIsOctetStream) {  // libmagic: "very short file (no magic)"
  EXPECT_SNIFF(B("a"), "application/octet-stream");
  EXPECT_SNIFF(Bytes{0x89}, "application/octet-stream");
}

TEST(SniffMime, HeadShorterThanContractIsUnknown) {
  const Bytes png = Pad(B("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"s), 100);
  EXPECT_EQ(Str(sniff_mime(std::span<const std::uint8_t>(png.data(), 50), 100)), "<nullopt>");
  EXPECT_EQ(Str(sniff_mime(std::span<const std::uint8_t>(png.data(), 0), 100)), "<nullopt>");
  // A head longer than the item is cut to the item.
  EXPECT_EQ(Str(sniff_mime(std::span<const std::uint8_t>(png.data(), 100), 0)), "application/x-empty");
}

// --- images ----------------------------------------------------------------------------------

TEST(SniffMime, Images) {
  EXPECT_SNIFF(Pad(B("\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01"s), 600), "image/jpeg");
  EXPECT_SNIFF(Pad(B("\xff\xd8\xff\xe1\x12\x34" "Exif\0\0"s), 600), "image/jpeg");
  EXPECT_SNIFF(Pad(B("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0"s), 300), "image/png");
  EXPECT_SNIFF(Pad(B("GIF87a\x10\0\x10\0\x80\0\0"s), 100), "image/gif");
  EXPECT_SNIFF(Pad(B("GIF89a\x10\0\x10\0\x80\0\0"s), 100), "image/gif");
  EXPECT_SNIFF(Pad(B("RIFF\x24\x01\0\0WEBPVP8 \x18\x01\0\0"s), 300), "image/webp");
  EXPECT_SNIFF(Pad(B("BM\x36\x04\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0\x10\0\0\0\x10\0\0\0\x01\0\x18\0"s), 1078),
               "image/bmp");
  EXPECT_SNIFF(Pad(B("II*\0\x08\0\0\0"s), 200), "image/tiff");
  EXPECT_SNIFF(Pad(B("MM\0*\0\0\0\x08"s), 200), "image/tiff");
  EXPECT_SNIFF(Pad(B("II*\0\x10\0\0\0" "CR\x02\0"s), 200), "image/x-canon-cr2");
  EXPECT_SNIFF(Pad(B("\0\0\1\0\1\0\x10\x10\0\0\1\0\x20\0\x68\x04\0\0\x16\0\0\0"s), 1150), "image/vnd.microsoft.icon");
  EXPECT_SNIFF(Pad(B("8BPS\0\1\0\0\0\0\0\0\0\3\0\0\0\x10\0\0\0\x10\0\x08\0\3"s), 200), "image/vnd.adobe.photoshop");
  EXPECT_SNIFF(Ftyp("heic"), "image/heic");
  EXPECT_SNIFF(Ftyp("mif1"), "image/heif");
  EXPECT_SNIFF(Ftyp("avif"), "image/avif");
}

TEST(SniffMime, ImageLookalikesAreNotClaimed) {
  EXPECT_NO_SNIFF(Pad(B("\x89PNG\r\n\x1a\n\0\0\0\x0dJUNK"s), 100));  // libmagic wants IHDR
  EXPECT_NO_SNIFF(B("\xff\xd8\xff"s));                              // JPEG needs 4 bytes
  EXPECT_NO_SNIFF(Pad(B("8BPS\0\1"s), 64));                          // PSD with zero width
  EXPECT_NO_SNIFF(Pad(B("\0\0\1\0\1\0\x10\x10\0\0\1\0\x20\0\x68\x04\0\0\x05\0\0\0"s), 200));  // odd offset
}

// --- audio and video -------------------------------------------------------------------------

TEST(SniffMime, IsoMediaBrands) {
  EXPECT_SNIFF(Ftyp("isom"), "video/mp4");
  EXPECT_SNIFF(Ftyp("mp42"), "video/mp4");
  EXPECT_SNIFF(Ftyp("M4V "), "video/x-m4v");
  EXPECT_SNIFF(Ftyp("M4A "), "audio/x-m4a");
  EXPECT_SNIFF(Ftyp("qt  "), "video/quicktime");
  EXPECT_SNIFF(Ftyp("3gp4"), "video/3gpp");
  EXPECT_SNIFF(Ftyp("3g2a"), "video/3gpp2");
  EXPECT_NO_SNIFF(Ftyp("crx "));  // brand libmagic does not name
  EXPECT_SNIFF(Pad(Cat(Be32(16), B("moov")), 64), "video/quicktime");
  EXPECT_SNIFF(Pad(Cat(Be32(16), B("mdat")), 64), "video/quicktime");
}

TEST(SniffMime, RiffOggFlacMatroska) {
  EXPECT_SNIFF(Pad(B("RIFF\x24\x10\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0"s), 300), "audio/x-wav");
  EXPECT_SNIFF(Pad(B("RIFF\x24\x10\0\0" "AVI LIST\x04\0\0\0hdrl"s), 300), "video/x-msvideo");
  EXPECT_NO_SNIFF(Pad(B("RIFF\x24\x10\0\0" "ABCD"s), 300));
  const std::string page = "OggS\0\x02\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0\x01\x1e"s;
  EXPECT_SNIFF(Pad(B(page + "\x01vorbis"), 200), "audio/ogg");
  EXPECT_SNIFF(Pad(B(page + "OpusHead"), 200), "audio/ogg");
  EXPECT_SNIFF(Pad(B(page + "\x80theora"), 200), "video/ogg");
  EXPECT_NO_SNIFF(Pad(B(page + "XXXXXXXX"), 200));
  EXPECT_SNIFF(Pad(B("fLaC\0\0\0\x22\x10\0\x10\0"s), 100), "audio/flac");
  const std::string ebml = "\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08"s;
  EXPECT_SNIFF(Pad(B(ebml + "\x42\x82\x88matroska"), 200), "video/x-matroska");
  EXPECT_SNIFF(Pad(B(ebml + "\x42\x82\x84webm"), 200), "video/webm");
}

TEST(SniffMime, Mp3NeedsId3TagFollowedByAFrame) {
  const Bytes frame = Pad(B("\xff\xfb\x90\x64"s), 417, 0x55);
  EXPECT_SNIFF(Cat(Pad(B("ID3\x04\0\0\0\0\0\x0a"s), 20), frame), "audio/mpeg");
  EXPECT_NO_SNIFF(Cat(frame, frame));                        // frame sync alone: too weak
  EXPECT_NO_SNIFF(Pad(B("ID3\x03\0\0\0\0\0\0"s), 100));     // tag with no audio after it
  EXPECT_NO_SNIFF(Cat(Pad(B("ID3\x04\0\0\0\0\x7f\x7f"s), 100), frame));  // frame beyond the item
}

// --- documents -------------------------------------------------------------------------------

TEST(SniffMime, Documents) {
  EXPECT_SNIFF(B("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"s), "application/pdf");
  EXPECT_SNIFF(B("%!PS-Adobe-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"), "application/postscript");
  EXPECT_SNIFF(B("%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n"), "application/postscript");
  EXPECT_NO_SNIFF(B("%!PS-AdobeFont-1.0: Foo 001\n"));  // a font: libmagic gives no MIME type
  EXPECT_SNIFF(B("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 Hello}\n"), "text/rtf");
  EXPECT_SNIFF(Pad(B("SQLite format 3\0\x10\0\x01\x01\0\x40\x20\x20"s), 512), "application/vnd.sqlite3");
  EXPECT_NO_SNIFF(Pad(B("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"s), 512));  // OLE2: doc/xls/msi left to libmagic
}

// --- archives and compression ----------------------------------------------------------------

TEST(SniffMime, CompressionStreams) {
  EXPECT_SNIFF(Pad(B("\x1f\x8b\x08\0\0\0\0\0\0\x03"s), 100, 0x33), "application/gzip");
  EXPECT_SNIFF(Pad(B("\x1f\x8b\x08\x08\0\0\0\0\0\x03name.txt\0"s), 100, 0x33), "application/gzip");
  EXPECT_SNIFF(Pad(B("BZh91AY&SY"), 100, 0x33), "application/x-bzip2");
  EXPECT_SNIFF(Pad(B("\xfd" "7zXZ\0\0\x04\xe6\xd6\xb4\x46"s), 100), "application/x-xz");
  EXPECT_SNIFF(Pad(B("\x28\xb5\x2f\xfd\x24\x06"s), 100, 0x33), "application/zstd");
  EXPECT_SNIFF(Pad(B("\x04\x22\x4d\x18\x64\x40\xa7"s), 100, 0x33), "application/x-lz4");
  EXPECT_SNIFF(Pad(B("\x5d\0\0\x80\0\xff\xff\xff\xff\xff\xff\xff\xff\0"s), 100, 0x33), "application/x-lzma");
  EXPECT_SNIFF(Pad(B("\x1f\x9d\x90"s), 100, 0x33), "application/x-compress");
  EXPECT_NO_SNIFF(B("\x1f\x8b"s));  // too short for the gzip rule
}

TEST(SniffMime, Archives) {
  EXPECT_SNIFF(Pad(B("7z\xbc\xaf\x27\x1c\0\x04"s), 100, 0x33), "application/x-7z-compressed");
  EXPECT_NO_SNIFF(B("7z\xbc\xaf\x27\x1c"s));  // the MIME type hangs on the version byte
  EXPECT_SNIFF(Pad(B("Rar!\x1a\x07\0\xcf\x90\x73\0\0\x0d\0"s), 100), "application/x-rar");
  EXPECT_SNIFF(Pad(B("Rar!\x1a\x07\x01\0\x33\x92\xb5\xe5\x0a\x01\x05\x06\0"s), 100), "application/x-rar");
  EXPECT_SNIFF(Tar(true), "application/x-tar");
  EXPECT_SNIFF(Tar(false), "application/x-tar");  // v7 header: libmagic goes by the checksum
  Bytes bad_sum = Tar(true);
  bad_sum[0] = 'X';
  EXPECT_NO_SNIFF(bad_sum);
  EXPECT_SNIFF(Pad(B("070701"), 200, '0'), "application/x-cpio");
  EXPECT_SNIFF(Pad(B("070707"), 200, '0'), "application/x-cpio");
  EXPECT_SNIFF(Pad(B("\xc7\x71"s), 200), "application/x-cpio");
  EXPECT_SNIFF(B("!<arch>\nhello.o/        0           0     0     644     4         `\nabcd"), "application/x-archive");
  EXPECT_SNIFF(Pad(B("xar!\0\x1c\0\x01"s), 100), "application/x-xar");
  Bytes iso(40000, 0);
  const std::string cd001 = "\x01" "CD001\x01"s;
  std::copy(cd001.begin(), cd001.end(), iso.begin() + 32768);
  EXPECT_SNIFF(iso, "application/x-iso9660-image");
}

TEST(SniffMime, ZipFamily) {
  const std::string xml(200, 'x');
  EXPECT_SNIFF(Zip({{"hello.txt", "hello world\n"}}), "application/zip");
  EXPECT_SNIFF(Zip({{"[Content_Types].xml", xml}, {"_rels/.rels", xml}, {"word/document.xml", xml}}),
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_SNIFF(Zip({{"[Content_Types].xml", xml}, {"_rels/.rels", xml}, {"xl/workbook.xml", xml}}),
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_SNIFF(Zip({{"[Content_Types].xml", xml}, {"_rels/.rels", xml}, {"ppt/presentation.xml", xml}}),
               "application/vnd.openxmlformats-officedocument.presentationml.presentation");
  // LibreOffice writes the members in another order.
  EXPECT_SNIFF(Zip({{"_rels/.rels", xml}, {"docProps/core.xml", xml}, {"docProps/app.xml", xml},
                    {"word/_rels/document.xml.rels", xml}, {"word/document.xml", xml},
                    {"[Content_Types].xml", xml}}),
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_SNIFF(Zip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", xml}}),
               "application/vnd.oasis.opendocument.text");
  EXPECT_SNIFF(Zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet-template"}, {"content.xml", xml}}),
               "application/vnd.oasis.opendocument.spreadsheet-template");
  EXPECT_SNIFF(Zip({{"mimetype", "application/epub+zip"}, {"META-INF/container.xml", xml}}),
               "application/epub+zip");
  EXPECT_SNIFF(Zip({{"mimetype", "application/x-krita"}, {"content.xml", xml}}), "application/zip");
  EXPECT_SNIFF(Cat(ZipEntry("META-INF/", "", "\xfe\xca\0\0"s), ZipEntry("META-INF/MANIFEST.MF", xml)),
               "application/java-archive");
  EXPECT_SNIFF(Zip({{"AndroidManifest.xml", xml}, {"classes.dex", xml}}), "application/vnd.android.package-archive");
  EXPECT_SNIFF(Zip({{"Payload/", ""}, {"Payload/x.app/Info.plist", xml}}), "application/x-ios-app");
  EXPECT_SNIFF(Pad(B("PK\x05\x06"s), 22), "application/zip");
  EXPECT_NO_SNIFF(B("PK\x03\x04"s));
}

// --- executables -----------------------------------------------------------------------------

TEST(SniffMime, Executables) {
  EXPECT_SNIFF(ElfHeader(1, 2), "application/x-executable");
  EXPECT_SNIFF(ElfHeader(1, 1), "application/x-object");
  EXPECT_SNIFF(ElfHeader(2, 2), "application/x-executable");  // big-endian
  EXPECT_SNIFF(ElfHeader(1, 4), "application/x-coredump");
  EXPECT_NO_SNIFF(ElfHeader(1, 3));  // ET_DYN: libmagic decides by the file's executable bit
  EXPECT_SNIFF(PeFile(), "application/vnd.microsoft.portable-executable");
  Bytes dos = Pad(B("MZ\x90\0\x03\0\0\0"s), 0x80);
  dos[0x18] = 0x1c;
  dos[0x3c] = 0x40;
  EXPECT_SNIFF(dos, "application/x-dosexec");
  EXPECT_SNIFF(Pad(B("\xcf\xfa\xed\xfe\x07\0\0\x01\x03\0\0\0\x02\0\0\0"s), 256), "application/x-mach-binary");
  EXPECT_SNIFF(Pad(B("\xca\xfe\xba\xbe\0\0\0\x02\x01\0\0\x07"s), 256), "application/x-mach-binary");  // fat
  EXPECT_SNIFF(Pad(B("\xca\xfe\xba\xbe\0\0\0\x34"s), 256), "application/x-java-applet");
}

// --- text ------------------------------------------------------------------------------------

TEST(SniffMime, PlainText) {
  EXPECT_SNIFF(B("ab"), "text/plain");
  EXPECT_SNIFF(B("hello world\n"), "text/plain");
  EXPECT_SNIFF(B("h\xc3\xa9llo w\xc3\xb6rld \xe2\x80\x94 ok\n"), "text/plain");
  EXPECT_SNIFF(B("\xef\xbb\xbfhello world\n"), "text/plain");
  EXPECT_SNIFF(B("hello \x1b[1mworld\x1b[0m\x07\x08\x0b\x0c\r\n"), "text/plain");  // libmagic's text controls
  EXPECT_SNIFF(B("\xff\xfeh\0e\0l\0l\0o\0\n\0"s), "text/plain");                     // UTF-16LE with BOM
  EXPECT_SNIFF(B("\xfe\xff\0h\0e\0l\0l\0o\0\n"s), "text/plain");                     // UTF-16BE with BOM
}

TEST(SniffMime, TextThatLibmagicTypesFurtherIsLeftToIt) {
  EXPECT_NO_SNIFF(B("#!/bin/sh\necho hi\n"));
  EXPECT_NO_SNIFF(B("<?xml version=\"1.0\"?>\n<root/>\n"));
  EXPECT_NO_SNIFF(B("{\"a\": 1, \"b\": [1, 2]}\n"));  // JSON
  EXPECT_NO_SNIFF(B("  [1, 2, 3]\n"));
  EXPECT_NO_SNIFF(B("From: a@b.c\nTo: d@e.f\n\nbody\n"));
  EXPECT_NO_SNIFF(B("hello\0world\n"s));  // NUL: not text
  EXPECT_NO_SNIFF(B("hello\x7fworld\n"));  // DEL: not text
  EXPECT_NO_SNIFF(B("caf\xe9\n"));         // ISO-8859-1: left to libmagic
  EXPECT_NO_SNIFF(B("\xc0\xafxx\n"));      // overlong UTF-8
}

TEST(SniffMime, CsvHtmlSvg) {
  EXPECT_SNIFF(B("a,b,c\n1,2,3\n4,5,6\n"), "text/csv");
  EXPECT_SNIFF(B("a,b,c\n1,2,3\n"), "text/plain");        // libmagic wants three lines
  EXPECT_SNIFF(B("hello, world\nthis is text\n"), "text/plain");
  EXPECT_SNIFF(B("<!DOCTYPE html>\n<html><body>hi</body></html>\n"), "text/html");
  EXPECT_SNIFF(B("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"), "image/svg+xml");
}

// `size` bytes of short ASCII lines.
Bytes Lines(std::size_t size) {
  std::string s;
  while (s.size() < size) s += "hello world\n";
  s.resize(size);
  return B(s);
}

TEST(SniffMime, Utf8CutAtTheTextWindowIsNotInvalid) {
  // 4095 ASCII bytes, then a 3-byte sequence that the 4 KiB text window cuts after its first byte.
  EXPECT_SNIFF(Cat(Lines(4095), B("\xe2\x82\xac and more text\n")), "text/plain");
  EXPECT_SNIFF(Cat(Lines(4094), B("\xe2\x82\xac and more text\n")), "text/plain");
  // Same cut at the end of a head shorter than the item.
  const Bytes item = Cat(Lines(kSniffHeadBytes - 1), B("\xe2\x82\xac tail\n"));
  EXPECT_EQ(Str(sniff_mime(std::span<const std::uint8_t>(item.data(), kSniffHeadBytes), item.size())),
            "text/plain");
  // libmagic also accepts a sequence cut by the end of a short item.
  EXPECT_SNIFF(Cat(Lines(100), B("\xe2\x82")), "text/plain");
  // An invalid continuation inside the window still fails, as does a stray continuation byte.
  EXPECT_NO_SNIFF(Cat(Lines(100), B("\xe2\x28\xa1 tail\n")));
  EXPECT_NO_SNIFF(Cat(Lines(4095), B("\x82 tail\n")));
}

// The 4 KiB window: a first line longer than that leaves libmagic's CSV test undecided here.
TEST(SniffMime, VeryLongFirstLineIsLeftToLibmagic) {
  EXPECT_NO_SNIFF(Bytes(5000, 'a'));
  EXPECT_SNIFF(Bytes(3000, 'a'), "text/plain");
}

// --- robustness ------------------------------------------------------------------------------

std::vector<Bytes> Samples() {
  const std::string xml(200, 'x');
  return {
      Pad(B("\xff\xd8\xff\xe0\0\x10JFIF\0"s), 64),
      Pad(B("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"s), 64),
      Pad(B("\x89PNG\r\n\x1a\n\0\0\0\x04" "CgBI\0\0\0\x0dIHDR"s), 64),
      Pad(B("BM\x36\x04\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0"s), 64),
      Pad(B("\0\0\1\0\1\0\x10\x10\0\0\1\0\x20\0\x68\x04\0\0\x16\0\0\0"s), 64),
      Ftyp("isom"),
      Pad(B("RIFF\x24\x10\0\0WAVE"s), 64),
      Pad(B("OggS\0\x02\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0\x01\x1e\x01vorbis"s), 64),
      Pad(B("\x1a\x45\xdf\xa3\x9f\x42\x82\x88matroska"s), 64),
      Cat(Pad(B("ID3\x04\0\0\0\0\0\x0a"s), 20), Pad(B("\xff\xfb\x90\x64"s), 40)),
      Zip({{"[Content_Types].xml", xml}, {"_rels/.rels", xml}, {"word/document.xml", xml}}),
      Zip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", xml}}),
      Zip({{"META-INF/MANIFEST.MF", xml}}),
      Tar(true),
      ElfHeader(1, 2),
      PeFile(),
      Pad(B("\xca\xfe\xba\xbe\0\0\0\x02"s), 64),
      Pad(B("\x1f\x8b\x08\0\0\0\0\0\0\x03"s), 64),
      Pad(B("\x5d\0\0\x80\0\xff\xff\xff\xff\xff\xff\xff\xff\0"s), 64),
      Pad(B("SQLite format 3\0\x10\0"s), 64),
      B("{\\rtf1 hello}\n"),
      B("a,b\n1,2\n3,4\n"),
      B("\xff\xfeh\0i\0"s),
  };
}

TEST(SniffMime, TruncatedItemsAndHeadsNeverReadOutOfBounds) {
  for (const Bytes& sample : Samples()) {
    for (std::size_t n = 0; n <= sample.size(); ++n) {
      // Copy, so that a read past the end is caught by sanitizers.
      const Bytes prefix(sample.begin(), sample.begin() + static_cast<std::ptrdiff_t>(n));
      (void)sniff_mime(prefix, prefix.size());  // the whole (short) item
      if (n < sample.size()) {
        // A head that is shorter than the contract allows: nothing is claimed.
        EXPECT_EQ(Str(sniff_mime(prefix, sample.size() + 100000)), "<nullopt>") << n;
      }
    }
  }
}

TEST(SniffMime, RandomBytesAreNotRecognised) {
  std::mt19937 rng(20240229);
  for (int i = 0; i < 500; ++i) {
    Bytes data(2 + rng() % 8192);
    for (auto& b : data) b = static_cast<std::uint8_t>(rng());
    EXPECT_NO_SNIFF(data) << "sample " << i;
  }
}

TEST(SniffMime, BootSectorSignatureDefersWeakFormatsToLibmagic) {
  // libmagic's DOS/MBR rules outrank gzip; a 0x55AA at offset 510 makes it "data".
  Bytes gz = Pad(B("\x1f\x8b\x08\0\0\0\0\0\0\x03"s), 1024, 0x33);
  gz[510] = 0x55;
  gz[511] = 0xaa;
  EXPECT_NO_SNIFF(gz);
  // JPEG's rule is stronger than those rules.
  Bytes jpeg = Pad(B("\xff\xd8\xff\xe0\0\x10JFIF\0"s), 1024, 0x33);
  jpeg[510] = 0x55;
  jpeg[511] = 0xaa;
  EXPECT_SNIFF(jpeg, "image/jpeg");
}

// --- helpers ---------------------------------------------------------------------------------

TEST(ExtensionMismatch, KnownTypes) {
  EXPECT_EQ(extension_mismatch("image/jpeg", "a.JPG"), false);
  EXPECT_EQ(extension_mismatch("image/jpeg", "holiday.jpeg"), false);
  EXPECT_EQ(extension_mismatch("image/jpeg", "a.png"), true);
  EXPECT_EQ(extension_mismatch("image/jpeg", "notes.txt"), true);
  EXPECT_EQ(extension_mismatch("application/gzip", "backup.tar.gz"), false);
  EXPECT_EQ(extension_mismatch("application/zip", "report.docx"), false);
  EXPECT_EQ(extension_mismatch("application/pdf", "dir.pdf/invoice.exe"), true);
  EXPECT_EQ(extension_mismatch("application/pdf", "C:\\docs\\invoice.PDF"), false);
  EXPECT_EQ(extension_mismatch("image/png", "photo.\xff\xfe"), true);  // invalid UTF-8 extension
}

TEST(ExtensionMismatch, UnknownAnswers) {
  EXPECT_EQ(extension_mismatch("image/jpeg", "a"), std::nullopt);        // no extension
  EXPECT_EQ(extension_mismatch("image/jpeg", ".jpg"), std::nullopt);     // dot file
  EXPECT_EQ(extension_mismatch("image/jpeg", "a."), std::nullopt);       // empty extension
  EXPECT_EQ(extension_mismatch("image/jpeg", ""), std::nullopt);
  EXPECT_EQ(extension_mismatch("application/x-unknown-thing", "a.bin"), std::nullopt);
  EXPECT_EQ(extension_mismatch("application/octet-stream", "a.jpg"), std::nullopt);
  EXPECT_EQ(extension_mismatch("text/plain", "a.jpg"), std::nullopt);
}

TEST(ArchiveMime, Containers) {
  for (const char* m : {"application/zip", "application/x-tar", "application/gzip", "application/x-bzip2",
                        "application/x-xz", "application/zstd", "application/x-lzma", "application/x-7z-compressed",
                        "application/x-rar", "application/x-iso9660-image", "application/x-cpio",
                        "application/x-archive", "application/vnd.ms-cab-compressed", "application/x-lzh-compressed",
                        "application/x-xar", "application/java-archive", "application/vnd.android.package-archive",
                        "application/epub+zip", "application/vnd.oasis.opendocument.text",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}) {
    EXPECT_TRUE(is_archive_mime(m)) << m;
  }
  for (const char* m : {"image/jpeg", "text/plain", "application/pdf", "application/octet-stream",
                        "application/x-executable", "", "application/zip2"}) {
    EXPECT_FALSE(is_archive_mime(m)) << m;
  }
}

TEST(CompressedStreamMime, BareStreams) {
  for (const char* m : {"application/gzip", "application/x-bzip2", "application/x-xz", "application/zstd",
                        "application/x-lzma", "application/x-lz4", "application/x-compress"}) {
    EXPECT_TRUE(is_compressed_stream_mime(m)) << m;
  }
  for (const char* m : {"application/zip", "application/x-tar", "application/x-7z-compressed", "image/png", ""}) {
    EXPECT_FALSE(is_compressed_stream_mime(m)) << m;
  }
}

TEST(SniffMime, EveryRecognisedTypeHasAnExtensionEntry) {
  // Keeps the extension table in step with the sniffer.
  for (const Bytes& sample : Samples()) {
    const auto mime = Sniff(sample);
    if (!mime || *mime == "text/plain" || *mime == "application/octet-stream") continue;
    EXPECT_TRUE(extension_mismatch(*mime, "x.unlikely-extension").has_value()) << *mime;
  }
}

}  // namespace
}  // namespace ngb::analyse
