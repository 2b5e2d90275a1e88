#include "source/carver.h"

#include <gtest/gtest.h>
#include <jpeglib.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "hash/sha256.h"
#include "source/slice_access.h"

namespace ngb::source {
namespace {

using Bytes = std::vector<uint8_t>;

Bytes Fixture(const std::string& name) {
  const auto path = std::filesystem::path(__FILE__).parent_path().parent_path() / "image" / "testdata" / name;
  std::ifstream f(path, std::ios::binary);
  Bytes b(std::istreambuf_iterator<char>(f), {});
  EXPECT_FALSE(b.empty()) << "cannot read " << path << " (run the tests from the build folder)";
  return b;
}

std::string Sha(const Bytes& b) {
  return Sha256Hex(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
}

// A benign generated picture (gradient plus noise) as JPEG; optionally progressive, with restart
// markers, or with an APP1 segment holding `app1` (e.g. an EXIF block with a thumbnail JPEG).
Bytes EncodeJpeg(int w, int h, uint32_t seed, bool progressive, int restart, const Bytes& app1 = {}) {
  jpeg_compress_struct c;
  jpeg_error_mgr err;
  c.err = jpeg_std_error(&err);
  jpeg_create_compress(&c);
  unsigned char* out = nullptr;
  unsigned long out_size = 0;
  jpeg_mem_dest(&c, &out, &out_size);
  c.image_width = static_cast<JDIMENSION>(w);
  c.image_height = static_cast<JDIMENSION>(h);
  c.input_components = 3;
  c.in_color_space = JCS_RGB;
  jpeg_set_defaults(&c);
  jpeg_set_quality(&c, 90, TRUE);
  if (progressive) jpeg_simple_progression(&c);
  c.restart_interval = static_cast<unsigned>(restart);
  jpeg_start_compress(&c, TRUE);
  if (!app1.empty()) jpeg_write_marker(&c, JPEG_APP0 + 1, app1.data(), static_cast<unsigned>(app1.size()));
  std::mt19937 rng(seed);
  std::vector<uint8_t> row(static_cast<size_t>(w) * 3);
  while (c.next_scanline < c.image_height) {
    for (int x = 0; x < w; ++x) {
      row[x * 3] = static_cast<uint8_t>(x * 4 + rng() % 32);
      row[x * 3 + 1] = static_cast<uint8_t>(c.next_scanline * 3 + rng() % 32);
      row[x * 3 + 2] = static_cast<uint8_t>((x ^ c.next_scanline) + rng() % 64);
    }
    JSAMPROW r = row.data();
    jpeg_write_scanlines(&c, &r, 1);
  }
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  Bytes b(out, out + out_size);
  free(out);
  return b;
}

// An EXIF APP1 payload carrying a whole thumbnail JPEG (the carver must not stop at its EOI).
Bytes ExifWithThumbnail() {
  Bytes app1 = {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8};
  const Bytes thumb = EncodeJpeg(16, 12, 7, false, 0);
  app1.insert(app1.end(), thumb.begin(), thumb.end());
  return app1;
}

void PutLe(Bytes& b, uint64_t v, int n) {
  for (int i = 0; i < n; ++i) b.push_back(i < 8 ? static_cast<uint8_t>(v >> (8 * i)) : 0);
}

// A one-entry stored ZIP; `streamed` writes sizes in a data descriptor after the data instead.
Bytes MakeZip(const std::string& name, const std::string& content, bool streamed) {
  const uint32_t crc = static_cast<uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(content.data()), static_cast<uInt>(content.size())));
  Bytes z = {'P', 'K', 3, 4};
  PutLe(z, 20, 2);
  PutLe(z, streamed ? 8 : 0, 2);
  PutLe(z, 0, 2);  // stored
  PutLe(z, 0, 4);  // time, date
  PutLe(z, streamed ? 0 : crc, 4);
  PutLe(z, streamed ? 0 : content.size(), 4);
  PutLe(z, streamed ? 0 : content.size(), 4);
  PutLe(z, name.size(), 2);
  PutLe(z, 0, 2);
  z.insert(z.end(), name.begin(), name.end());
  z.insert(z.end(), content.begin(), content.end());
  if (streamed) {
    z.insert(z.end(), {'P', 'K', 7, 8});
    PutLe(z, crc, 4);
    PutLe(z, content.size(), 4);
    PutLe(z, content.size(), 4);
  }
  const size_t cd = z.size();
  z.insert(z.end(), {'P', 'K', 1, 2});
  PutLe(z, 20, 2);
  PutLe(z, 20, 2);
  PutLe(z, streamed ? 8 : 0, 2);
  PutLe(z, 0, 2);
  PutLe(z, 0, 4);
  PutLe(z, crc, 4);
  PutLe(z, content.size(), 4);
  PutLe(z, content.size(), 4);
  PutLe(z, name.size(), 2);
  PutLe(z, 0, 2 + 2 + 2 + 2 + 4 + 4);  // extra, comment, disk, internal and external attrs, offset 0
  z.insert(z.end(), name.begin(), name.end());
  const size_t cd_size = z.size() - cd;
  z.insert(z.end(), {'P', 'K', 5, 6});
  PutLe(z, 0, 4);
  PutLe(z, 1, 2);
  PutLe(z, 1, 2);
  PutLe(z, cd_size, 4);
  PutLe(z, cd, 4);
  PutLe(z, 0, 2);
  return z;
}

Bytes Text(const std::string& s) { return Bytes(s.begin(), s.end()); }

struct Placed {
  uint64_t offset;
  Bytes bytes;
  std::string type;
};

// A synthetic "disk": random bytes and zeros with files at known offsets.
class Disk {
 public:
  explicit Disk(size_t size, uint32_t seed = 1) : bytes_(size) {
    std::mt19937 rng(seed);
    for (size_t i = 0; i < size; ++i) bytes_[i] = static_cast<uint8_t>(rng());
    std::fill(bytes_.begin() + size / 3, bytes_.begin() + size / 3 + size / 8, 0);  // a zeroed run
  }
  void Put(uint64_t offset, const Bytes& b, const std::string& type = "") {
    std::copy(b.begin(), b.end(), bytes_.begin() + static_cast<ptrdiff_t>(offset));
    if (!type.empty()) placed_.push_back({offset, b, type});
  }
  Bytes& bytes() { return bytes_; }
  const std::vector<Placed>& placed() const { return placed_; }

