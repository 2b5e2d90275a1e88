#include "hashset/entry_writer.h"

#include <cstring>

namespace ngb::hashset {
namespace {

// One entries row: digests plus labels. Columns 1..12 in this order, then set_id (13), id (14).
constexpr const char* kInsert =
    "INSERT INTO entries(md5, sha1, sha256, pdq, pdq_quality, category, categories, victim_identified, "
    "series, tags, file_name, size, set_id, id) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)";
constexpr const char* kUpdate =
    "UPDATE entries SET md5=?1, sha1=?2, sha256=?3, pdq=?4, pdq_quality=?5, category=?6, categories=?7, "
    "victim_identified=?8, series=?9, tags=?10, file_name=?11, size=?12 WHERE set_id=?13 AND id=?14";
constexpr const char* kSelect =
    "SELECT md5, sha1, sha256, pdq, pdq_quality, categories, victim_identified, series, tags, file_name, size "
    "FROM entries WHERE id = ?";

struct Row {
  std::optional<Md5> md5;
  std::optional<Sha1> sha1;
  std::optional<Sha256> sha256;
  EntryLabels labels;
};

template <size_t N>
void BindDigest(store::Stmt& st, int i, const std::optional<std::array<uint8_t, N>>& d) {
  if (d) {
    st.BindBlob(i, std::string_view(reinterpret_cast<const char*>(d->data()), N));
  } else {
    st.BindNull(i);
  }
}

template <size_t N>
std::optional<std::array<uint8_t, N>> ColumnDigest(const store::Stmt& st, int col) {
  const std::string_view b = st.View(col);
  if (b.size() != N) return std::nullopt;
  std::array<uint8_t, N> d;
  std::memcpy(d.data(), b.data(), N);
  return d;
}

void BindRow(store::Stmt& st, const Row& row, int64_t set_id, int64_t id) {
  const EntryLabels& l = row.labels;
  BindDigest(st, 1, row.md5);
  BindDigest(st, 2, row.sha1);
  BindDigest(st, 3, row.sha256);
  std::optional<std::array<uint8_t, 32>> pdq;
  if (l.pdq) pdq = l.pdq->bytes;
  BindDigest(st, 4, pdq);
  st.BindOpt(5, l.pdq_quality);
  st.BindOpt(6, l.category());
  st.BindTextOrNull(7, JoinCategories(l.categories));
  st.BindOpt(8, l.victim_identified);
  st.BindTextOrNull(9, JoinSeries(l.series));
  st.BindTextOrNull(10, TagsJson(l.tags));
  st.BindTextOrNull(11, l.file_name);
  st.BindOpt(12, l.size);
  st.Bind(13, set_id);
  st.Bind(14, id);
}

Row ReadRow(const store::Stmt& st) {
  Row row;
  row.md5 = ColumnDigest<16>(st, 0);
  row.sha1 = ColumnDigest<20>(st, 1);
  row.sha256 = ColumnDigest<32>(st, 2);
  EntryLabels& l = row.labels;
  if (auto pdq = ColumnDigest<32>(st, 3)) l.pdq = Hash256{*pdq};
  if (auto q = st.OptInt(4)) l.pdq_quality = static_cast<int>(*q);
  l.categories = SplitCategories(st.View(5));
  if (auto v = st.OptInt(6)) l.victim_identified = *v != 0;
  l.series = SplitSeries(st.View(7));
  l.tags = TagsFromJson(st.View(8));
  l.file_name = st.Text(9);
  if (auto s = st.OptInt(10)) l.size = static_cast<uint64_t>(*s);
  return row;
}

bool HasLabels(const ParsedRecord& r) {
  return r.category || r.victim_identified || !r.series.empty() || !r.tags.empty();
}

}  // namespace

EntryWriter::EntryWriter(store::Db& db, int64_t set_id, int64_t base_id, bool strict)
    : db_(db), set_id_(set_id), base_id_(base_id), strict_(strict) {}

Status EntryWriter::Prepare() {
  for (auto [stmt, sql] : {std::pair{&insert_, kInsert}, {&update_, kUpdate}, {&select_, kSelect}}) {
    Result<store::Stmt> st = db_.Prepare(sql);
    if (!st.ok()) return st.status();
    *stmt = std::move(*st);
  }
  return Status::Ok();
}

Status EntryWriter::Bad(RecordPos pos, std::string_view reason, std::string detail) {
  ++bad_;
  if (samples_.size() < kBadRowSamples) samples_.push_back({pos, std::string(reason), std::move(detail)});
  return Status::Ok();
}

Status EntryWriter::Record(const ParsedRecord& r, RecordPos) {
  ++good_;
  if (strict_ && bad_ > 0) return Status::Ok();  // the import is rejected anyway
  uint32_t owner = DigestIndex<16>::kNone;
  if (r.sha256) owner = sha256_.Find(*r.sha256);
  if (owner == DigestIndex<16>::kNone && r.sha1) owner = sha1_.Find(*r.sha1);
  if (owner == DigestIndex<16>::kNone && r.md5) owner = md5_.Find(*r.md5);
  if (owner == DigestIndex<16>::kNone && !r.md5 && !r.sha1 && !r.sha256 && r.pdq) owner = pdq_.Find(r.pdq->bytes);
  if (owner == DigestIndex<16>::kNone) return Insert(r);
  ++duplicates_;
  return Merge(owner, r);
}

void EntryWriter::RegisterPdq(const Hash256& pdq, uint32_t entry) {
  flags_[entry] |= kPdq;
  ++pdq_entries_;
  if (pdq_.Find(pdq.bytes) == DigestIndex<32>::kNone) pdq_.Insert(pdq.bytes, entry);
}

Status EntryWriter::Insert(const ParsedRecord& r) {
  if (flags_.size() >= DigestIndex<16>::kNone - 1) {
    return Status::Error("too_many_entries", "more than 4 billion entries in one set");
  }
  const uint32_t entry = static_cast<uint32_t>(flags_.size());
  flags_.push_back(0);
  if (r.md5) {
    md5_.Insert(*r.md5, entry);
    flags_[entry] |= kMd5;
  }
  if (r.sha1) {
    sha1_.Insert(*r.sha1, entry);
    flags_[entry] |= kSha1;
  }
  if (r.sha256) {
    sha256_.Insert(*r.sha256, entry);
    flags_[entry] |= kSha256;
  }
  if (r.pdq) RegisterPdq(*r.pdq, entry);
  if (!r.file_name.empty()) flags_[entry] |= kName;
  if (r.size) flags_[entry] |= kSize;
  Row row{r.md5, r.sha1, r.sha256, LabelsOf(r)};
  BindRow(insert_, row, set_id_, base_id_ + entry);
  return insert_.Run();
}

// Gives `entry` the digest `d` when it has none of that type and no other entry holds it.
// Returns true when adopted; counts a conflict when `d` cannot be kept.
template <size_t N>
bool EntryWriter::AdoptDigest(DigestIndex<N>& index, const std::optional<std::array<uint8_t, N>>& d,
                              uint32_t entry, Flag flag) {
  if (!d) return false;
  const uint32_t holder = index.Find(*d);
  if (holder == entry) return false;
  if (holder != DigestIndex<N>::kNone || (flags_[entry] & flag)) {
    ++digest_conflicts_;
    return false;
  }
  index.Insert(*d, entry);
  flags_[entry] |= flag;
  return true;
}

Status EntryWriter::Merge(uint32_t entry, const ParsedRecord& r) {
  const uint8_t before = flags_[entry];
  bool digests_added = false;
  digests_added |= AdoptDigest(md5_, r.md5, entry, kMd5);
  digests_added |= AdoptDigest(sha1_, r.sha1, entry, kSha1);
  digests_added |= AdoptDigest(sha256_, r.sha256, entry, kSha256);
  const bool may_change = digests_added || HasLabels(r) || (r.pdq && !(before & kPdq)) ||
                          (r.pdq && r.pdq_quality) || (!r.file_name.empty() && !(before & kName)) ||
                          (r.size && !(before & kSize));
  if (!may_change) return Status::Ok();  // a plain repeat: nothing new to store

  select_.Bind(1, base_id_ + entry);
  Result<bool> found = select_.Step();
  if (!found.ok() || !*found) {
    select_.Reset();
    return found.ok() ? Status::Error("library_error", "entry vanished during import") : found.status();
  }
  Row row = ReadRow(select_);
  select_.Reset();
  if (digests_added) {
    if (!row.md5) row.md5 = r.md5;
    if (!row.sha1) row.sha1 = r.sha1;
    if (!row.sha256) row.sha256 = r.sha256;
    // Only digests actually adopted may be written (a conflicting one stays with its holder).
    if (row.md5 && md5_.Find(*row.md5) != entry) row.md5.reset();
    if (row.sha1 && sha1_.Find(*row.sha1) != entry) row.sha1.reset();
    if (row.sha256 && sha256_.Find(*row.sha256) != entry) row.sha256.reset();
  }
  const bool had_pdq = row.labels.pdq.has_value();
  const bool changed = MergeLabels(row.labels, r, merge_);
  if (!had_pdq && row.labels.pdq) RegisterPdq(*row.labels.pdq, entry);
  if (!row.labels.file_name.empty()) flags_[entry] |= kName;
  if (row.labels.size) flags_[entry] |= kSize;
  if (!changed && !digests_added) return Status::Ok();
  BindRow(update_, row, set_id_, base_id_ + entry);
  return update_.Run();
}

}  // namespace ngb::hashset
