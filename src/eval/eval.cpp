#include "eval/eval.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "lexicon/embedded.h"

namespace isnad::eval {
namespace {

using Words = std::vector<std::string>;

std::u16string utf16(std::string_view s) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  return std::u16string(u.getBuffer(), static_cast<size_t>(u.length()));
}

std::string utf8(std::u16string_view s) {
  std::string out;
  icu::UnicodeString(false, s.data(), static_cast<int32_t>(s.size())).toUTF8String(out);
  return out;
}

Words split_words(std::string_view folded) {
  Words out;
  while (!folded.empty()) {
    const size_t space = folded.find(' ');
    if (space != 0) out.emplace_back(folded.substr(0, space));
    if (space == std::string_view::npos) break;
    folded.remove_prefix(space + 1);
  }
  return out;
}

const std::unordered_set<std::string>& bare_titles() {
  static const std::unordered_set<std::string> titles = [] {
    std::unordered_set<std::string> set;
    std::string_view file = lexicon_file("ar/eval_titles.tsv");
    while (!file.empty()) {
      const size_t eol = file.find('\n');
      const std::string_view line = file.substr(0, eol);
      file = eol == std::string_view::npos ? std::string_view() : file.substr(eol + 1);
      if (!line.empty() && line.front() != '#')
        for (std::string& word : split_words(fold(line))) set.insert(std::move(word));
    }
    return set;
  }();
  return titles;
}

bool contains_run(const Words& hay, const Words& needle) {
  return !needle.empty() && std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

bool names_one(const Words& predicted, const Words& gold) {
  if (predicted.empty() || gold.empty()) return false;
  if (contains_run(predicted, gold)) return true;  // also equality
  return contains_run(gold, predicted) &&
         std::any_of(predicted.begin(), predicted.end(), [](const std::string& w) { return !bare_titles().count(w); });
}

std::vector<Words> folded_names(const std::vector<std::string>& names) {
  std::vector<Words> out;
  out.reserve(names.size());
  for (const std::string& n : names) out.push_back(split_words(fold(n)));
  return out;
}

bool names_folded(const std::vector<Words>& predicted, const std::vector<Words>& gold) {
  for (const Words& p : predicted)
    for (const Words& g : gold)
      if (names_one(p, g)) return true;
  return false;
}

// Half-open range of code points.
struct Interval {
  size_t start, end;
};

const nlohmann::json& field(const nlohmann::json& object, const char* name, const std::string& where) {
  if (!object.is_object() || !object.contains(name)) throw std::runtime_error(where + " has no \"" + name + "\"");
  return object[name];
}

std::string string_field(const nlohmann::json& object, const char* name, const std::string& where) {
  const nlohmann::json& value = field(object, name, where);
  if (!value.is_string()) throw std::runtime_error(where + ": \"" + name + "\" is not a string");
  return value.get<std::string>();
}

Interval gold_span(const nlohmann::json& span, size_t text_length, const std::string& where) {
  const nlohmann::json& start = field(span, "start", where);
  const nlohmann::json& end = field(span, "end", where);
  if (!start.is_number_unsigned() || !end.is_number_unsigned() || start.get<size_t>() > end.get<size_t>() ||
      end.get<size_t>() > text_length)
    throw std::runtime_error(where + ": start/end are not offsets into the text");
  return {start.get<size_t>(), end.get<size_t>()};
}

std::string optional_text(const nlohmann::json& claim, const char* name) {
  const auto it = claim.find(name);
  return it != claim.end() && it->is_object() ? it->value("text", "") : "";
}

const char* type_name(ClaimType t) {
  switch (t) {
    case ClaimType::Direct: return "direct";
    case ClaimType::Mixed: return "mixed";
    case ClaimType::Indirect: break;
  }
  return "indirect";
}

struct Pair {
  double f1;
  size_t predicted, gold;
};

// Greedy one-to-one matching, best content-overlap F1 first (ties in text
// order); only pairs with F1 >= 0.5 qualify. Returns the gold index matched
// to each prediction, or -1.
std::vector<int> match_claims(const std::vector<Interval>& predicted, const std::vector<Interval>& gold) {
  std::vector<Pair> pairs;
  for (size_t p = 0; p < predicted.size(); ++p)
    for (size_t g = 0; g < gold.size(); ++g) {
      const size_t lo = std::max(predicted[p].start, gold[g].start), hi = std::min(predicted[p].end, gold[g].end);
      if (hi <= lo) continue;
      const size_t lengths = (predicted[p].end - predicted[p].start) + (gold[g].end - gold[g].start);
      const double f1 = 2.0 * static_cast<double>(hi - lo) / static_cast<double>(lengths);
      if (f1 >= 0.5) pairs.push_back({f1, p, g});
    }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.f1 > b.f1; });
  std::vector<int> gold_of(predicted.size(), -1);
  std::vector<bool> gold_taken(gold.size(), false);
  for (const Pair& pair : pairs)
    if (gold_of[pair.predicted] < 0 && !gold_taken[pair.gold]) {
      gold_of[pair.predicted] = static_cast<int>(pair.gold);
      gold_taken[pair.gold] = true;
    }
  return gold_of;
}

}  // namespace

