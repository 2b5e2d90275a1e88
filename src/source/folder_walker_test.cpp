#include "source/folder_walker.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace ngb::source {
namespace {

class WalkTempDir {
 public:
  WalkTempDir() {
    char tmpl[] = "/tmp/ngb_walk_test_XXXXXX";
    const char* p = mkdtemp(tmpl);
    if (p) path_ = p;
  }
  ~WalkTempDir() {
    std::error_code ec;
    if (path_.empty()) return;
    // Make everything removable again (tests lock folders).
    for (auto it = std::filesystem::recursive_directory_iterator(
             path_, std::filesystem::directory_options::skip_permission_denied, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_directory(ec) && !it->is_symlink(ec)) chmod(it->path().c_str(), 0700);
    }
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream(path, std::ios::binary) << data;
}

std::vector<WalkEntry> Walk(const std::string& root, const std::string& label) {
  std::vector<WalkEntry> out;
  WalkFolder(root, label, [&](WalkEntry&& e) {
    out.push_back(std::move(e));
    return true;
  });
  return out;
}

std::vector<std::string> Provenances(const std::vector<WalkEntry>& v) {
  std::vector<std::string> out;
  for (const WalkEntry& e : v) out.push_back(e.provenance);
  return out;
}

const WalkEntry* Find(const std::vector<WalkEntry>& v, const std::string& prov) {
  for (const WalkEntry& e : v) {
    if (e.provenance == prov) return &e;
  }
  return nullptr;
}

std::string Parent(const std::string& p) {
  const size_t slash = p.rfind('/');
  return slash == std::string::npos ? "" : p.substr(0, slash);
}

// root/
//   a.txt  b/  b/inner.txt  b/sub/  b/sub/deep.txt  c.txt  dlink -> b  loop -> loop
//   dangling -> nowhere  fifo  z/  z/y.txt
class FolderWalkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    root_ = dir_.path() + "/root";
    ASSERT_EQ(mkdir(root_.c_str(), 0755), 0);
    WriteFile(root_ + "/a.txt", "a");
    ASSERT_EQ(mkdir((root_ + "/b").c_str(), 0755), 0);
    WriteFile(root_ + "/b/inner.txt", "inner");
    ASSERT_EQ(mkdir((root_ + "/b/sub").c_str(), 0755), 0);
    WriteFile(root_ + "/b/sub/deep.txt", "deep");
    WriteFile(root_ + "/c.txt", "c");
    ASSERT_EQ(symlink("b", (root_ + "/dlink").c_str()), 0);
    ASSERT_EQ(symlink("loop", (root_ + "/loop").c_str()), 0);
    ASSERT_EQ(symlink("nowhere", (root_ + "/dangling").c_str()), 0);
    ASSERT_EQ(mkfifo((root_ + "/fifo").c_str(), 0600), 0);
    ASSERT_EQ(mkdir((root_ + "/z").c_str(), 0755), 0);
    WriteFile(root_ + "/z/y.txt", "y");
  }

  WalkTempDir dir_;
  std::string root_;
};

TEST_F(FolderWalkerTest, VisitsEverythingOnceParentsFirst) {
  const std::vector<WalkEntry> v = Walk(root_, "ev");
  const std::vector<std::string> expected_set = {
      "ev",         "ev/a.txt",  "ev/b",        "ev/b/inner.txt", "ev/b/sub", "ev/b/sub/deep.txt",
      "ev/c.txt",   "ev/dangling", "ev/dlink",  "ev/fifo",        "ev/loop",  "ev/z",
      "ev/z/y.txt"};
  std::vector<std::string> got = Provenances(v);
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got.front(), "ev");
  std::vector<std::string> sorted = got;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, expected_set);  // each exactly once, nothing through the symlink to b

  // Parents before children.
  std::map<std::string, size_t> pos;
  for (size_t i = 0; i < got.size(); ++i) pos[got[i]] = i;
  for (const std::string& p : got) {
    if (p == "ev") continue;
    ASSERT_TRUE(pos.count(Parent(p))) << p;
    EXPECT_LT(pos[Parent(p)], pos[p]) << p;
  }

  // fs_path mirrors the provenance under the root.
  for (const WalkEntry& e : v) {
    EXPECT_EQ(e.fs_path, root_ + e.provenance.substr(2)) << e.provenance;
  }
}

