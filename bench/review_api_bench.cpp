// review_api_bench: `nigehbaan serve` API latency on a synthetic 100,000-item case.
// Builds the case with the store API (src/testing/review_case.h: synthetic hashes, no files),
// starts the server in-process on a loopback ephemeral port, logs in once and times each route
// over HTTP with httplib::Client (keep-alive). Prints the median and 95th percentile wall time,
// the process CPU time per request (client + server), and the ratio of the median to the 50 ms
// budget of issue 5 (the yardstick). The images get synthetic PDQ hashes (a quarter of them in
// near-duplicate pairs), classifier attributes (scan --classify) and RUNS * 2 of them real generated JPEG files behind them, so thumbnails
// (uncached: read + decode + blur + encode; cached: from CASE_DIR/thumbs.db) and groups are timed.
//   review_api_bench [ITEMS=100000] [RUNS=50]
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <cstdio>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "index_bench_util.h"
#include "review/users.h"
#include "serve/server.h"
#include "hash/sha256.h"
#include "store/case_store.h"
#include "testing/benign_images.h"
#include "testing/review_case.h"
#include "testing/temp_dir.h"

namespace {

using ngb_bench::Now;

void Time(const char* name, int runs, const std::function<int()>& call) {
  std::vector<double> ms;
  const double cpu0 = ngb_bench::ProcessCpuNow();
  int bad = 0;
  for (int i = 0; i < runs; ++i) {
    const double t0 = Now();
    if (call() != 200) ++bad;
    ms.push_back((Now() - t0) * 1000);
  }
  const double cpu_ms = (ngb_bench::ProcessCpuNow() - cpu0) * 1000 / runs;
  std::sort(ms.begin(), ms.end());
  const double median = ms[ms.size() / 2];
  const double p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
  std::printf("%-44s median %7.2f ms  p95 %7.2f ms  cpu %6.2f ms/req  vs 50 ms budget %.2fx%s\n", name, median, p95,
              cpu_ms, median / 50.0, bad ? "  (NON-200 REPLIES)" : "");
}

// Puts generated JPEG files behind the first `n` images of source "phone" (moved to `root`) and
// records their digests; returns their item ids.
std::vector<int64_t> AddImageFiles(ngb::store::Db& db, const std::string& root, int n) {
  std::vector<int64_t> ids;
  if (!db.Exec("UPDATE sources SET abs_path = '" + root + "' WHERE label = 'phone'").ok()) return ids;
  auto q = db.Prepare("SELECT id, path_text FROM items WHERE source_id = 1 AND mime = 'image/jpeg' ORDER BY id LIMIT ?");
  auto up = db.Prepare("UPDATE items SET sha256 = ?, size = ? WHERE id = ?");
  if (!q.ok() || !up.ok()) return ids;
  q->Bind(1, int64_t{n});
  while (true) {
    auto row = q->Step();
    if (!row.ok() || !*row) break;
    const int64_t id = q->Int(0);
    const std::string file = root + q->Text(1).substr(5);  // "phone/..." -> ROOT/...
    std::filesystem::create_directories(std::filesystem::path(file).parent_path());
    const std::string jpeg = ngb::testing::PatternJpeg(static_cast<int>(id % 50), 640, 480);
    std::ofstream(file, std::ios::binary) << jpeg;
    up->Bind(1, ngb::Sha256Hex(jpeg)).Bind(2, static_cast<int64_t>(jpeg.size())).Bind(3, id);
    if (!up->Run().ok()) break;
    up->Reset();
    ids.push_back(id);
  }
  return ids;
}

}  // namespace

