#include "pipeline/item_processor.h"

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "hash/multi_digest.h"
#include "pipeline/spool.h"

#include "testing/archive_writer.h"
#include "testing/temp_dir.h"

namespace ngb::pipeline {
namespace {

using ngb::testing::TempDir;

using testing::Member;
using testing::WriteArchive;

std::string Zip(const std::vector<Member>& m) { return WriteArchive(testing::Zip(), m); }
std::string TarGz(const std::vector<Member>& m) { return WriteArchive(testing::PaxGzFast(), m); }
std::string RawGz(const Member& m) { return WriteArchive(testing::RawGz(), {m}); }

std::string Pattern(size_t n, unsigned seed) {
  std::string s(n, '\0');
  uint32_t x = seed * 2654435761u + 1;
  for (size_t i = 0; i < n; ++i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    s[i] = static_cast<char>(x);
  }
  return s;
}

Digests DigestOf(const std::string& s) {
  return MultiDigest::Of({reinterpret_cast<const uint8_t*>(s.data()), s.size()});
}

// ---- Pipeline plumbing ----

class CollectingSink : public Sink {
 public:
  void Put(ItemRecord&& rec) override {
    std::lock_guard lock(mu_);
    records_.push_back(std::move(rec));
  }
  Status Flush() override { return Status::Ok(); }
  std::vector<ItemRecord> records() {
    std::lock_guard lock(mu_);
    return records_;
  }

 private:
  std::mutex mu_;
  std::vector<ItemRecord> records_;
};

class MemStream : public source::ByteStream {
 public:
  explicit MemStream(const std::string& data, size_t chunk = 64 * 1024) : data_(data), chunk_(chunk) {}
  Result<std::span<const uint8_t>> Next() override {
    const size_t n = std::min(chunk_, data_.size() - pos_);
    std::span<const uint8_t> out(reinterpret_cast<const uint8_t*>(data_.data()) + pos_, n);
    pos_ += n;
    return out;
  }

 private:
  const std::string& data_;
  size_t chunk_;
  size_t pos_ = 0;
};

const ItemRecord* Find(const std::vector<ItemRecord>& v, const std::string& path) {
  for (const ItemRecord& r : v) {
    if (r.path == path) return &r;
  }
  return nullptr;
}

std::string AttrOrUnset(const ItemRecord& r, const std::string& key) {
  for (const auto& [k, v] : r.attrs) {
    if (k == key) return v;
  }
  return "<unset>";
}

class ItemProcessorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    config_.analysers.libmagic_fallback = false;
    config_.scratch_dir = dir_.path();
  }

  // Processes `bytes` as the top-level file `path`, given `content` for random access (null:
  // streamed only), fed in chunks of `chunk` bytes. Returns the top-level record; members land
  // in sink_.
  ItemRecord ProcessWith(const std::string& path, const std::string& bytes, source::RandomAccess* content,
                         uint64_t top_size_for_budget = 0, size_t chunk = 64 * 1024) {
    ItemProcessor p(config_, sink_, next_id_, progress_);
    ItemRecord top;
    top.id = next_id_.fetch_add(1);
    top.top_id = top.id;
    top.scan_id = 1;
    top.source_id = 1;
    top.path = path;
    top.kind = ItemKind::kFile;
    top.size = bytes.size();
    MemStream in(bytes, chunk);
    budget_ = UnitBudget();
    budget_.top_size = top_size_for_budget ? top_size_for_budget : bytes.size();
    p.ProcessContent(top, in, content, budget_);
    return top;
  }

  // Random access through a spool when `random_access`, else streamed only.
  ItemRecord Process(const std::string& path, const std::string& bytes, bool random_access = true,
                     uint64_t top_size_for_budget = 0) {
    Spool ra(dir_.path(), 1ull << 30);
    EXPECT_TRUE(ra.Append({reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()}).ok());
    return ProcessWith(path, bytes, random_access ? &ra : nullptr, top_size_for_budget);
  }

  // The bytes held in memory (source::MemoryBytes, as the worker holds small files).
  ItemRecord ProcessInMemory(const std::string& path, const std::string& bytes, size_t chunk) {
    source::MemoryBytes held({reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()});
    return ProcessWith(path, bytes, &held, 0, chunk);
  }

  TempDir dir_;
  ProcessorConfig config_;
  CollectingSink sink_;
  std::atomic<int64_t> next_id_{1};
  ProgressCounters progress_;
  UnitBudget budget_;
};

