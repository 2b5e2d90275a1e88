#include "core/lazy_library.h"

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>

namespace ngb {

LazyLibrary::LazyLibrary(const char* soname, const char* what, const char* package)
    : soname_(soname), what_(what), package_(package) {}

Status LazyLibrary::Load() {
  std::call_once(once_, [this] {
    // Never closed: its functions may be called until the process ends.
    handle_ = ::dlopen(soname_, RTLD_NOW | RTLD_LOCAL);
    if (!handle_) {
      const char* why = ::dlerror();
      status_ = Status::Error("library_missing", std::string("cannot load ") + soname_ + " (" + what_ +
                                                     ", Debian package " + package_ + "): " + (why ? why : "?"));
    }
  });
  return status_;
}

void* LazyLibrary::Symbol(const char* name) {
  if (Status s = Load(); !s.ok()) {
    std::fprintf(stderr, "nigehbaan: %s\n", s.ToString().c_str());
    std::abort();
  }
  void* p = ::dlsym(handle_, name);
  if (!p) {
    std::fprintf(stderr, "nigehbaan: %s has no %s (another version of %s?)\n", soname_, name, what_);
    std::abort();
  }
  return p;
}

}  // namespace ngb