 private:
  Bytes bytes_;
  std::vector<Placed> placed_;
};

std::vector<CarvedFile> CarveMem(const Bytes& disk, const CarveOptions& o = {},
                                 std::vector<ByteRange> ranges = {}) {
  MemoryBytes in(disk);
  std::vector<CarvedFile> out;
  auto add = [&](const CarvedFile& f) { out.push_back(f); };
  Status s = ranges.empty() ? CarveAll(in, o, add) : Carve(in, ranges, o, add);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

Bytes ReadSlice(const Bytes& disk, const CarvedFile& f) {
  MemoryBytes in(disk);
  SliceAccess slice(in, f.offset, f.length);
  Bytes b(slice.size());
  Result<size_t> n = slice.ReadAt(0, b.data(), b.size());
  EXPECT_TRUE(n.ok());
  b.resize(n.ok() ? *n : 0);
  return b;
}

class CarverReadSize : public ::testing::TestWithParam<size_t> {};

TEST_P(CarverReadSize, FindsEveryEmbeddedFileWithItsExactBytes) {
  Disk disk(3 << 20);
  disk.Put(1000, EncodeJpeg(64, 48, 1, false, 0), "jpeg");
  disk.Put(70001, EncodeJpeg(80, 60, 2, true, 0), "jpeg");           // progressive
  disk.Put(200003, EncodeJpeg(96, 64, 3, false, 1), "jpeg");         // restart markers
  disk.Put(400000, EncodeJpeg(64, 64, 4, false, 0, ExifWithThumbnail()), "jpeg");
  disk.Put(600000, Fixture("j-progressive.jpg"), "jpeg");
  disk.Put(1200000, Fixture("p-rgba.png"), "png");                   // inside the zeroed run
  disk.Put(1300000, Fixture("p-interlaced.png"), "png");
  disk.Put(1500001, Fixture("g-anim.gif"), "gif");
  disk.Put(1600000, Fixture("g-basic.gif"), "gif");
  disk.Put(1700000, Text("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
                         "2 0 obj<<>>endobj\ntrailer<</Prev 9>>\nstartxref\n9\n%%EOF\r\n"), "pdf");
  disk.Put(1800000, MakeZip("a.txt", "hello zip", false), "zip");
  disk.Put(1900000, MakeZip("b.txt", std::string(5000, 'b'), true), "zip");
  disk.Put(2900000, Fixture("j-many-scans.jpg"), "jpeg");
  CarveOptions o;
  o.read_size = GetParam();
  const std::vector<CarvedFile> got = CarveMem(disk.bytes(), o);
  ASSERT_EQ(got.size(), disk.placed().size());
  for (size_t i = 0; i < got.size(); ++i) {
    const Placed& want = disk.placed()[i];
    SCOPED_TRACE(want.offset);
    EXPECT_EQ(got[i].offset, want.offset);
    EXPECT_EQ(got[i].length, want.bytes.size());
    EXPECT_EQ(got[i].type, want.type);
    EXPECT_FALSE(got[i].truncated) << got[i].truncation;
    EXPECT_EQ(Sha(ReadSlice(disk.bytes(), got[i])), Sha(want.bytes));
  }
}

// Small reads put signatures and structures across every read boundary.
INSTANTIATE_TEST_SUITE_P(Carver, CarverReadSize, ::testing::Values(4096, 65536, 4u << 20));

TEST(Carver, FileCutByTheEndOfTheRangeIsReportedTruncated) {
  const Bytes jpeg = EncodeJpeg(64, 48, 5, false, 0);
  Disk disk(200000);
  disk.Put(200000 - jpeg.size() / 2, Bytes(jpeg.begin(), jpeg.begin() + static_cast<ptrdiff_t>(jpeg.size() / 2)));
  const std::vector<CarvedFile> got = CarveMem(disk.bytes());
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].offset, 200000 - jpeg.size() / 2);
  EXPECT_EQ(got[0].length, jpeg.size() / 2);
  EXPECT_TRUE(got[0].truncated);
  EXPECT_EQ(got[0].truncation, "range_end");
}