TEST_F(FolderWalkerTest, NamesWithinAFolderAreInByteOrderPerKind) {
  const std::vector<std::string> got = Provenances(Walk(root_, "ev"));
  // Siblings of the same sort (non-folders, folders) appear in byte order.
  auto children = [&](const std::string& parent, bool dirs) {
    std::vector<std::string> out;
    for (const std::string& p : got) {
      if (Parent(p) != parent) continue;
      struct stat st {};
      const bool is_dir = lstat((root_ + p.substr(2)).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
      if (is_dir == dirs) out.push_back(p);
    }
    return out;
  };
  EXPECT_EQ(children("ev", false), (std::vector<std::string>{"ev/a.txt", "ev/c.txt", "ev/dangling", "ev/dlink",
                                                             "ev/fifo", "ev/loop"}));
  EXPECT_EQ(children("ev", true), (std::vector<std::string>{"ev/b", "ev/z"}));
  EXPECT_EQ(children("ev/b", false), (std::vector<std::string>{"ev/b/inner.txt"}));
  // Depth first: everything under ev/b comes before ev/z.
  const auto at = [&](const std::string& p) { return std::find(got.begin(), got.end(), p) - got.begin(); };
  EXPECT_LT(at("ev/b/sub/deep.txt"), at("ev/z"));
}

// folder_walker.h: a folder's entries in byte order, sub-folders in place (regression: sub-folders
// once came after all other entries).
TEST_F(FolderWalkerTest, SiblingsAreInByteOrder) {
  const std::vector<std::string> got = Provenances(Walk(root_, "ev"));
  std::vector<std::string> siblings;
  for (const std::string& p : got) {
    if (Parent(p) == "ev") siblings.push_back(p);
  }
  std::vector<std::string> sorted = siblings;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(siblings, sorted);
}

TEST_F(FolderWalkerTest, KindsTargetsAndErrors) {
  const std::vector<WalkEntry> v = Walk(root_, "ev");
  const WalkEntry* root = Find(v, "ev");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->kind, ItemKind::kDirectory);
  EXPECT_TRUE(root->error.ok());

  const WalkEntry* a = Find(v, "ev/a.txt");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, ItemKind::kFile);
  EXPECT_EQ(a->st.st_size, 1);
  EXPECT_TRUE(a->error.ok());

  const WalkEntry* b = Find(v, "ev/b");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->kind, ItemKind::kDirectory);

  const WalkEntry* dlink = Find(v, "ev/dlink");
  ASSERT_NE(dlink, nullptr);
  EXPECT_EQ(dlink->kind, ItemKind::kSymlink);
  EXPECT_EQ(dlink->link_target, "b");
  EXPECT_TRUE(S_ISLNK(dlink->st.st_mode));  // lstat, not stat
  EXPECT_TRUE(dlink->error.ok()) << dlink->error.ToString();

  const WalkEntry* loop = Find(v, "ev/loop");
  ASSERT_NE(loop, nullptr);
  EXPECT_EQ(loop->kind, ItemKind::kSymlink);
  EXPECT_EQ(loop->link_target, "loop");
  EXPECT_EQ(loop->error.reason(), "symlink_loop");

  const WalkEntry* dangling = Find(v, "ev/dangling");
  ASSERT_NE(dangling, nullptr);
  EXPECT_EQ(dangling->kind, ItemKind::kSymlink);
  EXPECT_EQ(dangling->link_target, "nowhere");
  EXPECT_TRUE(dangling->error.ok()) << "a dangling link is not a loop: " << dangling->error.ToString();

  const WalkEntry* fifo = Find(v, "ev/fifo");
  ASSERT_NE(fifo, nullptr);
  EXPECT_EQ(fifo->kind, ItemKind::kFifo);
}

