// STUB (to be replaced by the Hyperscan matcher): names only; matches nothing.
#include "text/cues.h"

#include <array>

namespace ngb::text {
namespace {
constexpr std::array<std::string_view, static_cast<size_t>(Cue::kCount)> kCueNames{
    "insult",          "threat",          "humiliation",       "sexual_talk",   "photo_request",
    "video_call_pressure", "age_probe",   "location_probe",    "alone_probe",   "secrecy",
    "platform_move",   "gift_offer",      "meeting_proposal",  "flattery",      "image_possession",
    "threat_to_share", "money_demand",    "image_demand",      "minor_indicator", "school_context",
    "news_context",    "joking",          "refusal",           "distress"};

class NullMatcher final : public CueMatcher {
 public:
  void Match(std::string_view, std::vector<CueHit>&) const override {}
  size_t pattern_count() const override { return 0; }
};
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

Result<std::shared_ptr<const CueMatcher>> CueMatcher::Load(const std::string&) {
  return std::shared_ptr<const CueMatcher>(std::make_shared<NullMatcher>());
}

Result<std::shared_ptr<const CueMatcher>> CueMatcher::FromLexicons(
    const std::vector<std::pair<std::string, std::string>>&) {
  return std::shared_ptr<const CueMatcher>(std::make_shared<NullMatcher>());
}

}  // namespace ngb::text
