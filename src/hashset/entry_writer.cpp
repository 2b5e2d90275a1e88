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

Status EntryWriter::Record(const ParsedRecord& r, RecordPos, uint64_t tag) {
  ++good_;
  if (strict_ && bad_ > 0) return Status::Ok();  // the import is rejected anyway
  const Decision d = Decision::Unpack(tag);
  switch (d.kind) {
    case Decision::kSkip:
      return Status::Ok();
    case Decision::kMerge:
      return Merge(d.entry, d.adopted, r);
    case Decision::kInsert:
      break;
  }
  BindRow(insert_, Row{r.md5, r.sha1, r.sha256, LabelsOf(r)}, set_id_, base_id_ + d.entry);
  ++written_;
  return insert_.Run();
}

Status EntryWriter::Merge(uint32_t entry, uint8_t adopted, const ParsedRecord& r) {
  select_.Bind(1, base_id_ + entry);
  Result<bool> found = select_.Step();
  if (!found.ok() || !*found) {
    select_.Reset();
    return found.ok() ? Status::Error("library_error", "entry vanished during import") : found.status();
  }
  Row row = ReadRow(select_);
  select_.Reset();
  if (adopted & Decision::kMd5) row.md5 = r.md5;
  if (adopted & Decision::kSha1) row.sha1 = r.sha1;
  if (adopted & Decision::kSha256) row.sha256 = r.sha256;
  if (!MergeLabels(row.labels, r, merge_) && !adopted) return Status::Ok();
  BindRow(update_, row, set_id_, base_id_ + entry);
  return update_.Run();
}

}  // namespace ngb::hashset
