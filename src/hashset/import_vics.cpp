// Project VIC VICS JSON: the splitter cuts out one Media object at a time, simdjson (On-Demand)
// reads its fields. Field names are matched case-insensitively; unknown fields are ignored.
//
//   MD5, SHA1, SHA256        hex strings ("" or null: absent)
//   Category                 integer or integer string 0..99, or null
//   VictimIdentified         true/false, "true"/"false" (any case), "yes"/"no", "1"/"0", 1/0, null
//   Series                   string (or number), null
//   Tags                     array of strings, or one string split at ',', ';' and '|'
//   Name                     file name; else the first MediaFiles[].FileName
//   MediaSize                unsigned integer or digit string
//   PDQ / PDQHash            64 hex digits; PDQQuality 0..100
//   AlternativeHashes        [{HashName, HashValue[, Quality]}]: the one named "PDQ"/"PDQHash"
//                            is the PDQ; others (e.g. PhotoDNA) are not stored
#include <simdjson.h>

#include <charconv>
#include <string>

#include "hashset/hex.h"
#include "hashset/line_reader.h"
#include "hashset/parsers.h"
#include "hashset/vics_splitter.h"

namespace ngb::hashset {
namespace {

namespace od = simdjson::ondemand;

// ASCII case-insensitive equality. REQUIRES: `b` holds only letters and digits.
bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  }
  return true;
}

enum class Field {
  kOther,
  kMd5,
  kSha1,
  kSha256,
  kCategory,
  kVictim,
  kSeries,
  kTags,
  kName,
  kMediaFiles,
  kMediaSize,
  kPdq,
  kPdqQuality,
  kAlternativeHashes
};

Field ClassifyKey(std::string_view key) {
  static constexpr std::pair<std::string_view, Field> kFields[] = {{"MD5", Field::kMd5},
                                                                   {"SHA1", Field::kSha1},
                                                                   {"SHA256", Field::kSha256},
                                                                   {"Category", Field::kCategory},
                                                                   {"VictimIdentified", Field::kVictim},
                                                                   {"Series", Field::kSeries},
                                                                   {"Tags", Field::kTags},
                                                                   {"Name", Field::kName},
                                                                   {"MediaFiles", Field::kMediaFiles},
                                                                   {"MediaSize", Field::kMediaSize},
                                                                   {"PDQ", Field::kPdq},
                                                                   {"PDQHash", Field::kPdq},
                                                                   {"PDQQuality", Field::kPdqQuality},
                                                                   {"AlternativeHashes", Field::kAlternativeHashes}};
  for (const auto& [name, field] : kFields) {
    if (EqualsNoCase(key, name)) return field;  // the length test rejects most at once
  }
  return Field::kOther;
}

struct Problem {
  std::string reason;
  std::string detail;
};

// Field readers: true on success (absent/null leaves `out` unset); false with `p` filled.
class MediaReader {
 public:
  explicit MediaReader(Problem& p) : p_(p) {}

  bool Fail(const char* reason, std::string detail) {
    p_.reason = reason;
    p_.detail = std::move(detail);
    return false;
  }
  bool Json(simdjson::error_code e) { return Fail("malformed_json", simdjson::error_message(e)); }

  // A string or null. `present` is false for null and for "".
  bool String(od::value& v, std::string_view field, std::string_view& out, bool& present) {
    present = false;
    od::json_type t;
    if (auto e = v.type().get(t)) return Json(e);
    if (t == od::json_type::null) return true;
    if (t != od::json_type::string) return Fail("bad_field", std::string(field) + " is not a string");
    if (auto e = v.get_string().get(out)) return Json(e);
    out = TrimSpace(out);
    present = !out.empty();
    return true;
  }

  template <size_t N>
  bool Digest(od::value& v, std::string_view field, const char* reason, std::optional<std::array<uint8_t, N>>& out) {
    std::string_view s;
    bool present;
    if (!String(v, field, s, present)) return false;
    if (!present) return true;
    out = ParseHexDigest<N>(s);
    if (!out)
      return Fail(reason, std::string(field) + " is not " + std::to_string(2 * N) + " hex digits: " + Excerpt(s));
    return true;
  }

