#include "analyse/pdq_analyser.h"

#include <gtest/gtest.h>

#include "image/test_fixtures.h"

namespace ngb::analyse {
namespace {

std::vector<uint8_t> Fixture(const char* name) {
  return image::testing::ReadFile(image::testing::TestdataDir() / name);
}

// Runs the analyser over `bytes` in chunks of `chunk` bytes, with or without random access.
ItemRecord Analyse(PdqAnalyser& a, const std::vector<uint8_t>& bytes, bool random_access, size_t chunk) {
  ItemRecord rec;
  rec.path = "x";
  rec.size = bytes.size();
  source::MemoryBytes mem(bytes);
  a.Begin(rec, random_access ? &mem : nullptr);
  for (size_t i = 0; i < bytes.size(); i += chunk) {
    a.Consume(std::span<const uint8_t>(bytes).subspan(i, std::min(chunk, bytes.size() - i)));
  }
  a.Finish(rec, true);
  return rec;
}

std::string Attr(const ItemRecord& r, const std::string& key) {
  for (const auto& [k, v] : r.attrs) {
    if (k == key) return v;
  }
  return {};
}

TEST(PdqAnalyserTest, SameHashWhetherReadBackOrStreamedInSmallChunks) {
  const std::vector<uint8_t> jpg = Fixture("j-big-301x203.jpg");
  ASSERT_FALSE(jpg.empty());
  PdqAnalyser a(PdqOptions{});
  const ItemRecord whole = Analyse(a, jpg, true, jpg.size());
  const ItemRecord streamed = Analyse(a, jpg, false, 7);
  ASSERT_EQ(whole.pdq.size(), 64u) << Attr(whole, "image.error");
  EXPECT_EQ(whole.pdq, streamed.pdq);
  EXPECT_EQ(whole.pdq_quality, streamed.pdq_quality);
  EXPECT_EQ(Attr(whole, "image.format"), "jpeg");
  EXPECT_EQ(Attr(whole, "image.size"), "301x203");
  EXPECT_TRUE(whole.pdq_variants.empty());
}

TEST(PdqAnalyserTest, VariantsOnRequestStartWithTheHashItself) {
  PdqOptions o;
  o.variants = true;
  PdqAnalyser a(o);
  const ItemRecord r = Analyse(a, Fixture("p-rgba.png"), true, 1 << 20);
  ASSERT_EQ(r.pdq_variants.size(), 8u) << Attr(r, "image.error");
  EXPECT_EQ(Hash256{r.pdq_variants[0]}.ToHex(), r.pdq);
}

TEST(PdqAnalyserTest, NonImagesAreLeftAloneAndBrokenImagesSaySo) {
  PdqAnalyser a(PdqOptions{});
  const std::vector<uint8_t> text(1000, 'a');
  ItemRecord r = Analyse(a, text, true, 100);
  EXPECT_TRUE(r.pdq.empty());
  EXPECT_TRUE(r.attrs.empty());

  std::vector<uint8_t> broken = Fixture("j-big-301x203.jpg");
  broken.resize(300);  // header only
  r = Analyse(a, broken, false, 64);
  EXPECT_TRUE(r.pdq.empty());
  EXPECT_NE(Attr(r, "image.error"), "");
  EXPECT_TRUE(r.error.empty());  // the item was read fine: not an item error
}

TEST(PdqAnalyserTest, IncompleteReadsAndDisabledAnalyserHashNothing) {
  const std::vector<uint8_t> jpg = Fixture("j-big-301x203.jpg");
  PdqAnalyser a(PdqOptions{});
  ItemRecord rec;
  a.Begin(rec, nullptr);
  a.Consume(jpg);
  a.Finish(rec, /*complete=*/false);
  EXPECT_TRUE(rec.pdq.empty());

  PdqOptions off;
  off.enabled = false;
  PdqAnalyser b(off);
  EXPECT_TRUE(Analyse(b, jpg, true, 4096).pdq.empty());
}

}  // namespace
}  // namespace ngb::analyse
