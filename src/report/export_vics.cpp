#include <map>
#include <nlohmann/json.hpp>

#include "core/provenance.h"
#include "report/export.h"

namespace ngb::report {

namespace {

// VICS categories from most to least severe (1 CSAM, 2 exploitative, 3 CGI, 4 comparison,
// 0 non-pertinent): the category of an item is the most severe of its alert-set hits.
int Severity(int category) {
  switch (category) {
    case 1: return 5;
    case 2: return 4;
    case 3: return 3;
    case 4: return 2;
    case 0: return 0;
    default: return 1;
  }
}

bool IsMedia(const ItemRecord& r) {
  return r.mime.starts_with("image/") || r.mime.starts_with("video/") || !r.pdq.empty();
}

}  // namespace

// A VICS 2.0 case file (the Project VIC data model's "Cases" envelope) of the case's media:
// images and videos with their MD5/SHA-1 (and PDQ as an AlternativeHash), the category of their
// alert-set hits where known (null otherwise: uncategorised), and every place the same content
// was found as MediaFiles (provenance paths). Media are merged by SHA-1 so that duplicates are
// one Media with several files. The importer (`hashset import --format vics`) reads this back.
Result<ExportStats> ExportVics(store::Db& db, const ExportOptions& options, std::ostream& out) {
  struct Media {
    ItemRecord rec;
    std::optional<int> category;
    std::vector<std::string> paths;
  };
  std::vector<Media> media;
  std::map<std::string, size_t> by_sha1;
  Status s = ForEachItem(db, options.filter, [&](const ItemRow& row) {
    const ItemRecord& r = row.rec;
    if (r.sha1.empty() || !IsMedia(r)) return true;
    auto [it, fresh] = by_sha1.emplace(r.sha1, media.size());
    if (fresh) {
      media.push_back(Media{});
      media.back().rec = r;
    }
    Media& m = media[it->second];
    m.paths.push_back(DisplayPath(r.path));
    for (const HashMatch& hit : r.matches) {
      if (!hit.category) continue;
      if (!m.category || Severity(*hit.category) > Severity(*m.category)) m.category = hit.category;
    }
    return true;
  });
  if (!s.ok()) return s;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  int64_t id = 0;
  for (const Media& m : media) {
    nlohmann::ordered_json j;
    j["MediaID"] = ++id;
    j["Category"] = m.category ? nlohmann::ordered_json(*m.category) : nlohmann::ordered_json(nullptr);
    j["MD5"] = m.rec.md5;
    j["SHA1"] = m.rec.sha1;
    if (m.rec.size) j["MediaSize"] = *m.rec.size;
    if (!m.rec.pdq.empty()) {
      j["AlternativeHashes"] = nlohmann::ordered_json::array(
          {{{"HashName", "PDQ"}, {"HashValue", m.rec.pdq}, {"Quality", m.rec.pdq_quality.value_or(0)}}});
    }
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const std::string& p : m.paths) {
      const std::string_view base = BaseName(p);
      files.push_back({{"FileName", std::string(base)}, {"FilePath", p}});
    }
    j["MediaFiles"] = std::move(files);
    list.push_back(std::move(j));
  }
  nlohmann::ordered_json doc;
  doc["@odata.context"] = "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases";
  nlohmann::ordered_json c;
  c["CaseNumber"] = options.case_number;
  c["SourceApplicationName"] = "Nigehbaan";
  c["SourceApplicationVersion"] = options.tool_version;
  c["Media"] = std::move(list);
  doc["value"] = nlohmann::ordered_json::array({std::move(c)});
  out << doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  if (!out) return Status::Error("write_error", "cannot write the export");
  ExportStats stats;
  stats.rows = id;
  return stats;
}

}  // namespace ngb::report