  bool Pdq(od::value& v, std::string_view field, ParsedRecord& r) {
    std::string_view s;
    bool present;
    if (!String(v, field, s, present)) return false;
    if (!present) return true;
    r.pdq = Hash256::ParseHex(s);
    if (!r.pdq) return Fail("bad_pdq", std::string(field) + " is not 64 hex digits: " + Excerpt(s));
    return true;
  }

  // An integer in [lo, hi], as a number or a digit string; null or "" leaves `out` unset.
  bool Int(od::value& v, std::string_view field, const char* reason, int64_t lo, int64_t hi,
           std::optional<int64_t>& out) {
    od::json_type t;
    if (auto e = v.type().get(t)) return Json(e);
    int64_t n = 0;
    if (t == od::json_type::null) return true;
    if (t == od::json_type::number) {
      if (v.get_int64().get(n)) return Fail(reason, std::string(field) + " is not an integer");
    } else if (t == od::json_type::string) {
      std::string_view s;
      if (auto e = v.get_string().get(s)) return Json(e);
      s = TrimSpace(s);
      if (s.empty()) return true;
      auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
      if (ec != std::errc() || p != s.data() + s.size()) {
        return Fail(reason, std::string(field) + " is not an integer: " + Excerpt(s));
      }
    } else {
      return Fail(reason, std::string(field) + " is not an integer");
    }
    if (n < lo || n > hi) {
      return Fail(reason, std::string(field) + " " + std::to_string(n) + " is outside " + std::to_string(lo) + ".." +
                              std::to_string(hi));
    }
    out = n;
    return true;
  }

  bool Bool(od::value& v, std::string_view field, std::optional<bool>& out) {
    od::json_type t;
    if (auto e = v.type().get(t)) return Json(e);
    if (t == od::json_type::null) return true;
    if (t == od::json_type::boolean) {
      bool b;
      if (auto e = v.get_bool().get(b)) return Json(e);
      out = b;
      return true;
    }
    std::string_view s;
    if (t == od::json_type::number) {
      s = v.raw_json_token();
    } else if (t == od::json_type::string) {
      if (auto e = v.get_string().get(s)) return Json(e);
    } else {
      return Fail("bad_boolean", std::string(field) + " is not a boolean");
    }
    s = TrimSpace(s);
    if (s.empty()) return true;
    for (std::string_view yes : {"true", "yes", "1", "y"}) {
      if (EqualsNoCase(s, yes)) {
        out = true;
        return true;
      }
    }
    for (std::string_view no : {"false", "no", "0", "n"}) {
      if (EqualsNoCase(s, no)) {
        out = false;
        return true;
      }
    }
    return Fail("bad_boolean", std::string(field) + " is not a boolean: " + Excerpt(s));
  }

  bool Series(od::value& v, std::string& out) {
    od::json_type t;
    if (auto e = v.type().get(t)) return Json(e);
    std::string_view s;
    if (t == od::json_type::null) return true;
    if (t == od::json_type::string) {
      if (auto e = v.get_string().get(s)) return Json(e);
    } else if (t == od::json_type::number) {
      s = v.raw_json_token();
    } else {
      return Fail("bad_field", "Series is not a string");
    }
    out = std::string(TrimSpace(s).substr(0, kMaxSeries));
    return true;
  }

  static void AddTag(std::vector<std::string>& tags, std::string_view tag) {
    tag = TrimSpace(tag);
    if (!tag.empty() && tags.size() < kMaxTags) tags.emplace_back(tag.substr(0, kMaxTag));
  }

