#include "store/item_writer.h"

#include <algorithm>
#include <chrono>
#include <cstdint>

#include "core/provenance.h"

namespace ngb::store {
namespace {
constexpr size_t kQueuedBatches = 32;  // handed over and not yet taken (8,192 rows of 256)
constexpr size_t kEagerRows = 2048;    // a transaction waits (briefly) for this many rows
constexpr size_t kMaxRows = 8192;      // and takes no more batches past this many
constexpr size_t kMaxTaken = 1024;     // nor more batches than this (single Put()s)
constexpr size_t kMaxSpares = 2 * kQueuedBatches + 8;  // emptied batches kept for reuse
constexpr size_t kMinSpareCapacity = 64;    // records; a single Put()'s vector is not worth keeping
constexpr size_t kMaxSpareCapacity = 4096;  // nor one larger than this

constexpr const char* kInsertItem =
    "INSERT INTO items(id, scan_id, source_id, parent_id, top_id, depth, path, path_text, kind, "
    "size, mtime_ns, atime_ns, ctime_ns, btime_ns, mode, inode, link_target, sparse, mime, "
    "ext_mismatch, md5, sha1, sha256, error, error_detail, entropy, pdq, pdq_quality, alloc) "
    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

constexpr const char* kInsertMatch =
    "INSERT INTO matches(item_id, set_name, set_kind, match_type, hash, distance, category) "
    "VALUES(?,?,?,?,?,?,?)";

constexpr const char* kInsertConversation =
    "INSERT INTO conversations(item_id, conv_index, format, title, conversation_id, language, participants, "
    "message_count, parse_errors, risk, scores) VALUES(?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kInsertFinding =
    "INSERT INTO chat_findings(conversation_id, label, score, offender, target, first_alert_index, evidence) "
    "VALUES(?,?,?,?,?,?,?)";

Status InsertConversations(Db& db, const ItemRecord& r, Stmt& conv, Stmt& finding) {
  for (size_t i = 0; i < r.conversations.size(); ++i) {
    const ConversationRecord& c = r.conversations[i];
    conv.Bind(1, r.id).Bind(2, static_cast<int64_t>(i)).BindStatic(3, c.format).BindStaticOrNull(4, c.title)
        .BindStaticOrNull(5, c.conversation_id).BindStaticOrNull(6, c.language).BindStatic(7, c.participants_json)
        .Bind(8, static_cast<int64_t>(c.message_count)).Bind(9, static_cast<int64_t>(c.parse_errors))
        .Bind(10, c.risk).BindStatic(11, c.scores_json);
    if (Status s = conv.Run(); !s.ok()) return s;
    const int64_t conversation_id = db.LastInsertRowId();
    for (const ChatFindingRecord& f : c.findings) {
      finding.Bind(1, conversation_id).BindStatic(2, f.label).Bind(3, f.score).BindStaticOrNull(4, f.offender)
          .BindStaticOrNull(5, f.target).Bind(6, f.first_alert_index).BindStatic(7, f.evidence_json);
      if (Status s = finding.Run(); !s.ok()) return s;
    }
  }
  return Status::Ok();
}
}  // namespace

ItemWriter::ItemWriter(Db& db) : db_(db), queue_(kQueuedBatches) { thread_ = std::thread([this] { Run(); }); }

ItemWriter::~ItemWriter() { Close(); }

void ItemWriter::Put(ItemRecord&& rec) {
  Batch one;
  one.push_back(std::move(rec));
  Hand(std::move(one));
}

void ItemWriter::PutBatch(std::vector<ItemRecord>& recs) {
  if (recs.empty()) return;
  Batch full = TakeSpare();
  full.swap(recs);  // the caller keeps an empty vector with room, the queue takes the records
  Hand(std::move(full));
}

void ItemWriter::Hand(Batch&& full) {
  const auto n = static_cast<int64_t>(full.size());
  accepted_.fetch_add(n);
  if (!queue_.Push(std::move(full))) accepted_.fetch_sub(n);
}

ItemWriter::Batch ItemWriter::TakeSpare() {
  std::lock_guard lock(spare_mu_);
  if (spares_.empty()) return {};
  Batch b = std::move(spares_.back());
  spares_.pop_back();
  return b;
}

void ItemWriter::GiveSpares(std::vector<Batch>& batches) {
  for (Batch& b : batches) b.clear();  // the records' own memory is freed here, on the writer
  std::lock_guard lock(spare_mu_);
  for (Batch& b : batches) {
    const bool worth = b.capacity() >= kMinSpareCapacity && b.capacity() <= kMaxSpareCapacity;
    if (worth && spares_.size() < kMaxSpares) spares_.push_back(std::move(b));
  }
  batches.clear();
}

Status ItemWriter::Flush() {
  while (rows_.load() < accepted_.load()) {
    {
      std::lock_guard lock(mu_);
      if (!error_.ok()) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  std::lock_guard lock(mu_);
  return error_;
}

Status ItemWriter::Close() {
  bool first = false;
  {
    std::lock_guard lock(mu_);
    first = !closed_;
    closed_ = true;
  }
  if (first) {
    queue_.Close();
    if (thread_.joinable()) thread_.join();
  }
  std::lock_guard lock(mu_);
  return error_;
}

void ItemWriter::Run() {
  std::vector<Batch> batches;
  size_t rows = 0;
  // Takes what is queued, within the transaction's limits; true if it took anything.
  auto take_queued = [&] {
    const size_t before = batches.size();
    while (rows < kMaxRows && batches.size() < kMaxTaken) {
      const size_t had = batches.size();
      queue_.TryPopBatch(batches, had + 1);
      if (batches.size() == had) break;
      rows += batches.back().size();
    }
    return batches.size() > before;
  };
  while (queue_.PopBatch(batches, 1)) {
    rows = batches.back().size();
    // Let a transaction fill up when records trickle in: few large transactions write each
    // B-tree page once instead of once per transaction. Past kEagerRows, write what has come: a
    // writer that waits for full transactions leaves the last one (up to kMaxRows) to be
    // written after the workers have finished, on the scan's serial tail. Only an empty queue is
    // waited on: producers blocked on a full one are not kept waiting.
    for (int waits = 0; rows < kEagerRows && batches.size() < kMaxTaken && waits < 10 && !queue_.closed();) {
      if (take_queued()) continue;
      // A full queue (producers would wait) or Close() (the scan has ended and waits for this
      // batch) cuts the wait short.
      queue_.WaitFullFor(std::chrono::milliseconds(25));
      ++waits;
    }
    take_queued();
    Status s = WriteBatches(batches);
    if (!s.ok()) {
      std::lock_guard lock(mu_);
      if (error_.ok()) error_ = s;
    }
    rows_.fetch_add(static_cast<int64_t>(rows));
    GiveSpares(batches);
  }
}

Status ItemWriter::WriteBatches(const std::vector<Batch>& batches) {
  Transaction tx(db_);
  if (!tx.started()) return Status::Error("case_store_error", db_.ErrorMessage());
  Result<Stmt> ins = db_.Prepare(kInsertItem);
  if (!ins.ok()) return ins.status();
  Result<Stmt> attr = db_.Prepare("INSERT INTO item_attrs(item_id, key, value) VALUES(?,?,?)");
  if (!attr.ok()) return attr.status();
  Result<Stmt> match = db_.Prepare(kInsertMatch);
  if (!match.ok()) return match.status();
  Result<Stmt> conv = db_.Prepare(kInsertConversation);
  if (!conv.ok()) return conv.status();
  Result<Stmt> finding = db_.Prepare(kInsertFinding);
  if (!finding.ok()) return finding.status();
  Stmt& st = *ins;
  // Rows in id order: the ids (and, for top-level items, the paths) follow the walk, but workers
  // finish files out of order. In order, every insert appends to the right edge of the table and
  // its indexes instead of seeking into them. (The transaction is atomic, so the order inside it
  // changes nothing else.)
  order_.clear();
  for (const Batch& b : batches) {
    for (const ItemRecord& r : b) order_.push_back(&r);
  }
  std::sort(order_.begin(), order_.end(), [](const ItemRecord* a, const ItemRecord* b) { return a->id < b->id; });
  // Values are bound without copying: each record outlives its row's Run().
  std::string display;
  for (const ItemRecord* row : order_) {
    const ItemRecord& r = *row;
    std::string_view shown = r.path;
    if (!IsValidUtf8(r.path)) {
      display = DisplayPath(r.path);
      shown = display;
    }
    st.Bind(1, r.id).Bind(2, r.scan_id).Bind(3, r.source_id);
    if (r.parent_id) st.Bind(4, r.parent_id); else st.BindNull(4);
    st.Bind(5, r.top_id).Bind(6, int64_t{r.depth});
    st.BindBlobStatic(7, r.path).BindStatic(8, shown).BindStatic(9, ItemKindName(r.kind));
    st.BindOpt(10, r.size).BindOpt(11, r.mtime).BindOpt(12, r.atime).BindOpt(13, r.ctime)
        .BindOpt(14, r.btime).BindOpt(15, r.mode).BindOpt(16, r.inode);
    if (r.kind == ItemKind::kSymlink || !r.link_target.empty()) st.BindBlobStatic(17, r.link_target);
    else st.BindNull(17);
    st.Bind(18, int64_t{r.sparse}).BindStaticOrNull(19, r.mime);
    if (r.ext_mismatch) st.Bind(20, int64_t{*r.ext_mismatch}); else st.BindNull(20);
    st.BindStaticOrNull(21, r.md5).BindStaticOrNull(22, r.sha1).BindStaticOrNull(23, r.sha256)
        .BindStaticOrNull(24, r.error).BindStaticOrNull(25, r.error_detail);
    if (r.entropy) st.Bind(26, *r.entropy); else st.BindNull(26);
    st.BindStaticOrNull(27, r.pdq).BindOpt(28, r.pdq_quality);
    if (r.allocated) st.Bind(29, int64_t{*r.allocated}); else st.BindNull(29);
    if (Status s = st.Run(); !s.ok()) return s;
    for (const HashMatch& m : r.matches) {
      match->Bind(1, r.id).BindStatic(2, m.set).BindStatic(3, m.kind).BindStatic(4, m.type)
          .BindStatic(5, m.hash).Bind(6, int64_t{m.distance}).BindOpt(7, m.category);
      if (Status s = match->Run(); !s.ok()) return s;
    }
    if (!r.conversations.empty()) {
      if (Status s = InsertConversations(db_, r, *conv, *finding); !s.ok()) return s;
    }
    for (const auto& [k, v] : r.attrs) {
      attr->Bind(1, r.id).Bind(2, k).Bind(3, v);
      if (Status s = attr->Run(); !s.ok()) return s;
    }
  }
  return tx.Commit();
}

}  // namespace ngb::store
