// `nigehbaan hashset import|list|stats|remove`: the local hash-set library (src/hashset).
//
// Exit codes: 0 success; 1 finished with problems (an import with bad rows, an import rejected
// by --strict or holding no valid record, a removal that left the set's folder behind); 2 usage
// or fatal error (bad flags, unknown set, unreadable source, unknown format, library error).
// With --json every command prints one JSON object per line on stdout, errors included
// ({"error": reason, "detail": ...}).
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/json_text.h"
#include "core/time_util.h"
#include "hashset/library.h"

namespace ngb::cli {
namespace {

using hashset::HashSetInfo;
using hashset::HashSetLibrary;

struct HashsetFlags {
  std::string library;
  bool json = false;
  bool quiet = false;
  std::string file, name, kind, format = "auto";
  bool strict = false, replace = false;
};

std::filesystem::path LibraryDir(const HashsetFlags& f) {
  return f.library.empty() ? HashSetLibrary::DefaultDir() : std::filesystem::path(f.library);
}

// "1234567" → "1,234,567"
std::string Count(uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

int Fail(const HashsetFlags& f, const Status& s) {
  if (f.json) std::cout << JsonText({{"error", s.reason()}, {"detail", s.detail()}}) << "\n";
  PrintError(s.ToString());
  return kExitFatal;
}

nlohmann::json SetJson(const HashSetInfo& s) {
  nlohmann::json details = nlohmann::json::parse(s.details, nullptr, false);
  if (details.is_discarded()) details = nlohmann::json::object();
  return {{"id", s.id},
          {"name", s.name},
          {"kind", hashset::ToString(s.kind)},
          {"format", s.format},
          {"source_path", s.source_path},
          {"source_sha256", s.source_sha256},
          {"source_size", s.source_size},
          {"imported_at", s.imported_at},
          {"tool_version", s.tool_version},
          {"entries", s.entries},
          {"md5", s.md5_count},
          {"sha1", s.sha1_count},
          {"sha256", s.sha256_count},
          {"pdq", s.pdq_count},
          {"records", s.records},
          {"duplicates", s.duplicates},
          {"bad_rows", s.bad_rows},
          {"first_entry_id", s.first_entry_id},
          {"last_entry_id", s.last_entry_id},
          {"details", details}};
}

std::string DigestCounts(const HashSetInfo& s) {
  return Count(s.md5_count) + " md5, " + Count(s.sha1_count) + " sha1, " + Count(s.sha256_count) + " sha256, " +
         Count(s.pdq_count) + " pdq";
}

// A status line on a terminal, redrawn at most four times a second.
class ImportProgressLine {
 public:
  explicit ImportProgressLine(bool enabled) : enabled_(enabled) {}
  ~ImportProgressLine() { Clear(); }
  void Update(const hashset::ImportProgress& p) {
    if (!enabled_) return;
    const double now = MonotonicSeconds();
    if (now - last_ < 0.25) return;
    last_ = now;
    std::string line = "importing: ";
    if (p.bytes_total) {
      line += std::to_string(p.bytes_read * 100 / p.bytes_total) + "% (" +
              FormatBytes(static_cast<double>(p.bytes_read)) + " of " +
              FormatBytes(static_cast<double>(p.bytes_total)) + "), ";
    }
    line += Count(p.records) + " records";
    fprintf(stderr, "\r\033[K%s", line.c_str());
    drawn_ = true;
  }
  void Clear() {
    if (drawn_) fprintf(stderr, "\r\033[K");
    drawn_ = false;
  }

 private:
  bool enabled_;
  bool drawn_ = false;
  double last_ = 0;
};

int RunImport(const HashsetFlags& f) {
  const std::optional<hashset::HashKind> kind = hashset::ParseHashKind(f.kind);
  if (!kind) return Fail(f, Status::Error("usage", "--kind must be alert, known-good or watch"));
  const std::optional<hashset::ImportFormat> format = hashset::ParseImportFormat(f.format);
  if (!format) return Fail(f, Status::Error("usage", "--format must be auto, vics, nsrl, hashdeep, md5sum or pdq"));
  Result<HashSetLibrary> lib = HashSetLibrary::Open(LibraryDir(f), /*create=*/true);
  if (!lib.ok()) return Fail(f, lib.status());

  ImportProgressLine progress(!f.quiet && !f.json && isatty(STDERR_FILENO));
  hashset::ImportOptions o;
  o.name = f.name;
  o.kind = *kind;
  o.format = *format;
  o.strict = f.strict;
  o.replace = f.replace;
  o.progress = [&](const hashset::ImportProgress& p) { progress.Update(p); };
  Result<hashset::ImportReport> r = lib->Import(f.file, o);
  progress.Clear();
  if (!r.ok()) return Fail(f, r.status());
  const hashset::ImportReport& rep = *r;
  const HashSetInfo& s = rep.set;
  const int code = rep.committed && s.bad_rows == 0 ? kExitOk : kExitProblems;
  if (f.json) {
    nlohmann::json samples = nlohmann::json::array();
    for (const hashset::BadRow& b : rep.bad_row_samples) {
      samples.push_back({{"line", b.pos.line}, {"record", b.pos.record}, {"reason", b.reason}, {"detail", b.detail}});
    }
    nlohmann::json j = {
        {"committed", rep.committed},
        {"rejected_reason", rep.rejected_reason.empty() ? nlohmann::json() : nlohmann::json(rep.rejected_reason)},
        {"set", SetJson(s)},
        {"format", hashset::ToString(rep.format)},
        {"source_version", rep.source_version},
        {"source_layout", rep.source_layout},
        {"bad_rows", s.bad_rows},
        {"bad_row_samples", samples},
        {"duplicates", s.duplicates},
        {"category_conflicts", rep.category_conflicts},
        {"digest_conflicts", rep.digest_conflicts},
        {"pdq_conflicts", rep.pdq_conflicts},
        {"replaced_set_id", rep.replaced_set_id ? nlohmann::json(*rep.replaced_set_id) : nlohmann::json()},
        {"elapsed_seconds", rep.seconds}};
    std::cout << JsonText(j) << "\n";
    return code;
  }
  if (f.quiet && code == kExitOk) return code;
  std::string format_text(hashset::ToString(rep.format));
  if (!rep.source_version.empty() && rep.format == hashset::ImportFormat::kVics)
    format_text += " " + rep.source_version;
  if (rep.committed) {
    std::cout << "Imported \"" << s.name << "\" (" << hashset::ToString(s.kind) << ", " << format_text << ") as set "
              << s.id << ": " << Count(s.entries) << " entries (" << DigestCounts(s) << ") from " << Count(s.records)
              << " records in " << FormatDuration(rep.seconds) << "\n";
    if (rep.replaced_set_id) std::cout << "  replaced set " << *rep.replaced_set_id << "\n";
  } else {
    std::cout << "Nothing imported from " << s.source_path << ": "
              << (rep.rejected_reason == "strict" ? "--strict and the file has bad rows"
                                                  : "no valid record in the file")
              << " (" << Count(s.records) << " records read, " << format_text << ")\n";
  }
  if (s.duplicates || rep.category_conflicts || rep.digest_conflicts || rep.pdq_conflicts) {
    std::cout << "  " << Count(s.duplicates)
              << " duplicate records merged; conflicts: " << Count(rep.category_conflicts) << " category, "
              << Count(rep.digest_conflicts) << " digest, " << Count(rep.pdq_conflicts) << " pdq\n";
  }
  if (s.bad_rows) {
    std::cout << "  " << Count(s.bad_rows) << " bad row" << (s.bad_rows == 1 ? "" : "s")
              << (rep.committed ? " (not imported)" : "") << ":\n";
    for (const hashset::BadRow& b : rep.bad_row_samples) std::cout << "    " << hashset::Describe(b) << "\n";
    if (s.bad_rows > rep.bad_row_samples.size()) {
      std::cout << "    ... and " << Count(s.bad_rows - rep.bad_row_samples.size()) << " more\n";
    }
  }
  return code;
}

int RunList(const HashsetFlags& f) {
  Result<HashSetLibrary> lib = HashSetLibrary::Open(LibraryDir(f), /*create=*/false);
  if (!lib.ok() && lib.status().reason() == "no_library") {
    if (!f.json) std::cout << "No hash sets in " << LibraryDir(f).string() << "\n";
    return kExitOk;
  }
  if (!lib.ok()) return Fail(f, lib.status());
  Result<std::vector<HashSetInfo>> sets = lib->List();
  if (!sets.ok()) return Fail(f, sets.status());
  if (f.json) {
    for (const HashSetInfo& s : *sets) std::cout << JsonText(SetJson(s)) << "\n";
    return kExitOk;
  }
  if (sets->empty()) {
    std::cout << "No hash sets in " << lib->dir().string() << "\n";
    return kExitOk;
  }
  printf("%-4s %-24s %-10s %-8s %12s %10s %s\n", "ID", "NAME", "KIND", "FORMAT", "ENTRIES", "BAD ROWS", "IMPORTED");
  for (const HashSetInfo& s : *sets) {
    printf("%-4lld %-24s %-10s %-8s %12s %10s %s\n", static_cast<long long>(s.id), s.name.c_str(),
           std::string(hashset::ToString(s.kind)).c_str(), s.format.c_str(), Count(s.entries).c_str(),
           Count(s.bad_rows).c_str(), s.imported_at.substr(0, 19).c_str());
  }
  fflush(stdout);
  return kExitOk;
}

// Opens the library (which must exist) and finds the set named by the command line.
Status OpenAndFind(const HashsetFlags& f, std::optional<HashSetLibrary>& lib, HashSetInfo& set) {
  Result<HashSetLibrary> opened = HashSetLibrary::Open(LibraryDir(f), /*create=*/false);
  if (!opened.ok()) {
    if (opened.status().reason() != "no_library") return opened.status();
    return Status::Error("no_such_set", "no hash set named \"" + f.name + "\" (the library is empty)");
  }
  lib.emplace(std::move(*opened));
  Result<HashSetInfo> found = lib->Find(f.name);
  if (!found.ok()) return found.status();
  set = std::move(*found);
  return Status::Ok();
}

int RunStats(const HashsetFlags& f) {
  std::optional<HashSetLibrary> lib;
  HashSetInfo set;
  if (Status s = OpenAndFind(f, lib, set); !s.ok()) return Fail(f, s);
  Result<hashset::SetStats> st = lib->Stats(set.id);
  if (!st.ok()) return Fail(f, st.status());
  const HashSetInfo& s = st->set;
  if (f.json) {
    nlohmann::json j = SetJson(s);
    j["categories"] = st->categories;
    j["multi_category"] = st->multi_category;
    j["victim_identified"] = {
        {"true", st->victim_identified}, {"false", st->victim_not_identified}, {"unknown", st->victim_unknown}};
    j["with_series"] = st->with_series;
    j["with_tags"] = st->with_tags;
    j["with_file_name"] = st->with_file_name;
    j["set_dir"] = lib->SetDir(s.id).string();
    j["index_dir_exists"] = st->index_dir_exists;
    std::cout << JsonText(j) << "\n";
    return kExitOk;
  }
  std::cout << "Set " << s.id << " \"" << s.name << "\" (" << hashset::ToString(s.kind) << ")\n"
            << "  source      " << s.source_path << " (" << s.format << ", "
            << FormatBytes(static_cast<double>(s.source_size)) << ")\n"
            << "  sha256      " << s.source_sha256 << "\n"
            << "  imported    " << s.imported_at << " by nigehbaan " << s.tool_version << "\n"
            << "  entries     " << Count(s.entries) << " (" << DigestCounts(s) << ")\n"
            << "  records     " << Count(s.records) << " read, " << Count(s.duplicates) << " duplicates merged, "
            << Count(s.bad_rows) << " bad\n"
            << "  categories ";
  for (const auto& [cat, n] : st->categories) std::cout << " " << cat << ": " << Count(n) << ";";
  std::cout << " (" << Count(st->multi_category) << " entries with several)\n"
            << "  victim identified  yes " << Count(st->victim_identified) << ", no "
            << Count(st->victim_not_identified) << ", unknown " << Count(st->victim_unknown) << "\n"
            << "  with series " << Count(st->with_series) << ", tags " << Count(st->with_tags) << ", file name "
            << Count(st->with_file_name) << "\n"
            << "  index files " << lib->SetDir(s.id).string() << (st->index_dir_exists ? "" : " (none yet)") << "\n";
  return kExitOk;
}

int RunRemove(const HashsetFlags& f) {
  std::optional<HashSetLibrary> lib;
  HashSetInfo set;
  if (Status s = OpenAndFind(f, lib, set); !s.ok()) return Fail(f, s);
  Status s = lib->Remove(f.name);
  if (!s.ok() && s.reason() != "remove_incomplete") return Fail(f, s);
  if (f.json) {
    nlohmann::json j = {{"removed", f.name}, {"id", set.id}, {"entries", set.entries}};
    if (!s.ok()) j["warning"] = s.detail();
    std::cout << JsonText(j) << "\n";
  } else {
    std::cout << "Removed set " << set.id << " \"" << f.name << "\" (" << Count(set.entries) << " entries)\n";
  }
  if (!s.ok()) {
    PrintError(s.ToString());
    return kExitProblems;
  }
  return kExitOk;
}

void AddCommon(CLI::App* cmd, HashsetFlags& f) {
  cmd->add_option("--library", f.library,
                  "Hash-set library folder (default: $NIGEHBAAN_HASHSETS, else $XDG_DATA_HOME/nigehbaan/hashsets, "
                  "else ~/.local/share/nigehbaan/hashsets)");
  cmd->add_flag("--json", f.json, "Print one JSON object per line");
}

}  // namespace

void AddHashsetCommand(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("hashset", "Import and manage hash sets (Project VIC/VICS, NSRL, hash lists)");
  cmd->require_subcommand(1);
  auto f = std::make_shared<HashsetFlags>();

  CLI::App* imp = cmd->add_subcommand("import", "Import a hash-set file into the library");
  imp->add_option("FILE", f->file, "VICS JSON, NSRL RDSv3 SQLite, hashdeep, md5sum-style or PDQ list")->required();
  imp->add_option("--name", f->name, "Name of the new set (unique in the library)")->required();
  imp->add_option("--kind", f->kind, "alert, known-good or watch")->required();
  imp->add_option("--format", f->format, "auto (default), vics, nsrl, hashdeep, md5sum or pdq");
  imp->add_flag("--strict", f->strict, "Reject the whole import if any row is malformed (nothing is added)");
  imp->add_flag("--replace", f->replace, "Replace an existing set of the same name");
  imp->add_flag("-q,--quiet", f->quiet, "No progress line; no summary unless there are problems");
  AddCommon(imp, *f);
  imp->callback([f, &ctx] { ctx.exit_code = RunImport(*f); });

  CLI::App* list = cmd->add_subcommand("list", "List the sets in the library");
  AddCommon(list, *f);
  list->callback([f, &ctx] { ctx.exit_code = RunList(*f); });

  CLI::App* stats = cmd->add_subcommand("stats", "Show a set's provenance and contents");
  stats->add_option("NAME", f->name, "Set name")->required();
  AddCommon(stats, *f);
  stats->callback([f, &ctx] { ctx.exit_code = RunStats(*f); });

  CLI::App* remove = cmd->add_subcommand("remove", "Remove a set (and its index folder) from the library");
  remove->add_option("NAME", f->name, "Set name")->required();
  AddCommon(remove, *f);
  remove->callback([f, &ctx] { ctx.exit_code = RunRemove(*f); });
}

}  // namespace ngb::cli
