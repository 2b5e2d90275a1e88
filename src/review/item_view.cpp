#include "review/item_view.h"

#include <cstdlib>
#include <string>

#include "chat/parse.h"
#include "core/provenance.h"
#include "review/decisions.h"
#include "review/item_bytes.h"

namespace ngb::review {
namespace {

using nlohmann::json;

constexpr uint64_t kMaxChatBytes = uint64_t{64} << 20;

json OptInt(const store::Stmt& q, int col) { return q.IsNull(col) ? json(nullptr) : json(q.Int(col)); }
json OptText(const store::Stmt& q, int col) { return q.IsNull(col) ? json(nullptr) : json(DisplayPath(q.Text(col))); }

json DecisionToJson(const Decision& d) {
  return {{"id", d.id},
          {"category", d.category ? json(*d.category) : json(nullptr)},
          {"tags", d.tags},
          {"note", d.note},
          {"reviewer", d.reviewer},
          {"decided_at", d.decided_at},
          {"audit_seq", d.audit_seq}};
}

// Calls f(q) for each row of q; the first step error.
template <typename F>
Status EachRow(store::Stmt& q, F&& f) {
  for (;;) {
    Result<bool> r = q.Step();
    if (!r.ok()) return r.status();
    if (!*r) return Status::Ok();
    f(q);
  }
}

}  // namespace

Result<json> ItemView(store::Db& db, int64_t item_id) {
  Result<store::Stmt> q = db.Prepare(
      "SELECT i.id, i.path_text, s.label, i.kind, i.size, i.mime, i.md5, i.sha1, i.sha256, i.pdq, i.pdq_quality, "
      "i.mtime_ns, i.depth, i.parent_id, i.error FROM items i JOIN sources s ON s.id = i.source_id WHERE i.id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, item_id);
  Result<bool> row = q->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Error("no_such_item");
  json out = {{"id", q->Int(0)},     {"path", DisplayPath(q->Text(1))}, {"source", DisplayPath(q->Text(2))},
              {"kind", q->Text(3)},  {"size", OptInt(*q, 4)},          {"mime", OptText(*q, 5)},
              {"md5", OptText(*q, 6)}, {"sha1", OptText(*q, 7)},       {"sha256", OptText(*q, 8)},
              {"pdq", OptText(*q, 9)}, {"pdq_quality", OptInt(*q, 10)}, {"mtime_ns", OptInt(*q, 11)},
              {"depth", q->Int(12)}, {"parent_id", OptInt(*q, 13)},    {"error", OptText(*q, 14)}};
  json matches = json::array();
  Result<store::Stmt> m = db.Prepare(
      "SELECT set_name, set_kind, match_type, hash, distance, category FROM matches WHERE item_id = ? "
      "ORDER BY set_kind = 'alert' DESC, distance, set_name");
  if (!m.ok()) return m.status();
  m->Bind(1, item_id);
  Status rows = EachRow(*m, [&](const store::Stmt& r) {
    matches.push_back({{"set", DisplayPath(r.Text(0))}, {"set_kind", r.Text(1)}, {"type", r.Text(2)},
                       {"hash", DisplayPath(r.Text(3))}, {"distance", r.Int(4)}, {"category", OptInt(r, 5)}});
  });
  if (!rows.ok()) return rows;
  out["matches"] = std::move(matches);
  json convs = json::array();
  Result<store::Stmt> c = db.Prepare(
      "SELECT c.id, c.risk, (SELECT group_concat(label) FROM chat_findings f WHERE f.conversation_id = c.id), "
      "c.title FROM conversations c WHERE c.item_id = ? ORDER BY c.conv_index");
  if (!c.ok()) return c.status();
  c->Bind(1, item_id);
  rows = EachRow(*c, [&](const store::Stmt& r) {
    json labels = json::array();
    std::string l = r.Text(2);
    for (size_t start = 0; !l.empty() && start <= l.size();) {
      size_t comma = l.find(',', start);
      labels.push_back(l.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    convs.push_back({{"id", r.Int(0)}, {"risk", r.OptDouble(1).value_or(0)}, {"labels", labels},
                     {"title", OptText(r, 3)}});
  });
  if (!rows.ok()) return rows;
  out["conversations"] = std::move(convs);
  // Review signals of `scan --classify` (ranking signals for the queue, never findings): the
  // classifier's scores and model, the face count and boxes, OCR text. Null when not classified.
  Result<store::Stmt> a = db.Prepare(
      "SELECT key, value FROM item_attrs WHERE item_id = ? AND (key LIKE 'classify.%' OR key LIKE 'faces.%' OR "
      "key = 'ocr.text') ORDER BY rowid");
  if (!a.ok()) return a.status();
  a->Bind(1, item_id);
  json signals = nullptr;
  rows = EachRow(*a, [&](const store::Stmt& r) {
    if (signals.is_null()) signals = json::object();
    const std::string key = r.Text(0), value = r.Text(1);
    if (key == "classify.priority") {
      signals["priority"] = std::strtod(value.c_str(), nullptr);
    } else if (key == "classify.model" || key == "classify.error") {
      signals[key.substr(9)] = DisplayPath(value);
    } else if (key.rfind("classify.", 0) == 0) {
      signals["scores"][key.substr(9)] = std::strtod(value.c_str(), nullptr);
    } else if (key == "faces.count") {
      signals["faces"] = std::strtoll(value.c_str(), nullptr, 10);
    } else if (key == "faces.boxes") {
      json boxes = json::parse(value, nullptr, false);
      if (boxes.is_array()) signals["face_boxes"] = std::move(boxes);
    } else if (key == "ocr.text") {
      signals["ocr_text"] = DisplayPath(value);
    }
  });
  if (!rows.ok()) return rows;
  out["signals"] = std::move(signals);
  Result<std::vector<Decision>> history = DecisionHistory(db, item_id);
  if (!history.ok()) return history.status();
  json hist = json::array();
  for (const Decision& d : *history) hist.push_back(DecisionToJson(d));
  Result<std::optional<Decision>> current = CurrentDecision(db, item_id);
  if (!current.ok()) return current.status();
  out["decision"] = *current ? DecisionToJson(**current) : json(nullptr);
  out["history"] = std::move(hist);
  return out;
}

Result<json> ConversationView(store::Db& db, int64_t conversation_id, size_t max_messages) {
  Result<store::Stmt> q = db.Prepare(
      "SELECT c.id, c.item_id, i.path_text, c.format, c.title, c.participants, c.message_count, c.risk, c.scores, "
      "c.conv_index, c.language FROM conversations c JOIN items i ON i.id = c.item_id WHERE c.id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, conversation_id);
  Result<bool> row = q->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Error("no_such_conversation");
  const int64_t item_id = q->Int(1);
  const int64_t conv_index = q->Int(9);
  json participants = json::parse(q->Text(5), nullptr, false);
  json scores = json::parse(q->Text(8), nullptr, false);
  json out = {{"id", q->Int(0)},
              {"item_id", item_id},
              {"path", DisplayPath(q->Text(2))},
              {"format", q->Text(3)},
              {"title", OptText(*q, 4)},
              {"language", OptText(*q, 10)},
              {"participants", participants.is_discarded() ? json::array() : participants},
              {"message_count", q->Int(6)},
              {"risk", q->OptDouble(7).value_or(0)},
              {"scores", scores.is_discarded() ? json::object() : scores}};
  json findings = json::array();
  Result<store::Stmt> f = db.Prepare(
      "SELECT label, score, offender, target, first_alert_index, evidence FROM chat_findings "
      "WHERE conversation_id = ? ORDER BY score DESC");
  if (!f.ok()) return f.status();
  f->Bind(1, conversation_id);
  Status rows = EachRow(*f, [&](const store::Stmt& r) {
    json evidence = json::parse(r.Text(5), nullptr, false);
    findings.push_back({{"label", r.Text(0)}, {"score", r.OptDouble(1).value_or(0)},
                        {"offender", OptText(r, 2)}, {"target", OptText(r, 3)},
                        {"first_alert_index", r.Int(4)},
                        {"evidence", evidence.is_discarded() ? json::array() : evidence}});
  });
  if (!rows.ok()) return rows;
  out["findings"] = std::move(findings);
  out["messages"] = nullptr;
  Result<std::string> bytes = ReadItemBytes(db, item_id, kMaxChatBytes);
  if (!bytes.ok()) {
    out["messages_unavailable"] = bytes.status().reason();
    return out;
  }
  Result<std::vector<chat::Conversation>> parsed = chat::ParseChat(*bytes, "", chat::ParseOptions{});
  if (!parsed.ok() || conv_index < 0 || static_cast<size_t>(conv_index) >= parsed->size()) {
    out["messages_unavailable"] = parsed.ok() ? std::string("conversation_not_found") : parsed.status().reason();
    return out;
  }
  const chat::Conversation& conv = (*parsed)[static_cast<size_t>(conv_index)];
  json messages = json::array();
  for (size_t i = 0; i < conv.messages.size() && i < max_messages; ++i) {
    const chat::Message& msg = conv.messages[i];
    messages.push_back({{"index", i},
                        {"time", msg.time == chat::kNoTime ? json(nullptr) : json(msg.time)},
                        {"author", msg.author},
                        {"text", msg.text},
                        {"media", std::string(chat::MediaKindName(msg.media))},
                        {"system", msg.system}});
  }
  out["messages"] = std::move(messages);
  if (conv.messages.size() > max_messages) out["messages_truncated"] = conv.messages.size() - max_messages;
  return out;
}

}  // namespace ngb::review
