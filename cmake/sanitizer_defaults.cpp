// Default options of the sanitizer builds (cmake -DNGB_SANITIZE=ON or -DNGB_FUZZ=ON): compiled into
// every binary that links ngb (CMakeLists.txt adds this file as an INTERFACE source of ngb), so the
// unit tests, the fuzz targets and a sanitized nigehbaan behave alike, whether run by ctest, by
// scripts/test.sh or by hand to reproduce a finding. ASAN_OPTIONS / LSAN_OPTIONS still override.

// allocator_may_return_null=1: a malloc the machine cannot satisfy returns NULL, as it does in the
// release build (glibc or mimalloc), instead of aborting the process. Libraries size some buffers
// from the input before reading it: libarchive 3.6.2 mallocs the ~35 GB a 220-byte 7z claims for its
// name table (src/source/testdata/7z-names-claim-35gb.7z). Released, that malloc fails, libarchive
// reports a damaged archive and the item is an error row; under ASan it aborted the fuzz run in CI.
// Memory actually used stays bounded by the fuzzers' -rss_limit_mb. (A throwing operator new that
// fails still aborts under ASan: our own code must never ask for such sizes.)
extern "C" const char* __asan_default_options() { return "allocator_may_return_null=1"; }

// libewf 20140813 leaks a chunk buffer (~32 KiB) for every read of a chunk whose data is missing,
// as in a truncated or damaged E01 (found by the e2e test that scans an E01 cut after 4 KiB). Not
// ours to fix.
extern "C" const char* __lsan_default_suppressions() { return "leak:libewf_chunk_data_initialize\n"; }
