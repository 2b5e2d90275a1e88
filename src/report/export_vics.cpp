#include <map>
#include <nlohmann/json.hpp>

#include "core/provenance.h"
#include "report/export.h"
#include "report/review_state.h"

namespace ngb::report {

namespace {

bool IsMedia(const ItemRecord& r) {
  return r.mime.starts_with("image/") || r.mime.starts_with("video/") || !r.pdq.empty();
}

}  // namespace

// A VICS 2.0 case file (the Project VIC data model's "Cases" envelope) of the case's media:
// images and videos with their MD5/SHA-1 (and PDQ as an AlternativeHash), their category and every
// place the same content was found as MediaFiles (provenance paths). Media are merged by SHA-1 so
// that duplicates are one Media with several files. The importer (`hashset import --format vics`)
// reads this back.
//
// Category: reviewers' decisions win (the most severe decided category among the media's files);
// without one, the most severe hash-set category (IsPrecategorized = true: the category was not
// set by a reviewer of this case); otherwise null (uncategorised). When a reviewer's category
// differs from the hash-set category, Comments says so, so both are on record. Reviewers' tags
// go to Tags, their notes to Comments.
Result<ExportStats> ExportVics(store::Db& db, const ExportOptions& options, std::ostream& out) {
  struct Media {
    ItemRecord rec;
    std::optional<int> reviewed, hashset;
    std::vector<std::string> paths, tags, comments;
  };
  auto more_severe = [](std::optional<int>& best, std::optional<int> c) {
    if (c && (!best || CategorySeverity(*c) > CategorySeverity(*best))) best = c;
  };
  Result<ReviewLookup> reviews = ReviewLookup::Prepare(db);
  if (!reviews.ok()) return reviews.status();
  std::vector<Media> media;
  std::map<std::string, size_t> by_sha1;
  Status lookup_error;
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
    more_severe(m.hashset, HashSetCategory(r.matches));
    Result<std::optional<ReviewState>> review = reviews->Get(r.id);
    if (!review.ok()) {
      lookup_error = review.status();
      return false;
    }
    if (const std::optional<ReviewState>& d = *review) {
      more_severe(m.reviewed, d->category);
      for (const std::string& t : d->tags) {
        if (std::find(m.tags.begin(), m.tags.end(), t) == m.tags.end()) m.tags.push_back(t);
      }
      if (!d->note.empty()) m.comments.push_back(d->reviewer + ": " + d->note);
    }
    return true;
  });
  if (!s.ok()) return s;
  if (!lookup_error.ok()) return lookup_error;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  int64_t id = 0;
  for (Media& m : media) {
    const std::optional<int> category = m.reviewed ? m.reviewed : m.hashset;
    if (m.reviewed && m.hashset && *m.reviewed != *m.hashset) {
      m.comments.insert(m.comments.begin(), "reviewer category " + std::to_string(*m.reviewed) +
                                                " (hash-set category " + std::to_string(*m.hashset) + ")");
    }
    nlohmann::ordered_json j;
    j["MediaID"] = ++id;
    j["Category"] = category ? nlohmann::ordered_json(*category) : nlohmann::ordered_json(nullptr);
    j["IsPrecategorized"] = !m.reviewed && m.hashset.has_value();
    j["MD5"] = m.rec.md5;
    j["SHA1"] = m.rec.sha1;
    if (m.rec.size) j["MediaSize"] = *m.rec.size;
    if (!m.rec.pdq.empty()) {
      j["AlternativeHashes"] = nlohmann::ordered_json::array(
          {{{"HashName", "PDQ"}, {"HashValue", m.rec.pdq}, {"Quality", m.rec.pdq_quality.value_or(0)}}});
    }
    if (!m.tags.empty()) j["Tags"] = m.tags;
    if (!m.comments.empty()) {
      std::string c;
      for (const std::string& line : m.comments) c += (c.empty() ? "" : "\n") + line;
      j["Comments"] = c;
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
