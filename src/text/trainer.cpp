#include "text/trainer.h"

#include <linear.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "text/model_file.h"
#include "text/normalise.h"

namespace ngb::text {
namespace {

// liblinear's rows: one contiguous node array, row pointers into it.
struct SparseRows {
  std::vector<feature_node> nodes;
  std::vector<size_t> starts;
  std::vector<double> y;
};

void AddRow(const std::string& normalised, const FeatureConfig& cfg, SparseRows& rows,
            std::vector<std::pair<uint32_t, uint8_t>>& occ) {
  occ.clear();
  uint32_t count[2] = {0, 0};
  ForEachFeature(normalised, cfg, [&](Block b, uint32_t bucket) {
    occ.emplace_back(bucket, static_cast<uint8_t>(b));
    ++count[static_cast<int>(b)];
  });
  std::sort(occ.begin(), occ.end());
  double inv[2] = {count[0] ? 1.0 / std::sqrt(double(count[0])) : 0, count[1] ? 1.0 / std::sqrt(double(count[1])) : 0};
  rows.starts.push_back(rows.nodes.size());
  for (size_t i = 0; i < occ.size();) {
    uint32_t bucket = occ[i].first;
    double v = 0;
    for (; i < occ.size() && occ[i].first == bucket; ++i) v += inv[occ[i].second];
    rows.nodes.push_back({static_cast<int>(bucket) + 1, v});
  }
  rows.nodes.push_back({(1 << cfg.bucket_bits) + 1, 1.0});  // bias feature
  rows.nodes.push_back({-1, 0});
}

void Quiet(const char*) {}

// Returns the weights (2^bits) and the bias of a model trained on the rows.
Result<std::pair<std::vector<double>, double>> Fit(const std::vector<const std::string*>& texts,
                                                   const std::vector<int>& labels, const TrainParams& p) {
  SparseRows rows;
  std::vector<std::pair<uint32_t, uint8_t>> occ;
  for (size_t i = 0; i < texts.size(); ++i) {
    AddRow(*texts[i], p.features, rows, occ);
    rows.y.push_back(labels[i] ? 1.0 : -1.0);
  }
  std::vector<feature_node*> x;
  for (size_t s : rows.starts) x.push_back(&rows.nodes[s]);
  const int buckets = 1 << p.features.bucket_bits;
  std::vector<double> scale;
  if (p.scaling != 0) {
    // Document frequencies per class (each row's buckets are distinct), then the scale per bucket.
    std::vector<double> df_pos(static_cast<size_t>(buckets), 0), df_neg(static_cast<size_t>(buckets), 0);
    double n_pos = 0, n_neg = 0;
    for (size_t r = 0; r < x.size(); ++r) {
      bool pos = labels[r] != 0;
      (pos ? n_pos : n_neg) += 1;
      for (feature_node* f = x[r]; f->index > 0 && f->index <= buckets; ++f) {
        (pos ? df_pos : df_neg)[static_cast<size_t>(f->index - 1)] += 1;
      }
    }
    scale.resize(static_cast<size_t>(buckets));
    double sum_pos = 0, sum_neg = 0;
    for (int b = 0; b < buckets; ++b) {
      sum_pos += df_pos[static_cast<size_t>(b)] + 1;
      sum_neg += df_neg[static_cast<size_t>(b)] + 1;
    }
    const double n = n_pos + n_neg;
    for (size_t b = 0; b < scale.size(); ++b) {
      if (p.scaling == 1) {
        scale[b] = std::log((1 + n) / (1 + df_pos[b] + df_neg[b])) + 1;
      } else {
        scale[b] = std::fabs(std::log(((df_pos[b] + 1) / sum_pos) / ((df_neg[b] + 1) / sum_neg))) + 0.1;
      }
    }
    for (feature_node* row : x) {
      for (feature_node* f = row; f->index > 0 && f->index <= buckets; ++f) f->value *= scale[static_cast<size_t>(f->index - 1)];
    }
  }
  problem prob{};
  prob.l = static_cast<int>(x.size());
  prob.n = buckets + 1;
  prob.y = rows.y.data();
  prob.x = x.data();
  prob.bias = 1;
  parameter param{};
  param.solver_type = p.solver;
  param.eps = p.solver == L2R_LR || p.solver == L2R_L2LOSS_SVC ? 0.01 : 0.1;
  param.C = p.C;
  param.p = 0.1;
  if (const char* err = check_parameter(&prob, &param)) return Status::Error("bad_train_parameters", err);
  set_print_string_function(&Quiet);
  std::srand(1);
  model* m = train(&prob, &param);
  if (!m) return Status::Error("train_failed");
  double sign = m->label[0] == 1 ? 1.0 : -1.0;
  std::vector<double> w(static_cast<size_t>(buckets));
  for (int i = 0; i < buckets; ++i) {
    w[static_cast<size_t>(i)] = sign * m->w[i] * (scale.empty() ? 1.0 : scale[static_cast<size_t>(i)]);
  }
  double bias = sign * m->w[buckets];
  free_and_destroy_model(&m);
  return std::make_pair(std::move(w), bias);
}

// Platt's sigmoid fit (Lin, Lin & Weng's robust version, as in libsvm): returns (A, B) with
// P(positive | f) = 1 / (1 + exp(A f + B)).
std::pair<double, double> FitSigmoid(const std::vector<double>& f, const std::vector<int>& y) {
  double prior1 = 0, prior0 = 0;
  for (int v : y) (v ? prior1 : prior0) += 1;
  const double hi = (prior1 + 1) / (prior1 + 2), lo = 1 / (prior0 + 2);
  const size_t n = f.size();
  std::vector<double> t(n);
  for (size_t i = 0; i < n; ++i) t[i] = y[i] ? hi : lo;
  double A = 0, B = std::log((prior0 + 1) / (prior1 + 1)), fval = 0;
  auto objective = [&](double a, double b) {
    double s = 0;
    for (size_t i = 0; i < n; ++i) {
      double fApB = f[i] * a + b;
      s += fApB >= 0 ? t[i] * fApB + std::log1p(std::exp(-fApB)) : (t[i] - 1) * fApB + std::log1p(std::exp(fApB));
    }
    return s;
  };
  fval = objective(A, B);
  for (int iter = 0; iter < 100; ++iter) {
    double h11 = 1e-12, h22 = 1e-12, h21 = 0, g1 = 0, g2 = 0;
    for (size_t i = 0; i < n; ++i) {
      double fApB = f[i] * A + B;
      double p, q;
      if (fApB >= 0) {
        p = std::exp(-fApB) / (1 + std::exp(-fApB));
        q = 1 / (1 + std::exp(-fApB));
      } else {
        p = 1 / (1 + std::exp(fApB));
        q = std::exp(fApB) / (1 + std::exp(fApB));
      }
      double d2 = p * q;
      h11 += f[i] * f[i] * d2;
      h22 += d2;
      h21 += f[i] * d2;
      double d1 = t[i] - p;
      g1 += f[i] * d1;
      g2 += d1;
    }
    if (std::fabs(g1) < 1e-5 && std::fabs(g2) < 1e-5) break;
    double det = h11 * h22 - h21 * h21;
    double dA = -(h22 * g1 - h21 * g2) / det, dB = -(-h21 * g1 + h11 * g2) / det;
    double gd = g1 * dA + g2 * dB, step = 1;
    while (step >= 1e-10) {
      double nA = A + step * dA, nB = B + step * dB, nf = objective(nA, nB);
      if (nf < fval + 1e-4 * step * gd) {
        A = nA;
        B = nB;
        fval = nf;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10) break;
  }
  return {A, B};
}

// The threshold with the best F1 on (probability, label) pairs: midway between the lowest flagged
// probability and the next one down.
float BestThreshold(const std::vector<float>& p, const std::vector<int>& y) {
  std::vector<size_t> order(p.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p[a] > p[b]; });
  size_t pos = 0;
  for (int v : y) pos += v != 0;
  size_t tp = 0;
  double best_f1 = -1;
  float best = 0.5f;
  for (size_t k = 0; k < order.size(); ++k) {
    tp += y[order[k]] != 0;
    if (k + 1 < order.size() && p[order[k + 1]] == p[order[k]]) continue;  // cut between distinct values
    double f1 = 2.0 * tp / (double(k + 1) + double(pos));
    if (f1 > best_f1) {
      best_f1 = f1;
      float lower = k + 1 < order.size() ? p[order[k + 1]] : 0.0f;
      best = (p[order[k]] + lower) / 2;
    }
  }
  return std::clamp(best, 0.0f, 1.0f);
}

std::string ModelFile(const std::string& name, Lang lang, const TrainParams& params,
                      const std::vector<double>& w, double bias, float a, float b, float threshold) {
  ModelHeader h;
  h.name = name;
  h.lang = std::string(LangCode(lang));
  h.features = params.features;
  std::vector<int8_t> q;
  h.weight_scale = QuantiseWeights(w, q);
  h.bias = static_cast<float>(bias);
  h.platt_a = a;
  h.platt_b = b;
  h.threshold = threshold;
  return WriteModel(h, q);
}

}  // namespace

std::string TrainParams::ToString() const {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s C=%g words=1-%d chars=%d-%d buckets=2^%d%s",
                solver == 0 ? "logreg" : solver == 1 ? "svm" : "solver" , C, features.word_max_n,
                features.char_min, features.char_max, features.bucket_bits,
                scaling == 1 ? " scaling=idf" : scaling == 2 ? " scaling=nb" : "");
  return buf;
}

