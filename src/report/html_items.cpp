// The report's pertinent items: one <article> per item with provenance, digests, category,
// reviewer decision, hash-set matches, a thumbnail (or hashes only) and its flagged conversations
// with the flagged messages and their cues.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/provenance.h"
#include "core/time_util.h"
#include "report/html_parts.h"
#include "report/review_state.h"

namespace ngb::report::html {
namespace {

using J = nlohmann::json;

std::string Score(double v) {
  char b[16];
  snprintf(b, sizeof b, "%.2f", v);
  return b;
}

std::string Time(const TimeNs& t) { return t ? E(Iso8601FromNs(*t)) : "<span class=\"na\">—</span>"; }

std::string Text(const J& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return {};
  return v.dump(-1, ' ', false, J::error_handler_t::replace);
}

bool IsImage(const ItemRecord& r) { return r.mime.starts_with("image/") || !r.pdq.empty(); }

// Flagged conversations of one item and their findings.
class ConversationReader {
 public:
  static Result<ConversationReader> Prepare(store::Db& db) {
    Result<store::Stmt> convs = db.Prepare(
        "SELECT c.id, c.format, coalesce(c.title, ''), coalesce(c.participants, '[]'), c.message_count, "
        "coalesce(c.language, ''), c.risk FROM conversations c WHERE c.item_id = ? AND EXISTS "
        "(SELECT 1 FROM chat_findings f WHERE f.conversation_id = c.id) ORDER BY c.conv_index, c.id");
    if (!convs.ok()) return convs.status();
    Result<store::Stmt> findings = db.Prepare(
        "SELECT label, score, coalesce(offender, ''), coalesce(target, ''), first_alert_index, coalesce(evidence, '[]') "
        "FROM chat_findings WHERE conversation_id = ? ORDER BY score DESC, label, rowid");
    if (!findings.ok()) return findings.status();
    return ConversationReader(std::move(*convs), std::move(*findings));
  }

  // Writes the item's flagged conversations; returns how many.
  Result<int64_t> Write(int64_t item_id, size_t max_messages, std::ostream& out) {
    int64_t n = 0;
    convs_.Bind(1, item_id);
    for (;;) {
      Result<bool> r = convs_.Step();
      if (!r.ok()) return Done(r.status());
      if (!*r) break;
      ++n;
      const J participants = J::parse(convs_.View(3), nullptr, false);
      std::string names;
      if (participants.is_array()) {
        for (const J& p : participants) names += (names.empty() ? "" : ", ") + E(Text(p));
      }
      out << "<div class=\"chat\"><p><b>Conversation</b> (" << E(convs_.View(1)) << ")";
      if (!convs_.View(2).empty()) out << " <span dir=\"auto\">“" << E(convs_.View(2)) << "”</span>";
      out << " — " << convs_.Int(4) << " messages; participants: <span dir=\"auto\">" << names
          << "</span>; language " << E(convs_.View(5)) << "; risk " << Score(convs_.OptDouble(6).value_or(0)) << "</p>\n";
      if (Status s = WriteFindings(convs_.Int(0), max_messages, out); !s.ok()) return Done(s);
      out << "</div>\n";
    }
    convs_.Reset();
    return n;
  }

 private:
  ConversationReader(store::Stmt convs, store::Stmt findings) : convs_(std::move(convs)), findings_(std::move(findings)) {}

  Status Done(Status s) {
    convs_.Reset();
    findings_.Reset();
    return s;
  }

