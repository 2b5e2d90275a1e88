#include "hashset/pdq_kernels.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <vector>

namespace ngb::hashset::pdq {
namespace {

// Every instruction set this CPU runs, portable first (the reference).
std::vector<Isa> Supported() {
  std::vector<Isa> out;
  for (Isa isa : {Isa::kPortable, Isa::kPopcnt, Isa::kAvx2, Isa::kAvx512}) {
    if (static_cast<int>(isa) <= static_cast<int>(BestIsa())) out.push_back(isa);
  }
  return out;
}

TEST(PdqKernels, FiltersAgreeWithPortableCode) {
  std::mt19937_64 rng(1);
  std::vector<uint32_t> entries(3000);
  for (auto& e : entries) e = static_cast<uint32_t>(rng());
  // Near-misses and exact matches of the query bits too, not only random words.
  for (size_t i = 0; i < entries.size(); i += 3) entries[i] = (0x5a5u << 20) ^ (1u << (rng() % 32)) ^ (rng() % 2);
  std::vector<uint32_t> want(entries.size()), got(entries.size());
  for (unsigned shift : {0u, 13u, 20u, 28u}) {
    for (int budget : {0, 1, 3, 12, 32}) {
      for (uint32_t row_mask : {0u, (1u << 20) - 1}) {
        for (uint32_t lo : {0u, 1u, 7u, 100u}) {
          for (uint32_t len : {0u, 1u, 7u, 8u, 15u, 16u, 17u, 31u, 1000u}) {
            const uint32_t q = 0x5a5u << (20 - std::min(shift, 20u));
            const size_t n = FilterFor(Isa::kPortable)(entries.data(), lo, lo + len, shift, q, budget, row_mask,
                                                       want.data());
            for (Isa isa : Supported()) {
              const size_t m = FilterFor(isa)(entries.data(), lo, lo + len, shift, q, budget, row_mask, got.data());
              ASSERT_EQ(m, n) << static_cast<int>(isa) << " shift " << shift << " budget " << budget;
              for (size_t i = 0; i < n; ++i) ASSERT_EQ(got[i], want[i]) << static_cast<int>(isa);
            }
          }
        }
      }
    }
  }
}

TEST(PdqKernels, ScansAgreeWithPortableCode) {
  std::mt19937_64 rng(2);
  const uint32_t rows = 1001;
  std::vector<uint32_t> chunk0(rows);
  std::vector<uint8_t> rest(rows * 28 + 8);  // 8 readable bytes after the last row
  for (auto& c : chunk0) c = static_cast<uint32_t>(rng());
  for (auto& b : rest) b = static_cast<uint8_t>(rng());
  uint32_t q[8];
  for (auto& w : q) w = static_cast<uint32_t>(rng());
  // Some rows near the query.
  for (uint32_t r = 0; r < rows; r += 5) {
    chunk0[r] = q[0] ^ static_cast<uint32_t>(rng() % 4);
    std::memcpy(&rest[r * 28], q + 1, 28);
    rest[r * 28 + rng() % 28] ^= static_cast<uint8_t>(rng());
  }
  std::vector<uint32_t> want_rows(rows), got_rows(rows);
  std::vector<uint16_t> want_dist(rows), got_dist(rows);
  for (int d : {0, 5, 31, 128, 256}) {
    for (uint32_t begin : {0u, 1u, 2u}) {
      for (uint32_t end : {begin, begin + 1, begin + 2, begin + 3, rows - 1, rows}) {
        const size_t n = ScanFor(Isa::kPortable)(chunk0.data(), rest.data(), begin, end, q, d, want_rows.data(),
                                                 want_dist.data());
        for (Isa isa : Supported()) {
          const size_t m =
              ScanFor(isa)(chunk0.data(), rest.data(), begin, end, q, d, got_rows.data(), got_dist.data());
          ASSERT_EQ(m, n) << static_cast<int>(isa) << " d " << d;
          for (size_t i = 0; i < n; ++i) {
            ASSERT_EQ(got_rows[i], want_rows[i]);
            ASSERT_EQ(got_dist[i], want_dist[i]);
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace ngb::hashset::pdq
