#include "source/evidence_file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "hash/multi_digest.h"

#include "testing/temp_dir.h"

namespace ngb::source {
namespace {

using ngb::testing::TempDir;

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::span<const uint8_t> AsBytes(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

// Reads the whole stream; counts chunks.
Result<std::string> Drain(ByteStream& s, int* chunks = nullptr) {
  std::string out;
  int n = 0;
  for (;;) {
    Result<std::span<const uint8_t>> r = s.Next();
    if (!r.ok()) return r.status();
    if (r->empty()) break;
    ++n;
    out.append(reinterpret_cast<const char*>(r->data()), r->size());
  }
  if (chunks) *chunks = n;
  return out;
}

// Creates a file of `size` bytes that is a hole except for `data` written at each offset.
void MakeSparse(const std::string& path, off_t size, const std::vector<std::pair<off_t, std::string>>& writes) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(ftruncate(fd, size), 0);
  for (const auto& [off, data] : writes) {
    ASSERT_EQ(pwrite(fd, data.data(), data.size(), off), static_cast<ssize_t>(data.size()));
  }
  close(fd);
}

std::string StridePattern(size_t n, unsigned seed) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 2654435761u + seed) >> 13);
  return s;
}

TEST(EvidenceFile, SparseFileStreamsExactlyItsBytes) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  struct Layout {
    off_t size;
    std::vector<std::pair<off_t, std::string>> writes;
  };
  const std::vector<Layout> layouts = {
      {8 << 20, {{(3 << 20) + 123, StridePattern(1000, 1)}}},                       // hole, data, hole
      {4 << 20, {{0, StridePattern(5000, 2)}}},                                       // data, trailing hole
      {4 << 20, {{(4 << 20) - 777, StridePattern(777, 3)}}},                          // leading hole, data
      {16 << 20, {{1 << 20, StridePattern(300000, 4)}, {(9 << 20) + 5, StridePattern(10, 5)}}},  // two islands
      {3 << 20, {}},                                                            // all hole
  };
  int i = 0;
  for (const Layout& l : layouts) {
    SCOPED_TRACE("layout " + std::to_string(i));
    const std::string path = dir.path() + "/sparse" + std::to_string(i++);
    MakeSparse(path, l.size, l.writes);
    const std::string expected = ReadWhole(path);
    ASSERT_EQ(expected.size(), static_cast<size_t>(l.size));

    Result<EvidenceFile> f = EvidenceFile::Open(path);
    ASSERT_TRUE(f.ok()) << f.status().ToString();
    EXPECT_EQ(f->size(), static_cast<uint64_t>(l.size));
    struct stat st {};
    ASSERT_EQ(stat(path.c_str(), &st), 0);
    EXPECT_EQ(f->sparse(), st.st_blocks * 512LL < st.st_size);
    for (size_t buf_size : {size_t{4096}, size_t{1} << 20}) {
      std::vector<uint8_t> buf(buf_size);
      FileStream s(*f, buf);
      Result<std::string> got = Drain(s);
      ASSERT_TRUE(got.ok()) << got.status().ToString();
      ASSERT_EQ(got->size(), expected.size());
      EXPECT_TRUE(*got == expected);
      EXPECT_EQ(MultiDigest::Of(AsBytes(*got)).sha256, MultiDigest::Of(AsBytes(expected)).sha256);
      // After the end, the stream stays at the end.
      Result<std::span<const uint8_t>> again = s.Next();
      ASSERT_TRUE(again.ok());
      EXPECT_TRUE(again->empty());
    }
  }
}

TEST(EvidenceFile, DenseFileStreamsExactlyItsBytes) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string path = dir.path() + "/dense";
  const std::string data = StridePattern(1'000'003, 9);
  std::ofstream(path, std::ios::binary) << data;
  Result<EvidenceFile> f = EvidenceFile::Open(path);
  ASSERT_TRUE(f.ok());
  EXPECT_FALSE(f->sparse());
  std::vector<uint8_t> buf(65536);
  FileStream s(*f, buf);
  int chunks = 0;
  Result<std::string> got = Drain(s, &chunks);
  ASSERT_TRUE(got.ok());
  EXPECT_TRUE(*got == data);
  EXPECT_EQ(chunks, 16);  // 15 full chunks of 64 KiB + one partial
}

TEST(EvidenceFile, EmptyFileYieldsNoChunks) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string path = dir.path() + "/empty";
  std::ofstream(path, std::ios::binary).close();
  Result<EvidenceFile> f = EvidenceFile::Open(path);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->size(), 0u);
  EXPECT_FALSE(f->sparse());
  std::vector<uint8_t> buf(4096);
  FileStream s(*f, buf);
  int chunks = -1;
  Result<std::string> got = Drain(s, &chunks);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(chunks, 0);
  EXPECT_TRUE(got->empty());
}

