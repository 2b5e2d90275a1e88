#include "analyse/digest_analyser.h"

namespace ngb::analyse {

void DigestAnalyser::Finish(ItemRecord& item, bool complete) {
  if (!complete) return;
  Digests d = digest_.Final();
  item.md5 = std::move(d.md5);
  item.sha1 = std::move(d.sha1);
  item.sha256 = std::move(d.sha256);
}

}  // namespace ngb::analyse
