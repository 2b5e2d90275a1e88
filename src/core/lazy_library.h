// LazyLibrary: a shared library opened with dlopen the first time one of its functions is needed,
// instead of by the dynamic loader at every start. Used for libraries that pull in long dependency
// chains but serve only some commands (The Sleuth Kit and libewf: ~24 ms of mapping and relocating
// ~30 libraries, curl and GnuTLS among them, for a command that never opens a disk image).
//
// Pattern (source/tsk_lazy.cpp, image/heif_lazy.cpp): the library's C functions are defined once in
// our code as forwarders (NGB_LAZY below) that call the real function through Symbol(); the
// executable does not link the library. Callers that can report a missing library as an error
// value check Load() first.
#pragma once
#include <mutex>
#include <string>

#include "core/status.h"

namespace ngb {

class LazyLibrary {
 public:
  // `soname`: the file name dlopen looks for ("libtsk.so.19"); `what`: for messages ("The Sleuth
  // Kit"); `package`: the Debian package that provides it.
  LazyLibrary(const char* soname, const char* what, const char* package);

  // Opens the library once (thread-safe); later calls return the first result.
  // Error: "library_missing" naming the library, the package and dlerror's reason.
  Status Load();

  // The address of `name` in the library. A missing library or symbol is a broken installation,
  // not bad input: the process stops with a message naming both (callers check Load() first).
  void* Symbol(const char* name);

 private:
  const char* soname_;
  const char* what_;
  const char* package_;
  std::once_flag once_;
  void* handle_ = nullptr;
  Status status_;
};

}  // namespace ngb

// Defines the C function `name` as a forwarder to the one in `lib()` (a LazyLibrary&), looked up
// once. The compiler checks the definition against the library header's declaration of `name`.
#define NGB_LAZY(lib, ret, name, params, args)                                        \
  extern "C" ret name params {                                                       \
    static const auto fn = reinterpret_cast<decltype(&::name)>(lib().Symbol(#name)); \
    return fn args;                                                                  \
  }
