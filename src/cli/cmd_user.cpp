// `nigehbaan user add|list`: review accounts of a case.
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "core/json_text.h"
#include "review/users.h"
#include "store/case_store.h"

namespace ngb::cli {
namespace {

// One line from stdin; without echo when stdin is a terminal (then asked twice).
bool ReadPassword(bool from_stdin, std::string& out) {
  const bool tty = isatty(STDIN_FILENO) != 0;
  if (from_stdin || !tty) {
    if (!std::getline(std::cin, out)) return false;
    if (!out.empty() && out.back() == '\r') out.pop_back();
    return true;
  }
  termios old {};
  tcgetattr(STDIN_FILENO, &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::string again;
  std::cerr << "Password: " << std::flush;
  bool ok = static_cast<bool>(std::getline(std::cin, out));
  std::cerr << "\nRepeat password: " << std::flush;
  ok = ok && static_cast<bool>(std::getline(std::cin, again));
  std::cerr << "\n";
  tcsetattr(STDIN_FILENO, TCSANOW, &old);
  if (ok && out != again) {
    PrintError("the passwords differ");
    return false;
  }
  return ok;
}

}  // namespace

void AddUserCommand(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("user", "Review accounts of a case (for nigehbaan serve)");
  cmd->require_subcommand(1);

  struct AddFlags {
    std::string case_dir, name, role;
    bool password_stdin = false;
    bool fast_hash = false;
  };
  auto f = std::make_shared<AddFlags>();
  CLI::App* add = cmd->add_subcommand("add", "Add an account (password prompted, or one line from --password-stdin)");
  add->add_option("--case", f->case_dir, "Case folder")->required();
  add->add_option("NAME", f->name, "Account name (letters, digits, . _ @ -)")->required();
  add->add_option("--role", f->role, "examiner, reviewer or supervisor")
      ->required()
      ->check(CLI::IsMember({"examiner", "reviewer", "supervisor"}));
  add->add_flag("--password-stdin", f->password_stdin, "Read the password as one line from standard input");
  add->add_flag("--interactive-cost", f->fast_hash,
                "Hash with libsodium's interactive Argon2id limits (64 MiB) instead of moderate (256 MiB)");
  add->callback([f, &ctx] {
    Result<store::CaseStore> cs = store::CaseStore::Open(f->case_dir);
    if (!cs.ok()) {
      PrintError(cs.status().ToString());
      ctx.exit_code = kExitFatal;
      return;
    }
    std::string password;
    if (!ReadPassword(f->password_stdin, password)) {
      PrintError("no password read");
      ctx.exit_code = kExitFatal;
      return;
    }
    Result<review::User> u = review::AddUser(
        cs->db(), f->name, *review::ParseRole(f->role), password,
        f->fast_hash ? review::PasswordCost::kInteractive : review::PasswordCost::kModerate, cs->Meta("examiner"));
    if (!u.ok()) {
      PrintError(u.status().ToString());
      ctx.exit_code = kExitFatal;
      return;
    }
    std::cout << "Added " << review::RoleName(u->role) << " " << u->name << "\n";
  });

  struct ListFlags {
    std::string case_dir;
    bool json = false;
  };
  auto l = std::make_shared<ListFlags>();
  CLI::App* list = cmd->add_subcommand("list", "List the accounts");
  list->add_option("--case", l->case_dir, "Case folder")->required();
  list->add_flag("--json", l->json, "Print JSON lines");
  list->callback([l, &ctx] {
    Result<store::CaseStore> cs = store::CaseStore::Open(l->case_dir);
    if (!cs.ok()) {
      PrintError(cs.status().ToString());
      ctx.exit_code = kExitFatal;
      return;
    }
    Result<std::vector<review::User>> users = review::ListUsers(cs->db());
    if (!users.ok()) {
      PrintError(users.status().ToString());
      ctx.exit_code = kExitFatal;
      return;
    }
    for (const review::User& u : *users) {
      if (l->json) {
        std::cout << JsonText(nlohmann::json{{"name", u.name}, {"role", review::RoleName(u.role)},
                                             {"created_at", u.created_at}, {"disabled", u.disabled}})
                  << "\n";
      } else {
        std::cout << u.name << "\t" << review::RoleName(u.role) << "\t" << u.created_at
                  << (u.disabled ? "\tdisabled" : "") << "\n";
      }
    }
  });
}

}  // namespace ngb::cli
