// The Sleuth Kit and libewf, loaded on first use (core/lazy_library.h): the executable does not
// link them; every function of theirs that our code calls is defined here as a forwarder to the
// real one. A function of theirs used elsewhere must be added here (the link fails until it is).
// The compiler checks each definition against the library's own header declaration (a C
// function cannot be redeclared with other types).
#include <libewf.h>
#include <tsk/libtsk.h>

#include <cstdarg>

#include "core/lazy_library.h"
#include "source/tsk_lazy.h"

namespace ngb::source {

LazyLibrary& Tsk() {
  static LazyLibrary lib(NGB_TSK_SONAME, "The Sleuth Kit", "libtsk19");
  return lib;
}

LazyLibrary& Ewf() {
  static LazyLibrary lib(NGB_EWF_SONAME, "libewf", "libewf2");
  return lib;
}

void* TskOwnSymbol(const char* name) { return Tsk().Load().ok() ? Tsk().Symbol(name) : nullptr; }

Status DiskLibrariesReady() {
  if (Status s = Tsk().Load(); !s.ok()) return s;
  return Ewf().Load();
}

}  // namespace ngb::source

using ngb::source::Ewf;
using ngb::source::Tsk;

// clang-format off
NGB_LAZY(Tsk, const char*, tsk_error_get, (), ())
NGB_LAZY(Tsk, void, tsk_error_reset, (), ())
NGB_LAZY(Tsk, void, tsk_error_set_errno, (uint32_t e), (e))
NGB_LAZY(Tsk, ssize_t, tsk_fs_attr_read,
         (const TSK_FS_ATTR* a, TSK_OFF_T off, char* buf, size_t len, TSK_FS_FILE_READ_FLAG_ENUM flags),
         (a, off, buf, len, flags))
NGB_LAZY(Tsk, uint8_t, tsk_fs_block_walk,
         (TSK_FS_INFO* fs, TSK_DADDR_T start, TSK_DADDR_T end, TSK_FS_BLOCK_WALK_FLAG_ENUM flags,
          TSK_FS_BLOCK_WALK_CB cb, void* ptr),
         (fs, start, end, flags, cb, ptr))
NGB_LAZY(Tsk, void, tsk_fs_close, (TSK_FS_INFO* fs), (fs))
NGB_LAZY(Tsk, uint8_t, tsk_fs_dir_walk,
         (TSK_FS_INFO* fs, TSK_INUM_T inode, TSK_FS_DIR_WALK_FLAG_ENUM flags, TSK_FS_DIR_WALK_CB cb, void* ptr),
         (fs, inode, flags, cb, ptr))
NGB_LAZY(Tsk, const TSK_FS_ATTR*, tsk_fs_file_attr_get, (TSK_FS_FILE* f), (f))
NGB_LAZY(Tsk, const TSK_FS_ATTR*, tsk_fs_file_attr_get_idx, (TSK_FS_FILE* f, int idx), (f, idx))
NGB_LAZY(Tsk, const TSK_FS_ATTR*, tsk_fs_file_attr_get_type,
         (TSK_FS_FILE* f, TSK_FS_ATTR_TYPE_ENUM type, uint16_t id, uint8_t id_used), (f, type, id, id_used))
NGB_LAZY(Tsk, int, tsk_fs_file_attr_getsize, (TSK_FS_FILE* f), (f))
NGB_LAZY(Tsk, void, tsk_fs_file_close, (TSK_FS_FILE* f), (f))
NGB_LAZY(Tsk, TSK_FS_FILE*, tsk_fs_file_open_meta, (TSK_FS_INFO* fs, TSK_FS_FILE* f, TSK_INUM_T addr),
         (fs, f, addr))
NGB_LAZY(Tsk, TSK_FS_INFO*, tsk_fs_open_img, (TSK_IMG_INFO* img, TSK_OFF_T off, TSK_FS_TYPE_ENUM type),
         (img, off, type))
NGB_LAZY(Tsk, const char*, tsk_fs_type_toname, (TSK_FS_TYPE_ENUM type), (type))
NGB_LAZY(Tsk, void, tsk_img_close, (TSK_IMG_INFO* img), (img))
NGB_LAZY(Tsk, TSK_IMG_INFO*, tsk_img_open_external,
         (void* ext, TSK_OFF_T size, unsigned int sector_size,
          ssize_t (*read)(TSK_IMG_INFO*, TSK_OFF_T, char*, size_t), void (*close)(TSK_IMG_INFO*),
          void (*imgstat)(TSK_IMG_INFO*, FILE*)),
         (ext, size, sector_size, read, close, imgstat))
NGB_LAZY(Tsk, TSK_IMG_INFO*, tsk_img_open_utf8_sing, (const char* image, TSK_IMG_TYPE_ENUM type, unsigned int ssize),
         (image, type, ssize))
NGB_LAZY(Tsk, ssize_t, tsk_img_read, (TSK_IMG_INFO* img, TSK_OFF_T off, char* buf, size_t len),
         (img, off, buf, len))
NGB_LAZY(Tsk, TSK_IMG_TYPE_ENUM, tsk_img_type_supported, (), ())
NGB_LAZY(Tsk, void, tsk_vs_close, (TSK_VS_INFO* vs), (vs))
NGB_LAZY(Tsk, TSK_VS_INFO*, tsk_vs_open, (TSK_IMG_INFO* img, TSK_DADDR_T off, TSK_VS_TYPE_ENUM type),
         (img, off, type))
NGB_LAZY(Tsk, const TSK_VS_PART_INFO*, tsk_vs_part_get, (const TSK_VS_INFO* vs, TSK_PNUM_T idx), (vs, idx))

NGB_LAZY(Ewf, void, libewf_error_free, (libewf_error_t** e), (e))
NGB_LAZY(Ewf, int, libewf_error_sprint, (libewf_error_t* e, char* s, size_t n), (e, s, n))
NGB_LAZY(Ewf, int, libewf_glob,
         (const char* name, size_t len, uint8_t format, char** names[], int* count, libewf_error_t** e),
         (name, len, format, names, count, e))
NGB_LAZY(Ewf, int, libewf_glob_free, (char* names[], int count, libewf_error_t** e), (names, count, e))
NGB_LAZY(Ewf, int, libewf_handle_close, (libewf_handle_t* h, libewf_error_t** e), (h, e))
NGB_LAZY(Ewf, int, libewf_handle_free, (libewf_handle_t** h, libewf_error_t** e), (h, e))
NGB_LAZY(Ewf, int, libewf_handle_get_md5_hash, (libewf_handle_t* h, uint8_t* md5, size_t n, libewf_error_t** e),
         (h, md5, n, e))
NGB_LAZY(Ewf, int, libewf_handle_get_utf8_hash_value,
         (libewf_handle_t* h, const uint8_t* id, size_t id_len, uint8_t* out, size_t out_size, libewf_error_t** e),
         (h, id, id_len, out, out_size, e))
NGB_LAZY(Ewf, int, libewf_handle_initialize, (libewf_handle_t** h, libewf_error_t** e), (h, e))
NGB_LAZY(Ewf, int, libewf_handle_open,
         (libewf_handle_t* h, char* const names[], int count, int flags, libewf_error_t** e),
         (h, names, count, flags, e))
// clang-format on

// Variadic: forwarded to the va_list form.
extern "C" void tsk_error_set_errstr(const char* format, ...) {
  static const auto fn = reinterpret_cast<void (*)(const char*, va_list)>(Tsk().Symbol("tsk_error_vset_errstr"));
  va_list ap;
  va_start(ap, format);
  fn(format, ap);
  va_end(ap);
}
