#include "chat/parse/json.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <memory>

namespace ngb::chat::parse {

namespace {

// Scans s[b, e) outside strings keeping the stack of expected closers. Returns false when the
// brackets do not nest (damage rather than truncation), the depth exceeds 256, or the document
// closes. *last_close receives the offset just after the last '}' that left the stack non-empty.
bool ScanBrackets(std::string_view s, size_t b, size_t e, std::string* stack, size_t* last_close) {
  constexpr size_t kMaxDepth = 256;
  bool in_string = false;
  for (size_t i = b; i < e; ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (stack->size() >= kMaxDepth) return false;
      stack->push_back(c == '{' ? '}' : ']');
    } else if (c == '}' || c == ']') {
      if (stack->empty() || stack->back() != c) return false;
      stack->pop_back();
      if (stack->empty()) return false;  // complete document
      if (c == '}') *last_close = i + 1;
    }
  }
  return true;
}

// For a top-level object or array that is not closed: the prefix up to the last '}' outside
// strings, plus the closers of the brackets still open there. Empty when not applicable.
// Two linear passes: find the cut, then the stack at the cut.
std::string CompleteTruncated(std::string_view s) {
  size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\n' || s[b] == '\r' || s[b] == '\t')) ++b;
  if (b == s.size() || (s[b] != '{' && s[b] != '[')) return {};
  std::string stack;
  size_t cut = 0;
  if (!ScanBrackets(s, b, s.size(), &stack, &cut) || cut == 0) return {};
  stack.clear();
  size_t unused = 0;
  if (!ScanBrackets(s, b, cut, &stack, &unused)) return {};
  std::string out(s.substr(0, cut));
  out.append(stack.rbegin(), stack.rend());
  return out;
}

}  // namespace

struct JsonInput::Scratch {
  std::unique_ptr<char[]> buffer;
  size_t capacity = 0;
  od::parser parser;
  bool busy = false;
};

namespace {
constexpr size_t kKeepScratchBytes = size_t{64} << 20;
thread_local JsonInput::Scratch t_scratch;
}  // namespace

JsonInput::JsonInput(std::string_view bytes, bool complete, size_t padding) : bytes_(bytes), scratch_(&t_scratch) {
  if (scratch_->busy) {
    scratch_ = new Scratch;
    owned_ = true;
  }
  scratch_->busy = true;
  std::string completed;
  if (complete) completed = CompleteTruncated(bytes);
  truncated_ = !completed.empty();
  const std::string_view text = truncated_ ? std::string_view(completed) : bytes;
  if (!truncated_ && padding >= simdjson::SIMDJSON_PADDING) {  // the caller's buffer is padded: no copy
    data_ = bytes.data();
    size_ = bytes.size();
    return;
  }
  const size_t need = text.size() + simdjson::SIMDJSON_PADDING;
  if (scratch_->capacity < need) {
    scratch_->buffer.reset(new char[need]);
    scratch_->capacity = need;
  }
  std::memcpy(scratch_->buffer.get(), text.data(), text.size());
  std::memset(scratch_->buffer.get() + text.size(), 0, simdjson::SIMDJSON_PADDING);
  data_ = scratch_->buffer.get();
  size_ = text.size();
}

JsonInput::~JsonInput() {
  if (owned_) {
    delete scratch_;
    return;
  }
  scratch_->busy = false;
  if (scratch_->capacity > kKeepScratchBytes) {
    scratch_->buffer.reset();
    scratch_->capacity = 0;
    scratch_->parser = od::parser();
  }
}

bool JsonInput::Begin(od::document* doc, std::string* error) {
  const auto err =
      scratch_->parser.iterate(data_, size_, size_ + simdjson::SIMDJSON_PADDING).get(*doc);
  if (err) {
    *error = simdjson::error_message(err);
    return false;
  }
  return true;
}

uint64_t JsonInput::LineOf(const char* ptr) {
  const char* base = data_;
  if (ptr < base || ptr > base + std::min(bytes_.size(), size_)) return 0;
  const auto pos = static_cast<size_t>(ptr - base);
  if (pos < last_pos_) {
    last_pos_ = 0;
    last_line_ = 1;
  }
  last_line_ += static_cast<uint64_t>(std::count(base + last_pos_, base + pos, '\n'));
  last_pos_ = pos;
  return last_line_;
}

uint64_t JsonInput::LineAt(od::document& doc) {
  const char* ptr = nullptr;
  if (doc.current_location().get(ptr)) return 0;
  return LineOf(ptr);
}

namespace {

bool StoppedAtJsonError(const Conversations& convs) {
  for (const Conversation& c : convs) {
    for (const ParseError& e : c.errors) {
      if (e.reason == "malformed_json") return true;
    }
  }
  return false;
}

size_t MessageCount(const Conversations& convs) {
  size_t n = 0;
  for (const Conversation& c : convs) n += c.messages.size();
  return n;
}

Result<Conversations> Attempt(std::string_view bytes, bool complete, JsonReaderFn run,
                              const void* ctx, size_t padding) {
  JsonInput in(bytes, complete, padding);
  if (complete && !in.truncated()) return Status::Error("malformed_json", "not a cut-off file");
  od::document doc;
  std::string error;
  if (!in.Begin(&doc, &error)) return Status::Error("malformed_json", error);
  Result<Conversations> result = run(in, doc, ctx);
  if (in.truncated() && result.ok() && !result->empty()) {
    AddError(result->back(), in.LastLine(), "truncated_json",
             "the file ends before its closing brackets; read up to the last complete object");
  }
  return result;
}

}  // namespace

Result<Conversations> ParseJsonDocument(std::string_view bytes, JsonReaderFn run, const void* ctx,
                                        size_t padding) {
  Result<Conversations> first = Attempt(bytes, false, run, ctx, padding);
  if (first.ok() && !StoppedAtJsonError(*first)) return first;
  if (!first.ok() && first.status().reason() != "malformed_json") return first;
  Result<Conversations> second = Attempt(bytes, true, run, ctx, 0);
  if (second.ok() && (!first.ok() || MessageCount(*second) >= MessageCount(*first))) return second;
  return first;
}

bool ReadString(od::value v, std::string* out) {
  out->clear();
  od::json_type type;
  if (v.type().get(type)) return false;
  switch (type) {
    case od::json_type::string: {
      std::string_view s;
      if (v.get_string().get(s)) return false;
      out->assign(s);
      return true;
    }
    case od::json_type::number:
    case od::json_type::boolean: {
      std::string_view raw = v.raw_json_token();
      while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' ||
                              raw.back() == '\t')) {
        raw.remove_suffix(1);
      }
      out->assign(raw);
      return true;
    }
    default:
      return true;  // null, arrays, objects: skipped by the caller moving on
  }
}

bool ReadInt(od::value v, int64_t* out) {
  od::json_type type;
  if (v.type().get(type)) return false;
  if (type == od::json_type::number) {
    od::number n;
    if (v.get_number().get(n)) return false;
    if (n.is_int64()) {
      *out = n.get_int64();
    } else if (n.is_uint64()) {
      *out =
          n.get_uint64() > 9'000'000'000'000'000'000ULL ? 0 : static_cast<int64_t>(n.get_uint64());
    } else {
      const double d = n.get_double();
      if (!(d > -9.2e18 && d < 9.2e18)) return false;
      *out = static_cast<int64_t>(d);
    }
    return true;
  }
  if (type == od::json_type::string) {
    std::string_view s;
    if (v.get_string().get(s)) return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
  }
  return false;
}

}  // namespace ngb::chat::parse
