// Model round trip on a tiny synthetic, non-offensive task ("positive" = messages about fruit), file
// validation, determinism and the classifier front end.
#include "text/classifier.h"

#include <gtest/gtest.h>

#include <cstring>

#include "text/corpora.h"
#include "text/model_file.h"
#include "text/normalise.h"
#include "text/trainer.h"

namespace ngb::text {
namespace {

std::vector<LabelledText> FruitData(int n, uint64_t seed) {
  const char* fruit[] = {"apple", "mango", "banana", "grapes", "orange", "kela", "aam"};
  const char* other[] = {"car", "train", "school", "football", "rain", "kitab", "bus"};
  const char* frame[] = {"i like the %s", "yeh %s bohat acha hai", "where is my %s", "%s for lunch today",
                         "do you have a %s", "mujhe %s chahiye"};
  std::vector<LabelledText> rows;
  uint64_t x = seed;
  for (int i = 0; i < n; ++i) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    int label = static_cast<int>((x >> 40) & 1);
    const char* word = label ? fruit[(x >> 20) % 7] : other[(x >> 20) % 7];
    char buf[128];
    std::snprintf(buf, sizeof buf, frame[(x >> 50) % 6], word);
    rows.push_back({buf, label});
  }
  return rows;
}

TrainParams SmallParams() {
  TrainParams p;
  p.features = FeatureConfig{2, 2, 4, 12};
  p.solver = 1;
  p.C = 1;
  return p;
}

TEST(LinearModelTest, TrainRoundTripAndScore) {
  auto r = TrainModel("test-fruit", Lang::kEnglish, FruitData(400, 1), FruitData(100, 2), SmallParams(), true);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GT(r->validation.f1, 0.95);
  auto m = LinearModel::FromBytes(r->model_bytes);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m.value()->name(), "test-fruit");
  EXPECT_GE(m.value()->Score(Normalise("i like the mango")), m.value()->threshold());
  EXPECT_LT(m.value()->Score(Normalise("i like the football")), m.value()->threshold());
  float s = m.value()->Score("");
  EXPECT_GE(s, 0.0f);
  EXPECT_LE(s, 1.0f);
}

TEST(LinearModelTest, TrainingIsDeterministic) {
  auto a = TrainModel("t", Lang::kRomanUrdu, FruitData(300, 5), FruitData(80, 6), SmallParams(), true);
  auto b = TrainModel("t", Lang::kRomanUrdu, FruitData(300, 5), FruitData(80, 6), SmallParams(), true);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->model_bytes, b->model_bytes);
}

TEST(LinearModelTest, RejectsCorruptFiles) {
  auto r = TrainModel("t", Lang::kEnglish, FruitData(200, 3), FruitData(60, 4), SmallParams(), false);
  ASSERT_TRUE(r.ok());
  const std::string good = r->model_bytes;
  ASSERT_TRUE(LinearModel::FromBytes(good).ok());
  EXPECT_EQ(LinearModel::FromBytes("").status().reason(), "bad_model_file");
  EXPECT_EQ(LinearModel::FromBytes(good.substr(0, 100)).status().reason(), "bad_model_file");
  std::string bad = good;
  bad[0] = 'X';
  EXPECT_EQ(LinearModel::FromBytes(bad).status().reason(), "not_a_model");
  bad = good;
  bad[4] = 9;
  EXPECT_EQ(LinearModel::FromBytes(bad).status().reason(), "unsupported_model_version");
  bad = good;
  bad[good.size() - 1] ^= 1;  // one weight flipped
  EXPECT_EQ(LinearModel::FromBytes(bad).status().reason(), "model_checksum_mismatch");
  bad = good + "x";
  EXPECT_EQ(LinearModel::FromBytes(bad).status().reason(), "bad_model_file");
  bad = good;
  bad[12] = 30;  // 2^30 buckets
  EXPECT_EQ(LinearModel::FromBytes(bad).status().reason(), "bad_model_file");
  bad = good;
  float nan = std::numeric_limits<float>::quiet_NaN();
  std::memcpy(&bad[40], &nan, 4);  // threshold
  EXPECT_EQ(LinearModel::FromBytes(bad).status().reason(), "bad_model_file");
  EXPECT_FALSE(LinearModel::Load("/nonexistent/model.ngbm").ok());
}

TEST(LinearModelTest, QuantisationKeepsScores) {
  std::vector<double> w = {0.5, -1.27, 0.0, 1.27, 0.013};
  std::vector<int8_t> q;
  float scale = QuantiseWeights(w, q);
  EXPECT_NEAR(scale, 0.01, 1e-6);
  EXPECT_EQ(q[1], -127);
  EXPECT_EQ(q[3], 127);
  EXPECT_EQ(q[4], 1);
}

TEST(MetricsTest, F1AndMacro) {
  Metrics m = ComputeMetrics({1, 1, 0, 0}, {1, 0, 1, 0});
  EXPECT_DOUBLE_EQ(m.precision, 0.5);
  EXPECT_DOUBLE_EQ(m.recall, 0.5);
  EXPECT_DOUBLE_EQ(m.f1, 0.5);
  EXPECT_DOUBLE_EQ(m.macro_f1, 0.5);
}

TEST(AbuseClassifierTest, BuiltInModelsLoadAndScore) {
  auto c = AbuseClassifier::Load();
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  Verdict v = c->Classify("kia haal hai yar");
  EXPECT_EQ(v.lang, Lang::kRomanUrdu);
  EXPECT_GE(v.score, 0.0f);
  EXPECT_LE(v.score, 1.0f);
  EXPECT_EQ(c->Classify("آپ کیسے ہیں").lang, Lang::kUrdu);
  EXPECT_EQ(c->Classify("how was school today").lang, Lang::kEnglish);
  EXPECT_FALSE(c->Classify("").flag);
}

TEST(CorporaTest, Layouts) {
  auto r = ParseCorpus("some text\t0\r\nmore\ttext\t1\r\nbroken\r\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->format, CorpusFormat::kRuhsold);
  ASSERT_EQ(r->rows.size(), 2u);
  EXPECT_EQ(r->rows[0].label, 1);  // 0 = abusive = positive
  EXPECT_EQ(r->rows[1].text, "more\ttext");
  EXPECT_EQ(r->errors.size(), 1u);
  auto a = ParseCorpus("label\ttext\n1\tx y\n0\tz\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->format, CorpusFormat::kAkhter);
  EXPECT_EQ(a->rows[0].label, 1);
  std::string fs = "userid\tpost\tques\tans\tasker\tans1\tseverity1\tbully1\tans2\tseverity2\tbully2\tans3\tseverity3\tbully3\n"
                   "u\tQ: a<br>A: b\tq &amp; x\tline1\nline2\tnone\tYes\t3\tw\tYes\t2\tw\tNo\t0\tn/a\n"
                   "u\tp\tq2\ta2\tnone\tNo\t0\tn/a\tYes\t1\tw\tNo\t0\tn/a\n";
  auto f = ParseCorpus(fs);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->format, CorpusFormat::kFormspring);
  ASSERT_EQ(f->rows.size(), 2u);
  EXPECT_EQ(f->rows[0].label, 1);
  EXPECT_EQ(f->rows[0].text, "q & x line1\nline2");
  EXPECT_EQ(f->rows[1].label, 0);
  EXPECT_EQ(DecodeHtml("it&#039;s<br>ok &#x41; &bogus;"), "it's ok A &bogus;");
  EXPECT_FALSE(ParseCorpus("no tabs here\n").ok());
}

}  // namespace
}  // namespace ngb::text
