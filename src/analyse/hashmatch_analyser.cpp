#include "analyse/hashmatch_analyser.h"

namespace ngb::analyse {

void HashMatchAnalyser::Finish(ItemRecord& item, bool complete) {
  pdq_.clear();
  if (complete) {
    for (const auto& v : item.pdq_variants) pdq_.push_back(Hash256{v});
    if (pdq_.empty() && !item.pdq.empty()) {
      if (auto h = Hash256::ParseHex(item.pdq)) pdq_.push_back(*h);
    }
    hashset::MatchQuery q;
    q.md5 = item.md5;
    q.sha1 = item.sha1;
    q.sha256 = item.sha256;
    q.pdq = pdq_;
    q.pdq_quality = item.pdq_quality;
    matcher_.Match(q, &item.matches);
  }
  item.pdq_variants.clear();  // transient: not stored
}

}  // namespace ngb::analyse
