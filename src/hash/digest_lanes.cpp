#include "hash/digest_lanes.h"

#include <algorithm>
#include <system_error>

namespace ngb {
namespace {

// Fewest lanes with blocks left for which a SIMD kernel beats compressing them one at a time, from
// the kernels' rates on this project's machine (bench/digest_micro BM_Kernel*, per core): MD5 16
// lanes 3.9 GB/s against 0.66 one stream; SHA-1 3.6 against 1.46 (SHA extensions); SHA-256 2.9
// against 1.47. Idle kernel lanes cost as much as busy ones: the kernel pays off from about
// 16 x one-stream rate / kernel rate busy lanes. These apply digest by digest when the one-stream
// path runs the three one after the other (no SHA extensions); with stitching,
// DigestLanes::kOneStreamBelow decides for the three together.
constexpr int kMinLanesMd5 = 3;
constexpr int kMinLanesSha1 = 7;
constexpr int kMinLanesSha256 = 8;
// Fewest blocks per kernel call when streams take turns in the lanes (each call loads and stores
// the lanes' states).
constexpr size_t kMinRun = 16;

// Runs `kernel` (width lanes) over `blocks` blocks of the `take` lanes act[]; the idle kernel lanes
// hash act[0]'s bytes again into scratch states, discarded.
template <typename Lane, typename Owner, typename State, typename Kernel>
void RunKernel(Lane* const* act, int take, int width, size_t blocks, State Owner::*member, Kernel kernel) {
  State s[DigestLanes::kMaxLanes];
  const uint8_t* p[DigestLanes::kMaxLanes];
  for (int j = 0; j < width; ++j) {
    s[j] = j < take ? act[j]->*member : State{};
    p[j] = j < take ? act[j]->pending : act[0]->pending;
  }
  kernel(s, p, blocks);
  for (int j = 0; j < take; ++j) act[j]->*member = s[j];
}

}  // namespace

void DigestLanes::Reset(int lane) { lanes_[static_cast<size_t>(lane)] = Lane(); }

void DigestLanes::Submit(int lane, std::span<const uint8_t> data) {
  Lane& l = lanes_[static_cast<size_t>(lane)];
  const std::span<const uint8_t> blocks = l.Absorb(data);
  l.pending = blocks.data();
  l.pending_blocks = blocks.size() / 64;
}

void DigestLanes::Flush() {
  Lane* busy[kMaxLanes];
  int n = 0;
  for (Lane& l : lanes_) {
    if (l.pending_blocks > 0) busy[n++] = &l;
  }
  // The widest MD5 kernel (16: AVX-512, 8: AVX2, 1: none), and below how many lanes with blocks
  // left they go one stream at a time.
  const int width = std::min(Md5SimdLanes(), max_width_);
  const int below = !simd_ || width == 1               ? kMaxLanes + 1
                    : stitched_ && HasStitchedThree()  ? one_stream_below_
                                                       : kMinLanesMd5;
  for (;;) {
    Lane* act[kMaxLanes];
    int m = 0;
    for (int k = 0; k < n; ++k) {
      if (busy[k]->pending_blocks > 0) act[m++] = busy[k];
    }
    if (m == 0) return;
    if (m < below) {
      OneStream(act, m);
      return;
    }
    const int take = std::min(m, width);
    if (m > take) {
      // More streams than kernel lanes: run the longest, and only until the shortest of them
      // comes down to the longest left out, so that the streams end together rather than a few
      // long ones last, one at a time.
      std::partial_sort(act, act + take + 1, act + m,
                        [](const Lane* a, const Lane* b) { return a->pending_blocks > b->pending_blocks; });
    }
    size_t blocks = SIZE_MAX;
    for (int j = 0; j < take; ++j) blocks = std::min(blocks, act[j]->pending_blocks);
    if (m > take) blocks = std::min(blocks, std::max<size_t>(kMinRun, blocks - act[take]->pending_blocks + 1));
    Wide(act, take, width, blocks);
    for (int j = 0; j < take; ++j) {
      act[j]->pending += 64 * blocks;
      act[j]->pending_blocks -= blocks;
    }
  }
}

void DigestLanes::WideThree(Lane* const* act, int take, size_t blocks) {
  if (!words_) words_ = std::make_unique_for_overwrite<Words>();
  Md5State md5[16];
  Sha1State sha1[16];
  Sha256State sha256[16];
  const uint8_t* p[16];
  for (int j = 0; j < 16; ++j) {
    // Idle kernel lanes hash act[0]'s bytes again into scratch states, discarded.
    const Lane& l = *act[j < take ? j : 0];
    md5[j] = l.md5;
    sha1[j] = l.sha1;
    sha256[j] = l.sha256;
    p[j] = l.pending;
  }
  for (size_t done = 0; done < blocks;) {
    const size_t n = std::min(kWordsBlocks, blocks - done);
    Transpose16Blocks(p, n, words_->w);
    Md5Compress16Words(md5, words_->w, n);
    Sha1Compress16Words(sha1, words_->w, n);
    Sha256Compress16Words(sha256, words_->w, n);
    for (const uint8_t*& q : p) q += 64 * n;
    done += n;
  }
  for (int j = 0; j < take; ++j) {
    act[j]->md5 = md5[j];
    act[j]->sha1 = sha1[j];
    act[j]->sha256 = sha256[j];
  }
}

void DigestLanes::Wide(Lane* const* act, int take, int width, size_t blocks) {
  // 16 lanes with the SHA kernels too: each block is transposed once for the three (the
  // transposition is ~15 % of the MD5 kernel's work and ~5-8 % of the SHA ones').
  if (width == 16 && take > 8 && ShaHas16Lanes() && take >= kMinLanesSha1 && take >= kMinLanesSha256) {
    WideThree(act, take, blocks);
    return;
  }
  // Otherwise the three digests one after the other: each kernel keeps its state in registers for
  // a run of blocks, and a round's chunks (16 x 128 KiB at most) stay in the L2/L3 caches between
  // them.
  if (width == 16 && take > 8) {
    RunKernel(act, take, 16, blocks, &Lane::md5,
              [](Md5State* s, const uint8_t* const* p, size_t b) { Md5Compress16(s, p, b); });
  } else {
    RunKernel(act, take, 8, blocks, &Lane::md5,
              [](Md5State* s, const uint8_t* const* p, size_t b) { Md5Compress8(s, p, b); });
  }
  const bool sha16 = width == 16 && ShaHas16Lanes();
  if (sha16 && take >= kMinLanesSha1) {
    RunKernel(act, take, 16, blocks, &Lane::sha1,
              [](Sha1State* s, const uint8_t* const* p, size_t b) { Sha1Compress16(s, p, b); });
  } else {
    for (int j = 0; j < take; ++j) Sha1CompressBlocks(act[j]->sha1, act[j]->pending, blocks);
  }
  if (sha16 && take >= kMinLanesSha256) {
    RunKernel(act, take, 16, blocks, &Lane::sha256,
              [](Sha256State* s, const uint8_t* const* p, size_t b) { Sha256Compress16(s, p, b); });
  } else {
    for (int j = 0; j < take; ++j) Sha256CompressBlocks(act[j]->sha256, act[j]->pending, blocks);
  }
}

void DigestLanes::OneStream(Lane* const* act, int m) {
  if (stitched_ && HasStitchedThree()) {
    for (int j = 0; j < m; ++j) {
      Lane& l = *act[j];
      CompressThree(l.md5, l.sha1, l.sha256, l.pending, l.pending_blocks);
      l.pending_blocks = 0;
    }
    return;
  }
  // SHA on the helper thread while MD5 runs here, for one or two streams with many blocks.
  size_t total = 0;
  for (int j = 0; j < m; ++j) total += act[j]->pending_blocks;
  const bool split = m <= 2 && split_blocks_ > 0 && total >= split_blocks_ && Post([&] {
                       for (int j = 0; j < m; ++j) {
                         Sha1CompressBlocks(act[j]->sha1, act[j]->pending, act[j]->pending_blocks);
                         Sha256CompressBlocks(act[j]->sha256, act[j]->pending, act[j]->pending_blocks);
                       }
                     });
  for (int j = 0; j < m; ++j) {
    Lane& l = *act[j];
    if (split) {
      Md5CompressScalar(l.md5, l.pending, l.pending_blocks);
    } else {
      CompressThreeSeparately(l.md5, l.sha1, l.sha256, l.pending, l.pending_blocks);
    }
  }
  if (split) Wait();
  for (int j = 0; j < m; ++j) act[j]->pending_blocks = 0;
}

DigestLanes::~DigestLanes() {
  if (!helper_.joinable()) return;
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  helper_.join();
}

void DigestLanes::HelperLoop() {
  std::unique_lock lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return stop_ || job_; });
    if (!job_) return;  // stopping with nothing to do
    lock.unlock();
    job_();
    lock.lock();
    job_ = nullptr;
    cv_.notify_all();
  }
}

bool DigestLanes::Post(std::function<void()> job) {
  if (!helper_.joinable()) {
    try {
      helper_ = std::thread([this] { HelperLoop(); });
    } catch (const std::system_error&) {
      split_blocks_ = 0;  // no thread to be had (resource limits): hash on this thread from now on
      return false;
    }
  }
  {
    std::lock_guard lock(mu_);
    job_ = std::move(job);
  }
  cv_.notify_all();
  return true;
}

void DigestLanes::Wait() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [this] { return !job_; });
}

Digests DigestLanes::Final(int lane) {
  Lane& l = lanes_[static_cast<size_t>(lane)];
  if (l.pending_blocks > 0) {
    CompressThree(l.md5, l.sha1, l.sha256, l.pending, l.pending_blocks);
    l.pending_blocks = 0;
  }
  return l.Finish();
}

}  // namespace ngb
