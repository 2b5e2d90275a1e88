// One-shot SHA-256 for small in-memory data (audit entries, manifests).
#pragma once
#include <string>
#include <string_view>

#include <openssl/evp.h>

namespace ngb {

std::string Sha256Hex(std::string_view data);

// Incremental SHA-256 over many small pieces (e.g. a manifest built line by line).
class Sha256Stream {
 public:
  Sha256Stream();
  ~Sha256Stream();
  Sha256Stream(const Sha256Stream&) = delete;
  Sha256Stream& operator=(const Sha256Stream&) = delete;
  void Update(std::string_view data);
  std::string FinalHex();

 private:
  EVP_MD_CTX* ctx_;
};

}  // namespace ngb