Metrics ComputeMetrics(const std::vector<int>& gold, const std::vector<int>& predicted) {
  Metrics m;
  for (size_t i = 0; i < gold.size() && i < predicted.size(); ++i) {
    bool g = gold[i] != 0, p = predicted[i] != 0;
    m.tp += g && p;
    m.fp += !g && p;
    m.fn += g && !p;
    m.tn += !g && !p;
  }
  auto f1 = [](double tp, double fp, double fn) { return tp == 0 ? 0.0 : 2 * tp / (2 * tp + fp + fn); };
  m.precision = m.tp + m.fp ? double(m.tp) / double(m.tp + m.fp) : 0;
  m.recall = m.tp + m.fn ? double(m.tp) / double(m.tp + m.fn) : 0;
  m.f1 = f1(double(m.tp), double(m.fp), double(m.fn));
  m.macro_f1 = (m.f1 + f1(double(m.tn), double(m.fn), double(m.fp))) / 2;
  return m;
}

Result<TrainResult> TrainModel(const std::string& name, Lang lang, const std::vector<LabelledText>& train,
                               const std::vector<LabelledText>& validation, const TrainParams& params,
                               bool refit_on_all) {
  if (!params.features.Valid()) return Status::Error("bad_train_parameters", "feature configuration");
  std::vector<std::string> norm_train, norm_val;
  std::vector<int> y_train, y_val;
  for (const auto& r : train) {
    norm_train.push_back(Normalise(r.text));
    y_train.push_back(r.label);
  }
  for (const auto& r : validation) {
    norm_val.push_back(Normalise(r.text));
    y_val.push_back(r.label);
  }
  auto has_both = [](const std::vector<int>& y) {
    return std::count(y.begin(), y.end(), 1) > 0 && std::count(y.begin(), y.end(), 0) > 0;
  };
  if (!has_both(y_train) || !has_both(y_val)) {
    return Status::Error("one_class_only", "training and validation data need positive and negative rows");
  }
  std::vector<const std::string*> texts;
  for (const auto& s : norm_train) texts.push_back(&s);
  auto fit = Fit(texts, y_train, params);
  if (!fit.ok()) return fit.status();
  // Calibrate the quantised model exactly as it will run.
  std::string bytes = ModelFile(name, lang, params, fit->first, fit->second, -1, 0, 0.5f);
  auto model = NgbmModel::Parse(bytes);
  if (!model.ok()) return model.status();
  std::vector<double> dec;
  for (const auto& s : norm_val) dec.push_back(model.value()->Decision(s));
  auto [a, b] = FitSigmoid(dec, y_val);
  TrainResult r;
  r.params = params;
  r.platt_a = static_cast<float>(a);
  r.platt_b = static_cast<float>(b);
  bytes = ModelFile(name, lang, params, fit->first, fit->second, r.platt_a, r.platt_b, 0.5f);
  model = NgbmModel::Parse(bytes);
  if (!model.ok()) return model.status();
  std::vector<float> prob;
  for (double d : dec) prob.push_back(model.value()->Calibrate(d));
  r.threshold = BestThreshold(prob, y_val);
  std::vector<int> pred;
  for (float p : prob) pred.push_back(p >= r.threshold);
  r.validation = ComputeMetrics(y_val, pred);
  if (refit_on_all) {
    for (const auto& s : norm_val) texts.push_back(&s);
    std::vector<int> y_all = y_train;
    y_all.insert(y_all.end(), y_val.begin(), y_val.end());
    fit = Fit(texts, y_all, params);
    if (!fit.ok()) return fit.status();
  }
  r.model_bytes = ModelFile(name, lang, params, fit->first, fit->second, r.platt_a, r.platt_b, r.threshold);
  return r;
}

