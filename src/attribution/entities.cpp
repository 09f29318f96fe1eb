#include "attribution/entities.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace isnad {
namespace {

// How many claims back a pro-drop cue or a chain looks for its source.
constexpr size_t kMaxLookBack = 12;

bool subset(const std::vector<std::u16string>& small, const std::vector<std::u16string>& large) {
  if (small.empty()) return false;
  return std::all_of(small.begin(), small.end(),
                     [&](const std::u16string& k) { return std::find(large.begin(), large.end(), k) != large.end(); });
}

bool same_family(EntityKind a, EntityKind b) {
  auto family = [](EntityKind k) { return k == EntityKind::Person ? 0 : k == EntityKind::Group ? 1 : 2; };
  return family(a) == family(b);
}

struct Building {
  Entity entity;
  std::vector<std::u16string> name_keys;
  std::vector<std::u16string> title_keys;
  Agreement agreement;
  Span name;
  size_t name_words = 0;
  Span title;
  size_t claims = 0;
  uint32_t first_mention = 0;
};

class EntityTable {
 public:
  explicit EntityTable(std::u16string_view text) : text_(text) {}

  int resolve(const Mention& m) {
    const int found = find(m);
    if (found >= 0) {
      merge(entities_[found], m, found);
      return found;
    }
    entities_.emplace_back();
    Building& b = entities_.back();
    b.entity.kind = m.kind;
    b.agreement = m.agreement;
    b.first_mention = m.span.start;
    const int index = static_cast<int>(entities_.size() - 1);
    merge(b, m, index);
    return index;
  }

  std::vector<Building>& entities() { return entities_; }

 private:
  int find(const Mention& m) const {
    // Candidates share a name or title word with the mention, latest first.
    std::vector<int> candidates;
    for (const auto* keys : {&m.name_keys, &m.title_keys})
      for (const auto& k : *keys)
        if (auto it = by_key_.find(k); it != by_key_.end())
          candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    std::sort(candidates.begin(), candidates.end(), std::greater<>());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (int n : candidates) {
      const Building& e = entities_[n];
      if (!same_family(m.kind, e.entity.kind)) continue;
      if (m.kind == EntityKind::Person && e.entity.kind == EntityKind::Person) {
        if (subset(m.name_keys, e.name_keys) || subset(e.name_keys, m.name_keys)) return static_cast<int>(n);
        // A title alone (رئيس الوزراء) names the person who holds it here.
        if (m.name_keys.empty() && subset(m.title_keys, e.title_keys)) return static_cast<int>(n);
        if (e.name_keys.empty() && subset(e.title_keys, m.title_keys)) return static_cast<int>(n);
        continue;
      }
      if (subset(m.name_keys, e.name_keys) || subset(e.name_keys, m.name_keys)) return static_cast<int>(n);
    }
    return -1;
  }

  void merge(Building& b, const Mention& m, int index) {
    b.entity.mentions.push_back(m.span);
    auto add_keys = [&](std::vector<std::u16string>& to, const std::vector<std::u16string>& from) {
      for (const auto& k : from) {
        if (std::find(to.begin(), to.end(), k) != to.end()) continue;
        to.push_back(k);
        by_key_[k].push_back(index);
      }
    };
    add_keys(b.name_keys, m.name_keys);
    add_keys(b.title_keys, m.title_keys);
    if (b.agreement.gender == Gender::Unknown) b.agreement.gender = m.agreement.gender;
    if (b.agreement.number == Number::Unknown) b.agreement.number = m.agreement.number;
    // The canonical name is the fullest proper name in the text.
    const size_t words = m.name_keys.size();
    if (m.name.end > m.name.start) {
      const bool better = words > b.name_words;
      if (better) {
        b.name = m.name;
        b.name_words = words;
      }
    }
    if (m.title.length() > b.title.length()) b.title = m.title;
    if (b.name_words == 0 && m.span.length() > b.name.length()) b.name = m.span;
    b.entity.name = std::u16string(text_.substr(b.name.start, b.name.length()));
    b.entity.title = std::u16string(text_.substr(b.title.start, b.title.length()));
  }

  std::u16string_view text_;
  std::vector<Building> entities_;
  std::unordered_map<std::u16string, std::vector<int>> by_key_;
};

}  // namespace

bool agrees(Agreement cue, const Mention& source) {
  const Agreement s = source.agreement;
  const bool group = source.kind == EntityKind::Group;
  if (cue.number == Number::Plural) return s.number == Number::Plural || group || s.number == Number::Unknown;
  if (cue.number == Number::Dual) return s.number == Number::Dual || s.number == Number::Unknown;
  if (cue.gender == Gender::Feminine) return s.gender != Gender::Masculine || (group && s.number == Number::Plural);
  if (cue.gender == Gender::Masculine)
    return s.gender != Gender::Feminine && s.number != Number::Plural && s.number != Number::Dual;
  return true;
}