int main(int argc, char** argv) {
  const int64_t items = argc > 1 ? std::atoll(argv[1]) : 100000;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 50;
  ngb::testing::TempDir dir;
  const std::string case_dir = dir.path() + "/case";
  double t0 = Now();
  std::vector<int64_t> images;
  {
    ngb::Result<ngb::store::CaseStore> cs = ngb::store::CaseStore::Create(case_dir, "bench", "bench");
    if (!cs.ok()) return std::fprintf(stderr, "%s\n", cs.status().ToString().c_str()), 1;
    if (ngb::Status s = ngb::testing::FillSyntheticCase(cs->db(), items); !s.ok()) {
      return std::fprintf(stderr, "%s\n", s.ToString().c_str()), 1;
    }
    if (ngb::Status s = ngb::testing::AddSyntheticPdq(cs->db()); !s.ok()) {
      return std::fprintf(stderr, "%s\n", s.ToString().c_str()), 1;
    }
    // `scan --classify`'s attributes on every image (7 rows each, as the analyser writes them), so
    // the image tier is ordered by classify.priority as in a classified case.
    if (ngb::Status s = cs->db().Exec(
            "INSERT INTO item_attrs(item_id, key, value) SELECT i.id, k.column1, "
            "printf('%.4f', abs(random() % 10000) / 10000.0) FROM items i, (VALUES ('classify.drawing'), "
            "('classify.hentai'), ('classify.neutral'), ('classify.porn'), ('classify.sexy'), "
            "('classify.priority'), ('faces.count')) k WHERE i.mime LIKE 'image/%'");
        !s.ok()) {
      return std::fprintf(stderr, "%s\n", s.ToString().c_str()), 1;
    }
    images = AddImageFiles(cs->db(), dir.path() + "/phone", 2 * runs);
    if (images.size() < static_cast<size_t>(2 * runs)) return std::fprintf(stderr, "no image files\n"), 1;
    if (auto u = ngb::review::AddUser(cs->db(), "rev", ngb::review::Role::kSupervisor, "bench pass phrase 1",
                                      ngb::review::PasswordCost::kInteractive, "bench");
        !u.ok()) {
      return std::fprintf(stderr, "%s\n", u.status().ToString().c_str()), 1;
    }
  }
  std::printf("case with %lld items built in %.2f s\n", static_cast<long long>(items), Now() - t0);
  ngb::Result<ngb::store::CaseStore> cs = ngb::store::CaseStore::Open(case_dir);
  if (!cs.ok()) return 1;
  ngb::serve::ServeOptions o;
  o.port = 0;
  auto server = ngb::serve::ReviewServer::Create(std::move(*cs), o);
  if (!server.ok()) return std::fprintf(stderr, "%s\n", server.status().ToString().c_str()), 1;
  t0 = Now();
  ngb::Result<int> port = (*server)->Bind();
  if (!port.ok()) return 1;
  std::printf("bind (computes the near-duplicate groups)  %.1f ms\n", (Now() - t0) * 1000);
  std::thread th([&] { (*server)->Run(); });
  httplib::Client client("127.0.0.1", *port);
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);
  auto login = client.Post("/api/login", R"({"name":"rev","password":"bench pass phrase 1"})", "application/json");
  if (!login || login->status != 200) return std::fprintf(stderr, "login failed\n"), 1;
  const std::string set = login->get_header_value("Set-Cookie");
  const httplib::Headers h = {{"Cookie", set.substr(0, set.find(';'))}};
  const std::string csrf = nlohmann::json::parse(login->body)["csrf_token"];
  httplib::Headers hw = h;
  hw.emplace("X-CSRF-Token", csrf);

  t0 = Now();
  auto first = client.Get("/api/queue?limit=50", h);
  std::printf("first queue request (builds the queue table)  %.1f ms\n", (Now() - t0) * 1000);
  if (first && first->status == 200) {
    std::printf("queue total %lld\n", nlohmann::json::parse(first->body)["total"].get<long long>());
  }
  auto get = [&](std::string path) { return [&, path] { auto r = client.Get(path.c_str(), h); return r ? r->status : 0; }; };
  Time("GET /api/me", runs, get("/api/me"));
  Time("GET /api/queue?limit=50 (first page)", runs, get("/api/queue?limit=50"));
  Time("GET /api/queue?offset=50000&limit=50", runs, get("/api/queue?offset=50000&limit=50"));
  Time("GET /api/queue?offset=99950&limit=50", runs, get("/api/queue?offset=99950&limit=50"));
  Time("GET /api/queue?type=image&source=phone", runs, get("/api/queue?type=image&source=phone&limit=50"));
  Time("GET /api/queue?category=none&offset=20000", runs, get("/api/queue?category=none&offset=20000&limit=50"));
  Time("GET /api/queue?label=grooming", runs, get("/api/queue?label=grooming&limit=50"));
  Time("GET /api/queue?match=alert", runs, get("/api/queue?match=alert&limit=50"));
  Time("GET /api/items/54321", runs, get("/api/items/54321"));
  Time("GET /api/conversations/250", runs, get("/api/conversations/250"));
  int next = 1;
  Time("POST /api/items/N/decision", runs, [&] {
    const std::string path = "/api/items/" + std::to_string(next++ * 7) + "/decision";
    auto r = client.Post(path.c_str(), hw, R"({"category":1,"tags":["bench"],"note":"n"})", "application/json");
    return r ? r->status : 0;
  });
  Time("GET /api/queue?category=1 (after decisions)", runs, get("/api/queue?category=1&limit=50"));
  Time("GET /api/audit?limit=100", std::min(runs, 10), get("/api/audit?limit=100"));
  size_t img = 0;
  Time("GET /api/items/N/thumbnail (uncached)", runs, [&] {
    auto r = client.Get(("/api/items/" + std::to_string(images[img++]) + "/thumbnail").c_str(), h);
    return r ? r->status : 0;
  });
  const std::string one = "/api/items/" + std::to_string(images[0]) + "/thumbnail";
  Time("GET /api/items/N/thumbnail (cached)", runs, get(one));
  Time("GET /api/items/N/thumbnail?variant=clear (uncached, audited)", runs, [&] {
    auto r = client.Get(("/api/items/" + std::to_string(images[img++]) + "/thumbnail?variant=clear").c_str(), h);
    return r ? r->status : 0;
  });
  auto n_images = client.Get("/api/queue?type=image&limit=1", h);
  const long long image_total = n_images && n_images->status == 200 ? nlohmann::json::parse(n_images->body)["total"].get<long long>() : 0;
  const std::string deep = "/api/queue?type=image&offset=" + std::to_string(image_total * 3 / 4);
  auto q = client.Get((deep + "&limit=100").c_str(), h);
  int64_t group = 0;
  if (q && q->status == 200) {
    const nlohmann::json page = nlohmann::json::parse(q->body);
    for (const auto& e : page["entries"]) {
      if (!e["group_id"].is_null()) group = e["group_id"].get<int64_t>();
    }
  }
  if (group == 0) {
    std::fprintf(stderr, "no group on the queue page: %d %s\n", q ? q->status : 0, q ? q->body.substr(0, 300).c_str() : "");
    (*server)->Stop();
    th.join();
    return 1;
  }
  Time("GET /api/groups/N", runs, get("/api/groups/" + std::to_string(group)));
  Time("POST /api/groups/N/decision (2 items)", std::min(runs, 20), [&] {
    auto r = client.Post(("/api/groups/" + std::to_string(group) + "/decision").c_str(), hw, R"({"category":2})", "application/json");
    return r ? r->status : 0;
  });
  Time("GET /api/queue?type=image, 3/4 deep (with groups)", runs, get(deep + "&limit=50"));
  (*server)->Stop();
  th.join();
  return 0;
}
