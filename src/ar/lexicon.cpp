#include "ar/lexicon.h"

#include <algorithm>
#include <iterator>
#include <optional>

#include "lexicon/embedded.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace isnad::ar {

// Literals as string views: their lengths are known at compile time, where a
// char16_t pointer would have its length counted at every comparison.
using namespace std::string_view_literals;

namespace {

// Calls `row` with the folded tab-separated fields of every non-comment line.
// The fields are views into one buffer, reused from one line to the next.
template <typename RowFn>
void for_each_row(std::string_view utf8, RowFn row) {
  const std::u16string file = decode_utf8(utf8, true).text;
  std::u16string_view rest = file;
  std::u16string folded;
  std::vector<size_t> ends;
  std::vector<std::u16string_view> fields;
  while (!rest.empty()) {
    size_t eol = rest.find(u'\n');
    std::u16string_view line = rest.substr(0, eol);
    rest = eol == std::u16string_view::npos ? std::u16string_view() : rest.substr(eol + 1);
    if (!line.empty() && line.back() == u'\r') line.remove_suffix(1);
    if (line.empty() || line.front() == u'#') continue;
    folded.clear();
    ends.clear();
    while (true) {
      size_t tab = line.find(u'\t');
      fold_into(folded, line.substr(0, tab));
      ends.push_back(folded.size());
      if (tab == std::u16string_view::npos) break;
      line = line.substr(tab + 1);
    }
    fields.clear();
    for (size_t start = 0; size_t end : ends) {
      fields.emplace_back(folded.data() + start, end - start);
      start = end;
    }
    row(fields);
  }
}

// How many lines a file has: an upper bound of its rows.
size_t line_count(std::string_view file) {
  return static_cast<size_t>(std::count(file.begin(), file.end(), '\n')) + 1;
}

uint16_t parse_frames(std::u16string_view list) {
  static const std::pair<std::u16string_view, Frame> kNames[] = {
      {u"that"sv, kThat}, {u"colon"sv, kColon}, {u"ila"sv, kIla},    {u"ala"sv, kAla},         {u"an"sv, kAn},
      {u"min"sv, kMin},   {u"bi"sv, kBi},       {u"obj"sv, kObject}, {u"in"sv, kSourceAfterFi}, {u"ila_that"sv, kIlaThat}, {u"from"sv, kSourceAfterAn},
      {u"obj_bi"sv, kObjectBi}};
  uint16_t frames = 0;
  for (const auto& [name, frame] : kNames) {
    for (size_t at = list.find(name); at != std::u16string_view::npos; at = list.find(name, at + 1)) {
      const bool starts = at == 0 || list[at - 1] == u',';
      const bool ends = at + name.size() == list.size() || list[at + name.size()] == u',';
      if (starts && ends) frames |= frame;
    }
  }
  return frames;
}

bool ends_weak(std::u16string_view stem) {
  return !stem.empty() && (stem.back() == u'ي' || stem.back() == u'ا' || stem.back() == u'و');
}

// The stem a cue form is built on, from the row's past, present, participle
// and verbal noun.
enum class Stem : uint8_t { Past, PastWeak, Present, PresentRest, PresentWeak, Participle, Noun };

struct CueFormRule {
  std::u16string_view prefix;
  Stem stem;
  std::u16string_view suffix;
  CueForm form;
  Gender gender;
  Number number;
};

// The inflected forms of a row of cues.tsv, in order: where two rows make
// the same form, the first reading listed wins.
constexpr CueFormRule kCueForms[] = {
    {u""sv, Stem::Past, u""sv, CueForm::Past, Gender::Masculine, Number::Singular},
    {u""sv, Stem::Past, u"ت"sv, CueForm::Past, Gender::Feminine, Number::Singular},
    {u""sv, Stem::Past, u"وا"sv, CueForm::Past, Gender::Masculine, Number::Plural},
    {u""sv, Stem::Past, u"ا"sv, CueForm::Past, Gender::Masculine, Number::Dual},
    {u""sv, Stem::Past, u"تا"sv, CueForm::Past, Gender::Feminine, Number::Dual},
    // نفى → نفت، نفوا; دعا → دعت، دعوا
    {u""sv, Stem::PastWeak, u"ت"sv, CueForm::Past, Gender::Feminine, Number::Singular},
    {u""sv, Stem::PastWeak, u"وا"sv, CueForm::Past, Gender::Masculine, Number::Plural},
    {u""sv, Stem::Present, u""sv, CueForm::Present, Gender::Masculine, Number::Singular},
    {u"ت"sv, Stem::PresentRest, u""sv, CueForm::Present, Gender::Feminine, Number::Singular},
    {u""sv, Stem::Present, u"ون"sv, CueForm::Present, Gender::Masculine, Number::Plural},
    {u""sv, Stem::Present, u"ان"sv, CueForm::Present, Gender::Masculine, Number::Dual},
    {u"ت"sv, Stem::PresentRest, u"ان"sv, CueForm::Present, Gender::Feminine, Number::Dual},
    {u""sv, Stem::PresentWeak, u"ون"sv, CueForm::Present, Gender::Masculine, Number::Plural},
    {u""sv, Stem::Participle, u"ا"sv, CueForm::Participle, Gender::Masculine, Number::Singular},
    {u""sv, Stem::Participle, u"ه"sv, CueForm::Participle, Gender::Feminine, Number::Singular},
    {u""sv, Stem::Participle, u"ين"sv, CueForm::Participle, Gender::Masculine, Number::Plural},
    {u""sv, Stem::Participle, u"ات"sv, CueForm::Participle, Gender::Feminine, Number::Plural},
    {u""sv, Stem::Noun, u""sv, CueForm::VerbalNoun, Gender::Unknown, Number::Unknown},
    {u"ال"sv, Stem::Noun, u""sv, CueForm::VerbalNoun, Gender::Unknown, Number::Unknown},
    {u""sv, Stem::Noun, u"ات"sv, CueForm::VerbalNoun, Gender::Unknown, Number::Unknown},
    {u"ال"sv, Stem::Noun, u"ات"sv, CueForm::VerbalNoun, Gender::Unknown, Number::Unknown},
};

// The stem in a row of cues.tsv, or null where the row has none ("-").
std::optional<std::u16string_view> stem_of(Stem stem, const std::vector<std::u16string_view>& row) {
  const std::u16string_view past = row[0], present = row[1], participle = row[2], noun = row[3];
  const bool has_present = present != u"-"sv && present.size() >= 2;
  switch (stem) {
    case Stem::Past:
      if (past != u"-"sv) return past;
      break;
    case Stem::PastWeak:
      if (past != u"-"sv && ends_weak(past)) return past.substr(0, past.size() - 1);
      break;
    case Stem::Present:
      if (has_present) return present;
      break;
    case Stem::PresentRest:
      if (has_present) return present.substr(1);
      break;
    case Stem::PresentWeak:
      if (has_present && ends_weak(present)) return present.substr(0, present.size() - 1);
      break;
    case Stem::Participle:
      if (participle != u"-"sv) return participle;
      break;
    case Stem::Noun:
      if (noun != u"-"sv) return noun;
      break;
  }
  return std::nullopt;
}

// Slots for at most `entries` keys, at most half full. Sized for every row's
// keys, the table is rebuilt while the lexicons load only if the marked
// verbal nouns with pronouns, not counted, overflow it.
size_t table_size_for(size_t entries) {
  size_t size = 16;
  while (size < entries * 2) size *= 2;
  return size;
}

}  // namespace

