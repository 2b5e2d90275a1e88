// The image walker against The Sleuth Kit's own tools: images are built at test time with Debian's
// userspace tools (no mounting, no root), then every name, deleted flag, metadata address and
// content digest must agree with `fls -r -p` and `icat` on the same image.
#include "source/fs_walker.h"

#include <gtest/gtest.h>

#include <chrono>
#include <stdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <tsk/libtsk.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "hash/multi_digest.h"
#include "source/tsk_guards.h"
#include "testing/temp_dir.h"

namespace ngb::source {
namespace {

// Runs a shell command; returns its standard output, or nullopt when it failed.
std::optional<std::string> Sh(const std::string& cmd) {
  FILE* p = popen(("( " + cmd + " ) 2>/dev/null").c_str(), "r");
  if (!p) return std::nullopt;
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  if (pclose(p) != 0) return std::nullopt;
  return out;
}

bool HaveTool(const char* name) { return Sh(std::string("command -v ") + name + " || test -x /usr/sbin/" + name).has_value(); }

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string LcgPattern(size_t n, uint32_t seed) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) {
    seed = seed * 1103515245u + 12345u;
    s[i] = static_cast<char>(seed >> 16);
  }
  return s;
}

struct FlsEntry {
  bool deleted = false;
  bool realloc = false;
  std::string addr;  // "5" or "64-128-4"
};

// path -> entry, from `fls -r -p` (offset in sectors).
std::map<std::string, FlsEntry> Fls(const std::string& image, uint64_t sector_offset) {
  std::map<std::string, FlsEntry> out;
  std::optional<std::string> text =
      Sh("fls -r -p -o " + std::to_string(sector_offset) + " '" + image + "'");
  if (!text) return out;
  size_t pos = 0;
  while (pos < text->size()) {
    size_t eol = text->find('\n', pos);
    if (eol == std::string::npos) eol = text->size();
    const std::string line = text->substr(pos, eol - pos);
    pos = eol + 1;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string head = line.substr(0, tab);
    FlsEntry e;
    const size_t sp = head.find(' ');
    std::string rest = head.substr(sp + 1);
    if (rest.starts_with("* ")) {
      e.deleted = true;
      rest = rest.substr(2);
    }
    if (const size_t r = rest.find("(realloc)"); r != std::string::npos) {
      e.realloc = true;
      rest = rest.substr(0, r);
    }
    if (!rest.empty() && rest.back() == ':') rest.pop_back();
    e.addr = rest;
    out[line.substr(tab + 1)] = e;
  }
  return out;
}

// Walks every volume of the image and compares with fls/icat. Returns the number of files whose
// content was compared.
int CompareWithTsk(const std::string& image) {
  Result<std::shared_ptr<DiskImage>> img = DiskImage::Open(image, ImageFormat::kRaw);
  EXPECT_TRUE(img.ok()) << img.status().ToString();
  if (!img.ok()) return 0;
  Result<std::vector<Volume>> vols = OpenVolumes(*img);
  EXPECT_TRUE(vols.ok()) << vols.status().ToString();
  if (!vols.ok()) return 0;
  int compared = 0;
  for (const Volume& v : *vols) {
    if (!v.fs) continue;
    const uint64_t sectors = v.offset / 512;
    std::map<std::string, FlsEntry> expected = Fls(image, sectors);
    EXPECT_FALSE(expected.empty()) << v.label;
    std::map<std::string, FsEntry> got;
    EXPECT_TRUE(WalkFileSystem(*v.fs, [&](FsEntry&& e) {
                  got.emplace(e.path, std::move(e));
                  return true;
                }).ok());
    std::set<std::string> want_paths, got_paths;
    for (const auto& [p, e] : expected) want_paths.insert(p);
    for (const auto& [p, e] : got) got_paths.insert(p);
    EXPECT_EQ(want_paths, got_paths) << v.label;
    for (const auto& [path, want] : expected) {
      auto it = got.find(path);
      if (it == got.end()) continue;
      const FsEntry& e = it->second;
      EXPECT_EQ(want.deleted, !e.allocated) << path;
      EXPECT_EQ(want.realloc, e.meta_reused) << path;
      EXPECT_EQ(std::to_string(e.content.inum), want.addr.substr(0, want.addr.find('-'))) << path;
      if (e.kind != ItemKind::kFile || !e.has_meta || e.meta_reused) continue;
      std::optional<std::string> icat =
          Sh("icat -o " + std::to_string(sectors) + " '" + image + "' " + want.addr);
      if (!icat) continue;  // TSK itself cannot read it
      Result<std::unique_ptr<FsFileReader>> r = FsFileReader::Open(v.fs, e.content);
      EXPECT_TRUE(r.ok()) << path << ": " << r.status().ToString();
      if (!r.ok()) continue;
      std::string content((*r)->size(), '\0');
      Result<size_t> n = (*r)->ReadAt(0, reinterpret_cast<uint8_t*>(content.data()), content.size());
      EXPECT_TRUE(n.ok()) << path << ": " << n.status().ToString();
      if (!n.ok()) continue;
      content.resize(*n);
      EXPECT_EQ(content.size(), icat->size()) << path;
      EXPECT_TRUE(content == *icat) << path << ": content differs from icat";
      ++compared;
    }
  }
  return compared;
}

