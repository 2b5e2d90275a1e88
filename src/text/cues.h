// Cue lexicons: explicit, reviewable phrase patterns per language (data/lexicons/cues-<lang>.tsv,
// see docs/cue-lexicons.md) that mark what a message *does* — asks a child's age, proposes to meet,
// threatens to share images, demands money. The conversation detector reasons over these cues.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "text/language.h"

namespace ngb::text {

// Cue names (CueName) are a public contract: they appear in the `cues` of evidence messages.
enum class Cue : uint8_t {
  kInsult,             // "insult": name-calling, slurs, degrading words aimed at someone
  kThreat,             // "threat": threats of violence or harm
  kHumiliation,        // "humiliation": public shaming, "everyone will laugh at you", telling to self-harm
  kSexualTalk,         // "sexual_talk": sexual remarks or requests (non-explicit lexicon)
  kPhotoRequest,       // "photo_request": asks for photos/pics/"private pics"/selfies
  kVideoCallPressure,  // "video_call_pressure": asks to go on cam/video call/live, turn camera on
  kAgeProbe,           // "age_probe": asks age, class/grade
  kLocationProbe,      // "location_probe": asks where they live, school, address
  kAloneProbe,         // "alone_probe": "are you alone", "are your parents home"
  kSecrecy,            // "secrecy": "don't tell anyone/your parents", "delete this chat", "our secret"
  kPlatformMove,       // "platform_move": move to another app/number/secret account
  kGiftOffer,          // "gift_offer": gifts, mobile load, money, game credit offered
  kMeetingProposal,    // "meeting_proposal": proposes to meet in person, pick up
  kFlattery,           // "flattery": "you're so mature/beautiful", "special"
  kImagePossession,    // "image_possession": "I have your pics/video"
  kThreatToShare,      // "threat_to_share": threatens to post/send images to family, school, online
  kMoneyDemand,        // "money_demand": demands money, JazzCash/EasyPaisa, card codes
  kImageDemand,        // "image_demand": demands (more) images or video under pressure
  kMinorIndicator,     // "minor_indicator": speaker reveals being a child ("I'm 13", "my class teacher", "ammi")
  kSchoolContext,      // "school_context": homework, assignment, online class, teacher — benign context
  kNewsContext,        // "news_context": news, arrested, awareness, report — talking *about* harms
  kJoking,             // "joking": lol, haha, jk, mazaq, laughing emoji — softens teasing
  kRefusal,            // "refusal": "no", "stop", "leave me alone", "I don't want to"
  kDistress,           // "distress": "please don't", "I'm scared", crying
  kCount
};

std::string_view CueName(Cue cue);
Cue CueFromName(std::string_view name);  // kCount if unknown

struct CueHit {
  Cue cue;
  uint32_t begin;  // byte range in the normalised text
  uint32_t end;
};

// All lexicons compiled into one word-level automaton (cue_nfa.h; Hyperscan could not track match
// starts fast enough for these lexicons). Immutable; Match is thread-safe (work space is per thread).
class CueMatcher {
 public:
  // Built-in lexicons (data/lexicons, compiled into the binary), or every cues-*.tsv in `dir`.
  static Result<std::shared_ptr<const CueMatcher>> Load(const std::string& dir = {});
  // From lexicon texts (the contents of cues-*.tsv files), for tests and tools. Each entry's
  // phrases are normalised with text::Normalise before compiling. Errors name file and line.
  static Result<std::shared_ptr<const CueMatcher>> FromLexicons(
      const std::vector<std::pair<std::string, std::string>>& name_and_text);
  virtual ~CueMatcher() = default;
  // Appends the cues found in `normalised` (output of text::Normalise) to `out`, in order of end
  // offset; each (cue, span) at most once.
  virtual void Match(std::string_view normalised, std::vector<CueHit>& out) const = 0;
  virtual size_t pattern_count() const = 0;
};

}  // namespace ngb::text
