#include "hash/multi_digest.h"

#include <cstdlib>
#include <stdexcept>

namespace ngb {
namespace {

// Fetched once per process: EVP_get_digestbyname-style implicit fetches on every init are slow in
// OpenSSL 3.
struct Algorithms {
  EVP_MD* md5 = EVP_MD_fetch(nullptr, "MD5", nullptr);
  EVP_MD* sha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
  EVP_MD* sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
};

const Algorithms& Algos() {
  static const Algorithms algos = [] {
    Algorithms a;
    if (!a.md5 || !a.sha1 || !a.sha256) std::abort();  // OpenSSL without default provider
    return a;
  }();
  return algos;
}

// Slice size for interleaving the three digests: small enough to stay in L1/L2.
constexpr size_t kSlice = 16 * 1024;

std::string FinalHex(EVP_MD_CTX* ctx) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx, md, &len);
  return ToHex({md, len});
}

}  // namespace

std::string ToHex(std::span<const uint8_t> bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(bytes.size() * 2, '0');
  for (size_t i = 0; i < bytes.size(); ++i) {
    out[2 * i] = kHex[bytes[i] >> 4];
    out[2 * i + 1] = kHex[bytes[i] & 15];
  }
  return out;
}

MultiDigest::MultiDigest()
    : md5_(EVP_MD_CTX_new()), sha1_(EVP_MD_CTX_new()), sha256_(EVP_MD_CTX_new()) {
  if (!md5_ || !sha1_ || !sha256_) std::abort();
  Reset();
}

MultiDigest::~MultiDigest() {
  EVP_MD_CTX_free(md5_);
  EVP_MD_CTX_free(sha1_);
  EVP_MD_CTX_free(sha256_);
}

void MultiDigest::Reset() {
  const Algorithms& a = Algos();
  EVP_DigestInit_ex2(md5_, a.md5, nullptr);
  EVP_DigestInit_ex2(sha1_, a.sha1, nullptr);
  EVP_DigestInit_ex2(sha256_, a.sha256, nullptr);
}

void MultiDigest::Update(std::span<const uint8_t> data) {
  for (size_t off = 0; off < data.size(); off += kSlice) {
    const size_t n = std::min(kSlice, data.size() - off);
    const uint8_t* p = data.data() + off;
    EVP_DigestUpdate(md5_, p, n);
    EVP_DigestUpdate(sha1_, p, n);
    EVP_DigestUpdate(sha256_, p, n);
  }
}

Digests MultiDigest::Final() {
  Digests d;
  d.md5 = FinalHex(md5_);
  d.sha1 = FinalHex(sha1_);
  d.sha256 = FinalHex(sha256_);
  return d;
}

Digests MultiDigest::Of(std::span<const uint8_t> data) {
  MultiDigest m;
  m.Update(data);
  return m.Final();
}

}  // namespace ngb
