#include "review/password.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace ngb::review {
namespace {

bool EnsureSodium() {
  static const bool ok = sodium_init() >= 0;
  return ok;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Status CheckPasswordStrength(std::string_view user_name, std::string_view password) {
  if (password.size() < 12) return Status::Error("weak_password", "use at least 12 characters");
  if (password.size() > 1024) return Status::Error("weak_password", "at most 1024 bytes");
  std::set<char> distinct(password.begin(), password.end());
  if (distinct.size() < 5) return Status::Error("weak_password", "use at least 5 different characters");
  const std::string lower = Lower(password);
  if (!user_name.empty() && lower.find(Lower(user_name)) != std::string::npos) {
    return Status::Error("weak_password", "must not contain the user name");
  }
  static constexpr std::array<std::string_view, 8> kCommon = {
      "password1234", "123456789012", "qwertyuiop12", "passwordpassword",
      "administrator", "letmein12345", "iloveyou1234", "welcome12345"};
  if (std::find(kCommon.begin(), kCommon.end(), lower) != kCommon.end()) {
    return Status::Error("weak_password", "a commonly used password");
  }
  return Status::Ok();
}

Result<std::string> HashPassword(std::string_view password, PasswordCost cost) {
  if (!EnsureSodium()) return Status::Error("password_hash_failed", "libsodium did not initialise");
  const bool moderate = cost == PasswordCost::kModerate;
  char out[crypto_pwhash_argon2id_STRBYTES];
  if (crypto_pwhash_argon2id_str(
          out, password.data(), password.size(),
          moderate ? crypto_pwhash_argon2id_OPSLIMIT_MODERATE : crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
          moderate ? crypto_pwhash_argon2id_MEMLIMIT_MODERATE : crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE) != 0) {
    return Status::Error("password_hash_failed", "out of memory");
  }
  return std::string(out);
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
  if (!EnsureSodium()) return false;
  if (hash.size() >= crypto_pwhash_argon2id_STRBYTES || hash.rfind("$argon2id$", 0) != 0) return false;
  return crypto_pwhash_argon2id_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

const std::string& DummyPasswordHash() {
  static const std::string hash = [] {
    unsigned char random[24];
    if (EnsureSodium()) randombytes_buf(random, sizeof random);
    Result<std::string> h = HashPassword(
        std::string_view(reinterpret_cast<const char*>(random), sizeof random), PasswordCost::kInteractive);
    return h.ok() ? *h : std::string();
  }();
  return hash;
}

}  // namespace ngb::review
