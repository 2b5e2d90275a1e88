// STUB (to be replaced): `nigehbaan chat analyze`.
#include "cli/commands.h"

namespace ngb::cli {

void AddChatCommand(CLI::App& app, Context&) {
  CLI::App* cmd = app.add_subcommand("chat", "Chat export risk analysis (analyze)");
  cmd->require_subcommand(0);
}

}  // namespace ngb::cli