struct Nested {
  std::string a, b, c, zip, top;
};
Nested MakeNested() {
  Nested n;
  n.a = "alpha\n";
  n.b = Pattern(100'000, 1);
  n.c = "charlie";
  n.zip = Zip({{"a.txt", n.a}, {"b.bin", n.b}});
  n.top = TarGz({{"inner.zip", n.zip}, {"c.txt", n.c}});
  return n;
}

void ExpectDigests(const ItemRecord& r, const std::string& bytes) {
  const Digests d = DigestOf(bytes);
  EXPECT_EQ(r.md5, d.md5) << r.path;
  EXPECT_EQ(r.sha1, d.sha1) << r.path;
  EXPECT_EQ(r.sha256, d.sha256) << r.path;
  ASSERT_TRUE(r.size.has_value()) << r.path;
  EXPECT_EQ(*r.size, bytes.size()) << r.path;
}

void CheckNested(const Nested& n, const ItemRecord& top, const std::vector<ItemRecord>& recs, int64_t next_id) {
  EXPECT_TRUE(top.error.empty()) << top.error << ": " << top.error_detail;
  ExpectDigests(top, n.top);
  EXPECT_EQ(AttrOrUnset(top, "container.members"), "2");
  ASSERT_EQ(recs.size(), 4u);

  const ItemRecord* zip = Find(recs, "top.tar.gz!/inner.zip");
  const ItemRecord* a = Find(recs, "top.tar.gz!/inner.zip!/a.txt");
  const ItemRecord* b = Find(recs, "top.tar.gz!/inner.zip!/b.bin");
  const ItemRecord* c = Find(recs, "top.tar.gz!/c.txt");
  ASSERT_NE(zip, nullptr);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  ASSERT_NE(c, nullptr);

  EXPECT_EQ(zip->depth, 1);
  EXPECT_EQ(c->depth, 1);
  EXPECT_EQ(a->depth, 2);
  EXPECT_EQ(b->depth, 2);
  EXPECT_EQ(zip->parent_id, top.id);
  EXPECT_EQ(c->parent_id, top.id);
  EXPECT_EQ(a->parent_id, zip->id);
  EXPECT_EQ(b->parent_id, zip->id);
  for (const ItemRecord& r : recs) {
    EXPECT_EQ(r.top_id, top.id) << r.path;
    EXPECT_EQ(r.scan_id, top.scan_id) << r.path;
    EXPECT_EQ(r.source_id, top.source_id) << r.path;
    EXPECT_EQ(r.kind, ItemKind::kMember) << r.path;
    EXPECT_TRUE(r.error.empty()) << r.path << ": " << r.error;
    EXPECT_FALSE(r.top_done) << r.path;
    EXPECT_GT(r.id, top.id);
    EXPECT_LT(r.id, next_id);
  }
  std::set<int64_t> ids;
  for (const ItemRecord& r : recs) ids.insert(r.id);
  EXPECT_EQ(ids.size(), recs.size());

  ExpectDigests(*zip, n.zip);
  ExpectDigests(*a, n.a);
  ExpectDigests(*b, n.b);
  ExpectDigests(*c, n.c);
  EXPECT_EQ(AttrOrUnset(*zip, "container.members"), "2");
  EXPECT_EQ(a->mime, "text/plain");

  // A container's members are emitted before the container itself.
  auto index = [&](const ItemRecord* r) { return r - recs.data(); };
  EXPECT_LT(index(a), index(zip));
  EXPECT_LT(index(b), index(zip));
}

TEST_F(ItemProcessorTest, ZipInsideTarGzIsExpandedWithProvenanceAndDigests) {
  const Nested n = MakeNested();
  ASSERT_FALSE(n.top.empty());
  const ItemRecord top = Process("top.tar.gz", n.top);
  CheckNested(n, top, sink_.records(), next_id_.load());
  EXPECT_EQ(progress_.items_done.load(), 4);
  EXPECT_EQ(progress_.errors.load(), 0);
  EXPECT_EQ(static_cast<uint64_t>(progress_.bytes_done.load()), n.top.size());
  EXPECT_EQ(budget_.expanded, n.zip.size() + n.c.size() + n.a.size() + n.b.size());
  EXPECT_FALSE(budget_.exhausted);
}

TEST_F(ItemProcessorTest, StreamedTopLevelIsSpooledAndGivesTheSameResult) {
  const Nested n = MakeNested();
  ASSERT_FALSE(n.top.empty());
  const ItemRecord top = Process("top.tar.gz", n.top, /*random_access=*/false);
  CheckNested(n, top, sink_.records(), next_id_.load());
  EXPECT_TRUE(std::filesystem::is_empty(dir_.path()));
}

// Content held in memory is typed and opened where it lies (no copy of its head): the same
// result, whether the head is decided on mid-way (past 64 KiB, small chunks) or at the end.
TEST_F(ItemProcessorTest, InMemoryTopLevelGivesTheSameResult) {
  const Nested n = MakeNested();
  ASSERT_GT(n.top.size(), size_t{64 * 1024});
  const ItemRecord top = ProcessInMemory("top.tar.gz", n.top, 1000);
  CheckNested(n, top, sink_.records(), next_id_.load());
  EXPECT_TRUE(std::filesystem::is_empty(dir_.path()));
}

TEST_F(ItemProcessorTest, InMemorySmallFilesAreTypedFromTheirBytes) {
  const std::string text = "just some text, not a container\n";
  ItemRecord r = ProcessInMemory("ev/readme.txt", text, 64 * 1024);
  EXPECT_EQ(r.mime, "text/plain");
  EXPECT_FALSE(r.entropy.has_value());
  ExpectDigests(r, text);
  const std::string noise = Pattern(5000, 9);
  r = ProcessInMemory("ev/noise.bin", noise, 64 * 1024);
  EXPECT_EQ(r.mime, "application/octet-stream");
  ASSERT_TRUE(r.entropy.has_value());
  EXPECT_GT(*r.entropy, 7.5);
  const std::string zip = Zip({{"a.txt", "alpha"}});
  r = ProcessInMemory("ev/small.zip", zip, 64 * 1024);
  EXPECT_EQ(AttrOrUnset(r, "container.members"), "1");
  EXPECT_NE(Find(sink_.records(), "ev/small.zip!/a.txt"), nullptr);
}

TEST_F(ItemProcessorTest, NestedContainersAreSpooledToDiskPastTheMemoryLimit) {
  config_.limits.memory_spool_bytes = 1024;  // the inner zip (>100 kB) goes to an unnamed file
  const Nested n = MakeNested();
  ASSERT_FALSE(n.top.empty());
  const ItemRecord top = Process("top.tar.gz", n.top);
  CheckNested(n, top, sink_.records(), next_id_.load());
  EXPECT_TRUE(std::filesystem::is_empty(dir_.path()));
}

TEST_F(ItemProcessorTest, ContainerDeeperThanMaxDepthIsHashedButNotOpened) {
  config_.limits.max_depth = 1;
  const Nested n = MakeNested();
  ASSERT_FALSE(n.top.empty());
  const ItemRecord top = Process("top.tar.gz", n.top);
  EXPECT_TRUE(top.error.empty()) << top.error;
  const std::vector<ItemRecord> recs = sink_.records();
  ASSERT_EQ(recs.size(), 2u);
  const ItemRecord* zip = Find(recs, "top.tar.gz!/inner.zip");
  ASSERT_NE(zip, nullptr);
  EXPECT_EQ(zip->error, "nesting_too_deep");
  ExpectDigests(*zip, n.zip);
  const ItemRecord* c = Find(recs, "top.tar.gz!/c.txt");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->error.empty());
  for (const ItemRecord& r : recs) EXPECT_LE(r.depth, 1) << r.path;
}

