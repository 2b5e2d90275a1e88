#include "review/queue.h"

#include <array>
#include <string_view>
#include <vector>

namespace ngb::review {
namespace {

template <size_t N>
bool OneOf(const std::string& v, const std::array<std::string_view, N>& allowed) {
  for (std::string_view a : allowed) {
    if (v == a) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 7> kTypes = {"image", "video", "audio", "chat", "archive", "document", "other"};
constexpr std::array<std::string_view, 8> kCategories = {"0", "1", "2", "3", "4", "none", "decided", ""};
constexpr std::array<std::string_view, 7> kMatches = {"alert", "near", "watch", "known-good", "any", "none", ""};
constexpr std::array<std::string_view, 6> kLabels = {"grooming", "sextortion", "sexting", "livestreaming",
                                                     "cyberbullying", ""};

constexpr const char* kBuildSql = R"sql(
DROP TABLE IF EXISTS temp.review_queue;
CREATE TEMP TABLE review_queue(
  item_id INTEGER PRIMARY KEY, tier INTEGER NOT NULL, score REAL NOT NULL, source TEXT NOT NULL,
  type TEXT NOT NULL, match TEXT NOT NULL, labels TEXT NOT NULL);
INSERT INTO temp.review_queue
SELECT i.id,
  CASE WHEN m.alert THEN 0 WHEN m.near THEN 1 WHEN c.item_id IS NOT NULL THEN 2
       WHEN i.mime LIKE 'image/%' AND NOT coalesce(m.good, 0) THEN 3 ELSE 4 END,
  CASE WHEN m.alert THEN 0 WHEN m.near THEN -m.near_distance WHEN c.item_id IS NOT NULL THEN c.risk
       WHEN i.mime LIKE 'image/%' AND NOT coalesce(m.good, 0) THEN
         coalesce((SELECT CAST(a.value AS REAL) FROM item_attrs a
                    WHERE a.item_id = i.id AND a.key = 'classify.priority'), 0)
       ELSE 0 END,
  s.label,
  CASE WHEN c.item_id IS NOT NULL THEN 'chat'
       WHEN i.mime LIKE 'image/%' THEN 'image' WHEN i.mime LIKE 'video/%' THEN 'video'
       WHEN i.mime LIKE 'audio/%' THEN 'audio'
       WHEN i.mime IN ('application/zip', 'application/x-tar', 'application/gzip', 'application/x-7z-compressed',
                       'application/x-rar', 'application/vnd.rar', 'application/x-xz', 'application/x-bzip2',
                       'application/zstd', 'application/x-iso9660-image') THEN 'archive'
       WHEN i.mime LIKE 'text/%' OR i.mime = 'application/pdf' OR i.mime LIKE 'application/vnd.%'
            OR i.mime LIKE 'application/msword%' THEN 'document'
       ELSE 'other' END,
  CASE WHEN m.alert THEN 'alert' WHEN m.near THEN 'near' WHEN m.watch THEN 'watch' WHEN m.good THEN 'known-good'
       ELSE '' END,
  coalesce(c.labels, '')
FROM items i
JOIN sources s ON s.id = i.source_id
LEFT JOIN (SELECT item_id,
             max(set_kind = 'alert' AND match_type <> 'pdq') AS alert,
             max(match_type = 'pdq' AND set_kind <> 'known-good') AS near,
             min(CASE WHEN match_type = 'pdq' AND set_kind <> 'known-good' THEN distance END) AS near_distance,
             max(set_kind = 'watch') AS watch,
             max(set_kind = 'known-good') AS good
           FROM matches GROUP BY item_id) m ON m.item_id = i.id
LEFT JOIN (SELECT cv.item_id, max(cv.risk) AS risk,
             (SELECT ',' || group_concat(DISTINCT f.label) || ','
                FROM chat_findings f JOIN conversations c2 ON c2.id = f.conversation_id
               WHERE c2.item_id = cv.item_id) AS labels
           FROM conversations cv GROUP BY cv.item_id) c ON c.item_id = i.id
WHERE i.kind IN ('file', 'member');
-- Covering (the filter and page columns too): with classifier priorities the order is no longer
-- the rowid order, and a deep filtered page would otherwise visit table rows at random.
CREATE INDEX temp.review_queue_order ON review_queue(tier, score DESC, item_id, type, source, match, labels);
)sql";

}  // namespace

const char* ReviewQueue::TierName(int tier) {
  static constexpr std::array<const char*, 5> kNames = {"alert", "near", "chat", "image", "other"};
  return tier >= 0 && tier < 5 ? kNames[tier] : "other";
}

Status CheckQueueFilter(const QueueFilter& f) {
  if (f.source.size() > 4096) return Status::Error("bad_filter", "source");
  if (!OneOf(f.type, kTypes) && !f.type.empty()) return Status::Error("bad_filter", "type");
  if (!OneOf(f.category, kCategories)) return Status::Error("bad_filter", "category");
  if (!OneOf(f.match, kMatches)) return Status::Error("bad_filter", "match");
  if (!OneOf(f.label, kLabels)) return Status::Error("bad_filter", "label");
  if (f.offset < 0 || f.offset > 10'000'000) return Status::Error("bad_filter", "offset");
  if (f.limit < 1 || f.limit > 500) return Status::Error("bad_filter", "limit");
  return Status::Ok();
}

Status ReviewQueue::Refresh(store::Db& db) {
  Result<store::Stmt> q = db.Prepare(
      "SELECT (SELECT coalesce(max(id), 0) FROM items), (SELECT coalesce(max(rowid), 0) FROM matches), "
      "(SELECT coalesce(max(id), 0) FROM conversations), (SELECT coalesce(max(rowid), 0) FROM chat_findings)");
  if (!q.ok()) return q.status();
  if (Result<bool> r = q->Step(); !r.ok()) return r.status();
  const std::string key = std::to_string(q->Int(0)) + "/" + std::to_string(q->Int(1)) + "/" +
                          std::to_string(q->Int(2)) + "/" + std::to_string(q->Int(3));
  if (key == built_for_) return Status::Ok();
  store::Transaction tx(db);
  if (!tx.started()) return Status::Error(db.error_reason(), db.ErrorMessage());
  if (Status s = db.Exec(kBuildSql); !s.ok()) return s;
  if (Status s = tx.Commit(); !s.ok()) return s;
  built_for_ = key;
  return Status::Ok();
}

Result<QueuePage> ReviewQueue::Page(store::Db& db, const QueueFilter& f) {
  if (Status s = CheckQueueFilter(f); !s.ok()) return s;
  if (Status s = Refresh(db); !s.ok()) return s;
  // Each filter is a fixed SQL fragment with bound values; request text never becomes SQL.
  std::string where = " WHERE 1";
  std::vector<std::string> text_args;
  auto add = [&](const char* fragment, std::string value) {
    where += fragment;
    text_args.push_back(std::move(value));
  };
  if (!f.source.empty()) add(" AND q.source = ?", f.source);
  if (!f.type.empty()) add(" AND q.type = ?", f.type);
  if (f.match == "any") where += " AND q.match <> ''";
  else if (f.match == "none") where += " AND q.match = ''";
  else if (!f.match.empty()) add(" AND q.match = ?", f.match);
  if (!f.label.empty()) add(" AND q.labels LIKE ?", "%," + f.label + ",%");
  if (f.category == "none") where += " AND r.category IS NULL";
  else if (f.category == "decided") where += " AND r.item_id IS NOT NULL";
  else if (!f.category.empty()) where += " AND r.category = " + std::string(1, f.category[0]);  // checked: 0-4
  // review_current is joined only when filtering by category: a page then touches its own rows only.
  const std::string from = f.category.empty()
                               ? std::string(" FROM temp.review_queue q")
                               : std::string(" FROM temp.review_queue q LEFT JOIN review_current r ON r.item_id = q.item_id");
  auto bind = [&](store::Stmt& st) {
    int i = 1;
    for (const std::string& v : text_args) st.Bind(i++, v);
    return i;
  };
  QueuePage page;
  {
    Result<store::Stmt> c = db.Prepare("SELECT count(*)" + from + where);
    if (!c.ok()) return c.status();
    bind(*c);
    if (Result<bool> r = c->Step(); !r.ok()) return r.status();
    page.total = c->Int(0);
  }
  // The page's ids first (an index walk over the queue table alone), then their details.
  Result<store::Stmt> q = db.Prepare(
      "SELECT p.item_id, p.tier, p.score, i.path_text, p.source, p.type, coalesce(i.mime, ''), p.match, p.labels, "
      "c.category, c.item_id IS NOT NULL FROM (SELECT q.item_id, q.tier, q.score, q.source, q.type, q.match, q.labels" +
      from + where + " ORDER BY q.tier, q.score DESC, q.item_id LIMIT ? OFFSET ?) p JOIN items i ON i.id = p.item_id "
      "LEFT JOIN review_current c ON c.item_id = p.item_id ORDER BY p.tier, p.score DESC, p.item_id");
  if (!q.ok()) return q.status();
  const int next = bind(*q);
  q->Bind(next, f.limit).Bind(next + 1, f.offset);
  for (;;) {
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    QueueEntry e;
    e.item_id = q->Int(0);
    e.tier = static_cast<int>(q->Int(1));
    e.tier_name = TierName(e.tier);
    e.score = q->OptDouble(2).value_or(0);
    e.path = q->Text(3);
    e.source = q->Text(4);
    e.type = q->Text(5);
    e.mime = q->Text(6);
    e.match = q->Text(7);
    std::string labels = q->Text(8);
    if (labels.size() >= 2) e.labels = labels.substr(1, labels.size() - 2);
    if (!q->IsNull(9)) e.category = static_cast<int>(q->Int(9));
    e.decided = q->Int(10) != 0;
    page.entries.push_back(std::move(e));
  }
  return page;
}

}  // namespace ngb::review
