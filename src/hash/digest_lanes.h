// DigestLanes: MD5, SHA-1 and SHA-256 of up to 32 streams at once. Each digest is serial within
// one stream, so speed comes from two techniques (bench/digest_micro):
// - several streams: their blocks are compressed together in the SIMD kernels' lanes (16 with
//   AVX-512; md5_multi.h, sha_multi.h); the worker reads up to 32 files side by side and lends
//   each file's DigestAnalyser a lane of this object;
// - one stream: the three block functions stitched into one pass (three_digests.h), at about
//   MD5's pace for all three.
// Streams run together in the SIMD kernels while at least kOneStreamBelow of them have blocks
// left, the rest one stream at a time (idle kernel lanes cost as much as busy ones). With more
// streams than kernel lanes, the longest take turns, so that they end together.
//
// Per round, the caller Submit()s one chunk per busy lane (chunks stay owned by the caller and must
// stay valid until Flush()), then Flush()es, which compresses every submitted block of the three
// digests. On a CPU without the SHA extensions, where the one-stream path runs the three digests one
// after the other, one or two streams with many blocks (a disk image, a video read alone) have their
// SHA-1 and SHA-256 compressed on a helper thread while this thread does MD5. Pure computation.
// Not thread-safe: one instance per worker (it may own one helper thread, joined on destruction).
#pragma once
#include <array>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <thread>

#include "hash/digests.h"
#include "hash/md5_multi.h"
#include "hash/sha_multi.h"
#include "hash/three_digests.h"

namespace ngb {

class DigestLanes {
 public:
  static constexpr int kMaxLanes = 32;  // streams; the kernels are at most 16 lanes wide

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

  // Lanes run in the SIMD kernels while at least this many have blocks left (with the stitched
  // one-stream kernel; without it, MD5's kernel pays off from 3 lanes). bench/digest_micro
  // BM_DigestLanesN on this project's machine: the stitched kernel runs 650 MB/s however many
  // streams; the kernels' 16 lanes 1,160 MB/s in all, so 9 busy lanes of 16 are the break-even
  // (8 lanes: 562 MB/s in the kernels; 10: 743).
  static constexpr int kOneStreamBelow = 9;

  // Tests and benchmarks: use the SIMD kernels only when `on` (default true).
  void UseSimd(bool on) { simd_ = on; }
  // Tests and benchmarks: use the stitched one-stream kernel when the CPU has it (default true);
  // off: the three block functions one after the other, with the helper thread.
  void UseStitched(bool on) { stitched_ = on; }
  // Benchmarks: the fewest lanes with blocks left that run in the SIMD kernels (with stitching).
  void SetOneStreamBelow(int lanes) { one_stream_below_ = lanes; }
  // Tests: use MD5 kernels at most `lanes` wide (8: as on a CPU with AVX2 but not AVX-512).
  void LimitWidth(int lanes) { max_width_ = lanes; }
  // Tests: the fewest pending blocks of one or two streams for which SHA goes to the helper thread
  // when not stitched (default kSplitBlocks; 0: never).
  void SetSplitBlocks(size_t blocks) { split_blocks_ = blocks; }
  static constexpr size_t kSplitBlocks = 1024;  // 64 KiB: the hand-over costs ~10 µs, 64 KiB of SHA ~90

 private:
  struct Lane : ThreeStream {
    const uint8_t* pending = nullptr;  // whole blocks awaiting Flush()
    size_t pending_blocks = 0;
  };
  // Compresses the pending blocks of the m lanes act[] one stream at a time.
  void OneStream(Lane* const* act, int m);
  // Compresses `blocks` pending blocks of each of the `take` lanes act[] (take <= width) in the
  // SIMD kernels, MD5's `width` lanes wide at most.
  void Wide(Lane* const* act, int take, int width, size_t blocks);
  // Runs `job` on the helper thread (started on first use) and returns at once; Wait() for it.
  // False (job not run) when no thread can be started; splitting is then off for good.
  bool Post(std::function<void()> job);
  void Wait();
  void HelperLoop();  // the helper thread's body

  // The fused 16-lane path: the three kernels over the same blocks, transposed once into
  // `words_`, kWordsBlocks blocks at a time (16 KiB: it stays in the L1 cache between them).
  void WideThree(Lane* const* act, int take, size_t blocks);
  static constexpr size_t kWordsBlocks = 16;
  struct alignas(64) Words {
    uint32_t w[kWordsBlocks * 256];
  };
  std::unique_ptr<Words> words_;

  std::array<Lane, kMaxLanes> lanes_{};
  bool simd_ = true;
  bool stitched_ = true;
  int one_stream_below_ = kOneStreamBelow;
  int max_width_ = kMaxLanes;
  size_t split_blocks_ = kSplitBlocks;
  std::thread helper_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::function<void()> job_;  // set: posted and not finished
  bool stop_ = false;
};

}  // namespace ngb
