// Multi-buffer MD5: MD5 is inherently serial within one stream, so speed comes from hashing
// several independent streams at once in SIMD lanes (the technique of Intel ISA-L's md5_mb).
// One AVX-512 register holds word i of 16 streams (AVX2: 8); each of the 64 MD5 steps runs on all
// of them at once.
// DigestLanes (digest_lanes.h) runs these kernels with the SHA ones over the streams a worker reads.
// Pure computation, thread-safe.
#pragma once
#include <cstddef>
#include <cstdint>

namespace ngb {

struct Md5State {
  uint32_t a, b, c, d;
};

// Scalar MD5 block function: compresses `blocks` 64-byte blocks at `data` into `s`.
void Md5CompressScalar(Md5State& s, const uint8_t* data, size_t blocks);
// Compresses `blocks` blocks of 8 streams at once (data[i] for state[i]). Uses AVX2 when the CPU
// has it, the scalar function otherwise.
void Md5Compress8(Md5State* states, const uint8_t* const* data, size_t blocks);
// The same for 16 streams (AVX-512F: one register holds word i of 16 streams; rotates and the
// round functions are single instructions). Falls back to two Md5Compress8 calls.
void Md5Compress16(Md5State* states, const uint8_t* const* data, size_t blocks);
// 16 streams whose blocks were transposed beforehand, once for the three digests
// (Transpose16Blocks): `words` holds 256 words per block, word i of stream j at [256 * block +
// 16 * i + j], as the streams store them (little-endian), 64-byte aligned.
// REQUIRES: Md5SimdLanes() == 16.
void Md5Compress16Words(Md5State* states, const uint32_t* words, size_t blocks);
// Fills `words` (256 per block, 64-byte aligned) with `blocks` blocks of the 16 streams data[],
// transposed as Md5Compress16Words and Sha1/Sha256Compress16Words read them.
// REQUIRES: Md5SimdLanes() == 16.
void Transpose16Blocks(const uint8_t* const* data, size_t blocks, uint32_t* words);
// True when Md5Compress8 runs on AVX2 on this CPU.
bool Md5HasSimd();
// Widest SIMD kernel on this CPU: 16 (AVX-512F), 8 (AVX2) or 1.
int Md5SimdLanes();

}  // namespace ngb
