#include "eval/eval.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "isnad/isnad.h"
#include "lexicon/embedded.h"

namespace isnad::eval {
namespace {

std::u16string utf16(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  return std::u16string(u.getBuffer(), static_cast<size_t>(u.length()));
}

std::string utf8(std::u16string_view s) {
  std::string out;
  icu::UnicodeString(false, s.data(), static_cast<int32_t>(s.size())).toUTF8String(out);
  return out;
}

const std::unordered_set<std::string>& bare_titles() {
  static const std::unordered_set<std::string> titles = [] {
    std::unordered_set<std::string> set;
    std::string_view file = lexicon_file("ar/eval_titles.tsv");
    while (!file.empty()) {
      const size_t eol = file.find('\n');
      std::string_view line = file.substr(0, eol);
      file = eol == std::string_view::npos ? std::string_view() : file.substr(eol + 1);
      if (!line.empty() && line.front() != '#') set.insert(fold(std::string(line)));
    }
    return set;
  }();
  return titles;
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    const size_t j = s.find(' ', i);
    out.push_back(s.substr(i, j - i));
    if (j == std::string::npos) break;
    i = j + 1;
  }
  return out;
}

bool contains_run(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

// The naming rule: equal, contains a gold name as whole words, or is a run of
// whole words inside one that holds a word that is not a bare title.
bool names(const std::vector<std::string>& predicted, const std::vector<std::string>& gold) {
  for (const std::string& p : predicted) {
    const std::vector<std::string> pw = words(fold(p));
    if (pw.empty() || pw.front().empty()) continue;
    for (const std::string& g : gold) {
      const std::vector<std::string> gw = words(fold(g));
      if (gw.empty() || gw.front().empty()) continue;
      if (pw == gw || contains_run(pw, gw)) return true;
      if (contains_run(gw, pw) &&
          std::any_of(pw.begin(), pw.end(), [](const std::string& w) { return !bare_titles().count(w); }))
        return true;
    }
  }
  return false;
}

struct Interval {
  size_t start, end;
};

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

std::string fold(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  icu::UnicodeString normalized = U_SUCCESS(status) ? nfkc->normalize(u, status) : u;
  icu::UnicodeString out;
  bool space = false;
  for (int32_t i = 0; i < normalized.length();) {
    UChar32 c = normalized.char32At(i);
    i += U16_LENGTH(c);
    const int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || c == 0x0640) continue;
    if (c == 0x0623 || c == 0x0625 || c == 0x0622 || c == 0x0671) c = 0x0627;
    else if (c == 0x0629) c = 0x0647;
    else if (c == 0x0649) c = 0x064A;
    if (u_ispunct(c) || u_isspace(c) || type == U_MATH_SYMBOL || type == U_CURRENCY_SYMBOL || type == U_MODIFIER_SYMBOL) {
      space = true;
      continue;
    }
    if (space && out.length() > 0) out.append(u' ');
    space = false;
    out.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

ArticleScore score_article(const nlohmann::json& gold) {
  if (!gold.contains("text") || !gold.contains("claims")) throw std::runtime_error("gold file has no text or claims");
  ArticleScore score;
  score.id = gold.value("id", "");
  const std::u16string text = utf16(gold["text"].get<std::string>());
  const Result result = extract(text);

  // Gold offsets are code points; predicted ones UTF-16 units.
  std::vector<size_t> code_point_at(text.size() + 1, 0);
  for (size_t i = 0, cp = 0; i <= text.size(); ++i) {
    code_point_at[i] = cp;
    if (i < text.size() && !U16_IS_TRAIL(text[i])) ++cp;
    if (i < text.size() && U16_IS_TRAIL(text[i])) code_point_at[i] = cp - 1;
  }
  std::vector<Interval> predicted;
  for (const Claim& c : result.claims) predicted.push_back({code_point_at[c.content.start], code_point_at[c.content.end]});
  std::vector<Interval> golds;
  for (const auto& g : gold["claims"]) golds.push_back({g["content"]["start"].get<size_t>(), g["content"]["end"].get<size_t>()});

  struct Pair {
    double f1;
    size_t p, g;
  };
  std::vector<Pair> pairs;
  for (size_t p = 0; p < predicted.size(); ++p)
    for (size_t g = 0; g < golds.size(); ++g) {
      const size_t lo = std::max(predicted[p].start, golds[g].start), hi = std::min(predicted[p].end, golds[g].end);
      if (hi <= lo) continue;
      const double f1 = 2.0 * static_cast<double>(hi - lo) /
                        static_cast<double>((predicted[p].end - predicted[p].start) + (golds[g].end - golds[g].start));
      if (f1 >= 0.5) pairs.push_back({f1, p, g});
    }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.f1 > b.f1; });
  std::vector<int> match_of_predicted(predicted.size(), -1), match_of_gold(golds.size(), -1);
  for (const Pair& pair : pairs)
    if (match_of_predicted[pair.p] < 0 && match_of_gold[pair.g] < 0) {
      match_of_predicted[pair.p] = static_cast<int>(pair.g);
      match_of_gold[pair.g] = static_cast<int>(pair.p);
    }

  std::unordered_map<std::string, std::vector<std::string>> aliases;
  for (const auto& e : gold.value("entities", nlohmann::json::array())) {
    std::vector<std::string>& a = aliases[e.value("name", "")];
    a.push_back(e.value("name", ""));
    for (const auto& alias : e.value("aliases", nlohmann::json::array())) a.push_back(alias.get<std::string>());
  }
  auto gold_names = [&](const std::string& entity) {
    auto it = aliases.find(entity);
    return it != aliases.end() ? it->second : std::vector<std::string>{entity};
  };
  auto entity_names = [&](int e) {
    std::vector<std::string> n;
    if (e < 0) return n;
    const Entity& entity = result.speakers[e];
    n.push_back(utf8(entity.name));
    for (const Span& m : entity.mentions) n.push_back(utf8(std::u16string_view(text).substr(m.start, m.length())));
    return n;
  };
  auto span_text = [&](const std::optional<Span>& s) {
    return s ? utf8(std::u16string_view(text).substr(s->start, s->length())) : std::string("—");
  };

  Counts& c = score.counts;
  c.predicted = predicted.size();
  c.gold = golds.size();
  for (size_t p = 0; p < predicted.size(); ++p) {
    const Claim& claim = result.claims[p];
    if (match_of_predicted[p] < 0) {
      score.misses.push_back("spurious   cue «" + span_text(claim.cue) + "» speaker «" + span_text(claim.speaker_mention) +
                             "» content «" + span_text(claim.content) + "»");
      continue;
    }
    ++c.matched;
    const auto& g = gold["claims"][match_of_predicted[p]];
    std::vector<std::string> names_here = entity_names(claim.speaker);
    if (claim.speaker_mention) names_here.push_back(span_text(claim.speaker_mention));
    const std::string entity = g.value("entity", "");
    if (names(names_here, gold_names(entity))) {
      ++c.attributed;
    } else {
      score.misses.push_back("misattributed  content «" + span_text(claim.content) + "» gold «" + entity +
                             "» predicted «" + (claim.speaker >= 0 ? utf8(result.speakers[claim.speaker].name) : "—") + "»");
    }
  }
  for (size_t g = 0; g < golds.size(); ++g) {
    if (match_of_gold[g] >= 0) continue;
    const auto& claim = gold["claims"][g];
    const std::string cue = claim["cue"].is_null() ? "—" : claim["cue"].value("text", "");
    score.misses.push_back("missed     " + claim.value("type", "") + " cue «" + cue + "» entity «" +
                           claim.value("entity", "") + "» content «" + claim["content"].value("text", "") + "»");
  }

  // Speaker entities: gold entities with claims against predicted speakers with claims.
  std::vector<std::string> gold_entities;
  for (const auto& g : gold["claims"]) {
    const std::string e = g.value("entity", "");
    if (std::find(gold_entities.begin(), gold_entities.end(), e) == gold_entities.end()) gold_entities.push_back(e);
  }
  std::vector<int> predicted_entities;
  for (const Claim& claim : result.claims)
    if (claim.speaker >= 0 && std::find(predicted_entities.begin(), predicted_entities.end(), claim.speaker) == predicted_entities.end())
      predicted_entities.push_back(claim.speaker);
  c.gold_entities = gold_entities.size();
  c.predicted_entities = predicted_entities.size();
  for (const std::string& g : gold_entities)
    c.gold_entities_found += std::any_of(predicted_entities.begin(), predicted_entities.end(),
                                         [&](int p) { return names(entity_names(p), gold_names(g)); });
  for (int p : predicted_entities)
    c.predicted_entities_found += std::any_of(gold_entities.begin(), gold_entities.end(),
                                              [&](const std::string& g) { return names(entity_names(p), gold_names(g)); });
  return score;
}

}  // namespace isnad::eval
