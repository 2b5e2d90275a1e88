// libheif, loaded on first use (core/lazy_library.h): every libheif function our code calls is
// defined here as a forwarder to the real one (a function used elsewhere must be added here; the
// link fails until it is). The compiler checks each definition against heif.h's declaration.
#include "image/heif_lazy.h"

#include <libheif/heif.h>

#include "core/lazy_library.h"

namespace ngb::image {
namespace {

LazyLibrary& Heif() {
  static LazyLibrary lib(NGB_HEIF_SONAME, "libheif", "libheif1");
  return lib;
}

}  // namespace

Status HeifLibraryReady() { return Heif().Load(); }

}  // namespace ngb::image

using ngb::image::Heif;

// clang-format off
NGB_LAZY(Heif, heif_error, heif_init, (heif_init_params* p), (p))
NGB_LAZY(Heif, heif_context*, heif_context_alloc, (void), ())
NGB_LAZY(Heif, void, heif_context_free, (heif_context* c), (c))
NGB_LAZY(Heif, void, heif_context_set_max_decoding_threads, (heif_context* c, int n), (c, n))
NGB_LAZY(Heif, void, heif_context_set_maximum_image_size_limit, (heif_context* c, int w), (c, w))
NGB_LAZY(Heif, heif_error, heif_context_read_from_memory_without_copy,
         (heif_context* c, const void* mem, size_t size, const heif_reading_options* o), (c, mem, size, o))
NGB_LAZY(Heif, heif_error, heif_context_get_primary_image_handle, (heif_context* c, heif_image_handle** h), (c, h))
NGB_LAZY(Heif, void, heif_image_handle_release, (const heif_image_handle* h), (h))
NGB_LAZY(Heif, int, heif_image_handle_get_width, (const heif_image_handle* h), (h))
NGB_LAZY(Heif, int, heif_image_handle_get_height, (const heif_image_handle* h), (h))
NGB_LAZY(Heif, int, heif_image_handle_get_list_of_metadata_block_IDs,
         (const heif_image_handle* h, const char* type, heif_item_id* ids, int count), (h, type, ids, count))
NGB_LAZY(Heif, size_t, heif_image_handle_get_metadata_size, (const heif_image_handle* h, heif_item_id id), (h, id))
NGB_LAZY(Heif, heif_error, heif_image_handle_get_metadata, (const heif_image_handle* h, heif_item_id id, void* out),
         (h, id, out))
NGB_LAZY(Heif, heif_decoding_options*, heif_decoding_options_alloc, (void), ())
NGB_LAZY(Heif, void, heif_decoding_options_free, (heif_decoding_options* o), (o))
NGB_LAZY(Heif, int, heif_get_decoder_descriptors,
         (heif_compression_format f, const heif_decoder_descriptor** out, int count), (f, out, count))
NGB_LAZY(Heif, const char*, heif_decoder_descriptor_get_id_name, (const heif_decoder_descriptor* d), (d))
NGB_LAZY(Heif, heif_error, heif_decode_image,
         (const heif_image_handle* h, heif_image** out, heif_colorspace cs, heif_chroma ch,
          const heif_decoding_options* o),
         (h, out, cs, ch, o))
NGB_LAZY(Heif, void, heif_image_release, (const heif_image* i), (i))
NGB_LAZY(Heif, int, heif_image_get_width, (const heif_image* i, heif_channel c), (i, c))
NGB_LAZY(Heif, int, heif_image_get_height, (const heif_image* i, heif_channel c), (i, c))
NGB_LAZY(Heif, const uint8_t*, heif_image_get_plane_readonly, (const heif_image* i, heif_channel c, int* stride),
         (i, c, stride))
// clang-format on
