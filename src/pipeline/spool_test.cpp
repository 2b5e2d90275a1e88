#include "pipeline/spool.h"

#include <dirent.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "testing/temp_dir.h"

namespace ngb::pipeline {
namespace {

using ngb::testing::TempDir;

std::vector<std::string> DirEntries(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path().string());
  return out;
}

// Open file descriptors of this process whose target lies in `dir` (an O_TMPFILE shows as
// "DIR/#12345 (deleted)").
int FdsInto(const std::string& dir) {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    const std::filesystem::path target = std::filesystem::read_symlink(e.path(), ec);
    if (!ec && target.string().rfind(dir + "/", 0) == 0) ++n;
  }
  return n;
}

std::span<const uint8_t> AsBytes(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

std::string ReadAt(Spool& s, uint64_t off, size_t n) {
  std::string out(n, '\0');
  Result<size_t> r = s.ReadAt(off, reinterpret_cast<uint8_t*>(out.data()), n);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  out.resize(r.ok() ? *r : 0);
  return out;
}

std::string Letters(size_t n, unsigned seed) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>('A' + (i * 7 + seed) % 26);
  return s;
}

TEST(Spool, StaysInMemoryUpToTheLimit) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  Spool s(dir.path(), 100);
  ASSERT_TRUE(s.Append(AsBytes(Letters(60, 0))).ok());
  ASSERT_TRUE(s.Append(AsBytes(Letters(40, 1))).ok());  // exactly at the limit
  EXPECT_EQ(s.size(), 100u);
  EXPECT_EQ(FdsInto(dir.path()), 0);
  EXPECT_TRUE(DirEntries(dir.path()).empty());
  EXPECT_EQ(ReadAt(s, 0, 100), Letters(60, 0) + Letters(40, 1));
}

TEST(Spool, SwitchesToAnUnnamedFileAtTheLimit) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string a = Letters(60, 2), b = Letters(70, 3), c = Letters(5000, 4);
  const std::string all = a + b + c;
  {
    Spool s(dir.path(), 100);
    ASSERT_TRUE(s.Append(AsBytes(a)).ok());
    EXPECT_EQ(FdsInto(dir.path()), 0);
    ASSERT_TRUE(s.Append(AsBytes(b)).ok());  // 130 > 100: now on disk
    EXPECT_EQ(FdsInto(dir.path()), 1);
    ASSERT_TRUE(s.Append(AsBytes(c)).ok());
    EXPECT_EQ(FdsInto(dir.path()), 1);
    EXPECT_EQ(s.size(), all.size());
    // Nothing with a name appears in the scratch folder.
    EXPECT_TRUE(DirEntries(dir.path()).empty());

    EXPECT_EQ(ReadAt(s, 0, all.size()), all);
    EXPECT_EQ(ReadAt(s, 50, 20), all.substr(50, 20));    // across the first append boundary
    EXPECT_EQ(ReadAt(s, 120, 30), all.substr(120, 30));  // across the second append boundary
    EXPECT_EQ(ReadAt(s, all.size() - 10, 100), all.substr(all.size() - 10));  // clamped at the end
    EXPECT_EQ(ReadAt(s, all.size(), 10), "");
    EXPECT_EQ(ReadAt(s, all.size() + 1000, 10), "");
  }
  EXPECT_EQ(FdsInto(dir.path()), 0);  // closed with the spool
  EXPECT_TRUE(DirEntries(dir.path()).empty());
}

TEST(Spool, OneAppendLargerThanTheLimitGoesToDisk) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string big = Letters(1 << 20, 5);
  Spool s(dir.path(), 1000);
  ASSERT_TRUE(s.Append(AsBytes(big)).ok());
  EXPECT_EQ(FdsInto(dir.path()), 1);
  EXPECT_EQ(s.size(), big.size());
  EXPECT_EQ(ReadAt(s, 999, 2), big.substr(999, 2));
  EXPECT_TRUE(ReadAt(s, 0, big.size()) == big);
  EXPECT_TRUE(DirEntries(dir.path()).empty());
}

TEST(Spool, EmptyAppendsAreHarmless) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  Spool s(dir.path(), 10);
  ASSERT_TRUE(s.Append({}).ok());
  EXPECT_EQ(s.size(), 0u);
  EXPECT_EQ(ReadAt(s, 0, 10), "");
  ASSERT_TRUE(s.Append(AsBytes("0123456789abc")).ok());
  ASSERT_TRUE(s.Append({}).ok());
  EXPECT_EQ(s.size(), 13u);
  EXPECT_EQ(ReadAt(s, 8, 4), "89ab");
}

TEST(Spool, MissingScratchFolderIsAnError) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  Spool s(dir.path() + "/does-not-exist", 4);
  ASSERT_TRUE(s.Append(AsBytes("abc")).ok());  // memory
  Status st = s.Append(AsBytes("defgh"));
  EXPECT_FALSE(st.ok());
  EXPECT_TRUE(DirEntries(dir.path()).empty());
}

}  // namespace
}  // namespace ngb::pipeline
