// Carving in the disk-image walk: a FAT image built at test time (mkfs.vfat) with a JPEG and a PNG
// written into its free clusters; ListImageUnits must list them as carved units at their offsets,
// readable through the image, and honour --carve off, resume (`finished`) and the per-volume cap.
#include "pipeline/image_units.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <vector>

#include "hash/sha256.h"
#include "image/test_fixtures.h"
#include "source/slice_access.h"
#include "testing/temp_dir.h"

namespace ngb::pipeline {
namespace {

using Bytes = std::vector<uint8_t>;

Bytes Fixture(const char* name) {
  Bytes b = image::testing::ReadFile(image::testing::TestdataDir() / name);
  EXPECT_FALSE(b.empty()) << name << " (run the tests from the build folder)";
  return b;
}

std::string Sha(std::span<const uint8_t> b) {
  return Sha256Hex(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
}

constexpr uint64_t kJpegAt = 6u << 20, kPngAt = (7u << 20) + 512;

struct Listed {
  std::vector<Work> pushed;
  std::vector<ItemRecord> emitted;
  int64_t skipped = 0;
  const Work* Carved(const std::string& path) const {
    for (const Work& w : pushed) {
      if (w.rec.path == path) return &w;
    }
    return nullptr;
  }
  const ItemRecord* Emitted(const std::string& path) const {
    for (const ItemRecord& r : emitted) {
      if (r.path == path) return &r;
    }
    return nullptr;
  }
  size_t CarvedCount() const {
    size_t n = 0;
    for (const Work& w : pushed) n += w.carved_from != nullptr;
    return n;
  }
};

std::string AttrOrNone(const ItemRecord& r, const std::string& key) {
  for (const auto& [k, v] : r.attrs) {
    if (k == key) return v;
  }
  return "<none>";
}

class ImageUnitsCarve : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::system("command -v mkfs.vfat >/dev/null 2>&1 || test -x /usr/sbin/mkfs.vfat") != 0) {
      GTEST_SKIP() << "mkfs.vfat missing";
    }
    image_ = dir_.path() + "/fat.img";
    ASSERT_EQ(0, std::system(("truncate -s 8M '" + image_ + "' && PATH=$PATH:/usr/sbin mkfs.vfat '" + image_ +
                              "' >/dev/null 2>&1")
                                 .c_str()));
    jpeg_ = Fixture("j-big-301x203.jpg");
    png_ = Fixture("p-grey8.png");
    std::fstream f(image_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(kJpegAt));
    f.write(reinterpret_cast<const char*>(jpeg_.data()), static_cast<std::streamsize>(jpeg_.size()));
    f.seekp(static_cast<std::streamoff>(kPngAt));
    f.write(reinterpret_cast<const char*>(png_.data()), static_cast<std::streamsize>(png_.size()));
  }

  Listed List(const ImageUnitOptions& options, const FinishedFn& finished) {
    Listed out;
    source::WalkEntry e;
    e.fs_path = image_;
    e.provenance = "fat.img";
    e.kind = ItemKind::kFile;
    EXPECT_EQ(0, stat(image_.c_str(), &e.st));
    std::atomic<int64_t> next_id{1}, skipped{0};
    ListImageUnits(
        std::move(e), source::ImageFormat::kRaw, options, 1, 1, next_id, finished,
        [&](Work&& w) {
          out.pushed.push_back(std::move(w));
          return true;
        },
        [&](ItemRecord&& r) { out.emitted.push_back(std::move(r)); }, skipped);
    out.skipped = skipped.load();
    for (const ItemRecord& r : out.emitted) {
      if (r.path.rfind("fat.img/fs(FAT", 0) == 0 && r.path.find('/', 8) == std::string::npos) vol_ = r.path;
    }
    return out;
  }

  testing::TempDir dir_;
  std::string image_;
  std::string vol_ = "fat.img/fs(?)";  // the volume's path, once listed
  Bytes jpeg_, png_;
};

const FinishedFn kNone = [](const std::string&) -> std::optional<int64_t> { return std::nullopt; };

