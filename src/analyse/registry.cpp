// The analyser registry: every per-item analyser is listed here, once, in run order.
#include "analyse/analyser.h"
#include "analyse/chat_analyser.h"
#include "analyse/classify_analyser.h"
#include "analyse/digest_analyser.h"
#include "analyse/filetype_analyser.h"
#include "analyse/hashmatch_analyser.h"
#include "analyse/pdq_analyser.h"

namespace ngb::analyse {

AnalyserList CreateAnalysers(const AnalyserConfig& config) {
  AnalyserList list;
  list.push_back(std::make_unique<DigestAnalyser>());
  list.push_back(std::make_unique<FileTypeAnalyser>(config.libmagic_fallback));
  PdqOptions pdq;
  pdq.enabled = config.pdq;
  pdq.variants = config.pdq_variants;
  list.push_back(std::make_unique<PdqAnalyser>(pdq));
  if (config.chat) list.push_back(std::make_unique<ChatAnalyser>(*config.chat, config.max_chat_bytes));
  // Then: it reads the digests and PDQ hashes the analysers above have set.
  if (config.matcher) list.push_back(std::make_unique<HashMatchAnalyser>(*config.matcher));
  // After the matcher: images that hit an alert or known-good set are not classified.
  if (config.classify) list.push_back(std::make_unique<ClassifyAnalyser>(*config.classify));
  return list;
}

std::vector<AnalyserInfo> DescribeAnalysers(const AnalyserConfig& config) {
  std::vector<AnalyserInfo> out;
  for (const auto& a : CreateAnalysers(config)) out.push_back(a->Describe());
  return out;
}

}  // namespace ngb::analyse
