#include "hashset/dedup.h"

namespace ngb::hashset {
namespace {

constexpr uint32_t kNone = DedupTable<16>::kNone;

bool HasLabels(const ParsedRecord& r) {
  return r.category || r.victim_identified || !r.series.empty() || !r.tags.empty();
}

}  // namespace

void Deduplicator::GivePdq(const Hash256& pdq, uint32_t entry) {
  flags_[entry] |= kHasPdq;
  ++pdq_entries_;
  if (pdq_.Find(pdq.bytes) == kNone) pdq_.Insert(pdq.bytes, entry);
}

// Gives `entry` the digest `d` when it has none of that type and no other entry holds it.
// Returns true when adopted; counts a conflict when `d` cannot be kept.
template <size_t N>
bool Deduplicator::Adopt(DedupTable<N>& index, const std::optional<std::array<uint8_t, N>>& d, uint32_t entry,
                         Flag flag) {
  if (!d) return false;
  const uint32_t holder = index.Find(*d);
  if (holder == entry) return false;
  if (holder != kNone || (flags_[entry] & flag)) {
    ++digest_conflicts_;
    return false;
  }
  index.Insert(*d, entry);
  flags_[entry] |= flag;
  return true;
}

Result<Decision> Deduplicator::Add(const ParsedRecord& r) {
  // The probes are kept: a new entry's digests go into the slots the lookups stopped at.
  DedupTable<32>::Probe p256;
  DedupTable<20>::Probe p1;
  DedupTable<16>::Probe p5;
  uint32_t owner = kNone;
  if (r.sha256) owner = (p256 = sha256_.Lookup(*r.sha256)).owner;
  if (owner == kNone && r.sha1) owner = (p1 = sha1_.Lookup(*r.sha1)).owner;
  if (owner == kNone && r.md5) owner = (p5 = md5_.Lookup(*r.md5)).owner;
  if (owner == kNone && !r.md5 && !r.sha1 && !r.sha256 && r.pdq) owner = pdq_.Find(r.pdq->bytes);

  if (owner == kNone) {
    if (flags_.size() >= kNone - 1) return Status::Error("too_many_entries", "more than 4 billion entries in one set");
    const uint32_t entry = static_cast<uint32_t>(flags_.size());
    // None of the record's digests is held by any entry (the lookups above): insert them all.
    flags_.push_back(static_cast<uint8_t>((r.md5 ? kHasMd5 : 0) | (r.sha1 ? kHasSha1 : 0) |
                                          (r.sha256 ? kHasSha256 : 0) | (r.file_name.empty() ? 0 : kHasName) |
                                          (r.size ? kHasSize : 0)));
    if (r.md5) md5_.Insert(*r.md5, entry, p5);
    if (r.sha1) sha1_.Insert(*r.sha1, entry, p1);
    if (r.sha256) sha256_.Insert(*r.sha256, entry, p256);
    if (r.pdq) GivePdq(*r.pdq, entry);
    return Decision{Decision::kInsert, entry, 0};
  }

  ++duplicates_;
  const uint8_t before = flags_[owner];
  uint8_t adopted = 0;
  if (Adopt(md5_, r.md5, owner, kHasMd5)) adopted |= Decision::kMd5;
  if (Adopt(sha1_, r.sha1, owner, kHasSha1)) adopted |= Decision::kSha1;
  if (Adopt(sha256_, r.sha256, owner, kHasSha256)) adopted |= Decision::kSha256;
  bool may_change =
      adopted || HasLabels(r) || (!r.file_name.empty() && !(before & kHasName)) || (r.size && !(before & kHasSize));
  if (r.pdq) {
    if (!(before & kHasPdq)) {
      GivePdq(*r.pdq, owner);  // the entry takes the first PDQ it is given (entry_merge.h)
      may_change = true;
    } else if (r.pdq_quality || pdq_.Find(r.pdq->bytes) != owner) {
      may_change = true;  // a quality to fill in, or a PDQ that may differ (a conflict to count)
    }
  }
  if (!r.file_name.empty()) flags_[owner] |= kHasName;
  if (r.size) flags_[owner] |= kHasSize;
  return Decision{may_change ? Decision::kMerge : Decision::kSkip, owner, adopted};
}

}  // namespace ngb::hashset