Counts& Counts::operator+=(const Counts& o) {
  predicted += o.predicted;
  gold += o.gold;
  matched += o.matched;
  attributed += o.attributed;
  gold_entities += o.gold_entities;
  gold_entities_found += o.gold_entities_found;
  predicted_entities += o.predicted_entities;
  predicted_entities_found += o.predicted_entities_found;
  return *this;
}

Metrics metrics(const Counts& c) {
  auto ratio = [](size_t a, size_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; };
  auto f1 = [](double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; };
  Metrics m{};
  m.claim_p = ratio(c.matched, c.predicted);
  m.claim_r = ratio(c.matched, c.gold);
  m.claim_f1 = f1(m.claim_p, m.claim_r);
  m.attribution = ratio(c.attributed, c.matched);
  m.e2e_p = ratio(c.attributed, c.predicted);
  m.e2e_r = ratio(c.attributed, c.gold);
  m.e2e_f1 = f1(m.e2e_p, m.e2e_r);
  m.entity_p = ratio(c.predicted_entities_found, c.predicted_entities);
  m.entity_r = ratio(c.gold_entities_found, c.gold_entities);
  m.entity_f1 = f1(m.entity_p, m.entity_r);
  return m;
}

std::string fold(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU has no NFKC data");
  const icu::UnicodeString normalized = nfkc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))), status);
  icu::UnicodeString out;
  bool space = false;
  for (int32_t i = 0; i < normalized.length();) {
    UChar32 c = normalized.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      space = true;
      continue;
    }
    // Marks (diacritics), tatweel, punctuation, symbols and format controls go.
    const int32_t category = U_GET_GC_MASK(c);
    if (c == 0x0640 || (category & (U_GC_MN_MASK | U_GC_P_MASK | U_GC_S_MASK | U_GC_CF_MASK))) continue;
    if (c == 0x0623 || c == 0x0625 || c == 0x0622 || c == 0x0671) c = 0x0627;
    else if (c == 0x0629) c = 0x0647;
    else if (c == 0x0649) c = 0x064A;
    if (space && out.length() > 0) out.append(u' ');
    space = false;
    out.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

bool names_entity(const std::vector<std::string>& predicted_names, const std::vector<std::string>& gold_names) {
  return names_folded(folded_names(predicted_names), folded_names(gold_names));
}

ArticleScore score_article(const nlohmann::json& gold) {
  return score_article(gold, extract(utf16(string_field(gold, "text", "gold article"))));
}

