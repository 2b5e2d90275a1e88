// `nigehbaan text classify|train|eval` — the message-level abuse classifier (docs/text-models.md).
//   classify  one message per stdin line → one JSON object per line {"flag","score","lang"}, in order
//   train     rebuild the three shipped models from the corpora, printing validation P/R/F1
//   eval      precision/recall/F1 and macro-F1 of the models on a labelled file
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <new>
#include <span>
#include <string_view>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "text/classifier.h"
#include "text/corpora.h"
#include "text/normalise.h"
#include "text/trainer.h"

namespace ngb::cli {
namespace {

using text::Lang;

constexpr size_t kChunkBytes = 4 << 20;     // stdin is read and classified this much at a time
constexpr size_t kFirstChunkBytes = 256 << 10;  // ...except the first, so classifying starts at once
constexpr size_t kMaxLineBytes = 64 << 20;  // longer lines are cut into pieces of this size

// Uninitialised memory for at least `bytes`, in 2 MiB huge pages where the kernel allows: first
// touches of 4 KiB pages cost ~34 us each here (a fresh 4 MiB buffer, ~1,000 faults, took ~25 ms).
struct FreeDeleter {
  void operator()(void* p) const { std::free(p); }
};
template <typename T>
std::unique_ptr<T[], FreeDeleter> AllocateHuge(size_t count, size_t& capacity) {
  constexpr size_t kHuge = 2 << 20;
  const size_t bytes = (count * sizeof(T) + kHuge - 1) / kHuge * kHuge;
  std::unique_ptr<T[], FreeDeleter> p(static_cast<T*>(std::aligned_alloc(kHuge, bytes)));
  if (!p) throw std::bad_alloc();
  madvise(p.get(), bytes, MADV_HUGEPAGE);  // advice only: 4 KiB pages if refused
  capacity = bytes / sizeof(T);
  return p;
}

constexpr size_t kMaxVerdictBytes = 64;  // {"flag":false,"score":0.1234,"lang":"ur-Latn"}\n is 47

// Writes {"flag":…,"score":0.1234,"lang":"…"} and a newline at `o` (at most kMaxVerdictBytes),
// without printf. Returns the end.
char* WriteVerdict(char* o, const text::Verdict& v) {
  auto put = [&o](std::string_view s) {
    std::memcpy(o, s.data(), s.size());
    o += s.size();
  };
  put(v.flag ? "{\"flag\":true,\"score\":" : "{\"flag\":false,\"score\":");
  long q = std::lround(std::clamp(static_cast<double>(v.score), 0.0, 1.0) * 10000);
  const char num[6] = {static_cast<char>('0' + q / 10000), '.', static_cast<char>('0' + q / 1000 % 10),
                       static_cast<char>('0' + q / 100 % 10), static_cast<char>('0' + q / 10 % 10),
                       static_cast<char>('0' + q % 10)};
  put(std::string_view(num, sizeof num));
  put(",\"lang\":\"");
  put(text::LangCode(v.lang));
  put("\"}\n");
  return o;
}

// The verdicts of a chunk: block b's at b * kBlockBytes, with its length; one buffer in huge
// pages, reused from chunk to chunk (a string grown per block faulted ~500 fresh pages per run).
struct Verdicts {
  static constexpr size_t kBlockLines = 512;
  static constexpr size_t kBlockBytes = kBlockLines * kMaxVerdictBytes;
  std::unique_ptr<char[], FreeDeleter> bytes;
  size_t capacity = 0;
  std::vector<size_t> lengths;
  void Prepare(size_t blocks) {
    if (capacity < blocks * kBlockBytes) bytes = AllocateHuge<char>(blocks * kBlockBytes, capacity);
    lengths.assign(blocks, 0);
  }
  char* Block(size_t b) { return bytes.get() + b * kBlockBytes; }
};

// Classifies lines with `threads` threads and writes the results in input order. The lines are
// taken in blocks of kBlockLines from a shared counter (each block's verdicts at their own place),
// so a thread that loses its core on a busy machine does not leave the others waiting at the end of
// the chunk.
void ClassifyLines(const text::AbuseClassifier& c, Lang forced, std::span<const std::string_view> lines,
                   Verdicts& out, unsigned threads) {
  constexpr size_t kBlockLines = Verdicts::kBlockLines;
  const size_t n = lines.size();
  const size_t blocks = (n + kBlockLines - 1) / kBlockLines;
  out.Prepare(blocks);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t b; (b = next.fetch_add(1, std::memory_order_relaxed)) < blocks;) {
      char* const begin = out.Block(b);
      char* o = begin;
      for (size_t i = b * kBlockLines, end = std::min(n, i + kBlockLines); i < end; ++i) {
        text::LanguageEvidence evidence;
        std::string norm = text::Normalise(lines[i], evidence);
        Lang lang = forced == Lang::kUnknown ? text::LanguageFromEvidence(evidence) : forced;
        o = WriteVerdict(o, c.ClassifyNormalised(norm, lang, evidence));
      }
      out.lengths[b] = static_cast<size_t>(o - begin);
    }
  };
  threads = static_cast<unsigned>(std::clamp<size_t>(threads, 1, std::max<size_t>(1, n / 256)));
  if (threads == 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
    for (auto& th : pool) th.join();
  }
  for (size_t b = 0; b < blocks; ++b) std::fwrite(out.Block(b), 1, out.lengths[b], stdout);
}