TEST_F(ImageUnitsCarve, CarvesFreeSpaceAtTheRightOffsets) {
  Listed l = List(ImageUnitOptions(), kNone);
  const ItemRecord* folder = l.Emitted(vol_ + "/$Carved");
  ASSERT_NE(folder, nullptr);
  EXPECT_EQ(folder->kind, ItemKind::kDirectory);
  EXPECT_TRUE(folder->error.empty()) << folder->error;
  ASSERT_EQ(l.CarvedCount(), 2u);
  const struct {
    std::string path;
    uint64_t at;
    const Bytes* bytes;
    const char* type;
  } want[] = {{vol_ + "/$Carved/6291456.jpg", kJpegAt, &jpeg_, "jpeg"},
              {vol_ + "/$Carved/7340544.png", kPngAt, &png_, "png"}};
  for (const auto& c : want) {
    const Work* w = l.Carved(c.path);
    ASSERT_NE(w, nullptr) << c.path;
    EXPECT_TRUE(w->in_image);
    EXPECT_EQ(w->fs, nullptr);
    EXPECT_EQ(w->carved.offset, c.at);
    EXPECT_EQ(w->carved.length, c.bytes->size());
    EXPECT_EQ(w->rec.allocated, std::optional<bool>(false));
    EXPECT_EQ(w->rec.size, std::optional<uint64_t>(c.bytes->size()));
    EXPECT_EQ(w->rec.parent_id, folder->id);
    EXPECT_EQ(w->rec.depth, 1);
    EXPECT_EQ(AttrOrNone(w->rec, "carve.offset"), std::to_string(c.at));
    EXPECT_EQ(AttrOrNone(w->rec, "carve.length"), std::to_string(c.bytes->size()));
    EXPECT_EQ(AttrOrNone(w->rec, "carve.type"), c.type);
    EXPECT_EQ(AttrOrNone(w->rec, "carve.truncated"), "0");
    // The worker reads it through a window over the image.
    source::SliceAccess slice(*w->carved_from, w->carved.offset, w->carved.length);
    Bytes got(slice.size());
    Result<size_t> n = slice.ReadAt(0, got.data(), got.size());
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(*n, got.size());
    EXPECT_EQ(Sha(got), Sha(*c.bytes)) << c.path;
  }
}

TEST_F(ImageUnitsCarve, OffListsNothingCarved) {
  ImageUnitOptions o;
  o.carve = CarveMode::kOff;
  Listed l = List(o, kNone);
  EXPECT_EQ(l.CarvedCount(), 0u);
  for (const ItemRecord& r : l.emitted) EXPECT_EQ(r.path.find("$Carved"), std::string::npos) << r.path;
  EXPECT_NE(l.Emitted(vol_), nullptr);
}

TEST_F(ImageUnitsCarve, ImageFileIsReadForItsDigestsByDefault) {
  Listed l = List(ImageUnitOptions(), kNone);
  ASSERT_FALSE(l.pushed.empty());
  EXPECT_EQ(l.pushed.front().rec.path, "fat.img");
  EXPECT_TRUE(l.pushed.front().image_top);
  EXPECT_EQ(l.Emitted("fat.img"), nullptr);
}

// scan --no-image-hash: the image file's row is written at once, marked image.hashed=0, without
// reading the image for its digests; what is inside is listed as usual.
TEST_F(ImageUnitsCarve, NoImageHashEmitsTheImageRowUnread) {
  ImageUnitOptions o;
  o.hash_image = false;
  Listed l = List(o, kNone);
  for (const Work& w : l.pushed) EXPECT_FALSE(w.image_top) << w.rec.path;
  const ItemRecord* top = l.Emitted("fat.img");
  ASSERT_NE(top, nullptr);
  EXPECT_EQ(AttrOrNone(*top, "image.hashed"), "0");
  EXPECT_EQ(AttrOrNone(*top, "image.format"), "raw");
  EXPECT_TRUE(top->md5.empty());
  EXPECT_TRUE(top->error.empty()) << top->error;
  EXPECT_EQ(l.emitted.front().path, "fat.img");  // before anything inside it
  ASSERT_NE(l.Emitted(vol_), nullptr);
  EXPECT_EQ(l.Emitted(vol_)->parent_id, top->id);
  EXPECT_EQ(l.CarvedCount(), 2u);
}

TEST_F(ImageUnitsCarve, FinishedCarvesAreNotListedAgain) {
  List(ImageUnitOptions(), kNone);  // learns vol_
  std::map<std::string, int64_t> done = {{vol_ + "/$Carved", 900},
                                         {vol_ + "/$Carved/6291456.jpg", 901}};
  Listed l = List(ImageUnitOptions(), [&](const std::string& p) -> std::optional<int64_t> {
    auto it = done.find(p);
    if (it == done.end()) return std::nullopt;
    return it->second;
  });
  EXPECT_EQ(l.Emitted(vol_ + "/$Carved"), nullptr);
  ASSERT_EQ(l.CarvedCount(), 1u);
  const Work* png = l.Carved(vol_ + "/$Carved/7340544.png");
  ASSERT_NE(png, nullptr);
  EXPECT_EQ(png->rec.parent_id, 900);  // the folder of the earlier run
  EXPECT_EQ(l.skipped, 2);
}

TEST_F(ImageUnitsCarve, CapIsReportedAsAnErrorRow) {
  ImageUnitOptions o;
  o.max_carved_per_volume = 1;
  Listed l = List(o, kNone);
  EXPECT_EQ(l.CarvedCount(), 1u);
  const ItemRecord* cap = l.Emitted(vol_ + "/$Carved/$CarveCap");
  ASSERT_NE(cap, nullptr);
  EXPECT_EQ(cap->error, "carve_cap_reached");
}

