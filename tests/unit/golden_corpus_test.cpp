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

// Two gold sets: the shared dev corpus, and the articles written for the
// project's tests (always present).
struct GoldenSet {
  std::filesystem::path dir;
  std::filesystem::path baseline;
};
const GoldenSet kDev{std::filesystem::path(ISNAD_CORPUS_DIR) / "ar-dev",
                     std::filesystem::path(ISNAD_SOURCE_DIR) / "tests/golden/ar-dev-baseline.json"};
const GoldenSet kWritten{std::filesystem::path(ISNAD_SOURCE_DIR) / "tests/ar-written",
                         std::filesystem::path(ISNAD_SOURCE_DIR) / "tests/golden/ar-written-baseline.json"};
constexpr double kSlack = 1e-6;  // the baseline keeps six decimals

struct Article {
  const GoldenSet* set;
  std::string id;
};

void PrintTo(const Article& a, std::ostream* os) { *os << a.id; }

std::vector<Article> articles(const GoldenSet& set) {
  std::vector<Article> found;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(set.dir, ec))
    if (entry.path().extension() == ".json") found.push_back({&set, entry.path().stem().string()});
  std::sort(found.begin(), found.end(), [](const Article& a, const Article& b) { return a.id < b.id; });
  return found;
}

std::string describe(const isnad::eval::Miss& m) {
  using Kind = isnad::eval::Miss::Kind;
  const char* kind = m.kind == Kind::Missed ? "missed" : m.kind == Kind::Spurious ? "spurious" : "misattributed";
  return std::string("\n  ") + kind + " " + m.type + " cue «" + m.cue + "» gold «" + m.gold_entity +
         "» predicted «" + m.predicted_entity + "» content «" + m.content + "»";
}

class GoldenArticle : public testing::TestWithParam<Article> {};

TEST_P(GoldenArticle, ScoresAtLeastItsBaseline) {
  const GoldenSet& set = *GetParam().set;
  const std::string& id = GetParam().id;
  std::ifstream baseline_file(set.baseline);
  ASSERT_TRUE(baseline_file) << set.baseline;
  const nlohmann::json baseline = nlohmann::json::parse(baseline_file)["articles"];
  ASSERT_TRUE(baseline.contains(id)) << id << " has no baseline in " << set.baseline
                                     << "; write one with: isnad eval " << set.dir.string() << " --write-baseline "
                                     << set.baseline.string();
  std::ifstream in(set.dir / (id + ".json"));
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

std::string test_name(const testing::TestParamInfo<Article>& info) {
  std::string name = info.param.id;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(ArDev, GoldenArticle, testing::ValuesIn(articles(kDev)), test_name);
INSTANTIATE_TEST_SUITE_P(ArWritten, GoldenArticle, testing::ValuesIn(articles(kWritten)), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenArticle);

TEST(GoldenCorpus, IsPresent) {
  EXPECT_FALSE(articles(kWritten).empty()) << kWritten.dir;
  if (!std::filesystem::is_directory(kDev.dir))
    GTEST_SKIP() << "The gold corpus is not at " << kDev.dir.string()
                 << ", so the dev golden tests did not run. Set ISNAD_CORPUS_DIR to the corpus folder.";
  EXPECT_FALSE(articles(kDev).empty());
}

}  // namespace