  bool Tags(od::value& v, std::vector<std::string>& tags) {
    od::json_type t;
    if (auto e = v.type().get(t)) return Json(e);
    if (t == od::json_type::null) return true;
    if (t == od::json_type::string) {
      std::string_view s;
      if (auto e = v.get_string().get(s)) return Json(e);
      while (!s.empty()) {
        const size_t sep = s.find_first_of(",;|");
        AddTag(tags, s.substr(0, sep));
        if (sep == std::string_view::npos) break;
        s.remove_prefix(sep + 1);
      }
      return true;
    }
    if (t != od::json_type::array) return Fail("bad_field", "Tags is neither a string nor an array");
    od::array a;
    if (auto e = v.get_array().get(a)) return Json(e);
    for (auto element : a) {
      od::value ev;
      if (auto e = std::move(element).get(ev)) return Json(e);
      std::string_view s;
      bool present;
      if (!String(ev, "Tags[]", s, present)) return false;
      if (present) AddTag(tags, s);
    }
    return true;
  }

  // MediaFiles: [{"FileName": ...}, ...] — the first non-empty FileName.
  bool FirstFileName(od::value& v, std::string& out) {
    od::json_type t;
    if (auto e = v.type().get(t)) return Json(e);
    if (t != od::json_type::array) return true;
    od::array a;
    if (auto e = v.get_array().get(a)) return Json(e);
    for (auto element : a) {
      od::object o;
      if (element.get_object().get(o)) continue;
      for (auto fr : o) {
        od::field f;
        if (auto e = std::move(fr).get(f)) return Json(e);
        std::string_view key;
        if (auto e = f.unescaped_key().get(key)) return Json(e);
        if (!out.empty() || !EqualsNoCase(key, "FileName")) continue;
        std::string_view s;
        bool present;
        if (!String(f.value(), "FileName", s, present)) return false;
        if (present) out = std::string(s.substr(0, kMaxFileName));
      }
    }
    return true;
  }

  // AlternativeHashes: [{"HashName": "PDQ", "HashValue": "...", "Quality": 90}, ...]
  bool AlternativeHashes(od::value& v, ParsedRecord& r) {
    od::json_type t;
    if (auto e = v.type().get(t)) return Json(e);
    if (t == od::json_type::null) return true;
    if (t != od::json_type::array) return Fail("bad_field", "AlternativeHashes is not an array");
    od::array a;
    if (auto e = v.get_array().get(a)) return Json(e);
    for (auto element : a) {
      od::object o;
      if (element.get_object().get(o)) return Fail("bad_field", "AlternativeHashes[] is not an object");
      std::string name, value;
      std::optional<int64_t> quality;
      for (auto fr : o) {
        od::field f;
        if (auto e = std::move(fr).get(f)) return Json(e);
        std::string_view key;
        if (auto e = f.unescaped_key().get(key)) return Json(e);
        std::string_view s;
        bool present = false;
        if (EqualsNoCase(key, "HashName")) {
          if (!String(f.value(), "HashName", s, present)) return false;
          name = s;
        } else if (EqualsNoCase(key, "HashValue")) {
          if (!String(f.value(), "HashValue", s, present)) return false;
          value = s;
        } else if (EqualsNoCase(key, "Quality") || EqualsNoCase(key, "PDQQuality")) {
          if (!Int(f.value(), "Quality", "bad_quality", 0, 100, quality)) return false;
        }
      }
      if (!EqualsNoCase(name, "PDQ") && !EqualsNoCase(name, "PDQHash")) continue;
      r.pdq = Hash256::ParseHex(value);
      if (!r.pdq) return Fail("bad_pdq", "PDQ HashValue is not 64 hex digits: " + Excerpt(value));
      if (quality) r.pdq_quality = static_cast<int>(*quality);
    }
    return true;
  }

 private:
  Problem& p_;
};