const Lexicon& Lexicon::get() {
  static const Lexicon lexicon;
  return lexicon;
}

Lexicon::Lexicon()
    : slots_(table_size_for(line_count(lexicon_file("ar/cues.tsv")) * std::size(kCueForms) +
                            line_count(lexicon_file("ar/words.tsv")) + line_count(lexicon_file("ar/name_tokens.tsv")) +
                            line_count(lexicon_file("ar/according_to.tsv")))) {
  words_.reserve(slots_.size() / 2);
  std::u16string form;  // one buffer for every generated form
  for_each_row(lexicon_file("ar/cues.tsv"), [&](const std::vector<std::u16string_view>& f) {
    if (f.size() < 6) return;
    const uint16_t frames = parse_frames(f[4]);
    const bool stance = f[5] == u"stance"sv;
    for (const CueFormRule& rule : kCueForms) {
      const std::optional<std::u16string_view> stem = stem_of(rule.stem, f);
      if (!stem) continue;
      form.assign(rule.prefix).append(*stem).append(rule.suffix);
      if (form.size() < 2) continue;
      Word& w = entry(form);
      if (w.is_cue) continue;
      w.is_cue = true;
      w.cue = CueEntry{frames, rule.form, rule.gender, rule.number, stance};
    }
  });

  static const std::pair<std::u16string_view, uint32_t> kClasses[] = {
      {u"comp"sv, kComplementizer}, {u"prep"sv, kPreposition},      {u"time"sv, kTime},
      {u"title"sv, kTitle},         {u"title_f"sv, kTitleFeminine}, {u"org"sv, kOrganization},
      {u"media"sv, kMedia},         {u"group"sv, kGroup},           {u"document"sv, kDocument},
      {u"state"sv, kState},         {u"conj"sv, kConjunction},      {u"aux"sv, kAuxiliary},
      {u"stop"sv, kStop},           {u"adj"sv, kAdjective},         {u"number"sv, kNumber},
      {u"aside"sv, kAside},         {u"neg"sv, kNegator},           {u"withheld"sv, kWithheld},
      {u"saying"sv, kSaying}};
  for_each_row(lexicon_file("ar/words.tsv"), [&](const std::vector<std::u16string_view>& f) {
    if (f.size() < 2) return;
    for (const auto& [name, cls] : kClasses) {
      if (f[1] != name) continue;
      Word& word = entry(f[0]);
      (cls & kMarkers ? word.markers : word.classes) |= cls;
    }
  });
  for_each_row(lexicon_file("ar/name_tokens.tsv"), [&](const std::vector<std::u16string_view>& f) {
    if (!f.empty() && !f[0].empty()) entry(f[0]).classes |= kNameToken;
  });
  for_each_row(lexicon_file("ar/according_to.tsv"), [&](const std::vector<std::u16string_view>& f) {
    if (f.empty()) return;
    AccordingToPhrase phrase;
    std::u16string_view words = f[0];
    while (!words.empty()) {
      size_t space = words.find(u' ');
      if (space != 0) phrase.words.emplace_back(words.substr(0, space));
      if (space == std::u16string_view::npos) break;
      words = words.substr(space + 1);
    }
    if (f.size() > 1 && f[1] != u"-"sv) phrase.attached = f[1];
    if (phrase.words.empty()) return;
    entry(phrase.words.front()).classes |= kAccordingTo;
    according_to_.push_back(std::move(phrase));
  });
  mark_verbal_nouns_with_pronouns();
}

