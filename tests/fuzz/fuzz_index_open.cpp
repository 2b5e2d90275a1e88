// Fuzz target for opening lookup indexes: arbitrary bytes through DigestIndex::FromBytes and
// PdqIndex::FromBytes (the same checks as Open() on a file, without the file), then lookups and
// queries in every search mode on whatever opened. Each input is tried twice: as it is, and with
// the header's size and checksum made right, so that mutations get past the header check and
// reach the parameter and directory checks. Must never crash, read out of bounds or hang.
#include <cstdint>
#include <cstring>
#include <vector>

#include "hashset/digest_index.h"
#include "hashset/index_file.h"
#include "hashset/pdq_index.h"

namespace {

using ngb::Hash256;
using ngb::hashset::DigestIndex;
using ngb::hashset::IndexHeader;
using ngb::hashset::PdqIndex;
using ngb::hashset::PdqMatch;
using ngb::hashset::PdqSearch;

// Query material from the input itself, so that lookups can hit stored records.
Hash256 HashFrom(const std::vector<uint8_t>& bytes, size_t at) {
  Hash256 h;
  for (size_t i = 0; i < 32 && !bytes.empty(); ++i) h.bytes[i] = bytes[(at + i) % bytes.size()];
  return h;
}

void Exercise(const std::vector<uint8_t>& bytes) {
  if (auto index = DigestIndex::FromBytes(bytes); index.ok()) {
    std::vector<uint32_t> ids;
    std::vector<DigestIndex::Hit> hits;
    std::vector<uint8_t> batch;
    for (size_t at = 0; at < bytes.size() && at < 4096; at += 97) {
      const Hash256 q = HashFrom(bytes, at);
      index->Find(q.bytes.data(), &ids);
      index->Contains(q.bytes.data());
      batch.insert(batch.end(), q.bytes.begin(), q.bytes.begin() + index->width());
    }
    index->FindBatch(batch.data(), batch.size() / index->width(), &hits);
  }
  if (auto index = PdqIndex::FromBytes(bytes); index.ok()) {
    std::vector<PdqMatch> matches;
    const std::vector<Hash256> queries = {Hash256{}, HashFrom(bytes, 128), HashFrom(bytes, bytes.size() / 2)};
    for (PdqSearch mode : {PdqSearch::kAuto, PdqSearch::kIndex, PdqSearch::kLinear}) {
      for (int d : {0, 31, 70}) index->Query(queries[1], d, &matches, mode);
      index->QueryAny(queries, 31, &matches, mode);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<uint8_t> bytes(data, data + size);
  Exercise(bytes);
  if (bytes.size() >= sizeof(IndexHeader)) {
    IndexHeader h;
    std::memcpy(&h, bytes.data(), sizeof h);
    h.header_bytes = sizeof h;
    h.file_bytes = bytes.size();
    h.checksum = ngb::hashset::Fnv1a64({reinterpret_cast<const uint8_t*>(&h), offsetof(IndexHeader, checksum)});
    std::memcpy(bytes.data(), &h, sizeof h);
    Exercise(bytes);
  }
  return 0;
}
