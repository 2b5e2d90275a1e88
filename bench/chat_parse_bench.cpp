// Chat export parsing speed: builds a large synthetic export in memory for each format (benign
// English / Roman Urdu / Urdu lines, multi-line messages, media placeholders) and times ParseChat
// with auto-detection, as `chat analyze` calls it.
//
// Yardstick: the parser budget of 0.5 µs per message (2 M messages/s on one core), so that
// `chat analyze` can reach 200,000 messages/s end to end. Counters: msgs_per_s and
// vs_budget = msgs_per_s / 2e6 (≥ 1 meets the budget). Medians of 5 repetitions.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "chat/parse.h"

namespace {

constexpr int kMessages = 200'000;

const char* const kLines[] = {
    "Assalam o alaikum, kya haal hai?",
    "theek hoon, tum sunao",
    "kal school mein test hai, tayyari ho gayi?",
    "Are you coming to the match on Sunday?",
    "آج موسم بہت اچھا ہے",
    "ok 👍",
    "homework ka photo bhej do please",
    "See you tomorrow at 5, don't be late!",
    "کیا تم نے کھانا کھا لیا؟",
    "haha that was so funny 😂😂",
};
constexpr int kNumLines = sizeof(kLines) / sizeof(kLines[0]);
const char* const kNames[] = {"Ayesha Khan", "Bilal", "Sara", "Hamza"};

struct Msg {
  int day, hour, minute, second;
  const char* author;
  std::string text;
};

std::vector<Msg> Messages() {
  std::vector<Msg> out;
  out.reserve(kMessages);
  uint32_t x = 12345;
  for (int i = 0; i < kMessages; ++i) {
    x = x * 1664525u + 1013904223u;
    Msg m{1 + (i / 5000) % 28, (i / 60) % 24,        i % 60,
          (i * 7) % 60,        kNames[(x >> 8) % 4], kLines[(x >> 12) % kNumLines]};
    if ((x >> 20) % 10 == 0) m.text += std::string("\n") + kLines[(x >> 4) % kNumLines];
    out.push_back(std::move(m));
  }
  return out;
}

std::string Json(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '\n') {
      o += "\\n";
    } else if (c == '"' || c == '\\') {
      o += '\\', o += c;
    } else {
      o += c;
    }
  }
  return o;
}

