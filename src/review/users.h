// Review accounts stored in the case (table `users`, schema v5): add, list, find, authenticate.
// Functions take the caller's connection; not thread-safe for one Db (callers serialise).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "review/password.h"
#include "store/sqlite.h"

namespace ngb::review {

// examiner: reads the queue and items; reviewer: also categorises; supervisor: also changes
// another reviewer's decision, reads the audit log (and, later, exports and original bytes).
enum class Role { kExaminer, kReviewer, kSupervisor };
const char* RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

struct User {
  int64_t id = 0;
  std::string name;
  Role role = Role::kExaminer;
  std::string created_at;
  bool disabled = false;
};

// Names: 1-64 characters of [A-Za-z0-9._@-]. "bad_user_name" otherwise.
Status CheckUserName(std::string_view name);

// Adds an account, hashing `password` (checked with CheckPasswordStrength), and appends a
// "user_add" audit entry by `actor`, in one transaction. Errors: "bad_user_name",
// "weak_password", "user_exists", "password_hash_failed", store errors.
Result<User> AddUser(store::Db& db, std::string_view name, Role role, std::string_view password,
                     PasswordCost cost, const std::string& actor);

Result<std::vector<User>> ListUsers(store::Db& db);
// The account by id; "no_such_user" when absent.
Result<User> FindUser(store::Db& db, int64_t id);

// The stored hash and account for `name`, to verify outside any lock (verification is slow).
// "no_such_user" when absent.
struct Credentials {
  User user;
  std::string password_hash;
};
Result<Credentials> LoadCredentials(store::Db& db, std::string_view name);

}  // namespace ngb::review