TEST_F(ItemProcessorTest, MaxDepthZeroDoesNotOpenTheTopLevelContainer) {
  config_.limits.max_depth = 0;
  const Nested n = MakeNested();
  ASSERT_FALSE(n.top.empty());
  const ItemRecord top = Process("top.tar.gz", n.top);
  EXPECT_EQ(top.error, "nesting_too_deep");
  ExpectDigests(top, n.top);
  EXPECT_TRUE(sink_.records().empty());
}

TEST_F(ItemProcessorTest, CompressionBombStopsTheUnit) {
  config_.limits.ratio_grace_bytes = 1 << 20;
  config_.limits.max_ratio = 100;
  constexpr uint64_t kBomb = 200ull << 20;
  const std::string top_bytes = TarGz({{.name = "zeros.bin", .zeros = kBomb}, {"after.txt", "never reached"}});
  ASSERT_FALSE(top_bytes.empty());
  ASSERT_LT(top_bytes.size() * 100, kBomb);

  const ItemRecord top = Process("bomb.tar.gz", top_bytes);
  EXPECT_EQ(top.error, "compression_bomb") << top.error_detail;
  ExpectDigests(top, top_bytes);  // the top-level file itself was read completely

  const std::vector<ItemRecord> recs = sink_.records();
  ASSERT_EQ(recs.size(), 1u);
  const ItemRecord& z = recs[0];
  EXPECT_EQ(z.path, "bomb.tar.gz!/zeros.bin");
  EXPECT_EQ(z.error, "compression_bomb") << z.error_detail;
  EXPECT_TRUE(z.sha256.empty()) << "an incompletely read member has no digest";
  EXPECT_EQ(Find(recs, "bomb.tar.gz!/after.txt"), nullptr);

  // Stopped soon after the limit (100 x top size), far from the 200 MiB.
  EXPECT_TRUE(budget_.exhausted);
  EXPECT_EQ(budget_.reason, "compression_bomb");
  EXPECT_GT(budget_.expanded, top_bytes.size() * 100);
  EXPECT_LT(budget_.expanded, top_bytes.size() * 100 + (4u << 20));
}

