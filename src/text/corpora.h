// Readers for the labelled corpora the abuse models are trained and evaluated on (their layouts are
// described in /work/shared/data/*/README.md and docs/text-models.md). Labels are normalised to
// 1 = positive (abusive / bullying), 0 = negative.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ngb::text {

struct LabelledText {
  std::string text;
  int label = 0;  // 1 = positive
};

enum class CorpusFormat {
  kAuto,
  kRuhsold,     // text<TAB>label per line (split on the LAST tab), CRLF, 0 = abusive
  kAkhter,      // header "label<TAB>text", 1 = abusive (same as kTsv with a header)
  kFormspring,  // 14 TAB-separated columns, records span lines until 13 tabs; >= 2 of 3 "Yes" = bullying
  kTsv,         // label<TAB>text, 1 = positive; an optional "label<TAB>text" header
};

struct Corpus {
  CorpusFormat format = CorpusFormat::kAuto;  // the format read (detected when kAuto was asked)
  std::vector<LabelledText> rows;             // in file order
  std::vector<std::string> errors;            // "line N: why" for rows that could not be read
};

// Parses a corpus file's bytes. Never fails on bad rows: they are skipped and listed in `errors`
// (at most 100 listed); fails only when no format can be recognised.
Result<Corpus> ParseCorpus(std::string_view bytes, CorpusFormat format = CorpusFormat::kAuto);
Result<Corpus> ReadCorpus(const std::string& path, CorpusFormat format = CorpusFormat::kAuto);
CorpusFormat DetectCorpusFormat(std::string_view bytes);
Result<CorpusFormat> CorpusFormatFromName(std::string_view name);  // auto|ruhsold|akhter|formspring|tsv

// The deterministic validation slice for corpora without one (Akhter, Formspring): row i (0-based,
// in file order) is validation when i % 5 == 4. bench/text_baseline.py uses the same rule.
inline bool IsValidationRow(size_t i) { return i % 5 == 4; }

// Decodes the HTML left in Formspring text: <br> → space, &amp; &lt; &gt; &quot; &#039; &#NNN; &#xHH;.
std::string DecodeHtml(std::string_view s);

}  // namespace ngb::text
