#include "store/case_store.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/time_util.h"
#include "ngb_version.h"
#include "store/migrations.h"

namespace ngb::store {
namespace {

bool IsEmptyDir(const std::string& dir) {
  DIR* d = opendir(dir.c_str());
  if (!d) return false;
  bool empty = true;
  while (dirent* e = readdir(d)) {
    std::string n = e->d_name;
    if (n != "." && n != "..") {
      empty = false;
      break;
    }
  }
  closedir(d);
  return empty;
}

std::string RandomId() {
  unsigned char b[16];
  FILE* f = fopen("/dev/urandom", "rb");
  if (!f || fread(b, 1, sizeof b, f) != sizeof b) {
    if (f) fclose(f);
    return std::to_string(MonotonicSeconds());
  }
  fclose(f);
  b[6] = (b[6] & 0x0F) | 0x40;
  b[8] = (b[8] & 0x3F) | 0x80;
  char out[40];
  snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
           b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
           b[14], b[15]);
  return out;
}

constexpr int64_t kCheckpointBytes = 32 << 20;

Status Configure(Db& db) {
  // WAL: readers (export, verify, review) never block the scan's writer. NORMAL sync is durable
  // against process kills; a power cut may lose the last transactions, which a resumed scan redoes.
  if (Status s = db.Exec("PRAGMA journal_mode=WAL"); !s.ok()) return s;
  if (Status s = db.Exec("PRAGMA synchronous=NORMAL"); !s.ok()) return s;
  // A scan appends rows fast, in id order (ItemWriter), and since the walk is sorted by name its
  // paths arrive in order too: a 2 MiB page cache holds a transaction's dirty pages and the
  // indexes' right edges (a 100,000-file scan made 4,946 page reads with it, 4,878 with 8 MiB).
  // A larger cache costs more in page faults while it fills than it saves (8 MiB: +1,700 faults
  // and ~2 % more CPU on that scan; a first touch costs 6-13 us on our VMs). Checkpointing every
  // 32 MiB of WAL instead of every 4 MiB halves the pages written twice and the fsyncs (each
  // costs milliseconds on virtual disks). A scan's writer hands its checkpoints to a thread of its own
  // at the same threshold (wal_checkpointer.h).
  if (Status s = db.Exec("PRAGMA cache_size=-2048"); !s.ok()) return s;
  // In pages: 32 MiB whatever the page size (cases before 16 KiB pages have 4 KiB ones).
  Result<Stmt> page = db.Prepare("PRAGMA page_size");
  if (!page.ok()) return page.status();
  Result<bool> row = page->Step();
  if (!row.ok()) return row.status();
  const int64_t page_size = *row && page->Int(0) > 0 ? page->Int(0) : 4096;
  if (Status s = db.Exec("PRAGMA wal_autocheckpoint=" + std::to_string(kCheckpointBytes / page_size)); !s.ok()) {
    return s;
  }
  return db.Exec("PRAGMA foreign_keys=ON");
}

}  // namespace

Result<CaseStore> CaseStore::Create(const std::string& dir, const std::string& title,
                                    const std::string& examiner) {
  struct stat st {};
  if (stat(dir.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode) || !IsEmptyDir(dir)) {
      return Status::Error("case_exists", dir + " exists and is not an empty folder");
    }
  } else if (mkdir(dir.c_str(), 0750) != 0) {
    return StatusFromErrno(errno, "cannot create " + dir);
  }
  mkdir((dir + "/tmp").c_str(), 0700);
  Result<Db> db = Db::Open(dir + "/" + kCaseDbName, /*create=*/true);
  if (!db.ok()) return db.status();
  // Before anything is written (WAL mode fixes the page size). 16 KiB pages: a scan writes a
  // quarter of the WAL frames and pwrite calls of 4 KiB ones, and the 100,000-file scan took
  // 7 % less CPU (3.20 -> 2.97 CPU-s); 32 KiB gained nothing more.
  if (Status s = db->Exec("PRAGMA page_size=16384"); !s.ok()) return s;
  if (Status s = Configure(*db); !s.ok()) return s;
  if (Status s = Migrate(*db); !s.ok()) return s;

  CaseStore cs(dir, std::move(*db));
  Transaction tx(cs.db_);
  const std::string case_id = RandomId();
  const std::string now = NowIso8601();
  Result<Stmt> ins = cs.db_.Prepare("INSERT INTO meta(key, value) VALUES(?, ?)");
  if (!ins.ok()) return ins.status();
  for (const auto& [k, v] : {std::pair<std::string, std::string>{"title", title},
                             {"examiner", examiner},
                             {"case_id", case_id},
                             {"created_at", now},
                             {"tool_version", NGB_VERSION}}) {
    ins->Bind(1, k).Bind(2, v);
    if (Status s = ins->Run(); !s.ok()) return s;
  }
  nlohmann::json details = {{"title", title}, {"examiner", examiner}, {"case_id", case_id},
                            {"tool_version", NGB_VERSION}};
  if (auto e = cs.Audit(examiner, "case_init", JsonText(details)); !e.ok()) return e.status();
  if (Status s = tx.Commit(); !s.ok()) return s;
  return cs;
}

Result<CaseStore> CaseStore::Open(const std::string& dir, bool read_only) {
  const std::string path = dir + "/" + kCaseDbName;
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) {
    return Status::Error("no_case", dir + " is not a case (no " + kCaseDbName + "); run `nigehbaan case init`");
  }
  Result<Db> db = Db::Open(path, /*create=*/false, read_only);
  if (!db.ok()) return db.status();
  if (!read_only) {
    if (Status s = Configure(*db); !s.ok()) return s;
    if (Status s = Migrate(*db); !s.ok()) return s;
    mkdir((dir + "/tmp").c_str(), 0700);
  }
  return CaseStore(dir, std::move(*db));
}

std::string CaseStore::Meta(const std::string& key) {
  Result<Stmt> q = db_.Prepare("SELECT value FROM meta WHERE key = ?");
  if (!q.ok()) return {};
  q->Bind(1, key);
  Result<bool> row = q->Step();
  return (row.ok() && *row) ? q->Text(0) : std::string();
}

}  // namespace ngb::store