TEST_F(ItemProcessorTest, PerContainerRatioLimitStopsTheContainer) {
  config_.limits.ratio_grace_bytes = 1 << 20;
  config_.limits.max_ratio = 100;
  constexpr uint64_t kBomb = 64ull << 20;
  const std::string top_bytes = TarGz({{.name = "zeros.bin", .zeros = kBomb}, {"after.txt", "never reached"}});
  ASSERT_FALSE(top_bytes.empty());
  // A huge top-level size keeps the unit-wide ratio out of play: only the container's own ratio trips.
  const ItemRecord top = Process("bomb.tar.gz", top_bytes, true, /*top_size_for_budget=*/1ull << 40);
  EXPECT_FALSE(budget_.exhausted);
  EXPECT_EQ(top.error, "compression_bomb");
  EXPECT_NE(top.error_detail.find("container"), std::string::npos) << top.error_detail;
  const std::vector<ItemRecord> recs = sink_.records();
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].error, "compression_bomb");
  EXPECT_TRUE(recs[0].sha256.empty());
  EXPECT_LT(budget_.expanded, top_bytes.size() * 100 + (4u << 20));
}

TEST_F(ItemProcessorTest, BombInsideANestedZipIsReportedAtEveryLevel) {
  config_.limits.ratio_grace_bytes = 1 << 20;
  config_.limits.max_ratio = 100;
  const std::string zip = Zip({{.name = "zeros.bin", .zeros = 50ull << 20}, {"z2.txt", "never"}});
  ASSERT_FALSE(zip.empty());
  const std::string top_bytes = TarGz({{"inner.zip", zip}, {"after.txt", "never reached"}});
  ASSERT_FALSE(top_bytes.empty());
  const ItemRecord top = Process("top.tar.gz", top_bytes);
  const std::vector<ItemRecord> recs = sink_.records();
  const ItemRecord* z = Find(recs, "top.tar.gz!/inner.zip!/zeros.bin");
  const ItemRecord* inner = Find(recs, "top.tar.gz!/inner.zip");
  ASSERT_NE(z, nullptr);
  ASSERT_NE(inner, nullptr);
  EXPECT_EQ(z->depth, 2);
  EXPECT_EQ(z->error, "compression_bomb");
  EXPECT_EQ(inner->error, "compression_bomb");
  ExpectDigests(*inner, zip);  // the zip's own bytes were read completely
  EXPECT_EQ(top.error, "compression_bomb");
  EXPECT_EQ(Find(recs, "top.tar.gz!/inner.zip!/z2.txt"), nullptr);
  EXPECT_EQ(Find(recs, "top.tar.gz!/after.txt"), nullptr);
}

TEST_F(ItemProcessorTest, ExpandedSizeLimit) {
  config_.limits.max_expanded_bytes = 10'000;
  const std::string big = Pattern(50'000, 2);
  const std::string top_bytes = TarGz({{"small.txt", "tiny"}, {"big.bin", big}, {"later.txt", "never"}});
  ASSERT_FALSE(top_bytes.empty());
  const ItemRecord top = Process("t.tar.gz", top_bytes);
  EXPECT_EQ(top.error, "expanded_size_limit") << top.error_detail;
  const std::vector<ItemRecord> recs = sink_.records();
  const ItemRecord* small = Find(recs, "t.tar.gz!/small.txt");
  const ItemRecord* b = Find(recs, "t.tar.gz!/big.bin");
  ASSERT_NE(small, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(small->error.empty());
  ExpectDigests(*small, "tiny");
  EXPECT_EQ(b->error, "expanded_size_limit");
  EXPECT_TRUE(b->sha256.empty());
  EXPECT_EQ(Find(recs, "t.tar.gz!/later.txt"), nullptr);
  EXPECT_EQ(budget_.reason, "expanded_size_limit");
}

TEST_F(ItemProcessorTest, BareGzipIsOneMemberNamedAfterTheContainer) {
  const std::string text = "#mtree\n./phantom type=file size=99\nplain notes\n";
  const std::string gz = RawGz({"notes.txt", text});
  ASSERT_FALSE(gz.empty());
  const ItemRecord top = Process("ev/notes.txt.gz", gz);
  EXPECT_TRUE(top.error.empty()) << top.error;
  const std::vector<ItemRecord> recs = sink_.records();
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].path, "ev/notes.txt.gz!/notes.txt");
  EXPECT_EQ(recs[0].depth, 1);
  ExpectDigests(recs[0], text);
}

