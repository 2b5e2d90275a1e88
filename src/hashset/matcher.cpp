#include "hashset/matcher.h"

#include <system_error>

#include "hash/multi_digest.h"  // ToHex
#include "hashset/hex.h"

namespace ngb::hashset {
namespace {

const char* kIndexNames[] = {"md5.idx", "sha1.idx", "sha256.idx", "pdq.idx"};

}  // namespace

struct Matcher::Set {
  HashSetInfo info;
  std::string kind;  // "alert", "known-good", "watch"
  std::optional<DigestIndex> digest[3];  // md5, sha1, sha256
  std::optional<PdqIndex> pdq;
  bool has_categories = false;  // VICS: look the entry up for its category
};

Matcher::Matcher(HashSetLibrary library, MatcherOptions options)
    : library_(std::move(library)), options_(std::move(options)) {}
Matcher::~Matcher() = default;

bool Matcher::has_pdq() const {
  for (const auto& s : sets_) {
    if (s->pdq && s->pdq->size() > 0) return true;
  }
  return false;
}

namespace {

// Builds the index file of one type of one set from the library rows (atomic save).
Status BuildIndex(HashSetLibrary& lib, const HashSetInfo& set, HashType type, const std::filesystem::path& file) {
  std::vector<uint8_t> digests;
  std::vector<Hash256> hashes;
  std::vector<uint32_t> ids;
  Status s = lib.ForEachHash(set.id, type, [&](std::span<const uint8_t> d, int64_t entry_id, int quality) {
    if (type == HashType::kPdq) {
      if (quality >= 0 && quality < kMinPdqQuality) return;  // stored, never matched
      Hash256 h;
      std::copy(d.begin(), d.begin() + 32, h.bytes.begin());
      hashes.push_back(h);
    } else {
      digests.insert(digests.end(), d.begin(), d.end());
    }
    ids.push_back(static_cast<uint32_t>(entry_id - set.first_entry_id));
  });
  if (!s.ok()) return s;
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  if (type == HashType::kPdq) {
    Result<PdqIndex> idx = PdqIndex::Build(hashes, ids);
    if (!idx.ok()) return idx.status();
    return idx->Save(file.string());
  }
  Result<DigestIndex> idx = DigestIndex::Build(DigestSize(type), digests, ids);
  if (!idx.ok()) return idx.status();
  return idx->Save(file.string());
}

}  // namespace

Result<std::unique_ptr<Matcher>> Matcher::Open(const std::filesystem::path& library_dir,
                                               const MatcherOptions& options) {
  Result<HashSetLibrary> lib = HashSetLibrary::Open(library_dir, /*create=*/false);
  if (!lib.ok()) return lib.status();
  Result<std::vector<HashSetInfo>> all = lib->List();
  if (!all.ok()) return all.status();
  std::vector<HashSetInfo> chosen;
  if (options.sets.empty()) {
    chosen = *all;
  } else {
    for (const std::string& name : options.sets) {
      Result<HashSetInfo> s = lib->Find(name);
      if (!s.ok()) return s.status();
      chosen.push_back(*s);
    }
  }
  std::unique_ptr<Matcher> m(new Matcher(std::move(*lib), options));
  for (const HashSetInfo& info : chosen) {
    auto set = std::make_unique<Set>();
    set->info = info;
    set->kind = std::string(ToString(info.kind));
    set->has_categories = info.format == "vics";
    const uint64_t counts[] = {info.md5_count, info.sha1_count, info.sha256_count, info.pdq_count};
    const HashType types[] = {HashType::kMd5, HashType::kSha1, HashType::kSha256, HashType::kPdq};
    for (int t = 0; t < 4; ++t) {
      if (counts[t] == 0) continue;
      const std::filesystem::path file = m->library_.SetDir(info.id) / kIndexNames[t];
      std::error_code ec;
      if (!std::filesystem::exists(file, ec)) {
        if (Status s = BuildIndex(m->library_, info, types[t], file); !s.ok()) {
          return Status::Error(s.reason(), "hash set " + info.name + ": " + s.detail());
        }
      }
      if (t == 3) {
        Result<PdqIndex> idx = PdqIndex::Open(file.string());
        if (!idx.ok()) return Status::Error(idx.status().reason(), "hash set " + info.name + ": " + idx.status().detail());
        set->pdq.emplace(std::move(*idx));
      } else {
        Result<DigestIndex> idx = DigestIndex::Open(file.string());
        if (!idx.ok()) return Status::Error(idx.status().reason(), "hash set " + info.name + ": " + idx.status().detail());
        set->digest[t].emplace(std::move(*idx));
      }
    }
    m->infos_.push_back(info);
    m->sets_.push_back(std::move(set));
  }
  return m;
}

std::optional<EntryInfo> Matcher::Entry(const Set& set, uint32_t id) const {
  std::lock_guard lock(mu_);
  Result<EntryInfo> e = library_.GetEntry(set.info.first_entry_id + id);
  if (!e.ok()) return std::nullopt;
  return *e;
}

void Matcher::Match(const MatchQuery& q, std::vector<HashMatch>* out) const {
  uint8_t bytes[3][32];
  bool have[3] = {ParseHexBytes(q.md5, std::span<uint8_t>(bytes[0], 16)),
                  ParseHexBytes(q.sha1, std::span<uint8_t>(bytes[1], 20)),
                  ParseHexBytes(q.sha256, std::span<uint8_t>(bytes[2], 32))};
  const char* type_names[] = {"md5", "sha1", "sha256"};
  const bool query_pdq = !q.pdq.empty() && (!q.pdq_quality || *q.pdq_quality >= kMinPdqQuality);
  std::vector<uint32_t> ids;
  std::vector<PdqMatch> near;
  for (const auto& set : sets_) {
    for (int t = 0; t < 3; ++t) {
      if (!have[t] || !set->digest[t]) continue;
      set->digest[t]->Find(bytes[t], &ids);
      for (uint32_t id : ids) {
        HashMatch m{set->info.name, set->kind, type_names[t], ToHex(std::span<const uint8_t>(bytes[t], DigestSize(static_cast<HashType>(t)))), 0, std::nullopt};
        if (set->has_categories) {
          if (auto e = Entry(*set, id)) m.category = e->category;
        }
        out->push_back(std::move(m));
      }
    }
    if (query_pdq && set->pdq) {
      set->pdq->QueryAny(q.pdq, options_.max_distance, &near);
      for (const PdqMatch& p : near) {
        HashMatch m{set->info.name, set->kind, "pdq", "", p.distance, std::nullopt};
        if (auto e = Entry(*set, p.id)) {
          m.hash = e->pdq;
          m.category = e->category;
        }
        out->push_back(std::move(m));
      }
    }
  }
}

}  // namespace ngb::hashset