TEST_F(ImageUnitsCarve, AllAlsoCarvesFileSlack) {
  // SLACK.BIN's directory entry says 10 bytes, but its cluster holds a PNG right after them (as
  // when a shorter file overwrote a longer one): the PNG is in the file's slack. `all` carves it
  // (carve.area "slack"); `unallocated` does not look there.
  if (std::system("command -v mcopy >/dev/null 2>&1") != 0) GTEST_SKIP() << "mtools missing";
  const std::string host = dir_.path() + "/slack.bin";
  {
    std::ofstream f(host, std::ios::binary);
    f << "0123456789";
    f.write(reinterpret_cast<const char*>(png_.data()), static_cast<std::streamsize>(png_.size()));
  }
  ASSERT_EQ(0, std::system(("mcopy -i '" + image_ + "' '" + host + "' ::/SLACK.BIN").c_str()));
  Bytes disk = image::testing::ReadFile(image_);
  const std::string name = "SLACK   BIN";
  auto entry = std::search(disk.begin(), disk.end(), name.begin(), name.end());
  ASSERT_NE(entry, disk.end());
  const size_t size_at = static_cast<size_t>(entry - disk.begin()) + 28;
  const uint8_t ten[4] = {10, 0, 0, 0};
  auto png_in_file = std::search(disk.begin(), disk.end(), png_.begin(), png_.end());
  ASSERT_NE(png_in_file, disk.end());
  const uint64_t at = static_cast<uint64_t>(png_in_file - disk.begin());
  ASSERT_NE(at, kPngAt);  // the copy inside the file's cluster comes first
  {
    std::fstream f(image_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size_at));
    f.write(reinterpret_cast<const char*>(ten), 4);
  }
  ImageUnitOptions all;
  all.carve = CarveMode::kAll;
  Listed l = List(all, kNone);
  const std::string path = vol_ + "/$Carved/" + std::to_string(at) + ".png";  // vol_ is known once listed
  const Work* w = l.Carved(path);
  ASSERT_NE(w, nullptr) << path;
  EXPECT_EQ(AttrOrNone(w->rec, "carve.area"), "slack");
  EXPECT_EQ(AttrOrNone(w->rec, "carve.truncated"), "0");
  EXPECT_EQ(w->carved.length, png_.size());
  const Work* free_jpeg = l.Carved(vol_ + "/$Carved/6291456.jpg");
  ASSERT_NE(free_jpeg, nullptr);
  EXPECT_EQ(AttrOrNone(free_jpeg->rec, "carve.area"), "unallocated");
  const ItemRecord* folder = l.Emitted(vol_ + "/$Carved");
  ASSERT_NE(folder, nullptr);
  EXPECT_NE(AttrOrNone(*folder, "carve.slack_bytes"), "<none>");
  Listed u = List(ImageUnitOptions(), kNone);
  EXPECT_EQ(u.Carved(path), nullptr);
  EXPECT_EQ(u.CarvedCount(), 2u);
}

TEST_F(ImageUnitsCarve, TooMuchSlackStillCarvesTheUnallocatedSpace) {
  // `--carve all` on a file system whose slack cannot be listed (more runs than the cap): the
  // unallocated space is carved anyway, and the $Carved row says what was not.
  if (std::system("command -v mcopy >/dev/null 2>&1") != 0) GTEST_SKIP() << "mtools missing";
  const std::string host = dir_.path() + "/short.txt";
  std::ofstream(host) << "ten bytes!";  // 10 bytes in a 2 KiB+ cluster: slack
  ASSERT_EQ(0, std::system(("mcopy -i '" + image_ + "' '" + host + "' ::/SHORT.TXT").c_str()));
  ImageUnitOptions all;
  all.carve = CarveMode::kAll;
  all.max_slack_runs = 0;
  Listed l = List(all, kNone);
  EXPECT_NE(l.Carved(vol_ + "/$Carved/6291456.jpg"), nullptr) << "the free-space JPEG is carved";
  const ItemRecord* folder = l.Emitted(vol_ + "/$Carved");
  ASSERT_NE(folder, nullptr);
  EXPECT_EQ(folder->error, "too_many_runs");
  EXPECT_NE(folder->error_detail.find("slack"), std::string::npos) << folder->error_detail;
}

TEST(CarveMode, ParsesOffUnallocatedAndAll) {
  EXPECT_EQ(*ParseCarveMode("off"), CarveMode::kOff);
  EXPECT_EQ(*ParseCarveMode("unallocated"), CarveMode::kUnallocated);
  EXPECT_EQ(*ParseCarveMode("all"), CarveMode::kAll);
  EXPECT_STREQ(CarveModeName(CarveMode::kAll), "all");
  EXPECT_EQ(ParseCarveMode("slack").status().reason(), "bad_carve_mode");
  EXPECT_STREQ(CarveModeName(CarveMode::kOff), "off");
}

}  // namespace
}  // namespace ngb::pipeline
