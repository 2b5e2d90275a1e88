#include "hash/digest_lanes.h"

#include <algorithm>
#include <cstring>
#include <system_error>

namespace ngb {
namespace {

// Fewest lanes with blocks left for which a SIMD kernel beats compressing them one at a time, from
// the kernels' rates on this project's machine (bench/digest_micro BM_Kernel*, per core): MD5 16
// lanes 3.9 GB/s against 0.66 one stream; SHA-1 3.6 against 1.46 (SHA extensions); SHA-256 2.9
// against 1.47. Idle kernel lanes cost as much as busy ones: the kernel pays off from about
// 16 x one-stream rate / kernel rate busy lanes.
constexpr int kMinLanesMd5 = 3;
constexpr int kMinLanesSha1 = 7;
constexpr int kMinLanesSha256 = 8;

// Compresses left[k] blocks at ptr[k] into *st[k], for k < n: the lanes with blocks left go
// through `wide` (width_for(lanes) of them at a time; 0: no SIMD kernel) while at least
// `min_lanes` have blocks left, the rest through `one`.
template <typename State, typename WidthFor, typename Wide, typename One>
void CompressAll(State* const* st, const uint8_t* const* ptr_in, const size_t* left_in, int n, int min_lanes,
                 WidthFor width_for, Wide wide, One one) {
  const uint8_t* ptr[DigestLanes::kMaxLanes];
  size_t left[DigestLanes::kMaxLanes];
  std::copy(ptr_in, ptr_in + n, ptr);
  std::copy(left_in, left_in + n, left);
  for (;;) {
    int act[DigestLanes::kMaxLanes];
    int m = 0;
    for (int k = 0; k < n; ++k) {
      if (left[k] > 0) act[m++] = k;
    }
    if (m == 0) return;
    const int width = width_for(m);
    if (width == 0 || m < min_lanes) {
      for (int j = 0; j < m; ++j) one(*st[act[j]], ptr[act[j]], left[act[j]]);
      return;
    }
    const int take = std::min(m, width);
    size_t blocks = SIZE_MAX;
    for (int j = 0; j < take; ++j) blocks = std::min(blocks, left[act[j]]);
    State s[DigestLanes::kMaxLanes];
    const uint8_t* p[DigestLanes::kMaxLanes];
    for (int j = 0; j < width; ++j) {
      // Idle kernel lanes hash some busy lane's bytes again (it has `blocks` of them); discarded.
      s[j] = j < take ? *st[act[j]] : State{};
      p[j] = j < take ? ptr[act[j]] : ptr[act[0]];
    }
    wide(s, p, blocks, width);
    for (int j = 0; j < take; ++j) {
      *st[act[j]] = s[j];
      ptr[act[j]] += 64 * blocks;
      left[act[j]] -= blocks;
    }
  }
}

void PutBe32(uint8_t* p, uint32_t v) {
  p[0] = static_cast<uint8_t>(v >> 24);
  p[1] = static_cast<uint8_t>(v >> 16);
  p[2] = static_cast<uint8_t>(v >> 8);
  p[3] = static_cast<uint8_t>(v);
}

}  // namespace

void DigestLanes::Reset(int lane) {
  Lane& l = lanes_[static_cast<size_t>(lane)];
  l = Lane();
  l.md5 = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  l.sha1 = kSha1Init;
  l.sha256 = kSha256Init;
}

void DigestLanes::Submit(int lane, std::span<const uint8_t> data) {
  Lane& l = lanes_[static_cast<size_t>(lane)];
  l.length += data.size();
  if (l.partial_len > 0) {
    const size_t take = std::min(data.size(), 64 - l.partial_len);
    std::memcpy(l.partial.data() + l.partial_len, data.data(), take);
    l.partial_len += take;
    data = data.subspan(take);
    if (l.partial_len < 64) return;
    Md5CompressScalar(l.md5, l.partial.data(), 1);
    Sha1CompressBlocks(l.sha1, l.partial.data(), 1);
    Sha256CompressBlocks(l.sha256, l.partial.data(), 1);
    l.partial_len = 0;
  }
  l.pending = data.data();
  l.pending_blocks = data.size() / 64;
  const size_t tail = data.size() % 64;
  std::memcpy(l.partial.data(), data.data() + data.size() - tail, tail);
  l.partial_len = tail;
}

void DigestLanes::Flush() {
  Md5State* md5[kMaxLanes];
  Sha1State* sha1[kMaxLanes];
  Sha256State* sha256[kMaxLanes];
  const uint8_t* ptr[kMaxLanes];
  size_t blocks[kMaxLanes];
  int n = 0;
  for (Lane& l : lanes_) {
    if (l.pending_blocks == 0) continue;
    md5[n] = &l.md5;
    sha1[n] = &l.sha1;
    sha256[n] = &l.sha256;
    ptr[n] = l.pending;
    blocks[n] = l.pending_blocks;
    ++n;
    l.pending_blocks = 0;
  }
  if (n == 0) return;
  const bool simd = simd_;
  size_t total = 0;
  for (int k = 0; k < n; ++k) total += blocks[k];
  // SHA on the helper thread only where it would run one stream at a time anyway.
  const bool split = n <= 2 && split_blocks_ > 0 && total >= split_blocks_ &&
                     Post([&] {
                       for (int k = 0; k < n; ++k) {
                         Sha1CompressBlocks(*sha1[k], ptr[k], blocks[k]);
                         Sha256CompressBlocks(*sha256[k], ptr[k], blocks[k]);
                       }
                     });
  // The three digests one after the other: each kernel keeps its state in registers for a run of
  // blocks, and a round's chunks (16 x 128 KiB at most) stay in the L2/L3 caches between them.
  CompressAll(
      md5, ptr, blocks, n, kMinLanesMd5,
      [simd](int m) { return !simd ? 0 : Md5SimdLanes() == 16 ? (m <= 8 ? 8 : 16) : Md5SimdLanes() == 8 ? 8 : 0; },
      [](Md5State* s, const uint8_t* const* p, size_t b, int width) {
        if (width == 16) Md5Compress16(s, p, b);
        else Md5Compress8(s, p, b);
      },
      [](Md5State& s, const uint8_t* p, size_t b) { Md5CompressScalar(s, p, b); });
  if (split) {
    Wait();
    return;
  }
  const int sha_width = simd && ShaHas16Lanes() ? 16 : 0;
  CompressAll(
      sha1, ptr, blocks, n, kMinLanesSha1, [sha_width](int) { return sha_width; },
      [](Sha1State* s, const uint8_t* const* p, size_t b, int) { Sha1Compress16(s, p, b); },
      [](Sha1State& s, const uint8_t* p, size_t b) { Sha1CompressBlocks(s, p, b); });
  CompressAll(
      sha256, ptr, blocks, n, kMinLanesSha256, [sha_width](int) { return sha_width; },
      [](Sha256State* s, const uint8_t* const* p, size_t b, int) { Sha256Compress16(s, p, b); },
      [](Sha256State& s, const uint8_t* p, size_t b) { Sha256CompressBlocks(s, p, b); });
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
    Md5CompressScalar(l.md5, l.pending, l.pending_blocks);
    Sha1CompressBlocks(l.sha1, l.pending, l.pending_blocks);
    Sha256CompressBlocks(l.sha256, l.pending, l.pending_blocks);
    l.pending_blocks = 0;
  }
  // Padding: 0x80, zeros, the length in bits in the last 8 bytes (MD5 little-endian, SHA big-endian).
  uint8_t block[128] = {};
  std::memcpy(block, l.partial.data(), l.partial_len);
  block[l.partial_len] = 0x80;
  const size_t total = l.partial_len + 1 + 8 <= 64 ? 64 : 128;
  const uint64_t bits = l.length * 8;
  uint8_t sha_block[128];
  std::memcpy(sha_block, block, sizeof block);
  for (int i = 0; i < 8; ++i) {
    block[total - 8 + i] = static_cast<uint8_t>(bits >> (8 * i));
    sha_block[total - 1 - i] = static_cast<uint8_t>(bits >> (8 * i));
  }
  Md5CompressScalar(l.md5, block, total / 64);
  Sha1CompressBlocks(l.sha1, sha_block, total / 64);
  Sha256CompressBlocks(l.sha256, sha_block, total / 64);

  Digests d;
  uint8_t md5[16];
  const uint32_t words[4] = {l.md5.a, l.md5.b, l.md5.c, l.md5.d};
  for (int w = 0; w < 4; ++w) {
    for (int i = 0; i < 4; ++i) md5[4 * w + i] = static_cast<uint8_t>(words[w] >> (8 * i));
  }
  d.md5 = ToHex(md5);
  uint8_t sha1[20];
  for (int w = 0; w < 5; ++w) PutBe32(sha1 + 4 * w, l.sha1.h[w]);
  d.sha1 = ToHex(sha1);
  uint8_t sha256[32];
  for (int w = 0; w < 8; ++w) PutBe32(sha256 + 4 * w, l.sha256.h[w]);
  d.sha256 = ToHex(sha256);
  return d;
}

}  // namespace ngb
