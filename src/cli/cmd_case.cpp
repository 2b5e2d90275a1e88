#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "store/case_store.h"

namespace ngb::cli {

void AddCaseCommand(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("case", "Create and inspect cases");
  cmd->require_subcommand(1);
  CLI::App* init = cmd->add_subcommand("init", "Create a case folder with an empty case store");
  auto opts = std::make_shared<std::tuple<std::string, std::string, std::string, bool>>();
  init->add_option("CASE_DIR", std::get<0>(*opts), "Case folder to create (must not exist or be empty)")->required();
  init->add_option("--title", std::get<1>(*opts), "Case title")->required();
  init->add_option("--examiner", std::get<2>(*opts), "Examiner responsible for the case")->required();
  init->add_flag("--json", std::get<3>(*opts), "Print the result as JSON");
  init->callback([opts, &ctx] {
    const auto& [dir, title, examiner, json] = *opts;
    Result<store::CaseStore> cs = store::CaseStore::Create(dir, title, examiner);
    if (!cs.ok()) {
      PrintError(cs.status().ToString());
      ctx.exit_code = kExitFatal;
      return;
    }
    if (json) {
      std::cout << nlohmann::json{{"case_dir", dir}, {"case_id", cs->Meta("case_id")}, {"title", title}, {"examiner", examiner}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      std::cout << "Created case " << cs->Meta("case_id") << " in " << dir << "\n";
    }
  });
}

}  // namespace ngb::cli
