// Provenance paths: where an item came from, e.g. "evidence/photos.zip!/2023/a.jpg".
// Paths are byte strings (file names on Linux and in archives need not be UTF-8); they are stored
// losslessly as bytes, and shown to people through DisplayPath().
#pragma once
#include <string>
#include <string_view>

namespace ngb {

// Separator between a container and a path inside it.
inline constexpr std::string_view kMemberSeparator = "!/";

// Returns parent + "/" + name (parent may be empty).
std::string JoinPath(std::string_view parent, std::string_view name);
// Returns container + "!/" + member (member's leading '/' characters are kept as given).
std::string JoinMember(std::string_view container, std::string_view member);

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view s);

// UTF-8 rendition for people and text formats: valid UTF-8 is copied as is; each byte of an
// invalid sequence becomes "\xNN" (uppercase hex). Lossy only for invalid input, which is why the
// raw bytes are stored beside it.
std::string DisplayPath(std::string_view raw);

// The last component of a path ("a.jpg" for "x.zip!/dir/a.jpg").
std::string_view BaseName(std::string_view path);
// Lower-case extension without the dot ("" when none). Only the last component is considered.
std::string Extension(std::string_view path);

}  // namespace ngb
