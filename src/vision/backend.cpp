#include "vision/backend.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace ngb::vision {
namespace {

constexpr const char* kModuleFile = "nigehbaan-vision.so";

std::vector<std::string> Candidates() {
  std::vector<std::string> paths;
  if (const char* env = std::getenv("NGB_VISION_MODULE"); env && *env) return {env};  // only that one
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) paths.push_back((exe.parent_path() / kModuleFile).string());
#ifdef NGB_VISION_MODULE_BUILD_PATH
  paths.emplace_back(NGB_VISION_MODULE_BUILD_PATH);  // unit tests and benches live in subfolders
#endif
  return paths;
}

Result<const VisionBackend*> Load() {
  using Entry = const VisionBackend* (*)();
  std::string tried;
  for (const std::string& path : Candidates()) {
    if (::access(path.c_str(), F_OK) != 0) {
      tried += "\n  " + path + ": not found";
      continue;
    }
    // Never closed: the backend's objects (and OpenCV's own threads) live as long as the process.
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* why = ::dlerror();
      tried += "\n  " + path + ": " + (why ? why : "dlopen failed");
      continue;
    }
    auto entry = reinterpret_cast<Entry>(::dlsym(handle, kVisionBackendEntry));
    const VisionBackend* backend = entry ? entry() : nullptr;
    if (!backend) {
      tried += "\n  " + path + ": no " + kVisionBackendEntry + " (a module from another version?)";
      continue;
    }
    return backend;
  }
  return Status::Error("vision_module_missing",
                       std::string("cannot load ") + kModuleFile +
                           " (OpenCV and Tesseract: build the target nigehbaan-vision, or set NGB_VISION_MODULE)" +
                           tried);
}

}  // namespace

Result<const VisionBackend*> LoadVisionBackend() {
  static const Result<const VisionBackend*> loaded = Load();  // once per process, thread-safe
  return loaded;
}

Status ToStatus(const BackendFailure& failure) {
  return Status::Error(failure.code.empty() ? "vision_failed" : failure.code, failure.detail);
}

}  // namespace ngb::vision