TEST(Carver, SizeCapCutsAndReports) {
  const Bytes jpeg = EncodeJpeg(128, 128, 6, false, 0);
  Disk disk(100000);
  disk.Put(5000, jpeg);
  CarveOptions o;
  o.max_file_size = 2000;
  const std::vector<CarvedFile> got = CarveMem(disk.bytes(), o);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].offset, 5000u);
  EXPECT_EQ(got[0].length, 2000u);
  EXPECT_EQ(got[0].truncation, "size_cap");
}

TEST(Carver, FragmentFollowedByAnotherFile) {
  const Bytes a = EncodeJpeg(96, 96, 7, false, 0);
  const Bytes b = EncodeJpeg(64, 48, 8, false, 0);
  Disk disk(100000);
  const size_t cut = a.size() * 2 / 3;  // a's first part, then b overwrote the rest
  disk.Put(10000, Bytes(a.begin(), a.begin() + static_cast<ptrdiff_t>(cut)));
  disk.Put(10000 + cut, b);
  const std::vector<CarvedFile> got = CarveMem(disk.bytes());
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].offset, 10000u);
  EXPECT_EQ(got[0].length, cut);
  EXPECT_EQ(got[0].truncation, "corrupt");
  EXPECT_EQ(got[1].offset, 10000 + cut);
  EXPECT_EQ(got[1].length, b.size());
  EXPECT_FALSE(got[1].truncated);
}