Result attribute(std::vector<DraftClaim> drafts, std::u16string_view text) {
  // One claim per content: where two rules found the same content, the
  // more confident reading stays.
  sort_claims(drafts, [](const DraftClaim& a, const DraftClaim& b) {
    return a.content.start != b.content.start ? a.content.start < b.content.start : a.confidence > b.confidence;
  });
  std::vector<DraftClaim> kept;
  kept.reserve(drafts.size());
  for (DraftClaim& d : drafts) {
    if (!kept.empty()) {
      DraftClaim& prev = kept.back();
      const uint32_t overlap_start = std::max(prev.content.start, d.content.start);
      const uint32_t overlap_end = std::min(prev.content.end, d.content.end);
      // A chain (بحسب X، فقد أبلغ Y … أن …) keeps both levels: the inner cue
      // lies inside the outer content.
      const bool chain = (d.cue && prev.content.start <= d.cue->start && d.cue->end <= prev.content.end) ||
                         (prev.cue && d.content.start <= prev.cue->start && prev.cue->end <= d.content.end);
      if (!chain && overlap_end > overlap_start &&
          2 * (overlap_end - overlap_start) >= std::min(prev.content.length(), d.content.length())) {
        if (d.confidence > prev.confidence) prev = std::move(d);
        continue;
      }
    }
    kept.push_back(std::move(d));
  }
  sort_claims(kept, [](const DraftClaim& a, const DraftClaim& b) { return a.anchor < b.anchor; });

  EntityTable table(text);
  std::vector<int> speaker(kept.size(), -1);
  std::vector<Agreement> speaker_agreement;
  auto entity_agrees = [&](int e, Agreement cue) {
    Mention probe;
    probe.kind = table.entities()[e].entity.kind;
    probe.agreement = table.entities()[e].agreement;
    return agrees(cue, probe);
  };
  for (size_t i = 0; i < kept.size(); ++i) {
    DraftClaim& d = kept[i];
    if (d.speaker) {
      speaker[i] = table.resolve(*d.speaker);
    } else if (d.antecedent == Antecedent::Previous) {
      // The latest source before it, if it agrees, unless a subject was
      // found in a sentence after that source's claim ("انتقد نواب القرار،
      // معتبرين أن …"); else that subject; else the latest agreeing source.
      int previous = -1;
      bool subject_is_nearer = d.subject.has_value();
      for (size_t j = i; j-- > 0 && i - j <= kMaxLookBack;)
        if (speaker[j] >= 0) {
          previous = speaker[j];
          subject_is_nearer = subject_is_nearer && kept[j].anchor < d.subject_sentence_start;
          break;
        }
      if (previous >= 0 && entity_agrees(previous, d.agreement) && !subject_is_nearer)
        speaker[i] = previous;
      else if (d.subject)
        speaker[i] = table.resolve(*d.subject);
      else
        for (size_t j = i; j-- > 0 && speaker[i] < 0 && i - j <= kMaxLookBack;)
          if (speaker[j] >= 0 && entity_agrees(speaker[j], d.agreement)) speaker[i] = speaker[j];
    }
    if (speaker[i] >= 0) ++table.entities()[speaker[i]].claims;
  }
  // Quoted subheads quote the article's main source.
  int main_speaker = -1;
  for (size_t e = 0; e < table.entities().size(); ++e)
    if (main_speaker < 0 || table.entities()[e].claims > table.entities()[main_speaker].claims)
      main_speaker = static_cast<int>(e);
  for (size_t i = 0; i < kept.size(); ++i)
    if (kept[i].antecedent == Antecedent::MainSpeaker && speaker[i] < 0) speaker[i] = main_speaker;

  std::vector<int> relay(kept.size(), -1);
  for (size_t i = 0; i < kept.size(); ++i)
    if (kept[i].reported_by) relay[i] = table.resolve(*kept[i].reported_by);
  // Chains: a claim whose cue lies inside another claim's content was
  // reported by that claim's source (بحسب بلومبرغ، فقد أبلغ ماكرون …).
  for (size_t i = 0; i < kept.size(); ++i) {
    if (relay[i] >= 0 || !kept[i].cue) continue;
    const size_t from = i > kMaxLookBack ? i - kMaxLookBack : 0;
    for (size_t j = from; j < kept.size() && j <= i + kMaxLookBack; ++j)
      if (j != i && speaker[j] >= 0 && speaker[j] != speaker[i] && kept[j].content.start <= kept[i].cue->start &&
          kept[i].cue->end <= kept[j].content.end)
        relay[i] = speaker[j];
  }

  // Entities in order of first mention, and only those that are used.
  std::vector<bool> used(table.entities().size(), false);
  for (size_t i = 0; i < kept.size(); ++i) {
    if (speaker[i] >= 0) used[speaker[i]] = true;
    if (relay[i] >= 0) used[relay[i]] = true;
  }
  std::vector<int> order;
  for (size_t e = 0; e < used.size(); ++e)
    if (used[e]) order.push_back(static_cast<int>(e));
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return table.entities()[a].first_mention < table.entities()[b].first_mention; });
  std::vector<int> new_index(table.entities().size(), -1);
  Result result;
  for (int e : order) {
    new_index[e] = static_cast<int>(result.speakers.size());
    Entity entity = std::move(table.entities()[e].entity);
    std::sort(entity.mentions.begin(), entity.mentions.end(),
              [](const Span& a, const Span& b) { return a.start < b.start; });
    entity.mentions.erase(std::unique(entity.mentions.begin(), entity.mentions.end()), entity.mentions.end());
    result.speakers.push_back(std::move(entity));
  }
  std::vector<size_t> by_content(kept.size());
  for (size_t i = 0; i < kept.size(); ++i) by_content[i] = i;
  std::sort(by_content.begin(), by_content.end(),
            [&](size_t a, size_t b) { return kept[a].content.start < kept[b].content.start; });
  for (size_t i : by_content) {
    const DraftClaim& d = kept[i];
    Claim c;
    c.type = d.type;
    c.cue = d.cue;
    c.content = d.content;
    if (d.speaker) c.speaker_mention = d.speaker->span;
    c.speaker = speaker[i] >= 0 ? new_index[speaker[i]] : -1;
    c.reported_by = relay[i] >= 0 ? new_index[relay[i]] : -1;
    c.confidence = d.confidence;
    result.claims.push_back(c);
  }
  return result;
}

}  // namespace isnad