TEST(EvidenceFile, GrowingFileIsReadToItsNewEnd) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string path = dir.path() + "/grows";
  std::ofstream(path, std::ios::binary) << std::string(100, 'a');
  Result<EvidenceFile> f = EvidenceFile::Open(path);
  ASSERT_TRUE(f.ok());
  std::vector<uint8_t> buf(64);
  FileStream s(*f, buf);
  Result<std::span<const uint8_t>> first = s.Next();
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 64u);
  EXPECT_FALSE(f->ChangedSinceOpen());
  std::ofstream(path, std::ios::binary | std::ios::app) << std::string(100, 'b');
  EXPECT_TRUE(f->ChangedSinceOpen());
  Result<std::string> rest = Drain(s);
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(*rest, std::string(36, 'a') + std::string(100, 'b'));
}

TEST(EvidenceFile, ChangedSinceOpenDetectsAnAppend) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string path = dir.path() + "/f";
  std::ofstream(path, std::ios::binary) << "hello";
  Result<EvidenceFile> f = EvidenceFile::Open(path);
  ASSERT_TRUE(f.ok());
  EXPECT_FALSE(f->ChangedSinceOpen());
  std::ofstream(path, std::ios::binary | std::ios::app) << "!";
  EXPECT_TRUE(f->ChangedSinceOpen());
}

TEST(EvidenceFile, ChangedSinceOpenDetectsAnMtimeChange) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string path = dir.path() + "/f";
  std::ofstream(path, std::ios::binary) << "hello";
  Result<EvidenceFile> f = EvidenceFile::Open(path);
  ASSERT_TRUE(f.ok());
  const struct timespec times[2] = {{0, UTIME_OMIT}, {1'000'000'000, 5}};
  ASSERT_EQ(utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
  EXPECT_TRUE(f->ChangedSinceOpen());
}

TEST(EvidenceFile, ReadAtReadsAtOffsetsAndStopsAtTheEnd) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string path = dir.path() + "/f";
  std::ofstream(path, std::ios::binary) << "0123456789";
  Result<EvidenceFile> f = EvidenceFile::Open(path);
  ASSERT_TRUE(f.ok());
  uint8_t buf[8];
  Result<size_t> n = f->ReadAt(3, buf, 4);
  ASSERT_TRUE(n.ok());
  ASSERT_EQ(*n, 4u);
  EXPECT_EQ(std::string(reinterpret_cast<char*>(buf), 4), "3456");
  n = f->ReadAt(8, buf, 8);
  ASSERT_TRUE(n.ok());
  ASSERT_EQ(*n, 2u);
  EXPECT_EQ(std::string(reinterpret_cast<char*>(buf), 2), "89");
  n = f->ReadAt(10, buf, 8);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0u);
  n = f->ReadAt(1000, buf, 8);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0u);
}

TEST(EvidenceFile, OpenOnFifoFailsWithoutBlocking) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string path = dir.path() + "/fifo";
  ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
  // No writer exists: a blocking open would hang here.
  Result<EvidenceFile> f = EvidenceFile::Open(path);
  ASSERT_FALSE(f.ok());
  const std::string reason = f.status().reason();
  EXPECT_TRUE(reason == "changed_during_scan" || reason == "not_regular") << reason;
}

TEST(EvidenceFile, OpenOnDirectoryFails) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  Result<EvidenceFile> f = EvidenceFile::Open(dir.path());
  EXPECT_FALSE(f.ok());
}

TEST(EvidenceFile, OpenDoesNotFollowSymlinks) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string target = dir.path() + "/target";
  std::ofstream(target, std::ios::binary) << "secret";
  const std::string link = dir.path() + "/link";
  ASSERT_EQ(symlink(target.c_str(), link.c_str()), 0);
  Result<EvidenceFile> f = EvidenceFile::Open(link);
  EXPECT_FALSE(f.ok());
}

TEST(EvidenceFile, OpenOnMissingPathIsVanished) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  Result<EvidenceFile> f = EvidenceFile::Open(dir.path() + "/no-such-file");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().reason(), "vanished");
  Result<EvidenceFile> g = EvidenceFile::Open(dir.path() + "/no-such-dir/file");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().reason(), "vanished");
}

TEST(EvidenceFile, OpenNeverWritesTheFile) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string path = dir.path() + "/f";
  std::ofstream(path, std::ios::binary) << "abc";
  ASSERT_EQ(chmod(path.c_str(), 0444), 0);
  struct stat before {};
  ASSERT_EQ(stat(path.c_str(), &before), 0);
  {
    Result<EvidenceFile> f = EvidenceFile::Open(path);
    ASSERT_TRUE(f.ok()) << f.status().ToString();
    std::vector<uint8_t> buf(16);
    FileStream s(*f, buf);
    ASSERT_TRUE(Drain(s).ok());
    EXPECT_EQ(fcntl(f->fd(), F_GETFL) & O_ACCMODE, O_RDONLY);
  }
  struct stat after {};
  ASSERT_EQ(stat(path.c_str(), &after), 0);
  EXPECT_EQ(after.st_size, before.st_size);
  EXPECT_EQ(after.st_mtim.tv_sec, before.st_mtim.tv_sec);
  EXPECT_EQ(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
}

}  // namespace
}  // namespace ngb::source