// A damaged size field must not hide the files it seems to cover.
TEST(Carver, FilesUnderABrokenLengthAreStillFound) {
  Bytes zip = MakeZip("a.txt", "hello zip", false);
  zip[18] = 0xFF;  // compressed size: 2 GiB
  zip[21] = 0x7F;
  const Bytes jpeg = EncodeJpeg(32, 32, 10, false, 0);
  Disk disk(100000);
  disk.Put(1000, zip);
  disk.Put(3000, jpeg);
  const std::vector<CarvedFile> got = CarveMem(disk.bytes());
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].offset, 1000u);
  EXPECT_EQ(got[0].type, "zip");
  EXPECT_EQ(got[0].truncation, "range_end");
  EXPECT_EQ(got[1].offset, 3000u);
  EXPECT_EQ(got[1].length, jpeg.size());
  EXPECT_FALSE(got[1].truncated);
}

TEST(Carver, OnlyTheGivenRangesAreSearched) {
  const Bytes png = Fixture("p-palette.png");
  Disk disk(300000);
  disk.Put(1000, png);    // outside every range
  disk.Put(50000, png);   // inside
  disk.Put(99000, png);   // starts inside, cut by the range's end
  const std::vector<ByteRange> ranges = {{40000, 30000}, {60000, 40000}};  // merged: 40000..100000
  const std::vector<CarvedFile> got = CarveMem(disk.bytes(), {}, ranges);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].offset, 50000u);
  EXPECT_FALSE(got[0].truncated);
  EXPECT_EQ(got[1].offset, 99000u);
  EXPECT_EQ(got[1].length, 1000u);
  EXPECT_EQ(got[1].truncation, "range_end");
}

TEST(Carver, BadPngCrcEndsTheFileThere) {
  Bytes png = Fixture("p-rgb16.png");
  Disk disk(100000);
  png[130 + 8 + 100] ^= 0x55;  // inside IDAT, the sixth chunk (at 130)
  disk.Put(3000, png);
  const std::vector<CarvedFile> got = CarveMem(disk.bytes());
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].length, 130u);  // up to the damaged chunk
  EXPECT_EQ(got[0].truncation, "corrupt");
}

TEST(Carver, TypesCanBeSwitchedOff) {
  Disk disk(50000);
  disk.Put(100, Fixture("p-grey8.png"), "png");
  disk.Put(20000, EncodeJpeg(32, 32, 9, false, 0), "jpeg");
  CarveOptions o;
  o.png = false;
  const std::vector<CarvedFile> got = CarveMem(disk.bytes(), o);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].type, "jpeg");
}

