// VicsSplitter: streams a Project VIC (VICS) JSON document and cuts out one Media object at a
// time, so a file of any size is parsed with memory bounded by the largest Media object
// (kMaxVicsRecord), never by the file.
//
// It understands the envelope only: a root object whose "value" array holds either Media
// objects (hash-set files) or case objects, each of which holds a "Media" array (case files);
// both may be mixed. Other keys are skipped. Inside a Media object it only balances brackets
// and strings; the object's text is handed out whole for a real JSON parser. A structural error
// in the envelope cannot be resynchronised: it is reported once ("malformed_json") and the rest
// of the file is not read. Not thread-safe.
#pragma once
#include <bitset>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "hashset/parsers.h"
#include "hashset/types.h"
#include "source/byte_source.h"

namespace ngb::hashset {

class VicsSplitter {
 public:
  // `in` must outlive the splitter.
  explicit VicsSplitter(source::ByteStream& in);

  struct Item {
    enum Kind { kMedia, kBad, kEnd } kind = kEnd;
    RecordPos pos;                // kMedia/kBad: line where the record starts and its record number
    std::string* text = nullptr;  // kMedia: the object's JSON text, owned by the splitter and
                                  // valid (and modifiable, e.g. to add padding) until Next()
    std::string reason, detail;   // kBad
  };
  // The next Media object, bad record or the end. Errors: the stream's, and "not_vics" when the
  // input is not a JSON object with a "value" array (nothing was handed out then).
  Result<Item> Next();

  // The root's "odata.metadata" (1.3) or "@odata.context" (2.0) URL, "" if none.
  const std::string& data_model() const { return model_; }
  bool saw_cases() const { return saw_cases_; }
  bool saw_media_values() const { return saw_media_values_; }

 private:
  enum class Role : uint8_t { kRoot, kValueArray, kCase, kMediaArray };
  enum class Expect : uint8_t { kKeyOrEnd, kKey, kColon, kValue, kValueOrEnd, kCommaOrEnd };
  struct Frame {
    Role role;
    bool object;
    Expect expect;
    std::string key;  // last key of an object (first 32 bytes)
  };
  enum class Lax : uint8_t { kSkip, kCandidate, kMedia };
  enum class State : uint8_t { kBeforeRoot, kInRoot, kAfterRoot, kDone };

  Status Step();
  Status Envelope(uint8_t c);
  Status BeginValue(uint8_t c);
  Status EndContainer(uint8_t c);
  void LaxStep();
  void StartLax(Lax kind);
  void ConvertCandidateToCase();
  void FinishLax();
  void FlushCapture(size_t end);
  void Emit(Item item) { ready_ = std::move(item); }
  void EmitBad(RecordPos pos, std::string reason, std::string detail);
  void Fatal(const std::string& what);
  Status AtEof();

  source::ByteStream& in_;
  std::span<const uint8_t> chunk_;
  size_t pos_ = 0;
  uint64_t line_ = 1;
  uint64_t record_ = 0;
  State state_ = State::kBeforeRoot;
  size_t bom_ = 0;  // bytes of a UTF-8 BOM matched at the very start
  bool any_before_root_ = false;
  std::optional<Item> ready_;

  // Envelope tokenizer.
  std::vector<Frame> stack_;
  enum class Tok : uint8_t { kNone, kKey, kString, kLiteral } tok_ = Tok::kNone;
  bool escape_ = false;
  bool model_string_ = false;  // the current value string is the data-model URL
  bool saw_value_array_ = false;
  std::string model_;

  // Lax scanner: a container value skipped, or a Media/candidate object captured.
  bool lax_ = false;
  Lax lax_kind_ = Lax::kSkip;
  int lax_depth_ = 0;
  std::bitset<kMaxVicsDepth + 1> lax_objects_;  // bit d: the container at depth d is an object
  bool lax_string_ = false;
  bool lax_escape_ = false;
  // Candidate (element of value[]): watches its own keys for "Media": [ ... ].
  std::string cand_key_;
  bool cand_pending_key_ = false;
  bool cand_after_colon_ = false;
  bool cand_media_key_ = false;
  // Capture of the current Media object.
  bool capturing_ = false;
  bool capture_overflow_ = false;
  size_t capture_from_ = 0;
  std::string capture_;
  RecordPos capture_pos_;

  bool saw_cases_ = false;
  bool saw_media_values_ = false;
};

}  // namespace ngb::hashset
