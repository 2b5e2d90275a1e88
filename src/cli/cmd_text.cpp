// STUB (to be replaced): `nigehbaan text classify|train|eval`.
#include "cli/commands.h"

namespace ngb::cli {

void AddTextCommand(CLI::App& app, Context&) {
  CLI::App* cmd = app.add_subcommand("text", "Message-level text classification (classify, train, eval)");
  cmd->require_subcommand(0);
}

}  // namespace ngb::cli
