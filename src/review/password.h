// Password hashing for review accounts: Argon2id through libsodium's crypto_pwhash_argon2id_str
// (the result is a self-describing "$argon2id$v=19$m=...,t=...,p=1$salt$hash" string, so the cost
// can be raised later without breaking stored hashes). Thread-safe; no exceptions.
#pragma once
#include <string>
#include <string_view>

#include "core/status.h"

namespace ngb::review {

// kInteractive: 64 MiB, 2 passes (~0.1 s; tests). kModerate: 256 MiB, 3 passes (~0.7 s; default
// for accounts made with `user add`).
enum class PasswordCost { kInteractive, kModerate };

// Refuses empty or weak passwords: "weak_password" with the rule broken (fewer than 12
// characters, more than 1024 bytes, fewer than 5 different characters, contains the user name,
// or a commonly used password).
Status CheckPasswordStrength(std::string_view user_name, std::string_view password);

// Argon2id hash string of `password`. Fails with "password_hash_failed" (out of memory).
Result<std::string> HashPassword(std::string_view password, PasswordCost cost);

// True when `password` matches `hash` (a string from HashPassword). Constant-time comparison
// inside libsodium; false for a malformed hash.
bool VerifyPassword(const std::string& hash, std::string_view password);

// A hash of a random password, to verify against when a login names no account, so that the
// time taken does not tell which names exist. Computed once (kInteractive cost).
const std::string& DummyPasswordHash();

}  // namespace ngb::review
