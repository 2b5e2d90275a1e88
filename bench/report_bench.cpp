// report_bench: `nigehbaan report` and the case-uco / vics exports on a synthetic case of
// ITEMS items (default 100,000; src/testing/review_case.h: synthetic hashes, no files), plus 1,000
// reviewer decisions. Each is run RUNS times (default 5) through the same library calls the CLI
// makes (app::RunReport, app::RunExport: output written to a file, SHA-256, audit entry), and
// prints the median wall and CPU seconds and the ratio to the yardstick: one plain pass over every
// item (report::ForEachItem with nothing done per row), the floor of any exporter that reads
// every item.
//   report_bench [ITEMS=100000] [RUNS=5]
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "app/export_job.h"
#include "index_bench_util.h"
#include "report/item_rows.h"
#include "review/decisions.h"
#include "review/users.h"
#include "store/case_store.h"
#include "testing/review_case.h"
#include "testing/temp_dir.h"

namespace {

struct Row {
  std::string name;
  double wall, cpu;
  std::string note;
};

ngb_bench::Elapsed Median(int runs, const std::function<void()>& fn) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < runs; ++i) {
    const ngb_bench::Elapsed e = ngb_bench::Time(fn);
    wall.push_back(e.wall);
    cpu.push_back(e.cpu);
  }
  return {ngb_bench::Median(wall), ngb_bench::Median(cpu)};
}

}  // namespace

int main(int argc, char** argv) {
  const int64_t items = argc > 1 ? std::atoll(argv[1]) : 100000;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  ngb::testing::TempDir dir;
  const std::string case_dir = dir.path() + "/case";
  {
    ngb::Result<ngb::store::CaseStore> cs = ngb::store::CaseStore::Create(case_dir, "bench", "bench");
    if (!cs.ok()) return std::fprintf(stderr, "%s\n", cs.status().ToString().c_str()), 1;
    if (ngb::Status s = ngb::testing::FillSyntheticCase(cs->db(), items); !s.ok()) {
      return std::fprintf(stderr, "%s\n", s.ToString().c_str()), 1;
    }
    auto u = ngb::review::AddUser(cs->db(), "rev", ngb::review::Role::kSupervisor, "bench pass phrase 1",
                                  ngb::review::PasswordCost::kInteractive, "bench");
    if (!u.ok()) return std::fprintf(stderr, "%s\n", u.status().ToString().c_str()), 1;
    for (int64_t i = 1; i <= 1000 && i * 7 <= items; ++i) {
      if (!ngb::review::RecordDecision(cs->db(), *u, i * 7, {static_cast<int>(i % 5), {"bench"}, "n"}).ok()) return 1;
    }
  }
  ngb::Result<ngb::store::CaseStore> cs = ngb::store::CaseStore::Open(case_dir);
  if (!cs.ok()) return 1;
  std::printf("case: %lld items, 1000 decisions; median of %d runs\n", static_cast<long long>(items), runs);

  int64_t seen = 0;
  const ngb_bench::Elapsed floor = Median(runs, [&] {
    seen = 0;
    (void)ngb::report::ForEachItem(cs->db(), {}, [&](const ngb::report::ItemRow&) { return ++seen, true; });
  });
  std::vector<Row> rows = {{"yardstick: one pass over every item", floor.wall, floor.cpu, std::to_string(seen) + " rows"}};

  ngb::app::ReportJobOptions ro;
  ro.out_path = dir.path() + "/report.html";
  ro.html.tool_version = "bench";
  ro.html.images = false;
  ngb::Result<ngb::app::ReportJobResult> rr = ngb::Status::Ok();
  const ngb_bench::Elapsed rep = Median(runs, [&] { rr = ngb::app::RunReport(*cs, ro); });
  if (!rr.ok()) return std::fprintf(stderr, "report: %s\n", rr.status().ToString().c_str()), 1;
  rows.push_back({"report --no-images (HTML)", rep.wall, rep.cpu,
                  std::to_string(rr->stats.items) + " pertinent items, " + std::to_string(rr->bytes / 1000) + " kB"});

  for (const char* format : {"case-uco", "vics", "jsonl"}) {
    ngb::app::ExportJobOptions eo;
    eo.format = format;
    eo.export_options.tool_version = "bench";
    eo.export_options.case_number = cs->Meta("case_id");
    ngb::Result<ngb::app::ExportJobResult> er = ngb::Status::Ok();
    const ngb_bench::Elapsed e = Median(runs, [&] {
      std::ofstream out(dir.path() + "/export", std::ios::binary | std::ios::trunc);
      er = ngb::app::RunExport(*cs, eo, out);
    });
    if (!er.ok()) return std::fprintf(stderr, "%s: %s\n", format, er.status().ToString().c_str()), 1;
    rows.push_back({std::string("export --format ") + format, e.wall, e.cpu,
                    std::to_string(er->rows) + " rows, " + std::to_string(er->bytes / 1000000) + " MB"});
  }
  for (const Row& r : rows) {
    std::printf("%-40s wall %7.3f s  cpu %7.3f s  %5.2fx yardstick (cpu)  %s\n", r.name.c_str(), r.wall, r.cpu,
                r.cpu / floor.cpu, r.note.c_str());
  }
  return 0;
}
