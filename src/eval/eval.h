// Scores the extractor against gold articles, as ../shared/corpus/README.md
// defines: content-overlap claim matching, attribution by the naming rule,
// end-to-end and speaker-entity scores, micro-averaged.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace isnad::eval {

struct Counts {
  size_t predicted = 0, gold = 0, matched = 0, attributed = 0;
  size_t gold_entities = 0, gold_entities_found = 0;
  size_t predicted_entities = 0, predicted_entities_found = 0;
  Counts& operator+=(const Counts& o);
};

struct Metrics {
  double claim_p, claim_r, claim_f1, attribution, e2e_p, e2e_r, e2e_f1, entity_p, entity_r, entity_f1;
};
Metrics metrics(const Counts& c);

struct ArticleScore {
  std::string id;
  Counts counts;
  std::vector<std::string> misses;  // one readable line per missed, spurious or misattributed claim
};

// Runs isnad::extract on the article's text and scores it. Throws
// std::runtime_error when the gold file lacks its fields.
ArticleScore score_article(const nlohmann::json& gold);

// The corpus README's folding: NFKC, Arabic marks and tatweel removed,
// أ إ آ ٱ → ا, ة → ه, ى → ي, punctuation dropped, case folded, spaces collapsed.
std::string fold(const std::string& utf8);

}  // namespace isnad::eval
