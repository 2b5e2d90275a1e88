#include "chat/parse/rows.h"

namespace ngb::chat::parse {

char FieldKind(std::string_view n) {
  if (n == "timestamp" || n == "datetime" || n == "date_time" || n == "ts" || n == "created_at" ||
      n == "sent_at" || n == "timestamp_ms" || n == "unix_time" || n == "time_stamp") {
    return 't';
  }
  if (n == "date") return 'd';
  if (n == "time") return 'c';
  if (n == "sender" || n == "author" || n == "from" || n == "name" || n == "user" ||
      n == "username" || n == "speaker" || n == "sender_name" || n == "user_name" || n == "nick") {
    return 's';
  }
  if (n == "text" || n == "message" || n == "content" || n == "body" || n == "msg" ||
      n == "message_text") {
    return 'x';
  }
  if (n == "conversation" || n == "conversation_id" || n == "chat" || n == "chat_id" ||
      n == "thread" || n == "thread_id" || n == "conv_id" || n == "dialog_id") {
    return 'v';
  }
  return 0;
}

namespace {
// "12/01/2024 ..." → votes for the field order.
void Vote(std::string_view s, int* day_first, int* month_first) {
  int a = 0, b = 0;
  size_t p = 0;
  while (p < s.size() && p < 2 && s[p] >= '0' && s[p] <= '9') a = a * 10 + (s[p++] - '0');
  if (p == 0 || p >= s.size() || (s[p] != '/' && s[p] != '.' && s[p] != '-')) return;
  const size_t q0 = ++p;
  while (p < s.size() && p - q0 < 2 && s[p] >= '0' && s[p] <= '9') b = b * 10 + (s[p++] - '0');
  if (p == q0) return;
  *day_first += a > 12;
  *month_first += b > 12;
}
}  // namespace

bool RowCollector::Add(uint64_t line, std::string time, std::string sender, std::string text,
                       const std::string& conversation) {
  if (total_ >= options_.max_messages) {
    Error(line, "too_many_messages", "message limit reached; rest skipped");
    return false;
  }
  size_t ci;
  if (!convs_.empty() && convs_[last_].id == conversation) {
    ci = last_;
  } else {
    auto [it, fresh] = index_.try_emplace(conversation, convs_.size());
    if (fresh) {
      Conversation& c = convs_.emplace_back();
      c.format = format_;
      c.id = conversation;
      raw_times_.emplace_back();
    }
    ci = it->second;
  }
  last_ = ci;
  Conversation& c = convs_[ci];
  Message& m = c.messages.emplace_back();
  m.line = static_cast<uint32_t>(line);
  m.author = TrimAscii(sender).size() == sender.size() ? std::move(sender)
                                                       : std::string(TrimAscii(sender));
  if (!IsValidUtf8(m.author)) m.author = SanitizeUtf8(m.author);
  SetText(c, m, std::move(text));
  Vote(time, &day_first_votes_, &month_first_votes_);
  raw_times_[ci].push_back(std::move(time));
  ++total_;
  return true;
}

void RowCollector::Error(uint64_t line, std::string_view reason, std::string detail) {
  if (convs_.empty()) {
    if (pending_.size() <= kMaxErrors)
      pending_.push_back({line, std::string(reason), std::move(detail)});
  } else {
    AddError(convs_[last_], line, reason, std::move(detail));
  }
}

Result<Conversations> RowCollector::Finish() {
  if (convs_.empty()) {
    std::string why = "no readable rows";
    if (!pending_.empty())
      why += " (first problem: " + pending_.front().reason + " at line " +
             std::to_string(pending_.front().line) + ")";
    return Status::Error("not_a_chat_export", why);
  }
  DateOrder order = options_.date_order;
  if (order == DateOrder::kAuto) {
    order = day_first_votes_ == 0 && month_first_votes_ > 0 ? DateOrder::kMonthFirst
                                                            : DateOrder::kDayFirst;
  }
  for (size_t ci = 0; ci < convs_.size(); ++ci) {
    Conversation& c = convs_[ci];
    for (size_t i = 0; i < c.messages.size(); ++i) {
      Message& m = c.messages[i];
      int64_t t;
      if (ParseTimestamp(raw_times_[ci][i], order, &t)) {
        m.time = t;
      } else if (!raw_times_[ci][i].empty()) {
        AddError(c, m.line, "bad_timestamp",
                 "unreadable time: " + SanitizeUtf8(raw_times_[ci][i].substr(0, 40)));
      }
    }
    CollectParticipants(c);
  }
  if (!pending_.empty()) {
    auto& errs = convs_.front().errors;
    errs.insert(errs.begin(), pending_.begin(), pending_.end());
  }
  return std::move(convs_);
}

}  // namespace ngb::chat::parse
