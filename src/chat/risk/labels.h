// The five harms the conversation detector flags. Names (LabelName) are a public contract: they are
// the `label` values of `chat analyze --json` and of the case store.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

namespace ngb::chat {

enum class Label : uint8_t { kGrooming, kSextortion, kSexting, kLivestreaming, kCyberbullying };
inline constexpr size_t kLabelCount = 5;
inline constexpr std::array<Label, kLabelCount> kAllLabels{Label::kGrooming, Label::kSextortion, Label::kSexting,
                                                           Label::kLivestreaming, Label::kCyberbullying};

constexpr std::string_view LabelName(Label label) {
  switch (label) {
    case Label::kGrooming: return "grooming";
    case Label::kSextortion: return "sextortion";
    case Label::kSexting: return "sexting";
    case Label::kLivestreaming: return "livestreaming";
    case Label::kCyberbullying: return "cyberbullying";
  }
  return "unknown";
}

}  // namespace ngb::chat
