// Internal to the chat JSON parsers: simdjson On-Demand helpers that never throw and turn
// simdjson errors into Conversation error rows with line numbers.
#pragma once
#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chat/parse/parsers.h"

namespace ngb::chat::parse {

namespace od = simdjson::ondemand;

// Owns a padded copy of the input and the parser; Begin() starts iteration over the document.
class JsonInput {
 public:
  // complete=true: a document that stops before its closing brackets (a cut-off download or
  // copy) is read up to its last complete object: the input is cut there and the missing
  // brackets are appended (truncated() tells whether that applied).
  // The padded copy and the parser are per-thread scratch reused across calls (fresh pages are
  // what a parse costs most); scratch above 64 MiB is released afterwards.
  // padding: bytes readable after the end of `bytes` (ParseOptions::input_padding); when it is at
  // least simdjson's padding the input is parsed in place instead of copied.
  JsonInput(std::string_view bytes, bool complete, size_t padding = 0);
  ~JsonInput();
  JsonInput(const JsonInput&) = delete;
  JsonInput& operator=(const JsonInput&) = delete;
  // True when the input was cut off and completed as above (readers add a "truncated_json" row).
  bool truncated() const { return truncated_; }
  // 1-based number of the input's last line.
  uint64_t LastLine() const { return LineOfOffset(bytes_, bytes_.size()); }
  // Starts on-demand iteration; false (and *error set) when the input cannot be read as JSON.
  bool Begin(od::document* doc, std::string* error);
  // 1-based line of the document's current position (or of `ptr` inside the padded copy).
  // Cheap when called with increasing positions (counts newlines from the previous call).
  uint64_t LineAt(od::document& doc);
  uint64_t LineOf(const char* ptr);

  struct Scratch;

 private:
  std::string_view bytes_;
  Scratch* scratch_;
  bool owned_ = false;          // scratch_ allocated for this input (the thread's one was busy)
  const char* data_ = nullptr;  // padded copy
  size_t size_ = 0;
  bool truncated_ = false;
  size_t last_pos_ = 0;
  uint64_t last_line_ = 1;
};

// Runs a reader over the document. When that fails or stops at a JSON error, it is run again
// over the input completed as for a truncated file, and the better result is kept (that one gets
// a "truncated_json" row). The first attempt costs nothing extra on intact files.
using JsonReaderFn = Result<Conversations> (*)(JsonInput& in, od::document& doc, const void* ctx);
Result<Conversations> ParseJsonDocument(std::string_view bytes, JsonReaderFn run, const void* ctx,
                                        size_t padding = 0);

// Runs each(obj, line) over the objects of a JSON array of messages (not an array: nothing to do).
// Items that are not objects become "bad_message" rows; once count() reaches `limit`, a
// "too_many_messages" row is added, *stop set and the rest skipped. False on a document error
// (iteration must stop) or when `each` returns false.
template <typename Count, typename Each>
bool ForEachMessageObject(JsonInput& in, od::document& doc, od::value v, Conversation& c, size_t limit,
                          Count count, bool* stop, Each each) {
  od::array arr;
  if (v.get_array().get(arr)) return true;
  for (auto item : arr) {
    const uint64_t line = in.LineAt(doc);
    od::object obj;
    if (item.get_object().get(obj)) {
      od::json_type t;
      if (item.type().get(t)) return false;
      AddError(c, line, "bad_message", "message is not an object");
      continue;
    }
    if (count() >= limit) {
      AddError(c, in.LineAt(doc), "too_many_messages", "message limit reached; rest skipped");
      *stop = true;
      return true;
    }
    if (!each(obj, line)) return false;
  }
  return true;
}

// A string value (null and non-strings → empty; numbers → their JSON text). False on a
// document error (iteration must stop).
bool ReadString(od::value v, std::string* out);
// A number or a numeric string as int64; false when neither (not a document error by itself).
bool ReadInt(od::value v, int64_t* out);

}  // namespace ngb::chat::parse