std::string Build(ngb::chat::Format f) {
  using ngb::chat::Format;
  const auto msgs = Messages();
  std::string s;
  s.reserve(kMessages * 120);
  char buf[256];
  const long base = 1704067200;  // 2024-01-01
  auto epoch = [&](const Msg& m) {
    return base + (m.day - 1) * 86400L + m.hour * 3600L + m.minute * 60L + m.second;
  };
  switch (f) {
    case Format::kWhatsApp:
      for (const Msg& m : msgs) {
        std::snprintf(buf, sizeof buf, "%02d/01/2024, %02d:%02d - %s: ", m.day, m.hour, m.minute,
                      m.author);
        s += buf;
        s += m.text;
        s += '\n';
      }
      break;
    case Format::kTelegram:
      s += "{\n \"name\": \"Bench\",\n \"type\": \"private_group\",\n \"id\": 1,\n \"messages\": "
           "[\n";
      for (size_t i = 0; i < msgs.size(); ++i) {
        const Msg& m = msgs[i];
        std::snprintf(buf, sizeof buf,
                      "  {\n   \"id\": %zu,\n   \"type\": \"message\",\n   \"date\": "
                      "\"2024-01-%02dT%02d:%02d:%02d\",\n"
                      "   \"date_unixtime\": \"%ld\",\n   \"from\": \"%s\",\n   \"from_id\": "
                      "\"user%zu\",\n   \"text\": \"",
                      i + 1, m.day, m.hour, m.minute, m.second, epoch(m), m.author, i % 4);
        s += buf;
        s += Json(m.text);
        s += "\",\n   \"text_entities\": [{\"type\": \"plain\", \"text\": \"" + Json(m.text) +
             "\"}]\n  }";
        s += i + 1 < msgs.size() ? ",\n" : "\n";
      }
      s += " ]\n}\n";
      break;
    case Format::kInstagram:
      s += "{\n  \"participants\": [{\"name\": \"Sara\"}, {\"name\": \"Bilal\"}],\n  \"messages\": "
           "[\n";
      for (size_t i = msgs.size(); i-- > 0;) {
        const Msg& m = msgs[i];
        std::snprintf(buf, sizeof buf,
                      "    {\n      \"sender_name\": \"%s\",\n      \"timestamp_ms\": %ld000,\n    "
                      "  \"content\": \"",
                      m.author, epoch(m));
        s += buf;
        s += Json(m.text);  // real exports escape non-ASCII as \u00XX; raw UTF-8 is the harder case
        s += "\",\n      \"is_geoblocked_for_viewer\": false\n    }";
        s += i > 0 ? ",\n" : "\n";
      }
      s += "  ],\n  \"title\": \"Sara\",\n  \"thread_path\": \"inbox/sara_1\"\n}\n";
      break;
    case Format::kDiscord:
      s += "{\n  \"guild\": {\"id\": \"1\", \"name\": \"Club\"},\n  \"channel\": {\"id\": \"2\", "
           "\"name\": \"general\"},\n  \"messages\": [\n";
      for (size_t i = 0; i < msgs.size(); ++i) {
        const Msg& m = msgs[i];
        std::snprintf(buf, sizeof buf,
                      "    {\n      \"id\": \"%zu\",\n      \"type\": \"Default\",\n      "
                      "\"timestamp\": \"2024-01-%02dT%02d:%02d:%02d.000+05:00\",\n"
                      "      \"isPinned\": false,\n      \"content\": \"",
                      i + 1, m.day, m.hour, m.minute, m.second);
        s += buf;
        s += Json(m.text);
        std::snprintf(buf, sizeof buf,
                      "\",\n      \"author\": {\"id\": \"%zu\", \"name\": \"%s\", \"nickname\": "
                      "\"%s\", \"isBot\": false},\n"
                      "      \"attachments\": [], \"embeds\": [], \"reactions\": []\n    }",
                      i % 4, m.author, m.author);
        s += buf;
        s += i + 1 < msgs.size() ? ",\n" : "\n";
      }
      s += "  ]\n}\n";
      break;
    case Format::kCsv:
      s += "timestamp,sender,text\n";
      for (const Msg& m : msgs) {
        std::snprintf(buf, sizeof buf, "2024-01-%02d %02d:%02d:%02d,%s,", m.day, m.hour, m.minute,
                      m.second, m.author);
        s += buf;
        if (m.text.find_first_of(",\n\"") != std::string::npos) {
          s += '"';
          for (char c : m.text) s += c == '"' ? std::string("\"\"") : std::string(1, c);
          s += '"';
        } else {
          s += m.text;
        }
        s += '\n';
      }
      break;
    case Format::kJsonl:
      for (const Msg& m : msgs) {
        std::snprintf(buf, sizeof buf, "{\"timestamp\": %ld, \"sender\": \"%s\", \"text\": \"",
                      epoch(m), m.author);
        s += buf;
        s += Json(m.text) + "\"}\n";
      }
      break;
    case Format::kPanXml:
      s += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<conversations>\n  <conversation "
           "id=\"bench\">\n";
      for (size_t i = 0; i < msgs.size(); ++i) {
        const Msg& m = msgs[i];
        std::snprintf(buf, sizeof buf,
                      "    <message line=\"%zu\">\n      <author>%s</author>\n      "
                      "<time>%02d:%02d</time>\n      <text>",
                      i + 1, m.author, m.hour, m.minute);
        s += buf;
        s += m.text + "</text>\n    </message>\n";
      }
      s += "  </conversation>\n</conversations>\n";
      break;
    default:
      break;
  }
  return s;
}

void BM_ParseChat(benchmark::State& state) {
  const auto format = static_cast<ngb::chat::Format>(state.range(0));
  const std::string bytes = Build(format);
  const ngb::chat::ParseOptions options;
  size_t parsed = 0;
  for (auto _ : state) {
    auto r = ngb::chat::ParseChat(bytes, "", options);
    if (!r.ok() || r->empty() || r->front().format != format) {
      state.SkipWithError("parse failed or wrong format detected");
      return;
    }
    parsed = 0;
    for (const auto& c : *r) parsed += c.messages.size();
    benchmark::DoNotOptimize(r);
  }
  if (parsed != kMessages) state.SkipWithError("message count mismatch");
  state.SetLabel(std::string(ngb::chat::FormatName(format)));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * kMessages);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
  state.counters["msgs_per_s"] = benchmark::Counter(static_cast<double>(kMessages),
                                                    benchmark::Counter::kIsIterationInvariantRate);
  state.counters["vs_budget"] =
      benchmark::Counter(kMessages / 2e6, benchmark::Counter::kIsIterationInvariantRate);
}

using F = ngb::chat::Format;
BENCHMARK(BM_ParseChat)
    ->ArgName("format")
    ->Arg(static_cast<int>(F::kWhatsApp))
    ->Arg(static_cast<int>(F::kTelegram))
    ->Arg(static_cast<int>(F::kInstagram))
    ->Arg(static_cast<int>(F::kDiscord))
    ->Arg(static_cast<int>(F::kCsv))
    ->Arg(static_cast<int>(F::kJsonl))
    ->Arg(static_cast<int>(F::kPanXml))
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

}  // namespace

BENCHMARK_MAIN();
