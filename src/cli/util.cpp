#include <cstdio>

#include "cli/commands.h"
#include "store/case_store.h"

namespace ngb::cli {

bool ParseSize(const std::string& text, uint64_t& out) {
  if (text.empty()) return false;
  size_t pos = 0;
  unsigned long long v = 0;
  try {
    v = std::stoull(text, &pos);
  } catch (...) {
    return false;
  }
  std::string suffix = text.substr(pos);
  uint64_t mult = 1;
  if (suffix.empty() || suffix == "B") mult = 1;
  else if (suffix == "K" || suffix == "KiB" || suffix == "k") mult = 1ull << 10;
  else if (suffix == "M" || suffix == "MiB") mult = 1ull << 20;
  else if (suffix == "G" || suffix == "GiB") mult = 1ull << 30;
  else if (suffix == "T" || suffix == "TiB") mult = 1ull << 40;
  else return false;
  if (v > UINT64_MAX / mult) return false;
  out = v * mult;
  return true;
}

void PrintError(const std::string& message) { fprintf(stderr, "nigehbaan: %s\n", message.c_str()); }

std::optional<store::CaseStore> OpenCaseOrReport(const std::string& dir, Context& ctx) {
  Result<store::CaseStore> cs = store::CaseStore::Open(dir);
  if (!cs.ok()) {
    PrintError(cs.status().ToString());
    ctx.exit_code = kExitFatal;
    return std::nullopt;
  }
  return std::move(*cs);
}

}  // namespace ngb::cli
