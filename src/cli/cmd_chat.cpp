// `nigehbaan chat analyze [--json] FILE|FOLDER...`: reads chat exports (format detected, or
// --format), flags grooming, sextortion, sexting, livestreaming and cyberbullying per conversation,
// and shows the messages that justify each flag. Folders are searched for chat exports.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <thread>

#include "chat/analyze.h"
#include "chat/risk/risk_json.h"
#include "cli/commands.h"
#include "core/json_text.h"
#include "core/provenance.h"
#include "core/time_util.h"
#include "source/evidence_file.h"

namespace ngb::cli {
namespace {

struct Flags {
  std::vector<std::string> inputs;
  bool json = false;
  std::string format;
  std::string date_order = "auto";
  float threshold = 0.5f;
  unsigned threads = 0;
  std::string models_dir;
  std::string lexicons_dir;
  size_t max_evidence = 20;
  bool trace = false;
};

// Files to analyse: given files as they are; folders searched (symlinks not followed) for files
// whose first bytes look like a chat export.
std::vector<std::string> CollectInputs(const Flags& f, bool forced_format, std::vector<std::string>& problems) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& in : f.inputs) {
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(in, ec))) {
      files.push_back(in);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      const std::string path = it->path().string();
      if (forced_format) {
        found.push_back(path);
        continue;
      }
      Result<source::EvidenceFile> file = source::EvidenceFile::Open(path);
      if (!file.ok()) continue;
      std::string head(std::min<uint64_t>(file->size(), 16384), '\0');
      Result<size_t> n = file->ReadAt(0, reinterpret_cast<uint8_t*>(head.data()), head.size());
      if (!n.ok()) continue;
      head.resize(*n);
      if (chat::DetectFormat(head, it->path().filename().string()) != chat::Format::kUnknown) found.push_back(path);
    }
    if (ec) problems.push_back(in + ": " + ec.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

// Big exports make the parsers touch hundreds of MB of fresh heap (simdjson's indexes and string
// buffer, the messages); with 4 KiB pages the page faults alone cost 20-40 % of `chat analyze`'s
// CPU time (bench/README.md). glibc backs malloc with transparent huge pages only when told so by
// GLIBC_TUNABLES at start-up, so for a big input the process re-executes itself once with
// glibc.malloc.hugetlb=1 added. Skipped when GLIBC_TUNABLES already names that tunable (set it to
// 0 to opt out), for inputs under 8 MiB (exec and start-up cost more than they save), and when
// /proc/self/exe cannot be executed (then nothing changes).
void ReexecWithHugePages(const Flags& f) {
  constexpr uintmax_t kBigInput = uintmax_t{8} << 20;
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  const std::string old = tunables ? tunables : "";
  if (old.find("glibc.malloc.hugetlb") != std::string::npos) return;
  bool big = false;
  for (const std::string& in : f.inputs) {
    std::error_code ec;
    const auto st = std::filesystem::status(in, ec);
    big |= !ec && (std::filesystem::is_directory(st) ||
                   (std::filesystem::is_regular_file(st) && std::filesystem::file_size(in, ec) >= kBigInput && !ec));
  }
  if (!big) return;
  std::ifstream cmdline("/proc/self/cmdline", std::ios::binary);
  const std::string args((std::istreambuf_iterator<char>(cmdline)), std::istreambuf_iterator<char>());
  std::vector<char*> argv;
  for (size_t p = 0; p < args.size(); p = args.find('\0', p) + 1) {
    argv.push_back(const_cast<char*>(args.c_str() + p));
    if (args.find('\0', p) == std::string::npos) break;
  }
  if (argv.empty()) return;
  argv.push_back(nullptr);
  const std::string with = old.empty() ? "glibc.malloc.hugetlb=1" : old + ":glibc.malloc.hugetlb=1";
  if (setenv("GLIBC_TUNABLES", with.c_str(), 1) != 0) return;
  std::cout.flush();
  std::fflush(nullptr);
  execv("/proc/self/exe", argv.data());
  if (tunables) {  // exec failed: carry on as we were
    setenv("GLIBC_TUNABLES", old.c_str(), 1);
  } else {
    unsetenv("GLIBC_TUNABLES");
  }
}

std::string Shorten(const std::string& text, size_t max) {
  std::string s;
  for (char c : text) s.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return s.substr(0, cut) + "…";
}

// --trace: every message with its cues and abuse score, to see why a conversation was (not) flagged.
void PrintTrace(const chat::AnalyzedConversation& a) {
  const chat::Conversation& c = a.conversation;
  for (size_t i = 0; i < c.messages.size() && i < a.signals.size(); ++i) {
    const chat::Message& m = c.messages[i];
    const chat::MessageSignals& s = a.signals[i];
    std::string cues;
    for (size_t k = 0; k < static_cast<size_t>(text::Cue::kCount); ++k) {
      if (s.cues & (chat::CueMask{1} << k)) cues += (cues.empty() ? "" : ",") + std::string(text::CueName(static_cast<text::Cue>(k)));
    }
    char abuse[16];
    std::snprintf(abuse, sizeof abuse, "%.2f", s.abuse);
    std::cout << "    #" << i << " " << (m.system ? "(system)" : m.author) << ": " << Shorten(m.text, 90) << "  ["
              << cues << "] " << text::LangCode(s.lang) << " abuse " << abuse << (s.abusive ? "!" : "") << "\n";
  }
}

void PrintText(const chat::AnalyzedConversation& a) {
  const chat::Conversation& c = a.conversation;
  std::cout << DisplayPath(c.source);
  if (!c.title.empty()) std::cout << "  \"" << Shorten(c.title, 60) << "\"";
  if (!c.id.empty()) std::cout << "  id " << c.id;
  std::cout << "\n  " << chat::FormatName(c.format) << ", " << c.participants.size() << " participants, "
            << c.messages.size() << " messages, language " << text::LangCode(a.risk.lang);
  if (!c.errors.empty()) std::cout << ", " << c.errors.size() << " unreadable lines (first at line " << c.errors[0].line << ")";
  std::cout << "\n";
  if (!a.signals.empty()) PrintTrace(a);
  if (a.risk.findings.empty()) {
    std::cout << "  no risk found\n\n";
    return;
  }
  for (const chat::LabelFinding& f : a.risk.findings) {
    std::string label(chat::LabelName(f.label));
    std::transform(label.begin(), label.end(), label.begin(), ::toupper);
    std::cout << "  " << label << "  score " << static_cast<int>(f.score * 100 + 0.5f) << "%  offender: "
              << (f.offender.empty() ? "?" : f.offender) << "  target: " << (f.target.empty() ? "?" : f.target)
              << "  first alert at message #" << f.first_alert_index << "\n";
    const size_t shown = std::min<size_t>(f.evidence.size(), 6);
    for (size_t k = 0; k < shown; ++k) {
      const chat::EvidenceRef& e = f.evidence[k];
      const chat::Message& m = c.messages[e.index];
      std::string cues;
      for (std::string_view cue : e.cues) cues += (cues.empty() ? "" : ",") + std::string(cue);
      std::string time = chat::MessageTimeText(c, m.time);
      std::cout << "    #" << e.index << "  " << (time.empty() ? "" : time + "  ") << m.author << ": "
                << Shorten(m.text, 100) << "  [" << cues << "]\n";
    }
    if (f.evidence.size() > shown) std::cout << "    … " << (f.evidence.size() - shown) << " more (--json for all)\n";
  }
  std::cout << "\n";
}

int Run(const Flags& f) {
  ReexecWithHugePages(f);
  chat::ChatAnalyzeOptions options;
  if (!f.format.empty()) {
    options.parse.format = chat::FormatFromName(f.format);
    if (options.parse.format == chat::Format::kUnknown) {
      PrintError("unknown --format '" + f.format + "'");
      return kExitFatal;
    }
  }
  if (f.date_order == "dmy" || f.date_order == "day-first") {
    options.parse.date_order = chat::DateOrder::kDayFirst;
  } else if (f.date_order == "mdy" || f.date_order == "month-first") {
    options.parse.date_order = chat::DateOrder::kMonthFirst;
  } else if (f.date_order != "auto") {
    PrintError("--date-order must be auto, dmy or mdy");
    return kExitFatal;
  }
  options.detector.threshold = f.threshold;
  options.detector.max_evidence = f.max_evidence;
  options.keep_signals = f.trace && !f.json;
  options.threads = f.threads > 0 ? f.threads : std::max(1u, std::thread::hardware_concurrency());

  Result<std::shared_ptr<const chat::ChatModels>> models = chat::ChatModels::Load(f.models_dir, f.lexicons_dir);
  if (!models.ok()) {
    PrintError("cannot load models: " + models.status().ToString());
    return kExitFatal;
  }
  std::vector<std::string> problems;
  const std::vector<std::string> files = CollectInputs(f, !f.format.empty(), problems);
  const double start = MonotonicSeconds();
  size_t conversations = 0, messages = 0, failed = 0, damaged = 0;
  std::map<std::string, size_t> flagged;
  std::vector<chat::AnalyzedConversation> for_text;
  for (const std::string& path : files) {
    chat::ChatFileResult r = chat::AnalyzeChatFile(path, **models, options);
    if (!r.error.ok()) {
      ++failed;
      if (f.json) {
        nlohmann::ordered_json j;
        j["source"] = DisplayPath(path);
        j["format"] = nullptr;
        j["error"] = r.error.ToString();
        std::cout << JsonText(j) << "\n";
      } else {
        PrintError(DisplayPath(path) + ": " + r.error.ToString());
      }
      continue;
    }
    for (chat::AnalyzedConversation& a : r.conversations) {
      a.conversation.source = DisplayPath(path);
      ++conversations;
      messages += a.conversation.messages.size();
      damaged += !a.conversation.errors.empty();
      for (const chat::LabelFinding& l : a.risk.findings) flagged[std::string(chat::LabelName(l.label))]++;
      if (f.json) {
        std::cout << JsonText(chat::RiskJson(a.conversation, a.risk)) << "\n";
      } else {
        for_text.push_back(std::move(a));
      }
    }
  }
  const double elapsed = MonotonicSeconds() - start;
  if (!f.json) {
    // Most urgent first.
    std::stable_sort(for_text.begin(), for_text.end(), [](const auto& x, const auto& y) {
      float sx = x.risk.findings.empty() ? 0 : x.risk.findings[0].score;
      float sy = y.risk.findings.empty() ? 0 : y.risk.findings[0].score;
      return sx > sy;
    });
    for (const chat::AnalyzedConversation& a : for_text) PrintText(a);
    std::cout << files.size() << " files, " << conversations << " conversations, " << messages << " messages in "
              << FormatDuration(elapsed) << "; flagged:";
    if (flagged.empty()) std::cout << " none";
    for (const auto& [label, n] : flagged) std::cout << " " << label << " " << n;
    if (failed) std::cout << "; " << failed << " files unreadable";
    if (damaged) std::cout << "; " << damaged << " conversations with unreadable lines";
    std::cout << "\n";
  }
  for (const std::string& p : problems) PrintError(p);
  if (files.empty()) {
    PrintError("no chat exports found");
    return kExitProblems;
  }
  return failed > 0 || damaged > 0 || !problems.empty() ? kExitProblems : kExitOk;
}

}  // namespace

