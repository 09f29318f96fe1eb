// The dev gold articles, one test each: no score may fall below its baseline.
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

std::vector<std::string> articles() {
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus, ec))
    if (entry.path().extension() == ".json") ids.push_back(entry.path().stem().string());
  std::sort(ids.begin(), ids.end());
  return ids;
}

class GoldenArticle : public testing::TestWithParam<std::string> {};

TEST_P(GoldenArticle, ScoresAtLeastItsBaseline) {
  std::ifstream baseline_file(kBaseline);
  ASSERT_TRUE(baseline_file) << kBaseline;
  const nlohmann::json baseline = nlohmann::json::parse(baseline_file)["articles"];
  const std::string id = GetParam();
  ASSERT_TRUE(baseline.contains(id)) << id << " has no baseline in " << kBaseline;
  std::ifstream in(kCorpus / (id + ".json"));
  const isnad::eval::ArticleScore score = isnad::eval::score_article(nlohmann::json::parse(in));
  const isnad::eval::Metrics m = isnad::eval::metrics(score.counts);
  std::string misses;
  for (const std::string& line : score.misses) misses += "\n  " + line;
  const double slack = 1e-6;
  EXPECT_GE(m.claim_f1 + slack, baseline[id]["claim_f1"].get<double>()) << misses;
  EXPECT_GE(m.attribution + slack, baseline[id]["attribution"].get<double>()) << misses;
  EXPECT_GE(m.e2e_f1 + slack, baseline[id]["e2e_f1"].get<double>()) << misses;
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
    GTEST_SKIP() << "gold corpus not found at " << kCorpus << " (set ISNAD_CORPUS_DIR); the golden tests did not run";
  EXPECT_FALSE(articles().empty());
}

}  // namespace