TEST(FsWalker, FatWithDeletedFilesMatchesFls) {
  if (!HaveTool("mkfs.vfat") || !HaveTool("mcopy")) GTEST_SKIP() << "dosfstools/mtools missing";
  testing::TempDir t;
  const std::string img = t.path() + "/fat.img", d = t.path();
  WriteBytes(d + "/a.bin", LcgPattern(5000, 1));
  WriteBytes(d + "/b.txt", "hello world\n");
  WriteBytes(d + "/c.jpg", LcgPattern(70000, 2));
  WriteBytes(d + "/gone.txt", LcgPattern(3000, 3));
  ASSERT_TRUE(Sh("truncate -s 8M " + img + " && mkfs.vfat -n TEST " + img + " && mmd -i " + img +
                 " ::/dir && mcopy -i " + img + " " + d + "/a.bin " + d + "/b.txt ::/ && mcopy -i " + img +
                 " " + d + "/c.jpg " + d + "/gone.txt ::/dir/ && mdel -i " + img + " ::/dir/gone.txt"));
  Result<std::optional<ImageFormat>> kind = DetectDiskImage(img);
  ASSERT_TRUE(kind.ok());
  EXPECT_EQ(kind->value_or(ImageFormat::kMemory), ImageFormat::kRaw);
  EXPECT_GE(CompareWithTsk(img), 4);
  // The deleted file is found, deleted, with its content (FAT keeps it until overwritten).
  Result<std::shared_ptr<DiskImage>> image = DiskImage::Open(img, ImageFormat::kRaw);
  ASSERT_TRUE(image.ok());
  Result<std::vector<Volume>> vols = OpenVolumes(*image);
  ASSERT_TRUE(vols.ok());
  ASSERT_EQ(vols->size(), 1u);
  EXPECT_TRUE((*vols)[0].label.starts_with("fs(FAT")) << (*vols)[0].label;
  int deleted = 0;
  ASSERT_TRUE(WalkFileSystem(*(*vols)[0].fs, [&](FsEntry&& e) {
                if (!e.allocated && e.kind == ItemKind::kFile && e.path.starts_with("dir/")) ++deleted;
                return true;
              }).ok());
  EXPECT_EQ(deleted, 1);
}

TEST(FsWalker, Ext4WithDeletedFilesMatchesFls) {
  if (!HaveTool("mkfs.ext4") || !HaveTool("debugfs")) GTEST_SKIP() << "e2fsprogs missing";
  testing::TempDir t;
  const std::string src = t.path() + "/src", img = t.path() + "/ext4.img";
  ASSERT_TRUE(Sh("mkdir -p " + src + "/sub/deeper"));
  WriteBytes(src + "/one.bin", LcgPattern(100000, 4));
  WriteBytes(src + "/sub/two.txt", "two\n");
  WriteBytes(src + "/sub/deeper/three.bin", LcgPattern(300000, 5));
  WriteBytes(src + "/sub/del.bin", LcgPattern(20000, 6));
  ASSERT_TRUE(Sh("ln -s one.bin " + src + "/link"));
  ASSERT_TRUE(Sh("mkfs.ext4 -q -F -d " + src + " " + img + " 8M && debugfs -w -R 'rm /sub/del.bin' " + img));
  EXPECT_GE(CompareWithTsk(img), 3);
}