void AddChatCommand(CLI::App& app, Context& ctx) {
  CLI::App* chat = app.add_subcommand("chat", "Chat export risk analysis (analyze)");
  chat->require_subcommand(1);
  auto f = std::make_shared<Flags>();
  CLI::App* cmd = chat->add_subcommand(
      "analyze", "Flag grooming, sextortion, sexting, livestreaming and cyberbullying in chat exports");
  cmd->add_option("INPUT", f->inputs, "Chat export files, or folders to search for them")->required();
  cmd->add_flag("--json", f->json, "One JSON object per conversation per line");
  cmd->add_option("--format", f->format,
                  "Force the format: whatsapp, telegram, instagram, messenger, discord, csv, jsonl, pan2012");
  cmd->add_option("--date-order", f->date_order, "Numeric dates: auto (default), dmy or mdy");
  cmd->add_option("--threshold", f->threshold, "Score at which a label is reported (default 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--max-evidence", f->max_evidence, "Evidence messages per label (default 20)");
  cmd->add_flag("--trace", f->trace, "Also list every message with its cues, language and abuse score (text output)");
  cmd->add_option("--threads", f->threads, "Worker threads (default: all cores)");
  cmd->add_option("--models", f->models_dir, "Folder with abuse-*.ngbm models (default: built in)");
  cmd->add_option("--lexicons", f->lexicons_dir, "Folder with cues-*.tsv lexicons (default: built in)");
  cmd->callback([f, &ctx] { ctx.exit_code = Run(*f); });
}

}  // namespace ngb::cli
