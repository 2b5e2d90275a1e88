#include "core/status.h"

#include <cerrno>
#include <cstring>

namespace ngb {

std::string ReasonFromErrno(int err) {
  switch (err) {
    case EACCES:
    case EPERM: return "permission_denied";
    case ENOENT:
    case ENOTDIR: return "vanished";
    case ELOOP: return "symlink_loop";
    case ENAMETOOLONG: return "path_too_long";
    case EIO: return "io_error";
    case EMFILE:
    case ENFILE: return "too_many_open_files";
    case ENOMEM: return "out_of_memory";
    default: return "os_error";
  }
}

Status StatusFromErrno(int err, const std::string& what) {
  return Status::Error(ReasonFromErrno(err), what + ": " + std::strerror(err));
}

}  // namespace ngb
