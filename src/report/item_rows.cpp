#include "report/item_rows.h"

namespace ngb::report {

std::string ItemRow::fs_path() const {
  if (rec.depth != 0) return {};
  if (rec.path.compare(0, source_label.size(), source_label) != 0) return {};
  return source_abs_path + rec.path.substr(source_label.size());
}

Status ForEachItem(store::Db& db, const RowFilter& filter, const std::function<bool(const ItemRow&)>& fn) {
  std::string sql =
      "SELECT i.id, i.scan_id, i.source_id, coalesce(i.parent_id, 0), i.top_id, i.depth, i.path, "
      "i.kind, i.size, i.mtime_ns, i.atime_ns, i.ctime_ns, i.btime_ns, i.mode, i.inode, "
      "coalesce(i.link_target, ''), i.sparse, coalesce(i.mime, ''), i.ext_mismatch, "
      "coalesce(i.md5, ''), coalesce(i.sha1, ''), coalesce(i.sha256, ''), coalesce(i.error, ''), "
      "coalesce(i.error_detail, ''), s.label, s.abs_path, i.entropy, coalesce(i.pdq, ''), i.pdq_quality, i.alloc "
      "FROM items i JOIN sources s ON s.id = i.source_id";
  sql += filter.scan_id ? " WHERE i.scan_id = ?1" : " WHERE 1";
  if (filter.pertinent) {
    sql +=
        " AND (EXISTS(SELECT 1 FROM matches m WHERE m.item_id = i.id AND m.set_kind IN ('alert', 'watch'))"
        " OR EXISTS(SELECT 1 FROM review_current r WHERE r.item_id = i.id AND r.category BETWEEN 1 AND 4)"
        " OR EXISTS(SELECT 1 FROM conversations c JOIN chat_findings f ON f.conversation_id = c.id"
        " WHERE c.item_id = i.id))";
  }
  sql += " ORDER BY i.scan_id, i.path, i.id";
  Result<store::Stmt> q = db.Prepare(sql);
  if (!q.ok()) return q.status();
  if (filter.scan_id) q->Bind(1, *filter.scan_id);
  // Matches are few: look them up per item only when the case has any.
  Result<store::Stmt> any = db.Prepare("SELECT EXISTS(SELECT 1 FROM matches)");
  if (!any.ok()) return any.status();
  if (Result<bool> r = any->Step(); !r.ok()) return r.status();
  const bool has_matches = any->Int(0) != 0;
  Result<store::Stmt> mq = db.Prepare(
      "SELECT set_name, set_kind, match_type, hash, distance, category FROM matches WHERE item_id = ? "
      "ORDER BY rowid");
  if (!mq.ok()) return mq.status();
  // Likewise the items' attributes (classifier scores, phone paths, carving, image and volume
  // facts), only when the case has any.
  Result<store::Stmt> anya = db.Prepare("SELECT EXISTS(SELECT 1 FROM item_attrs)");
  if (!anya.ok()) return anya.status();
  if (Result<bool> r = anya->Step(); !r.ok()) return r.status();
  const bool has_attrs = anya->Int(0) != 0;
  Result<store::Stmt> aq = db.Prepare("SELECT key, value FROM item_attrs WHERE item_id = ? ORDER BY rowid");
  if (!aq.ok()) return aq.status();
  ItemRow row;
  for (;;) {
    Result<bool> r = q->Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    ItemRecord& it = row.rec;
    it = ItemRecord();
    it.id = q->Int(0);
    it.scan_id = q->Int(1);
    it.source_id = q->Int(2);
    it.parent_id = q->Int(3);
    it.top_id = q->Int(4);
    it.depth = static_cast<int>(q->Int(5));
    it.path = q->Text(6);
    it.kind = ItemKindFromName(q->Text(7)).value_or(ItemKind::kOther);
    if (auto v = q->OptInt(8)) it.size = static_cast<uint64_t>(*v);
    it.mtime = q->OptInt(9);
    it.atime = q->OptInt(10);
    it.ctime = q->OptInt(11);
    it.btime = q->OptInt(12);
    if (auto v = q->OptInt(13)) it.mode = static_cast<uint32_t>(*v);
    if (auto v = q->OptInt(14)) it.inode = static_cast<uint64_t>(*v);
    it.link_target = q->Text(15);
    it.sparse = q->Int(16) != 0;
    it.mime = q->Text(17);
    if (auto v = q->OptInt(18)) it.ext_mismatch = *v != 0;
    it.md5 = q->Text(19);
    it.sha1 = q->Text(20);
    it.sha256 = q->Text(21);
    it.error = q->Text(22);
    it.error_detail = q->Text(23);
    row.source_label = q->Text(24);
    row.source_abs_path = q->Text(25);
    it.entropy = q->OptDouble(26);
    it.pdq = q->Text(27);
    if (auto v = q->OptInt(28)) it.pdq_quality = static_cast<int>(*v);
    if (auto v = q->OptInt(29)) it.allocated = *v != 0;
    if (has_matches) {
      mq->Bind(1, it.id);
      for (;;) {
        Result<bool> m = mq->Step();
        if (!m.ok()) return m.status();
        if (!*m) break;
        HashMatch hm{mq->Text(0), mq->Text(1), mq->Text(2), mq->Text(3), static_cast<int>(mq->Int(4)), std::nullopt};
        if (auto c = mq->OptInt(5)) hm.category = static_cast<int>(*c);
        it.matches.push_back(std::move(hm));
      }
      mq->Reset();
    }
    if (has_attrs) {
      aq->Bind(1, it.id);
      for (;;) {
        Result<bool> a = aq->Step();
        if (!a.ok()) return a.status();
        if (!*a) break;
        it.attrs.emplace_back(aq->Text(0), aq->Text(1));
      }
      aq->Reset();
    }
    if (!fn(row)) break;
  }
  return Status::Ok();
}

}  // namespace ngb::report
