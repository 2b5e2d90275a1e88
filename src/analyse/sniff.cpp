// Hand-written content sniffer; see sniff.h for the contract.
//
// Every check below is a port of the libmagic 5.44 rule that decides the same content (file and
// line of the magic source are named in the comments). libmagic tries its rules in strength order
// and the first rule that prints a MIME type wins; a rule that only prints a description (no MIME
// type) ends the soft-magic pass and the answer becomes "text/plain" or "application/octet-stream".
// Where that happens, or where the answer depends on bytes we do not have, a check returns
// kUnknown and sniff_mime() returns std::nullopt so that the caller asks libmagic.
#include "analyse/sniff.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

namespace ngb::analyse {
namespace {

using namespace std::string_view_literals;

// ---------------------------------------------------------------------------------------------
// Limits.

// libmagic 5.44 reads at most this many bytes of an item (FILE_BYTES_MAX); searches stop there.
constexpr std::uint64_t kLibmagicBytesMax = 7 * 1024 * 1024;
// Text is judged on this many leading bytes.
constexpr std::size_t kTextWindow = 4 * 1024;
// libmagic's regex rules look at most this far (FILE_REGEX_MAX).
constexpr std::size_t kRegexMax = 8192;

// ---------------------------------------------------------------------------------------------
// MIME spellings (libmagic 5.44).

constexpr std::string_view kAndroidPackage = "application/vnd.android.package-archive";
constexpr std::string_view kOctetStream = "application/octet-stream";
constexpr std::string_view kTextPlain = "text/plain";
constexpr std::string_view kZip = "application/zip";

// ---------------------------------------------------------------------------------------------
// Verdict of one check.

enum class Match : std::uint8_t {
  kNo,       // the rule does not apply; later checks (and finally text detection) go on
  kUnknown,  // libmagic's answer cannot be predicted: sniff_mime() returns nullopt
  kYes,      // `mime` is libmagic's answer
};

// libmagic strength of the rule that decides a verdict, in the bands that matter here: weak
// rules (a two-byte magic, libmagic strength 40) lose to any two-byte test elsewhere in the item;
// normal rules lose only to the DOS boot sector rules; strong ones (>= 131) to none of those.
enum class Strength : std::uint8_t { kWeak, kNormal, kStrong };

struct Verdict {
  Match match = Match::kNo;
  std::string_view mime;
  Strength strength = Strength::kNormal;
};

constexpr Verdict kNo{};
constexpr Verdict kUnknown{Match::kUnknown, {}};
constexpr Verdict Yes(std::string_view mime) { return {Match::kYes, mime, Strength::kNormal}; }
constexpr Verdict Strong(std::string_view mime) { return {Match::kYes, mime, Strength::kStrong}; }
constexpr Verdict Weak(std::string_view mime) { return {Match::kYes, mime, Strength::kWeak}; }

// ---------------------------------------------------------------------------------------------
// Bounds-checked access to the head.

class Head {
 public:
  Head(std::span<const std::uint8_t> bytes, std::uint64_t total) : b_(bytes), total_(total) {}

  std::size_t size() const { return b_.size(); }
  std::uint64_t total() const { return total_; }
  const std::uint8_t* data() const { return b_.data(); }
  // True when the whole item is in the head.
  bool complete() const { return b_.size() >= total_; }
  // Length of the buffer libmagic works on.
  std::uint64_t magic_len() const { return std::min(total_, kLibmagicBytesMax); }

  // True when [off, off + n) lies in the head.
  bool has(std::uint64_t off, std::uint64_t n) const { return off <= b_.size() && n <= b_.size() - off; }
  // True when [off, off + n) is not in the head but is part of the item: undecidable here.
  bool hidden(std::uint64_t off, std::uint64_t n) const { return !has(off, n) && off + n <= total_; }

  // Readers. REQUIRE: has(off, width).
  std::uint8_t u8(std::size_t off) const { return b_[off]; }
  std::uint16_t le16(std::size_t off) const {
    return static_cast<std::uint16_t>(b_[off] | (b_[off + 1] << 8));
  }
  std::uint16_t be16(std::size_t off) const {
    return static_cast<std::uint16_t>((b_[off] << 8) | b_[off + 1]);
  }
  std::uint32_t le32(std::size_t off) const {
    return static_cast<std::uint32_t>(b_[off]) | (static_cast<std::uint32_t>(b_[off + 1]) << 8) |
           (static_cast<std::uint32_t>(b_[off + 2]) << 16) |
           (static_cast<std::uint32_t>(b_[off + 3]) << 24);
  }
  std::uint32_t be32(std::size_t off) const {
    return (static_cast<std::uint32_t>(b_[off]) << 24) |
           (static_cast<std::uint32_t>(b_[off + 1]) << 16) |
           (static_cast<std::uint32_t>(b_[off + 2]) << 8) | static_cast<std::uint32_t>(b_[off + 3]);
  }

  // True when the head holds `lit` at `off`.
  bool eq(std::uint64_t off, std::string_view lit) const {
    return has(off, lit.size()) && std::memcmp(b_.data() + off, lit.data(), lit.size()) == 0;
  }

  // The head's bytes [off, off + n) as characters. REQUIRES: has(off, n).
  std::string_view chars(std::size_t off, std::size_t n) const {
    return {reinterpret_cast<const char*>(b_.data()) + off, n};
  }