TEST(FsWalker, NtfsAlternateDataStreams) {
  if (!HaveTool("mkntfs") || !HaveTool("ntfscp")) GTEST_SKIP() << "ntfs-3g missing";
  testing::TempDir t;
  const std::string img = t.path() + "/ntfs.img", d = t.path();
  WriteBytes(d + "/b.txt", "visible\n");
  WriteBytes(d + "/s.txt", "hidden stream\n");
  WriteBytes(d + "/c.bin", LcgPattern(200000, 7));
  ASSERT_TRUE(Sh("truncate -s 8M " + img + " && mkntfs -F -q -Q " + img + " && ntfscp -f " + img + " " + d +
                 "/b.txt b.txt && ntfscp -f -N stream " + img + " " + d + "/s.txt b.txt && ntfscp -f " + img +
                 " " + d + "/c.bin c.bin"));
  EXPECT_GE(CompareWithTsk(img), 3);
  Result<std::shared_ptr<DiskImage>> image = DiskImage::Open(img, ImageFormat::kRaw);
  ASSERT_TRUE(image.ok());
  Result<std::vector<Volume>> vols = OpenVolumes(*image);
  ASSERT_TRUE(vols.ok());
  bool found = false;
  ASSERT_TRUE(WalkFileSystem(*(*vols)[0].fs, [&](FsEntry&& e) {
                if (e.path == "b.txt:stream") {
                  found = true;
                  EXPECT_TRUE(e.named_stream);
                  EXPECT_EQ(e.size.value_or(0), 14u);
                }
                return true;
              }).ok());
  EXPECT_TRUE(found);
}

TEST(FsWalker, PartitionTypesWithoutAFileSystemByDesign) {
  EXPECT_EQ(NoFileSystemByType("Apple_partition_map"), "partition_map");
  EXPECT_EQ(NoFileSystemByType("Apple_Driver43"), "driver");
  EXPECT_EQ(NoFileSystemByType("Apple_Driver_ATAPI"), "driver");
  EXPECT_EQ(NoFileSystemByType("Apple_Patches"), "driver");
  EXPECT_EQ(NoFileSystemByType("Apple_Free"), "free");
  EXPECT_EQ(NoFileSystemByType("Linux Swap / Solaris x86 (0x82)"), "swap");
  EXPECT_EQ(NoFileSystemByType("BSDI Swap (0xb8)"), "swap");
  // A partition that should hold a file system: no file system there is an error.
  EXPECT_EQ(NoFileSystemByType("Apple_HFS"), "");
  EXPECT_EQ(NoFileSystemByType("Linux (0x83)"), "");
  EXPECT_EQ(NoFileSystemByType("NTFS / exFAT (0x07)"), "");
  EXPECT_EQ(NoFileSystemByType("Microsoft reserved partition"), "");
  EXPECT_EQ(NoFileSystemByType(""), "");
}

TEST(FsWalker, GptWithTwoPartitions) {
  if (!HaveTool("sgdisk") || !HaveTool("mkfs.vfat") || !HaveTool("mkfs.ext4")) GTEST_SKIP() << "tools missing";
  testing::TempDir t;
  const std::string d = t.path(), img = d + "/gpt.img";
  WriteBytes(d + "/x.txt", "in the fat partition\n");
  ASSERT_TRUE(Sh("mkdir -p " + d + "/e && echo ext > " + d + "/e/y.txt"));
  ASSERT_TRUE(Sh("truncate -s 12M " + img + " && sgdisk -n 1:2048:+4M -n 2:0:+4M " + img + " >/dev/null"));
  ASSERT_TRUE(Sh("truncate -s 4M " + d + "/p1 && mkfs.vfat " + d + "/p1 && mcopy -i " + d + "/p1 " + d +
                 "/x.txt ::/ && mkfs.ext4 -q -F -d " + d + "/e " + d + "/p2 4M"));
  ASSERT_TRUE(Sh("dd if=" + d + "/p1 of=" + img + " bs=512 seek=2048 conv=notrunc status=none && dd if=" + d +
                 "/p2 of=" + img + " bs=512 seek=10240 conv=notrunc status=none"));
  Result<std::shared_ptr<DiskImage>> image = DiskImage::Open(img, ImageFormat::kRaw);
  ASSERT_TRUE(image.ok());
  Result<std::vector<Volume>> vols = OpenVolumes(*image);
  ASSERT_TRUE(vols.ok()) << vols.status().ToString();
  std::vector<std::string> labels;
  for (const Volume& v : *vols) {
    if (v.fs) labels.push_back(v.label);
  }
  ASSERT_EQ(labels.size(), 2u);
  EXPECT_TRUE(labels[0].starts_with("p") && labels[0].find("(FAT") != std::string::npos) << labels[0];
  EXPECT_TRUE(labels[1].ends_with("(EXT4)")) << labels[1];
  EXPECT_GE(CompareWithTsk(img), 2);
}