  Status WriteFindings(int64_t conversation_id, size_t max_messages, std::ostream& out) {
    findings_.Bind(1, conversation_id);
    for (;;) {
      Result<bool> r = findings_.Step();
      if (!r.ok()) return r.status();
      if (!*r) break;
      out << "<p><b>" << E(findings_.View(0)) << "</b> score " << Score(findings_.OptDouble(1).value_or(0));
      if (!findings_.View(2).empty()) out << "; likely offender <span dir=\"auto\">" << E(findings_.View(2)) << "</span>";
      if (!findings_.View(3).empty()) out << "; likely target <span dir=\"auto\">" << E(findings_.View(3)) << "</span>";
      out << "; first flagged at message " << findings_.Int(4) << "</p>\n";
      const J evidence = J::parse(findings_.View(5), nullptr, false);
      if (!evidence.is_array() || evidence.empty()) continue;
      out << "<table><thead><tr><th>#</th><th>Time</th><th>Author</th><th>Flagged message</th><th>Cues</th></tr></thead>"
             "<tbody>\n";
      size_t shown = 0;
      for (const J& m : evidence) {
        if (shown++ == max_messages) break;
        if (!m.is_object()) continue;
        std::string cues;
        for (const J& c : m.value("cues", J::array())) cues += (cues.empty() ? "" : ", ") + E(Text(c));
        out << "<tr><td>" << E(Text(m.value("index", J()))) << "</td><td>" << E(Text(m.value("time", J())))
            << "</td><td dir=\"auto\">" << E(Text(m.value("author", J()))) << "</td><td class=\"msg\" dir=\"auto\">"
            << HtmlText(Text(m.value("text", J())), true) << "</td><td class=\"cue\">" << cues << "</td></tr>\n";
      }
      out << "</tbody></table>\n";
      if (evidence.size() > max_messages) {
        out << "<p class=\"na\">" << evidence.size() - max_messages
            << " more flagged messages are recorded in the case (export --format chats).</p>\n";
      }
    }
    findings_.Reset();
    return Status::Ok();
  }

