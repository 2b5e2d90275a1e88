#include <gtest/gtest.h>

#include <string>

#include "hashset/collecting_sink.h"

namespace ngb::hashset {
namespace {

const std::string kMd5 = "00112233445566778899aabbccddeeff";
const std::string kSha1 = "0123456789abcdef0123456789abcdef01234567";
const std::string kSha256 = "f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f";
const std::string kPdq = "a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5";

// Every test runs with several chunk sizes: chunk boundaries must not change the result.
class LineFormats : public ::testing::TestWithParam<size_t> {
 protected:
  CollectingSink Parse(ImportFormat f, const std::string& text) { return ParseText(f, text, GetParam()); }
};

TEST_P(LineFormats, HashdeepGoodRows) {
  const std::string text =
      "%%%% HASHDEEP-1.0\n%%%% size,md5,sha256,filename\n## Invoked from: /x\n## $ hashdeep -r\n## \n"
      "12," +
      kMd5 + "," + kSha256 +
      ",/evidence/a, with comma.jpg\n"
      "7," +
      AsciiUpper(kMd5.substr(0, 31)) + "0," + AsciiUpper(kSha256) + ",b.png\n";
  CollectingSink s = Parse(ImportFormat::kHashdeep, text);
  ASSERT_TRUE(s.status.ok()) << s.status.ToString();
  ASSERT_EQ(s.good.size(), 2u);
  EXPECT_TRUE(s.bad.empty());
  EXPECT_EQ(DigestHex(s.good[0].record.md5), kMd5);
  EXPECT_EQ(DigestHex(s.good[0].record.sha256), kSha256);
  EXPECT_FALSE(s.good[0].record.sha1);
  EXPECT_EQ(s.good[0].record.size, 12u);
  EXPECT_EQ(s.good[0].record.file_name, "/evidence/a, with comma.jpg");
  EXPECT_EQ(s.good[0].pos.line, 6u);
  EXPECT_EQ(DigestHex(s.good[1].record.sha256), kSha256);  // upper case accepted, stored as bytes
  EXPECT_EQ(s.info.version, "size,md5,sha256,filename");
}

TEST_P(LineFormats, HashdeepBadRowsCarryTheirLine) {
  const std::string text =
      "%%%% HASHDEEP-1.0\r\n%%%% size,md5,sha1,filename\r\n"
      "x1," +
      kMd5 + "," + kSha1 +
      ",a\r\n"  // line 3: bad size
      "1," +
      kMd5.substr(1) + "," + kSha1 +
      ",b\r\n"  // line 4: bad md5
      "1," +
      kMd5 +
      ",c\r\n"  // line 5: too few columns
      "1," +
      kMd5 + "," + kSha1 +
      "Z,d\r\n"  // line 6: bad sha1
      "2," +
      kMd5 + "," + kSha1 + ",ok\r\n";  // line 7: good
  CollectingSink s = Parse(ImportFormat::kHashdeep, text);
  ASSERT_TRUE(s.status.ok());
  ASSERT_EQ(s.good.size(), 1u);
  EXPECT_EQ(s.good[0].record.file_name, "ok");  // CR stripped
  EXPECT_EQ(s.good[0].pos.line, 7u);
  ASSERT_EQ(s.bad.size(), 4u);
  EXPECT_EQ(s.bad[0].reason, "bad_size");
  EXPECT_EQ(s.bad[0].pos.line, 3u);
  EXPECT_EQ(s.bad[1].reason, "bad_md5");
  EXPECT_EQ(s.bad[1].pos.line, 4u);
  EXPECT_EQ(s.bad[2].reason, "bad_columns");
  EXPECT_EQ(s.bad[2].pos.line, 5u);
  EXPECT_EQ(s.bad[3].reason, "bad_sha1");
  EXPECT_EQ(s.bad[3].pos.line, 6u);
  EXPECT_EQ(s.info.records, 5u);
}

TEST_P(LineFormats, HashdeepWithoutColumnLine) {
  CollectingSink s = Parse(ImportFormat::kHashdeep, "1," + kMd5 + ",a\n");
  ASSERT_EQ(s.bad.size(), 1u);
  EXPECT_EQ(s.bad[0].reason, "bad_header");
  CollectingSink t = Parse(ImportFormat::kHashdeep, "%%%% size,md5\n");
  ASSERT_EQ(t.bad.size(), 1u);  // a column line must end with filename
  EXPECT_EQ(t.bad[0].reason, "bad_header");
}

TEST_P(LineFormats, HashListShapes) {
  const std::string text = "\xEF\xBB\xBF" + kMd5 + "  a file.txt\n" +  // BOM, GNU text mode
                           AsciiUpper(kSha1) + " *bin.exe\r\n" +       // binary mode, CRLF, upper case
                           "  " + kSha256 + "  \n" +                   // bare, surrounding spaces
                           "# a comment\n\n" + "SHA256 (tagged name) = " + kSha256 + "\n" +  // BSD tag
                           "\\" + kMd5 + "  new\\nline\n";                                   // GNU escaped name
  CollectingSink s = Parse(ImportFormat::kMd5sum, text);
  ASSERT_TRUE(s.status.ok());
  EXPECT_TRUE(s.bad.empty()) << (s.bad.empty() ? "" : Describe(s.bad[0]));
  ASSERT_EQ(s.good.size(), 5u);
  EXPECT_EQ(DigestHex(s.good[0].record.md5), kMd5);
  EXPECT_EQ(s.good[0].record.file_name, "a file.txt");
  EXPECT_EQ(DigestHex(s.good[1].record.sha1), kSha1);
  EXPECT_EQ(s.good[1].record.file_name, "bin.exe");
  EXPECT_EQ(DigestHex(s.good[2].record.sha256), kSha256);
  EXPECT_EQ(s.good[2].record.file_name, "");
  EXPECT_EQ(s.good[3].record.file_name, "tagged name");
  EXPECT_EQ(s.good[3].pos.line, 6u);
  EXPECT_EQ(s.good[4].record.file_name, "new\nline");
}

TEST_P(LineFormats, HashListBadRows) {
  const std::string text = kMd5 + "\n" + kMd5.substr(2) + "  short\n" + "zz" + kMd5.substr(2) + "  nothex\n" +
                           std::string(kMd5.size(), 'g') + "\n" + kSha1 + "\n";
  CollectingSink s = Parse(ImportFormat::kMd5sum, text);
  EXPECT_EQ(s.good.size(), 2u);
  ASSERT_EQ(s.bad.size(), 3u);
  for (const BadRow& b : s.bad) EXPECT_EQ(b.reason, "bad_hash");
  EXPECT_EQ(s.bad[0].pos.line, 2u);
  EXPECT_EQ(s.bad[1].pos.line, 3u);
  EXPECT_EQ(s.bad[2].pos.line, 4u);
}

TEST_P(LineFormats, PdqLists) {
  const std::string text = "hash,quality,filename\n" + kPdq + "\n" + AsciiUpper(kPdq) + ",100\n" + kPdq +
                           ", 73 , some/file name.jpg\r\n" + kPdq.substr(1) + ",50\n" + kPdq + ",101\n" + kPdq + ",x\n";
  CollectingSink s = Parse(ImportFormat::kPdq, text);
  ASSERT_TRUE(s.status.ok());
  ASSERT_EQ(s.good.size(), 3u);
  EXPECT_EQ(s.good[0].record.pdq->ToHex(), kPdq);
  EXPECT_FALSE(s.good[0].record.pdq_quality);
  EXPECT_EQ(s.good[1].record.pdq->ToHex(), kPdq);
  EXPECT_EQ(s.good[1].record.pdq_quality, 100);
  EXPECT_EQ(s.good[2].record.pdq_quality, 73);
  EXPECT_EQ(s.good[2].record.file_name, "some/file name.jpg");
  ASSERT_EQ(s.bad.size(), 3u);
  EXPECT_EQ(s.bad[0].reason, "bad_pdq");
  EXPECT_EQ(s.bad[0].pos.line, 5u);
  EXPECT_EQ(s.bad[1].reason, "bad_quality");
  EXPECT_EQ(s.bad[2].reason, "bad_quality");
  EXPECT_EQ(s.bad[2].pos.line, 7u);
}

TEST_P(LineFormats, OverlongLineIsOneBadRow) {
  const std::string text = kMd5 + "  " + std::string(kMaxLine + 10, 'n') + "\n" + kSha1 + "\n";
  CollectingSink s = Parse(ImportFormat::kMd5sum, text);
  ASSERT_EQ(s.bad.size(), 1u);
  EXPECT_EQ(s.bad[0].reason, "line_too_long");
  EXPECT_EQ(s.bad[0].pos.line, 1u);
  ASSERT_EQ(s.good.size(), 1u);
  EXPECT_EQ(s.good[0].pos.line, 2u);
}

TEST_P(LineFormats, EmptyAndBlankInputs) {
  for (const char* text : {"", "\n\n", "   \r\n", "\xEF\xBB\xBF"}) {
    CollectingSink s = Parse(ImportFormat::kMd5sum, text);
    EXPECT_TRUE(s.status.ok());
    EXPECT_TRUE(s.good.empty());
    EXPECT_TRUE(s.bad.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(Chunks, LineFormats, ::testing::Values(1, 2, 7, 64, 1 << 20));

}  // namespace
}  // namespace ngb::hashset
