// DigestLanes: MD5, SHA-1 and SHA-256 of up to 16 streams at once. Each digest is serial within
// one stream, so speed comes from compressing several streams' blocks together in SIMD lanes
// (md5_multi.h, sha_multi.h). The worker reads up to 16 files side by side and lends each file's
// DigestAnalyser a lane.
//
// Per round, the caller Submit()s one chunk per busy lane (chunks stay owned by the caller and must
// stay valid until Flush()), then Flush()es, which compresses every submitted block of the three
// digests. For each digest, lanes run together in the widest kernel while enough of them have
// blocks left for it to beat one stream at a time (kMinLanes below), the rest one stream at a time
// (for SHA, OpenSSL's block functions with the SHA extensions). Pure computation, no I/O.
// Not thread-safe: one instance per worker.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "hash/md5_multi.h"
#include "hash/multi_digest.h"
#include "hash/sha_multi.h"

namespace ngb {

class DigestLanes {
 public:
  static constexpr int kMaxLanes = 16;

  // Starts a new stream in `lane`.
  void Reset(int lane);
  // Queues `data` for `lane`: whole 64-byte blocks are compressed at the next Flush(); a partial
  // block is kept. At most one Submit per lane between Flush() calls.
  void Submit(int lane, std::span<const uint8_t> data);
  // Compresses everything submitted. Afterwards the submitted chunks are no longer referenced.
  void Flush();
  // Finishes `lane`'s stream (compressing what is still pending) and returns its three digests.
  Digests Final(int lane);

  // Tests: use the SIMD kernels only when `on` (default true), to check the one-stream paths.
  void UseSimd(bool on) { simd_ = on; }

 private:
  struct Lane {
    Md5State md5{};
    Sha1State sha1{};
    Sha256State sha256{};
    uint64_t length = 0;  // bytes submitted
    std::array<uint8_t, 64> partial{};
    size_t partial_len = 0;
    const uint8_t* pending = nullptr;  // whole blocks awaiting Flush()
    size_t pending_blocks = 0;
  };
  std::array<Lane, kMaxLanes> lanes_{};
  bool simd_ = true;
};

}  // namespace ngb
