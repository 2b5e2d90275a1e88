#include "hash/pdq.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "hash/pdq_kernels.h"
#include "testing/pdq_naive.h"

// Reference vectors: /work/shared/testdata/pdq (see its README.md), or $NGB_PDQ_TESTDATA.
// core-vectors/ holds P5/P6 images and the reference pdq-photo-hasher's output for them.

namespace ngb {
namespace {

struct Image {
  int width = 0, height = 0, channels = 0;
  std::vector<uint8_t> pixels;  // rows of width*channels bytes
  size_t stride() const { return static_cast<size_t>(width) * channels; }
};

std::string TestDataDir() {
  const char* env = std::getenv("NGB_PDQ_TESTDATA");
  return env != nullptr ? env : "/work/shared/testdata/pdq";
}

std::string CoreVectors() { return TestDataDir() + "/core-vectors/"; }

bool HaveTestData() { return std::ifstream(CoreVectors() + "expected.csv").good(); }

#define REQUIRE_TEST_DATA() \
  if (!HaveTestData())      \
  GTEST_SKIP() << "no PDQ test data at " << TestDataDir() << " (set NGB_PDQ_TESTDATA)"

// Binary PGM (P5) / PPM (P6) with maxval 255, comments allowed in the header.
Image ReadPnm(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  Image img;
  std::string magic;
  f >> magic;
  auto next_int = [&f] {
    f >> std::ws;
    while (f.peek() == '#') {
      std::string comment;
      std::getline(f, comment);
      f >> std::ws;
    }
    int v = -1;
    f >> v;
    return v;
  };
  img.width = next_int();
  img.height = next_int();
  const int maxval = next_int();
  f.get();  // the single whitespace byte before the raster
  if (!f || (magic != "P5" && magic != "P6") || maxval != 255 || img.width < 0 || img.height < 0) {
    ADD_FAILURE() << "not an 8-bit P5/P6 file: " << path;
    return Image{};
  }
  img.channels = magic == "P6" ? 3 : 1;
  img.pixels.resize(img.stride() * img.height);
  f.read(reinterpret_cast<char*>(img.pixels.data()),
         static_cast<std::streamsize>(img.pixels.size()));
  if (!f) ADD_FAILURE() << "short raster: " << path;
  return img;
}

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  for (std::string field; std::getline(ss, field, sep);) out.push_back(field);
  return out;
}

// key=value,key=value lines of expected-dihedral.txt.
std::vector<std::map<std::string, std::string>> ReadKeyValueLines(const std::string& path) {
  std::vector<std::map<std::string, std::string>> rows;
  std::ifstream f(path);
  for (std::string line; std::getline(f, line);) {
    std::map<std::string, std::string> row;
    for (const std::string& kv : Split(line, ',')) {
      const size_t eq = kv.find('=');
      if (eq != std::string::npos) row[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    if (!row.empty()) rows.push_back(row);
  }
  return rows;
}

const Hash256 PdqDihedral::*const kFields[8] = {
    &PdqDihedral::orig,  &PdqDihedral::rot90, &PdqDihedral::rot180, &PdqDihedral::rot270,
    &PdqDihedral::flipx, &PdqDihedral::flipy, &PdqDihedral::flipp,  &PdqDihedral::flipm};
const char* const kFieldNames[8] = {"orig",  "rot90", "rot180", "rot270",
                                    "flipx", "flipy", "flipp",  "flipm"};

struct Pixel {
  int y, x;
};

// Which input pixel of a w x h image lands at output (y, x) under dihedral variant k (order of
// kFields), written out independently of the library's table-driven version.
Pixel SourceOf(int k, int y, int x, int w, int h) {
  switch (k) {
    case 1:  // rot90: anticlockwise, the top-right corner goes to the top left
      return {x, w - 1 - y};
    case 2:  // rot180
      return {h - 1 - y, w - 1 - x};
    case 3:  // rot270: clockwise, the bottom-left corner goes to the top left
      return {h - 1 - x, y};
    case 4:  // flipx: top-bottom
      return {h - 1 - y, x};
    case 5:  // flipy: left-right
      return {y, w - 1 - x};
    case 6:  // flipp: transpose
      return {x, y};
    case 7:  // flipm: anti-transpose
      return {h - 1 - x, w - 1 - y};
    default:
      return {y, x};
  }
}

// The image turned as dihedral variant k, pixel by pixel.
Image Turn(const Image& in, int k) {
  const bool swap = k == 1 || k == 3 || k == 6 || k == 7;
  Image out;
  out.width = swap ? in.height : in.width;
  out.height = swap ? in.width : in.height;
  out.channels = in.channels;
  out.pixels.resize(out.stride() * out.height);
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) {
      const Pixel src = SourceOf(k, y, x, in.width, in.height);
      for (int c = 0; c < in.channels; ++c)
        out.pixels[(static_cast<size_t>(y) * out.width + x) * in.channels + c] =
            in.pixels[(static_cast<size_t>(src.y) * in.width + src.x) * in.channels + c];
    }
  }
  return out;
}

PdqResult MustHash(PdqHasher& hasher, const Image& img) {
  Result<PdqResult> r =
      hasher.Hash(img.pixels.data(), img.width, img.height, img.channels, img.stride());
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r.value() : PdqResult{};
}

// A benign synthetic picture: smooth gradients and blobs plus noise, seeded.
Image Synthetic(int width, int height, int channels, uint32_t seed, size_t extra_stride = 0) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const double fx = 1 + 6 * u(rng), fy = 1 + 6 * u(rng), phase = 6.28 * u(rng), noise = 60 * u(rng);
  Image img;
  img.width = width;
  img.height = height;
  img.channels = channels;
  const size_t stride = img.stride() + extra_stride;
  img.pixels.assign(stride * height, 0xA5);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      for (int c = 0; c < channels; ++c) {
        const double v = 128 +
                         90 * std::sin(fx * x / width * 6.28 + phase + c) *
                             std::cos(fy * y / height * 6.28 - c) +
                         noise * (u(rng) - 0.5);
        img.pixels[y * stride + static_cast<size_t>(x) * channels + c] =
            static_cast<uint8_t>(std::clamp(v, 0.0, 255.0));
      }
    }
  }
  // Callers that pass extra_stride read with Image::stride() + extra_stride themselves.
  return img;
}

