// What the language rules hand to attribution: claims with their speaker
// mentions analysed, before mentions are grouped into entities.
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "isnad/isnad.h"

namespace isnad {

enum class Gender : uint8_t { Unknown, Masculine, Feminine };
enum class Number : uint8_t { Unknown, Singular, Dual, Plural };

struct Agreement {
  Gender gender = Gender::Unknown;
  Number number = Number::Unknown;
};

// A noun phrase that names a source, analysed by the language rules.
struct Mention {
  Span span;   // the whole mention: title, name and apposition
  Span name;   // the proper name inside it (empty if it has none)
  Span title;  // the title or role inside it (empty if it has none)
  EntityKind kind = EntityKind::Person;
  Agreement agreement;
  std::vector<std::u16string> name_keys;   // folded words of the name
  std::vector<std::u16string> title_keys;  // folded words of the title
};

// Where a claim without a speaker mention finds its source.
enum class Antecedent : uint8_t {
  Mention,      // the claim has its own speaker mention
  Previous,     // pro-drop or participle: the latest agreeing source before it
  MainSpeaker,  // a quoted subhead: the article's main source
};

struct DraftClaim {
  ClaimType type = ClaimType::Indirect;
  std::optional<Span> cue;
  Span content;
  std::optional<Mention> speaker;
  std::optional<Mention> subject;      // for pro-drop: an agreeing subject in this or the previous sentence
  uint32_t subject_sentence_start = 0;  // text offset where the subject's sentence starts
  std::optional<Mention> reported_by;  // the relay of a chain
  Antecedent antecedent = Antecedent::Mention;
  Agreement agreement;  // of the cue, for resolving pro-drop
  uint32_t anchor = 0;  // text offset that orders claims for resolution
  double confidence = 0.5;
};

// std::sort of claims by `less`, done on their indexes and then moved into
// place: a claim is heavy to swap. std::sort's result depends only on the
// comparisons it makes, so the order is the very one sorting the claims
// themselves gives, ties included. Claims are mostly found in order, so the
// permutation is followed cycle by cycle and a claim already in place stays.
template <typename Less>
void sort_claims(std::vector<DraftClaim>& claims, Less less) {
  std::vector<size_t> order(claims.size());  // order[i]: the claim that goes to i
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return less(claims[a], claims[b]); });
  for (size_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;
    DraftClaim held = std::move(claims[start]);
    size_t to = start;
    for (size_t from = order[to]; from != start; to = from, from = order[to]) {
      claims[to] = std::move(claims[from]);
      order[to] = to;
    }
    claims[to] = std::move(held);
    order[to] = to;
  }
}

}  // namespace isnad
