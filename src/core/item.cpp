#include "core/item.h"

#include <array>
#include <string_view>

namespace ngb {
namespace {
constexpr std::array<std::pair<ItemKind, const char*>, 9> kNames = {{
    {ItemKind::kFile, "file"},
    {ItemKind::kDirectory, "dir"},
    {ItemKind::kSymlink, "symlink"},
    {ItemKind::kFifo, "fifo"},
    {ItemKind::kSocket, "socket"},
    {ItemKind::kCharDevice, "chardev"},
    {ItemKind::kBlockDevice, "blockdev"},
    {ItemKind::kMember, "member"},
    {ItemKind::kOther, "other"},
}};
}  // namespace

const char* ItemKindName(ItemKind kind) {
  for (const auto& [k, n] : kNames) {
    if (k == kind) return n;
  }
  return "other";
}

std::optional<ItemKind> ItemKindFromName(const std::string& name) {
  for (const auto& [k, n] : kNames) {
    if (name == n) return k;
  }
  return std::nullopt;
}

}  // namespace ngb