bool ParseMedia(od::parser& parser, std::string& text, ParsedRecord& r, Problem& p) {
  MediaReader m(p);
  text.reserve(text.size() + simdjson::SIMDJSON_PADDING);
  od::document doc;
  if (auto e = parser.iterate(text.data(), text.size(), text.capacity()).get(doc)) return m.Json(e);
  od::object obj;
  if (auto e = doc.get_object().get(obj)) return m.Json(e);
  std::string media_file_name;
  std::optional<int64_t> category, size, quality;
  for (auto fr : obj) {
    od::field field;
    if (auto e = std::move(fr).get(field)) return m.Json(e);
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return m.Json(e);
    od::value& v = field.value();
    bool ok = true;
    switch (ClassifyKey(key)) {
      case Field::kMd5:
        ok = m.Digest<16>(v, "MD5", "bad_md5", r.md5);
        break;
      case Field::kSha1:
        ok = m.Digest<20>(v, "SHA1", "bad_sha1", r.sha1);
        break;
      case Field::kSha256:
        ok = m.Digest<32>(v, "SHA256", "bad_sha256", r.sha256);
        break;
      case Field::kCategory:
        ok = m.Int(v, "Category", "bad_category", 0, 99, category);
        break;
      case Field::kVictim:
        ok = m.Bool(v, "VictimIdentified", r.victim_identified);
        break;
      case Field::kSeries:
        ok = m.Series(v, r.series);
        break;
      case Field::kTags:
        ok = m.Tags(v, r.tags);
        break;
      case Field::kName: {
        std::string_view s;
        bool present;
        ok = m.String(v, "Name", s, present);
        if (ok && present) r.file_name = std::string(s.substr(0, kMaxFileName));
        break;
      }
      case Field::kMediaFiles:
        ok = m.FirstFileName(v, media_file_name);
        break;
      case Field::kMediaSize:
        ok = m.Int(v, "MediaSize", "bad_size", 0, INT64_MAX, size);
        break;
      case Field::kPdq:
        ok = m.Pdq(v, "PDQ", r);
        break;
      case Field::kPdqQuality:
        ok = m.Int(v, "PDQQuality", "bad_quality", 0, 100, quality);
        break;
      case Field::kAlternativeHashes:
        ok = m.AlternativeHashes(v, r);
        break;
      case Field::kOther:
        break;
    }
    if (!ok) return false;
  }
  if (category) r.category = static_cast<int>(*category);
  if (size) r.size = static_cast<uint64_t>(*size);
  if (quality && r.pdq) r.pdq_quality = static_cast<int>(*quality);
  if (r.file_name.empty()) r.file_name = std::move(media_file_name);
  return true;
}

// "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media" → "2.0"
std::string ModelVersion(std::string_view url) {
  const size_t at = url.find("DataModels/");
  if (at == std::string_view::npos) return {};
  std::string_view rest = url.substr(at + 11);
  const size_t xml = rest.find(".xml");
  if (xml == std::string_view::npos || xml > 16) return {};
  return std::string(rest.substr(0, xml));
}

}  // namespace

Status ParseVics(source::ByteStream& in, RecordSink& sink, SourceInfo* info) {
  VicsSplitter splitter(in);
  od::parser parser;
  ParsedRecord r;
  Problem problem;
  for (;;) {
    Result<VicsSplitter::Item> item = splitter.Next();
    if (!item.ok()) return item.status();
    if (item->kind == VicsSplitter::Item::kEnd) break;
    if (info) ++info->records;
    Status s;
    if (item->kind == VicsSplitter::Item::kBad) {
      s = sink.Bad(item->pos, item->reason, std::move(item->detail));
    } else {
      r.Clear();
      if (!ParseMedia(parser, *item->text, r, problem)) {
        s = sink.Bad(item->pos, problem.reason, std::move(problem.detail));
      } else if (!r.has_digest()) {
        s = sink.Bad(item->pos, "no_hash", "no MD5, SHA1, SHA256 or PDQ");
      } else {
        s = sink.Record(r, item->pos);
      }
    }
    if (!s.ok()) return s;
  }
  if (info) {
    info->version = ModelVersion(splitter.data_model());
    info->layout = splitter.saw_cases() ? (splitter.saw_media_values() ? "mixed" : "cases") : "media";
  }
  return Status::Ok();
}

}  // namespace ngb::hashset
