// Scores the extractor against gold articles, as ../shared/corpus/README.md
// defines: content-overlap claim matching, attribution by the naming rule,
// end-to-end and speaker-entity scores, micro-averaged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "isnad/isnad.h"

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

// A claim the scoring did not accept, with the texts a linguist needs to see
// why. Empty strings stand for absent fields (no cue, pro-drop speaker).
struct Miss {
  enum class Kind { Missed, Spurious, Misattributed };
  Kind kind;
  std::string type;     // the gold claim's type for a missed claim, else the predicted one's
  std::string content;  // the gold content for a missed claim, else the predicted content
  std::string cue;      // likewise
  std::string gold_speaker, gold_entity;            // Missed and Misattributed
  std::string predicted_speaker, predicted_entity;  // Spurious and Misattributed
};

struct ArticleScore {
  std::string id;
  Counts counts;
  std::vector<Miss> misses;  // spurious and misattributed in predicted order, then missed in gold order
};

// Scores `predicted`, the result of extract() on the article's text (as
// UTF-16), against the gold article. Throws std::runtime_error, naming the
// field, when the gold file is malformed.
ArticleScore score_article(const nlohmann::json& gold, const Result& predicted);

// Runs extract() on the article's text and scores the result.
ArticleScore score_article(const nlohmann::json& gold);

// The naming rule: some predicted name, folded, equals a gold name, contains
// one as a run of whole words, or is a run of whole words inside one while
// holding a word that is not a bare title (data/ar/eval_titles.tsv).
bool names_entity(const std::vector<std::string>& predicted_names, const std::vector<std::string>& gold_names);

// The corpus README's folding: NFKC, Arabic marks and tatweel removed,
// أ إ آ ٱ → ا, ة → ه, ى → ي, punctuation dropped, case folded, spaces collapsed.
std::string fold(std::string_view utf8);

}  // namespace isnad::eval
