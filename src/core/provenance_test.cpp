#include "core/provenance.h"

#include <gtest/gtest.h>

namespace ngb {

TEST(Provenance, JoinsFolderAndMemberPaths) {
  EXPECT_EQ(JoinPath("evidence", "a.jpg"), "evidence/a.jpg");
  EXPECT_EQ(JoinPath("evidence/", "a.jpg"), "evidence/a.jpg");
  EXPECT_EQ(JoinMember("evidence/photos.zip", "2023/a.jpg"), "evidence/photos.zip!/2023/a.jpg");
  // A hostile member name is only ever a string.
  EXPECT_EQ(JoinMember("e/x.zip", "../../etc/x"), "e/x.zip!/../../etc/x");
}

TEST(Provenance, ValidatesUtf8) {
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("\xD9\x86\xDA\xAF\xDB\x81\xD8\xA8\xD8\xA7\xD9\x86"));  // نگہبان
  EXPECT_FALSE(IsValidUtf8("bad\xFF"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xE2\x82"));          // truncated
  // Past the 8-bytes-at-a-time ASCII prefix: every position of a bad or good byte after it.
  for (size_t prefix = 0; prefix < 20; ++prefix) {
    const std::string ascii(prefix, 'a');
    EXPECT_TRUE(IsValidUtf8(ascii)) << prefix;
    EXPECT_TRUE(IsValidUtf8(ascii + "\xD9\x86z")) << prefix;
    EXPECT_FALSE(IsValidUtf8(ascii + "\xFF")) << prefix;
    EXPECT_FALSE(IsValidUtf8(ascii + "\xE2\x82")) << prefix;             // truncated at the end
    EXPECT_FALSE(IsValidUtf8(ascii + "\xD9\x86" + ascii + "\xC0\xAF")) << prefix;
    EXPECT_TRUE(IsValidUtf8(ascii + "\xD9\x86" + ascii + "\xF0\x9F\x98\x82" + ascii)) << prefix;
    EXPECT_FALSE(IsValidUtf8(ascii + "\xD9\x86" + ascii + "\xED\xA0\x80" + ascii)) << prefix;  // surrogate
  }
}

TEST(Provenance, DisplayEscapesOnlyInvalidBytes) {
  EXPECT_EQ(DisplayPath("a/\xFF\xFE.jpg"), "a/\\xFF\\xFE.jpg");
  EXPECT_EQ(DisplayPath("caf\xC3\xA9"), "caf\xC3\xA9");
}

TEST(Provenance, BaseNameAndExtension) {
  EXPECT_EQ(BaseName("x.zip!/dir/a.JPG"), "a.JPG");
  EXPECT_EQ(Extension("x.zip!/dir/a.JPG"), "jpg");
  EXPECT_EQ(Extension("dir.d/noext"), "");
  EXPECT_EQ(Extension(".bashrc"), "");
  EXPECT_EQ(Extension("trailing."), "");
}

}  // namespace ngb
