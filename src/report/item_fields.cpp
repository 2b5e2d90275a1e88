#include "report/item_fields.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/provenance.h"
#include "core/time_util.h"
#include "report/html_text.h"

namespace ngb::report {
namespace {

nlohmann::ordered_json Time(const TimeNs& t) {
  return t ? nlohmann::ordered_json(Iso8601FromNs(*t)) : nlohmann::ordered_json(nullptr);
}
nlohmann::ordered_json TextOrNull(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

}  // namespace

const std::vector<std::string>& ItemFieldNames() {
  static const std::vector<std::string> kNames = {
      "id",     "scan_id", "source", "path",  "path_b64", "parent_id",   "depth",
      "kind",   "size",    "mtime",  "atime", "ctime",    "btime",       "mode",
      "inode",  "link_target", "sparse", "type", "ext_mismatch", "md5",  "sha1",
      "sha256", "error",   "error_detail", "entropy", "pdq", "pdq_quality", "matches",
      "alloc",  "classify", "faces", "ocr_text", "attrs"};
  return kNames;
}

nlohmann::ordered_json MatchesJson(const std::vector<HashMatch>& matches) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const HashMatch& m : matches) {
    nlohmann::ordered_json o;
    o["set"] = m.set;
    o["kind"] = m.kind;
    o["type"] = m.type;
    o["hash"] = m.hash;
    o["distance"] = m.distance;
    o["category"] = m.category ? nlohmann::ordered_json(*m.category) : nlohmann::ordered_json(nullptr);
    arr.push_back(std::move(o));
  }
  return arr;
}

nlohmann::ordered_json ItemFields(const ItemRow& row) {
  const ItemRecord& r = row.rec;
  nlohmann::ordered_json j;
  j["id"] = r.id;
  j["scan_id"] = r.scan_id;
  j["source"] = DisplayPath(row.source_label);
  j["path"] = DisplayPath(r.path);
  // Lossless form, only when the display form had to escape invalid UTF-8.
  j["path_b64"] = IsValidUtf8(r.path) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(Base64(r.path));
  j["parent_id"] = r.parent_id ? nlohmann::ordered_json(r.parent_id) : nlohmann::ordered_json(nullptr);
  j["depth"] = r.depth;
  j["kind"] = ItemKindName(r.kind);
  j["size"] = r.size ? nlohmann::ordered_json(*r.size) : nlohmann::ordered_json(nullptr);
  j["mtime"] = Time(r.mtime);
  j["atime"] = Time(r.atime);
  j["ctime"] = Time(r.ctime);
  j["btime"] = Time(r.btime);
  if (r.mode) {
    char m[16];
    snprintf(m, sizeof m, "%o", *r.mode & 07777);
    j["mode"] = m;
  } else {
    j["mode"] = nullptr;
  }
  j["inode"] = r.inode ? nlohmann::ordered_json(*r.inode) : nlohmann::ordered_json(nullptr);
  j["link_target"] = r.link_target.empty() ? nlohmann::ordered_json(nullptr)
                                           : nlohmann::ordered_json(DisplayPath(r.link_target));
  j["sparse"] = r.sparse;
  j["type"] = TextOrNull(r.mime);
  j["ext_mismatch"] = r.ext_mismatch ? nlohmann::ordered_json(*r.ext_mismatch) : nlohmann::ordered_json(nullptr);
  j["md5"] = TextOrNull(r.md5);
  j["sha1"] = TextOrNull(r.sha1);
  j["sha256"] = TextOrNull(r.sha256);
  j["error"] = TextOrNull(r.error);
  j["error_detail"] = TextOrNull(r.error_detail);
  j["entropy"] = r.entropy ? nlohmann::ordered_json(std::round(*r.entropy * 1000) / 1000) : nlohmann::ordered_json(nullptr);
  j["pdq"] = TextOrNull(r.pdq);
  j["pdq_quality"] = r.pdq_quality ? nlohmann::ordered_json(*r.pdq_quality) : nlohmann::ordered_json(nullptr);
  j["matches"] = MatchesJson(r.matches);
  // Items inside disk images: true allocated, false deleted; null elsewhere.
  j["alloc"] = r.allocated ? nlohmann::ordered_json(*r.allocated) : nlohmann::ordered_json(nullptr);
  // scan --classify: {"model", "drawing", "hentai", "neutral", "porn", "sexy", "priority", "error"}
  // (the classify.* attributes, numbers as numbers), the face count and the OCR text; null when absent.
  // `attrs`: every stored attribute as text, by key (phone.display_path, carve.offset, media.md5,
  // ...); null when the item has none.
  nlohmann::ordered_json classify(nullptr), faces(nullptr), ocr(nullptr), attrs(nullptr);
  for (const auto& [key, value] : r.attrs) {
    attrs[key] = DisplayPath(value);
    if (key.rfind("classify.", 0) == 0) {
      const std::string name = key.substr(9);
      if (name == "model" || name == "error") classify[name] = value;
      else classify[name] = std::strtod(value.c_str(), nullptr);
    } else if (key == "faces.count") {
      faces = std::strtoll(value.c_str(), nullptr, 10);
    } else if (key == "ocr.text") {
      ocr = value;
    }
  }
  j["classify"] = classify;
  j["faces"] = faces;
  j["ocr_text"] = ocr;
  j["attrs"] = attrs;
  return j;
}

}  // namespace ngb::report
