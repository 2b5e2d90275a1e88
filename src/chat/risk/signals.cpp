#include "chat/risk/signals.h"

#include <algorithm>
#include <thread>

#include "text/normalise.h"

namespace ngb::chat {

MessageSignals SignalExtractor::Extract(const Message& message) const {
  MessageSignals s;
  if (message.system || message.text.empty()) return s;
  thread_local std::vector<text::CueHit> hits;
  std::string normalised = text::Normalise(message.text);
  s.lang = text::DetectLanguage(normalised);
  text::Verdict v = classifier_.ClassifyNormalised(normalised, s.lang);
  s.abuse = v.score;
  s.abusive = v.flag;
  hits.clear();
  cues_.Match(normalised, hits);
  for (const text::CueHit& h : hits) s.cues |= Bit(h.cue);
  return s;
}

std::vector<MessageSignals> ExtractSignals(const Conversation& conversation, const SignalExtractor& extractor,
                                           unsigned threads) {
  const size_t n = conversation.messages.size();
  std::vector<MessageSignals> out(n);
  auto run = [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) out[i] = extractor.Extract(conversation.messages[i]);
  };
  constexpr size_t kPerThreadMinimum = 4096;  // below this a thread costs more than it saves
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(n / kPerThreadMinimum)));
  if (threads <= 1) {
    run(0, n);
    return out;
  }
  std::vector<std::thread> pool;
  const size_t step = (n + threads - 1) / threads;
  for (unsigned t = 1; t < threads; ++t) {
    size_t b = std::min(n, t * step), e = std::min(n, b + step);
    pool.emplace_back(run, b, e);
  }
  run(0, std::min(n, step));
  for (std::thread& t : pool) t.join();
  return out;
}

}  // namespace ngb::chat
