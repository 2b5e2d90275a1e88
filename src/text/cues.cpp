// CueMatcher: the lexicon files (data/lexicons/cues-*.tsv) parsed and compiled into one
// token-level automaton (cue_nfa.h).
#include "text/cues.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "data/embedded.h"
#include "text/cue_lexicon.h"
#include "text/cue_nfa.h"

namespace ngb::text {
namespace {
constexpr std::array<std::string_view, static_cast<size_t>(Cue::kCount)> kCueNames{
    "insult",          "threat",          "humiliation",       "sexual_talk",   "photo_request",
    "video_call_pressure", "age_probe",   "location_probe",    "alone_probe",   "secrecy",
    "platform_move",   "gift_offer",      "meeting_proposal",  "flattery",      "image_possession",
    "threat_to_share", "money_demand",    "image_demand",      "minor_indicator", "school_context",
    "news_context",    "joking",          "refusal",           "distress"};

class NfaMatcher final : public CueMatcher {
 public:
  explicit NfaMatcher(std::unique_ptr<const CueNfa> nfa) : nfa_(std::move(nfa)) {}
  void Match(std::string_view normalised, std::vector<CueHit>& out) const override {
    nfa_->Match(normalised, out);
  }
  size_t pattern_count() const override { return nfa_->pattern_count(); }

 private:
  std::unique_ptr<const CueNfa> nfa_;
};

bool IsLexiconName(std::string_view file) {
  return file.size() > 9 && file.substr(0, 5) == "cues-" && file.substr(file.size() - 4) == ".tsv";
}

}  // namespace

std::string_view CueName(Cue cue) {
  size_t i = static_cast<size_t>(cue);
  return i < kCueNames.size() ? kCueNames[i] : "unknown";
}

Cue CueFromName(std::string_view name) {
  for (size_t i = 0; i < kCueNames.size(); ++i) {
    if (kCueNames[i] == name) return static_cast<Cue>(i);
  }
  return Cue::kCount;
}

Result<std::shared_ptr<const CueMatcher>> CueMatcher::Load(const std::string& dir) {
  std::vector<std::pair<std::string, std::string>> files;
  if (dir.empty()) {
    for (const data::EmbeddedFile& f : data::EmbeddedWithPrefix("lexicons/")) {
      std::string_view base = f.name.substr(9);
      if (IsLexiconName(base)) files.emplace_back(std::string(base), std::string(f.bytes));
    }
  } else {
    try {  // directory iteration and streams may throw: errors stay values at this boundary
      std::vector<std::filesystem::path> paths;
      for (const auto& de : std::filesystem::directory_iterator(dir)) {
        if (IsLexiconName(de.path().filename().string())) paths.push_back(de.path());
      }
      std::sort(paths.begin(), paths.end());
      for (const auto& p : paths) {
        if (std::filesystem::file_size(p) > kMaxCueLexiconBytes) {
          return Status::Error("lexicon_too_large", p.string() + ": larger than 8 MiB");
        }
        std::ifstream in(p, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        if (!in) return Status::Error("lexicon_io", p.string() + ": cannot read");
        files.emplace_back(p.filename().string(), ss.str());
      }
    } catch (const std::exception& e) {
      return Status::Error("lexicon_io", dir + ": " + e.what());
    }
  }
  if (files.empty()) {
    return Status::Error("lexicon_missing", "no cues-*.tsv in " + (dir.empty() ? "the binary" : dir));
  }
  return FromLexicons(files);
}

Result<std::shared_ptr<const CueMatcher>> CueMatcher::FromLexicons(
    const std::vector<std::pair<std::string, std::string>>& name_and_text) {
  std::vector<CuePatternEntry> entries;
  for (const auto& [name, text] : name_and_text) {
    Status st = ParseCueLexicon(name, text, entries);
    if (!st.ok()) return st;
  }
  Result<std::unique_ptr<const CueNfa>> nfa = CueNfa::Build(entries);
  if (!nfa.ok()) return nfa.status();
  return std::shared_ptr<const CueMatcher>(std::make_shared<NfaMatcher>(std::move(*nfa)));
}

}  // namespace ngb::text
