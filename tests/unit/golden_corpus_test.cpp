// The dev gold articles, one test each: no score may fall below its baseline
// in tests/golden/ (scores only; the gold answers stay in the corpus).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "eval/eval.h"

namespace {

const std::filesystem::path kCorpus = std::filesystem::path(ISNAD_CORPUS_DIR) / "ar-dev";
const std::filesystem::path kBaseline = std::filesystem::path(ISNAD_SOURCE_DIR) / "tests/golden/ar-dev-baseline.json";
constexpr double kSlack = 1e-6;  // the baseline keeps six decimals

std::vector<std::string> articles() {
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus, ec))
    if (entry.path().extension() == ".json") ids.push_back(entry.path().stem().string());
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::string describe(const isnad::eval::Miss& m) {
  using Kind = isnad::eval::Miss::Kind;
  const char* kind = m.kind == Kind::Missed ? "missed" : m.kind == Kind::Spurious ? "spurious" : "misattributed";
  return std::string("\n  ") + kind + " " + m.type + " cue «" + m.cue + "» gold «" + m.gold_entity +
         "» predicted «" + m.predicted_entity + "» content «" + m.content + "»";
}

class GoldenArticle : public testing::TestWithParam<std::string> {};

TEST_P(GoldenArticle, ScoresAtLeastItsBaseline) {
  std::ifstream baseline_file(kBaseline);
  ASSERT_TRUE(baseline_file) << kBaseline;
  const nlohmann::json baseline = nlohmann::json::parse(baseline_file)["articles"];
  const std::string id = GetParam();
  ASSERT_TRUE(baseline.contains(id)) << id << " has no baseline in " << kBaseline
                                     << "; write one with: isnad eval " << kCorpus.string() << " --write-baseline "
                                     << kBaseline.string();
  std::ifstream in(kCorpus / (id + ".json"));
  const isnad::eval::ArticleScore score = isnad::eval::score_article(nlohmann::json::parse(in));
  const isnad::eval::Metrics m = isnad::eval::metrics(score.counts);
  std::string misses;
  for (const isnad::eval::Miss& miss : score.misses) misses += describe(miss);
  const std::pair<const char*, double> scores[] = {
      {"claim_f1", m.claim_f1}, {"attribution", m.attribution}, {"e2e_f1", m.e2e_f1}, {"entity_f1", m.entity_f1}};
  for (const auto& [name, value] : scores)
    if (baseline[id].contains(name))
      EXPECT_GE(value + kSlack, baseline[id][name].get<double>()) << name << misses;
}

INSTANTIATE_TEST_SUITE_P(ArDev, GoldenArticle, testing::ValuesIn(articles()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenArticle);

TEST(GoldenCorpus, IsPresent) {
  if (!std::filesystem::is_directory(kCorpus))
    GTEST_SKIP() << "The gold corpus is not at " << kCorpus.string()
                 << ", so the golden tests did not run. Set ISNAD_CORPUS_DIR to the corpus folder.";
  EXPECT_FALSE(articles().empty());
}

}  // namespace
