// SHA-1 and SHA-256 block functions: one stream at a time (OpenSSL's, which use the CPU's SHA
// extensions), and 16 streams at once in AVX-512 lanes (the technique of Intel ISA-L's sha1_mb and
// sha256_mb: register i holds message word i of 16 streams; rotates and the round functions are
// single instructions). On this project's 2-core AMD EPYC the 16-lane kernels compress 3.6 GB/s
// (SHA-1) and 2.9 GB/s (SHA-256) per core against 1.46 and 1.47 GB/s for the SHA extensions, so
// they win when at least ~7 (SHA-1) or ~8 (SHA-256) streams have blocks to compress
// (bench/digest_micro). DigestLanes (digest_lanes.h) decides which to use.
//
// Only the block functions: padding and the length are the caller's (DigestLanes::Final).
// Pure computation, thread-safe (no shared state).
#pragma once
#include <cstddef>
#include <cstdint>

namespace ngb {

struct Sha1State {
  uint32_t h[5];
};
struct Sha256State {
  uint32_t h[8];
};
inline constexpr Sha1State kSha1Init = {{0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0}};
inline constexpr Sha256State kSha256Init = {
    {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}};

// One stream: compresses `blocks` 64-byte blocks at `data` into `s`.
void Sha1CompressBlocks(Sha1State& s, const uint8_t* data, size_t blocks);
void Sha256CompressBlocks(Sha256State& s, const uint8_t* data, size_t blocks);

// True when the CPU has the AVX-512 (F and BW) instructions the 16-stream kernels need.
bool ShaHas16Lanes();
// 16 streams: `blocks` blocks of data[i] into states[i], for each i < 16 (every pointer must have
// `blocks` blocks). Without AVX-512 each stream goes through the one-stream function.
void Sha1Compress16(Sha1State* states, const uint8_t* const* data, size_t blocks);
void Sha256Compress16(Sha256State* states, const uint8_t* const* data, size_t blocks);
// The same from blocks transposed beforehand (Transpose16Blocks in md5_multi.h: 256 little-endian
// words per block, word i of stream j at [256 * block + 16 * i + j]). REQUIRES: ShaHas16Lanes().
void Sha1Compress16Words(Sha1State* states, const uint32_t* words, size_t blocks);
void Sha256Compress16Words(Sha256State* states, const uint32_t* words, size_t blocks);

}  // namespace ngb
