#include "hashset/digest_index.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <new>

namespace ngb::hashset {
namespace {

constexpr char kDigestMagic[9] = "NGBDIGX1";
constexpr unsigned kMaxDirBits = 28;

// A record as stored: the digest, then its id. Width is a multiple of 4, so no padding.
template <size_t W>
struct Record {
  uint8_t digest[W];
  uint32_t id;
};
static_assert(sizeof(Record<16>) == 20 && sizeof(Record<20>) == 24 && sizeof(Record<32>) == 36);

struct Params {
  size_t width = 0;
  uint64_t count = 0;
  unsigned dir_bits = 0;
  uint64_t dir_offset = 0, records_offset = 0, total = 0;
  bool overflow = false;
};

Params MakeLayout(size_t width, uint64_t count, unsigned dir_bits) {
  Params p{width, count, dir_bits};
  Layout layout;
  p.dir_offset = layout.Add((uint64_t{1} << dir_bits) + 1, sizeof(uint32_t));
  p.records_offset = layout.Add(count, width + 4);
  p.total = layout.total();
  p.overflow = layout.overflow();
  return p;
}

// About two records per directory slot (a 4-byte slot per ~2 records): a lookup reads one slot
// and then one or two adjacent records. (Tried: 16-32 records per slot, a directory small enough
// to stay in cache and interpolation inside the slot; 1.7x slower, the guesses miss by a line.)
unsigned DirBitsFor(uint64_t count) {
  if (count < 4) return 0;
  return std::min<unsigned>(static_cast<unsigned>(std::bit_width(count)) - 1, kMaxDirBits);
}

// The first 8 bytes as a big-endian number: ordering by it is byte-wise (lexicographic) order.
inline uint64_t Prefix64(const uint8_t* d) {
  uint64_t v;
  std::memcpy(&v, d, sizeof v);
  return __builtin_bswap64(v);
}

inline uint32_t Slot(const uint8_t* digest, unsigned bits) {
  return bits == 0 ? 0 : static_cast<uint32_t>(Prefix64(digest) >> (64 - bits));
}

template <size_t W>
inline int Compare(const uint8_t* a, const uint8_t* b) {
  const uint64_t x = Prefix64(a), y = Prefix64(b);
  if (x != y) return x < y ? -1 : 1;
  return std::memcmp(a + 8, b + 8, W - 8);
}

template <size_t W>
inline uint32_t IdAt(const uint8_t* rec) {
  uint32_t id;
  std::memcpy(&id, rec + W, sizeof id);
  return id;
}

// Calls emit(id) for every record of slot range [lo, hi) whose digest equals `q`, ascending.
template <size_t W, typename Emit>
inline void SearchSlot(const uint8_t* records, uint32_t lo, uint32_t hi, const uint8_t* q, Emit&& emit) {
  constexpr size_t S = W + 4;
  const uint32_t end = hi;
  while (hi - lo > 8) {  // long ranges only come from skewed or duplicate-heavy sets
    const uint32_t mid = lo + (hi - lo) / 2;
    if (Compare<W>(records + size_t{mid} * S, q) < 0) lo = mid + 1;
    else hi = mid;
  }
  while (lo < hi && Compare<W>(records + size_t{lo} * S, q) < 0) ++lo;
  for (; lo < end; ++lo) {
    const uint8_t* rec = records + size_t{lo} * S;
    if (Compare<W>(rec, q) != 0) break;
    emit(IdAt<W>(rec));
  }
}

// Sorts the records by (digest, id) into `out` and fills the directory. Two counting-sort passes,
// both cache-friendly: first by the top bits into at most 256 regions (256 sequential write
// streams), then each region, copied to a buffer that fits in cache, by its directory slots;
// a direct scatter over millions of slots would miss the cache twice per record. Each slot's
// few records are then sorted by (digest, id) so lookups and duplicate runs are deterministic.
template <size_t W>
Status BuildRecords(std::span<const uint8_t> digests, std::span<const uint32_t> ids, unsigned bits,
                    uint32_t* dir, uint8_t* out) {
  const size_t n = ids.size();
  auto* recs = reinterpret_cast<Record<W>*>(out);
  const unsigned top_bits = std::min(bits, 8u);
  const size_t regions = size_t{1} << top_bits;
  std::vector<size_t> region_start(regions + 1, 0);
  for (size_t i = 0; i < n; ++i) ++region_start[Slot(&digests[i * W], top_bits) + 1];
  for (size_t r = 0; r < regions; ++r) region_start[r + 1] += region_start[r];
  std::vector<size_t> cursor(region_start.begin(), region_start.end() - 1);
  for (size_t i = 0; i < n; ++i) {
    const uint8_t* d = &digests[i * W];
    Record<W>& rec = recs[cursor[Slot(d, top_bits)]++];
    std::memcpy(rec.digest, d, W);
    rec.id = ids[i];
  }

  const size_t slots_per_region = size_t{1} << (bits - top_bits);
  std::vector<Record<W>> buffer;
  auto less = [](const Record<W>& a, const Record<W>& b) {
    const int c = Compare<W>(a.digest, b.digest);
    return c != 0 ? c < 0 : a.id < b.id;
  };
  for (size_t r = 0; r < regions; ++r) {
    const size_t begin = region_start[r], end = region_start[r + 1];
    uint32_t* rdir = dir + r * slots_per_region;  // this region's slots; rdir[slots] is the next region's
    try {
      buffer.assign(recs + begin, recs + end);
    } catch (const std::bad_alloc&) {
      return Status::Error("out_of_memory", "sorting a hash set region");
    }
    std::fill(rdir, rdir + slots_per_region, 0);
    for (const Record<W>& rec : buffer) ++rdir[Slot(rec.digest, bits) % slots_per_region];
    uint32_t at = static_cast<uint32_t>(begin);
    for (size_t s = 0; s < slots_per_region; ++s) {  // counts -> starts
      const uint32_t count = rdir[s];
      rdir[s] = at;
      at += count;
    }
    for (const Record<W>& rec : buffer) recs[rdir[Slot(rec.digest, bits) % slots_per_region]++] = rec;
    // rdir[s] is now the end of slot s, i.e. the start of slot s + 1: shift back by one.
    for (size_t s = slots_per_region; s-- > 1;) rdir[s] = rdir[s - 1];
    rdir[0] = static_cast<uint32_t>(begin);
    for (size_t s = 0; s < slots_per_region; ++s) {
      const uint32_t lo = rdir[s], hi = s + 1 < slots_per_region ? rdir[s + 1] : static_cast<uint32_t>(end);
      if (hi - lo > 1) std::sort(recs + lo, recs + hi, less);
    }
  }
  dir[size_t{1} << bits] = static_cast<uint32_t>(n);
  return Status::Ok();
}

template <size_t W>
void FindBatchImpl(const uint32_t* dir, const uint8_t* records, unsigned bits, const uint8_t* qs,
                   size_t count, std::vector<DigestIndex::Hit>* hits) {
  // Three stages per query, kLead queries apart: prefetch the directory slot; read it and
  // prefetch the records it points to; search them. Each stage's memory is in cache by the time
  // the next one needs it, so the misses of ~2 * kLead queries overlap.
  constexpr size_t S = W + 4;
  constexpr size_t kLead = 12;
  constexpr size_t kRing = 32;
  static_assert(kRing >= 2 * kLead && (kRing & (kRing - 1)) == 0);
  std::array<uint32_t, kRing> lo{}, hi{};
  for (size_t i = 0; i < count + 2 * kLead; ++i) {
    if (i < count) __builtin_prefetch(dir + Slot(qs + i * W, bits));
    if (i >= kLead && i - kLead < count) {
      const size_t j = i - kLead;
      const uint32_t s = Slot(qs + j * W, bits);
      lo[j % kRing] = dir[s];
      hi[j % kRing] = dir[s + 1];
      if (dir[s + 1] > dir[s]) {  // an empty slot is a miss without touching the records
        __builtin_prefetch(records + size_t{dir[s]} * S);
        __builtin_prefetch(records + size_t{dir[s + 1]} * S - 1);
      }
    }
    if (i >= 2 * kLead) {
      const size_t j = i - 2 * kLead;
      const auto query = static_cast<uint32_t>(j);
      SearchSlot<W>(records, lo[j % kRing], hi[j % kRing], qs + j * W,
                    [&](uint32_t id) { hits->push_back({query, id}); });
    }
  }
}

// Calls f(std::integral_constant<size_t, W>) for the index width.
template <typename F>
void WithWidth(size_t width, F&& f) {
  switch (width) {
    case 16: f(std::integral_constant<size_t, 16>{}); break;
    case 20: f(std::integral_constant<size_t, 20>{}); break;
    case 32: f(std::integral_constant<size_t, 32>{}); break;
    default: break;
  }
}

bool ValidWidth(uint64_t w) { return w == 16 || w == 20 || w == 32; }

}  // namespace

Result<DigestIndex> DigestIndex::Build(size_t width, std::span<const uint8_t> digests,
                                       std::span<const uint32_t> ids) {
  if (!ValidWidth(width)) return Status::Error("invalid_argument", "digest width " + std::to_string(width));
  if (digests.size() / width != ids.size() || digests.size() % width != 0) {
    return Status::Error("invalid_argument", "digests and ids differ in count");
  }
  if (ids.size() > kMaxEntries) return Status::Error("index_too_large", std::to_string(ids.size()) + " entries");
  const Params p = MakeLayout(width, ids.size(), DirBitsFor(ids.size()));
  if (p.overflow) return Status::Error("index_too_large", std::to_string(ids.size()) + " entries");
  Result<IndexBytes> bytes = IndexBytes::Allocate(p.total);
  if (!bytes.ok()) return bytes.status();
  uint8_t* base = bytes->mutable_data();
  auto* dir = reinterpret_cast<uint32_t*>(base + p.dir_offset);
  Status built = Status::Ok();
  WithWidth(width, [&](auto w) {
    built = BuildRecords<decltype(w)::value>(digests, ids, p.dir_bits, dir, base + p.records_offset);
  });
  if (!built.ok()) return built;
  SealHeader(*bytes, kDigestMagic, kVersion, {width, ids.size(), p.dir_bits});
  return Adopt(std::move(*bytes));
}

Result<DigestIndex> DigestIndex::Open(const std::string& path) { return AdoptBytes(IndexBytes::MapFile(path), Adopt); }

Result<DigestIndex> DigestIndex::FromBytes(std::span<const uint8_t> bytes) {
  return AdoptBytes(IndexBytes::CopyOf(bytes), Adopt);
}

Result<DigestIndex> DigestIndex::Adopt(IndexBytes bytes) {
  IndexHeader h;
  if (Status s = CheckHeader(bytes.bytes(), kDigestMagic, kVersion, &h); !s.ok()) return s;
  const uint64_t width = h.params[0], count = h.params[1], bits = h.params[2];
  if (!ValidWidth(width) || count > kMaxEntries || bits > kMaxDirBits) {
    return Status::Error("index_corrupt", "parameters out of range");
  }
  const Params p = MakeLayout(width, count, static_cast<unsigned>(bits));
  if (p.overflow || p.total != bytes.size()) return Status::Error("index_corrupt", "size does not match the parameters");
  // The directory must be a non-decreasing sequence from 0 to count: then every slot range lies
  // inside the records, whatever else the file holds.
  const auto* dir = reinterpret_cast<const uint32_t*>(bytes.data() + p.dir_offset);
  const size_t slots = size_t{1} << bits;
  bool sane = dir[0] == 0 && dir[slots] == count;
  for (size_t s = 0; sane && s < slots; ++s) sane = dir[s] <= dir[s + 1];
  if (!sane) return Status::Error("index_corrupt", "directory is not consistent");

  DigestIndex index;
  index.width_ = width;
  index.count_ = count;
  index.dir_bits_ = static_cast<unsigned>(bits);
  index.dir_ = dir;
  index.records_ = bytes.data() + p.records_offset;
  index.bytes_ = std::move(bytes);  // the block does not move: the pointers stay valid
  return index;
}

Status DigestIndex::Save(const std::string& path) const { return WriteFileAtomic(path, bytes_.bytes()); }

Status DigestIndex::VerifyChecksum() const { return VerifyBody(bytes_.bytes()); }

void DigestIndex::Find(const uint8_t* digest, std::vector<uint32_t>* ids) const {
  ids->clear();
  const uint32_t s = Slot(digest, dir_bits_);
  WithWidth(width_, [&](auto w) {
    SearchSlot<decltype(w)::value>(records_, dir_[s], dir_[s + 1], digest,
                                   [&](uint32_t id) { ids->push_back(id); });
  });
}

bool DigestIndex::Contains(const uint8_t* digest) const {
  const uint32_t s = Slot(digest, dir_bits_);
  bool found = false;
  WithWidth(width_, [&](auto w) {
    SearchSlot<decltype(w)::value>(records_, dir_[s], dir_[s + 1], digest,
                                   [&](uint32_t) { found = true; });
  });
  return found;
}

void DigestIndex::FindBatch(const uint8_t* digests, size_t count, std::vector<Hit>* hits) const {
  hits->clear();
  WithWidth(width_, [&](auto w) {
    FindBatchImpl<decltype(w)::value>(dir_, records_, dir_bits_, digests, count, hits);
  });
}

}  // namespace ngb::hashset
