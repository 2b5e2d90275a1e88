#include "text/corpora.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace ngb::text {
namespace {

constexpr size_t kMaxErrors = 100;
constexpr size_t kMaxCorpusBytes = size_t{1} << 30;

std::string_view NextLine(std::string_view& s) {
  size_t nl = s.find('\n');
  std::string_view line = s.substr(0, nl);
  s = nl == std::string_view::npos ? std::string_view() : s.substr(nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string_view TrimSpaceCr(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

void AddError(Corpus& c, size_t line, const std::string& why) {
  if (c.errors.size() < kMaxErrors) c.errors.push_back("line " + std::to_string(line) + ": " + why);
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void ParseRuhsold(std::string_view s, Corpus& c) {
  size_t line_no = 0;
  while (!s.empty()) {
    std::string_view line = NextLine(s);
    ++line_no;
    if (line.empty()) continue;
    size_t tab = line.rfind('\t');
    std::string_view label = tab == std::string_view::npos ? std::string_view() : TrimSpaceCr(line.substr(tab + 1));
    if (label != "0" && label != "1") {
      AddError(c, line_no, "no 0/1 label after the last tab");
      continue;
    }
    c.rows.push_back({std::string(line.substr(0, tab)), label == "0" ? 1 : 0});
  }
}

void ParseLabelFirst(std::string_view s, Corpus& c) {
  size_t line_no = 0;
  while (!s.empty()) {
    std::string_view line = NextLine(s);
    ++line_no;
    if (line.empty()) continue;
    if (line_no == 1 && line.starts_with("label\t")) continue;  // header
    size_t tab = line.find('\t');
    std::string_view label = tab == std::string_view::npos ? std::string_view() : TrimSpaceCr(line.substr(0, tab));
    if (label != "0" && label != "1") {
      AddError(c, line_no, "no 0/1 label before the first tab");
      continue;
    }
    c.rows.push_back({std::string(line.substr(tab + 1)), label == "1" ? 1 : 0});
  }
}

void ParseFormspring(std::string_view s, Corpus& c) {
  size_t line_no = 0, record_line = 0;
  std::string rec;
  size_t tabs = 0;
  bool have = false;
  NextLine(s);  // header
  ++line_no;
  auto finish = [&]() {
    std::vector<std::string_view> cols;
    std::string_view r = rec;
    for (size_t i = 0; i < 14; ++i) {
      size_t t = r.find('\t');
      cols.push_back(r.substr(0, t));
      if (t == std::string_view::npos) break;
      r.remove_prefix(t + 1);
    }
    if (cols.size() < 14) {
      AddError(c, record_line, "record with fewer than 14 columns");
      return;
    }
    int yes = 0;
    for (size_t i : {5, 8, 11}) yes += TrimSpaceCr(cols[i]) == "Yes";
    std::string text = DecodeHtml(cols[2]);
    text += ' ';
    text += DecodeHtml(cols[3]);
    c.rows.push_back({std::move(text), yes >= 2 ? 1 : 0});
  };
  while (!s.empty()) {
    std::string_view line = NextLine(s);
    ++line_no;
    if (!have) {
      rec.assign(line);
      record_line = line_no;
      have = true;
    } else {
      rec += '\n';
      rec += line;
    }
    tabs = static_cast<size_t>(std::count(rec.begin(), rec.end(), '\t'));
    if (tabs >= 13) {
      finish();
      have = false;
    } else if (rec.size() > (1u << 20)) {
      AddError(c, record_line, "record longer than 1 MiB without 13 tabs");
      have = false;
    }
  }
  if (have && !TrimSpaceCr(rec).empty()) AddError(c, record_line, "incomplete record at end of file");
}

}  // namespace

std::string DecodeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '<' && (s.substr(i, 4) == "<br>" || s.substr(i, 5) == "<br/>" || s.substr(i, 6) == "<br />")) {
      out.push_back(' ');
      i = s.find('>', i) + 1;
      continue;
    }
    if (s[i] == '&') {
      size_t semi = s.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        std::string_view ent = s.substr(i + 1, semi - i - 1);
        static constexpr std::pair<std::string_view, char> kNamed[] = {
            {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", ' '}};
        bool done = false;
        for (auto [name, ch] : kNamed) {
          if (ent == name) {
            out.push_back(ch);
            done = true;
          }
        }
        if (!done && ent.size() >= 2 && ent[0] == '#') {
          bool hex = ent[1] == 'x' || ent[1] == 'X';
          uint32_t cp = 0;
          bool ok = ent.size() > (hex ? 2u : 1u);
          for (char ch : ent.substr(hex ? 2 : 1)) {
            int d = (ch >= '0' && ch <= '9') ? ch - '0'
                    : (hex && ch >= 'a' && ch <= 'f') ? ch - 'a' + 10
                    : (hex && ch >= 'A' && ch <= 'F') ? ch - 'A' + 10 : -1;
            if (d < 0 || cp > 0x10FFFF) {
              ok = false;
              break;
            }
            cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
          }
          if (ok) {
            AppendUtf8(out, cp);
            done = true;
          }
        }
        if (done) {
          i = semi + 1;
          continue;
        }
      }
    }
    out.push_back(s[i++]);
  }
  return out;
}

CorpusFormat DetectCorpusFormat(std::string_view s) {
  std::string_view probe = s;
  std::string_view first = NextLine(probe);
  if (first.starts_with("userid\tpost\tques")) return CorpusFormat::kFormspring;
  if (first == "label\ttext") return CorpusFormat::kAkhter;
  // Label-first or label-last? Look at the first lines with a tab.
  int first_votes = 0, last_votes = 0;
  probe = s;
  for (int n = 0; n < 50 && !probe.empty(); ++n) {
    std::string_view line = NextLine(probe);
    size_t a = line.find('\t'), b = line.rfind('\t');
    if (a == std::string_view::npos) continue;
    std::string_view head = TrimSpaceCr(line.substr(0, a)), tail = TrimSpaceCr(line.substr(b + 1));
    first_votes += head == "0" || head == "1";
    last_votes += tail == "0" || tail == "1";
  }
  if (last_votes > first_votes) return CorpusFormat::kRuhsold;
  if (first_votes > 0) return CorpusFormat::kTsv;
  return CorpusFormat::kAuto;
}

Result<CorpusFormat> CorpusFormatFromName(std::string_view name) {
  if (name == "auto") return CorpusFormat::kAuto;
  if (name == "ruhsold") return CorpusFormat::kRuhsold;
  if (name == "akhter") return CorpusFormat::kAkhter;
  if (name == "formspring") return CorpusFormat::kFormspring;
  if (name == "tsv") return CorpusFormat::kTsv;
  return Status::Error("unknown_corpus_format", std::string(name));
}

Result<Corpus> ParseCorpus(std::string_view bytes, CorpusFormat format) {
  Corpus c;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  c.format = format == CorpusFormat::kAuto ? DetectCorpusFormat(bytes) : format;
  switch (c.format) {
    case CorpusFormat::kRuhsold: ParseRuhsold(bytes, c); break;
    case CorpusFormat::kAkhter:
    case CorpusFormat::kTsv: ParseLabelFirst(bytes, c); break;
    case CorpusFormat::kFormspring: ParseFormspring(bytes, c); break;
    case CorpusFormat::kAuto:
      return Status::Error("unknown_corpus_format", "neither label<TAB>text, text<TAB>label nor Formspring");
  }
  return c;
}

Result<Corpus> ReadCorpus(const std::string& path, CorpusFormat format) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return StatusFromErrno(errno, path);
  std::string bytes;
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      return StatusFromErrno(e, path);
    }
    if (n == 0) break;
    bytes.append(buf, static_cast<size_t>(n));
    if (bytes.size() > kMaxCorpusBytes) {
      ::close(fd);
      return Status::Error("corpus_too_large", path + ": more than 1 GiB");
    }
  }
  ::close(fd);
  auto c = ParseCorpus(bytes, format);
  if (!c.ok()) return Status::Error(c.status().reason(), path + ": " + c.status().detail());
  return c;
}

}  // namespace ngb::text