TEST(FsWalker, UnallocatedRunsCoverDeletedContent) {
  if (!HaveTool("mkfs.vfat") || !HaveTool("mcopy")) GTEST_SKIP() << "dosfstools/mtools missing";
  testing::TempDir t;
  const std::string img = t.path() + "/fat.img", d = t.path();
  const std::string marker = "NGB-UNALLOC-MARKER-" + LcgPattern(40, 9);
  WriteBytes(d + "/m.bin", marker + LcgPattern(10000, 8));
  ASSERT_TRUE(Sh("truncate -s 4M " + img + " && mkfs.vfat " + img + " && mcopy -i " + img + " " + d +
                 "/m.bin ::/ && mdel -i " + img + " ::/m.bin"));
  Result<std::shared_ptr<DiskImage>> image = DiskImage::Open(img, ImageFormat::kRaw);
  ASSERT_TRUE(image.ok());
  Result<std::vector<Volume>> vols = OpenVolumes(*image);
  ASSERT_TRUE(vols.ok());
  Result<std::vector<ByteRun>> runs = UnallocatedRuns(*(*vols)[0].fs);
  ASSERT_TRUE(runs.ok()) << runs.status().ToString();
  ASSERT_FALSE(runs->empty());
  bool found = false;
  for (const ByteRun& r : *runs) {
    EXPECT_LE(r.offset + r.length, (*image)->size());
    std::string buf(std::min<uint64_t>(r.length, 1 << 20), '\0');
    Result<size_t> n = (*image)->ReadAt(r.offset, reinterpret_cast<uint8_t*>(buf.data()), buf.size());
    ASSERT_TRUE(n.ok());
    if (buf.find(marker) != std::string::npos) found = true;
  }
  EXPECT_TRUE(found) << "deleted content not inside the unallocated runs";
}

TEST(DiskImage, OrdinaryFilesAreNotImages) {
  testing::TempDir t;
  WriteBytes(t.path() + "/small.txt", "hello");
  WriteBytes(t.path() + "/random.bin", LcgPattern(1 << 20, 11));
  for (const char* name : {"/small.txt", "/random.bin"}) {
    Result<std::optional<ImageFormat>> k = DetectDiskImage(t.path() + name);
    ASSERT_TRUE(k.ok());
    EXPECT_FALSE(k->has_value()) << name;
  }
  EXPECT_FALSE(DetectDiskImage(t.path() + "/missing").ok());
}

TEST(DiskImage, VirtualDisksAreReportedAsNotExamined) {
  // Virtual-machine and other container disk formats that TSK 4.11 is not asked to read: like an
  // Ex01, the file is hashed and gets unsupported_image_format, so nobody takes its contents as
  // examined (they used to pass as plain files with no word).
  testing::TempDir t;
  const struct {
    const char* name;
    std::string head;
    size_t at;
    const char* says;
  } cases[] = {
      {"vm.vmdk", "KDMV", 0, "VMDK"},
      {"vm-desc.vmdk", "# Disk DescriptorFile\nversion=1\n", 0, "VMDK"},
      {"vm.vhdx", "vhdxfile", 0, "VHDX"},
      {"vm.vhd", "conectix", 0, "VHD"},
      {"vm.qcow2", std::string("QFI\xfb\0\0\0\3", 8), 0, "QCOW"},
      {"vm.vdi", std::string("\x7f\x10\xda\xbe", 4), 64, "VDI"},
      {"disk.aff", "AFF10\r\n", 0, "AFF"},
  };
  for (const auto& c : cases) {
    std::string bytes(8192, '\0');
    bytes.replace(c.at, c.head.size(), c.head);
    WriteBytes(t.path() + "/" + c.name, bytes);
    Result<std::optional<ImageFormat>> k = DetectDiskImage(t.path() + "/" + c.name);
    ASSERT_FALSE(k.ok()) << c.name;
    EXPECT_EQ(k.status().reason(), "unsupported_image_format") << c.name;
    EXPECT_NE(k.status().detail().find(c.says), std::string::npos) << c.name << ": " << k.status().detail();
    EXPECT_TRUE(HasDiskImageName(c.name)) << c.name << ": checked inside folders too";
  }
}

