// Fast content-type sniffer for the scanner's hot path.
//
// libmagic costs ~175 us per item on content it has to search for; sniff_mime() answers for the
// common formats in well under a microsecond by looking at fixed offsets of the item's first bytes,
// and says "don't know" (std::nullopt) for everything else so the caller can fall back to libmagic.
//
// Contract of sniff_mime(): when it returns a type, that type is spelled exactly as libmagic 5.44
// (`file --mime-type`, i.e. magic_buffer() with MAGIC_MIME_TYPE) reports the same bytes. (`file`
// on an empty *path* says "inode/x-empty"; on an empty buffer libmagic says "application/x-empty",
// which is what sniff_mime() returns.) The rules were ported from libmagic 5.44's own magic files
// (Debian 1:5.44-3) and checked against it.
// Where libmagic's answer depends on bytes the sniffer does not look at, the sniffer returns
// std::nullopt rather than guess. Known, deliberate deviations, all on the "generic" side:
//   * Text is reported generically. Valid UTF-8/ASCII text (and UTF-16 text with a BOM) is
//     "text/plain" (or "text/csv", "text/html" for "<!DOCTYPE html", "image/svg+xml" for "<svg").
//     libmagic also has content rules that search *inside* text (C/C++ sources -> "text/x-c",
//     "#include" anywhere in the first 8 KiB, mail, diff, ...). The sniffer defers to libmagic for
//     text that starts with any of the prefixes libmagic keys on ("#!", "<?xml", "From:", "{"...)
//     but does not run libmagic's in-text searches, so such files come back as "text/plain"
//     (on a Debian system tree about a third of the text files: Python, C/C++, JavaScript, ...).
//   * Text is judged on its first 4 KiB; libmagic looks at 64 KiB. A file that is text for 4 KiB
//     and binary later is reported as text here and as "application/octet-stream" by libmagic.
//     Text in other 8-bit encodings (ISO-8859-x etc.) is left to libmagic.
//   * A zip whose first member gives no hint (not mimetype/META-INF/AndroidManifest.xml/...) is
//     "application/zip" unless the whole item is in `head` and its end shows an APK Signing Block
//     (then "application/vnd.android.package-archive"). That is libmagic's answer for the head;
//     on the full file libmagic would also spot the signing block of an APK larger than the head.
//   * ELF shared objects (ET_DYN) are std::nullopt: libmagic calls them x-sharedlib or
//     x-pie-executable depending on the *file mode* (executable bit), not on the content.
//   * libmagic lets stronger catch-all rules (DOS boot sectors, two-byte tests at fixed offsets)
//     claim data that merely happens to hold their bytes. The sniffer re-checks the ones that fire
//     by chance on compressed or random-looking payloads and then defers; rarer ones (three or more
//     chance bytes) remain: on random payloads behind each supported header, 2 of 2.7 million
//     samples still disagreed with libmagic (a BMP and a binary cpio, both weak magic numbers).
//
// Recognised (libmagic's spelling): image/jpeg, image/png, image/gif, image/webp, image/bmp,
// image/tiff, image/x-canon-cr2, image/heic, image/heif, image/heic-sequence, image/heif-sequence,
// image/avif, image/jp2, image/jpx, image/jpm, image/vnd.microsoft.icon, image/vnd.adobe.photoshop,
// image/x-ms-icl, image/svg+xml; video/mp4, video/x-m4v, video/quicktime, video/3gpp, video/3gpp2,
// video/mj2, audio/mp4, audio/x-m4a, video/x-msvideo, audio/x-wav, video/x-matroska, video/webm,
// audio/mpeg, audio/ogg, video/ogg, application/ogg, audio/flac; application/pdf,
// application/postscript, text/rtf, application/vnd.sqlite3; application/zip, the OOXML, ODF,
// StarOffice, EPUB, JAR, APK and iOS-app zip types; application/x-7z-compressed, application/x-rar,
// application/gzip, application/x-bzip2, application/x-xz, application/zstd, application/x-lz4,
// application/x-lzma, application/x-compress, application/x-tar, application/x-iso9660-image,
// application/x-cpio, application/x-archive, application/x-xar; application/x-executable,
// application/x-object, application/x-coredump, application/vnd.microsoft.portable-executable,
// application/x-dosexec, application/x-mach-binary, application/x-java-applet; text/plain,
// text/csv, text/html; application/x-empty and (one-byte items) application/octet-stream.
// Deliberately left to libmagic: OLE2 compound files (doc/xls/msi), MP3 without an ID3 tag,
// XML, JSON, scripts and other text libmagic types by its first bytes, ELF shared objects.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace ngb::analyse {

// How many leading bytes of an item the caller should pass as `head` (fewer only for shorter
// items). Checks such as ISO 9660 (magic at byte 32769) need that much.
inline constexpr std::size_t kSniffHeadBytes = 64 * 1024;

// Identifies content from its first bytes. `head` is the first min(size, 64 KiB) bytes of the item
// (may be shorter than that if the item is shorter); `total_size` is the item's full size.
// Returns a MIME type spelled exactly as libmagic 5.44 (`file --mime-type`) spells it for that content,
// or std::nullopt when not recognised (caller then falls back to libmagic).
// Pure function, thread-safe, no allocation. Returns "application/x-empty" for size 0.
// A `head` shorter than min(total_size, kSniffHeadBytes) breaks the contract: the result is then
// std::nullopt (never an out-of-bounds read). The returned view points to static storage.
std::optional<std::string_view> sniff_mime(std::span<const std::uint8_t> head, std::uint64_t total_size);

// True when this MIME type is a container that libarchive can open (zip and zip-based office/apk/jar,
// tar, gzip, bzip2, xz, zstd, lzma, 7z, rar, iso9660, cpio, ar, cab, lha, xar, ...).
bool is_archive_mime(std::string_view mime);

// True when the mime is a bare compression stream (gzip, bzip2, xz, zstd, lzma, lz4, compress) that
// libarchive should open with its "raw" format if no archive format inside is recognised.
// (lzip, also a bare stream that libarchive's filters read, is included as well.)
bool is_compressed_stream_mime(std::string_view mime);

// Extension check. `name` is a file name (may contain no dot, may contain invalid UTF-8 bytes).
// Returns std::nullopt when the answer is unknown (mime not in the table, generic types such as
// application/octet-stream or text/plain, or the name has no extension); true when the extension is
// NOT one of the usual extensions for that mime (case-insensitive, e.g. a JPEG named x.png or x.txt);
// false when it is a usual one. Keep the table as a sorted constexpr data table, easy to review.
// Only the part after the last '/' or '\\' is looked at; a name whose only dot is its first
// character (".bashrc") or its last ("a.") has no extension.
std::optional<bool> extension_mismatch(std::string_view mime, std::string_view name);

}  // namespace ngb::analyse