// Complete lines of stdin: `data()[0, limit)` holds them (`limit` just past the last newline; at
// the end of input, everything), then the start of a line that continues in the next chunk. The
// buffer is reused from chunk to chunk and never zero-filled: a fresh 4 MiB string per chunk cost
// a page fault per 4 KiB and a memset of every byte read.
class StdinChunk {
 public:
  const char* data() const { return buf_.get(); }
  size_t size() const { return size_; }
  size_t limit() const { return limit_; }
  bool eof() const { return eof_; }
  // The complete lines (without "\n" or "\r\n"), once SplitLines() has run.
  std::span<const std::string_view> lines() const { return {lines_.get(), line_count_}; }

  // Fills lines() from [0, limit). Done by the thread that read the chunk, beside the
  // classifying of the one before (~10 ms per 4 MiB chunk that was serial between chunks).
  // The views are kept in huge pages too, reused from chunk to chunk (a vector grown line by line
  // for every chunk re-faulted ~750 fresh pages per run).
  void SplitLines() {
    line_count_ = 0;
    const char* const base = buf_.get();
    for (size_t at = 0; at < limit_;) {
      const void* found = std::memchr(base + at, '\n', limit_ - at);
      const size_t nl = found ? static_cast<size_t>(static_cast<const char*>(found) - base) : limit_;
      std::string_view line(base + at, nl - at);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line_count_ == lines_capacity_) GrowLines();
      lines_[line_count_++] = line;
      at = nl + 1;
    }
  }

  // Starts a chunk holding `from`'s bytes past its limit (a partial last line) and its eof.
  void CarryFrom(const StdinChunk& from) {
    size_ = 0;
    limit_ = 0;
    eof_ = from.eof_;
    Append(from.data() + from.limit_, from.size_ - from.limit_);
  }

  // Reads about `bytes` more (more while no line has ended, up to kMaxLineBytes: a longer line is
  // classified in pieces, so memory stays bounded) and sets `limit`.
  void Fill(size_t bytes) {
    for (;;) {
      Reserve(size_ + bytes);
      const size_t got = std::fread(buf_.get() + size_, 1, bytes, stdin);
      const size_t searched = size_;
      size_ += got;
      if (got == 0) {
        eof_ = true;
        limit_ = size_;
        return;
      }
      // Only the new bytes can hold a newline (the earlier ones had none, or we returned).
      const void* nl = memrchr(buf_.get() + searched, '\n', got);
      if (nl != nullptr) {
        limit_ = static_cast<size_t>(static_cast<const char*>(nl) - buf_.get()) + 1;
        return;
      }
      if (size_ >= kMaxLineBytes) {
        limit_ = size_;
        return;
      }
    }
  }

 private:
  void Reserve(size_t n) {
    if (n <= capacity_) return;
    n = std::max(n, 2 * capacity_);  // a line longer than a chunk grows it geometrically
    // Uninitialised: only what is read is used.
    auto bigger = AllocateHuge<char>(n, capacity_);
    if (size_ > 0) std::memcpy(bigger.get(), buf_.get(), size_);
    buf_ = std::move(bigger);
  }
  void GrowLines() {
    auto bigger = AllocateHuge<std::string_view>(std::max<size_t>(2 * lines_capacity_, 1 << 16), lines_capacity_);
    if (line_count_ > 0) std::memcpy(bigger.get(), lines_.get(), line_count_ * sizeof(std::string_view));
    lines_ = std::move(bigger);
  }
  void Append(const char* p, size_t n) {
    Reserve(size_ + n);
    if (n > 0) std::memcpy(buf_.get() + size_, p, n);
    size_ += n;
  }

  std::unique_ptr<char[], FreeDeleter> buf_;
  size_t size_ = 0, capacity_ = 0, limit_ = 0;
  bool eof_ = false;
  std::unique_ptr<std::string_view[], FreeDeleter> lines_;
  size_t line_count_ = 0, lines_capacity_ = 0;
};

