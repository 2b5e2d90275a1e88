// DigestLanes: MD5, SHA-1 and SHA-256 of up to 16 streams at once. Each digest is serial within
// one stream, so speed comes from compressing several streams' blocks together in SIMD lanes
// (md5_multi.h, sha_multi.h). The worker reads up to 16 files side by side and lends each file's
// DigestAnalyser a lane.
//
// Per round, the caller Submit()s one chunk per busy lane (chunks stay owned by the caller and must
// stay valid until Flush()), then Flush()es, which compresses every submitted block of the three
// digests. For each digest, lanes run together in the widest kernel while enough of them have
// blocks left for it to beat one stream at a time (kMinLanes below), the rest one stream at a time
// (for SHA, OpenSSL's block functions with the SHA extensions). When only one or two streams have
// many blocks (a disk image, a video read alone), their SHA-1 and SHA-256 are compressed on a
// helper thread while this thread does MD5: a single big file is then hashed at MD5's pace rather
// than at the sum of the three (the other worker's core is often idle then). Pure computation.
// Not thread-safe: one instance per worker (it may own one helper thread, joined on destruction).
#pragma once
#include <array>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <span>
#include <thread>

#include "hash/md5_multi.h"
#include "hash/multi_digest.h"
#include "hash/sha_multi.h"

namespace ngb {

class DigestLanes {
 public:
  static constexpr int kMaxLanes = 16;

  DigestLanes() = default;
  ~DigestLanes();
  DigestLanes(const DigestLanes&) = delete;
  DigestLanes& operator=(const DigestLanes&) = delete;

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
  // Tests: the fewest pending blocks of one or two streams for which SHA goes to the helper thread
  // (default kSplitBlocks; 0: never).
  void SetSplitBlocks(size_t blocks) { split_blocks_ = blocks; }
  static constexpr size_t kSplitBlocks = 1024;  // 64 KiB: the hand-over costs ~10 µs, 64 KiB of SHA ~90

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
  // Runs `job` on the helper thread (started on first use) and returns at once; Wait() for it.
  // False (job not run) when no thread can be started; splitting is then off for good.
  bool Post(std::function<void()> job);
  void Wait();
  void HelperLoop();  // the helper thread's body

  std::array<Lane, kMaxLanes> lanes_{};
  bool simd_ = true;
  size_t split_blocks_ = kSplitBlocks;
  std::thread helper_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::function<void()> job_;  // set: posted and not finished
  bool stop_ = false;
};

}  // namespace ngb
