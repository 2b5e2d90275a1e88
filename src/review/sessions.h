// Login sessions stored in the case (table `sessions`): the cookie carries a random 256-bit token;
// only its SHA-256 is stored. Each session has its own CSRF token. Not thread-safe for one Db.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "review/users.h"
#include "store/sqlite.h"

namespace ngb::review {

struct Session {
  std::string token;       // 64 hex; only in the cookie (empty when loaded from the store)
  std::string token_hash;  // SHA-256 hex of token: the key in the store
  std::string csrf_token;  // 64 hex
  User user;
  int64_t created_at = 0, expires_at = 0, last_seen = 0;  // seconds since 1970 UTC
};

struct SessionPolicy {
  int64_t lifetime_s = 8 * 3600;  // absolute limit
  int64_t idle_s = 30 * 60;       // ended when unused this long
};

// 64 hex characters from libsodium's randombytes_buf.
std::string RandomToken();

// Starts a session for `user` at time `now`.
Result<Session> CreateSession(store::Db& db, const User& user, int64_t now, const SessionPolicy& policy);

// The live session for `token`; "no_session" when unknown, expired, idle too long or the account
// is disabled. Refreshes last_seen (at most once a minute, to spare writes).
Result<Session> LookupSession(store::Db& db, std::string_view token, int64_t now, const SessionPolicy& policy);

// Ends the session (and removes expired ones). Ok when it did not exist.
Status EndSession(store::Db& db, const std::string& token_hash, int64_t now);

}  // namespace ngb::review
