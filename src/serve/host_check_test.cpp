#include "serve/host_check.h"

#include <gtest/gtest.h>

namespace ngb::serve {
namespace {

TEST(HostCheck, AcceptsAddressesLocalhostAndGivenNamesOnTheBoundPort) {
  const std::vector<std::string> names = {"review.lab"};
  EXPECT_TRUE(HostAllowed("127.0.0.1:8080", 8080, false, {}));
  EXPECT_TRUE(HostAllowed("localhost:8080", 8080, false, {}));
  EXPECT_TRUE(HostAllowed("LocalHost:8080", 8080, false, {}));
  EXPECT_TRUE(HostAllowed("[::1]:8080", 8080, false, {}));
  EXPECT_TRUE(HostAllowed("10.1.2.3:8080", 8080, false, {}));
  EXPECT_TRUE(HostAllowed("review.lab:8080", 8080, false, names));
  EXPECT_TRUE(HostAllowed("127.0.0.1", 80, false, {}));
  EXPECT_TRUE(HostAllowed("review.lab", 443, true, names));
}

TEST(HostCheck, RefusesOtherNamesPortsAndJunk) {
  EXPECT_FALSE(HostAllowed("evil.example:8080", 8080, false, {"review.lab"}));
  EXPECT_FALSE(HostAllowed("127.0.0.1.evil.example:8080", 8080, false, {}));
  EXPECT_FALSE(HostAllowed("127.0.0.1:8081", 8080, false, {}));
  EXPECT_FALSE(HostAllowed("127.0.0.1", 8080, false, {}));
  EXPECT_FALSE(HostAllowed("", 8080, false, {}));
  EXPECT_FALSE(HostAllowed("[::1", 8080, false, {}));
  EXPECT_FALSE(HostAllowed("[evil]:8080", 8080, false, {}));
  EXPECT_FALSE(HostAllowed("[::1]x8080", 8080, false, {}));
  EXPECT_FALSE(HostAllowed("localhost:08080", 8080, false, {}));
  EXPECT_FALSE(HostAllowed(std::string(400, 'a'), 8080, false, {}));
}

}  // namespace
}  // namespace ngb::serve