int RunClassify(const std::string& models, const std::string& lang_code, unsigned threads) {
  auto t0 = std::chrono::steady_clock::now();
  auto c = text::AbuseClassifier::Load(models);
  if (!c.ok()) {
    PrintError("cannot load models: " + c.status().ToString());
    return kExitFatal;
  }
  if (std::getenv("NGB_TEXT_TIMING")) {
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "model_load_ms %.3f\n", ms);
  }
  Lang forced = lang_code == "auto" ? Lang::kUnknown : text::LangFromCode(lang_code);
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  // The next chunk of stdin is read (on a thread of its own) while the current one is classified,
  // so the classifying threads do not wait for input between chunks. The first chunk is small so
  // they start at once.
  StdinChunk chunks[2];
  StdinChunk* cur = &chunks[0];
  StdinChunk* next = &chunks[1];
  cur->Fill(kFirstChunkBytes);
  cur->SplitLines();
  Verdicts outs;
  for (;;) {
    next->CarryFrom(*cur);  // a partial last line carries over
    std::thread reader;
    if (!cur->eof()) {
      reader = std::thread([next] {
        next->Fill(kChunkBytes);
        next->SplitLines();
      });
    }
    if (!cur->lines().empty()) ClassifyLines(c.value(), forced, cur->lines(), outs, threads);
    if (reader.joinable()) reader.join();
    if (next->eof() && next->size() == 0) break;
    std::swap(cur, next);
  }
  std::fflush(stdout);
  return kExitOk;
}

void PrintMetrics(const char* label, const text::Metrics& m) {
  std::printf("%-28s P %.3f  R %.3f  F1 %.3f  macro-F1 %.3f  (tp %zu fp %zu fn %zu tn %zu)\n", label, m.precision,
              m.recall, m.f1, m.macro_f1, m.tp, m.fp, m.fn, m.tn);
}

struct Split {
  std::vector<text::LabelledText> train, validation;
};

Split SliceMod5(std::vector<text::LabelledText> rows) {
  Split s;
  for (size_t i = 0; i < rows.size(); ++i) {
    (text::IsValidationRow(i) ? s.validation : s.train).push_back(std::move(rows[i]));
  }
  return s;
}

// The training and validation rows for one shipped model, from the corpora folder.
Result<Split> LoadSplit(const std::string& data, Lang lang) {
  using text::CorpusFormat;
  if (lang == Lang::kRomanUrdu) {
    auto tr = text::ReadCorpus(data + "/ruhsold/task_1_train.tsv", CorpusFormat::kRuhsold);
    if (!tr.ok()) return tr.status();
    auto va = text::ReadCorpus(data + "/ruhsold/task_1_validation.tsv", CorpusFormat::kRuhsold);
    if (!va.ok()) return va.status();
    return Split{std::move(tr->rows), std::move(va->rows)};
  }
  auto c = lang == Lang::kUrdu
               ? text::ReadCorpus(data + "/urdu_abusive_akhter2020/urdu_abusive_akhter2020.tsv", CorpusFormat::kAkhter)
               : text::ReadCorpus(data + "/formspring_cyberbullying/formspring_data.csv", CorpusFormat::kFormspring);
  if (!c.ok()) return c.status();
  return SliceMod5(std::move(c->rows));
}

