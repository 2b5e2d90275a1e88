#include "vision/model_files.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace ngb::vision {

const NsfwModelSpec* FindNsfwModel(std::string_view name) {
  for (const NsfwModelSpec& m : kNsfwModels) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

namespace {

bool HoldsModel(const std::string& dir) {
  std::error_code ec;
  for (const NsfwModelSpec& m : kNsfwModels) {
    if (std::filesystem::is_regular_file(std::filesystem::path(dir) / m.file, ec)) return true;
  }
  return false;
}

std::string ExeDir() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

}  // namespace

std::string ResolveModelsDir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) return explicit_dir;
  if (const char* env = std::getenv("NGB_MODELS"); env && *env) return env;
  std::vector<std::string> candidates;
  if (std::string exe = ExeDir(); !exe.empty()) candidates.push_back(exe + "/models");
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    candidates.push_back(std::string(xdg) + "/nigehbaan/models");
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    candidates.push_back(std::string(home) + "/.cache/nigehbaan/models");
  }
  for (const std::string& c : candidates) {
    if (HoldsModel(c)) return c;
  }
  return candidates.empty() ? std::string("models") : candidates.back();
}

}  // namespace ngb::vision
