// make_vics: writes a synthetic Project VIC VICS 2.0 hash-set file (random MD5/SHA-1, never
// real hashes) for the hash-set import benchmark. Standard library only; deterministic per seed.
//
// usage: make_vics OUT.json COUNT [SEED]
//   Each Media object carries MediaID, Category (0..4, some null), MD5, SHA1, MediaSize,
//   DateUpdated, IsPrecategorized; about 10% a Series, 5% Tags, 20% VictimIdentified as a
//   string and 20% as a boolean. About 0.1% of the records repeat an earlier MD5/SHA-1 pair
//   (duplicates to merge).
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

void Hex(std::mt19937_64& rng, int bytes, std::string& out) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  for (int i = 0; i < bytes; i += 8) {
    uint64_t v = rng();
    for (int j = 0; j < 8 && i + j < bytes; ++j, v >>= 8) {
      out += kDigits[(v >> 4) & 15];
      out += kDigits[v & 15];
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: make_vics OUT.json COUNT [SEED]\n");
    return 2;
  }
  const long long count = atoll(argv[2]);
  std::mt19937_64 rng(argc > 3 ? strtoull(argv[3], nullptr, 10) : 1);
  FILE* out = fopen(argv[1], "wb");
  if (!out) {
    perror(argv[1]);
    return 2;
  }
  std::vector<std::pair<std::string, std::string>> recent;  // for duplicates
  std::string rec;
  fputs(
      "{\"@odata.context\":\"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media\","
      "\"value\":[\n",
      out);
  for (long long i = 0; i < count; ++i) {
    const uint64_t r = rng();
    std::string md5, sha1;
    if (r % 1000 == 0 && !recent.empty()) {
      const auto& d = recent[rng() % recent.size()];
      md5 = d.first;
      sha1 = d.second;
    } else {
      Hex(rng, 16, md5);
      Hex(rng, 20, sha1);
      if (recent.size() < 4096)
        recent.emplace_back(md5, sha1);
      else
        recent[rng() % recent.size()] = {md5, sha1};
    }
    rec.clear();
    rec += "{\"MediaID\":" + std::to_string(i + 1);
    const int cat = static_cast<int>((r >> 8) % 6);
    rec += cat == 5 ? ",\"Category\":null" : ",\"Category\":" + std::to_string(cat);
    rec += ",\"MD5\":\"" + md5 + "\",\"SHA1\":\"" + sha1 + "\"";
    rec += ",\"MediaSize\":" + std::to_string(1000 + (r >> 16) % 5000000);
    rec += ",\"DateUpdated\":\"2023-06-07T02:31:49.8300Z\",\"IsPrecategorized\":\"true\"";
    const int v = static_cast<int>((r >> 40) % 10);
    if (v < 2)
      rec += v == 0 ? ",\"VictimIdentified\":\"true\"" : ",\"VictimIdentified\":\"false\"";
    else if (v < 4)
      rec += v == 2 ? ",\"VictimIdentified\":true" : ",\"VictimIdentified\":false";
    if ((r >> 48) % 10 == 0) rec += ",\"Series\":\"series-" + std::to_string((r >> 52) % 500) + "\"";
    if ((r >> 56) % 20 == 0) rec += ",\"Tags\":[\"tag-" + std::to_string((r >> 60) % 16) + "\"]";
    rec += i + 1 < count ? "},\n" : "}\n";
    fwrite(rec.data(), 1, rec.size(), out);
  }
  fputs("]}\n", out);
  if (fclose(out) != 0) {
    perror(argv[1]);
    return 2;
  }
  return 0;
}
