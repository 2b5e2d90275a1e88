// CASE/UCO JSON-LD export (https://caseontology.org): one graph with the investigation (case
// details), the examiners and the tool, one case-investigation:InvestigativeAction per scan
// (chain of custody), and one observable per item: uco-observable:File (Directory, SymbolicLink)
// with a FileFacet and, when the content was hashed, a ContentDataFacet whose hashes are
// uco-types:Hash nodes (hashMethod typed uco-vocabulary:HashNameVocab, hashValue typed
// xsd:hexBinary). Archive members are linked to their container by an ObservableRelationship
// (a uco-core:Relationship) of kind "Contained_Within". Streamed: one object per item is written
// as it is read, so memory does not grow with the case.
//
// Every node has an @id (hashes too: no blank nodes, as CASE's validation prefers).
// @ids are deterministic ("kb:<kind>-<uuid>" where the UUID is derived from the case id and the
// item/scan id by SHA-256), so exporting the same case twice gives the same graph.
#include <map>
#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/provenance.h"
#include "core/time_util.h"
#include "hash/sha256.h"
#include "report/export.h"
#include "store/scan_record.h"

namespace ngb::report {
namespace {

using J = nlohmann::ordered_json;

// A name-based UUID (version 8, RFC 9562) from SHA-256 of the case id and a name.
std::string NameUuid(const std::string& case_id, const std::string& name) {
  std::string h = Sha256Hex(case_id + "\x1f" + name).substr(0, 32);
  h[12] = '8';
  static constexpr char kVariant[] = "89ab";
  h[16] = kVariant[(h[16] >= 'a' ? h[16] - 'a' + 10 : h[16] - '0') & 3];
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

J Typed(const char* type, J value) { return J{{"@type", type}, {"@value", std::move(value)}}; }
J Ref(const std::string& id) { return J{{"@id", id}}; }
J DateTime(int64_t ns) { return Typed("xsd:dateTime", Iso8601FromNs(ns)); }

J Context() {
  return J{{"kb", "http://example.org/kb/"},
           {"case-investigation", "https://ontology.caseontology.org/case/investigation/"},
           {"uco-action", "https://ontology.unifiedcyberontology.org/uco/action/"},
           {"uco-core", "https://ontology.unifiedcyberontology.org/uco/core/"},
           {"uco-identity", "https://ontology.unifiedcyberontology.org/uco/identity/"},
           {"uco-observable", "https://ontology.unifiedcyberontology.org/uco/observable/"},
           {"uco-tool", "https://ontology.unifiedcyberontology.org/uco/tool/"},
           {"uco-types", "https://ontology.unifiedcyberontology.org/uco/types/"},
           {"uco-vocabulary", "https://ontology.unifiedcyberontology.org/uco/vocabulary/"},
           {"xsd", "http://www.w3.org/2001/XMLSchema#"}};
}

class Ids {
 public:
  explicit Ids(std::string case_id) : case_id_(std::move(case_id)) {}
  std::string Of(const char* kind, int64_t n) const { return Of(kind, std::to_string(n)); }
  std::string Of(const char* kind, const std::string& name) const {
    return std::string("kb:") + kind + "-" + NameUuid(case_id_, std::string(kind) + ":" + name);
  }

 private:
  std::string case_id_;
};

const char* ObservableType(ItemKind k) {
  switch (k) {
    case ItemKind::kDirectory: return "uco-observable:Directory";
    case ItemKind::kSymlink: return "uco-observable:SymbolicLink";
    default: return "uco-observable:File";
  }
}

J FileObject(const ItemRow& row, const Ids& ids) {
  const ItemRecord& r = row.rec;
  const std::string id = ids.Of("file", r.id);
  J facet;
  facet["@id"] = ids.Of("file-facet", r.id);
  facet["@type"] = "uco-observable:FileFacet";
  const std::string path = DisplayPath(r.path);
  facet["uco-observable:fileName"] = DisplayPath(BaseName(r.path));
  facet["uco-observable:filePath"] = path;
  if (const std::string ext = Extension(r.path); !ext.empty()) facet["uco-observable:extension"] = DisplayPath(ext);
  facet["uco-observable:isDirectory"] = r.kind == ItemKind::kDirectory;
  if (r.size) facet["uco-observable:sizeInBytes"] = Typed("xsd:integer", *r.size);
  if (r.mtime) facet["uco-observable:modifiedTime"] = DateTime(*r.mtime);
  if (r.atime) facet["uco-observable:accessedTime"] = DateTime(*r.atime);
  if (r.ctime) facet["uco-observable:metadataChangeTime"] = DateTime(*r.ctime);
  if (r.btime) facet["uco-observable:observableCreatedTime"] = DateTime(*r.btime);
  J facets = J::array({std::move(facet)});
  J hashes = J::array();
  for (const auto& [method, value] : {std::pair<const char*, const std::string*>{"MD5", &r.md5},
                                     {"SHA1", &r.sha1}, {"SHA256", &r.sha256}}) {
    if (value->empty()) continue;
    hashes.push_back(J{{"@id", ids.Of("hash", std::to_string(r.id) + "-" + method)},
                       {"@type", "uco-types:Hash"},
                       {"uco-types:hashMethod", Typed("uco-vocabulary:HashNameVocab", method)},
                       {"uco-types:hashValue", Typed("xsd:hexBinary", *value)}});
  }
  if (!hashes.empty()) {
    J content;
    content["@id"] = ids.Of("content-facet", r.id);
    content["@type"] = "uco-observable:ContentDataFacet";
    if (r.size) content["uco-observable:sizeInBytes"] = Typed("xsd:integer", *r.size);
    if (!r.mime.empty()) content["uco-observable:mimeType"] = r.mime;
    content["uco-observable:hash"] = std::move(hashes);
    facets.push_back(std::move(content));
  }
  J j;
  j["@id"] = id;
  j["@type"] = ObservableType(r.kind);
  j["uco-core:hasFacet"] = std::move(facets);
  return j;
}

J ContainedWithin(const ItemRecord& r, const Ids& ids) {
  return J{{"@id", ids.Of("relationship", r.id)},
           {"@type", "uco-observable:ObservableRelationship"},
           {"uco-core:source", Ref(ids.Of("file", r.id))},
           {"uco-core:target", Ref(ids.Of("file", r.parent_id))},
           {"uco-core:kindOfRelationship", "Contained_Within"},
           {"uco-core:isDirectional", true}};
}

Result<std::string> MetaValue(store::Db& db, const char* key) {
  Result<store::Stmt> q = db.Prepare("SELECT value FROM meta WHERE key = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, std::string_view(key));
  Result<bool> row = q->Step();
  if (!row.ok()) return row.status();
  return *row ? q->Text(0) : std::string();
}

// Investigation, tool, examiners and one InvestigativeAction per scan: the graph's head.
Result<std::vector<J>> CaseObjects(store::Db& db, const ExportOptions& options, const Ids& ids) {
  Result<std::string> title = MetaValue(db, "title");
  if (!title.ok()) return title.status();
  Result<std::string> examiner = MetaValue(db, "examiner");
  if (!examiner.ok()) return examiner.status();
  Result<std::vector<int64_t>> scans = store::ListScanIds(db);
  if (!scans.ok()) return scans.status();
  std::vector<J> out;
  const std::string tool = ids.Of("tool", "nigehbaan " + options.tool_version);
  out.push_back(J{{"@id", tool},
                  {"@type", "uco-tool:Tool"},
                  {"uco-core:name", "Nigehbaan"},
                  {"uco-tool:toolType", "Forensic triage"},
                  {"uco-tool:version", options.tool_version}});
  std::map<std::string, std::string> people;  // name -> @id
  auto person = [&](const std::string& name) {
    auto [it, fresh] = people.emplace(name, ids.Of("identity", name));
    if (fresh) out.push_back(J{{"@id", it->second}, {"@type", "uco-identity:Identity"}, {"uco-core:name", name}});
    return it->second;
  };
  const std::string lead = person(*examiner);
  J actions = J::array();
  for (int64_t scan_id : *scans) {
    if (options.filter.scan_id && *options.filter.scan_id != scan_id) continue;
    Result<store::ScanRecord> s = store::LoadScan(db, scan_id);
    if (!s.ok()) return s.status();
    const std::string action_id = ids.Of("investigative-action", scan_id);
    J a;
    a["@id"] = action_id;
    a["@type"] = "case-investigation:InvestigativeAction";
    a["uco-core:name"] = "scan " + std::to_string(scan_id);
    a["uco-core:description"] = "nigehbaan scan on " + s->host + ": " + s->command_line;
    a["uco-action:startTime"] = Typed("xsd:dateTime", s->started_at);
    if (!s->ended_at.empty()) a["uco-action:endTime"] = Typed("xsd:dateTime", s->ended_at);
    a["uco-action:performer"] = Ref(person(s->examiner));
    a["uco-action:instrument"] = Ref(tool);
    J sources = J::array();
    for (const store::SourceRecord& src : s->sources) sources.push_back(DisplayPath(src.abs_path));
    a["uco-core:tag"] = std::move(sources);
    actions.push_back(Ref(action_id));
    out.push_back(std::move(a));
  }
  J inv;
  inv["@id"] = ids.Of("investigation", "case");
  inv["@type"] = "case-investigation:Investigation";
  inv["uco-core:name"] = *title;
  inv["case-investigation:focus"] = "Child sexual exploitation triage";
  inv["uco-core:description"] = "Case " + options.case_number + ", lead examiner " + *examiner;
  inv["uco-core:object"] = std::move(actions);
  inv["uco-core:createdBy"] = Ref(lead);
  out.insert(out.begin(), std::move(inv));
  return out;
}

}  // namespace

Result<ExportStats> ExportCaseUco(store::Db& db, const ExportOptions& options, std::ostream& out) {
  const Ids ids(options.case_number);
  Result<std::vector<J>> head = CaseObjects(db, options, ids);
  if (!head.ok()) return head.status();
  out << "{\"@context\":" << JsonText(Context()) << ",\n\"@graph\":[";
  bool first = true;
  auto emit = [&](const J& j) {
    out << (first ? "\n" : ",\n") << JsonText(j);
    first = false;
  };
  for (const J& j : *head) emit(j);
  ExportStats stats;
  Status s = ForEachItem(db, options.filter, [&](const ItemRow& row) {
    emit(FileObject(row, ids));
    if (row.rec.parent_id != 0) emit(ContainedWithin(row.rec, ids));
    ++stats.rows;
    return static_cast<bool>(out);
  });
  if (!s.ok()) return s;
  out << "\n]}\n";
  if (!out) return Status::Error("write_error", "cannot write the export");
  return stats;
}

}  // namespace ngb::report