TEST(DiskImage, ImageNamesInFolders) {
  for (const char* yes : {"disk.E01", "a/b/phone.e01", "sd.dd", "x.RAW", "usb.img", "split.001", "m.Ex01",
                          "m.LX01", "log.L01", "w.VMDK", "w.vhd", "w.vhdx", "w.qcow2", "w.qcow", "w.vdi", "d.aff"}) {
    EXPECT_TRUE(HasDiskImageName(yes)) << yes;
  }
  // Later segments belong to the first; ISO files go to the archive reader; no extension, no check.
  for (const char* no : {"disk.E02", "split.002", "cd.iso", "img", "photo.jpg", "notes.e01.txt", "e01", "x.",
                         "x.ddd", "x.ex011", "x.qcow22", "x.\xC3\x89", "x.d\xC4\x91"}) {
    EXPECT_FALSE(HasDiskImageName(no)) << no;
  }
}

TEST(DiskImage, HostileBytesInMemoryNeverCrash) {
  // A FAT boot sector with absurd geometry, then zeros and noise: errors, not crashes.
  std::string bytes = LcgPattern(1 << 16, 12);
  bytes[510] = '\x55';
  bytes[511] = '\xAA';
  std::memcpy(bytes.data() + 54, "FAT16   ", 8);
  for (int round = 0; round < 3; ++round) {
    if (round == 1) std::fill(bytes.begin(), bytes.begin() + 512, '\0');
    if (round == 2) bytes.resize(700);
    Result<std::shared_ptr<DiskImage>> img =
        DiskImage::FromMemory(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
    ASSERT_TRUE(img.ok());
    Result<std::vector<Volume>> vols = OpenVolumes(*img);
    if (!vols.ok()) continue;
    for (const Volume& v : *vols) {
      if (v.fs) WalkFileSystem(*v.fs, [](FsEntry&&) { return true; });
    }
  }
}

std::string ReadTestImage(const char* name) {
  const auto path = std::filesystem::path(__FILE__).parent_path() / "testdata" / name;
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The volumes TSK finds in `bytes` (which must outlive them); empty, with a test failure, if none.
std::vector<Volume> VolumesOf(const std::string& bytes) {
  EXPECT_FALSE(bytes.empty());
  Result<std::shared_ptr<DiskImage>> img =
      DiskImage::FromMemory(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
  EXPECT_TRUE(img.ok());
  if (!img.ok()) return {};
  Result<std::vector<Volume>> vols = OpenVolumes(*img);
  EXPECT_TRUE(vols.ok()) << vols.status().ToString();
  return vols.ok() ? std::move(*vols) : std::vector<Volume>{};
}

// Walks every file system TSK finds in `bytes` to its end, whatever the walk returns: the hostile
// images' tests only need it to finish (and, under the sanitizers, to stay clean).
void WalkEveryFileSystem(const std::string& bytes) {
  for (const Volume& v : VolumesOf(bytes)) {
    if (v.fs) (void)WalkFileSystem(*v.fs, [](FsEntry&&) { return true; });
  }
}

TEST(FsWalker, UnallocatedRunsOfAFileSystemClaimingNoBlocksEnd) {
  // A fuzzer-found ext image (18 KiB) whose superblock counts 0 blocks: TSK's last block is then
  // 2^64 - 1 and its block walk went on for days, formatting an error for every block. The walk
  // is bounded by the blocks the image holds.
  const std::string bytes = ReadTestImage("ext2-zero-block-count.img");
  const std::vector<Volume> vols = VolumesOf(bytes);
  ASSERT_FALSE(vols.empty());
  const auto start = std::chrono::steady_clock::now();
  for (const Volume& v : vols) {
    if (!v.fs) continue;
    Result<std::vector<ByteRun>> runs = UnallocatedRuns(*v.fs);
    if (runs.ok()) {
      for (const ByteRun& r : *runs) EXPECT_LE(r.offset + r.length, bytes.size());
    }
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(TskGuards, HostileAllocationIsRefusedNotMade) {
  // A fuzzer-found ext4 image (20 KiB) whose metadata makes TSK ask for 1.7 GB during the orphan
  // scan. The guard must see TSK's own request (proof that interposing tsk_malloc works with this
  // libtsk) and refuse it; the walk then ends with an error instead of allocating.
  const std::string bytes = ReadTestImage("ext4-hostile-xattr-size.img");
  const std::vector<Volume> vols = VolumesOf(bytes);
  ASSERT_FALSE(vols.empty());
  const uint64_t before = TskRefusedAllocations();
  for (const Volume& v : vols) {
    if (v.fs) (void)WalkFileSystem(*v.fs, [](FsEntry&&) { return true; });
  }
  EXPECT_GT(TskRefusedAllocations(), before);
}

TEST(TskGuards, RunAppendKeepsTheListAndItsEnd) {
  // The interposed append (TSK calls it for every run of an ext2/3 or UFS file): offsets follow
  // the lengths, run_end is always the last run, chains append whole.
  TSK_FS_ATTR attr{};
  std::vector<TSK_FS_ATTR_RUN> runs(6);
  for (size_t i = 0; i < runs.size(); ++i) {
    runs[i] = TSK_FS_ATTR_RUN{};
    runs[i].addr = 100 * i;
    runs[i].len = i + 1;
    runs[i].offset = 999;  // ignored: append renumbers
  }
  tsk_fs_attr_append_run(nullptr, &attr, &runs[0]);
  tsk_fs_attr_append_run(nullptr, &attr, &runs[1]);
  EXPECT_EQ(attr.nrd.run_end, &runs[1]);  // libtsk 4.11 leaves this pointing at runs[0]
  runs[2].next = &runs[3];                 // a chain of two
  tsk_fs_attr_append_run(nullptr, &attr, &runs[2]);
  EXPECT_EQ(attr.nrd.run_end, &runs[3]);
  tsk_fs_attr_append_run(nullptr, &attr, &runs[4]);
  tsk_fs_attr_append_run(nullptr, &attr, &runs[5]);
  TSK_OFF_T expect = 0;
  size_t n = 0;
  for (TSK_FS_ATTR_RUN* r = attr.nrd.run; r; r = r->next, ++n) {
    EXPECT_EQ(r, &runs[n]);
    EXPECT_EQ(r->offset, expect);
    expect += r->len;
  }
  EXPECT_EQ(n, runs.size());
  EXPECT_EQ(attr.nrd.run_end, &runs[5]);
}

TEST(TskGuards, ScatteredIndirectBlocksOpenInLinearTime) {
  // A fuzzer-found 4 KiB ext2 image: inode 12 claims 70 MB through garbage indirect blocks, about
  // 70k runs. libtsk's quadratic append took 11 s (optimised) to open it; with the interposed
  // append it is milliseconds (ctest's timeout is the backstop; RunAppendKeepsTheListAndItsEnd
  // checks the append itself).
  const std::string bytes = ReadTestImage("ext2-hostile-indirect-blocks.img");
  const std::vector<Volume> vols = VolumesOf(bytes);
  int opened = 0;
  for (const Volume& v : vols) {
    if (!v.fs) continue;
    (void)WalkFileSystem(*v.fs, [&](FsEntry&& e) {
      if (e.kind != ngb::ItemKind::kFile || !e.has_meta) return true;
      Result<std::unique_ptr<FsFileReader>> r = FsFileReader::Open(v.fs, e.content);
      if (r.ok()) {
        ++opened;
        uint8_t buf[4096];
        (void)(*r)->ReadAt(0, buf, sizeof buf);
      }
      return true;
    });
  }
  EXPECT_GE(opened, 1);
}

TEST(TskGuards, NameCopiedOntoItselfIsLeftAloneOthersAreCopied) {
  TSK_FS_NAME a{}, b{};
  char a_name[16] = "orphan", b_name[16] = "";
  a.tag = b.tag = TSK_FS_NAME_TAG;
  a.name = a_name;
  a.name_size = sizeof a_name;
  a.meta_addr = 42;
  b.name = b_name;
  b.name_size = sizeof b_name;
  EXPECT_EQ(tsk_fs_name_copy(&a, &a), 0);  // libtsk 4.11 would strncpy the name onto itself
  EXPECT_STREQ(a.name, "orphan");
  EXPECT_EQ(tsk_fs_name_copy(&b, &a), 0);  // libtsk's own copy, reached through dlsym
  EXPECT_STREQ(b.name, "orphan");
  EXPECT_EQ(b.meta_addr, 42u);
}

TEST(TskGuards, OrphanDirectoryCopiedOntoItselfWalksCleanly) {
  // A fuzzer-found ext image whose orphan search makes libtsk copy the orphan directory onto
  // itself (ASan: strncpy-param-overlap in tsk_fs_name_copy). Under the sanitizer build this walk
  // is the regression test; everywhere it must simply finish.
  const std::string bytes = ReadTestImage("ext-orphan-dir-self-copy.img");
  WalkEveryFileSystem(bytes);
}

TEST(TskGuards, OrphanSearchThatReachesTheOrphanDirectoryEnds) {
  // A fuzzer-found ISO 9660 image (60 KiB) with a directory record that points at the inode of
  // TSK's virtual $OrphanFiles folder. Opening that folder runs libtsk's orphan search, which
  // walks the tree under a per-file-system lock, reaches the folder again and waits for the lock
  // it holds: libtsk 4.11 (and `fls -r`) hang for ever. The walk runs in a child process so that
  // a regression fails this test instead of hanging it.
  const std::string bytes = ReadTestImage("iso-orphan-dir-reentry.img");
  ASSERT_FALSE(bytes.empty());
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    WalkEveryFileSystem(bytes);
    _exit(0);
  }
  int status = 0;
  pid_t done = 0;
  for (int i = 0; i < 600 && done == 0; ++i) {  // up to 60 s (ASan builds are slow)
    done = waitpid(child, &status, WNOHANG);
    if (done == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (done == 0) {
    kill(child, SIGKILL);
    waitpid(child, &status, 0);
    FAIL() << "the walk hung (libtsk's orphan search re-entered itself)";
  }
  ASSERT_TRUE(WIFEXITED(status)) << "the walk crashed";
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(FsWalker, NtfsAttributeTypesOutsideTheEnumAreReadAsNumbers) {
  // A fuzzer-found NTFS image (2 MiB, 11 non-zero sectors) whose MFT gives attributes type codes
  // like 0x04FFFFFF. TSK stores them in a TSK_FS_ATTR_TYPE_ENUM field, and comparing that field
  // was undefined behaviour (UBSan: "load of value 83886079, which is not a valid value"). The
  // walker reads the field as a number. Under the sanitizer build this walk is the regression
  // test; everywhere it must simply finish.
  const std::string bytes = ReadTestImage("ntfs-hostile-attr-type.img");
  WalkEveryFileSystem(bytes);
}

TEST(TskGuards, AllocationsLargerThanTheVolumeAreRefused) {
  // A fuzzer-found 14 KiB ext2 image whose orphan search walks inodes that each make libtsk
  // allocate (and zero) ~200 MB, twice, from their hostile sizes: under the 256 MiB cap, so the
  // walk took 9 s (25 s under ASan, a fuzzer "slow unit"), and proportionally longer with more
  // such inodes. While TSK works on a file system, an allocation larger than the bytes the
  // volume can hold (at least 16 MiB) is refused like one over the cap.
  const std::string bytes = ReadTestImage("ext2-orphan-search-huge-inline.img");
  const uint64_t before = TskRefusedAllocations();
  WalkEveryFileSystem(bytes);
  EXPECT_GT(TskRefusedAllocations(), before + 10);
}

TEST(TskGuards, HugeDirectoryIsRefusedNotReadForMinutes) {
  // A fuzzer-found 12 KiB ext image whose root directory claims 1.4 GB: libtsk read it a block at
  // a time, each read walking the run list from its start (7 s; a fuzzer timeout under ASan). The
  // guard refuses to read a directory that claims over 64 MiB and the walk ends with an error.
  const std::string bytes = ReadTestImage("ext-root-dir-claims-1.4gb.img");
  const uint64_t before = TskRefusedDirectories();
  WalkEveryFileSystem(bytes);
  EXPECT_GT(TskRefusedDirectories(), before);
}

TEST(DiskImage, MediaDigestsOfARawImage) {
  testing::TempDir t;
  const std::string p = t.path() + "/m.bin", content = LcgPattern(3 << 20, 13);
  WriteBytes(p, content);
  Result<std::shared_ptr<DiskImage>> img = DiskImage::Open(p, ImageFormat::kRaw);
  ASSERT_TRUE(img.ok());
  Result<MediaDigests> d = HashMedia(**img);
  ASSERT_TRUE(d.ok());
  const Digests want = MultiDigest::Of(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(content.data()), content.size()));
  EXPECT_EQ(d->md5, want.md5);
  EXPECT_EQ(d->sha256, want.sha256);
  EXPECT_EQ(d->bytes, content.size());
}

}  // namespace
}  // namespace ngb::source