// ---- the reference's output on the core vectors ----------------------------------------------

TEST(Pdq, CoreVectorsMatchReference) {
  REQUIRE_TEST_DATA();
  std::ifstream csv(CoreVectors() + "expected.csv");
  std::string line;
  std::getline(csv, line);  // header
  PdqHasher hasher;
  int checked = 0;
  while (std::getline(csv, line)) {
    const std::vector<std::string> f = Split(line, ',');
    ASSERT_EQ(f.size(), 3u) << line;
    const Image img = ReadPnm(CoreVectors() + f[2]);
    const PdqResult r = MustHash(hasher, img);
    EXPECT_EQ(r.hash.ToHex(), f[0]) << f[2];
    EXPECT_EQ(r.quality, std::stoi(f[1])) << f[2];
    // The same through the luma helper and HashLuma.
    std::vector<float> luma(img.pixels.size() / img.channels);
    ASSERT_TRUE(PdqLumaFromPixels(img.pixels.data(), img.width, img.height, img.channels,
                                  img.stride(), luma.data())
                    .ok());
    Result<PdqResult> viaLuma = hasher.HashLuma(luma.data(), img.width, img.height);
    ASSERT_TRUE(viaLuma.ok()) << viaLuma.status().ToString();
    EXPECT_EQ(viaLuma->hash, r.hash) << f[2];
    EXPECT_EQ(viaLuma->quality, r.quality) << f[2];
    ++checked;
  }
  EXPECT_EQ(checked, 10);
}

TEST(Pdq, CoreVectorsDihedralFromDctMatchReference) {
  REQUIRE_TEST_DATA();
  PdqHasher hasher;
  int checked = 0;
  for (const auto& row : ReadKeyValueLines(CoreVectors() + "expected-dihedral.txt")) {
    const Image img = ReadPnm(CoreVectors() + row.at("filename"));
    PdqDihedral d;
    Result<PdqResult> r = hasher.HashWithDihedralFromDct(img.pixels.data(), img.width, img.height,
                                                         img.channels, img.stride(), &d);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->hash.ToHex(), row.at("hash")) << row.at("filename");
    EXPECT_EQ(r->quality, std::stoi(row.at("quality"))) << row.at("filename");
    for (int k = 0; k < 8; ++k)
      EXPECT_EQ((d.*kFields[k]).ToHex(), row.at(kFieldNames[k]))
          << row.at("filename") << " " << kFieldNames[k];
    ++checked;
  }
  EXPECT_EQ(checked, 10);
}

