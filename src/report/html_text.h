// Text for HTML reports. Everything that comes from evidence (provenance paths, chat messages,
// participant names) or from people (notes, tags) is hostile input: it goes through HtmlText,
// never into markup directly.
#pragma once
#include <string>
#include <string_view>

namespace ngb::report {

// `raw` as HTML text content or attribute value: invalid UTF-8 bytes become "\xNN" (DisplayPath's
// rule), C0 control characters and DEL become "\xNN" too (except tab and line feed when
// keep_newlines, for chat messages shown with white-space: pre-wrap), Unicode bidirectional
// controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) become "\u{XXXX}" so that a file
// name cannot reorder what is printed around it, and & < > " ' become character references.
std::string HtmlText(std::string_view raw, bool keep_newlines = false);

// Standard base64 (RFC 4648, with padding), for data: URIs.
std::string Base64(std::string_view bytes);

}  // namespace ngb::report
