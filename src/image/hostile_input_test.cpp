// Hostile input: truncations and random corruptions of every fixture, and headers that lie about
// the image size. Whatever the bytes, DecodeImage must return (ASan/UBSan builds check the rest)
// with either an image or one of the documented reason codes, and never allocate past max_pixels.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "image/decode.h"
#include "image/test_fixtures.h"

namespace ngb::image {
namespace {

using testing::ReadFile;
using testing::TestdataDir;

const std::set<std::string> kReasons = {"image_unsupported", "image_too_large", "image_truncated",
                                        "image_corrupt"};

void ExpectSane(const Result<DecodedImage>& r, const DecodeOptions& o, const std::string& what) {
  if (!r.ok()) {
    EXPECT_TRUE(kReasons.count(r.status().reason())) << what << ": " << r.status().ToString();
    return;
  }
  EXPECT_GT(r->width, 0) << what;
  EXPECT_GT(r->height, 0) << what;
  EXPECT_TRUE(r->channels == 1 || r->channels == 3) << what;
  EXPECT_EQ(r->pixels.size(), size_t(r->width) * r->height * r->channels) << what;
  EXPECT_LE(uint64_t(r->orig_width) * r->orig_height, o.max_pixels) << what;
}

std::vector<std::string> Fixtures() {
  std::vector<std::string> out;
  for (const auto& e : testing::ReadExpected(TestdataDir() / "expected.txt")) out.push_back(e.file);
  out.push_back("g-canvas.gif");
  return out;
}

TEST(HostileInput, EveryTruncationOfEveryFixture) {
  DecodeOptions o;
  o.max_pixels = 1 << 20;
  for (const std::string& file : Fixtures()) {
    const std::vector<uint8_t> full = ReadFile(TestdataDir() / file);
    // Every length up to 600 bytes (headers), then 60 cut points spread over the rest.
    std::set<size_t> cuts;
    for (size_t n = 0; n < std::min<size_t>(full.size(), 600); ++n) cuts.insert(n);
    for (size_t i = 0; i < 60; ++i) cuts.insert(full.size() * i / 60);
    for (size_t n : cuts) {
      const std::vector<uint8_t> part(full.begin(), full.begin() + static_cast<long>(n));
      ExpectSane(DecodeImage(part, o), o, file + " cut at " + std::to_string(n));
    }
  }
}

TEST(HostileInput, RandomCorruptionsOfEveryFixture) {
  DecodeOptions o;
  o.max_pixels = 1 << 20;
  std::mt19937 rng(20240611);
  for (const std::string& file : Fixtures()) {
    const std::vector<uint8_t> full = ReadFile(TestdataDir() / file);
    for (int round = 0; round < 150; ++round) {
      std::vector<uint8_t> bytes = full;
      const int flips = 1 + static_cast<int>(rng() % 8);
      for (int i = 0; i < flips; ++i) {
        // Mostly early bytes, where the headers are.
        const size_t limit = rng() % 2 ? std::min<size_t>(bytes.size(), 256) : bytes.size();
        const size_t at = rng() % limit;
        bytes[at] = rng() % 3 == 0 ? static_cast<uint8_t>(rng()) : static_cast<uint8_t>(bytes[at] ^ (1u << (rng() % 8)));
      }
      ExpectSane(DecodeImage(bytes, o), o, file + " round " + std::to_string(round));
    }
  }
}

// Writes `v` big- or little-endian at `at`.
void Put(std::vector<uint8_t>& b, size_t at, uint32_t v, int bytes, bool big_endian) {
  for (int i = 0; i < bytes; ++i) {
    const int shift = 8 * (big_endian ? bytes - 1 - i : i);
    b[at + static_cast<size_t>(i)] = static_cast<uint8_t>(v >> shift);
  }
}

size_t Find(const std::vector<uint8_t>& b, std::initializer_list<uint8_t> needle) {
  auto it = std::search(b.begin(), b.end(), needle.begin(), needle.end());
  EXPECT_NE(it, b.end());
  return static_cast<size_t>(it - b.begin());
}

TEST(HostileInput, HeadersClaimingHugeImagesAreRefusedBeforeAllocating) {
  DecodeOptions o;  // default 100 M pixels
  struct Case {
    const char* file;
    std::function<void(std::vector<uint8_t>&)> patch;
  };
  const Case cases[] = {
      {"j-rgb420.jpg", [](auto& b) {  // SOF0: height, width at +5
         const size_t sof = Find(b, {0xFF, 0xC0});
         Put(b, sof + 5, 65000, 2, true), Put(b, sof + 7, 65000, 2, true);
       }},
      {"p-grey8.png", [](auto& b) {  // IHDR width/height (CRC is ignored by our decoder)
         Put(b, 16, 0x7FFFFFFF, 4, true), Put(b, 20, 0x7FFFFFFF, 4, true);
       }},
      {"p-interlaced.png", [](auto& b) { Put(b, 16, 1000000, 4, true), Put(b, 20, 1000000, 4, true); }},
      {"g-basic.gif", [](auto& b) { Put(b, 6, 65535, 2, false), Put(b, 8, 65535, 2, false); }},
      {"b-24.bmp", [](auto& b) { Put(b, 18, 0x7FFFFFFF, 4, false), Put(b, 22, 0x7FFFFFFF, 4, false); }},
      {"b-24.bmp", [](auto& b) { Put(b, 18, 20000, 4, false), Put(b, 22, static_cast<uint32_t>(-20000), 4, false); }},
      {"b-os2.bmp", [](auto& b) { Put(b, 18, 65535, 2, false), Put(b, 20, 65535, 2, false); }},
  };
  for (const Case& c : cases) {
    std::vector<uint8_t> b = ReadFile(TestdataDir() / c.file);
    c.patch(b);
    Result<DecodedImage> r = DecodeImage(b, o);
    ASSERT_FALSE(r.ok()) << c.file;
    EXPECT_EQ(r.status().reason(), "image_too_large") << c.file << ": " << r.status().ToString();
  }
}

TEST(HostileInput, PngClaimingABigImageWithoutTheDataIsRefused) {
  // 8000x8000 (within max_pixels) but the data holds less than one such row before IEND:
  // refused as corrupt, and the 64 MB of pixels are never allocated (not observable here).
  std::vector<uint8_t> b = ReadFile(TestdataDir() / "p-grey8.png");
  Put(b, 16, 8000, 4, true), Put(b, 20, 8000, 4, true);
  Result<DecodedImage> r = DecodeImage(b);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "image_corrupt") << r.status().ToString();
}

TEST(HostileInput, LyingSizesWithinTheLimitDecodeAsTruncated) {
  // A BMP claiming 400x300 with 48x32 worth of data: within max_pixels, so it is allocated,
  // but only the rows present are decoded.
  std::vector<uint8_t> b = ReadFile(TestdataDir() / "b-24.bmp");
  Put(b, 18, 400, 4, false), Put(b, 22, 300, 4, false);
  Result<DecodedImage> r = DecodeImage(b);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->truncated);
  EXPECT_EQ(r->width, 400);
}

}  // namespace
}  // namespace ngb::image