namespace {

constexpr std::u16string_view kPronouns[] = {u"هما"sv, u"هم"sv, u"ها"sv, u"ه"sv};

// Whether `key` reads as a verbal noun with a pronoun: the first pronoun it
// ends with comes off, a ت before it is the ta marbuta (إشارته → إشارة), and
// what is left reads as a verbal noun, clitics and all.
bool reads_as_verbal_noun_with_pronoun(const Lexicon& lexicon, std::u16string& key) {
  for (std::u16string_view pronoun : kPronouns) {
    if (key.size() < pronoun.size() + 3 || !std::u16string_view(key).ends_with(pronoun)) continue;
    const size_t base = key.size() - pronoun.size();
    if (std::u16string_view(key).substr(0, base) == u"قول"sv) return true;
    const char16_t last = key[base - 1];
    if (last == u'ت') key[base - 1] = u'ه';
    const CueEntry* e = lexicon.read(std::u16string_view(key).substr(0, base)).cue;
    key[base - 1] = last;
    return e && e->form == CueForm::VerbalNoun;
  }
  return false;
}

}  // namespace

void Lexicon::mark_verbal_nouns_with_pronouns() {
  // Every word that can read so is built from a verbal noun (or قول), with
  // و or ف or neither before it and a pronoun after; each is checked with
  // the reading itself, so the marks are exactly the words that read so.
  std::vector<std::u16string> bases = {u"قول"};
  for (const Slot& slot : slots_) {
    if (!slot.word) continue;
    const Word& w = words_[slot.word - 1];
    if (!w.is_cue || w.cue.form != CueForm::VerbalNoun) continue;
    const std::u16string_view noun(keys_.data() + slot.key_start, slot.key_length);
    bases.emplace_back(noun);
    if (noun.ends_with(u'ه')) bases.push_back(std::u16string(noun.substr(0, noun.size() - 1)) + u'ت');
  }
  std::vector<std::u16string> marked;
  std::u16string word;
  for (const std::u16string& base : bases)
    for (std::u16string_view conjunction : {u""sv, u"و"sv, u"ف"sv})
      for (std::u16string_view pronoun : kPronouns) {
        word.assign(conjunction).append(base).append(pronoun);
        if (reads_as_verbal_noun_with_pronoun(*this, word)) marked.push_back(word);
      }
  for (const std::u16string& word : marked) entry(word).verbal_noun_with_pronoun = true;
}

