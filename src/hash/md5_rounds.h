// MD5's constants and its scalar step, shared by the one-stream kernels (md5_multi.cpp's
// Md5CompressScalar and three_digests.cpp's stitched kernel) and the lane kernels' tables.
// Internal to src/hash.
#pragma once
#include <cstdint>

namespace ngb::hash_detail {

inline constexpr uint32_t kMd5K[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
inline constexpr int kMd5S[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                                  5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                                  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                                  6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
// Message word used by step i.
constexpr int Md5MsgIndex(int i) {
  return i < 16 ? i : i < 32 ? (5 * i + 1) % 16 : i < 48 ? (3 * i + 5) % 16 : (7 * i) % 16;
}

// Step i of one stream's block: (a, b, c, d) <- (d, b + rotl(a + f(b, c, d) + K[i] + m[g], s), b, c).
// The message word and constant are added to `a` first and the round function last, so only the
// function waits for the newest word (b); G is written as (b & d) + (c & ~d) (disjoint bits: +
// equals |) and I as c ^ (b | ~d), so that their halves without b start early.
template <int i>
__attribute__((always_inline)) inline void Md5Step(uint32_t& a, uint32_t& b, uint32_t& c, uint32_t& d,
                                                   const uint32_t* m) {
  uint32_t t = a + kMd5K[i] + m[Md5MsgIndex(i)];
  if constexpr (i < 16) {
    t += d ^ (b & (c ^ d));
  } else if constexpr (i < 32) {
    t += (c & ~d) + (b & d);
  } else if constexpr (i < 48) {
    t += (c ^ d) ^ b;
  } else {
    t += c ^ (b | ~d);
  }
  constexpr int s = kMd5S[i];
  a = d;
  d = c;
  c = b;
  b = b + ((t << s) | (t >> (32 - s)));
}

}  // namespace ngb::hash_detail
