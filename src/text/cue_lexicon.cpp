#include "text/cue_lexicon.h"

namespace ngb::text {
namespace {

std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool ValidMacroName(std::string_view n) {
  if (n.empty() || n.size() > 64) return false;
  for (char c : n) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

Status ParseCueLexicon(std::string_view name, std::string_view text,
                       std::vector<CuePatternEntry>& out) {
  auto where = [&](size_t line) { return std::string(name) + ":" + std::to_string(line) + ": "; };
  if (text.size() > kMaxCueLexiconBytes) {
    return Status::Error("lexicon_too_large", std::string(name) + ": larger than 8 MiB");
  }
  CueMacros macros;
  size_t line_no = 0;
  while (!text.empty()) {
    ++line_no;
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    std::string_view t = TrimBlanks(line);
    if (t.empty() || t.front() == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      return Status::Error("lexicon_syntax", where(line_no) + "expected cue<TAB>pattern");
    }
    std::string_view head = TrimBlanks(line.substr(0, tab));
    std::string_view rest = line.substr(tab + 1);
    std::string_view pattern = TrimBlanks(rest.substr(0, rest.find('\t')));
    if (pattern.empty()) return Status::Error("lexicon_syntax", where(line_no) + "empty pattern");
    bool is_macro = !head.empty() && head.front() == '@';
    Cue cue = Cue::kCount;
    if (is_macro) {
      head.remove_prefix(1);
      if (!ValidMacroName(head)) {
        return Status::Error("lexicon_syntax",
                             where(line_no) + "macro names are [a-z0-9_]+: @" + std::string(head));
      }
      if (macros.count(head)) {
        return Status::Error("lexicon_syntax", where(line_no) + "macro @" + std::string(head) +
                                                   " defined twice");
      }
    } else {
      cue = CueFromName(head);
      if (cue == Cue::kCount) {
        return Status::Error("lexicon_unknown_cue",
                             where(line_no) + "unknown cue '" + std::string(head) + "'");
      }
    }
    Result<CueNodePtr> tree = ParseCuePattern(pattern, macros);
    if (!tree.ok()) {
      return Status::Error(tree.status().reason(), where(line_no) + tree.status().detail());
    }
    if (is_macro) {
      macros.emplace(std::string(head), std::move(*tree));
      continue;
    }
    if (out.size() >= kMaxCuePatterns) {
      return Status::Error("lexicon_too_large", where(line_no) + "more than " +
                                                    std::to_string(kMaxCuePatterns) + " patterns");
    }
    out.push_back({cue, std::move(*tree), std::string(name) + ":" + std::to_string(line_no)});
  }
  return Status::Ok();
}

}  // namespace ngb::text
