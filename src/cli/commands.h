// `nigehbaan` subcommands. Each Add*Command registers flags and a callback on the app; callbacks
// store their exit code in `exit_code`. The CLI is thin: it parses flags and calls src/app.
//
// Exit codes (all commands): 0 success; 1 finished but found problems (item errors in a scan,
// failed verification); 2 usage or fatal error (bad flags, case cannot be opened or written).
#pragma once
#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace ngb::store {
class CaseStore;
}
namespace ngb::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitProblems = 1;
inline constexpr int kExitFatal = 2;

struct Context {
  std::string command_line;  // the whole invocation, for the chain of custody
  int exit_code = kExitOk;
};

void AddCaseCommand(CLI::App& app, Context& ctx);
void AddScanCommand(CLI::App& app, Context& ctx);
void AddVerifyCommand(CLI::App& app, Context& ctx);
void AddExportCommand(CLI::App& app, Context& ctx);
void AddReportCommand(CLI::App& app, Context& ctx);  // cmd_report.cpp: the court report (HTML, PDF)
void AddHashCommand(CLI::App& app, Context& ctx);
void AddMatchCommand(CLI::App& app, Context& ctx);
void AddHashsetCommand(CLI::App& app, Context& ctx);
void AddTextCommand(CLI::App& app, Context& ctx);   // cmd_text.cpp: text classify|train|eval
void AddChatCommand(CLI::App& app, Context& ctx);   // cmd_chat.cpp: chat analyze
void AddUserCommand(CLI::App& app, Context& ctx);   // cmd_user.cpp: user add|list
void AddServeCommand(CLI::App& app, Context& ctx);  // cmd_serve.cpp: serve (review API)
void AddClassifyCommand(CLI::App& app, Context& ctx);  // cmd_classify.cpp: image classifier scores

// "64M", "1G", "1T", "4096" → bytes (powers of 1024). Returns false when malformed.
bool ParseSize(const std::string& text, uint64_t& out);
// Prints "nigehbaan: <message>" to stderr.
void PrintError(const std::string& message);
// Opens (and migrates) the case; on failure prints why, sets the fatal exit code, returns nullopt.
std::optional<store::CaseStore> OpenCaseOrReport(const std::string& dir, Context& ctx);

}  // namespace ngb::cli
