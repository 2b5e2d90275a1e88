#include "hashset/library.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

#include "hash/multi_digest.h"
#include "hashset/entry_merge.h"
#include "hashset/library_schema.h"

namespace ngb::hashset {
namespace fs = std::filesystem;
namespace {

constexpr const char* kSetColumns =
    "SELECT id, name, kind, format, source_path, source_sha256, source_size, imported_at, tool_version, "
    "first_entry_id, last_entry_id, entries, md5_count, sha1_count, sha256_count, pdq_count, records, "
    "duplicates, bad_rows, details FROM sets";

HashSetInfo ReadSet(const store::Stmt& q) {
  HashSetInfo s;
  s.id = q.Int(0);
  s.name = q.Text(1);
  s.kind = ParseHashKind(q.View(2)).value_or(HashKind::kWatch);
  s.format = q.Text(3);
  s.source_path = q.Text(4);
  s.source_sha256 = q.Text(5);
  s.source_size = static_cast<uint64_t>(q.Int(6));
  s.imported_at = q.Text(7);
  s.tool_version = q.Text(8);
  s.first_entry_id = q.Int(9);
  s.last_entry_id = q.Int(10);
  int col = 11;
  for (uint64_t HashSetInfo::*count :
       {&HashSetInfo::entries, &HashSetInfo::md5_count, &HashSetInfo::sha1_count, &HashSetInfo::sha256_count,
        &HashSetInfo::pdq_count, &HashSetInfo::records, &HashSetInfo::duplicates, &HashSetInfo::bad_rows}) {
    s.*count = static_cast<uint64_t>(q.Int(col++));
  }
  s.details = q.Text(19);
  return s;
}

// Runs `sql` with `id` bound to ?1 and calls fn(stmt) per row.
template <typename Fn>
Status ForEachRow(store::Db& db, const std::string& sql, std::initializer_list<int64_t> args, Fn fn) {
  Result<store::Stmt> q = db.Prepare(sql);
  if (!q.ok()) return q.status();
  int i = 0;
  for (int64_t a : args) q->Bind(++i, a);
  for (;;) {
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    fn(*q);
  }
}

}  // namespace

fs::path HashSetLibrary::DefaultDir() {
  if (const char* env = getenv("NIGEHBAAN_HASHSETS"); env && *env) return fs::path(env);
  if (const char* xdg = getenv("XDG_DATA_HOME"); xdg && *xdg == '/') {
    return fs::path(xdg) / "nigehbaan" / "hashsets";
  }
  std::string home;
  if (const char* h = getenv("HOME"); h && *h) {
    home = h;
  } else if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_dir) {
    home = pw->pw_dir;
  }
  return fs::path(home) / ".local" / "share" / "nigehbaan" / "hashsets";
}

Result<HashSetLibrary> HashSetLibrary::Open(const fs::path& dir, bool create) {
  const fs::path db_path = dir / kLibraryDbName;
  std::error_code ec;
  if (!fs::exists(db_path, ec)) {
    if (!create) {
      return Status::Error("no_library", dir.string() + " holds no hash-set library (no " + kLibraryDbName +
                                             "); import a hash set first");
    }
    // Only the folders created here get 0700: the library says what the examiner looks for.
    fs::path missing = dir;
    std::vector<fs::path> to_create;
    while (!missing.empty() && !fs::exists(missing, ec)) {
      to_create.push_back(missing);
      if (!missing.has_parent_path() || missing.parent_path() == missing) break;
      missing = missing.parent_path();
    }
    for (auto it = to_create.rbegin(); it != to_create.rend(); ++it) {
      if (mkdir(it->c_str(), 0700) != 0 && errno != EEXIST) {
        return Status::Error("library_error", "cannot create " + it->string() + ": " + strerror(errno));
      }
    }
  }
  Result<store::Db> db = store::Db::Open(db_path.string(), create);
  if (!db.ok()) return Status::Error("library_error", db.status().detail());
  db->set_error_reason("library_error");
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA cache_size=-16384",
                             "PRAGMA journal_size_limit=67108864"}) {
    if (Status s = db->Exec(pragma); !s.ok()) return s;
  }
  if (Status s = MigrateLibrary(*db); !s.ok()) return s;
  return HashSetLibrary(dir, std::move(*db));
}

fs::path HashSetLibrary::SetDir(int64_t set_id) const { return dir_ / "sets" / std::to_string(set_id); }

Result<std::vector<HashSetInfo>> HashSetLibrary::List() {
  std::vector<HashSetInfo> sets;
  Status s = ForEachRow(db_, std::string(kSetColumns) + " ORDER BY id", {},
                        [&](const store::Stmt& q) { sets.push_back(ReadSet(q)); });
  if (!s.ok()) return s;
  return sets;
}

