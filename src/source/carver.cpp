#include "source/carver.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace ngb::source {
namespace {

enum class Type { kNone, kJpeg, kPng, kGif, kPdf, kZip };

constexpr size_t kMaxSignature = 8;        // the longest signature checked in the scan buffer
constexpr size_t kFirstOwnRead = 512;      // a walker's first read past the scan buffer...
constexpr size_t kMaxOwnRead = 1u << 20;   // ...doubling up to this

uint16_t Be16(const uint8_t* p) { return static_cast<uint16_t>(p[0] << 8 | p[1]); }
uint32_t Be32(const uint8_t* p) {
  return uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | p[3];
}
uint16_t Le16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | p[1] << 8); }
uint32_t Le32(const uint8_t* p) { return Le16(p) | uint32_t{Le16(p + 2)} << 16; }
uint64_t Le64(const uint8_t* p) { return Le32(p) | uint64_t{Le32(p + 4)} << 32; }

// Reads [pos, pos + n) fully unless the input ends (short count) or fails (error).
Result<size_t> ReadFull(RandomAccess& in, uint64_t pos, uint8_t* buf, size_t n) {
  size_t got = 0;
  while (got < n) {
    Result<size_t> r = in.ReadAt(pos + got, buf + got, n - got);
    if (!r.ok()) return r.status();
    if (*r == 0) break;
    got += *r;
  }
  return got;
}

// Positioned access for the walkers, bounded by a limit (the range's end or the size cap). Bytes
// inside the scan buffer are served from it; others are read into a buffer of its own that starts
// small (false starts in hostile input cost one small read each) and doubles while a walk goes on.
// A read error ends the walk (the limit drops to that point) and is kept for the caller.
class Cursor {
 public:
  Cursor(RandomAccess& in, std::span<const uint8_t> view, uint64_t view_offset)
      : in_(in), view_(view), view_offset_(view_offset) {}

  void Begin(uint64_t limit) {
    limit_ = limit;
    next_read_ = kFirstOwnRead;
  }
  uint64_t limit() const { return limit_; }
  bool short_input() const { return short_input_; }
  const Status& error() const { return error_; }

  // At least one byte from pos (up to the limit); empty at or past the limit.
  std::span<const uint8_t> From(uint64_t pos) {
    if (pos >= limit_) return {};
    if (pos >= view_offset_ && pos - view_offset_ < view_.size()) {
      const uint64_t end = std::min<uint64_t>(view_offset_ + view_.size(), limit_);
      return view_.subspan(pos - view_offset_, end - pos);
    }
    if (!(pos >= own_offset_ && pos - own_offset_ < own_len_)) Fill(pos, 1);
    if (pos < own_offset_ || pos - own_offset_ >= own_len_) return {};
    const uint64_t end = std::min<uint64_t>(own_offset_ + own_len_, limit_);
    return {own_.data() + (pos - own_offset_), static_cast<size_t>(end - pos)};
  }

  // Bytes [pos, pos + n) contiguous (n <= 64), or nullptr when they pass the limit.
  const uint8_t* Get(uint64_t pos, size_t n) {
    if (pos > limit_ || limit_ - pos < n) return nullptr;
    std::span<const uint8_t> s = From(pos);
    if (s.size() >= n) return s.data();
    Fill(pos, n);  // straddles the scan buffer's end or the own buffer's: read it afresh
    if (pos < own_offset_ || own_len_ < n + (pos - own_offset_)) return nullptr;
    return own_.data() + (pos - own_offset_);
  }

 private:
  void Fill(uint64_t pos, size_t at_least) {
    const size_t want = static_cast<size_t>(
        std::min<uint64_t>(std::max(next_read_, at_least), limit_ - pos));
    next_read_ = std::min(next_read_ * 2, kMaxOwnRead);
    if (own_.size() < want) own_.resize(std::max(want, std::min(own_.size() * 2, kMaxOwnRead)));
    own_offset_ = pos;
    own_len_ = 0;
    Result<size_t> r = ReadFull(in_, pos, own_.data(), want);
    if (!r.ok()) {
      if (error_.ok()) error_ = r.status();
      limit_ = pos;
      return;
    }
    own_len_ = *r;
    if (own_len_ < want) {  // the input is shorter than its size() said
      short_input_ = true;
      limit_ = pos + own_len_;
    }
  }

