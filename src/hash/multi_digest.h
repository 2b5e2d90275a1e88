// MultiDigest: MD5, SHA-1 and SHA-256 of one byte stream in a single pass (three_digests.h: the
// three block functions stitched into one pass over each block where the CPU has SHA-NI).
// Pure computation, no I/O. Not thread-safe: each worker owns its own instance and reuses it.
#pragma once
#include <cstdint>
#include <span>

#include "hash/digests.h"
#include "hash/three_digests.h"

namespace ngb {

class MultiDigest {
 public:
  MultiDigest() { Reset(); }

  // Starts a new stream. Must be called before the first Update() of each stream.
  void Reset();
  // Feeds bytes.
  void Update(std::span<const uint8_t> data);
  // Finishes the stream and returns its digests. Reset() before reusing.
  Digests Final();

  // One-shot convenience.
  static Digests Of(std::span<const uint8_t> data);

 private:
  ThreeStream stream_;
};

}  // namespace ngb
