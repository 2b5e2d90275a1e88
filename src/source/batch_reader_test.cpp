#include "source/batch_reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "testing/temp_dir.h"

namespace ngb::source {
namespace {

using ngb::testing::TempDir;

void Write(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

class BatchReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    reader_ = BatchReader::Create(/*read_timeout_ms=*/200);
    if (!reader_) GTEST_SKIP() << "io_uring unavailable here";
    dir_fd_ = open(tmp_.path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    ASSERT_GE(dir_fd_, 0);
  }
  void TearDown() override {
    if (dir_fd_ >= 0) close(dir_fd_);
  }
  // Reads the named files (relative to the temp folder) in one batch.
  std::vector<BatchReadRequest> ReadAll(const std::vector<std::string>& names, size_t cap) {
    bufs_.assign(names.size(), std::vector<uint8_t>(cap));
    std::vector<BatchReadRequest> reqs(names.size());
    for (size_t i = 0; i < names.size(); ++i) {
      reqs[i].dir_fd = dir_fd_;
      reqs[i].name = names[i].c_str();
      reqs[i].buf = bufs_[i].data();
      reqs[i].cap = cap;
    }
    reader_->Read(reqs);
    return reqs;
  }
  std::string Got(const std::vector<BatchReadRequest>& reqs, size_t i) {
    return std::string(reinterpret_cast<const char*>(bufs_[i].data()), static_cast<size_t>(reqs[i].result));
  }

  TempDir tmp_;
  int dir_fd_ = -1;
  std::unique_ptr<BatchReader> reader_;
  std::vector<std::vector<uint8_t>> bufs_;
};

TEST_F(BatchReaderTest, ReadsWholeFilesAndEmptyOnes) {
  Write(tmp_.path() + "/a", "alpha");
  Write(tmp_.path() + "/b", std::string(5000, 'b'));
  Write(tmp_.path() + "/empty", "");
  auto reqs = ReadAll({"a", "b", "empty"}, 8192);
  ASSERT_EQ(reqs[0].result, 5);
  EXPECT_EQ(Got(reqs, 0), "alpha");
  ASSERT_EQ(reqs[1].result, 5000);
  EXPECT_EQ(Got(reqs, 1), std::string(5000, 'b'));
  EXPECT_EQ(reqs[2].result, 0);
}

TEST_F(BatchReaderTest, FailuresAreReportedPerFileAndTheBatchGoesOn) {
  Write(tmp_.path() + "/ok", "fine");
  mkdir((tmp_.path() + "/folder").c_str(), 0755);
  ASSERT_EQ(symlink("ok", (tmp_.path() + "/link").c_str()), 0);
  ASSERT_EQ(mkfifo((tmp_.path() + "/fifo").c_str(), 0600), 0);
  auto reqs = ReadAll({"missing", "folder", "link", "fifo", "ok"}, 64);
  EXPECT_EQ(reqs[0].result, -ENOENT);
  EXPECT_LT(reqs[1].result, 0);           // a folder cannot be read
  EXPECT_EQ(reqs[2].result, -ELOOP);      // O_NOFOLLOW: links are never followed
  EXPECT_LE(reqs[3].result, 0);           // a FIFO never blocks: no writer reads as empty
  ASSERT_EQ(reqs[4].result, 4);
  EXPECT_EQ(Got(reqs, 4), "fine");
}

TEST_F(BatchReaderTest, AFifoWithAWriterButNoDataDoesNotBlock) {
  const std::string path = tmp_.path() + "/fifo";
  ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
  int rd = open(path.c_str(), O_RDONLY | O_NONBLOCK);  // lets the writer open without blocking
  int wr = open(path.c_str(), O_WRONLY | O_NONBLOCK);
  ASSERT_GE(wr, 0);
  auto reqs = ReadAll({"fifo"}, 64);
  EXPECT_LT(reqs[0].result, 0);  // -EAGAIN: the caller falls back and names it
  close(wr);
  close(rd);
}

// A read that does not finish in time is abandoned: the request comes back with an error (the
// caller falls back to its own reader), and the reader goes on serving other files, in the same
// slot too.
TEST_F(BatchReaderTest, AReadStillBlockedAfterTheTimeoutIsAbandoned) {
  const std::string path = tmp_.path() + "/fifo";
  ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
  int rd = open(path.c_str(), O_RDONLY | O_NONBLOCK);  // lets the writer open without blocking
  int wr = open(path.c_str(), O_WRONLY | O_NONBLOCK);  // a writer that never writes
  ASSERT_GE(wr, 0);
  Write(tmp_.path() + "/ok", "fine");
  reader_->BlockingOpensForTest();  // the read of the FIFO now waits for data (timeout: 200 ms)
  const auto start = std::chrono::steady_clock::now();
  auto reqs = ReadAll({"fifo", "ok"}, 64);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(reqs[0].result, 0);
  EXPECT_EQ(reqs[1].result, 4);
  EXPECT_GE(ms, 150);
  EXPECT_LT(ms, 5000);
  EXPECT_EQ(reader_->in_flight(), 0);
  reqs = ReadAll({"ok", "ok"}, 64);  // slot 0 again, after the abandoned read
  EXPECT_EQ(reqs[0].result, 4);
  EXPECT_EQ(reqs[1].result, 4);
  EXPECT_EQ(Got(reqs, 0), "fine");
  close(wr);
  close(rd);
}

TEST_F(BatchReaderTest, ReadsAtMostCapAndReusesItsDescriptorSlots) {
  Write(tmp_.path() + "/big", std::string(1000, 'x'));
  for (int round = 0; round < 3 * BatchReader::kMaxBatch; ++round) {
    auto reqs = ReadAll(std::vector<std::string>(BatchReader::kMaxBatch, "big"), 100);
    for (const auto& r : reqs) ASSERT_EQ(r.result, 100);
  }
  // No descriptor leaked into the process: the next open gets a low number as before.
  int fd = open(tmp_.path().c_str(), O_RDONLY | O_DIRECTORY);
  EXPECT_LT(fd, 16);
  close(fd);
}

// Reads left in flight come back once each, by Reap(), in whatever order they finish; a slot is
// free again once its request has come back, and a request for a busy slot is refused.
TEST_F(BatchReaderTest, SubmittedReadsComeBackOnceEachAndSlotsAreReused) {
  std::vector<std::string> names;
  for (int i = 0; i < 10; ++i) {
    names.push_back("f" + std::to_string(i));
    Write(tmp_.path() + "/" + names.back(), std::string(static_cast<size_t>(100 + i), static_cast<char>('a' + i)));
  }
  std::vector<std::vector<uint8_t>> bufs(12, std::vector<uint8_t>(4096));
  std::vector<BatchReadRequest> reqs(12);
  auto prepare = [&](size_t k, size_t file, int slot) {
    reqs[k].dir_fd = dir_fd_;
    reqs[k].name = names[file].c_str();
    reqs[k].buf = bufs[k].data();
    reqs[k].cap = bufs[k].size();
    reqs[k].slot = slot;
    return &reqs[k];
  };
  std::vector<BatchReadRequest*> done;
  reader_->Reap(/*wait=*/true, done);  // nothing in flight: returns at once
  EXPECT_TRUE(done.empty());
  for (int wave = 0; wave < 2; ++wave) {
    std::vector<BatchReadRequest*> submit;
    for (size_t i = 0; i < 5; ++i) submit.push_back(prepare(i, static_cast<size_t>(wave) * 5 + i, static_cast<int>(i)));
    reader_->Submit(submit);
    done.clear();
    while (done.size() < 5) {
      const size_t had = done.size();
      reader_->Reap(/*wait=*/true, done);
      ASSERT_GT(done.size(), had);
    }
    EXPECT_EQ(reader_->in_flight(), 0);
    std::set<BatchReadRequest*> seen(done.begin(), done.end());
    EXPECT_EQ(seen.size(), 5u);  // each once
    for (size_t i = 0; i < 5; ++i) {
      const size_t file = static_cast<size_t>(wave) * 5 + i;
      ASSERT_EQ(reqs[i].result, static_cast<int64_t>(100 + file));
      EXPECT_EQ(bufs[i][0], static_cast<uint8_t>('a' + file));
    }
  }
  // Two requests for one slot: the second is refused, the first is read.
  std::vector<BatchReadRequest*> twice = {prepare(10, 0, 3), prepare(11, 1, 3)};
  reader_->Submit(twice);
  done.clear();
  while (done.size() < 2) reader_->Reap(/*wait=*/true, done);
  EXPECT_EQ(reqs[10].result, 100);
  EXPECT_EQ(reqs[11].result, -EINVAL);
}

TEST_F(BatchReaderTest, LeavesAccessTimeAlone) {
  const std::string path = tmp_.path() + "/old";
  Write(path, "content");
  struct timespec times[2] = {{1000000, 0}, {1000000, 0}};
  ASSERT_EQ(utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
  auto reqs = ReadAll({"old"}, 64);
  ASSERT_EQ(reqs[0].result, 7);
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_atim.tv_sec, 1000000);
}

}  // namespace
}  // namespace ngb::source
