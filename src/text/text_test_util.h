// Test inputs for the text fast paths (tests only, header-only): deterministic hostile strings, and
// the lines of the real corpora when they are present ($NIGEHBAAN_CORPORA or ../shared/data).
#pragma once
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace ngb::text::testing_util {

// Appends code point `c` as UTF-8 (also surrogates and values past U+10FFFF: ill-formed on purpose).
inline void AppendRawUtf8(std::string& s, uint32_t c) {
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | ((c >> 18) & 0x07));
    s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// `n` strings from seed `seed`: random bytes, ill-formed UTF-8, and mixes of words the normaliser
// rewrites (leetspeak, elongation, spelling variants) with code points from the scripts and
// symbols it treats specially (Arabic letters and combining marks, fullwidth, ligatures, emoji,
// skin tones, flags, variation selectors, zero-width and bidi controls, tags, other scripts).
inline std::vector<std::string> HostileStrings(size_t n, uint64_t seed) {
  static const uint32_t kRanges[][2] = {
      {0x20, 0x7E},       {0x20, 0x7E},       {0x20, 0x7E},     {0x41, 0x5A},     {0x09, 0x0D},
      {0x00, 0x1F},       {0x80, 0xFF},       {0x100, 0x17F},   {0x300, 0x36F},   {0x600, 0x6FF},
      {0x600, 0x6FF},     {0x64B, 0x655},     {0x620, 0x64A},   {0x750, 0x77F},   {0xFB50, 0xFDFF},
      {0xFE70, 0xFEFF},   {0xFF01, 0xFF5E},   {0x2000, 0x206F}, {0x1F300, 0x1F6FF}, {0x1F900, 0x1F9FF},
      {0x1F1E6, 0x1F1FF}, {0x1F3FB, 0x1F3FF}, {0xFE00, 0xFE0F}, {0xE0000, 0xE007F}, {0x900, 0x97F},
      {0x4E00, 0x4E50},   {0x1E00, 0x1EFF},   {0x2460, 0x24FF}, {0x1D400, 0x1D7FF}, {0xAC00, 0xAC20},
      {0x1100, 0x11FF},   {0xFFF0, 0xFFFF},   {0x370, 0x3FF},   {0x400, 0x4FF},   {0xD800, 0xDFFF},
      {0x10FFF0, 0x110010}, {0xC0, 0xDF},     {0x2100, 0x218F}, {0xA0, 0xBF},     {0x200B, 0x200F}};
  static const char* kWords[] = {"kia", "kya", "hai", "he", "nahi", "tum", "you", "the", "s3nd", "p1cs",
                                 "h3ll0", "a$$hole", "pleeeease", "akeliii", "mujhe", "@user", "14", "mp3",
                                 "😂😂😂", "😂 😂 😂 😂", "!!!!", "STRASSE", "\xC0\xAF", "\xED\xA0\x80",
                                 "\xE2\x82", "\xFF", "\x80", "\xD9\x8A\xD9\x94", "\xD8\xA7\xD9\x93"};
  uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
  auto next = [&x] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    std::string s;
    uint64_t kind = next() % 10;
    size_t parts = 1 + next() % 60;
    for (size_t p = 0; p < parts; ++p) {
      if (kind == 0) {
        s += static_cast<char>(next() & 0xFF);
      } else if (next() % 10 < 3) {
        s += kWords[next() % (sizeof kWords / sizeof kWords[0])];
        s += " \t"[next() % 2];
      } else {
        const uint32_t* r = kRanges[next() % (sizeof kRanges / sizeof kRanges[0])];
        uint32_t c = r[0] + static_cast<uint32_t>(next() % (r[1] - r[0] + 1));
        size_t reps = 1 + (next() % 6 == 0 ? next() % 4 : 0);
        for (size_t k = 0; k < reps; ++k) AppendRawUtf8(s, c);
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

// Every line (carriage returns removed) of the RUHSOLD, Akhter and Formspring corpus files, at most
// `max_lines` (0: all). Empty when the corpora are not there.
inline std::vector<std::string> CorpusLines(size_t max_lines = 0) {
  std::string dir;
  if (const char* e = std::getenv("NIGEHBAAN_CORPORA"); e && *e) dir = e;
  for (const char* d : {"../shared/data", "../../shared/data", "../../../shared/data"}) {
    if (dir.empty() && std::ifstream(std::string(d) + "/ruhsold/task_1_validation.tsv")) dir = d;
  }
  std::vector<std::string> lines;
  if (dir.empty()) return lines;
  for (const char* f : {"ruhsold/task_1_validation.tsv", "ruhsold/task_1_train.tsv", "ruhsold/task_2_validation.tsv",
                        "ruhsold/task_2_train.tsv", "urdu_abusive_akhter2020/urdu_abusive_akhter2020.tsv",
                        "formspring_cyberbullying/formspring_data.csv"}) {
    std::ifstream in(dir + "/" + f, std::ios::binary);
    for (std::string l; std::getline(in, l);) {
      if (max_lines && lines.size() >= max_lines) return lines;
      if (!l.empty() && l.back() == '\r') l.pop_back();
      lines.push_back(std::move(l));
    }
  }
  return lines;
}

}  // namespace ngb::text::testing_util