  RandomAccess& in_;
  std::span<const uint8_t> view_;
  uint64_t view_offset_;
  uint64_t limit_ = 0;
  size_t next_read_ = kFirstOwnRead;
  std::vector<uint8_t> own_;
  uint64_t own_offset_ = 0;
  size_t own_len_ = 0;
  bool short_input_ = false;
  Status error_;
};

// What a walker made of a signature.
struct Walk {
  bool is_file = false;  // report it
  bool complete = false;
  uint64_t end = 0;      // exclusive, absolute
  const char* why = "";  // truncation reason
  // Where the scan goes on (0: just after the signature's first byte). After a complete file, its
  // end; after a truncated one, the start of the record whose length led to where it broke (a
  // damaged length must not make the scan skip the files it jumped over), but never before the
  // end of what the walk read byte by byte (entropy-coded data, CRCs, searches, GIF sub-blocks):
  // no byte is read that way by two walks, which keeps nested hostile starts linear.
  uint64_t resume = 0;
};

// A walk's limits and the ways it ends.
struct Walker {
  Cursor& cur;
  uint64_t start;
  uint64_t cap_end;      // start + max_file_size
  uint64_t scanned = 0;  // the end of what this walk read byte by byte

  Walk NotAFile() const { return {}; }
  Walk Complete(uint64_t end) const { return {true, true, end, "", end}; }
  Walk Corrupt(uint64_t at, uint64_t resume) const {
    return {true, false, at, "corrupt", std::max(resume, scanned)};
  }
  // The structure goes on past the limit: cut there.
  Walk Cut(uint64_t resume) const {
    const uint64_t at = cur.limit();
    return {true, false, at, at >= cap_end && !cur.short_input() ? "size_cap" : "range_end",
            std::max(resume, scanned)};
  }
};

// ---- JPEG: marker segments (skipped by length: EXIF thumbnails inside APP1 are never mistaken
// for the end), entropy-coded data after each SOS up to the next marker other than FF00 stuffing
// and RST0-7, to EOI.
bool FirstJpegMarker(uint8_t m) {
  return (m >= 0xC0 && m <= 0xCF && m != 0xC8) || m == 0xDB || m == 0xDD ||
         (m >= 0xE0 && m <= 0xEF) || m == 0xFE;
}

Walk WalkJpeg(Walker& w) {
  Cursor& cur = w.cur;
  uint64_t p = w.start + 2;
  int segments = 0;
  bool seen_sos = false;
  uint64_t jumped = w.start;  // the last segment whose length was skipped
  auto fail = [&](Walk broken) {
    if (seen_sos) return broken;
    Walk none = w.NotAFile();
    // A chain of segments without image data: not reported, but not walked again either.
    if (segments >= 2) none.resume = broken.resume;
    return none;
  };
  for (;;) {
    const uint8_t* b = cur.Get(p, 2);
    if (b == nullptr) return fail(w.Cut(jumped));
    if (b[0] != 0xFF) return fail(w.Corrupt(p, jumped));
    const uint8_t m = b[1];
    if (m == 0xFF) {  // fill byte before a marker (read one by one: counts as scanned)
      w.scanned = ++p;
      continue;
    }
    if (m == 0xD9) return seen_sos ? w.Complete(p + 2) : fail(w.Corrupt(p + 2, p + 2));
    if ((m >= 0xD0 && m <= 0xD7) || m == 0x01) {  // standalone markers
      p += 2;
      continue;
    }
    if (m < 0xC0 || m == 0xD8) return fail(w.Corrupt(p, jumped));
    if (segments == 0 && !FirstJpegMarker(m)) return w.NotAFile();
    const uint8_t* l = cur.Get(p + 2, 2);
    if (l == nullptr) return fail(w.Cut(p));
    const uint16_t len = Be16(l);
    if (len < 2) return fail(w.Corrupt(p, jumped));
    jumped = p;
    p += 2 + len;
    ++segments;
    if (m != 0xDA) continue;
    seen_sos = true;
    // Entropy-coded data: find the next FF that starts a real marker.
    for (;;) {
      std::span<const uint8_t> s = cur.From(p);
      w.scanned = p;
      if (s.empty()) return w.Cut(jumped);
      const void* ff = std::memchr(s.data(), 0xFF, s.size());
      if (ff == nullptr) {
        p += s.size();
        continue;
      }
      const uint64_t q = p + static_cast<uint64_t>(static_cast<const uint8_t*>(ff) - s.data());
      const uint8_t* two = cur.Get(q, 2);
      w.scanned = q;
      if (two == nullptr) return w.Cut(jumped);
      const uint8_t next = two[1];
      if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
        p = q + 2;
      } else if (next == 0xFF) {
        p = q + 1;
      } else {
        p = q;
        jumped = q;  // found byte by byte, not by a length
        break;
      }
    }
  }
}

