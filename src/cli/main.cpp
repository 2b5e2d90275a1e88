// nigehbaan — evidence triage for child-protection investigations.
#include <malloc.h>

#include <clocale>
#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "core/provenance.h"
#include "ngb_version.h"

namespace {

std::string ShellQuote(const std::string& arg) {
  if (!arg.empty() && arg.find_first_not_of(
                          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%") ==
                          std::string::npos) {
    return arg;
  }
  std::string q = "'";
  for (char c : arg) {
    if (c == '\'') q += "'\\''";
    else q += c;
  }
  return q + "'";
}

}  // namespace

int main(int argc, char** argv) {
  // libarchive converts member names using the locale; UTF-8 keeps them as stored where possible.
  if (!setlocale(LC_CTYPE, "C.UTF-8")) setlocale(LC_CTYPE, "");
  // Keep freed heap instead of returning it to the kernel after every batch: with per-record
  // churn, glibc otherwise shrinks and regrows each thread's heap (an mprotect call each time).
  // Peak memory is bounded by the pipeline's queues, not by this.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_TOP_PAD, 8 << 20);

  ngb::cli::Context ctx;
  for (int i = 0; i < argc; ++i) {
    if (i) ctx.command_line += ' ';
    ctx.command_line += ShellQuote(i == 0 ? std::string("nigehbaan") : std::string(argv[i]));
  }
  ctx.command_line = ngb::DisplayPath(ctx.command_line);

  CLI::App app{"nigehbaan — evidence triage: scan, hash, verify and export seized evidence"};
  app.set_version_flag("--version", std::string("nigehbaan ") + NGB_VERSION);
  app.require_subcommand(1);
  ngb::cli::AddCaseCommand(app, ctx);
  ngb::cli::AddScanCommand(app, ctx);
  ngb::cli::AddVerifyCommand(app, ctx);
  ngb::cli::AddExportCommand(app, ctx);
  ngb::cli::AddReportCommand(app, ctx);
  ngb::cli::AddHashCommand(app, ctx);
  ngb::cli::AddMatchCommand(app, ctx);
  ngb::cli::AddHashsetCommand(app, ctx);
  ngb::cli::AddTextCommand(app, ctx);
  ngb::cli::AddChatCommand(app, ctx);
  ngb::cli::AddUserCommand(app, ctx);
  ngb::cli::AddServeCommand(app, ctx);
  ngb::cli::AddClassifyCommand(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return ngb::cli::kExitFatal;
  }
  return ctx.exit_code;
}
