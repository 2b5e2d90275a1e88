#include "chat/risk/signals.h"

#include <algorithm>
#include <atomic>
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
  constexpr size_t kPerThreadMinimum = 4096;  // below this a thread costs more than it saves
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(n / kPerThreadMinimum)));
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) out[i] = extractor.Extract(conversation.messages[i]);
    return out;
  }
  // Threads take small chunks in turn rather than fixed halves: on a shared machine one core is
  // often slower, and the conversation is done when the last chunk is, not the slower half.
  constexpr size_t kChunk = 1024;
  std::atomic<size_t> next{0};
  auto run = [&] {
    for (size_t b; (b = next.fetch_add(kChunk, std::memory_order_relaxed)) < n;) {
      const size_t e = std::min(n, b + kChunk);
      for (size_t i = b; i < e; ++i) out[i] = extractor.Extract(conversation.messages[i]);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(run);
  run();
  for (std::thread& t : pool) t.join();
  return out;
}

}  // namespace ngb::chat
