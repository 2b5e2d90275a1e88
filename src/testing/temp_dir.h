// Test helper: a fresh folder under /tmp, removed with everything in it when the object goes.
#pragma once
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace ngb::testing {

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/ngb_test_XXXXXX";
    if (const char* p = mkdtemp(tmpl)) path_ = p;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace ngb::testing
