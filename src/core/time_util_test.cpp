#include "core/time_util.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

namespace ngb {

TEST(Iso8601FromNs, EpochAndWholeSeconds) {
  EXPECT_EQ(Iso8601FromNs(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(Iso8601FromNs(1'000'000'000), "1970-01-01T00:00:01Z");
  EXPECT_EQ(Iso8601FromNs(int64_t{1'700'000'000} * 1'000'000'000), "2023-11-14T22:13:20Z");
  EXPECT_EQ(Iso8601FromNs(int64_t{951'782'400} * 1'000'000'000), "2000-02-29T00:00:00Z");  // leap day
}

TEST(Iso8601FromNs, FractionsAreNineDigits) {
  EXPECT_EQ(Iso8601FromNs(1), "1970-01-01T00:00:00.000000001Z");
  EXPECT_EQ(Iso8601FromNs(999'999'999), "1970-01-01T00:00:00.999999999Z");
  EXPECT_EQ(Iso8601FromNs(1'500'000'000), "1970-01-01T00:00:01.500000000Z");
  EXPECT_EQ(Iso8601FromNs(int64_t{1'700'000'000} * 1'000'000'000 + 123'456'789),
            "2023-11-14T22:13:20.123456789Z");
}

TEST(Iso8601FromNs, NegativeValuesArePre1970) {
  EXPECT_EQ(Iso8601FromNs(-1), "1969-12-31T23:59:59.999999999Z");
  EXPECT_EQ(Iso8601FromNs(-1'000'000'000), "1969-12-31T23:59:59Z");
  EXPECT_EQ(Iso8601FromNs(-1'500'000'000), "1969-12-31T23:59:58.500000000Z");
  EXPECT_EQ(Iso8601FromNs(-999'999'999), "1969-12-31T23:59:59.000000001Z");
  EXPECT_EQ(Iso8601FromNs(int64_t{-86'400} * 1'000'000'000), "1969-12-31T00:00:00Z");
  // 1900-01-01T00:00:00Z
  EXPECT_EQ(Iso8601FromNs(int64_t{-2'208'988'800} * 1'000'000'000), "1900-01-01T00:00:00Z");
}

TEST(Iso8601FromNs, ExtremesDoNotCrash) {
  const std::string max = Iso8601FromNs(INT64_MAX);
  EXPECT_EQ(max, "2262-04-11T23:47:16.854775807Z");
  const std::string min = Iso8601FromNs(INT64_MIN);
  EXPECT_EQ(min, "1677-09-21T00:12:43.145224192Z");
}

TEST(NowIso8601, HasMicrosecondsAndZ) {
  const std::string now = NowIso8601();
  EXPECT_TRUE(std::regex_match(now, std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)"))) << now;
}

TEST(FormatBytes, DecimalUnits) {
  EXPECT_EQ(FormatBytes(0), "0 B");
  EXPECT_EQ(FormatBytes(512), "512 B");
  EXPECT_EQ(FormatBytes(999), "999 B");
  EXPECT_EQ(FormatBytes(1000), "1.0 kB");
  EXPECT_EQ(FormatBytes(1500), "1.5 kB");
  EXPECT_EQ(FormatBytes(12'000'000), "12.0 MB");
  EXPECT_EQ(FormatBytes(1'500'000'000), "1.5 GB");
  EXPECT_EQ(FormatBytes(2e12), "2.0 TB");
  EXPECT_EQ(FormatBytes(3e15), "3.0 PB");
  EXPECT_EQ(FormatBytes(5e18), "5000.0 PB");  // no unit beyond PB
}

// Regression: values just below a unit boundary once rounded up to "1000.0" of the smaller unit
// (the unit was picked before rounding), e.g. 999'999 gave "1000.0 kB".
TEST(FormatBytes, RoundingNeverShowsAThousandOfAUnit) {
  EXPECT_EQ(FormatBytes(999'999), "1.0 MB");
  EXPECT_EQ(FormatBytes(999'950'000), "1.0 GB");
}

TEST(FormatDuration, MinutesAndHours) {
  EXPECT_EQ(FormatDuration(0), "0:00");
  EXPECT_EQ(FormatDuration(5), "0:05");
  EXPECT_EQ(FormatDuration(123), "2:03");
  EXPECT_EQ(FormatDuration(3599), "59:59");
  EXPECT_EQ(FormatDuration(3600), "1:00:00");
  EXPECT_EQ(FormatDuration(3723), "1:02:03");
  EXPECT_EQ(FormatDuration(100 * 3600 + 61), "100:01:01");
}

TEST(FormatDuration, RoundsToTheNearestSecondAndClampsNegatives) {
  EXPECT_EQ(FormatDuration(59.4), "0:59");
  EXPECT_EQ(FormatDuration(59.6), "1:00");
  EXPECT_EQ(FormatDuration(3599.6), "1:00:00");
  EXPECT_EQ(FormatDuration(-5), "0:00");
}

}  // namespace ngb
