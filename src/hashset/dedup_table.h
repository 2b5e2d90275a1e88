// DedupTable<N>: the in-memory set of N-byte digests seen so far in one import, each mapped to
// the local number of the entry that holds it. Used to merge duplicate records while streaming
// (the library keeps no SQLite index on digests during a bulk import).
//
// Memory: N + 20 bytes per digest (values, owners, and an at most half-full table of 8-byte
// slots; a slot keeps 32 bits of the digest's hash, so probing rarely touches the values).
// Slots are placed by SipHash-2-4 under a random per-process key, so a hostile hash set cannot
// pick digests that collide in the table and make inserts quadratic. Not thread-safe.
#pragma once
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <random>
#include <vector>

namespace ngb::hashset {

// SipHash-2-4 (Aumasson & Bernstein) of `n` bytes under a 128-bit key.
inline uint64_t SipHash24(const uint8_t* data, size_t n, uint64_t k0, uint64_t k1) {
  auto rotl = [](uint64_t x, int b) { return (x << b) | (x >> (64 - b)); };
  uint64_t v0 = 0x736f6d6570736575ULL ^ k0, v1 = 0x646f72616e646f6dULL ^ k1;
  uint64_t v2 = 0x6c7967656e657261ULL ^ k0, v3 = 0x7465646279746573ULL ^ k1;
  // clang-format off
  auto round = [&] {
    v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);
    v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;
    v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;
    v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);
  };
  // clang-format on
  const size_t whole = n & ~size_t{7};
  for (size_t i = 0; i < whole; i += 8) {
    uint64_t m;
    std::memcpy(&m, data + i, 8);  // little-endian hosts (x86-64, arm64) as the reference
    v3 ^= m;
    round();
    round();
    v0 ^= m;
  }
  uint64_t last = static_cast<uint64_t>(n) << 56;
  for (size_t i = whole; i < n; ++i) last |= static_cast<uint64_t>(data[i]) << (8 * (i - whole));
  v3 ^= last;
  round();
  round();
  v0 ^= last;
  v2 ^= 0xff;
  for (int i = 0; i < 4; ++i) round();
  return v0 ^ v1 ^ v2 ^ v3;
}

template <size_t N>
class DedupTable {
 public:
  using Digest = std::array<uint8_t, N>;
  static constexpr uint32_t kNone = UINT32_MAX;

  DedupTable() {
    std::random_device rd;
    k0_ = (static_cast<uint64_t>(rd()) << 32) ^ rd();
    k1_ = (static_cast<uint64_t>(rd()) << 32) ^ rd();
  }

  // Where `d` is, or would go: `owner` is the entry holding it (kNone if none), and `slot` the
  // empty slot an Insert would fill then.
  struct Probe {
    uint32_t owner = kNone;
    uint64_t tag = 0;
    size_t slot = 0;
  };
  Probe Lookup(const Digest& d) const {
    Probe p;
    if (!slots_) return p;
    p.tag = Hash(d) & kTagMask;
    for (size_t i = Home(p.tag);; i = (i + 1) & mask_) {
      const uint64_t s = slots_[i];
      if (s == 0) {
        p.slot = i;
        return p;
      }
      if ((s & kTagMask) == p.tag) {
        const uint32_t v = static_cast<uint32_t>(s) - 1;
        if (std::memcmp(values_[v].data(), d.data(), N) == 0) {
          p.owner = owners_[v];
          return p;
        }
      }
    }
  }
  // The entry holding `d`, or kNone.
  uint32_t Find(const Digest& d) const { return Lookup(d).owner; }

  // Records that `entry` holds `d`. REQUIRES: Find(d) == kNone.
  void Insert(const Digest& d, uint32_t entry) { Insert(d, entry, Lookup(d)); }
  // The same with the Lookup(d) already done (the table unchanged since): no second hash or probe.
  void Insert(const Digest& d, uint32_t entry, const Probe& p) {
    values_.push_back(d);
    owners_.push_back(entry);
    const uint64_t slot = (slots_ ? p.tag : (Hash(d) & kTagMask)) | values_.size();
    if (!slots_ || values_.size() * 2 > mask_ + 1) {
      Grow();
      Place(slot);
    } else {
      slots_[p.slot] = slot;
    }
  }
  size_t size() const { return values_.size(); }

 private:
  // A slot: bits 32..63 of the digest's hash (the tag, which also gives the home position, so
  // growing never rehashes nor touches the values) | 1 + index into values_/owners_.
  static constexpr uint64_t kTagMask = 0xFFFFFFFF00000000ULL;
  struct Free {
    void operator()(uint64_t* p) const { std::free(p); }
  };

  uint64_t Hash(const Digest& d) const { return SipHash24(d.data(), N, k0_, k1_); }
  size_t Home(uint64_t tag) const { return (tag >> 32) & mask_; }
  void Place(uint64_t slot) {
    size_t i = Home(slot & kTagMask);
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
  void Grow() {
    const size_t old_size = slots_ ? mask_ + 1 : 0;
    const size_t n = old_size ? old_size * 2 : 1024;
    // calloc: fresh pages come zeroed from the kernel, no memset of the whole table.
    std::unique_ptr<uint64_t[], Free> old(std::move(slots_));
    slots_.reset(static_cast<uint64_t*>(std::calloc(n, sizeof(uint64_t))));
    if (!slots_) throw std::bad_alloc();
    mask_ = n - 1;
    for (size_t i = 0; i < old_size; ++i) {
      if (old[i] != 0) Place(old[i]);
    }
  }

  std::vector<Digest> values_;
  std::vector<uint32_t> owners_;
  std::unique_ptr<uint64_t[], Free> slots_;  // 0: empty
  size_t mask_ = 0;
  uint64_t k0_ = 0, k1_ = 0;
};

}  // namespace ngb::hashset