 private:
  std::span<const std::uint8_t> b_;
  std::uint64_t total_;
};

// Result of a libmagic "search/range" test.
struct Search {
  Match match = Match::kNo;
  std::size_t at = 0;  // offset of the match when match == kYes
};

// libmagic's `search/range lit` at `off`: lit must start within [off, off + range] and lie within
// the item (memmem over min(range + len, remaining) bytes, softmagic.c magiccheck FILE_SEARCH).
Search SearchAt(const Head& h, std::uint64_t off, std::uint64_t range, std::string_view lit) {
  const std::uint64_t len = h.magic_len();
  if (off >= len) return {};
  const std::uint64_t end = std::min(off + range + lit.size(), len);
  const std::uint64_t visible = std::min<std::uint64_t>(end, h.size());
  if (off < visible) {
    const auto pos = h.chars(off, visible - off).find(lit);
    if (pos != std::string_view::npos) return {Match::kYes, static_cast<std::size_t>(off + pos)};
  }
  return visible < end ? Search{Match::kUnknown, 0} : Search{};
}

// ---------------------------------------------------------------------------------------------
// Tables.

// libmagic's text_chars (encoding.c): 'T' bytes may appear in ASCII text. BEL..CR and ESC count
// as text; NUL, the other C0 controls and DEL do not.
constexpr std::array<bool, 128> kTextChar = [] {
  std::array<bool, 128> t{};
  for (int c = 0x07; c <= 0x0d; ++c) t[c] = true;
  t[0x1b] = true;
  for (int c = 0x20; c <= 0x7e; ++c) t[c] = true;
  return t;
}();

// ISO base media (ftyp) major brands verified against libmagic 5.44 (Magdir/animation: `4 string
// ftyp` then `>8 string <brand>`). Sorted by brand; other brands are left to libmagic.
struct Brand {
  std::string_view brand;
  std::string_view mime;
};
constexpr std::array kFtypBrands = std::to_array<Brand>({
    {"3g2a", "video/3gpp2"},         {"3g2b", "video/3gpp2"},         {"3g2c", "video/3gpp2"},
    {"3ge6", "video/3gpp"},          {"3ge7", "video/3gpp"},          {"3gg6", "video/3gpp"},
    {"3gp1", "video/3gpp"},          {"3gp2", "video/3gpp"},          {"3gp3", "video/3gpp"},
    {"3gp4", "video/3gpp"},          {"3gp5", "video/3gpp"},          {"3gp6", "video/3gpp"},
    {"3gp7", "video/3gpp"},          {"3gp8", "video/3gpp"},          {"3gp9", "video/3gpp"},
    {"3gs7", "video/3gpp"},          {"F4A ", "audio/mp4"},           {"F4B ", "audio/mp4"},
    {"F4P ", "video/mp4"},           {"F4V ", "video/mp4"},           {"KDDI", "video/3gpp2"},
    {"M4A ", "audio/x-m4a"},         {"M4B ", "audio/mp4"},           {"M4P ", "video/mp4"},
    {"M4V ", "video/x-m4v"},         {"M4VH", "video/x-m4v"},         {"M4VP", "video/x-m4v"},
    {"MSNV", "audio/mp4"},           {"NDAS", "audio/mp4"},           {"NDSC", "video/mp4"},
    {"avc1", "video/mp4"},           {"avif", "image/avif"},          {"avis", "image/avif"},
    {"dash", "video/mp4"},           {"heic", "image/heic"},          {"heim", "image/heif"},
    {"heis", "image/heif"},          {"heix", "image/heic"},          {"hevc", "image/heic-sequence"},
    {"hevm", "image/heif-sequence"}, {"hevs", "image/heif-sequence"}, {"hevx", "image/heic-sequence"},
    {"isml", "video/mp4"},           {"iso1", "video/mp4"},           {"iso2", "video/mp4"},
    {"iso3", "video/mp4"},           {"iso4", "video/mp4"},           {"iso5", "video/mp4"},
    {"iso6", "video/mp4"},           {"iso7", "video/mp4"},           {"iso8", "video/mp4"},
    {"iso9", "video/mp4"},           {"isoa", "video/mp4"},           {"isoe", "video/mp4"},
    {"isom", "video/mp4"},           {"jp2 ", "image/jp2"},           {"jpm ", "image/jpm"},
    {"jpx ", "image/jpx"},           {"mif1", "image/heif"},          {"mj2s", "video/mj2"},
    {"mmp4", "video/mp4"},           {"mp41", "video/mp4"},           {"mp42", "video/mp4"},
    {"mqt ", "video/quicktime"},     {"msf1", "image/heif-sequence"}, {"qt  ", "video/quicktime"},
});
static_assert(std::is_sorted(kFtypBrands.begin(), kFtypBrands.end(),
                             [](const Brand& a, const Brand& b) { return a.brand < b.brand; }));

// Prefixes that some libmagic 5.44 rule keys on at offset 0 of a text (string tests and
// `search/1` tests whose rule carries a MIME type; extracted from Magdir). Text starting with one
// of them is left to libmagic. `fold`: compared case-insensitively (entry is lower case). A space
// in an entry matches any run of blanks (isspace), including none. Sorted; shorter entries already cover
// longer ones (e.g. "#!" covers every "#! /bin/..." script rule).
struct TextKey {
  std::string_view prefix;
  bool fold;
};
constexpr std::array kTextKeys = std::to_array<TextKey>({
    {"\n%PDF-", false}, {"\n(", false}, {"\x1b%-1B", false}, {"!<arch>\n", false}, {"!BDN", false},
    {"# GIMP Curves File", false}, {"# KDE Config File", false}, {"# PaCkAgE DaTaStReAm", false},
    {"# abook addressbook file", false}, {"# xmcd", false}, {"#!", false}, {"#%Module", false},
    {"#FIG", false}, {"#VRML V1.0 ascii", false}, {"#VRML V2.0 utf8", false}, {"#X3D", false},
    {"#usda ", false}, {"$SDI", false}, {"%!", false}, {"%FDF-", false}, {"%PDF-", false},
    {"'.\\\"", false}, {"'\\\"", false}, {"(C) CED 87", false}, {"*** ", false},
    {"**** FRITZ!Box ", false}, {"*PPD-Adobe: ", false}, {"-----BEGIN PGP MESSAGE-", false},
    {"-----BEGIN PGP SIGNATURE-", false}, {"-----BEGIN PGP SIGNED MESSAGE-", false},
    {".\\\"", false}, {".snd", false}, {"/* ", false}, {"0 ", false}, {"070701", false},
    {"070702", false}, {"070707", false}, {"1\n", false}, {"1\r", false}, {"1giM", false}, {"8BPS", false}, {";", false},
    {"<!--", true}, {"<!doctype html", true}, {"<?\n", false}, {"<?\r", false}, {"<?php", true},
    {"<?xml", true}, {"<BookFile", false}, {"<DryadData", false}, {"<MIFFile", false},
    {"<MML", false}, {"<Maker Intermediate Print File", false}, {"<MakerDictionary", false},
    {"<MakerFile", false}, {"<MakerScreenFont", false}, {"<SCRIBUSUTF8NEW Version", false},
    {"<TeXmacs|", false}, {"<ar>", false}, {"<html>", true}, {"<map version", false},
    {"<svg", false}, {"=srl", false}, {"@", false}, {"ABF ", false}, {"AC1.2", false},
    {"AC1.3", false}, {"AC1.40", false}, {"AC1.50", false}, {"AC1001", false}, {"AC1002", false},
    {"AC1003", false}, {"AC1004", false}, {"AC1006", false}, {"AC1009", false}, {"AC1012", false},
    {"AC1013", false}, {"AC1014", false}, {"AC1015", false}, {"AC1018", false}, {"AC1021", false},
    {"AC1024", false}, {"AC1027", false}, {"AC1032", false}, {"AC1035", false}, {"AC2.10", false},
    {"AC2.21", false}, {"AC2.22", false}, {"ADIF", false}, {"ADU1", false}, {"ADU2", false},
    {"AES", false}, {"ALPHA-TRACE-MEDICAL", false}, {"ANDROID BACKUP\n", false}, {"APIC", false},
    {"ASTM-E57", false}, {"AT&TFORM", false}, {"ATES MEDICA SOFT. EEG for Windows", false},
    {"ATF ", false}, {"AUDIMG", false}, {"AUX", false}, {"AWBM", false}, {"Abort", false},
    {"AntiVir Qua", false}, {"Article", false}, {"B&W256", false}, {"BA", false},
    {"BCI2000V", false}, {"BLENDER", false}, {"BM", false}, {"BP", false}, {"BZ0", false},
    {"BZh", false}, {"Brain Vision Data Exchange Marker File, Version", false}, {"CAR 2.01", false},
    {"CEDFILE", false}, {"CI", false}, {"CO ", false}, {"CP", false}, {"CSTM", false},
    {"CTMF", false}, {"CWAV", false}, {"ClamAV-VDB:", false}, {"Common subdirectories: ", false},
    {"Cr24", false}, {"Creative Voice File", false}, {"DATA", false}, {"DBPF", false},
    {"DEMG", false}, {"DF;", false}, {"DIST", false}, {"DOC", false}, {"DOS", false},
    {"DSD ", false}, {"DSDT", false}, {"DVDVIDEO-VMG", false}, {"DVDVIDEO-VTS", false},
    {"DZ", false}, {"Date:", false}, {"EBUILD", false}, {"EDILZSS", false}, {"ER", false},
    {"Embla data file", false}, {"Extended Module:", false}, {"FACP", false}, {"FGF95a", false},
    {"FILE", false}, {"FORM", false}, {"FOVb", false}, {"FSTM", false}, {"FUJIFILMCCD-RAW", false},
    {"FileId=TMSi PortiLab sample log file", false}, {"Forward to", false}, {"From:", false},
    {"GALILEO EEG TRACE FILE", false}, {"GDBM", false}, {"GDF", false}, {"GDST", false},
    {"GIF8", false}, {"GIF94z", false}, {"GIMP Gradient", false}, {"GIMP Palette", false},
    {"GRIB", false}, {"GRUBLAYO", false}, {"GST2", false}, {"Glul", false}, {"HEADER ", false},
    {"Header\r\nFile", false}, {"IAvSFo", false}, {"IC", false}, {"ID;P", false}, {"IGOR", false},
    {"IIN1", false}, {"IIO1$", false}, {"IIO2H", false}, {"IIRO", false}, {"IIRS", false},
    {"IMPM", false}, {"IN;", false}, {"INPS", false}, {"IP0", false}, {"ISHNE1.0", false},
    {"ISc(", false}, {"ITOLITLS", false}, {"Index:", false}, {"Inno Setup Messages (", false},
    {"Inno Setup Uninstall Log (b)", false}, {"JARCS", false}, {"KpGr", false}, {"LPKSHHRH", false},
    {"LRZI", false}, {"LX", false}, {"LYNX", false}, {"LZIP", false}, {"MAC ", false},
    {"MANIFEST", false}, {"MAS_UTrack_V00", false}, {"MATLAB", false}, {"MC0.0", false},
    {"MCFG", false}, {"MDMP", false}, {"MM", false}, {"MOVI", false}, {"MP+", false},
    {"MPCK", false}, {"MThd", false}, {"MZ", false}, {"Microsoft C/C++ ", false},
    {"N#! rnews", false}, {"NEKO", false}, {"NEX1", false}, {"NP", false}, {"OTTO", false},
    {"OggS", false}, {"Only in ", false}, {"P1", false}, {"P2", false}, {"P3", false},
    {"P4", false}, {"P5", false}, {"P6", false}, {"P7", false}, {"PA", false}, {"PBF", false},
    {"PDN3", false}, {"PGF", false}, {"POLY SAMPLE FILEversion ", false}, {"PO^Q`", false},
    {"PS ", false}, {"PS4", false}, {"PS9", false}, {"PSF", false}, {"Packed File", false},
    {"Path:", false}, {"Pipe to", false}, {"PuTTY-User-Key-File-", false}, {"REGEDIT", false},
    {"RE~^", false}, {"RIFF", false}, {"RIFX", false}, {"RSTM", false}, {"RaS", false},
    {"Received:", false}, {"Relay-Version:", false}, {"SAP\r\n", false}, {"SBI", false},
    {"SDPX", false}, {"SEGA SEGAKATANA ", false}, {"SEGA SEGASATURN ", false},
    {"SEGABOOTDISC ", false}, {"SEGADISCSYSTEM ", false}, {"SGA3", false}, {"SIMPLE =", false},
    {"SIT!", false}, {"SLIC", false}, {"SP", false}, {"SQLite format 3", false}, {"SSDT", false},
    {"SplineFontDB:", false}, {"StuffIt", false}, {"T3-state-v", false}, {"TABLE", false},
    {"TADS2 bin", false}, {"TADS2 rsc", false}, {"TADS2 save", false}, {"TNES", false},
    {"This is Info file", false}, {"ToKyO CaBiNeT\n", false}, {"Type", false}, {"UNIF", false},
    {"V3.0 ", false}, {"VER=9\r\nCTIME=", false}, {"Vgm ", false}, {"WARC/", false},
    {"WBFS", false}, {"WEBVTT", false}, {"WINE REGISTRY Version ", false},
    {"Windows Registry Editor", false}, {"XBEH", false}, {"XBTF", false}, {"XEX1", false},
    {"XEX2", false}, {"XPDS", false}, {"Xcur", false}, {"Xref:", false}, {"[", false},
    {"\\\"", false}, {"\\input texinfo", false}, {"axgx", false}, {"begin:vcalendar", true},
    {"begin:vcard", true}, {"begmf", true}, {"conectix", false}, {"d13:announce-list", false},
    {"d4:info", false}, {"d7:comment", false}, {"d8:announce", false}, {"delivered-to:", true},
    {"diff ", false}, {"drpm", false}, {"fLaC", false}, {"filedesc://", false}, {"gimp xcf", false},
    {"glTF", false}, {"hsi1", false}, {"icns", false}, {"push", false}, {"qoif", false},
    {"qpress10", false}, {"return-path:", true}, {"tfMR", false}, {"true", false}, {"ttcf", false},
    {"typ1", false}, {"wOF2", false}, {"wOFF", false}, {"x", false}, {"{\\pwd", false},
    {"{\\rtf", false}, {"{\\urtf", false},
});
static_assert(std::is_sorted(kTextKeys.begin(), kTextKeys.end(),
                             [](const TextKey& a, const TextKey& b) { return a.prefix < b.prefix; }));

// The same for string tests at small offsets other than 0 (plus SubRip's regex, above as "1\n").
struct TextKeyAt {
  std::uint8_t offset;
  std::string_view text;
};
constexpr std::array kTextKeysAt = std::to_array<TextKeyAt>({
    {1, "*NINTENDO-HVC*"}, {1, "SaR"}, {1, "WS"}, {2, "\r\n"}, {2, "---BEGIN PGP PRIVATE KEY BLOCK-"},
    {2, "---BEGIN PGP PUBLIC KEY BLOCK-"}, {2, "-lh"}, {2, "-lz"}, {2, "-pm"}, {2, "GARMIN"},
    {2, "MMXPR3"}, {3, "STL"}, {4, "O"}, {4, "Standard ACE DB"}, {4, "Standard Jet DB"}, {4, "ftyp"},
    {4, "idsc"}, {4, "mdat"}, {4, "moov"}, {4, "pckg"}, {6, "%!FontType1"}, {6, "%!PS-AdobeFont-1."},
    {6, "%PS-AdobeFont-1."}, {7, "**ACE**"}, {8, "sdbf"}, {10, "# This is a shell archive"},
    {10, "PLEXON"}, {12, "DSD "}, {20, "45"}, {20, "GIMP"}, {20, "GPAT"}, {21, "!SCREAM!"}, {21, "!scream!"},
    {21, "BMOD2STM"}, {36, "acsp"}, {38, "Spreadsheet"}, {39, "<gmr:Workbook"}, {60, "BOOKMOBI"},
    {60, "RINEX"},
});

// ---------------------------------------------------------------------------------------------
// Small helpers.

constexpr char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
// isspace() in the C locale.
constexpr bool IsBlank(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// True when `text` starts with `key` (see TextKey for the matching rules).
bool KeyMatches(const TextKey& key, std::string_view text) {
  std::size_t j = 0;
  for (const char k : key.prefix) {
    if (k == ' ') {
      while (j < text.size() && IsBlank(text[j])) ++j;
      continue;
    }
    if (j >= text.size()) return false;
    const char c = key.fold ? AsciiLower(text[j]) : text[j];
    if (c != k) return false;
    ++j;
  }
  return true;
}

// True when `text` starts with a prefix that some libmagic rule keys on.
bool StartsWithTextKey(std::string_view text) {
  if (text.empty()) return false;
  for (const TextKeyAt& key : kTextKeysAt) {
    if (text.size() > key.offset && text[key.offset] == key.text.front() &&
        text.substr(key.offset).starts_with(key.text)) {
      return true;
    }
  }
  const auto starts_at = [](char first) {
    return std::lower_bound(kTextKeys.begin(), kTextKeys.end(), first,
                            [](const TextKey& k, char c) { return k.prefix.front() < c; });
  };
  const char first = text.front();
  for (auto it = starts_at(first); it != kTextKeys.end() && it->prefix.front() == first; ++it) {
    if (!it->fold && KeyMatches(*it, text)) return true;
  }
  const char lower = AsciiLower(first);
  for (auto it = starts_at(lower); it != kTextKeys.end() && it->prefix.front() == lower; ++it) {
    if (it->fold && KeyMatches(*it, text)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Catch-all rules that outrank most formats.

// The DOS/MBR boot sector rules (filesystems:254 strength 106, :278 strength 115, :1370 strength
// 131) test two-byte values, so they match compressed or random-looking data by chance (about
// once in 30000 items), and they outrank every ported rule except the strong ones (Strong()).
// True when one of them may match the data that starts at `base`, or when the bytes that would
// tell are not in the head.
bool BootSectorMayClaim(const Head& h, std::size_t base) {
  const auto le16_is = [&h](std::uint64_t off, std::uint16_t value) {
    if (h.hidden(off, 2)) return true;
    return h.has(off, 2) && h.le16(static_cast<std::size_t>(off)) == value;
  };
  if (le16_is(base + 0x1FE, 0xAA55)) return true;  // boot signature at the end of the sector
  if (h.hidden(base, 22)) return true;
  if (!h.has(base, 22)) return false;
  // `>11 uleshort <512` `>>(11.s-2) uleshort 0xAA55`: signature at the end of a small sector.
  const std::uint16_t sector = h.le16(base + 11);
  if (sector >= 2 && sector < 512 && le16_is(base + sector - 2, 0xAA55)) return true;
  // `0 ulelong&0x804000E9 0xE9` (FAT boot sector) and its first sub-tests.
  const bool jump = (h.u8(base) & 0xE9) == 0xE9 && (h.u8(base + 2) & 0x40) == 0 &&
                    (h.u8(base + 3) & 0x80) == 0;
  return jump && (sector & 0x1F) == 0 && sector >= 32 && sector <= 32768 &&
         (h.u8(base + 21) & 0xF0) == 0xF0;
}

// Two-byte tests at fixed offsets (top-level rules of libmagic 5.44, file:line). Each is as strong
// as a two-byte magic number, so any of them may pre-empt a weak verdict (ties go by rule order).
// (mathematica:117 `13 ushort 0` is left out: it goes on to require 00 00 03 at offset 0.)
struct TwoByteTest {
  std::uint32_t offset;
  std::uint8_t b0, b1;
};
constexpr std::array kTwoByteTests = std::to_array<TwoByteTest>({
    {1, 0x57, 0x53},      // flash:48
    {2, 0x00, 0x11},      // tex:28
    {2, 0x00, 0x12},      // tex:31
    {2, 0x00, 0x38},      // images:2737
    {2, 0x0d, 0x0a},      // python:204
    {2, 0x60, 0xea},      // archive:1253
    {2, 0xcd, 0x21},      // msdos:1126
    {2, 0xde, 0xc0},      // javascript:80
    {2, 0x8f, 0xca},      // netbsd:194 (belong&0xffff)
    {4, 0x00, 0x09},      // msx:296
    {4, 0x11, 0xaf},      // animation:877
    {4, 0x12, 0xaf},      // animation:890
    {4, 0x20, 0x02},      // geo:63
    {4, 0xcd, 0x21},      // msdos:1130
    {5, 0xcd, 0x21},      // msdos:1134
    {6, 0x01, 0x07},      // varied.out:16
    {6, 0x4a, 0xfb},      // sinclair:34
    {7, 0xcd, 0x21},      // msdos:1138
    {10, 0xcd, 0x21},     // msdos:1143
    {13, 0xcd, 0x21},     // msdos:1148
    {14, 0x59, 0x43},     // archive:439
    {18, 0x6b, 0xea},     // dump:86
    {18, 0xcd, 0x21},     // msdos:1152
    {20, 0x34, 0x35},     // marc21:13
    {23, 0xcd, 0x21},     // msdos:1160
    {30, 0xcd, 0x21},     // msdos:1164
    {53, 0x0d, 0x0a},     // msx:63
    {70, 0xcd, 0x21},     // msdos:1168
    {82, 0x01, 0x00},     // archive:546
    {508, 0xda, 0xbe},    // filesystems:190 (Sun disk label)
    {512, 0xea, 0x70},    // filesystems:1312 (GRUB stage2)
    {1024, 0x42, 0x44},   // macintosh:425
    {1024, 0x48, 0x2b},   // macintosh:477
    {1024, 0x48, 0x58},   // macintosh:479
    {1024, 0xd2, 0xd7},   // macintosh:413
    {1080, 0x53, 0xef},   // filesystems:1687 (ext2)
    {16384, 0x41, 0x42},  // msx:245
    {32768, 0x41, 0x42},  // msx:253
    {245760, 0x41, 0x42}, // msx:262 (beyond a 64 KiB head: not checked)
});

// True when one of kTwoByteTests may match (or cannot be checked within the head).
bool TwoByteTestMayClaim(const Head& h) {
  for (const TwoByteTest& t : kTwoByteTests) {
    if (t.offset >= kSniffHeadBytes) continue;
    if (h.hidden(t.offset, 2)) return true;
    if (h.has(t.offset, 2) && h.u8(t.offset) == t.b0 && h.u8(t.offset + 1) == t.b1) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Checks that run before the content-specific ones (libmagic funcs.c file_buffer order).

// tar by header checksum (is_tar.c): libmagic runs it before any magic rule, and it also accepts
// old v7 archives. All three tar flavours are "application/x-tar".
int TarFromOctal(const Head& h, std::size_t off, std::size_t digs) {  // is_tar.c from_oct
  const auto is_space = [](std::uint8_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  std::size_t i = off;
  while (is_space(h.u8(i))) {  // the field is followed by more header bytes, so i stays in range
    ++i;
    if (digs-- == 0) return -1;
  }
  int value = 0;
  while (digs > 0 && h.u8(i) >= '0' && h.u8(i) <= '7') {
    value = (value << 3) | (h.u8(i++) - '0');
    --digs;
  }
  if (digs > 0 && h.u8(i) != 0 && !is_space(h.u8(i))) return -1;
  return value;
}

bool IsTar(const Head& h) {
  constexpr std::size_t kRecord = 512, kChksum = 148, kChksumLen = 8;
  if (!h.has(0, kRecord)) return false;
  // GLEP 78 (gpkg) archives are left to the magic rules.
  const std::string_view name = h.chars(0, 100);
  const std::size_t nul = name.find('\0');
  if (nul != std::string_view::npos && name.substr(0, nul).ends_with("/gpkg-1")) return false;
  const int recsum = TarFromOctal(h, kChksum, kChksumLen);
  // The checksum counts its own field as 8 blanks, so any real sum is at least 256.
  if (recsum < static_cast<int>(' ' * kChksumLen)) return false;
  int sum = 0;
  for (std::size_t i = 0; i < kRecord; ++i) sum += h.u8(i);
  for (std::size_t i = kChksum; i < kChksum + kChksumLen; ++i) {
    sum -= static_cast<signed char>(h.u8(i));  // libmagic reads this field as (signed) char
  }
  sum += ' ' * static_cast<int>(kChksumLen);
  return sum == recsum;
}

// ---------------------------------------------------------------------------------------------
// Images.

Verdict SniffJpeg(const Head& h) {  // jpeg:17 `0 belong&0xffffff00 0xffd8ff00`
  return h.eq(0, "\xff\xd8\xff"sv) && h.has(3, 1) ? Strong("image/jpeg") : kNo;
}

Verdict SniffPng(const Head& h) {  // images:494, images:501 (Apple CgBI)
  if (h.eq(0, "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"sv)) return Strong("image/png");
  if (h.eq(0, "\x89PNG\r\n\x1a\n\0\0\0\x04" "CgBI"sv) && h.eq(24, "\0\0\0\x0dIHDR"sv)) {
    return Strong("image/png");
  }
  return kNo;
}

Verdict SniffBmp(const Head& h) {  // images:858 `0 string BM` and `name bitmap-bmp`
  if (!h.has(0, 18)) return kNo;
  const std::uint16_t vdc = h.be16(2);
  if (vdc == 0xCB02 || vdc == 0xCB03) return kUnknown;  // VDC bitmap branches
  switch (h.le32(14)) {  // DIB header size
    case 12: case 16: case 40: case 52: case 56: case 64: case 108: case 124:
      return Weak("image/bmp");
    case 24: case 48:
      return kUnknown;  // described, but without a MIME type
    default:
      return kNo;
  }
}

Verdict SniffTiff(const Head& h) {  // images:288 (CR2, stronger), images:311/316, images:467/469
  if (h.eq(0, "II*\0\x10\0\0\0" "CR"sv)) return Strong("image/x-canon-cr2");
  if (h.eq(0, "II*\0"sv) || h.eq(0, "MM\0*"sv)) return Strong("image/tiff");
  if (h.eq(0, "II+\0"sv) || h.eq(0, "MM\0+"sv)) return Yes("image/tiff");  // BigTIFF, weaker
  return kNo;
}

Verdict SniffIco(const Head& h) {  // msdos:1518 `0 belong 0x00000100` and `name cur-ico-dir`
  if (!h.eq(0, "\0\0\1\0"sv) || !h.has(18, 4)) return kNo;
  if (h.u8(9) != 0 && h.u8(9) != 0xff) return kNo;
  const std::uint32_t first_image = h.le32(18);
  if ((first_image & 6) != 6) return kNo;
  if (h.hidden(first_image, 4)) return kUnknown;
  return h.has(first_image, 4) ? Yes("image/vnd.microsoft.icon") : kNo;
}

Verdict SniffPsd(const Head& h) {  // images:1791 `0 string 8BPS` `>18 ubelong >0`
  if (!h.eq(0, "8BPS"sv)) return kNo;
  return h.has(18, 4) && h.be32(18) > 0 ? Yes("image/vnd.adobe.photoshop") : kUnknown;
}

// ---------------------------------------------------------------------------------------------
// Audio and video.

Verdict SniffRiff(const Head& h) {  // riff:224 `0 string RIFF` with `>8 string <form>`
  if (!h.eq(0, "RIFF"sv)) return kNo;
  if (h.eq(8, "WAVE"sv)) return Yes("audio/x-wav");
  if (h.eq(8, "AVI "sv)) return Yes("video/x-msvideo");
  if (h.eq(8, "WEBP"sv)) return Yes("image/webp");
  return kUnknown;  // other RIFF forms: described, MIME type on a few only
}

Verdict SniffOgg(const Head& h) {  // vorbis:25 `0 string OggS` `>4 byte 0` `>>28 string <codec>`
  if (!h.eq(0, "OggS"sv)) return kNo;
  if (!h.has(4, 1) || h.u8(4) != 0) return kUnknown;
  struct Codec {
    std::string_view magic;
    std::string_view mime;
  };
  static constexpr std::array kCodecs = std::to_array<Codec>({
      {"\x7f" "FLAC"sv, "audio/ogg"},
      {"\x80theora"sv, "video/ogg"},
      {"\x80kate\0\0\0\0"sv, "application/ogg"},
      {"fishead\0"sv, "video/ogg"},
      {"Speex   "sv, "audio/ogg"},
      {"\x01video\0\0\0"sv, "video/ogg"},
      {"\x01vorbis"sv, "audio/ogg"},
      {"OpusHead"sv, "audio/ogg"},
  });
  for (const Codec& c : kCodecs) {
    if (h.eq(28, c.magic)) return Yes(c.mime);
  }
  return kUnknown;
}

Verdict SniffMatroska(const Head& h) {  // matroska:10 `>4 search/4096 \x42\x82` `>>&1 string ...`
  if (!h.eq(0, "\x1a\x45\xdf\xa3"sv)) return kNo;
  const Search doctype = SearchAt(h, 4, 4096, "\x42\x82"sv);
  if (doctype.match != Match::kYes) return kUnknown;
  const std::size_t name = doctype.at + 2 + 1;  // skip the one-byte size
  if (h.eq(name, "webm"sv)) return Yes("video/webm");
  if (h.eq(name, "matroska"sv)) return Yes("video/x-matroska");
  return kUnknown;
}

// MPEG-1 layer III frame header (animation:538): the only frame that ID3 detection accepts.
bool IsMp3FrameV1L3(const Head& h, std::size_t off) {
  if (!h.has(off, 3) || (h.be16(off) & 0xFFFE) != 0xFFFA) return false;
  const std::uint8_t bitrate = h.u8(off + 2) & 0xF0;
  return bitrate != 0 && bitrate != 0xF0;
}

Verdict SniffId3(const Head& h) {  // audio:301 `0 string ID3` `>(6.I+10) indirect x`
  if (!h.eq(0, "ID3"sv) || !h.has(6, 4)) return kNo;
  // ID3v2 "synchsafe" size: 4 x 7 bits, big-endian.
  const std::uint32_t size = (static_cast<std::uint32_t>(h.u8(6) & 0x7f) << 21) |
                             (static_cast<std::uint32_t>(h.u8(7) & 0x7f) << 14) |
                             (static_cast<std::uint32_t>(h.u8(8) & 0x7f) << 7) |
                             static_cast<std::uint32_t>(h.u8(9) & 0x7f);
  // The audio after the tag decides (the rule re-runs all magic there); accept only an MPEG-1
  // layer III frame that no stronger rule claims. Sync-only detection without the tag is too weak.
  const std::size_t frame = static_cast<std::size_t>(size) + 10;
  if (!IsMp3FrameV1L3(h, frame) || BootSectorMayClaim(h, frame)) return kUnknown;
  return Yes("audio/mpeg");
}

Verdict SniffIsoMedia(const Head& h) {  // animation:37 `4 string ftyp`; animation:11/15 moov, mdat
  if (h.eq(4, "ftyp"sv)) {
    if (!h.has(8, 4)) return kUnknown;
    const std::string_view brand = h.chars(8, 4);
    const auto it = std::lower_bound(kFtypBrands.begin(), kFtypBrands.end(), brand,
                                     [](const Brand& b, std::string_view v) { return b.brand < v; });
    return it != kFtypBrands.end() && it->brand == brand ? Yes(it->mime) : kUnknown;
  }
  if (h.eq(4, "moov"sv) || h.eq(4, "mdat"sv)) return Yes("video/quicktime");
  return kNo;
}

// ---------------------------------------------------------------------------------------------
// Documents.

Verdict SniffPercent(const Head& h) {  // pdf:12 `%PDF-`; printer:8 `%!`; fonts:17/43/58
  if (h.eq(0, "%PDF-"sv)) return Strong("application/pdf");
  if (!h.eq(0, "%!"sv)) return kNo;
  // Stronger rules describe these without a MIME type (PostScript fonts, SunClock maps).
  if (h.eq(0, "%!PS-AdobeFont-1."sv) || h.eq(0, "%!FontType1"sv) ||
      h.eq(0, "%!PS-Adobe-3.0 Resource-Font"sv) || h.eq(0, "%!VMF "sv)) {
    return kUnknown;
  }
  return Weak("application/postscript");
}

Verdict SniffRtf(const Head& h) {  // rtf:11 `{\rtf` `>5 ubyte !0xAB` `>>5 ubyte !0x5C`; rtf:74
  if (h.eq(0, "{\\urtf"sv)) return Yes("text/rtf");
  if (!h.eq(0, "{\\rtf"sv) || !h.has(5, 1)) return kNo;
  return h.u8(5) != 0xAB && h.u8(5) != '\\' ? Yes("text/rtf") : kNo;
}

Verdict SniffSqlite(const Head& h) {  // sql:102 `SQLite format 3` `>16 ubeshort >0`
  if (!h.eq(0, "SQLite format 3"sv)) return kNo;
  return h.has(16, 2) && h.be16(16) > 0 ? Strong("application/vnd.sqlite3") : kUnknown;
}

// ---------------------------------------------------------------------------------------------
// Compression streams and archives.

Verdict SniffGzip(const Head& h) {  // compress:35; bioinformatics:10 (BGZF)
  if (!h.eq(0, "\x1f\x8b"sv) || !h.has(3, 1)) return kNo;
  const std::uint8_t flags = h.u8(3);
  // BGZF (bgzip, BAM) has an equally strong rule spelling it "application/x-gzip".
  if ((flags & 0x04) != 0 && h.eq(12, "BC"sv)) return kUnknown;
  if ((flags & 0x18) == 0 && (h.eq(10, "MCD"sv) || h.eq(10, "GXD"sv))) return kUnknown;  // CAD data
  return Yes("application/gzip");
}

Verdict SniffLzma(const Head& h) {  // compress:272 `0 lelong&0xffffff =0x5d` `>12 leshort 0xff|0`
  if (!h.eq(0, "\x5d\0\0"sv) || !h.has(12, 2)) return kNo;
  const std::uint16_t v = h.le16(12);
  return v == 0xff || v == 0 ? Yes("application/x-lzma") : kNo;
}

Verdict SniffSevenZip(const Head& h) {  // compress:260 (MIME type sits on `>7 byte x`)
  return h.eq(0, "7z\xbc\xaf\x27\x1c"sv) && h.has(7, 1) ? Yes("application/x-7z-compressed") : kNo;
}

Verdict SniffRar(const Head& h) {  // archive:1474/1486
  return h.eq(0, "Rar!\x1a\x07\x00"sv) || h.eq(0, "Rar!\x1a\x07\x01\x00"sv) ? Yes("application/x-rar")
                                                                        : kNo;
}

Verdict SniffCpio(const Head& h) {  // archive:188-196
  if (h.eq(0, "070707"sv) || h.eq(0, "070701"sv) || h.eq(0, "070702"sv)) return Yes("application/x-cpio");
  if (!h.eq(0, "\xc7\x71"sv) && !h.eq(0, "\x71\xc7"sv)) return kNo;
  // Binary cpio (`0 short 070707`) is as weak as the "COM executable" rules (msdos:1126-1168),
  // which look for an `int 21h` instruction at fixed offsets.
  for (const std::size_t off : {2, 4, 5, 7, 10, 13, 18, 23, 30, 70}) {
    if (h.eq(off, "\xcd\x21"sv)) return kUnknown;
  }
  return Weak("application/x-cpio");
}

Verdict SniffAr(const Head& h) {  // archive:325 `=!<arch>\n`; archive:256 Debian packages
  if (!h.eq(0, "!<arch>\n"sv)) return kNo;
  if (h.eq(8, "debian"sv)) return kUnknown;  // .deb and split .deb rules
  return Yes("application/x-archive");
}

// --- zip -------------------------------------------------------------------------------------

// Name of the first local-file header member and its extra field (PK\3\4 at offset 0).
constexpr std::size_t kZipName = 30;

// msooxml:15 `name msooxml`: the member name at `off` names the OOXML flavour.
Verdict OoxmlMember(const Head& h, std::size_t off) {
  if (h.eq(off, "word/"sv)) return Yes("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  if (h.eq(off, "ppt/"sv)) return Yes("application/vnd.openxmlformats-officedocument.presentationml.presentation");
  if (h.eq(off, "xl/"sv)) return Yes("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  if (h.eq(off, "visio/"sv)) return Yes("application/vnd.ms-visio.drawing.main+xml");
  if (h.eq(off, "AppManifest.xaml"sv)) return Yes("application/x-silverlight-app");
  return kNo;
}

// msooxml:31, the strongest PK\3\4 rule. kNo when it prints nothing (later rules then decide).
Verdict SniffOoxml(const Head& h) {
  if (Verdict v = OoxmlMember(h, kZipName); v.match != Match::kNo) return v;
  // `>>0x1E regex \[Content_Types\]\.xml|_rels/\.rels|docProps|customXml`: the regex sees up to
  // 8 KiB after the name offset, minus the last byte, and stops at the first NUL.
  const std::uint64_t len = h.magic_len();
  if (len <= kZipName) return kNo;
  const std::uint64_t window = std::min<std::uint64_t>(kRegexMax, len - kZipName);
  if (!h.has(kZipName, window)) return kUnknown;
  std::string_view text = h.chars(kZipName, static_cast<std::size_t>(window) - 1);
  text = text.substr(0, text.find('\0'));
  const bool marked = text.find("[Content_Types].xml"sv) != std::string_view::npos ||
                      text.find("_rels/.rels"sv) != std::string_view::npos ||
                      text.find("docProps"sv) != std::string_view::npos ||
                      text.find("customXml"sv) != std::string_view::npos;
  if (!marked) return kNo;
  // `>>>(18.l+49) search/6000 PK\003\004`, then three more hops from each member's name.
  if (!h.has(18, 4)) return kNo;
  const std::uint32_t first = h.le32(18) + 49u;  // 32-bit wrap as in libmagic
  Search hop = SearchAt(h, first, 6000, "PK\x03\x04"sv);
  if (hop.match != Match::kYes) return {hop.match, {}};
  hop = SearchAt(h, hop.at + kZipName, 6000, "PK\x03\x04"sv);
  if (hop.match != Match::kYes) return {hop.match, {}};
  for (int member = 3; member <= 5; ++member) {  // names of the 3rd, 4th and 5th hop
    const std::size_t name = hop.at + kZipName;
    if (Verdict v = OoxmlMember(h, name); v.match != Match::kNo) return v;
    if (h.hidden(name, 16)) return kUnknown;
    if (member == 5) return kUnknown;  // "Microsoft OOXML": described, no MIME type
    hop = SearchAt(h, name, 6000, "PK\x03\x04"sv);
    if (hop.match != Match::kYes) return {hop.match, {}};
  }
  return kUnknown;
}

// APK signing block at the item's end (archive:1573): needs the whole item.
Match ApkSigningBlock(const Head& h) {
  if (!h.complete()) return Match::kUnknown;
  const std::size_t n = h.size();
  if (n < 22 || !h.eq(n - 22, "PK\x05\x06"sv)) return Match::kNo;
  const std::uint32_t block = h.le32(n - 6) - 16u;  // central directory offset - 16
  return h.eq(block, "APK Sig Block 42"sv) ? Match::kYes : Match::kNo;
}

// archive:1509, the APK rule. kNo when it prints nothing.
Verdict SniffApk(const Head& h) {
  const std::uint16_t name_len = h.le16(26);
  switch (name_len) {
    case 19:
      return h.eq(kZipName, "AndroidManifest.xml"sv) ? Yes(kAndroidPackage) : kNo;
    case 57:
      return h.eq(kZipName, "META-INF/com/android/build/gradle/app-metadata.properties"sv)
                 ? Yes(kAndroidPackage)
                 : kNo;
    case 11:
      return h.eq(kZipName, "classes.dex"sv) ? Yes(kAndroidPackage) : kNo;
    case 20: {
      if (!h.eq(kZipName, "META-INF/MANIFEST.MF"sv)) return kNo;
      // The central directory near the end tells an APK from a JAR.
      if (!h.complete()) return kUnknown;
      if (h.size() < 512) return kNo;
      const std::string_view tail = h.chars(h.size() - 512, 512);
      for (const std::string_view member : {"resources.arsc"sv, "classes.dex"sv, "lib/armeabi"sv, "res/drawable"sv}) {
        if (tail.find(member) != std::string_view::npos) return Yes(kAndroidPackage);
      }
      return Yes("application/java-archive");
    }
    default:
      break;
  }
  // zipflinger virtual entry, then (only when no test above applied) the APK signing block.
  if (h.eq(4, "\0\0\0\0\0\0\x21\x08\x21\x02\0\0\0\0\0\0\0\0\0\0\0\0\0\0"sv)) {
    return Yes(kAndroidPackage);
  }
  if (h.eq(4, "\0\0\0\0\0\0"sv)) return kNo;
  // Without the item's end we answer as libmagic does for the head alone (no signing block).
  return ApkSigningBlock(h) == Match::kYes ? Yes(kAndroidPackage) : kNo;
}

// archive:1590 `>26 string \x8\0\0\0mimetypeapplication/`: the stored "mimetype" member's text.
Verdict ZipMimetypeMember(const Head& h) {
  struct Suffix {
    std::string_view suffix;  // text after "application/"
    std::string_view mime;
  };
  // Whole mimetype strings libmagic maps to a MIME type (the mapping checks the byte after each
  // name, so "text" followed by anything but '-' is still ".text").
  static constexpr std::array kOdf = std::to_array<Suffix>({
      {"text-template", "application/vnd.oasis.opendocument.text-template"},
      {"text-web", "application/vnd.oasis.opendocument.text-web"},
      {"text-master", "application/vnd.oasis.opendocument.text-master"},
      {"graphics-template", "application/vnd.oasis.opendocument.graphics-template"},
      {"presentation-template", "application/vnd.oasis.opendocument.presentation-template"},
      {"spreadsheet-template", "application/vnd.oasis.opendocument.spreadsheet-template"},
      {"chart-template", "application/vnd.oasis.opendocument.chart-template"},
      {"formula-template", "application/vnd.oasis.opendocument.formula-template"},
      {"image-template", "application/vnd.oasis.opendocument.image-template"},
  });
  static constexpr std::array kOdfPlain = std::to_array<Suffix>({
      {"text", "application/vnd.oasis.opendocument.text"},
      {"graphics", "application/vnd.oasis.opendocument.graphics"},
      {"presentation", "application/vnd.oasis.opendocument.presentation"},
      {"spreadsheet", "application/vnd.oasis.opendocument.spreadsheet"},
      {"chart", "application/vnd.oasis.opendocument.chart"},
      {"formula", "application/vnd.oasis.opendocument.formula"},
      {"image", "application/vnd.oasis.opendocument.image"},
  });
  static constexpr std::array kSun = std::to_array<Suffix>({
      {"writer.template", "application/vnd.sun.xml.writer.template"},
      {"writer.web", "application/vnd.sun.xml.writer.web"},
      {"writer.global", "application/vnd.sun.xml.writer.global"},
      {"calc.template", "application/vnd.sun.xml.calc.template"},
      {"draw.template", "application/vnd.sun.xml.draw.template"},
      {"impress.template", "application/vnd.sun.xml.impress.template"},
  });
  static constexpr std::array kSunPlain = std::to_array<Suffix>({
      {"writer", "application/vnd.sun.xml.writer"},
      {"calc", "application/vnd.sun.xml.calc"},
      {"draw", "application/vnd.sun.xml.draw"},
      {"impress", "application/vnd.sun.xml.impress"},
  });
  constexpr std::size_t kText = 50;  // after "application/" at 38
  if (h.eq(kText, "vnd.oasis.opendocument."sv)) {
    constexpr std::size_t kSub = kText + 23;
    for (const Suffix& s : kOdf) {
      if (h.eq(kSub, s.suffix)) return Yes(s.mime);
    }
    if (h.eq(kSub, "database"sv) || h.eq(kSub, "base"sv)) {
      return Yes("application/vnd.oasis.opendocument.database");
    }
    for (const Suffix& s : kOdfPlain) {
      if (h.eq(kSub, s.suffix) && h.has(kSub + s.suffix.size(), 1) &&
          h.u8(kSub + s.suffix.size()) != '-') {
        return Yes(s.mime);
      }
    }
    return kUnknown;
  }
  if (h.eq(kText, "vnd.sun.xml."sv)) {
    constexpr std::size_t kSub = kText + 12;
    for (const Suffix& s : kSun) {
      if (h.eq(kSub, s.suffix)) return Yes(s.mime);
    }
    for (const Suffix& s : kSunPlain) {
      if (h.eq(kSub, s.suffix) && h.has(kSub + s.suffix.size(), 1) &&
          h.u8(kSub + s.suffix.size()) != '.') {
        return Yes(s.mime);
      }
    }
    if (h.eq(kSub, "math"sv)) return Yes("application/vnd.sun.xml.math");
    if (h.eq(kSub, "base"sv)) return Yes("application/vnd.sun.xml.base");
    return kUnknown;
  }
  if (h.eq(kText, "vnd.openofficeorg."sv)) {
    return h.eq(kText + 18, "extension"sv) ? Yes("application/vnd.openofficeorg.extension") : kUnknown;
  }
  if (h.eq(kText, "epub+zip"sv)) return Yes("application/epub+zip");
  if (h.eq(kText, "vnd.kde."sv) || h.eq(kText, "x-vnd.corel."sv)) return kUnknown;
  return Yes(kZip);  // "Zip data (MIME type ...)"
}

// archive:1590, the generic zip rule.
Verdict SniffZipGeneric(const Head& h) {
  if (h.eq(26, "\x08\0\0\0mimetypeapplication/"sv)) return ZipMimetypeMember(h);
  if (h.eq(26, "\x08\0\0\0mimetype"sv)) return kUnknown;  // other mimetype text: rare, regex-based
  const std::size_t extra = std::size_t{h.le16(26)} + kZipName;
  if (h.hidden(extra, 2)) return kUnknown;
  if (!h.has(extra, 2)) return kNo;
  if (h.le16(extra) == 0xCAFE) return Yes("application/java-archive");
  if (h.eq(kZipName, "Payload/"sv)) {
    const Search app = SearchAt(h, 38, 64, ".app/"sv);
    if (app.match == Match::kYes) return Yes("application/x-ios-app");
    if (app.match == Match::kUnknown) return kUnknown;
  }
  const Search epub = SearchAt(h, kZipName, 100, "application/epub+zip"sv);
  // The negated search "succeeds" only if its 20-byte pattern fits after offset 30.
  if (epub.match == Match::kNo && h.magic_len() >= kZipName + 20) return Yes(kZip);
  return kUnknown;
}

Verdict SniffZip(const Head& h) {
  if (h.eq(0, "PK\x05\x06"sv) || h.eq(0, "PK\x07\x08PK\x03\x04"sv) || h.eq(0, "PK00PK\x03\x04"sv)) {
    return Yes(kZip);  // empty / spanned archives (archive:1502, 1582, 1949)
  }
  if (!h.eq(0, "PK\x03\x04"sv) || !h.has(0, kZipName)) return kNo;
  // Rules in libmagic's strength order; each may print nothing and hand over to the next.
  for (Verdict (*rule)(const Head&) : {&SniffOoxml, &SniffApk, &SniffZipGeneric}) {
    if (Verdict v = rule(h); v.match != Match::kNo) return v;
  }
  return kUnknown;
}

// ---------------------------------------------------------------------------------------------
// Executables.

Verdict SniffElf(const Head& h) {  // elf:341 `\177ELF`, `name elf-le` at 54
  if (!h.eq(0, "\x7f" "ELF"sv)) return kNo;
  if (!h.has(16, 2)) return kUnknown;
  std::uint16_t type = 0;
  switch (h.u8(5)) {
    case 1: type = h.le16(16); break;
    case 2: type = h.be16(16); break;
    default: return kUnknown;
  }
  switch (type) {
    case 1: return Strong("application/x-object");
    case 2: return Strong("application/x-executable");
    case 4: return Strong("application/x-coredump");
    default: return kUnknown;  // ET_DYN depends on the file mode; others are rare
  }
}

Verdict SniffMz(const Head& h) {  // msdos:53 `0 string/b MZ` (binary files only)
  if (!h.eq(0, "MZ"sv)) return kNo;
  if (!h.has(0, 0x40)) return kUnknown;
  // The rule is skipped for text; a real MZ header has NUL bytes right away.
  const std::string_view header = h.chars(0, 0x40);
  if (header.find('\0') == std::string_view::npos) return kUnknown;
  const std::uint32_t pe = h.le32(0x3c);
  if (h.hidden(pe, 4)) return kUnknown;
  if (h.le16(0x18) < 0x40) {
    if (h.eq(pe, "NE"sv)) return Weak("image/x-ms-icl");
    if (h.eq(pe, "LX"sv)) return kUnknown;
    if (!h.eq(pe, "PE"sv)) return h.has(pe, 4) ? Weak("application/x-dosexec") : kUnknown;
  }
  if (h.eq(pe, "PE\0\0"sv)) return Weak("application/vnd.microsoft.portable-executable");
  return kUnknown;  // NE/LE/LX and DOS variants: many rules
}

Verdict SniffMachO(const Head& h) {  // mach:297/302; cafebabe:20 (Java) and cafebabe:86 (fat)
  if (!h.has(0, 8)) return kNo;
  const std::uint32_t magic = h.be32(0);
  if ((magic & 0xFFFFFFFE) == 0xFEEDFACE || (h.le32(0) & 0xFFFFFFFE) == 0xFEEDFACE) {
    return Yes("application/x-mach-binary");
  }
  if (magic != 0xCAFEBABE) return kNo;
  const std::uint32_t next = h.be32(4);
  if (next > 30) return Yes("application/x-java-applet");  // class file: minor/major version
  if (next >= 1 && next < 20) return Yes("application/x-mach-binary");  // fat: architectures
  return kUnknown;
}

// ---------------------------------------------------------------------------------------------
// Dispatch on the first byte. kNo means no binary rule we know applies.

Verdict SniffByFirstByte(const Head& h) {
  switch (h.u8(0)) {
    case 0x00: return SniffIco(h);
    case 0x02: case 0x03: case 0x04:  // compress:306 LZ4 frame and legacy magics
      return h.eq(0, "\x04\x22\x4d\x18"sv) || h.eq(0, "\x03\x21\x4c\x18"sv) || h.eq(0, "\x02\x21\x4c\x18"sv)
                 ? Yes("application/x-lz4")
                 : kNo;
    case 0x1a: return SniffMatroska(h);
    case 0x1f:
      if (h.eq(0, "\x1f\x9d"sv)) return Weak("application/x-compress");  // compress:12
      return SniffGzip(h);
    case '!': return SniffAr(h);
    case '%': return SniffPercent(h);
    case 0x28:  // compress:353 Zstandard frame
      return h.eq(0, "\x28\xb5\x2f\xfd"sv) ? Yes("application/zstd") : kNo;
    case '0': return SniffCpio(h);
    case '7': return SniffSevenZip(h);
    case '8': return SniffPsd(h);
    case 'B':
      if (h.eq(0, "BZh"sv)) return Yes("application/x-bzip2");  // compress:155
      return SniffBmp(h);
    case 'G': return h.eq(0, "GIF8"sv) ? Strong("image/gif") : kNo;  // images:528
    case 'I':
      if (h.eq(0, "ID3"sv)) return SniffId3(h);
      return SniffTiff(h);
    case 'M':
      if (h.eq(0, "MZ"sv)) return SniffMz(h);
      return SniffTiff(h);
    case 'O': return SniffOgg(h);
    case 'P': return SniffZip(h);
    case 'R':
      if (h.eq(0, "Rar!"sv)) return SniffRar(h);
      return SniffRiff(h);
    case 'S': return SniffSqlite(h);
    case 0x5d: return SniffLzma(h);
    case 'f': return h.eq(0, "fLaC"sv) ? Yes("audio/flac") : kNo;  // audio:479
    case 'q': case 0xc7: return SniffCpio(h);
    case 'x': return h.eq(0, "xar!"sv) ? Yes("application/x-xar") : kNo;  // archive:2075
    case '{': return SniffRtf(h);
    case 0x7f: return SniffElf(h);
    case 0x89: return SniffPng(h);
    case 0xca: case 0xce: case 0xcf: case 0xfe: return SniffMachO(h);
    case 0xd0:  // OLE2 compound file: libmagic tells doc/xls/msi/... apart (cdf.c)
      return h.eq(0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"sv) ? kUnknown : kNo;
    case 0xfd:  // compress:280
      return h.eq(0, "\xfd" "7zXZ\0"sv) ? Strong("application/x-xz") : kNo;
    case 0xff: return SniffJpeg(h);
    default: return kNo;
  }
}

// Rules keyed at offsets other than 0.
Verdict SniffByOffset(const Head& h) {
  if (Verdict v = SniffIsoMedia(h); v.match != Match::kNo) return v;
  // filesystems:1968 `32769 string CD001` (and 37633 for raw 2352-byte sectors).
  for (const std::uint64_t off : {std::uint64_t{32769}, std::uint64_t{37633}}) {
    if (h.eq(off, "CD001"sv)) return Strong("application/x-iso9660-image");
    if (h.hidden(off, 5)) return kUnknown;
  }
  return kNo;
}

// ---------------------------------------------------------------------------------------------
// Text.

// True when bytes[0, n) are ASCII or UTF-8 text as libmagic sees it (encoding.c looks_ascii and
// file_looks_utf8): ASCII bytes must be text characters, multi-byte sequences must be well formed
// (RFC 3629 ranges, no overlongs or surrogates). A sequence cut short by the end of the window is
// accepted, as libmagic accepts one cut by the end of its buffer.
bool LooksUtf8(const std::uint8_t* p, std::size_t n) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  std::size_t i = 0;
  while (i < n) {
    // Fast path: eight ASCII bytes at a time. Bytes below 0x20 and DEL are flagged (with a few
    // harmless false positives from borrows) and looked up one by one.
    if (n - i >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p + i, sizeof w);
      if ((w & kHigh) == 0) {
        const std::uint64_t del = w ^ (kOnes * 0x7f);
        std::uint64_t flags = (((w - kOnes * 0x20) & ~w) | ((del - kOnes) & ~del)) & kHigh;
        for (; flags != 0; flags &= flags - 1) {
          const auto c = static_cast<std::uint8_t>(w >> (std::countr_zero(flags) - 7));
          if (!kTextChar[c]) return false;
        }
        i += 8;
        continue;
      }
    }
    const std::uint8_t c = p[i];
    if (c < 0x80) {
      if (!kTextChar[c]) return false;
      ++i;
      continue;
    }
    std::size_t follow = 0;
    std::uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the first continuation byte
    if (c >= 0xC2 && c <= 0xDF) {
      follow = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      follow = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      follow = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    for (std::size_t k = 1; k <= follow; ++k) {
      if (i + k >= n) return true;  // cut by the end of the window
      const std::uint8_t cc = p[i + k];
      if (k == 1 ? (cc < lo || cc > hi) : (cc & 0xC0) != 0x80) return false;
    }
    i += follow + 1;
  }
  return true;
}

// libmagic looks_ucs16 (encoding.c) over bytes[0, n) that start with a UTF-16 BOM.
bool LooksUtf16(const std::uint8_t* p, std::size_t n, bool big_endian) {
  std::uint32_t high = 0;
  for (std::size_t i = 2; i + 1 < n; i += 2) {
    const std::uint32_t u = big_endian ? (std::uint32_t{p[i]} << 8) | p[i + 1]
                                       : (std::uint32_t{p[i + 1]} << 8) | p[i];
    if (u == 0xFFFE || u == 0xFFFF || (u >= 0xFDD0 && u <= 0xFDEF)) return false;
    const bool low_surrogate = u >= 0xDC00 && u <= 0xDFFF;
    if (high != 0) {
      if (!low_surrogate) return false;
      high = 0;
      continue;
    }
    if (u < 0x80 && !kTextChar[u]) return false;
    if (low_surrogate) return false;
    if (u >= 0xD800 && u <= 0xDBFF) high = u;
  }
  return true;
}

// libmagic's CSV test (is_csv.c csv_parse, CSV_LINES 10) over bytes[0, n). kUnknown when the
// window ends before the test decides and the item goes on.
Match LooksCsv(const std::uint8_t* p, std::size_t n, bool more) {
  std::size_t nf = 0, tf = 0, nl = 0, i = 0;
  while (i < n) {
    const std::uint8_t c = p[i++];
    if (c == '"') {  // eatquote: skip to the closing quote ("" is an escaped quote)
      bool quote = false;
      while (i < n) {
        const std::uint8_t q = p[i++];
        if (q != '"') {
          if (quote) {
            --i;
            break;
          }
          continue;
        }
        quote = !quote;
      }
    } else if (c == ',') {
      ++nf;
    } else if (c == '\n') {
      ++nl;
      if (nl == 10) return tf != 0 && tf == nf ? Match::kYes : Match::kNo;
      if (tf == 0) {
        if (nf == 0) return Match::kNo;
        tf = nf;
      } else if (tf != nf) {
        return Match::kNo;
      }
      nf = 0;
    }
  }
  if (more) return Match::kUnknown;
  return tf != 0 && nl > 2 ? Match::kYes : Match::kNo;
}

// True when `text` starts with "<!doctype" blanks "html" (sgml:54 `string/cWt`).
bool StartsWithHtmlDoctype(std::string_view text) {
  constexpr std::string_view kDoctype = "<!doctype";
  if (text.size() < kDoctype.size() + 5) return false;
  for (std::size_t i = 0; i < kDoctype.size(); ++i) {
    if (AsciiLower(text[i]) != kDoctype[i]) return false;
  }
  std::size_t i = kDoctype.size();
  if (!IsBlank(text[i])) return false;
  while (i < text.size() && IsBlank(text[i])) ++i;
  if (text.size() - i < 4) return false;
  for (std::size_t k = 0; k < 4; ++k) {
    if (AsciiLower(text[i + k]) != "html"[k]) return false;
  }
  return true;
}

// Text detection, last in line as in libmagic (after JSON and CSV, which run before the magic
// rules; our magic rules for textual formats are re-checked against CSV by the caller).
Verdict SniffText(const Head& h) {
  const std::size_t n = std::min(h.size(), kTextWindow);
  const bool more = n < h.total();
  const std::uint8_t* p = h.data();
  const std::string_view raw = h.chars(0, n);

  std::string_view content;          // text after any BOM, for the prefix rules
  std::array<char, 64> decoded{};    // leading ASCII of UTF-16 text
  if (n >= 2 && (raw.starts_with("\xff\xfe"sv) || raw.starts_with("\xfe\xff"sv))) {
    const bool big = p[0] == 0xfe;
    if (!LooksUtf16(p, n, big)) return kNo;
    std::size_t k = 0;
    for (std::size_t i = 2; i + 1 < n && k < decoded.size(); i += 2, ++k) {
      const unsigned u = big ? (p[i] << 8) | p[i + 1] : (p[i + 1] << 8) | p[i];
      if (u >= 0x80) break;
      decoded[k] = static_cast<char>(u);
    }
    content = std::string_view(decoded.data(), k);
    if (content.empty() || content.front() == '<') return kUnknown;
  } else if (n > 3 && raw.starts_with("\xef\xbb\xbf"sv)) {
    if (!LooksUtf8(p + 3, n - 3)) return kNo;
    content = raw.substr(3);
  } else {
    if (!LooksUtf8(p, n)) return kNo;
    content = raw;
    // JSON (is_json.c) needs an object or array at the top level.
    const std::size_t first = raw.find_first_not_of(" \t\r\n"sv);
    if (first == std::string_view::npos ? more : (raw[first] == '{' || raw[first] == '[')) {
      return kUnknown;
    }
  }
  switch (LooksCsv(p, n, more)) {
    case Match::kYes: return Yes("text/csv");
    case Match::kUnknown: return kUnknown;
    case Match::kNo: break;
  }
  if (content.data() == raw.data()) {  // no BOM
    if (StartsWithHtmlDoctype(content)) return Yes("text/html");  // sgml:49
    if (raw.starts_with("<svg"sv)) return Yes("image/svg+xml");    // sgml:9
  }
  if (StartsWithTextKey(content.substr(0, 128))) return kUnknown;
  return Yes(kTextPlain);
}

// True when libmagic's CSV test, which runs before its magic rules, may claim this item first.
// libmagic runs it only on text: a NUL byte rules that out. Otherwise csv_parse usually decides
// at the first newline (no comma or quote on the first line: not CSV).
bool CsvMayPreempt(const Head& h) {
  const std::size_t n = std::min(h.size(), kTextWindow);
  if (h.chars(0, n).find('\0') != std::string_view::npos) return false;
  return LooksCsv(h.data(), n, n < h.total()) != Match::kNo;
}

// --- tables for the name/type helpers ---------------------------------------------------------

struct MimeExtensions {
  std::string_view mime;
  std::string_view extensions;  // usual extensions, lower case, separated by single spaces
};

// Sorted by MIME type. Extensions follow libmagic's `!:ext` lists plus common aliases.
constexpr std::array kExtensions = std::to_array<MimeExtensions>({
    {"application/epub+zip", "epub"},
    {"application/gzip", "gz tgz tpz svgz emz wmz ipk vbox-extpack xoj"},
    {"application/java-archive", "jar war ear"},
    {"application/ogg", "ogx ogg"},
    {"application/pdf", "pdf"},
    {"application/postscript", "ps eps epsf epsi ai"},
    {"application/vnd.android.package-archive", "apk apks xapk"},
    {"application/vnd.debian.binary-package", "deb udeb ddeb"},
    {"application/vnd.microsoft.portable-executable",
     "exe dll sys ocx cpl scr drv efi mui ax acm tlb tsp winmd pyd node xll"},
    {"application/vnd.ms-visio.drawing.main+xml", "vsdx vsdm vstx vstm vssx vssm"},
    {"application/vnd.oasis.opendocument.chart", "odc"},
    {"application/vnd.oasis.opendocument.chart-template", "otc"},
    {"application/vnd.oasis.opendocument.database", "odb"},
    {"application/vnd.oasis.opendocument.formula", "odf"},
    {"application/vnd.oasis.opendocument.formula-template", "otf"},
    {"application/vnd.oasis.opendocument.graphics", "odg"},
    {"application/vnd.oasis.opendocument.graphics-template", "otg"},
    {"application/vnd.oasis.opendocument.image", "odi"},
    {"application/vnd.oasis.opendocument.image-template", "oti"},
    {"application/vnd.oasis.opendocument.presentation", "odp"},
    {"application/vnd.oasis.opendocument.presentation-template", "otp"},
    {"application/vnd.oasis.opendocument.spreadsheet", "ods"},
    {"application/vnd.oasis.opendocument.spreadsheet-template", "ots"},
    {"application/vnd.oasis.opendocument.text", "odt"},
    {"application/vnd.oasis.opendocument.text-master", "odm"},
    {"application/vnd.oasis.opendocument.text-template", "ott"},
    {"application/vnd.oasis.opendocument.text-web", "oth"},
    {"application/vnd.openofficeorg.extension", "oxt"},
    {"application/vnd.openxmlformats-officedocument.presentationml.presentation",
     "pptx pptm potx potm ppsx ppsm ppam"},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx xlsm xltx xltm xlsb xlam"},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx docm dotx dotm"},
    {"application/vnd.sqlite3", "sqlite sqlite3 sqlitedb db db3 dbe s3db sl3 sdb gpkg mbtiles help maple"},
    {"application/vnd.sun.xml.base", "sdb odb"},
    {"application/vnd.sun.xml.calc", "sxc"},
    {"application/vnd.sun.xml.calc.template", "stc"},
    {"application/vnd.sun.xml.draw", "sxd"},
    {"application/vnd.sun.xml.draw.template", "std"},
    {"application/vnd.sun.xml.impress", "sxi"},
    {"application/vnd.sun.xml.impress.template", "sti"},
    {"application/vnd.sun.xml.math", "sxm"},
    {"application/vnd.sun.xml.writer", "sxw"},
    {"application/vnd.sun.xml.writer.global", "sxg"},
    {"application/vnd.sun.xml.writer.template", "stw"},
    {"application/vnd.sun.xml.writer.web", "stw"},
    {"application/x-7z-compressed", "7z cb7"},
    {"application/x-archive", "a ar lib"},
    {"application/x-bzip2", "bz2 bz tbz tbz2 tb2"},
    {"application/x-compress", "z taz tz"},
    {"application/x-coredump", "core dump"},
    {"application/x-cpio", "cpio"},
    {"application/x-dosexec", "exe com dll drv sys ovl vxd"},
    {"application/x-executable", "axf bin elf out prx run"},
    {"application/x-ios-app", "ipa"},
    {"application/x-iso9660-image", "iso img cdr toast udf"},
    {"application/x-java-applet", "class"},
    {"application/x-lz4", "lz4 tlz4"},
    {"application/x-lzip", "lz tlz"},
    {"application/x-lzma", "lzma tlz"},
    {"application/x-mach-binary", "dylib bundle kext so o"},
    {"application/x-object", "o ko obj mod"},
    {"application/x-rar", "rar cbr"},
    {"application/x-silverlight-app", "xap"},
    {"application/x-tar", "tar gtar ova"},
    {"application/x-xar", "xar pkg xip"},
    {"application/x-xz", "xz txz"},
    {"application/zip",
     "zip zipx cbz xpi kmz whl nupkg 3mf xps oxps vsix appx msix appxbundle msixbundle aar apk jar "
     "war ear ipa docx docm xlsx xlsm pptx pptm odt ods odp odg epub"},
    {"application/zstd", "zst zstd tzst"},
    {"audio/flac", "flac fla"},
    {"audio/mp4", "m4a m4b m4p mp4 f4a f4b aac"},
    {"audio/mpeg", "mp3 mp2 mpga mpa m2a"},
    {"audio/ogg", "ogg oga opus spx"},
    {"audio/x-m4a", "m4a m4b m4r mp4"},
    {"audio/x-wav", "wav wave bwf"},
    {"image/avif", "avif avifs"},
    {"image/bmp", "bmp dib"},
    {"image/gif", "gif"},
    {"image/heic", "heic heif hif"},
    {"image/heic-sequence", "heics heic heif"},
    {"image/heif", "heif heic hif"},
    {"image/heif-sequence", "heifs heif heic"},
    {"image/jp2", "jp2 j2k jpf jpx jpm"},
    {"image/jpeg", "jpg jpeg jpe jfif jif"},
    {"image/jpm", "jpm jpgm"},
    {"image/jpx", "jpx jpf"},
    {"image/png", "png"},
    {"image/svg+xml", "svg"},
    {"image/tiff", "tif tiff dng nef nrw arw srf sr2 pef erf 3fr mef mos kdc dcr rwl iiq"},
    {"image/vnd.adobe.photoshop", "psd psb pdd"},
    {"image/vnd.microsoft.icon", "ico"},
    {"image/webp", "webp"},
    {"image/x-canon-cr2", "cr2"},
    {"image/x-ms-icl", "icl"},
    {"text/csv", "csv"},
    {"text/html", "html htm shtml xhtml xht"},
    {"text/rtf", "rtf"},
    {"video/3gpp", "3gp 3gpp 3ga"},
    {"video/3gpp2", "3g2 3gp2 3gp"},
    {"video/mj2", "mj2 mjp2"},
    {"video/mp4",
     "mp4 m4v m4a m4b m4p f4v f4p f4a f4b mp4v mpg4 mov 3gp 3g2 ismv isma cmfv cmfa dash"},
    {"video/ogg", "ogv ogg ogm"},
    {"video/quicktime", "mov qt mqv moov"},
    {"video/webm", "webm"},
    {"video/x-m4v", "m4v mp4"},
    {"video/x-matroska", "mkv mka mks mk3d"},
    {"video/x-msvideo", "avi"},
});
static_assert(std::is_sorted(kExtensions.begin(), kExtensions.end(),
                             [](const MimeExtensions& a, const MimeExtensions& b) { return a.mime < b.mime; }));

// Containers libarchive opens (sorted), and prefixes of whole families of zip-based documents.
constexpr std::array kArchiveMimes = std::to_array<std::string_view>({
    "application/epub+zip",
    "application/gzip",
    "application/java-archive",
    "application/vnd.android.package-archive",
    "application/vnd.debian.binary-package",
    "application/vnd.ms-cab-compressed",
    "application/vnd.ms-visio.drawing.main+xml",
    "application/vnd.openofficeorg.extension",
    "application/x-7z-compressed",
    "application/x-archive",
    "application/x-bzip2",
    "application/x-compress",
    "application/x-cpio",
    "application/x-gzip",
    "application/x-ios-app",
    "application/x-iso9660-image",
    "application/x-lha",
    "application/x-lharc",
    "application/x-lz4",
    "application/x-lzh-compressed",
    "application/x-lzip",
    "application/x-lzma",
    "application/x-rar",
    "application/x-rpm",
    "application/x-silverlight-app",
    "application/x-tar",
    "application/x-xar",
    "application/x-xz",
    "application/zip",
    "application/zstd",
});
static_assert(std::is_sorted(kArchiveMimes.begin(), kArchiveMimes.end()));
constexpr std::array kArchiveMimePrefixes = std::to_array<std::string_view>({
    "application/vnd.oasis.opendocument.",
    "application/vnd.openxmlformats-officedocument.",
    "application/vnd.sun.xml.",
});

// Bare compression streams (sorted).
constexpr std::array kCompressedStreamMimes = std::to_array<std::string_view>({
    "application/gzip",
    "application/x-bzip2",
    "application/x-compress",
    "application/x-gzip",
    "application/x-lz4",
    "application/x-lzip",
    "application/x-lzma",
    "application/x-xz",
    "application/zstd",
});
static_assert(std::is_sorted(kCompressedStreamMimes.begin(), kCompressedStreamMimes.end()));

// True when `ext` (any case) is one of the space-separated lower-case `list` entries.
bool ListHasExtension(std::string_view list, std::string_view ext) {
  while (!list.empty()) {
    const std::size_t space = list.find(' ');
    const std::string_view item = list.substr(0, space);
    if (item.size() == ext.size() &&
        std::equal(item.begin(), item.end(), ext.begin(), [](char a, char b) { return a == AsciiLower(b); })) {
      return true;
    }
    if (space == std::string_view::npos) break;
    list.remove_prefix(space + 1);
  }
  return false;
}

}  // namespace

std::optional<std::string_view> sniff_mime(std::span<const std::uint8_t> head, std::uint64_t total_size) {
  if (total_size < head.size()) head = head.first(static_cast<std::size_t>(total_size));
  if (total_size == 0) return "application/x-empty";
  if (head.size() < std::min<std::uint64_t>(total_size, kSniffHeadBytes)) return std::nullopt;
  if (total_size == 1) return kOctetStream;  // libmagic: "very short file (no magic)"
  const Head h(head, total_size);

  if (IsTar(h)) return "application/x-tar";
  Verdict v = SniffByFirstByte(h);
  if (v.match == Match::kNo) v = SniffByOffset(h);
  if (v.match == Match::kYes) {
    if (v.strength != Strength::kStrong && BootSectorMayClaim(h, 0)) return std::nullopt;
    if (v.strength == Strength::kWeak && TwoByteTestMayClaim(h)) return std::nullopt;
    // libmagic's CSV test runs before its magic rules; it matters only for text-like headers.
    const std::uint8_t first = h.u8(0);
    if (first >= 0x20 && first < 0x7f && CsvMayPreempt(h)) return std::nullopt;
    return v.mime;
  }
  if (v.match == Match::kUnknown) return std::nullopt;
  v = SniffText(h);
  if (v.match == Match::kYes) return v.mime;
  return std::nullopt;
}

bool is_archive_mime(std::string_view mime) {
  if (std::binary_search(kArchiveMimes.begin(), kArchiveMimes.end(), mime)) return true;
  return std::any_of(kArchiveMimePrefixes.begin(), kArchiveMimePrefixes.end(),
                     [mime](std::string_view prefix) { return mime.starts_with(prefix); });
}

bool is_compressed_stream_mime(std::string_view mime) {
  return std::binary_search(kCompressedStreamMimes.begin(), kCompressedStreamMimes.end(), mime);
}

std::optional<bool> extension_mismatch(std::string_view mime, std::string_view name) {
  const auto it = std::lower_bound(kExtensions.begin(), kExtensions.end(), mime,
                                   [](const MimeExtensions& e, std::string_view m) { return e.mime < m; });
  if (it == kExtensions.end() || it->mime != mime) return std::nullopt;
  const std::size_t slash = name.find_last_of("/\\"sv);
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == name.size()) return std::nullopt;
  return !ListHasExtension(it->extensions, name.substr(dot + 1));
}

}  // namespace ngb::analyse
