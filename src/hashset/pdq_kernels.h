// The inner loops of PdqIndex: filtering one bucket of 32-bit table entries by the Hamming
// distance of some of their bits to the query's, and the linear scan of all rows; in AVX-512
// (VPOPCNTDQ), AVX2 or portable code, chosen once from what the CPU supports. Pure computation.
#pragma once
#include <cstddef>
#include <cstdint>

namespace ngb::hashset::pdq {

enum class Isa { kPortable, kPopcnt, kAvx2, kAvx512 };

// The best instruction set this CPU runs (cached after the first call). Thread-safe.
Isa BestIsa();

// For each e in [lo, hi): with x = entries[e], if popcount((x >> shift) ^ q) <= budget, appends
// (row_mask != 0 ? x & row_mask : e) to out. Returns how many were appended, in order of e.
// REQUIRES: shift < 32; out has room for hi - lo values.
using FilterFn = size_t (*)(const uint32_t* entries, uint32_t lo, uint32_t hi, unsigned shift, uint32_t q,
                            int budget, uint32_t row_mask, uint32_t* out);
FilterFn FilterFor(Isa isa);

// Rows as PdqIndex stores them: chunk 0 of row r is chunk0[r], chunks 1..7 are the 28 bytes at
// rest + 28 * r. For each row in [begin, end) within distance d of q (8 chunks), appends the row
// to rows_out and its distance to dist_out. Returns how many were appended, in row order.
// REQUIRES: the output buffers have room for end - begin values; 8 readable bytes follow
// rest + 28 * end (the vector code loads two rows and 8 bytes more).
using ScanFn = size_t (*)(const uint32_t* chunk0, const uint8_t* rest, uint32_t begin, uint32_t end,
                          const uint32_t* q, int d, uint32_t* rows_out, uint16_t* dist_out);
ScanFn ScanFor(Isa isa);

}  // namespace ngb::hashset::pdq
