// Differential fuzz target for the hand-written digest kernels: on any input, each must give
// exactly what OpenSSL's EVP gives, or the target traps:
//  - MultiDigest (the stitched one-stream kernel where the CPU has SHA-NI) fed in chunks whose
//    sizes come from the input;
//  - DigestLanes with several streams (prefixes and rotations of the input) submitted chunk by
//    chunk, in the lane kernels and one stream at a time, with the lane-count thresholds and the
//    MD5 kernel width (16 or 8) chosen by the input.
#include <openssl/evp.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "hash/digest_lanes.h"
#include "hash/multi_digest.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

ngb::Digests Evp(const uint8_t* data, size_t size) {
  auto one = [&](const EVP_MD* md) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(data, size, out, &len, md, nullptr);
    return ngb::ToHex({out, len});
  };
  return {one(EVP_md5()), one(EVP_sha1()), one(EVP_sha256())};
}

bool Same(const ngb::Digests& a, const ngb::Digests& b) {
  return a.md5 == b.md5 && a.sha1 == b.sha1 && a.sha256 == b.sha256;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4) return 0;
  // The first 4 bytes steer; the rest is hashed (repeated so that long streams occur).
  const uint8_t steer[4] = {data[0], data[1], data[2], data[3]};
  std::vector<uint8_t> body(data + 4, data + size);
  const size_t repeat = 1 + steer[0] % 8;
  std::vector<uint8_t> stream;
  for (size_t i = 0; i < repeat; ++i) stream.insert(stream.end(), body.begin(), body.end());

  // One stream, chunked.
  {
    ngb::MultiDigest md;
    const size_t step = 1 + (steer[1] * 37u) % 300;
    for (size_t off = 0; off < stream.size(); off += step) {
      md.Update({stream.data() + off, std::min(step, stream.size() - off)});
    }
    Check(Same(md.Final(), Evp(stream.data(), stream.size())));
  }

  // Several streams side by side: stream k is a rotation of `stream` cut to a length of its own.
  const int lanes = 1 + steer[2] % ngb::DigestLanes::kMaxLanes;
  std::vector<std::vector<uint8_t>> streams(static_cast<size_t>(lanes));
  for (int k = 0; k < lanes; ++k) {
    std::vector<uint8_t>& s = streams[static_cast<size_t>(k)];
    if (stream.empty()) continue;
    const size_t len = (stream.size() * static_cast<size_t>(k + 1)) / static_cast<size_t>(lanes);
    const size_t rot = static_cast<size_t>(k) * 131 % stream.size();
    for (size_t i = 0; i < len; ++i) s.push_back(stream[(i + rot) % stream.size()]);
  }
  ngb::DigestLanes dl;
  dl.UseStitched((steer[3] & 1) == 0);
  dl.SetOneStreamBelow(1 + (steer[3] >> 1) % 17);
  if (steer[3] & 0x80) dl.LimitWidth(8);
  dl.SetSplitBlocks((steer[1] & 1) ? 1 : 0);  // the helper thread when unstitched, or never
  for (int k = 0; k < lanes; ++k) dl.Reset(k);
  std::vector<size_t> pos(static_cast<size_t>(lanes), 0);
  for (int round = 0;; ++round) {
    bool any = false;
    for (int k = 0; k < lanes; ++k) {
      const std::vector<uint8_t>& s = streams[static_cast<size_t>(k)];
      size_t& p = pos[static_cast<size_t>(k)];
      const size_t chunk = 64 * (1 + (k * 7 + round) % 5) + ((round + k) % 3 == 0 ? 17 : 0);
      const size_t n = std::min(chunk, s.size() - p);
      if (n == 0) continue;
      dl.Submit(k, {s.data() + p, n});
      p += n;
      any = true;
    }
    dl.Flush();
    if (!any) break;
  }
  for (int k = 0; k < lanes; ++k) {
    const std::vector<uint8_t>& s = streams[static_cast<size_t>(k)];
    Check(Same(dl.Final(k), Evp(s.data(), s.size())));
  }
  return 0;
}
