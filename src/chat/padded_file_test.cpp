#include "chat/padded_file.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "testing/temp_dir.h"

namespace ngb::chat {
namespace {

using ngb::testing::TempDir;

std::string Write(const TempDir& dir, const std::string& name, const std::string& bytes) {
  const std::string path = dir.path() + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// Writes `bytes` to a file in `dir` and loads it with 64 bytes of padding.
Result<PaddedFile> Load(const TempDir& dir, const std::string& name, const std::string& bytes) {
  Result<source::EvidenceFile> file = source::EvidenceFile::Open(Write(dir, name, bytes));
  if (!file.ok()) return file.status();
  return PaddedFile::Load(*file, 64);
}

// The bytes come back unchanged and `padding` zero bytes are readable after them, whatever the
// size is relative to the page size (the padding may spill into the next page).
TEST(PaddedFileTest, BytesAndZeroPaddingAtEveryPageOffset) {
  TempDir dir;
  for (const size_t size : {size_t{1}, size_t{100}, size_t{4031}, size_t{4032}, size_t{4033},
                            size_t{4095}, size_t{4096}, size_t{4097}, size_t{3 * 4096 - 1}}) {
    std::string bytes(size, '\0');
    for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>('a' + i % 26);
    Result<PaddedFile> padded = Load(dir, "f" + std::to_string(size), bytes);
    ASSERT_TRUE(padded.ok()) << padded.status().ToString();
    EXPECT_TRUE(padded->mapped());
    ASSERT_EQ(padded->bytes(), bytes) << size;
    const char* end = padded->bytes().data() + size;
    for (size_t i = 0; i < 64; ++i) ASSERT_EQ(end[i], 0) << size << " +" << i;
  }
}

TEST(PaddedFileTest, EmptyFileIsReadNotMapped) {
  TempDir dir;
  Result<PaddedFile> padded = Load(dir, "empty", "");
  ASSERT_TRUE(padded.ok());
  EXPECT_FALSE(padded->mapped());
  EXPECT_TRUE(padded->bytes().empty());
  for (size_t i = 0; i < 64; ++i) ASSERT_EQ(padded->bytes().data()[i], 0);
}

TEST(PaddedFileTest, MovedViewKeepsTheMapping) {
  TempDir dir;
  Result<PaddedFile> padded = Load(dir, "m", "hello");
  ASSERT_TRUE(padded.ok());
  PaddedFile moved(std::move(*padded));
  EXPECT_EQ(moved.bytes(), "hello");
  EXPECT_TRUE(padded->bytes().empty());
}

}  // namespace
}  // namespace ngb::chat