int RunTrain(const std::string& data, const std::string& out, const std::string& only, bool refit, bool quick,
             const std::string& grid_spec) {
  int rc = kExitOk;
  std::vector<text::TrainParams> grid = text::DefaultGrid();
  if (!grid_spec.empty()) {
    auto g = text::ParseGrid(grid_spec);
    if (!g.ok()) {
      PrintError(g.status().ToString());
      return kExitFatal;
    }
    grid = g.value();
  }
  if (quick) grid.resize(1);
  for (Lang lang : {Lang::kRomanUrdu, Lang::kUrdu, Lang::kEnglish}) {
    std::string code(text::LangCode(lang));
    if (!only.empty() && only != code) continue;
    auto split = LoadSplit(data, lang);
    if (!split.ok()) {
      PrintError("abuse-" + code + ": " + split.status().ToString());
      rc = kExitFatal;
      continue;
    }
    std::printf("abuse-%s: %zu training rows, %zu validation rows\n", code.c_str(), split->train.size(),
                split->validation.size());
    auto r = text::SearchAndTrain("abuse-" + code, lang, split->train, split->validation, grid, refit,
                                  [](const text::TrainResult& c) { PrintMetrics(("  " + c.params.ToString()).c_str(), c.validation); });
    if (!r.ok()) {
      PrintError("abuse-" + code + ": " + r.status().ToString());
      rc = kExitFatal;
      continue;
    }
    std::printf("  chosen: %s  threshold %.4f  platt (%.4f, %.4f)%s\n", r->params.ToString().c_str(), r->threshold,
                r->platt_a, r->platt_b, refit ? "  (shipped weights refit on train+validation)" : "");
    PrintMetrics(("  validation abuse-" + code).c_str(), r->validation);
    std::string path = out + "/abuse-" + code + ".ngbm";
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(r->model_bytes.data(), static_cast<std::streamsize>(r->model_bytes.size()));
    f.close();
    if (!f) {
      PrintError("cannot write " + path);
      rc = kExitFatal;
    }
    std::fflush(stdout);
  }
  return rc;
}

int RunEval(const std::string& file, const std::string& corpus, const std::string& lang_code,
            const std::string& models, bool json) {
  auto format = text::CorpusFormatFromName(corpus);
  if (!format.ok()) {
    PrintError(format.status().ToString());
    return kExitFatal;
  }
  auto c = text::ReadCorpus(file, format.value());
  if (!c.ok()) {
    PrintError(c.status().ToString());
    return kExitFatal;
  }
  auto clf = text::AbuseClassifier::Load(models);
  if (!clf.ok()) {
    PrintError("cannot load models: " + clf.status().ToString());
    return kExitFatal;
  }
  // Without --lang, a recognised corpus is read in its own language (RUHSOLD is Roman Urdu, Akhter
  // Urdu, Formspring English); a generic TSV is routed per row.
  Lang forced = lang_code == "auto" ? Lang::kUnknown : text::LangFromCode(lang_code);
  if (lang_code == "corpus") {
    forced = c->format == text::CorpusFormat::kRuhsold   ? Lang::kRomanUrdu
             : c->format == text::CorpusFormat::kAkhter  ? Lang::kUrdu
             : c->format == text::CorpusFormat::kFormspring ? Lang::kEnglish
                                                         : Lang::kUnknown;
  }
  std::vector<int> gold, pred;
  for (const auto& r : c->rows) {
    std::string norm = text::Normalise(r.text);
    Lang lang = forced == Lang::kUnknown ? text::DetectLanguage(norm) : forced;
    gold.push_back(r.label);
    pred.push_back(clf->ClassifyNormalised(norm, lang).flag);
  }
  text::Metrics m = text::ComputeMetrics(gold, pred);
  if (json) {
    std::printf("{\"rows\":%zu,\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,\"macro_f1\":%.4f,"
                "\"tp\":%zu,\"fp\":%zu,\"fn\":%zu,\"tn\":%zu,\"skipped_rows\":%zu}\n",
                gold.size(), m.precision, m.recall, m.f1, m.macro_f1, m.tp, m.fp, m.fn, m.tn, c->errors.size());
  } else {
    std::printf("%zu rows (%zu skipped)\n", gold.size(), c->errors.size());
    PrintMetrics("abuse", m);
  }
  for (const auto& e : c->errors) std::fprintf(stderr, "nigehbaan: %s: %s\n", file.c_str(), e.c_str());
  return c->errors.empty() ? kExitOk : kExitProblems;
}