TEST_F(ItemProcessorTest, GzippedZerosAreOneRawMemberNotAnEmptyTar) {
  const std::string zeros(1 << 20, '\0');
  const std::string gz = RawGz({.name = "zeros", .zeros = zeros.size()});
  ASSERT_FALSE(gz.empty());
  const ItemRecord top = Process("ev/zeros.gz", gz);
  EXPECT_TRUE(top.error.empty()) << top.error << ": " << top.error_detail;
  const std::vector<ItemRecord> recs = sink_.records();
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].path, "ev/zeros.gz!/zeros");
  ExpectDigests(recs[0], zeros);
  EXPECT_EQ(AttrOrUnset(top, "container.members"), "1");
}

TEST_F(ItemProcessorTest, TruncatedBareGzipMemberHasAnErrorAndNoDigest) {
  const std::string text = Pattern(200'000, 4);
  const std::string gz = RawGz({"data.bin", text});
  ASSERT_FALSE(gz.empty());
  const std::string cut = gz.substr(0, gz.size() / 2);
  const ItemRecord top = Process("ev/data.bin.gz", cut);
  ExpectDigests(top, cut);
  const std::vector<ItemRecord> recs = sink_.records();
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].path, "ev/data.bin.gz!/data.bin");
  EXPECT_TRUE(recs[0].error == "truncated" || recs[0].error == "corrupt_archive")
      << recs[0].error << ": " << recs[0].error_detail;
  EXPECT_TRUE(recs[0].sha256.empty());
}

TEST_F(ItemProcessorTest, EncryptedZipMembersAreRecordedNotRead) {
  const auto setup = [](struct archive* a) {
    int r = archive_write_set_format_zip(a);
    if (r == ARCHIVE_OK) r = archive_write_set_options(a, "zip:encryption=zipcrypt");
    if (r == ARCHIVE_OK) r = archive_write_set_passphrase(a, "secret");
    return r;
  };
  {
    struct archive* probe = archive_write_new();
    const bool supported = setup(probe) == ARCHIVE_OK;
    archive_write_free(probe);
    if (!supported) GTEST_SKIP() << "libarchive cannot write encrypted zip";
  }
  const std::string zip = WriteArchive(setup, {{"secret.txt", "the plans"}, {"b.txt", "more"}});
  ASSERT_FALSE(zip.empty());
  const ItemRecord top = Process("ev/locked.zip", zip);
  ExpectDigests(top, zip);
  const std::vector<ItemRecord> recs = sink_.records();
  ASSERT_EQ(recs.size(), 2u);
  for (const ItemRecord& r : recs) {
    EXPECT_EQ(r.error, "encrypted") << r.path;
    EXPECT_TRUE(r.sha256.empty()) << r.path;
  }
}

TEST_F(ItemProcessorTest, PlainFileIsHashedAndNotExpanded) {
  const std::string data = "just some text, not a container\n";
  const ItemRecord top = Process("ev/readme.txt", data);
  EXPECT_TRUE(top.error.empty());
  ExpectDigests(top, data);
  EXPECT_EQ(top.mime, "text/plain");
  EXPECT_TRUE(top.attrs.empty());
  EXPECT_TRUE(sink_.records().empty());
}

TEST_F(ItemProcessorTest, DamagedZipKeepsTheMembersReadSoFar) {
  const std::string big = Pattern(300'000, 3);
  const std::string zip = Zip({{"first.txt", "first"}, {"big.bin", big}, {"last.txt", "last"}});
  ASSERT_FALSE(zip.empty());
  const std::string cut = zip.substr(0, zip.size() / 2);
  const ItemRecord top = Process("ev/cut.zip", cut);
  EXPECT_TRUE(top.error == "truncated" || top.error == "corrupt_archive") << top.error << ": " << top.error_detail;
  ExpectDigests(top, cut);
  const std::vector<ItemRecord> recs = sink_.records();
  const ItemRecord* first = Find(recs, "ev/cut.zip!/first.txt");
  ASSERT_NE(first, nullptr);
  ExpectDigests(*first, "first");
}

}  // namespace
}  // namespace ngb::pipeline