// ---- PNG: chunks (length sanity, letters for the type, CRC) from IHDR to IEND.
bool ChunkTypeOk(const uint8_t* t) {
  for (int i = 0; i < 4; ++i) {
    const uint8_t c = t[i] | 0x20;
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

Walk WalkPng(Walker& w, bool check_crc) {
  Cursor& cur = w.cur;
  uint64_t p = w.start + 8;
  for (int chunks = 0;; ++chunks) {
    const uint8_t* h = cur.Get(p, 8);
    if (h == nullptr) return chunks == 0 ? w.NotAFile() : w.Cut(p);
    const uint32_t len = Be32(h);
    uint8_t type[4];
    std::memcpy(type, h + 4, 4);
    const bool first_ok = std::memcmp(type, "IHDR", 4) == 0 && len == 13;
    if (len > 0x7FFFFFFFu || !ChunkTypeOk(type) || (chunks == 0 && !first_ok)) {
      return chunks == 0 ? w.NotAFile() : w.Corrupt(p, p);
    }
    if (cur.limit() - p < 12ull + len) return chunks == 0 ? w.NotAFile() : w.Cut(p);
    const bool iend = std::memcmp(type, "IEND", 4) == 0;
    if (const uint8_t* next = iend ? nullptr : cur.Get(p + 12 + len, 8);
        next != nullptr && (Be32(next) > 0x7FFFFFFFu || !ChunkTypeOk(next + 4))) {
      // A damaged length (checked before reading the data for the CRC: cheap, and then the
      // files the length seemed to cover are still searched).
      return chunks == 0 ? w.NotAFile() : w.Corrupt(p, p);
    }
    if (check_crc) {
      uLong crc = crc32(0L, Z_NULL, 0);
      crc = crc32(crc, type, 4);
      for (uint64_t q = p + 8, end = p + 8 + len; q < end;) {
        std::span<const uint8_t> s = cur.From(q);
        if (s.empty()) return chunks == 0 ? w.NotAFile() : w.Cut(p);
        const size_t k = static_cast<size_t>(std::min<uint64_t>(s.size(), end - q));
        crc = crc32(crc, s.data(), static_cast<uInt>(k));
        q += k;
      }
      w.scanned = p + 8 + len;
      const uint8_t* stored = cur.Get(p + 8 + len, 4);
      if (stored == nullptr) return chunks == 0 ? w.NotAFile() : w.Cut(p);
      if (Be32(stored) != static_cast<uint32_t>(crc)) return chunks == 0 ? w.NotAFile() : w.Corrupt(p, p);
    }
    p += 12ull + len;
    if (iend) return w.Complete(p);
  }
}

// ---- GIF: header, colour tables, extension and image blocks (data sub-blocks) to the trailer.
// Returns the position after a chain of data sub-blocks, or 0 when it passes the limit.
uint64_t SkipSubBlocks(Walker& w, uint64_t p) {
  for (;;) {
    const uint8_t* n = w.cur.Get(p, 1);
    if (n == nullptr) {
      w.scanned = w.cur.limit();
      return 0;
    }
    p += 1 + *n;
    if (*n == 0) {
      w.scanned = p;
      return p;
    }
  }
}

Walk WalkGif(Walker& w) {
  Cursor& cur = w.cur;
  const uint8_t* h = cur.Get(w.start, 13);
  if (h == nullptr) return w.NotAFile();
  uint64_t p = w.start + 13;
  if (h[10] & 0x80) p += 3ull << ((h[10] & 7) + 1);  // global colour table
  for (;;) {
    const uint64_t block = p;
    const uint8_t* b = cur.Get(p, 1);
    if (b == nullptr) return w.Cut(block);
    if (*b == 0x3B) return w.Complete(p + 1);
    if (*b == 0x2C) {  // image descriptor
      const uint8_t* d = cur.Get(p, 11);
      if (d == nullptr) return w.Cut(block);
      p += 10;
      if (d[9] & 0x80) p += 3ull << ((d[9] & 7) + 1);  // local colour table
      const uint8_t* lzw = cur.Get(p, 1);
      if (lzw == nullptr) return w.Cut(block);
      if (*lzw < 1 || *lzw > 11) return w.Corrupt(block, block);
      p += 1;
    } else if (*b == 0x21) {  // extension: label, then sub-blocks
      p += 2;
    } else {
      return w.Corrupt(block, block);
    }
    p = SkipSubBlocks(w, p);
    if (p == 0) return w.Cut(block);
  }
}

// ---- PDF: from %PDF-n.n to the last %%EOF (and its end of line) before the next %PDF- header
// or the limit; incremental updates keep the file going past an earlier %%EOF.
Walk WalkPdf(Walker& w) {
  Cursor& cur = w.cur;
  const uint8_t* h = cur.Get(w.start, 8);
  if (h == nullptr || !std::isdigit(h[5]) || h[6] != '.' || !std::isdigit(h[7])) return w.NotAFile();
  uint64_t p = w.start + 8;
  uint64_t last_eof = 0;
  uint64_t next_pdf = 0;
  while (next_pdf == 0) {
    std::span<const uint8_t> s = cur.From(p);
    if (s.empty()) break;
    const void* pct = std::memchr(s.data(), '%', s.size());
    if (pct == nullptr) {
      p += s.size();
      continue;
    }
    const uint64_t q = p + static_cast<uint64_t>(static_cast<const uint8_t*>(pct) - s.data());
    p = q + 1;
    const uint8_t* k = cur.Get(q, 5);
    if (k == nullptr) continue;
    if (std::memcmp(k, "%%EOF", 5) == 0) {
      last_eof = q + 5;
      const uint8_t* eol = cur.Get(last_eof, 1);
      if (eol != nullptr && *eol == '\r') eol = cur.Get(++last_eof, 1);
      if (eol != nullptr && *eol == '\n') ++last_eof;
      p = last_eof;
    } else if (std::memcmp(k, "%PDF-", 5) == 0) {
      next_pdf = q;
    }
  }
  if (last_eof != 0) return w.Complete(last_eof);
  // Cut: scan its bytes again, so that images inside the unfinished PDF are carved too.
  return next_pdf != 0 ? w.Corrupt(next_pdf, next_pdf) : w.Cut(w.start + 1);
}

// ---- ZIP: local entries (data skipped by size; streamed entries with a data descriptor are
// followed to the next record signature), central directory, zip64 records, end record.
constexpr uint8_t kLocal[4] = {'P', 'K', 3, 4};

bool ZipSig(const uint8_t* s, uint8_t a, uint8_t b) {
  return s[0] == 'P' && s[1] == 'K' && s[2] == a && s[3] == b;
}

bool LocalHeaderOk(const uint8_t* h) {
  const uint16_t version = Le16(h + 4), method = Le16(h + 8), name_len = Le16(h + 26);
  const bool method_ok = method == 0 || method == 1 || method == 6 || method == 8 ||
                         method == 9 || method == 12 || method == 14 || method == 93 ||
                         method == 95 || method == 98 || method == 99;
  return (version & 0xFF) <= 100 && method_ok && name_len >= 1 && name_len <= 4096;
}

// The next "PK\3\4", "PK\1\2" or "PK\7\8" at or after p; 0 when none before the limit.
uint64_t NextZipRecord(Walker& w, uint64_t p) {
  Cursor& cur = w.cur;
  for (;;) {
    std::span<const uint8_t> s = cur.From(p);
    w.scanned = p;
    if (s.empty()) return 0;
    const void* pk = std::memchr(s.data(), 'P', s.size());
    if (pk == nullptr) {
      p += s.size();
      continue;
    }
    const uint64_t q = p + static_cast<uint64_t>(static_cast<const uint8_t*>(pk) - s.data());
    const uint8_t* g = cur.Get(q, 4);
    if (g != nullptr && (ZipSig(g, 3, 4) || ZipSig(g, 1, 2) || ZipSig(g, 7, 8))) {
      w.scanned = q;
      return q;
    }
    p = q + 1;
  }
}

Walk WalkZip(Walker& w) {
  Cursor& cur = w.cur;
  const uint8_t* first = cur.Get(w.start, 30);
  if (first == nullptr || !LocalHeaderOk(first)) return w.NotAFile();
  uint64_t p = w.start;
  uint64_t jumped = w.start;  // the last record whose sizes were skipped
  for (;;) {
    const uint64_t record = p;
    const uint8_t* s = cur.Get(p, 4);
    if (s == nullptr) return w.Cut(jumped);
    if (ZipSig(s, 3, 4)) {
      const uint8_t* h = cur.Get(p, 30);
      if (h == nullptr) return w.Cut(jumped);
      if (!LocalHeaderOk(h)) return w.Corrupt(record, jumped);
      jumped = record;
      const uint16_t flags = Le16(h + 6);
      const uint32_t csize = Le32(h + 18);
      p += 30ull + Le16(h + 26) + Le16(h + 28);
      if (((flags & 8) && csize == 0) || csize == 0xFFFFFFFFu) {  // sizes after the data, or zip64
        const uint64_t q = NextZipRecord(w, p);
        if (q == 0) return w.Cut(jumped);
        p = q;
      } else {
        p += csize;
      }
      const uint8_t* dd = cur.Get(p, 4);
      if (dd != nullptr && ZipSig(dd, 7, 8)) {  // data descriptor: 16 bytes, 24 with zip64 sizes
        const uint8_t* after = cur.Get(p + 16, 4);
        p += (after != nullptr && after[0] == 'P' && after[1] == 'K') ? 16 : 24;
      }
    } else if (ZipSig(s, 1, 2)) {
      const uint8_t* c = cur.Get(p, 46);
      if (c == nullptr) return w.Cut(jumped);
      jumped = record;
      p += 46ull + Le16(c + 28) + Le16(c + 30) + Le16(c + 32);
    } else if (ZipSig(s, 6, 6)) {
      const uint8_t* z = cur.Get(p, 12);
      if (z == nullptr) return w.Cut(jumped);
      const uint64_t size = Le64(z + 4);
      if (size > cur.limit() - p) return w.Cut(record);
      p += 12 + size;
    } else if (ZipSig(s, 6, 7)) {
      p += 20;
    } else if (ZipSig(s, 5, 6)) {
      const uint8_t* e = cur.Get(p, 22);
      if (e == nullptr) return w.Cut(jumped);
      const uint64_t end = p + 22 + Le16(e + 20);
      if (end > cur.limit()) return w.Cut(record);
      return w.Complete(end);
    } else {
      return w.Corrupt(record, jumped);
    }
    if (p > cur.limit()) return w.Cut(jumped);
  }
}

// ---- The scan.
Type MatchSignature(const uint8_t* p, size_t avail, const CarveOptions& o) {
  static constexpr uint8_t kPng[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  switch (p[0]) {
    case 0xFF:
      return o.jpeg && avail >= 3 && p[1] == 0xD8 && p[2] == 0xFF ? Type::kJpeg : Type::kNone;
    case 0x89:
      return o.png && avail >= 8 && std::memcmp(p, kPng, 8) == 0 ? Type::kPng : Type::kNone;
    case 'G':
      return o.gif && avail >= 6 &&
                     (std::memcmp(p, "GIF87a", 6) == 0 || std::memcmp(p, "GIF89a", 6) == 0)
                 ? Type::kGif
                 : Type::kNone;
    case '%':
      return o.pdf && avail >= 5 && std::memcmp(p, "%PDF-", 5) == 0 ? Type::kPdf : Type::kNone;
    case 'P':
      return o.zip && avail >= 4 && std::memcmp(p, kLocal, 4) == 0 ? Type::kZip : Type::kNone;
    default:
      return Type::kNone;
  }
}

// The signatures' first two bytes: FF D8, 89 'P', 'G' 'I', '%' 'P', 'P' 'K'.
constexpr uint8_t kFirst[5] = {0xFF, 0x89, 'G', '%', 'P'};
constexpr uint8_t kSecond[5] = {0xD8, 'P', 'I', 'P', 'K'};

// First i in [0, n) where p[i], p[i+1] is one of the pairs (p[i+1] readable while i + 1 < avail);
// n when there is none.
size_t FindStartScalar(const uint8_t* p, size_t n, size_t avail) {
  for (size_t i = 0; i < n && i + 1 < avail; ++i) {
    for (int k = 0; k < 5; ++k) {
      if (p[i] == kFirst[k] && p[i + 1] == kSecond[k]) return i;
    }
  }
  return n;
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) inline __m256i Eq(__m256i v, uint8_t c) {
  return _mm256_cmpeq_epi8(v, _mm256_set1_epi8(static_cast<char>(c)));
}

// The pairs share second bytes ('P' after 0x89 and '%'), so 9 compares cover the 5 pairs.
__attribute__((target("avx2"))) inline __m256i PairHits(const uint8_t* p) {
  const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i y = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 1));
  const __m256i jpeg = _mm256_and_si256(Eq(x, 0xFF), Eq(y, 0xD8));
  const __m256i png_pdf = _mm256_and_si256(_mm256_or_si256(Eq(x, 0x89), Eq(x, '%')), Eq(y, 'P'));
  const __m256i gif = _mm256_and_si256(Eq(x, 'G'), Eq(y, 'I'));
  const __m256i zip = _mm256_and_si256(Eq(x, 'P'), Eq(y, 'K'));
  return _mm256_or_si256(_mm256_or_si256(jpeg, png_pdf), _mm256_or_si256(gif, zip));
}

__attribute__((target("avx2"))) size_t FindStartAvx2(const uint8_t* p, size_t n, size_t avail) {
  size_t i = 0;
  for (; i + 64 <= n && i + 65 <= avail; i += 64) {  // two vectors per test: one branch per 64 bytes
    const __m256i a = PairHits(p + i), b = PairHits(p + i + 32);
    if (_mm256_testz_si256(_mm256_or_si256(a, b), _mm256_or_si256(a, b))) continue;
    const uint64_t bits = static_cast<uint32_t>(_mm256_movemask_epi8(a)) |
                          uint64_t{static_cast<uint32_t>(_mm256_movemask_epi8(b))} << 32;
    return i + static_cast<size_t>(__builtin_ctzll(bits));
  }
  for (; i + 32 <= n && i + 33 <= avail; i += 32) {
    const uint32_t bits = static_cast<uint32_t>(_mm256_movemask_epi8(PairHits(p + i)));
    if (bits != 0) return i + static_cast<size_t>(__builtin_ctz(bits));
  }
  return i + FindStartScalar(p + i, n - i, avail - i);
}
#endif

size_t FindStart(const uint8_t* p, size_t n, size_t avail) {
#if defined(__x86_64__)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) return FindStartAvx2(p, n, avail);
#endif
  return FindStartScalar(p, n, avail);
}

const char* TypeName(Type t) {
  switch (t) {
    case Type::kJpeg: return "jpeg";
    case Type::kPng: return "png";
    case Type::kGif: return "gif";
    case Type::kPdf: return "pdf";
    case Type::kZip: return "zip";
    case Type::kNone: break;
  }
  return "";
}

Walk RunWalker(Type t, Walker& w, const CarveOptions& o) {
  switch (t) {
    case Type::kJpeg: return WalkJpeg(w);
    case Type::kPng: return WalkPng(w, o.png_crc);
    case Type::kGif: return WalkGif(w);
    case Type::kPdf: return WalkPdf(w);
    case Type::kZip: return WalkZip(w);
    case Type::kNone: break;
  }
  return w.NotAFile();
}

Status CarveRange(RandomAccess& in, uint64_t begin, uint64_t end, const CarveOptions& o,
                  std::vector<uint8_t>& buf, const std::function<void(const CarvedFile&)>& found) {
  const uint64_t cap = std::max<uint64_t>(o.max_file_size, 1);
  uint64_t pos = begin;
  while (pos < end) {
    const size_t want = static_cast<size_t>(std::min<uint64_t>(buf.size(), end - pos));
    Result<size_t> got = ReadFull(in, pos, buf.data(), want);
    if (!got.ok()) return got.status();
    if (*got == 0) return Status::Ok();  // the input is shorter than its size() said
    const size_t n = *got;
    const bool last = n < want || pos + n >= end;
    const uint64_t range_end = n < want ? pos + n : end;
    // Signatures starting in the last bytes are checked after the next read, whole.
    const size_t scan_n = last ? n : n - (kMaxSignature - 1);
    Cursor cur(in, std::span<const uint8_t>(buf.data(), n), pos);
    uint64_t next = pos + scan_n;
    for (size_t i = 0; i < scan_n;) {
      i += FindStart(buf.data() + i, scan_n - i, n - i);
      if (i >= scan_n) break;
      const Type t = MatchSignature(buf.data() + i, n - i, o);
      if (t == Type::kNone) {
        ++i;
        continue;
      }
      const uint64_t start = pos + i;
      const uint64_t cap_end = cap > range_end - start ? range_end + 1 : start + cap;
      cur.Begin(std::min(range_end, cap_end));
      Walker walker{cur, start, cap_end};
      const Walk w = RunWalker(t, walker, o);
      if (!cur.error().ok()) return cur.error();
      if (w.is_file) {
        CarvedFile f;
        f.offset = start;
        f.length = w.end - start;
        f.type = TypeName(t);
        f.truncated = !w.complete;
        f.truncation = w.why;
        found(f);
      }
      const uint64_t resume = std::max(w.resume, start + 1);
      if (resume >= pos + scan_n) {
        next = resume;
        break;
      }
      i = static_cast<size_t>(resume - pos);
    }
    if (n < want) return Status::Ok();
    pos = next;
  }
  return Status::Ok();
}

}  // namespace