Word& Lexicon::entry(std::u16string_view key) {
  const uint32_t hash = hash_of(key);
  size_t i = slot_of(key, hash);
  if (slots_[i].word) return words_[slots_[i].word - 1];
  if ((words_.size() + 1) * 2 > slots_.size()) {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (!s.word) continue;
      size_t j = s.hash & (slots_.size() - 1);
      while (slots_[j].word) j = (j + 1) & (slots_.size() - 1);
      slots_[j] = s;
    }
    i = slot_of(key, hash);
  }
  words_.emplace_back();
  slots_[i] = Slot{hash, static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(key.size()),
                   static_cast<uint32_t>(words_.size())};
  keys_ += key;
  filter_[(hash >> 16) / 64] |= uint64_t{1} << (hash >> 16) % 64;
  return words_.back();
}

Lexicon::Reading Lexicon::read(std::u16string_view key) const {
  // One lookup for the word as written and one without و / ف; ل or the
  // future س takes one more, and only before a present verb (ليجيب، سيقول).
  const size_t conj = key.size() - strip_conjunction(key).size();
  const bool particle = key.size() > 3 && (key[conj] == u'ل' || key[conj] == u'س');
  // From the end: the states of key[conj + 1:], key[conj:] and key[0:].
  uint32_t state = kHashBasis;
  size_t i = key.size();
  for (; i > conj + 1; --i) state = hash_step(state, key[i - 1]);
  const uint32_t verb_state = state;
  for (; i > conj; --i) state = hash_step(state, key[i - 1]);
  const uint32_t bare_state = state;
  for (; i > 0; --i) state = hash_step(state, key[i - 1]);
  Reading r;
  const Word* whole = find(key, hash_finish(state));
  r.verbal_noun_with_pronoun = whole && whole->verbal_noun_with_pronoun;
  const Word* bare = conj ? find(key.substr(conj), hash_finish(bare_state)) : nullptr;
  r.written_classes = whole ? whole->classes : 0;
  r.classes = r.written_classes | (bare ? bare->classes : 0);
  r.written_markers = whole ? whole->markers : 0;
  r.markers = r.written_markers | (bare ? bare->markers : 0);
  if (whole && whole->is_cue) {
    r.cue = &whole->cue;
  } else if (bare && bare->is_cue) {
    r.cue = &bare->cue;
    r.cue_prefix = 1;
  } else if (particle) {
    const Word* verb = find(key.substr(conj + 1), hash_finish(verb_state));
    if (verb && verb->is_cue && verb->cue.form == CueForm::Present) {
      r.cue = &verb->cue;
      r.cue_prefix = static_cast<uint8_t>(conj + 1);
    }
  }
  return r;
}

uint32_t Lexicon::classes(std::u16string_view key) const {
  const Word* w = find(key);
  return w ? w->classes : 0;
}

std::u16string_view strip_conjunction(std::u16string_view key) {
  if (key.size() > 2 && (key[0] == u'و' || key[0] == u'ف')) return key.substr(1);
  return key;
}

}  // namespace isnad::ar