TEST_F(FolderWalkerTest, TwoLinkLoopIsReported) {
  ASSERT_EQ(symlink("pong", (root_ + "/ping").c_str()), 0);
  ASSERT_EQ(symlink("ping", (root_ + "/pong").c_str()), 0);
  const std::vector<WalkEntry> v = Walk(root_, "ev");
  for (const char* name : {"ev/ping", "ev/pong"}) {
    const WalkEntry* e = Find(v, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->error.reason(), "symlink_loop") << name;
  }
}

TEST_F(FolderWalkerTest, SocketIsRecordedAsSocket) {
  const std::string path = root_ + "/sock";
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (path.size() >= sizeof addr.sun_path) GTEST_SKIP() << "path too long for a socket";
  const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  std::copy(path.begin(), path.end(), addr.sun_path);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  const std::vector<WalkEntry> v = Walk(root_, "ev");
  close(fd);
  const WalkEntry* e = Find(v, "ev/sock");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind, ItemKind::kSocket);
}

TEST_F(FolderWalkerTest, UnreadableFolderIsPermissionDenied) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads every folder";
  ASSERT_EQ(mkdir((root_ + "/locked").c_str(), 0755), 0);
  WriteFile(root_ + "/locked/hidden.txt", "h");
  ASSERT_EQ(chmod((root_ + "/locked").c_str(), 0), 0);
  const std::vector<WalkEntry> v = Walk(root_, "ev");
  chmod((root_ + "/locked").c_str(), 0755);
  const WalkEntry* e = Find(v, "ev/locked");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind, ItemKind::kDirectory);
  EXPECT_EQ(e->error.reason(), "permission_denied");
  EXPECT_EQ(Find(v, "ev/locked/hidden.txt"), nullptr);
  // The rest of the walk goes on.
  EXPECT_NE(Find(v, "ev/z/y.txt"), nullptr);
}

TEST_F(FolderWalkerTest, VisitorCanStopTheWalk) {
  int calls = 0;
  WalkFolder(root_, "ev", [&](WalkEntry&&) { return ++calls < 3; });
  EXPECT_EQ(calls, 3);
}

TEST_F(FolderWalkerTest, MissingRootIsReportedOnce) {
  const std::vector<WalkEntry> v = Walk(root_ + "/no-such", "gone");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].provenance, "gone");
  EXPECT_EQ(v[0].error.reason(), "vanished");
}

TEST_F(FolderWalkerTest, NonUtf8NamesArePassedAsRawBytes) {
  const std::string name = "bad\xFF\xFEname";
  WriteFile(root_ + "/" + name, "x");
  const std::vector<WalkEntry> v = Walk(root_, "ev");
  const WalkEntry* e = Find(v, "ev/" + name);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind, ItemKind::kFile);
  EXPECT_EQ(e->fs_path, root_ + "/" + name);
}

TEST(KindFromMode, MapsFileTypes) {
  EXPECT_EQ(KindFromMode(S_IFREG | 0644), ItemKind::kFile);
  EXPECT_EQ(KindFromMode(S_IFDIR | 0755), ItemKind::kDirectory);
  EXPECT_EQ(KindFromMode(S_IFLNK | 0777), ItemKind::kSymlink);
  EXPECT_EQ(KindFromMode(S_IFIFO), ItemKind::kFifo);
  EXPECT_EQ(KindFromMode(S_IFSOCK), ItemKind::kSocket);
  EXPECT_EQ(KindFromMode(S_IFCHR), ItemKind::kCharDevice);
  EXPECT_EQ(KindFromMode(S_IFBLK), ItemKind::kBlockDevice);
}

}  // namespace
}  // namespace ngb::source