// Hostile input: millions of signatures whose structures chain into each other must not make the
// scan quadratic (each would otherwise walk the rest of the buffer).
TEST(Carver, HostileChainsStayLinear) {
  const std::vector<Bytes> patterns = {
      {0xFF, 0xFE, 0x00, 0x04, 0xFF, 0xD8},  // COM segments each holding an SOI: one long chain
      {0xFF, 0xD8, 0xFF, 0xD8, 0xFF, 0xD8},                // SOI after SOI
      {0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x02, 0xFF, 0xDA, 0x00, 0x02, 0x00},  // SOS, entropy data
      Text("%PDF-1.4 %%EOF "),
      {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0},
      // Streamed ZIP entries, each one's data search finding the next header: one long ZIP.
      {'P', 'K', 3, 4, 20, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 'x'},
  };
  // Nested starts: each JPEG's SOS header holds the next JPEG, each streamed ZIP entry's name the
  // next entry, each GIF's first sub-block the next GIF, each PNG's second chunk the next PNG;
  // then one long run of data that every one of them would read again if walks could overlap.
  Bytes jpeg_nest, zip_nest, gif_nest, png_nest;
  for (int i = 0; i < 3000; ++i) {
    jpeg_nest.insert(jpeg_nest.end(), {0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x02, 0xFF, 0xDA, 0x00, 0x10});
    zip_nest.insert(zip_nest.end(), {'P', 'K', 3, 4, 20, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                     0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0x0F, 0, 0});
    gif_nest.insert(gif_nest.end(), {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, 0x21, 0xF9, 0xFF});
    png_nest.insert(png_nest.end(), {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    png_nest.insert(png_nest.end(), {0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0});
    const uint32_t crc = static_cast<uint32_t>(crc32(0, png_nest.data() + png_nest.size() - 17, 17));
    for (int k = 3; k >= 0; --k) png_nest.push_back(static_cast<uint8_t>(crc >> (8 * k)));
    png_nest.insert(png_nest.end(), {0x00, 0xFF, 0xFF, 0x00, 't', 'E', 'X', 't'});
  }
  for (Bytes* nest : {&jpeg_nest, &zip_nest, &gif_nest, &png_nest}) {
    Bytes tail(4u << 20, 0x01);  // data: no markers, no records, sub-blocks of 1 byte
    nest->insert(nest->end(), tail.begin(), tail.end());
  }
  std::vector<Bytes> disks;
  for (const Bytes& pat : patterns) {
    Bytes disk;
    while (disk.size() < (4u << 20)) disk.insert(disk.end(), pat.begin(), pat.end());
    disks.push_back(std::move(disk));
  }
  for (Bytes* nest : {&jpeg_nest, &zip_nest, &gif_nest, &png_nest}) disks.push_back(std::move(*nest));
  for (const Bytes& disk : disks) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<CarvedFile> got = CarveMem(disk);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_LT(secs, 10.0) << "input " << &disk - disks.data();  // ~0.1-1 s; quadratic: hours
    uint64_t complete_end = 0;
    for (size_t i = 0; i < got.size(); ++i) {
      ASSERT_GE(got[i].offset, complete_end);  // nothing found inside a complete file
      if (i > 0) {
        ASSERT_GT(got[i].offset, got[i - 1].offset);
      }
      if (!got[i].truncated) complete_end = got[i].offset + got[i].length;
    }
  }
}

// The vector search handles 64, then 32, then single bytes: a file must be found at any offset,
// up to the very end of the input.
TEST(Carver, SignatureAtEveryOffset) {
  const Bytes gif = Fixture("g-basic.gif");
  for (size_t at = 0; at < 200; ++at) {
    Bytes disk(at + gif.size() + at % 3, 0);
    std::copy(gif.begin(), gif.end(), disk.begin() + static_cast<ptrdiff_t>(at));
    const std::vector<CarvedFile> got = CarveMem(disk);
    ASSERT_EQ(got.size(), 1u) << at;
    EXPECT_EQ(got[0].offset, at);
    EXPECT_FALSE(got[0].truncated);
  }
}

TEST(Carver, RandomBytesYieldNothing) {
  Disk disk(8 << 20, 42);
  EXPECT_TRUE(CarveMem(disk.bytes()).empty());
}

// A RandomAccess that fails past a point, like a bad sector.
class FailingAccess : public RandomAccess {
 public:
  explicit FailingAccess(const Bytes& b) : mem_(b) {}
  uint64_t size() const override { return mem_.size(); }
  Result<size_t> ReadAt(uint64_t offset, uint8_t* buf, size_t n) override {
    if (offset + n > 60000) return Status::Error("io_error", "bad sector");
    return mem_.ReadAt(offset, buf, n);
  }

 private:
  MemoryBytes mem_;
};

TEST(Carver, ReadErrorsAreReturned) {
  Disk disk(100000);
  disk.Put(100, Fixture("p-grey8.png"), "png");
  FailingAccess in(disk.bytes());
  CarveOptions o;
  o.read_size = 4096;
  int found = 0;
  Status s = CarveAll(in, o, [&](const CarvedFile&) { ++found; });
  EXPECT_EQ(s.reason(), "io_error");
  EXPECT_EQ(found, 1);
}

TEST(SliceAccess, ReadsAWindowAndClipsAtItsEnd) {
  const Bytes b = Text("0123456789");
  MemoryBytes in(b);
  SliceAccess s(in, 3, 4);
  EXPECT_EQ(s.size(), 4u);
  uint8_t buf[8] = {};
  Result<size_t> n = s.ReadAt(1, buf, 8);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 3u);
  EXPECT_EQ(std::string(reinterpret_cast<char*>(buf), 3), "456");
  EXPECT_EQ(*s.ReadAt(4, buf, 8), 0u);
  SliceAccess past(in, 8, 100);  // clipped to the parent
  EXPECT_EQ(past.size(), 2u);
}

}  // namespace
}  // namespace ngb::source
