#include "hashset/pdq_index.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <numeric>

#include "hashset/pdq_kernels.h"

namespace ngb::hashset {
namespace {

constexpr char kPdqMagic[9] = "NGBPDQX1";
constexpr int kChunks = 8;
constexpr size_t kRestBytes = 28;  // chunks 1..7 of a row
constexpr unsigned kMinKeyBits = 1, kMaxKeyBits = 24;
constexpr unsigned kMaxIdBits = 32;

// ---- The bit permutation applied to every hash (stored and queried) before chunking. Hamming
// distance does not change; chunks of the permuted hash mix bits from all over the original one.
// Fixed by the format (version 1): a Fisher-Yates shuffle driven by splitmix64 from this seed.
constexpr uint64_t kPermutationSeed = 0x4e47422d50445131ull;  // "NGB-PDQ1"

uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

struct Permutation {
  // lut[byte][value]: where the set bits of `value` at hash byte `byte` land (256 KiB).
  std::array<std::array<std::array<uint64_t, 4>, 256>, 32> lut{};
  Permutation() {
    std::array<uint16_t, 256> to;
    std::iota(to.begin(), to.end(), 0);
    uint64_t state = kPermutationSeed;
    for (size_t i = to.size() - 1; i > 0; --i) std::swap(to[i], to[SplitMix64(state) % (i + 1)]);
    for (size_t byte = 0; byte < 32; ++byte) {
      for (unsigned value = 0; value < 256; ++value) {
        for (unsigned bit = 0; bit < 8; ++bit) {
          if (((value >> bit) & 1) == 0) continue;
          const unsigned dst = to[byte * 8 + bit];
          lut[byte][value][dst / 64] |= uint64_t{1} << (dst % 64);
        }
      }
    }
  }
};

// The permuted hash as 8 chunks of 32 bits.
void Permute(const Hash256& h, uint32_t out[kChunks]) {
  static const Permutation perm;
  uint64_t w[4] = {};
  for (size_t b = 0; b < 32; ++b) {
    const auto& e = perm.lut[b][h.bytes[b]];
    w[0] |= e[0];
    w[1] |= e[1];
    w[2] |= e[2];
    w[3] |= e[3];
  }
  std::memcpy(out, w, sizeof w);
}

// ---- Layout.
struct Shape {
  uint64_t n = 0;
  unsigned k = 0, pos_bits = 0, res_bits = 0, id_bits = 0;
  uint64_t dirs = 0, chunk0 = 0, rest = 0, tables = 0, ids = 0, total = 0;
  bool overflow = false;
};

Shape MakeShape(uint64_t n, unsigned k, unsigned id_bits) {
  Shape s;
  s.n = n;
  s.k = k;
  s.id_bits = id_bits;
  s.pos_bits = n < 2 ? 1 : static_cast<unsigned>(std::bit_width(n - 1));
  s.res_bits = std::min(32 - s.pos_bits, 32 - k);
  Layout layout;
  s.dirs = layout.Add(kChunks * ((uint64_t{1} << k) + 1), sizeof(uint32_t));
  s.chunk0 = layout.Add(n, sizeof(uint32_t));
  s.rest = layout.Add(n, kRestBytes);
  s.tables = layout.Add((kChunks - 1) * n, sizeof(uint32_t));
  s.ids = layout.Add((n * id_bits + 7) / 8, 1, 8);  // + 8: ids are read as 64-bit words
  s.total = layout.total();
  s.overflow = layout.overflow();
  return s;
}

// About 64 rows per bucket. Larger keys mean more probes (C(k, <=3) of them per chunk at
// distance 31), each a few cache misses; smaller ones more entries read per probe. Measured at
// 1 M random hashes: k = 13, 14, 15, 16: ~250, ~120, ~138, ~260 us per query; at 4 M, k = 16
// beats 15 and 17 by 2x and 15 %.
unsigned KeyBitsFor(uint64_t n) {
  const long log = n < 2 ? 0 : std::lround(std::log2(static_cast<double>(n)));
  return static_cast<unsigned>(std::clamp<long>(log - 6, 4, kMaxKeyBits));
}

PdqIndex::View MakeView(const Shape& s, const uint8_t* base) {
  PdqIndex::View v;
  v.n = s.n;
  v.k = s.k;
  v.pos_bits = s.pos_bits;
  v.res_bits = s.res_bits;
  v.id_bits = s.id_bits;
  v.dirs = reinterpret_cast<const uint32_t*>(base + s.dirs);
  v.chunk0 = reinterpret_cast<const uint32_t*>(base + s.chunk0);
  v.rest = base + s.rest;
  v.tables = reinterpret_cast<const uint32_t*>(base + s.tables);
  v.ids = base + s.ids;
  return v;
}

inline uint32_t IdAt(const PdqIndex::View& v, uint64_t row) {
  const uint64_t bit = row * v.id_bits;
  uint64_t w;
  std::memcpy(&w, v.ids + bit / 8, sizeof w);
  return static_cast<uint32_t>((w >> (bit % 8)) & ((uint64_t{1} << v.id_bits) - 1));
}

inline void PutId(uint8_t* ids, unsigned id_bits, uint64_t row, uint32_t id) {
  const uint64_t bit = row * id_bits;
  uint64_t w;
  std::memcpy(&w, ids + bit / 8, sizeof w);
  w |= uint64_t{id} << (bit % 8);
  std::memcpy(ids + bit / 8, &w, sizeof w);
}

// Thresholds t[i] with sum(t[i] + 1) = d + 1: a hash within d has a chunk i within t[i] (if all
// chunks differed by more, the distance would be at least d + 1). t[i] = -1: chunk i never needs
// a probe.
void Thresholds(int d, int t[kChunks]) {
  const int base = (d + 1) / kChunks, extra = (d + 1) % kChunks;
  for (int i = 0; i < kChunks; ++i) t[i] = base - 1 + (i < extra ? 1 : 0);
}

uint64_t Binomial(unsigned n, unsigned r) {
  uint64_t c = 1;
  for (unsigned i = 1; i <= r; ++i) c = c * (n - r + i) / i;
  return c;
}

// Index or scan: estimated work in units of one table entry filtered. A probe costs a directory
// read and the cache misses of a bucket's first lines; a scanned row is 32 bytes read in
// sequence. Calibrated on 1 M random hashes (AVX-512), where the scan wins from d ~ 45 on
// (index vs scan: d = 40: 0.7 vs 1.0 ms, d = 48: 1.9 vs 1.5 ms, d = 64: 19 vs 1.4 ms).
bool IndexIsCheaper(const PdqIndex::View& v, int d) {
  constexpr double kProbe = 24, kRow = 2;
  int t[kChunks];
  Thresholds(d, t);
  const double per_bucket = static_cast<double>(v.n) / static_cast<double>(uint64_t{1} << v.k);
  double probes = 0;
  for (int i = 0; i < kChunks; ++i) {
    for (int f = 0; f <= std::min<int>(t[i], static_cast<int>(v.k)); ++f) probes += Binomial(v.k, f);
  }
  return probes * (kProbe + per_bucket) < static_cast<double>(v.n) * kRow;
}

// Every k-bit mask with exactly f bits set (Gosper's hack), in increasing order.
template <typename F>
inline void ForEachMask(unsigned k, int f, F&& fn) {
  if (f == 0) {
    fn(0u);
    return;
  }
  const uint64_t limit = uint64_t{1} << k;
  for (uint64_t m = (uint64_t{1} << f) - 1; m < limit;) {
    fn(static_cast<uint32_t>(m));
    const uint64_t c = m & (~m + 1), r = m + c;
    m = (((r ^ m) >> 2) / c) | r;
  }
}

// popcount: the instruction where the CPU has it (the default x86-64 target does not assume it,
// and the library call is several times slower), the portable form elsewhere. kHw only when
// pdq::BestIsa() says the CPU has it.
template <bool kHw>
inline int Pop32(uint32_t x) {
#if defined(__x86_64__)
  if constexpr (kHw) {
    uint32_t r;
    asm("popcntl %1, %0" : "=r"(r) : "r"(x));
    return static_cast<int>(r);
  }
#endif
  return std::popcount(x);
}
struct Probe {
  uint32_t key;
  int32_t budget;  // bits the rest of the chunk may still differ
};

// Probes buckets in order, scan(lo, hi, budget) on each: directory slots are prefetched
// 2 * kLead probes ahead and the bucket's entries kLead ahead, so the cache misses of many
// probes overlap (a bucket scan alone is too short to hide one).
template <typename Scan>
inline void RunProbes(const uint32_t* dir, const std::vector<Probe>& probes, const uint32_t* entries,
                      Scan&& scan) {
  constexpr size_t kLead = 16;
  constexpr uint32_t kLine = 64 / sizeof(uint32_t);
  const size_t np = probes.size();
  for (size_t j = 0; j < np + 2 * kLead; ++j) {
    if (j < np) __builtin_prefetch(dir + probes[j].key);
    if (j >= kLead && j - kLead < np) {
      const uint32_t key = probes[j - kLead].key;
      const uint32_t lo = dir[key], hi = std::min(dir[key + 1], lo + 4 * kLine);
      for (uint32_t at = lo; at < hi; at += kLine) __builtin_prefetch(entries + at);
    }
    if (j >= 2 * kLead && j - 2 * kLead < np) {
      const Probe& p = probes[j - 2 * kLead];
      scan(dir[p.key], dir[p.key + 1], p.budget);
    }
  }
}

// Calls emit(row, distance) for every row within d of the (permuted) query, through the tables.
template <bool kHw, typename Emit>
void IndexSearch(const PdqIndex::View& v, const uint32_t q[kChunks], int d, pdq::FilterFn filter, Emit&& emit) {
  int t[kChunks];
  Thresholds(d, t);
  const uint64_t buckets = uint64_t{1} << v.k;
  const unsigned key_shift = 32 - v.k, res_shift = 32 - v.k - v.res_bits;
  const uint32_t res_mask = (uint32_t{1} << v.res_bits) - 1;
  const uint32_t pos_mask = (uint32_t{1} << v.pos_bits) - 1;
  std::vector<Probe> probes;
  std::vector<uint32_t> rows;  // candidate rows of the current chunk
  for (int i = 0; i < kChunks; ++i) {
    if (t[i] < 0) continue;
    const uint32_t qkey = q[i] >> key_shift;
    const int radius = std::min<int>(t[i], static_cast<int>(v.k));
    // Chunk 0's "table" is the rows' chunk itself: compare all of it, within t[0]. The others
    // hold the chunk bits after the key, which may differ by what the key has not used.
    auto budget_after = [&](int f) { return i == 0 ? t[0] : t[i] - f; };
    const uint32_t* dir = v.dirs + static_cast<size_t>(i) * (buckets + 1);
    const uint32_t* entries = i == 0 ? v.chunk0 : v.tables + static_cast<size_t>(i - 1) * v.n;
    const unsigned shift = i == 0 ? 0 : v.pos_bits;
    const uint32_t qbits = i == 0 ? q[0] : (q[i] >> res_shift) & res_mask;
    const uint32_t row_mask = i == 0 ? 0 : pos_mask;
    size_t count = 0;
    auto scan = [&](uint32_t lo, uint32_t hi, int32_t budget) {
      if (rows.size() < count + (hi - lo)) rows.resize(std::max(2 * rows.size(), count + (hi - lo)));
      count += filter(entries, lo, hi, shift, qbits, budget, row_mask, rows.data() + count);
    };
    uint64_t probe_count = 0;
    for (int f = 0; f <= radius; ++f) probe_count += Binomial(v.k, static_cast<unsigned>(f));
    if (probe_count * 4 > buckets) {
      // Most buckets qualify (large distances): walk them all in order, no probe list.
      for (uint32_t key = 0; key < buckets; ++key) {
        const int f = std::popcount(key ^ qkey);
        if (f <= radius) scan(dir[key], dir[key + 1], budget_after(f));
      }
    } else {
      probes.clear();
      for (int f = 0; f <= radius; ++f) {
        ForEachMask(v.k, f, [&](uint32_t m) { probes.push_back({qkey ^ m, budget_after(f)}); });
      }
      RunProbes(dir, probes, entries, scan);
    }
    // Verify on the full hash. A row is reported from the first chunk in which it qualifies
    // only, so exactly once (each chunk's probes find every row qualifying in that chunk).
    constexpr size_t kLead = 8;
    for (size_t c = 0; c < count; ++c) {
      if (c + kLead < count && rows[c + kLead] < v.n) {
        __builtin_prefetch(v.rest + static_cast<size_t>(rows[c + kLead]) * kRestBytes);
        __builtin_prefetch(v.chunk0 + rows[c + kLead]);
      }
      const uint32_t row = rows[c];
      if (row >= v.n) continue;  // a corrupt file may point anywhere
      uint32_t h[kChunks];
      h[0] = v.chunk0[row];
      std::memcpy(&h[1], v.rest + static_cast<size_t>(row) * kRestBytes, kRestBytes);
      int dist[kChunks], total = 0;
      for (int j = 0; j < kChunks; ++j) total += dist[j] = Pop32<kHw>(h[j] ^ q[j]);
      if (total > d || dist[i] > t[i]) continue;
      bool earlier = false;
      for (int j = 0; j < i; ++j) earlier |= dist[j] <= t[j];
      if (!earlier) emit(row, total);
    }
  }
}

// Calls emit(row, distance) for every row within d, reading every row.
template <typename Emit>
void LinearSearch(const PdqIndex::View& v, const uint32_t q[kChunks], int d, pdq::ScanFn scan, Emit&& emit) {
  constexpr uint32_t kBlock = 4096;
  std::vector<uint32_t> rows(kBlock);
  std::vector<uint16_t> dists(kBlock);
  const auto n = static_cast<uint32_t>(v.n);
  for (uint32_t begin = 0; begin < n; begin += std::min(kBlock, n - begin)) {
    const size_t found = scan(v.chunk0, v.rest, begin, begin + std::min(kBlock, n - begin), q, d, rows.data(),
                              dists.data());
    for (size_t i = 0; i < found; ++i) emit(rows[i], dists[i]);
  }
}

template <bool kHw, typename Emit>
void SearchWith(const PdqIndex::View& v, const uint32_t q[kChunks], int d, bool index, pdq::Isa isa, Emit&& emit) {
  if (index) IndexSearch<kHw>(v, q, d, pdq::FilterFor(isa), emit);
  else LinearSearch(v, q, d, pdq::ScanFor(isa), emit);
}

}  // namespace

Result<PdqIndex> PdqIndex::Build(std::span<const Hash256> hashes, std::span<const uint32_t> ids) {
  const uint64_t n = hashes.size();
  if (ids.size() != n) return Status::Error("invalid_argument", "hashes and ids differ in count");
  if (n > kMaxEntries) return Status::Error("index_too_large", std::to_string(n) + " hashes");
  const uint32_t max_id = ids.empty() ? 0 : *std::max_element(ids.begin(), ids.end());
  const unsigned id_bits = std::max(1u, static_cast<unsigned>(std::bit_width(max_id)));
  const Shape s = MakeShape(n, KeyBitsFor(n), id_bits);
  if (s.overflow) return Status::Error("index_too_large", std::to_string(n) + " hashes");
  Result<IndexBytes> bytes = IndexBytes::Allocate(s.total);
  if (!bytes.ok()) return bytes.status();
  uint8_t* base = bytes->mutable_data();
  auto* dirs = reinterpret_cast<uint32_t*>(base + s.dirs);
  auto* chunk0 = reinterpret_cast<uint32_t*>(base + s.chunk0);
  uint8_t* rest = base + s.rest;
  auto* tables = reinterpret_cast<uint32_t*>(base + s.tables);

  const uint64_t buckets = uint64_t{1} << s.k;
  const unsigned key_shift = 32 - s.k, res_shift = 32 - s.k - s.res_bits;
  const uint32_t res_mask = (uint32_t{1} << s.res_bits) - 1;
  std::vector<uint32_t> cursor(buckets);
  // Stable counting sort of `count` keys into dir (2^k + 1 offsets); place(i, slot) puts item i.
  auto bucket_sort = [&](uint32_t* dir, auto&& key_of, auto&& place) {
    for (uint64_t i = 0; i < n; ++i) ++dir[key_of(i) + 1];
    for (uint64_t b = 0; b < buckets; ++b) dir[b + 1] += dir[b];
    std::copy(dir, dir + buckets, cursor.begin());
    for (uint64_t i = 0; i < n; ++i) place(i, cursor[key_of(i)]++);
  };

  // Rows in chunk 0's key order: chunk 0's directory then indexes the rows directly. Hashes are
  // permuted on the fly (twice each) rather than into a temporary copy: allocating and touching
  // n * 32 more bytes costs more than the permutations.
  uint32_t perm[kChunks];
  uint64_t perm_of = UINT64_MAX;
  auto permuted = [&](uint64_t i) -> const uint32_t* {
    if (i != perm_of) Permute(hashes[i], perm);
    perm_of = i;
    return perm;
  };
  bucket_sort(
      dirs, [&](uint64_t i) { return permuted(i)[0] >> key_shift; },
      [&](uint64_t i, uint32_t row) {
        chunk0[row] = permuted(i)[0];
        std::memcpy(rest + uint64_t{row} * kRestBytes, permuted(i) + 1, kRestBytes);
        PutId(base + s.ids, id_bits, row, ids[i]);
      });
  for (int c = 1; c < kChunks; ++c) {
    auto chunk_of = [&](uint64_t row) {
      uint32_t x;
      std::memcpy(&x, rest + row * kRestBytes + (c - 1) * sizeof x, sizeof x);
      return x;
    };
    uint32_t* table = tables + (c - 1) * n;
    bucket_sort(
        dirs + c * (buckets + 1), [&](uint64_t row) { return chunk_of(row) >> key_shift; },
        [&](uint64_t row, uint32_t slot) {
          table[slot] = ((chunk_of(row) >> res_shift) & res_mask) << s.pos_bits | static_cast<uint32_t>(row);
        });
  }
  SealHeader(*bytes, kPdqMagic, kVersion, {n, s.k, id_bits});
  return Adopt(std::move(*bytes));
}

Result<PdqIndex> PdqIndex::Open(const std::string& path) { return AdoptBytes(IndexBytes::MapFile(path), Adopt); }

Result<PdqIndex> PdqIndex::FromBytes(std::span<const uint8_t> bytes) {
  return AdoptBytes(IndexBytes::CopyOf(bytes), Adopt);
}

Result<PdqIndex> PdqIndex::Adopt(IndexBytes bytes) {
  IndexHeader h;
  if (Status st = CheckHeader(bytes.bytes(), kPdqMagic, kVersion, &h); !st.ok()) return st;
  const uint64_t n = h.params[0], k = h.params[1], id_bits = h.params[2];
  if (n > kMaxEntries || k < kMinKeyBits || k > kMaxKeyBits || id_bits < 1 || id_bits > kMaxIdBits) {
    return Status::Error("index_corrupt", "parameters out of range");
  }
  const Shape s = MakeShape(n, static_cast<unsigned>(k), static_cast<unsigned>(id_bits));
  if (s.overflow || s.total != bytes.size()) {
    return Status::Error("index_corrupt", "size does not match the parameters");
  }
  // Each directory must run from 0 to n without decreasing: then every bucket lies inside its
  // table, whatever else the file holds.
  const PdqIndex::View v = MakeView(s, bytes.data());
  const uint64_t buckets = uint64_t{1} << k;
  for (int c = 0; c < kChunks; ++c) {
    const uint32_t* dir = v.dirs + c * (buckets + 1);
    bool sane = dir[0] == 0 && dir[buckets] == n;
    for (uint64_t b = 0; sane && b < buckets; ++b) sane = dir[b] <= dir[b + 1];
    if (!sane) return Status::Error("index_corrupt", "bucket directory " + std::to_string(c) + " is not consistent");
  }
  PdqIndex index;
  index.v_ = v;
  index.n_ = n;
  index.k_ = static_cast<unsigned>(k);
  index.bytes_ = std::move(bytes);  // the block does not move: the view stays valid
  return index;
}

Status PdqIndex::Save(const std::string& path) const { return WriteFileAtomic(path, bytes_.bytes()); }

Status PdqIndex::VerifyChecksum() const { return VerifyBody(bytes_.bytes()); }

void PdqIndex::Search(const Hash256& query, int max_distance, uint16_t query_index, PdqSearch mode,
                      std::vector<Row>* rows) const {
  if (max_distance < 0 || n_ == 0) return;
  const int d = std::min(max_distance, 256);
  uint32_t q[kChunks];
  Permute(query, q);
  // At 256 every row matches; the thresholds are defined up to 255.
  const bool index = d < 256 && (mode == PdqSearch::kIndex || (mode == PdqSearch::kAuto && IndexIsCheaper(v_, d)));
  auto emit = [&](uint32_t row, int distance) {
    rows->push_back({row, static_cast<uint16_t>(distance), query_index});
  };
  const pdq::Isa isa = pdq::BestIsa();
  if (isa != pdq::Isa::kPortable) SearchWith<true>(v_, q, d, index, isa, emit);
  else SearchWith<false>(v_, q, d, index, isa, emit);
}

namespace {
bool ByDistanceThenId(const PdqMatch& a, const PdqMatch& b) {
  return a.distance != b.distance ? a.distance < b.distance : a.id < b.id;
}
}  // namespace

void PdqIndex::Query(const Hash256& query, int max_distance, std::vector<PdqMatch>* matches,
                     PdqSearch mode) const {
  std::vector<Row> rows;
  Search(query, max_distance, 0, mode, &rows);
  matches->clear();
  matches->reserve(rows.size());
  for (const Row& r : rows) matches->push_back({IdAt(v_, r.row), r.distance, 0});
  std::sort(matches->begin(), matches->end(), ByDistanceThenId);
}

void PdqIndex::QueryAny(std::span<const Hash256> queries, int max_distance, std::vector<PdqMatch>* matches,
                        PdqSearch mode) const {
  std::vector<Row> rows;
  const size_t count = std::min<size_t>(queries.size(), 65535);
  for (size_t i = 0; i < count; ++i) Search(queries[i], max_distance, static_cast<uint16_t>(i), mode, &rows);
  matches->clear();
  matches->reserve(rows.size());
  for (const Row& r : rows) matches->push_back({IdAt(v_, r.row), r.distance, r.query});
  // Per id: the smallest distance, and of those the first query.
  std::sort(matches->begin(), matches->end(), [](const PdqMatch& a, const PdqMatch& b) {
    if (a.id != b.id) return a.id < b.id;
    return a.distance != b.distance ? a.distance < b.distance : a.query < b.query;
  });
  matches->erase(std::unique(matches->begin(), matches->end(),
                             [](const PdqMatch& a, const PdqMatch& b) { return a.id == b.id; }),
                 matches->end());
  std::sort(matches->begin(), matches->end(), ByDistanceThenId);
}

}  // namespace ngb::hashset
