// Internal to the CSV and JSONL parsers: turns flat (time, sender, text, conversation) rows into
// conversations, grouping by the conversation field and deciding the day/month order of numeric
// dates once per file.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "chat/parse/parsers.h"

namespace ngb::chat::parse {

// Column/key aliases (lower-case). Kind of a header name or JSON key: 't'ime, 'd'ate (only),
// 'c'lock (time of day only), 's'ender, 'x' text, 'v' conversation, 0 none.
char FieldKind(std::string_view lower_name);

class RowCollector {
 public:
  RowCollector(Format format, const ParseOptions& options) : format_(format), options_(options) {}
  // Adds one message. False when options.max_messages was reached (an error row is added; stop).
  bool Add(uint64_t line, std::string time, std::string sender, std::string text,
           const std::string& conversation);
  void Error(uint64_t line, std::string_view reason, std::string detail);
  size_t count() const { return total_; }
  // Times parsed, participants filled. Error "not_a_chat_export" when no row was added.
  Result<Conversations> Finish();

 private:
  Format format_;
  const ParseOptions& options_;
  Conversations convs_;
  std::vector<std::vector<std::string>> raw_times_;  // per conversation, per message
  std::unordered_map<std::string, size_t> index_;
  std::vector<ParseError> pending_;  // errors before the first conversation exists
  size_t last_ = 0;
  size_t total_ = 0;
  int day_first_votes_ = 0, month_first_votes_ = 0;
};

}  // namespace ngb::chat::parse