std::string DefaultCorpora() {
  if (const char* e = std::getenv("NIGEHBAAN_CORPORA"); e && *e) return e;
  return "../shared/data";
}

}  // namespace

void AddTextCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string task = "abuse", lang = "auto", models, data, out, corpus = "auto", only, grid;
    unsigned threads = 0;
    bool json = false, no_refit = false, quick = false;
  };
  auto f = std::make_shared<Flags>();
  const auto langs = CLI::IsMember({"auto", "en", "ur", "ur-Latn"});
  CLI::App* cmd = app.add_subcommand("text", "Message-level text classification (classify, train, eval)");
  cmd->require_subcommand(1);

  CLI::App* cl = cmd->add_subcommand("classify", "Classify one message per stdin line; one JSON object per line");
  cl->add_option("--task", f->task, "Task (abuse)")->check(CLI::IsMember({"abuse"}));
  cl->add_option("--lang", f->lang, "Language of every line, or auto-detect per line")->check(langs);
  cl->add_option("--models", f->models, "Folder with abuse-{en,ur,ur-Latn}.ngbm (default: built in)");
  cl->add_option("--threads", f->threads, "Worker threads (default: all cores)");
  cl->callback([f, &ctx] { ctx.exit_code = RunClassify(f->models, f->lang, f->threads); });

  CLI::App* tr = cmd->add_subcommand("train", "Rebuild the abuse models from the corpora and print validation P/R/F1");
  tr->add_option("--task", f->task, "Task (abuse)")->check(CLI::IsMember({"abuse"}));
  tr->add_option("--data", f->data, "Corpora folder (default $NIGEHBAAN_CORPORA or ../shared/data)");
  tr->add_option("--out", f->out, "Folder to write abuse-*.ngbm into")->required();
  tr->add_option("--only", f->only, "Train one model only")->check(CLI::IsMember({"en", "ur", "ur-Latn"}));
  tr->add_flag("--no-refit", f->no_refit, "Ship the weights trained on the training rows only");
  tr->add_option("--grid", f->grid, "Parameter sets to try, e.g. 'svm,C=0.3,w=2,c=2-5,b=20;logreg,C=10'");
  tr->add_flag("--quick", f->quick, "Train the first parameter set of the grid only (tests)");
  tr->callback([f, &ctx] {
    ctx.exit_code = RunTrain(f->data.empty() ? DefaultCorpora() : f->data, f->out, f->only, !f->no_refit, f->quick, f->grid);
  });

  CLI::App* ev = cmd->add_subcommand("eval", "Precision/recall/F1 of the models on a labelled file");
  ev->add_option("--task", f->task, "Task (abuse)")->check(CLI::IsMember({"abuse"}));
  ev->add_option("--data", f->data, "Labelled file")->required();
  ev->add_option("--corpus", f->corpus, "Layout of the file")
      ->check(CLI::IsMember({"auto", "ruhsold", "akhter", "formspring", "tsv"}));
  ev->add_option("--lang", f->lang,
                 "Model to use for every row, or auto-detect per row (default: the corpus's language when "
                 "the layout is RUHSOLD, Akhter or Formspring, else auto)")->check(langs);
  ev->add_option("--models", f->models, "Folder with abuse-{en,ur,ur-Latn}.ngbm (default: built in)");
  ev->add_flag("--json", f->json, "One JSON object");
  ev->callback([f, ev, &ctx] {
    ctx.exit_code = RunEval(f->data, f->corpus, ev->count("--lang") ? f->lang : "corpus", f->models, f->json);
  });
}

}  // namespace ngb::cli