Result<HashSetInfo> HashSetLibrary::Find(std::string_view name) {
  Result<store::Stmt> q = db_.Prepare(std::string(kSetColumns) + " WHERE name = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, name);
  Result<bool> row = q->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Error("no_such_set", "no hash set named \"" + std::string(name) + "\"");
  return ReadSet(*q);
}

Result<HashSetInfo> HashSetLibrary::FindById(int64_t id) {
  std::optional<HashSetInfo> found;
  Status s = ForEachRow(db_, std::string(kSetColumns) + " WHERE id = ?1", {id},
                        [&](const store::Stmt& q) { found = ReadSet(q); });
  if (!s.ok()) return s;
  if (!found) return Status::Error("no_such_set", "no hash set with id " + std::to_string(id));
  return *found;
}

Status HashSetLibrary::DeleteSetRows(const HashSetInfo& set) {
  Result<store::Stmt> entries = db_.Prepare("DELETE FROM entries WHERE id BETWEEN ?2 AND ?3 AND set_id = ?1");
  Result<store::Stmt> sets = db_.Prepare("DELETE FROM sets WHERE id = ?1");
  if (!entries.ok()) return entries.status();
  if (!sets.ok()) return sets.status();
  entries->Bind(1, set.id).Bind(2, set.first_entry_id).Bind(3, set.last_entry_id);
  sets->Bind(1, set.id);
  if (Status s = entries->Run(); !s.ok()) return s;
  return sets->Run();
}

Status HashSetLibrary::Remove(std::string_view name) {
  int64_t id = 0;
  {
    store::Transaction tx(db_);
    if (!tx.started())
      return Status::Error("library_busy", "another process is writing the library: " + db_.ErrorMessage());
    Result<HashSetInfo> set = Find(name);
    if (!set.ok()) return set.status();
    id = set->id;
    if (Status s = DeleteSetRows(*set); !s.ok()) return s;
    if (Status s = tx.Commit(); !s.ok()) return s;
  }
  db_.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  std::error_code ec;
  fs::remove_all(SetDir(id), ec);
  if (ec) {
    return Status::Error("remove_incomplete",
                         "the set is removed but " + SetDir(id).string() + " could not be deleted: " + ec.message());
  }
  return Status::Ok();
}

Status HashSetLibrary::ForEachHash(
    int64_t set_id, HashType type,
    const std::function<void(std::span<const uint8_t> digest, int64_t entry_id, int quality)>& fn) {
  Result<HashSetInfo> set = FindById(set_id);
  if (!set.ok()) return set.status();
  const bool pdq = type == HashType::kPdq;
  const std::string col(ToString(type));
  const std::string sql = "SELECT " + col + ", id" + (pdq ? ", pdq_quality" : "") +
                          " FROM entries WHERE id BETWEEN ?1 AND ?2 AND " + col + " IS NOT NULL ORDER BY id";
  const size_t size = DigestSize(type);
  return ForEachRow(db_, sql, {set->first_entry_id, set->last_entry_id}, [&](const store::Stmt& q) {
    const std::string_view d = q.View(0);
    if (d.size() != size) return;  // cannot happen: the importer writes fixed sizes
    const int quality = pdq ? static_cast<int>(q.OptInt(2).value_or(-1)) : -1;
    fn(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(d.data()), d.size()), q.Int(1), quality);
  });
}

Result<EntryInfo> HashSetLibrary::GetEntry(int64_t entry_id) {
  std::optional<EntryInfo> found;
  Status s =
      ForEachRow(db_,
                 "SELECT id, set_id, md5, sha1, sha256, pdq, pdq_quality, categories, victim_identified, series, tags, "
                 "file_name, size FROM entries WHERE id = ?1",
                 {entry_id}, [&](const store::Stmt& q) {
                   EntryInfo e;
                   e.id = q.Int(0);
                   e.set_id = q.Int(1);
                   auto hex = [&](int col) {
                     const std::string_view b = q.View(col);
                     return ToHex(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(b.data()), b.size()));
                   };
                   e.md5 = hex(2);
                   e.sha1 = hex(3);
                   e.sha256 = hex(4);
                   e.pdq = hex(5);
                   if (auto v = q.OptInt(6)) e.pdq_quality = static_cast<int>(*v);
                   e.categories = SplitCategories(q.View(7));
                   if (!e.categories.empty()) e.category = e.categories.front();
                   if (auto v = q.OptInt(8)) e.victim_identified = *v != 0;
                   e.series = q.Text(9);
                   e.tags = TagsFromJson(q.View(10));
                   e.file_name = q.Text(11);
                   if (auto v = q.OptInt(12)) e.size = static_cast<uint64_t>(*v);
                   found = std::move(e);
                 });
  if (!s.ok()) return s;
  if (!found) return Status::Error("no_such_entry", "no entry with id " + std::to_string(entry_id));
  return *found;
}

Result<SetStats> HashSetLibrary::Stats(int64_t set_id) {
  Result<HashSetInfo> set = FindById(set_id);
  if (!set.ok()) return set.status();
  SetStats st;
  st.set = *set;
  const std::initializer_list<int64_t> range = {set->first_entry_id, set->last_entry_id};
  Status s = ForEachRow(db_, "SELECT category, count(*) FROM entries WHERE id BETWEEN ?1 AND ?2 GROUP BY category",
                        range, [&](const store::Stmt& q) {
                          const std::string key = q.IsNull(0) ? "none" : std::to_string(q.Int(0));
                          st.categories[key] = static_cast<uint64_t>(q.Int(1));
                        });
  if (!s.ok()) return s;
  s = ForEachRow(
      db_,
      "SELECT count(*) FILTER (WHERE categories LIKE '%,%'), "
      "count(*) FILTER (WHERE victim_identified = 1), count(*) FILTER (WHERE victim_identified = 0), "
      "count(*) FILTER (WHERE victim_identified IS NULL), count(series), count(tags), count(file_name) "
      "FROM entries WHERE id BETWEEN ?1 AND ?2",
      range, [&](const store::Stmt& q) {
        int col = 0;
        for (uint64_t SetStats::*n :
             {&SetStats::multi_category, &SetStats::victim_identified, &SetStats::victim_not_identified,
              &SetStats::victim_unknown, &SetStats::with_series, &SetStats::with_tags, &SetStats::with_file_name}) {
          st.*n = static_cast<uint64_t>(q.Int(col++));
        }
      });
  if (!s.ok()) return s;
  std::error_code ec;
  st.index_dir_exists = fs::is_directory(SetDir(set_id), ec);
  return st;
}

}  // namespace ngb::hashset
