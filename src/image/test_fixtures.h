// Test helper for the image decoder tests: the committed fixtures in testdata/ (made by
// testdata/make.sh) and their expected pixels, and checksums over decoded pixels.
#pragma once
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "hash/multi_digest.h"
#include "image/decode.h"

namespace ngb::image::testing {

// This folder's testdata/ (CMake compiles with absolute source paths).
inline std::filesystem::path TestdataDir() { return std::filesystem::path(__FILE__).parent_path() / "testdata"; }

// Where the shared PDQ reference images live on the project's machines (may be absent).
inline const std::filesystem::path kSharedImages = "/work/shared/testdata/pdq/images";

inline std::vector<uint8_t> ReadFile(const std::filesystem::path& path) {
  std::ifstream f(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), {});
}

// One line of expected.txt / shared-reference.txt.
struct Expected {
  std::string file;
  int channels = 0, width = 0, height = 0;
  std::string md5;    // of ImageMagick's 8-bit RGB decode (grey expanded to R=G=B)
  double mean = 0;    // of the same bytes
  bool exact = true;  // else only the mean must agree (within 1 level)
};

inline std::vector<Expected> ReadExpected(const std::filesystem::path& path) {
  std::vector<Expected> out;
  std::ifstream f(path);
  for (std::string line; std::getline(f, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream in(line);
    Expected e;
    std::string kind;
    in >> e.file >> e.channels >> e.width >> e.height >> e.md5 >> e.mean >> kind;
    e.exact = kind == "exact";
    out.push_back(e);
  }
  return out;
}

// The pixels as packed RGB (grey expanded), the form the expected checksums are taken over.
inline std::vector<uint8_t> AsRgb(const DecodedImage& img) {
  if (img.channels == 3) return img.pixels;
  std::vector<uint8_t> rgb;
  rgb.reserve(img.pixels.size() * 3);
  for (uint8_t v : img.pixels) rgb.insert(rgb.end(), {v, v, v});
  return rgb;
}

inline std::string Md5(const std::vector<uint8_t>& bytes) { return MultiDigest::Of(bytes).md5; }

inline double Mean(const std::vector<uint8_t>& bytes) {
  double sum = 0;
  for (uint8_t v : bytes) sum += v;
  return bytes.empty() ? 0 : sum / static_cast<double>(bytes.size());
}

// Checks one decode against its expected line; returns "" or a description of the mismatch.
inline std::string Compare(const DecodedImage& img, const Expected& e) {
  std::ostringstream why;
  if (img.channels != e.channels) why << " channels " << img.channels << " != " << e.channels;
  if (img.width != e.width || img.height != e.height) {
    why << " size " << img.width << "x" << img.height << " != " << e.width << "x" << e.height;
  }
  if (img.truncated) why << " flagged truncated";
  const std::vector<uint8_t> rgb = AsRgb(img);
  if (e.exact && Md5(rgb) != e.md5) why << " pixels differ from ImageMagick's";
  if (!e.exact && std::abs(Mean(rgb) - e.mean) > 1.0) why << " mean " << Mean(rgb) << " vs " << e.mean;
  return why.str();
}

}  // namespace ngb::image::testing
