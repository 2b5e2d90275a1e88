#include "hashset/vics_splitter.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace ngb::hashset {
namespace {

constexpr size_t kMaxKey = 32;
constexpr size_t kMaxModel = 2048;

bool IsSpace(uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsLiteralChar(uint8_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+' || c == '.';
}
std::string Shown(uint8_t c) {
  if (c >= 0x21 && c < 0x7f) return std::string("'") + static_cast<char>(c) + "'";
  char b[8];
  snprintf(b, sizeof b, "0x%02x", c);
  return b;
}

}  // namespace

VicsSplitter::VicsSplitter(source::ByteStream& in) : in_(in) {}

Result<VicsSplitter::Item> VicsSplitter::Next() {
  while (!ready_) {
    if (state_ == State::kDone) return Item{};
    if (pos_ == chunk_.size()) {
      FlushCapture(pos_);
      Result<std::span<const uint8_t>> next = in_.Next();
      if (!next.ok()) return next.status();
      chunk_ = *next;
      pos_ = 0;
      capture_from_ = 0;
      if (chunk_.empty()) {
        if (Status s = AtEof(); !s.ok()) return s;
        continue;
      }
    }
    if (Status s = Step(); !s.ok()) return s;
  }
  Item item = std::move(*ready_);
  ready_.reset();
  return item;
}

void VicsSplitter::EmitBad(RecordPos pos, std::string reason, std::string detail) {
  Item item;
  item.kind = Item::kBad;
  item.pos = pos;
  item.reason = std::move(reason);
  item.detail = std::move(detail);
  Emit(std::move(item));
}

void VicsSplitter::Fatal(const std::string& what) {
  EmitBad({line_, 0}, "malformed_json", what + "; the rest of the file was not read");
  state_ = State::kDone;
  lax_ = false;
  capturing_ = false;
}

Status VicsSplitter::Step() {
  const size_t n = chunk_.size();
  while (pos_ < n && !ready_ && state_ != State::kDone) {
    if (lax_) {
      LaxStep();
      continue;
    }
    if (Status s = Envelope(chunk_[pos_]); !s.ok()) return s;
  }
  return Status::Ok();
}

// One byte of the envelope (everything outside skipped values and Media objects).
Status VicsSplitter::Envelope(uint8_t c) {
  if (state_ == State::kBeforeRoot) {
    static constexpr uint8_t kBom[] = {0xEF, 0xBB, 0xBF};
    if (!any_before_root_ && bom_ < 3 && c == kBom[bom_]) {
      ++bom_;
      ++pos_;
      return Status::Ok();
    }
    if (bom_ != 0 && bom_ != 3) return Status::Error("not_vics", "the file does not start with a JSON object");
    any_before_root_ = true;
    if (IsSpace(c)) {
      if (c == '\n') ++line_;
      ++pos_;
      return Status::Ok();
    }
    if (c != '{') return Status::Error("not_vics", "the file does not start with a JSON object");
    stack_.push_back({Role::kRoot, true, Expect::kKeyOrEnd, {}});
    state_ = State::kInRoot;
    ++pos_;
    return Status::Ok();
  }
  if (state_ == State::kAfterRoot) {
    if (IsSpace(c)) {
      if (c == '\n') ++line_;
      ++pos_;
      return Status::Ok();
    }
    EmitBad({line_, 0}, "trailing_data", "data after the end of the JSON document: " + Shown(c));
    state_ = State::kDone;
    return Status::Ok();
  }

  if (tok_ == Tok::kKey || tok_ == Tok::kString) {
    ++pos_;
    if (escape_) {
      escape_ = false;
    } else if (c == '\\') {
      escape_ = true;
    } else if (c == '"') {
      if (tok_ == Tok::kKey) stack_.back().expect = Expect::kColon;
      tok_ = Tok::kNone;
      model_string_ = false;
      return Status::Ok();
    }
    if (c == '\n') ++line_;
    if (tok_ == Tok::kKey && stack_.back().key.size() < kMaxKey + 1) stack_.back().key += static_cast<char>(c);
    if (model_string_ && model_.size() < kMaxModel) model_ += static_cast<char>(c);
    return Status::Ok();
  }
  if (tok_ == Tok::kLiteral) {
    if (IsLiteralChar(c)) {
      ++pos_;
      return Status::Ok();
    }
    tok_ = Tok::kNone;  // the literal ended; `c` is handled below
  }

  Frame& f = stack_.back();
  switch (c) {
    case ' ':
    case '\t':
    case '\r':
      ++pos_;
      return Status::Ok();
    case '\n':
      ++line_;
      ++pos_;
      return Status::Ok();
    case '}':
    case ']':
      return EndContainer(c);
    case ':':
      if (!f.object || f.expect != Expect::kColon) break;
      f.expect = Expect::kValue;
      ++pos_;
      return Status::Ok();
    case ',':
      if (f.expect != Expect::kCommaOrEnd) break;
      f.expect = f.object ? Expect::kKey : Expect::kValue;
      ++pos_;
      return Status::Ok();
    case '"':
      if (f.object && (f.expect == Expect::kKeyOrEnd || f.expect == Expect::kKey)) {
        f.key.clear();
        tok_ = Tok::kKey;
        ++pos_;
        return Status::Ok();
      }
      return BeginValue(c);
    default:
      if (c == '{' || c == '[' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n') {
        return BeginValue(c);
      }
      break;
  }
  Fatal("line " + std::to_string(line_) + ": unexpected " + Shown(c));
  return Status::Ok();
}

// A value starts in the top frame with byte `c` ('{', '[', '"' or a literal's first byte).
Status VicsSplitter::BeginValue(uint8_t c) {
  Frame& f = stack_.back();
  if (f.expect != Expect::kValue && f.expect != Expect::kValueOrEnd) {
    Fatal("line " + std::to_string(line_) + ": unexpected " + Shown(c));
    return Status::Ok();
  }
  f.expect = Expect::kCommaOrEnd;  // what follows once this value is complete
  const bool container = c == '{' || c == '[';
  const Role role = f.role;
  const std::string key = f.object ? f.key : std::string();

  if ((role == Role::kValueArray || role == Role::kMediaArray) && c != '{') {
    ++record_;
    EmitBad({line_, record_}, "not_an_object",
            "an element of the " + std::string(role == Role::kValueArray ? "value" : "Media") +
                " array is not a JSON object");
  }
  if (role == Role::kRoot && key == "value") {
    if (c != '[') return Status::Error("not_vics", "\"value\" is not an array");
    saw_value_array_ = true;
    stack_.push_back({Role::kValueArray, false, Expect::kValueOrEnd, {}});
    ++pos_;
    return Status::Ok();
  }
  if (role == Role::kCase && key == "Media" && c == '[') {
    stack_.push_back({Role::kMediaArray, false, Expect::kValueOrEnd, {}});
    ++pos_;
    return Status::Ok();
  }
  if (c == '{' && role == Role::kValueArray) {
    StartLax(Lax::kCandidate);
    return Status::Ok();
  }
  if (c == '{' && role == Role::kMediaArray) {
    StartLax(Lax::kMedia);
    return Status::Ok();
  }
  if (container) {
    if (stack_.size() >= static_cast<size_t>(kMaxVicsDepth)) {
      Fatal("line " + std::to_string(line_) + ": nesting deeper than " + std::to_string(kMaxVicsDepth));
      return Status::Ok();
    }
    StartLax(Lax::kSkip);
    return Status::Ok();
  }
  ++pos_;
  if (c == '"') {
    tok_ = Tok::kString;
    escape_ = false;
    model_string_ = role == Role::kRoot && (key == "odata.metadata" || key == "@odata.context");
    if (model_string_) model_.clear();
  } else {
    tok_ = Tok::kLiteral;
  }
  return Status::Ok();
}

Status VicsSplitter::EndContainer(uint8_t c) {
  Frame& f = stack_.back();
  const bool object = c == '}';
  const bool may_end = object ? (f.expect == Expect::kKeyOrEnd || f.expect == Expect::kCommaOrEnd)
                              : (f.expect == Expect::kValueOrEnd || f.expect == Expect::kCommaOrEnd);
  if (f.object != object || !may_end) {
    Fatal("line " + std::to_string(line_) + ": unexpected " + Shown(c));
    return Status::Ok();
  }
  ++pos_;
  stack_.pop_back();
  if (stack_.empty()) {
    if (!saw_value_array_) return Status::Error("not_vics", "no \"value\" array in the root object");
    state_ = State::kAfterRoot;
  }
  return Status::Ok();
}

void VicsSplitter::StartLax(Lax kind) {
  lax_ = true;
  lax_kind_ = kind;
  lax_depth_ = 1;
  lax_objects_.reset();
  lax_objects_[1] = chunk_[pos_] == '{';
  lax_string_ = lax_escape_ = false;
  cand_key_.clear();
  cand_pending_key_ = cand_after_colon_ = cand_media_key_ = false;
  if (kind != Lax::kSkip) {
    capturing_ = true;
    capture_overflow_ = false;
    capture_.clear();
    capture_from_ = pos_;
    capture_pos_ = {line_, ++record_};
  }
  ++pos_;
}

// Scans as far as possible inside the current lax value.
void VicsSplitter::LaxStep() {
  const uint8_t* p = chunk_.data();
  const size_t n = chunk_.size();
  const bool watch = lax_kind_ == Lax::kCandidate;
  while (pos_ < n) {
    if (lax_string_) {
      // Jump to the next quote, backslash or newline; a watched key keeps its first bytes.
      if (!lax_escape_) {
        const uint8_t* q = p + pos_;
        const uint8_t* end = p + n;
        while (q < end && *q != '"' && *q != '\\' && *q != '\n') ++q;
        const size_t run = static_cast<size_t>(q - p) - pos_;
        if (watch && lax_depth_ == 1 && cand_key_.size() <= kMaxKey) {
          cand_key_.append(reinterpret_cast<const char*>(p + pos_), std::min(run, kMaxKey + 1 - cand_key_.size()));
        }
        pos_ += run;
        if (pos_ == n) return;
      }
      const uint8_t c = p[pos_++];
      if (lax_escape_) {
        lax_escape_ = false;
      } else if (c == '\\') {
        lax_escape_ = true;
      } else if (c == '"') {
        lax_string_ = false;
        if (watch && lax_depth_ == 1) cand_pending_key_ = true;
        continue;
      }
      if (c == '\n') ++line_;
      if (watch && lax_depth_ == 1 && cand_key_.size() <= kMaxKey) cand_key_ += static_cast<char>(c);
      continue;
    }
    if (!(watch && lax_depth_ == 1)) {
      // Outside strings only brackets, quotes and newlines matter here.
      const uint8_t* q = p + pos_;
      const uint8_t* end = p + n;
      while (q < end && *q != '"' && *q != '{' && *q != '}' && *q != '[' && *q != ']' && *q != '\n') ++q;
      pos_ = static_cast<size_t>(q - p);
      if (pos_ == n) return;
    }
    const uint8_t c = p[pos_];
    if (c == '\n') ++line_;
    if (IsSpace(c)) {
      ++pos_;
      continue;
    }
    if (watch && lax_depth_ == 1) {
      if (c == ':' && cand_pending_key_) {
        cand_after_colon_ = true;
        cand_media_key_ = cand_key_ == "Media";
        cand_pending_key_ = false;
        ++pos_;
        continue;
      }
      if (c == '[' && cand_after_colon_ && cand_media_key_) {
        ConvertCandidateToCase();
        return;
      }
      cand_after_colon_ = cand_pending_key_ = false;
      if (c == '"') cand_key_.clear();
    }
    ++pos_;
    switch (c) {
      case '"':
        lax_string_ = true;
        break;
      case '{':
      case '[':
        if (lax_depth_ + static_cast<int>(stack_.size()) >= kMaxVicsDepth) {
          Fatal("line " + std::to_string(line_) + ": nesting deeper than " + std::to_string(kMaxVicsDepth));
          return;
        }
        lax_objects_[++lax_depth_] = c == '{';
        break;
      case '}':
      case ']':
        if (lax_objects_[lax_depth_] != (c == '}')) {
          Fatal("line " + std::to_string(line_) + ": unexpected " + Shown(c));
          return;
        }
        if (--lax_depth_ == 0) {
          FinishLax();
          return;
        }
        break;
      default:
        break;
    }
  }
}

// The element of value[] being captured has a "Media" array: it is a case, not a Media object.
// Its remaining keys are read as envelope; pos_ is at the '[' of the Media array.
void VicsSplitter::ConvertCandidateToCase() {
  lax_ = false;
  capturing_ = false;
  --record_;
  saw_cases_ = true;
  Frame c{Role::kCase, true, Expect::kCommaOrEnd, "Media"};
  stack_.push_back(std::move(c));
  stack_.push_back({Role::kMediaArray, false, Expect::kValueOrEnd, {}});
  ++pos_;
}

void VicsSplitter::FinishLax() {
  lax_ = false;
  if (lax_kind_ == Lax::kSkip) return;
  FlushCapture(pos_);
  capturing_ = false;
  if (lax_kind_ == Lax::kCandidate) saw_media_values_ = true;
  if (capture_overflow_) {
    EmitBad(capture_pos_, "record_too_large", "Media object larger than " + std::to_string(kMaxVicsRecord) + " bytes");
    return;
  }
  Item item;
  item.kind = Item::kMedia;
  item.pos = capture_pos_;
  item.text = &capture_;
  Emit(std::move(item));
}

void VicsSplitter::FlushCapture(size_t end) {
  if (!capturing_ || end <= capture_from_) {
    capture_from_ = end;
    return;
  }
  const size_t len = end - capture_from_;
  if (!capture_overflow_) {
    if (capture_.size() + len > kMaxVicsRecord) {
      capture_overflow_ = true;
      capture_.clear();
      capture_.shrink_to_fit();
    } else {
      capture_.append(reinterpret_cast<const char*>(chunk_.data()) + capture_from_, len);
    }
  }
  capture_from_ = end;
}

Status VicsSplitter::AtEof() {
  switch (state_) {
    case State::kBeforeRoot:
      return Status::Error("not_vics", "no JSON object in the file");
    case State::kAfterRoot:
    case State::kDone:
      state_ = State::kDone;
      return Status::Ok();
    case State::kInRoot:
      break;
  }
  if (lax_ && lax_kind_ != Lax::kSkip) {
    EmitBad(capture_pos_, "truncated", "the file ends inside this Media object");
  } else {
    EmitBad({line_, 0}, "truncated", "the file ends inside the JSON document");
  }
  state_ = State::kDone;
  lax_ = capturing_ = false;
  return Status::Ok();
}

}  // namespace ngb::hashset