ArticleScore score_article(const nlohmann::json& gold, const Result& predicted) {
  ArticleScore score;
  score.id = gold.is_object() ? gold.value("id", "") : "";
  const std::string where = score.id.empty() ? std::string("gold article") : score.id;
  const std::u16string text = utf16(string_field(gold, "text", where));
  const nlohmann::json& gold_claims = field(gold, "claims", where);
  if (!gold_claims.is_array()) throw std::runtime_error(where + ": \"claims\" is not an array");

  // Gold offsets are code points, predicted ones UTF-16 units: compare in code points.
  std::vector<size_t> code_point_at(text.size() + 1);
  for (size_t i = 0, cp = 0; i <= text.size(); ++i) {
    if (i > 0 && i < text.size() && U16_IS_TRAIL(text[i]) && U16_IS_LEAD(text[i - 1])) --cp;  // inside a pair
    code_point_at[i] = cp++;
  }
  const size_t text_code_points = code_point_at[text.size()];
  auto text_of = [&](const std::optional<Span>& s) {
    return s && s->end <= text.size() ? utf8(std::u16string_view(text).substr(s->start, s->length())) : std::string();
  };

  std::vector<Interval> predicted_spans;
  for (const Claim& c : predicted.claims) {
    if (c.content.start > c.content.end || c.content.end > text.size())
      throw std::runtime_error(where + ": a predicted content span lies outside the text");
    predicted_spans.push_back({code_point_at[c.content.start], code_point_at[c.content.end]});
  }
  std::vector<Interval> gold_spans;
  std::vector<std::string> gold_entity;
  for (size_t g = 0; g < gold_claims.size(); ++g) {
    const std::string claim_where = where + " claim " + std::to_string(g + 1);
    gold_spans.push_back(gold_span(field(gold_claims[g], "content", claim_where), text_code_points, claim_where));
    gold_entity.push_back(string_field(gold_claims[g], "entity", claim_where));
  }
  const std::vector<int> gold_of = match_claims(predicted_spans, gold_spans);

  // Each gold entity answers to its name and aliases.
  std::unordered_map<std::string, std::vector<Words>> gold_names;
  if (gold.contains("entities"))
    for (const auto& e : gold["entities"]) {
      const std::string name = string_field(e, "name", where + " entity");
      std::vector<std::string> names{name};
      for (const auto& alias : e.value("aliases", nlohmann::json::array()))
        if (alias.is_string()) names.push_back(alias.get<std::string>());
      gold_names[name] = folded_names(names);
    }
  for (const std::string& e : gold_entity)
    if (!gold_names.count(e)) gold_names[e] = folded_names({e});

  std::vector<std::vector<Words>> speaker_names;
  for (const Entity& e : predicted.speakers) {
    std::vector<std::string> names{utf8(e.name)};
    for (const Span& m : e.mentions) names.push_back(text_of(m));
    speaker_names.push_back(folded_names(names));
  }
  auto speaker_name = [&](int s) {
    return s >= 0 && static_cast<size_t>(s) < predicted.speakers.size() ? utf8(predicted.speakers[s].name)
                                                                         : std::string();
  };

  Counts& c = score.counts;
  c.predicted = predicted_spans.size();
  c.gold = gold_spans.size();
  std::vector<bool> gold_matched(gold_spans.size(), false);
  for (size_t p = 0; p < predicted.claims.size(); ++p) {
    const Claim& claim = predicted.claims[p];
    Miss miss{Miss::Kind::Spurious, type_name(claim.type), text_of(claim.content), text_of(claim.cue), "", "",
              text_of(claim.speaker_mention), speaker_name(claim.speaker)};
    if (gold_of[p] < 0) {
      score.misses.push_back(std::move(miss));
      continue;
    }
    ++c.matched;
    const size_t g = static_cast<size_t>(gold_of[p]);
    gold_matched[g] = true;
    std::vector<Words> names;
    if (claim.speaker >= 0 && static_cast<size_t>(claim.speaker) < speaker_names.size()) names = speaker_names[claim.speaker];
    if (claim.speaker_mention) names.push_back(split_words(fold(text_of(claim.speaker_mention))));
    if (names_folded(names, gold_names[gold_entity[g]])) {
      ++c.attributed;
      continue;
    }
    miss.kind = Miss::Kind::Misattributed;
    miss.gold_speaker = optional_text(gold_claims[g], "speaker");
    miss.gold_entity = gold_entity[g];
    score.misses.push_back(std::move(miss));
  }
  for (size_t g = 0; g < gold_spans.size(); ++g) {
    if (gold_matched[g]) continue;
    const nlohmann::json& claim = gold_claims[g];
    score.misses.push_back({Miss::Kind::Missed, claim.value("type", ""), optional_text(claim, "content"),
                            optional_text(claim, "cue"), optional_text(claim, "speaker"), gold_entity[g], "", ""});
  }

  // Speaker entities: distinct gold entities with claims against predicted speakers with claims.
  std::vector<std::string> entities_with_claims;
  for (const std::string& e : gold_entity)
    if (std::find(entities_with_claims.begin(), entities_with_claims.end(), e) == entities_with_claims.end())
      entities_with_claims.push_back(e);
  std::vector<int> speakers_with_claims;
  for (const Claim& claim : predicted.claims)
    if (claim.speaker >= 0 && static_cast<size_t>(claim.speaker) < speaker_names.size() &&
        std::find(speakers_with_claims.begin(), speakers_with_claims.end(), claim.speaker) == speakers_with_claims.end())
      speakers_with_claims.push_back(claim.speaker);
  c.gold_entities = entities_with_claims.size();
  c.predicted_entities = speakers_with_claims.size();
  for (const std::string& e : entities_with_claims)
    c.gold_entities_found += std::any_of(speakers_with_claims.begin(), speakers_with_claims.end(),
                                         [&](int s) { return names_folded(speaker_names[s], gold_names[e]); });
  for (int s : speakers_with_claims)
    c.predicted_entities_found +=
        std::any_of(entities_with_claims.begin(), entities_with_claims.end(),
                    [&](const std::string& e) { return names_folded(speaker_names[s], gold_names[e]); });
  return score;
}

}  // namespace isnad::eval
