// MD5, SHA-1 and SHA-256 of one stream in one pass over each 64-byte block.
//
// Each digest is serial within a stream and bound by the latency of its own dependency chain, not
// by the CPU's execution units: MD5's scalar chain leaves most integer ports idle, and the SHA
// extensions' round instructions (SHA-NI) run on the vector ports. CompressThree stitches the
// three block functions into one instruction stream (the technique of Intel's "stitched" AES+SHA
// kernels), so the out-of-order core overlaps them and the three digests cost about what MD5 alone
// costs: 730-760 MB/s on this project's 2-core AMD EPYC, against 410 MB/s for the three one after
// the other (MD5 750, SHA-1 1,800, SHA-256 1,700; bench/digest_micro BM_Three*). A disk image or a
// big video is then hashed on one core at MD5's pace.
//
// Without the SHA extensions (checked at run time) CompressThree runs the three block functions one
// after the other (CompressThreeSeparately: Md5CompressScalar and OpenSSL's SHA block functions).
// Pure computation, thread-safe.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "hash/digests.h"
#include "hash/md5_multi.h"
#include "hash/sha_multi.h"

namespace ngb {

inline constexpr Md5State kMd5Init = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};

// Compresses `blocks` 64-byte blocks at `data` into the three states.
void CompressThree(Md5State& md5, Sha1State& sha1, Sha256State& sha256, const uint8_t* data, size_t blocks);
// The same, one block function after the other (the reference, and the path without SHA-NI).
void CompressThreeSeparately(Md5State& md5, Sha1State& sha1, Sha256State& sha256, const uint8_t* data,
                             size_t blocks);
// True when CompressThree runs stitched on this CPU (SHA-NI, SSSE3 and SSE4.1).
bool HasStitchedThree();

// Pads a stream whose first length - tail.size() bytes went through the states (a whole number of
// blocks; tail.size() < 64) and returns its three digests as lowercase hex.
Digests FinishThree(Md5State md5, Sha1State sha1, Sha256State sha256, std::span<const uint8_t> tail,
                    uint64_t length);

// One stream between calls: the three chaining values, the bytes counted so far and those after
// the last whole block. Used by MultiDigest (one stream) and DigestLanes (a stream per lane).
struct ThreeStream {
  Md5State md5 = kMd5Init;
  Sha1State sha1 = kSha1Init;
  Sha256State sha256 = kSha256Init;
  uint64_t length = 0;
  std::array<uint8_t, 64> tail{};
  size_t tail_len = 0;

  // Counts `data`, completes a partial block from its first bytes (compressing that block) and
  // keeps the bytes after its last whole block as the new tail. Returns the whole blocks in
  // between, which the caller must compress (CompressThree, or lane kernels) before Finish().
  std::span<const uint8_t> Absorb(std::span<const uint8_t> data);
  // Pads the tail and returns the stream's digests (see FinishThree).
  Digests Finish() const { return FinishThree(md5, sha1, sha256, {tail.data(), tail_len}, length); }
};

}  // namespace ngb