Status Carve(RandomAccess& in, std::span<const ByteRange> ranges, const CarveOptions& options,
             const std::function<void(const CarvedFile&)>& found) {
  const uint64_t size = in.size();
  std::vector<ByteRange> merged;
  for (const ByteRange& r : ranges) {
    if (r.offset >= size || r.length == 0) continue;
    merged.push_back({r.offset, std::min(r.length, size - r.offset)});
  }
  std::sort(merged.begin(), merged.end(),
            [](const ByteRange& a, const ByteRange& b) { return a.offset < b.offset; });
  size_t out = 0;
  for (size_t k = 0; k < merged.size(); ++k) {
    if (out > 0 && merged[k].offset <= merged[out - 1].offset + merged[out - 1].length) {
      ByteRange& prev = merged[out - 1];
      prev.length = std::max(prev.offset + prev.length, merged[k].offset + merged[k].length) - prev.offset;
    } else {
      merged[out++] = merged[k];
    }
  }
  merged.resize(out);
  std::vector<uint8_t> buf(std::max<size_t>(options.read_size, 4096));
  for (const ByteRange& r : merged) {
    if (Status s = CarveRange(in, r.offset, r.offset + r.length, options, buf, found); !s.ok()) {
      return s;
    }
  }
  return Status::Ok();
}

Status CarveAll(RandomAccess& in, const CarveOptions& options,
                const std::function<void(const CarvedFile&)>& found) {
  const ByteRange all{0, in.size()};
  return Carve(in, std::span<const ByteRange>(&all, 1), options, found);
}

const char* CarvedExtension(const std::string& type) {
  if (type == "jpeg") return "jpg";
  if (type == "png") return "png";
  if (type == "gif") return "gif";
  if (type == "pdf") return "pdf";
  if (type == "zip") return "zip";
  return "bin";
}

}  // namespace ngb::source