// Each FromPixels variant is exactly the hash of the turned pixels. The DCT-derived variant of
// the same name is the nearest of the 8 DCT-derived hashes to it, but only approximately equal:
// the blur and the decimation grid do not commute with turning the image (bridge images: 0-20
// bits; the high-frequency q2821 texture: up to 58).
TEST(Pdq, DihedralFromPixelsIsHashOfTurnedImage) {
  REQUIRE_TEST_DATA();
  PdqHasher hasher;
  std::ifstream csv(CoreVectors() + "expected.csv");
  std::string line;
  std::getline(csv, line);
  int worst = 0;
  while (std::getline(csv, line)) {
    const std::string name = Split(line, ',')[2];
    const Image img = ReadPnm(CoreVectors() + name);
    PdqDihedral from_pixels, from_dct;
    ASSERT_TRUE(hasher
                    .HashWithDihedralFromPixels(img.pixels.data(), img.width, img.height,
                                                img.channels, img.stride(), &from_pixels)
                    .ok());
    Result<PdqResult> r = hasher.HashWithDihedralFromDct(img.pixels.data(), img.width, img.height,
                                                         img.channels, img.stride(), &from_dct);
    ASSERT_TRUE(r.ok());
    for (int k = 0; k < 8; ++k) {
      const PdqResult turned = MustHash(hasher, Turn(img, k));
      EXPECT_EQ(from_pixels.*kFields[k], turned.hash) << name << " " << kFieldNames[k];
      if (r->quality < 50) continue;  // noise-dominated hashes: no closeness to expect
      const int distance = HammingDistance(from_pixels.*kFields[k], from_dct.*kFields[k]);
      EXPECT_LE(distance, 64) << name << " " << kFieldNames[k];
      for (int j = 0; j < 8; ++j) {
        if (j == k) continue;
        EXPECT_LT(distance, HammingDistance(from_pixels.*kFields[k], from_dct.*kFields[j]))
            << name << " " << kFieldNames[k] << " is nearer DCT-derived " << kFieldNames[j];
      }
      worst = std::max(worst, distance);
    }
    EXPECT_EQ(from_pixels.orig, MustHash(hasher, img).hash) << name;
  }
  std::printf("worst FromPixels vs FromDct distance (quality >= 50): %d bits\n", worst);
}

// ---- agreement with the plain scalar model on generated images --------------------------------

TEST(Pdq, MatchesNaiveModelOnSyntheticImages) {
  const std::pair<int, int> sizes[] = {
      {5, 5},     {5, 7},     {7, 5},     {8, 8},     {9, 13},  {15, 17},  {16, 16},   {17, 33},
      {33, 17},   {63, 64},   {64, 64},   {65, 64},   {64, 65}, {100, 37}, {127, 129}, {128, 128},
      {129, 255}, {256, 257}, {300, 188}, {512, 384}, {700, 9}, {9, 700},  {1024, 77}, {31, 1030}};
  PdqHasher hasher;
  uint32_t seed = 1;
  for (const auto& [w, h] : sizes) {
    for (int channels : {1, 3}) {
      const Image img = Synthetic(w, h, channels, seed++);
      const testing::NaivePdq want = testing::NaiveHashLuma(
          testing::NaiveLuma(img.pixels.data(), w, h, channels, img.stride()), w, h);
      const PdqResult got = MustHash(hasher, img);
      EXPECT_EQ(got.hash, want.hash) << w << "x" << h << "x" << channels;
      EXPECT_EQ(got.quality, want.quality) << w << "x" << h << "x" << channels;
    }
  }
}

TEST(Pdq, RowStrideAndPaddingBytesAreHonoured) {
  PdqHasher hasher;
  for (int channels : {1, 3}) {
    const int w = 37, h = 29;
    const size_t pad = 13;
    const Image padded = Synthetic(w, h, channels, 99, pad);
    Image tight;
    tight.width = w;
    tight.height = h;
    tight.channels = channels;
    for (int y = 0; y < h; ++y)
      tight.pixels.insert(tight.pixels.end(), padded.pixels.begin() + y * (padded.stride() + pad),
                          padded.pixels.begin() + y * (padded.stride() + pad) + padded.stride());
    Result<PdqResult> a = hasher.Hash(padded.pixels.data(), w, h, channels, padded.stride() + pad);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->hash, MustHash(hasher, tight).hash);
  }
}