  store::Stmt convs_, findings_;
};

void WriteMatches(const std::vector<HashMatch>& matches, std::ostream& out) {
  if (matches.empty()) return;
  out << "<table><thead><tr><th>Hash set</th><th>Kind</th><th>Match</th><th>Matched entry</th><th>Distance</th>"
         "<th>Set category</th></tr></thead><tbody>\n";
  for (const HashMatch& m : matches) {
    out << "<tr><td>" << E(m.set) << "</td><td>" << E(m.kind) << "</td><td>"
        << (m.type == "pdq" ? "PDQ near match" : "exact " + E(m.type)) << "</td><td>" << Hash(m.hash) << "</td><td>"
        << m.distance << "</td><td>" << E(CategoryLabel(m.category)) << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
}

std::string ReviewText(const std::optional<ReviewState>& review) {
  if (!review) return "<span class=\"na\">not reviewed</span>";
  std::string s = E(CategoryLabel(review->category)) + " by <b>" + E(review->reviewer) + "</b> at " + E(review->decided_at);
  if (!review->tags.empty()) {
    s += "<br>Tags: ";
    for (size_t i = 0; i < review->tags.size(); ++i) s += (i ? ", " : "") + E(review->tags[i]);
  }
  if (!review->note.empty()) s += "<br>Note: <span class=\"msg\" dir=\"auto\">" + HtmlText(review->note, true) + "</span>";
  return s;
}

}  // namespace

Result<HtmlReportStats> WriteItems(store::Db& db, const HtmlReportOptions& options, std::ostream& out) {
  Result<ReviewLookup> reviews = ReviewLookup::Prepare(db);
  if (!reviews.ok()) return reviews.status();
  Result<ConversationReader> chats = ConversationReader::Prepare(db);
  if (!chats.ok()) return chats.status();
  HtmlReportStats stats;
  Status error;
  RowFilter filter = options.filter;
  filter.pertinent = true;
  out << "<section id=\"items\">\n<h2>5. Pertinent items</h2>\n<p>Items with an alert or watch hash-set match, a "
         "reviewer's category 1–4, or a conversation with a risk finding, in provenance order. Paths are shown as "
         "recorded; bytes that are not valid UTF-8 and control characters appear as <code>\\xNN</code>.</p>\n";
  Status s = ForEachItem(db, filter, [&](const ItemRow& row) {
    const ItemRecord& r = row.rec;
    Result<std::optional<ReviewState>> review = reviews->Get(r.id);
    if (!review.ok()) {
      error = review.status();
      return false;
    }
    const std::optional<int> category = EffectiveCategory(*review, r.matches);
    const std::optional<int> set_category = HashSetCategory(r.matches);
    ++stats.items;
    out << "<article class=\"item" << (category && *category >= 1 && *category <= 4 ? " cat" + std::to_string(*category) : "")
        << "\" id=\"item-" << r.id << "\">\n<h3>Item " << stats.items << " — <span class=\"path\">" << E(BaseName(r.path))
        << "</span></h3>\n";
    if (options.images && IsImage(r)) {
      Result<Thumbnail> t = options.thumbnail ? options.thumbnail(row)
                                              : Result<Thumbnail>(Status::Error("thumbnails_unavailable"));
      if (t.ok() && !t->bytes.empty() && t->mime.starts_with("image/")) {
        ++stats.thumbnails;
        out << "<img class=\"thumb\" alt=\"blurred grayscale thumbnail\" src=\"data:" << E(t->mime) << ";base64,"
            << Base64(t->bytes) << "\">\n";
      } else {
        ++stats.thumbnails_missing;
        out << "<p class=\"na\" style=\"float:right\">thumbnail unavailable (" << E(t.ok() ? "empty" : t.status().reason())
            << ")</p>\n";
      }
    }
    std::string category_text = "<b>" + E(CategoryLabel(category)) + "</b>";
    if (review->has_value() && (*review)->category) category_text += " (reviewer's decision";
    else if (set_category) category_text += " (from hash-set match";
    if (category) {
      if (set_category && review->has_value() && (*review)->category && *set_category != *(*review)->category)
        category_text += "; hash-set category " + E(CategoryLabel(set_category));
      category_text += ")";
    }
    std::string size = r.size ? std::to_string(*r.size) + " bytes" : "<span class=\"na\">unknown</span>";
    std::string pdq = r.pdq.empty() ? std::string("<span class=\"na\">none</span>")
                                    : Hash(r.pdq) + " quality " + std::to_string(r.pdq_quality.value_or(0));
    KeyValues(out, {{"Provenance", "<span class=\"path\">" + E(r.path) + "</span>"},
                    {"Source / scan", E(row.source_label) + " / scan " + std::to_string(r.scan_id) + ", item " +
                                          std::to_string(r.id) + (r.depth > 0 ? ", inside a container (depth " +
                                                                                    std::to_string(r.depth) + ")" : "")},
                    {"Type / size", (r.mime.empty() ? std::string("unknown") : E(r.mime)) + " / " + size},
                    {"Modified / accessed / changed", Time(r.mtime) + " / " + Time(r.atime) + " / " + Time(r.ctime)},
                    {"MD5", Hash(r.md5)},
                    {"SHA-1", Hash(r.sha1)},
                    {"SHA-256", Hash(r.sha256)},
                    {"PDQ", pdq},
                    {"Category", category_text},
                    {"Review", ReviewText(*review)}});
    if (!r.error.empty()) out << "<p class=\"warn\">Read error: " << E(r.error) << " — " << E(r.error_detail) << "</p>\n";
    WriteMatches(r.matches, out);
    Result<int64_t> n = chats->Write(r.id, options.max_excerpt_messages, out);
    if (!n.ok()) {
      error = n.status();
      return false;
    }
    stats.conversations += *n;
    out << "</article>\n";
    return static_cast<bool>(out);
  });
  if (!s.ok()) return s;
  if (!error.ok()) return error;
  if (stats.items == 0) out << "<p class=\"na\">No pertinent items.</p>\n";
  out << "</section>\n";
  return stats;
}

}  // namespace ngb::report::html