Result<TrainResult> SearchAndTrain(const std::string& name, Lang lang, const std::vector<LabelledText>& train,
                                   const std::vector<LabelledText>& validation,
                                   const std::vector<TrainParams>& grid, bool refit_on_all,
                                   const std::function<void(const TrainResult&)>& on_each) {
  if (grid.empty()) return Status::Error("bad_train_parameters", "empty grid");
  const TrainParams* best = nullptr;
  double best_f1 = -1;
  for (const TrainParams& p : grid) {
    auto r = TrainModel(name, lang, train, validation, p, false);
    if (!r.ok()) return r.status();
    if (on_each) on_each(r.value());
    if (r->validation.f1 > best_f1) {
      best_f1 = r->validation.f1;
      best = &p;
    }
  }
  return TrainModel(name, lang, train, validation, *best, refit_on_all);
}

Result<std::vector<TrainParams>> ParseGrid(std::string_view spec) {
  std::vector<TrainParams> grid;
  while (!spec.empty()) {
    size_t semi = spec.find(';');
    std::string item(spec.substr(0, semi));
    spec = semi == std::string_view::npos ? std::string_view() : spec.substr(semi + 1);
    if (item.empty()) continue;
    TrainParams p;
    p.features = FeatureConfig{2, 2, 5, 18};
    std::string_view rest = item;
    bool first = true;
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      std::string_view f = rest.substr(0, comma);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      int a = 0, b = 0;
      double c = 0;
      std::string fs(f);
      if (first && (f == "svm" || f == "logreg")) {
        p.solver = f == "svm" ? 1 : 0;
      } else if (std::sscanf(fs.c_str(), "C=%lf", &c) == 1 && c > 0) {
        p.C = c;
      } else if (std::sscanf(fs.c_str(), "w=%d", &a) == 1 && a >= 0 && a <= 3) {
        p.features.word_max_n = static_cast<uint8_t>(a);
      } else if (std::sscanf(fs.c_str(), "c=%d-%d", &a, &b) == 2 && a >= 0 && b >= 0 && b <= 8) {
        p.features.char_min = static_cast<uint8_t>(a);
        p.features.char_max = static_cast<uint8_t>(b);
      } else if (f == "s=idf" || f == "s=nb" || f == "s=none") {
        p.scaling = f == "s=idf" ? 1 : f == "s=nb" ? 2 : 0;
      } else if (std::sscanf(fs.c_str(), "b=%d", &a) == 1 && a >= 10 && a <= 24) {
        p.features.bucket_bits = static_cast<uint8_t>(a);
      } else {
        return Status::Error("bad_grid", "cannot read '" + fs + "' in '" + item + "'");
      }
      first = false;
    }
    if (!p.features.Valid()) return Status::Error("bad_grid", "invalid features in '" + item + "'");
    grid.push_back(p);
  }
  if (grid.empty()) return Status::Error("bad_grid", "no candidates");
  return grid;
}

std::vector<TrainParams> DefaultGrid() {
  // Chosen on the validation slices (docs/text-models.md): NB-scaled linear SVMs over word 1-2 and
  // char 2-5 n-grams in 2^18 buckets (a 256 KiB table that stays in cache; 2^20 buckets and char
  // 1-grams were worth < 1 F1 point at 1.5x the scoring time).
  return ParseGrid("svm,C=0.3,c=2-5,s=nb,b=18;svm,C=0.1,c=2-5,s=nb,b=18;svm,C=1,c=2-5,s=nb,b=18;"
                   "logreg,C=10,c=2-5,s=nb,b=18;svm,C=0.3,c=2-5,b=18")
      .value();
}

}  // namespace ngb::text