// Every kernel, on every ISA this CPU has, against the scalar model: bit-identical floats.
TEST(PdqKernels, EveryIsaMatchesNaiveModel) {
  std::vector<pdq_detail::Isa> isas = {pdq_detail::Isa::kBaseline};
  if (pdq_detail::BestIsa() == pdq_detail::Isa::kAvx2) isas.push_back(pdq_detail::Isa::kAvx2);
  const std::pair<int, int> sizes[] = {{5, 5},     {13, 64},  {64, 64},
                                       {130, 131}, {257, 19}, {512, 321}};
  uint32_t seed = 500;
  for (pdq_detail::Isa isa : isas) {
    for (const auto& [w, h] : sizes) {
      const Image img = Synthetic(w, h, 3, seed++);
      const std::vector<float> luma = testing::NaiveLuma(img.pixels.data(), w, h, 3, img.stride());
      const size_t stride = pdq_detail::PlaneStride(w);
      std::vector<float> plane(stride * h, -1.0f);
      pdq_detail::FillLuma(isa, img.pixels.data(), w, h, 3, img.stride(), plane.data(), stride);
      for (int y = 0; y < h; ++y) {
        ASSERT_EQ(0, std::memcmp(&plane[y * stride], &luma[y * w], w * sizeof(float)))
            << w << "x" << h;
        for (size_t x = w; x < stride; ++x) ASSERT_EQ(plane[y * stride + x], 0.0f);
      }
      // Copying float luma in gives the same plane, and notices a NaN anywhere.
      std::vector<float> copied(stride * h, -1.0f);
      ASSERT_TRUE(pdq_detail::CopyLuma(isa, luma.data(), w, h, 1e6f, copied.data()));
      EXPECT_EQ(copied, plane);
      std::vector<float> with_nan = luma;
      with_nan[with_nan.size() - 1 - seed % 3] = std::numeric_limits<float>::quiet_NaN();
      EXPECT_FALSE(pdq_detail::CopyLuma(isa, with_nan.data(), w, h, 1e6f, copied.data()));
      // Blur + decimate against the model's (always blurred) 64x64 block, via its DCT output.
      std::vector<float> scratch(pdq_detail::BlurScratchFloats(w, h));
      std::vector<float> block(64 * 64), dct(256);
      pdq_detail::BlurDecimate(isa, plane.data(), w, h, scratch.data(), block.data());
      pdq_detail::Dct64To16(isa, block.data(), dct.data());
      const testing::NaivePdq want = testing::NaiveHashLuma(luma, w, h, /*skip_blur_at_64=*/false);
      for (int k = 0; k < 256; ++k)
        ASSERT_EQ(dct[k], want.dct[k]) << w << "x" << h << " coefficient " << k;
      EXPECT_EQ(pdq_detail::Quality(isa, block.data()), want.quality) << w << "x" << h;
      // Transposition (used by the dihedral hashes), padding included.
      pdq_detail::FillLuma(isa, img.pixels.data(), w, h, 3, img.stride(), plane.data(), stride);
      const size_t t_stride = pdq_detail::PlaneStride(h);
      std::vector<float> transposed(t_stride * w, -1.0f);
      pdq_detail::TransposePlane(isa, plane.data(), w, h, transposed.data());
      for (int x = 0; x < w; ++x) {
        for (int y = 0; y < h; ++y) ASSERT_EQ(transposed[x * t_stride + y], luma[y * w + x]);
        for (size_t y = h; y < t_stride; ++y) ASSERT_EQ(transposed[x * t_stride + y], 0.0f);
      }
    }
  }
}

// ---- edge cases and hostile input -------------------------------------------------------------

TEST(Pdq, BelowMinimumSizeIsZeroHashQualityZero) {
  PdqHasher hasher;
  const std::vector<uint8_t> px(3 * 4 * 100, 200);
  for (const auto& [w, h] : {std::pair{4, 4}, {4, 100}, {100, 4}, {0, 0}, {0, 7}}) {
    Result<PdqResult> r = hasher.Hash(px.data(), w, h, 3, 300);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->hash, Hash256{});
    EXPECT_EQ(r->quality, 0);
    PdqDihedral d;
    d.rot90.bytes[0] = 1;
    ASSERT_TRUE(hasher.HashWithDihedralFromDct(px.data(), w, h, 3, 300, &d).ok());
    EXPECT_EQ(d.rot90, Hash256{});
    ASSERT_TRUE(hasher.HashWithDihedralFromPixels(px.data(), w, h, 3, 300, &d).ok());
    EXPECT_EQ(d.flipm, Hash256{});
  }
}

