// The dev gold articles: no article's score may fall below its baseline.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "eval/eval.h"

namespace {

const std::filesystem::path kCorpus = std::filesystem::path(ISNAD_CORPUS_DIR) / "ar-dev";
const std::filesystem::path kBaseline = std::filesystem::path(ISNAD_SOURCE_DIR) / "tests/golden/ar-dev-baseline.json";

TEST(GoldenCorpus, NoArticleScoresBelowItsBaseline) {
  if (!std::filesystem::is_directory(kCorpus))
    GTEST_SKIP() << "gold corpus not found at " << kCorpus << " (set ISNAD_CORPUS_DIR)";
  std::ifstream baseline_file(kBaseline);
  ASSERT_TRUE(baseline_file) << kBaseline;
  const nlohmann::json baseline = nlohmann::json::parse(baseline_file)["articles"];
  size_t articles = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    const isnad::eval::ArticleScore score = isnad::eval::score_article(nlohmann::json::parse(in));
    const std::string id = score.id.empty() ? entry.path().stem().string() : score.id;
    ASSERT_TRUE(baseline.contains(id)) << id << " has no baseline";
    const isnad::eval::Metrics m = isnad::eval::metrics(score.counts);
    const double slack = 1e-6;
    EXPECT_GE(m.claim_f1 + slack, baseline[id]["claim_f1"].get<double>()) << id;
    EXPECT_GE(m.attribution + slack, baseline[id]["attribution"].get<double>()) << id;
    EXPECT_GE(m.e2e_f1 + slack, baseline[id]["e2e_f1"].get<double>()) << id;
    ++articles;
  }
  EXPECT_EQ(articles, baseline.size());
}

}  // namespace
