// Training the message-level linear models with liblinear: hashed features (features.h), a linear
// SVM or logistic regression, Platt calibration and a decision threshold chosen on validation data,
// int8 weights written as a `.ngbm` file (model_file.h). Deterministic: the same inputs give
// byte-identical model files (inputs are used in the order given; liblinear's rand() is seeded).
// Not thread-safe (liblinear's random state and print hook are global): train one model at a time.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "text/corpora.h"
#include "text/features.h"
#include "text/language.h"

namespace ngb::text {

struct TrainParams {
  FeatureConfig features;
  int solver = 1;    // liblinear solver: 0 = L2-regularised logistic regression, 1 = L2-loss SVM (dual)
  double C = 1;      // inverse regularisation strength
  // Per-bucket feature scaling during training, folded into the shipped weights (so scoring is
  // unchanged): 0 none, 1 IDF (smoothed, as scikit-learn), 2 naive-Bayes log-count ratio (NBSVM).
  int scaling = 0;
  std::string ToString() const;
};

struct Metrics {
  size_t tp = 0, fp = 0, fn = 0, tn = 0;
  double precision = 0, recall = 0, f1 = 0;  // of the positive class
  double macro_f1 = 0;                       // mean of the F1 of both classes
};
Metrics ComputeMetrics(const std::vector<int>& gold, const std::vector<int>& predicted);

struct TrainResult {
  std::string model_bytes;  // the .ngbm file
  TrainParams params;
  Metrics validation;       // of the model trained on the training rows only, at its threshold
  float threshold = 0.5f, platt_a = -1, platt_b = 0;
};

// Trains on `train`, fits the calibration and picks the F1-best threshold on `validation`
// (REQUIRES: both classes present in each). With refit_on_all the shipped weights are retrained on
// train + validation with the same parameters, calibration and threshold.
Result<TrainResult> TrainModel(const std::string& name, Lang lang, const std::vector<LabelledText>& train,
                               const std::vector<LabelledText>& validation, const TrainParams& params,
                               bool refit_on_all);

// Tries every parameter set in `grid` (in order), keeps the best validation F1 (first wins ties),
// then trains the shipped model with it. `on_each` sees every candidate's validation result.
Result<TrainResult> SearchAndTrain(const std::string& name, Lang lang, const std::vector<LabelledText>& train,
                                   const std::vector<LabelledText>& validation,
                                   const std::vector<TrainParams>& grid, bool refit_on_all,
                                   const std::function<void(const TrainResult&)>& on_each = {});

// The default search grid of `nigehbaan text train`.
std::vector<TrainParams> DefaultGrid();
// A grid from text: candidates separated by ';', each "svm|logreg[,C=1][,w=2][,c=2-5][,b=20][,s=idf|nb]"
// (w = word n-gram max, c = char n-gram range, b = bucket bits, s = feature scaling).
Result<std::vector<TrainParams>> ParseGrid(std::string_view spec);

}  // namespace ngb::text
