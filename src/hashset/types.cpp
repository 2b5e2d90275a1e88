#include "hashset/types.h"

#include <cstdio>

namespace ngb::hashset {
namespace {

constexpr std::string_view kKinds[] = {"alert", "known-good", "watch"};
constexpr std::string_view kTypes[] = {"md5", "sha1", "sha256", "pdq"};
constexpr std::string_view kFormats[] = {"auto", "vics", "nsrl", "hashdeep", "md5sum", "pdq"};

template <typename Enum, size_t N>
std::optional<Enum> Lookup(const std::string_view (&names)[N], std::string_view text) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view ToString(HashKind kind) { return kKinds[static_cast<int>(kind)]; }
std::string_view ToString(HashType type) { return kTypes[static_cast<int>(type)]; }
std::string_view ToString(ImportFormat format) { return kFormats[static_cast<int>(format)]; }

std::optional<HashKind> ParseHashKind(std::string_view text) { return Lookup<HashKind>(kKinds, text); }
std::optional<HashType> ParseHashType(std::string_view text) { return Lookup<HashType>(kTypes, text); }
std::optional<ImportFormat> ParseImportFormat(std::string_view text) { return Lookup<ImportFormat>(kFormats, text); }

size_t DigestSize(HashType type) {
  switch (type) {
    case HashType::kMd5:
      return 16;
    case HashType::kSha1:
      return 20;
    case HashType::kSha256:
    case HashType::kPdq:
      return 32;
  }
  return 0;
}

std::string Describe(const BadRow& row) {
  std::string where;
  if (row.pos.line && row.pos.record && row.pos.line != row.pos.record) {
    where = "line " + std::to_string(row.pos.line) + " (record " + std::to_string(row.pos.record) + ")";
  } else if (row.pos.line) {
    where = "line " + std::to_string(row.pos.line);
  } else {
    where = "record " + std::to_string(row.pos.record);
  }
  std::string s = where + ": " + row.reason;
  if (!row.detail.empty()) s += ": " + row.detail;
  return s;
}

std::string Excerpt(std::string_view text, size_t max) {
  std::string s = "\"";
  for (size_t i = 0; i < text.size() && i < max; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) {
      char esc[5];
      snprintf(esc, sizeof esc, "\\x%02x", c);
      s += esc;
    } else {
      s += static_cast<char>(c);
    }
  }
  s += text.size() > max ? "\"..." : "\"";
  return s;
}

}  // namespace ngb::hashset
