// Multi-buffer MD5: MD5 is inherently serial within one stream, so speed comes from hashing
// several independent streams at once in SIMD lanes (the technique of Intel ISA-L's md5_mb).
// One AVX-512 register holds word i of 16 streams (AVX2: 8); each of the 64 MD5 steps runs on all
// of them at once.
//
// Md5Lanes owns up to kMaxLanes streams. Per round, the caller Submit()s one chunk per busy lane
// (chunks stay owned by the caller and must stay valid until Flush()), then Flush()es, which
// compresses every submitted block, as many lanes at a time as the CPU's widest kernel takes.
// Pure computation, no I/O.
// Not thread-safe: one instance per worker.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace ngb {

struct Md5State {
  uint32_t a, b, c, d;
};

// Scalar MD5 block function: compresses `blocks` 64-byte blocks at `data` into `s`.
void Md5CompressScalar(Md5State& s, const uint8_t* data, size_t blocks);
// Compresses `blocks` blocks of 8 streams at once (data[i] for state[i]). Uses AVX2 when the CPU
// has it, the scalar function otherwise.
void Md5Compress8(Md5State* states, const uint8_t* const* data, size_t blocks);
// The same for 16 streams (AVX-512F: one register holds word i of 16 streams; rotates and the
// round functions are single instructions). Falls back to two Md5Compress8 calls.
void Md5Compress16(Md5State* states, const uint8_t* const* data, size_t blocks);
// True when Md5Compress8 runs on AVX2 on this CPU.
bool Md5HasSimd();
// Widest SIMD kernel on this CPU: 16 (AVX-512F), 8 (AVX2) or 1.
int Md5SimdLanes();

class Md5Lanes {
 public:
  static constexpr int kMaxLanes = 16;

  // Starts a new stream in `lane`.
  void Reset(int lane);
  // Queues `data` for `lane`: whole 64-byte blocks are compressed at the next Flush(); a partial
  // block is kept. At most one Submit per lane between Flush() calls.
  void Submit(int lane, std::span<const uint8_t> data);
  // Compresses everything submitted. Afterwards the submitted chunks are no longer referenced.
  void Flush();
  // Finishes `lane`'s stream (Flush() first if data was submitted) and returns lowercase hex.
  std::string Final(int lane);

 private:
  struct Lane {
    Md5State state{};
    uint64_t length = 0;             // bytes submitted
    std::array<uint8_t, 64> partial{};
    size_t partial_len = 0;
    const uint8_t* pending = nullptr;  // whole blocks awaiting Flush()
    size_t pending_blocks = 0;
  };
  std::array<Lane, kMaxLanes> lanes_{};
};

}  // namespace ngb