TEST(Pdq, FlatImageHasQualityZero) {
  PdqHasher hasher;
  const std::vector<uint8_t> px(100 * 80, 77);
  Result<PdqResult> r = hasher.Hash(px.data(), 100, 80, 1, 100);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->quality, 0);
}

TEST(Pdq, BadArgumentsAreErrors) {
  PdqHasher hasher;
  const std::vector<uint8_t> px(64 * 64 * 4, 1);
  auto reason = [&](const uint8_t* p, int w, int h, int c, size_t s) {
    Result<PdqResult> r = hasher.Hash(p, w, h, c, s);
    return r.ok() ? std::string("ok") : r.status().reason();
  };
  EXPECT_EQ(reason(px.data(), 64, 64, 3, 192), "ok");
  EXPECT_EQ(reason(px.data(), 64, 64, 2, 192), "invalid_image");
  EXPECT_EQ(reason(px.data(), 64, 64, 4, 256), "invalid_image");
  EXPECT_EQ(reason(px.data(), -1, 64, 3, 192), "invalid_image");
  EXPECT_EQ(reason(px.data(), 64, -5, 3, 192), "invalid_image");
  EXPECT_EQ(reason(nullptr, 64, 64, 3, 192), "invalid_image");
  EXPECT_EQ(reason(px.data(), 64, 64, 3, 191), "invalid_image");
  EXPECT_EQ(reason(px.data(), 64, 64, 3, std::numeric_limits<size_t>::max() / 2), "invalid_image");
  EXPECT_EQ(reason(px.data(), 1 << 13, 1 << 13, 1, 1 << 13), "image_too_large");
  EXPECT_EQ(
      reason(px.data(), std::numeric_limits<int>::max(), std::numeric_limits<int>::max(), 3, 1),
      "image_too_large");
  PdqDihedral d;
  EXPECT_FALSE(hasher.HashWithDihedralFromPixels(px.data(), 64, 64, 5, 320, &d).ok());
  EXPECT_FALSE(hasher.HashWithDihedralFromDct(nullptr, 64, 64, 1, 64, &d).ok());
  std::vector<float> luma(64 * 64);
  EXPECT_EQ(PdqLumaFromPixels(px.data(), 64, 64, 3, 10, luma.data()).reason(), "invalid_image");
}

TEST(Pdq, HashLumaRefusesNonFiniteOrHugeValues) {
  PdqHasher hasher;
  for (float bad : {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(),
                    -std::numeric_limits<float>::infinity(), 2e6f, -3e38f}) {
    for (int at : {13 * 40 + 7, 5 * 40 + 39, 29 * 40 + 38}) {  // in a vector, and in row tails
      std::vector<float> luma(40 * 30, 100.0f);
      luma[at] = bad;
      Result<PdqResult> r = hasher.HashLuma(luma.data(), 40, 30);
      ASSERT_FALSE(r.ok()) << bad << " at " << at;
      EXPECT_EQ(r.status().reason(), "invalid_luma");
    }
  }
  // Large but allowed values hash without trouble.
  std::vector<float> luma(40 * 30);
  for (size_t i = 0; i < luma.size(); ++i)
    luma[i] = (i * 7919 % 13) % 2 ? kPdqMaxLumaMagnitude : -kPdqMaxLumaMagnitude;
  Result<PdqResult> r = hasher.HashLuma(luma.data(), 40, 30);
  ASSERT_TRUE(r.ok());
  EXPECT_LE(r->quality, 100);
}

// Scratch buffers are reused: a big image between two hashes of a small one changes nothing.
TEST(Pdq, ReusedHasherGivesSameResults) {
  PdqHasher hasher;
  const Image small = Synthetic(77, 51, 3, 7), big = Synthetic(600, 450, 3, 8),
              grey = Synthetic(51, 77, 1, 9);
  const PdqResult a = MustHash(hasher, small);
  const PdqResult g = MustHash(hasher, grey);
  MustHash(hasher, big);
  PdqDihedral d;
  ASSERT_TRUE(
      hasher
          .HashWithDihedralFromPixels(big.pixels.data(), big.width, big.height, 3, big.stride(), &d)
          .ok());
  EXPECT_EQ(MustHash(hasher, small).hash, a.hash);
  EXPECT_EQ(MustHash(hasher, grey).hash, g.hash);
  PdqHasher fresh;
  EXPECT_EQ(MustHash(fresh, small).hash, a.hash);
  PdqHasher moved = std::move(fresh);
  EXPECT_EQ(MustHash(moved, grey).hash, g.hash);
}

}  // namespace
}  // namespace ngb
