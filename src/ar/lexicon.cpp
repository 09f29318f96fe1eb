#include "ar/lexicon.h"

#include <unicode/unistr.h>

#include "lexicon/embedded.h"
#include "text/tokens.h"

namespace isnad::ar {
namespace {

std::u16string to_utf16(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  return std::u16string(s.getBuffer(), static_cast<size_t>(s.length()));
}

// Calls `row` with the tab-separated fields of every non-comment line.
template <typename RowFn>
void for_each_row(std::string_view file, RowFn row) {
  while (!file.empty()) {
    size_t eol = file.find('\n');
    std::string_view line = file.substr(0, eol);
    file = eol == std::string_view::npos ? std::string_view() : file.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::u16string> fields;
    while (true) {
      size_t tab = line.find('\t');
      fields.push_back(fold_for_matching(to_utf16(line.substr(0, tab))));
      if (tab == std::string_view::npos) break;
      line = line.substr(tab + 1);
    }
    row(fields);
  }
}

uint16_t parse_frames(std::u16string_view list) {
  static const std::pair<std::u16string_view, Frame> kNames[] = {
      {u"that", kThat}, {u"colon", kColon}, {u"ila", kIla},    {u"ala", kAla},         {u"an", kAn},
      {u"min", kMin},   {u"bi", kBi},       {u"obj", kObject}, {u"in", kSourceAfterFi}, {u"ila_that", kIlaThat}, {u"from", kSourceAfterAn},
      {u"obj_bi", kObjectBi}};
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

}  // namespace

const Lexicon& Lexicon::get() {
  static const Lexicon lexicon;
  return lexicon;
}

Lexicon::Lexicon() : slots_(16) {
  auto add_cue = [&](const std::u16string& form, CueEntry cue) {
    if (form.size() < 2) return;
    Word& w = entry(form);
    if (w.is_cue) return;  // the first reading listed wins
    w.is_cue = true;
    w.cue = cue;
  };
  for_each_row(lexicon_file("ar/cues.tsv"), [&](const std::vector<std::u16string>& f) {
    if (f.size() < 6) return;
    const uint16_t frames = parse_frames(f[4]);
    const bool stance = f[5] == u"stance";
    const std::u16string& past = f[0];
    const std::u16string& present = f[1];
    const std::u16string& participle = f[2];
    const std::u16string& noun = f[3];
    using G = Gender;
    using N = Number;
    auto reading = [&](CueForm form, G g, N n) { return CueEntry{frames, form, g, n, stance}; };
    if (past != u"-") {
      add_cue(past, reading(CueForm::Past, G::Masculine, N::Singular));
      add_cue(past + u"ت", reading(CueForm::Past, G::Feminine, N::Singular));
      add_cue(past + u"وا", reading(CueForm::Past, G::Masculine, N::Plural));
      add_cue(past + u"ا", reading(CueForm::Past, G::Masculine, N::Dual));
      add_cue(past + u"تا", reading(CueForm::Past, G::Feminine, N::Dual));
      if (ends_weak(past)) {  // نفى → نفت، نفوا; دعا → دعت، دعوا
        const std::u16string stem = past.substr(0, past.size() - 1);
        add_cue(stem + u"ت", reading(CueForm::Past, G::Feminine, N::Singular));
        add_cue(stem + u"وا", reading(CueForm::Past, G::Masculine, N::Plural));
      }
    }
    if (present != u"-" && present.size() >= 2) {
      const std::u16string rest = present.substr(1);
      add_cue(present, reading(CueForm::Present, G::Masculine, N::Singular));
      add_cue(u"ت" + rest, reading(CueForm::Present, G::Feminine, N::Singular));
      add_cue(present + u"ون", reading(CueForm::Present, G::Masculine, N::Plural));
      add_cue(present + u"ان", reading(CueForm::Present, G::Masculine, N::Dual));
      add_cue(u"ت" + rest + u"ان", reading(CueForm::Present, G::Feminine, N::Dual));
      if (ends_weak(present))
        add_cue(present.substr(0, present.size() - 1) + u"ون", reading(CueForm::Present, G::Masculine, N::Plural));
    }
    if (participle != u"-") {
      add_cue(participle + u"ا", reading(CueForm::Participle, G::Masculine, N::Singular));
      add_cue(participle + u"ه", reading(CueForm::Participle, G::Feminine, N::Singular));
      add_cue(participle + u"ين", reading(CueForm::Participle, G::Masculine, N::Plural));
      add_cue(participle + u"ات", reading(CueForm::Participle, G::Feminine, N::Plural));
    }
    if (noun != u"-") {
      for (const std::u16string& n : {noun, u"ال" + noun, noun + u"ات", u"ال" + noun + u"ات"})
        add_cue(n, reading(CueForm::VerbalNoun, G::Unknown, N::Unknown));
    }
  });

  static const std::pair<std::u16string_view, uint32_t> kClasses[] = {
      {u"comp", kComplementizer}, {u"prep", kPreposition},      {u"time", kTime},
      {u"title", kTitle},         {u"title_f", kTitleFeminine}, {u"org", kOrganization},
      {u"media", kMedia},         {u"group", kGroup},           {u"document", kDocument},
      {u"state", kState},         {u"conj", kConjunction},      {u"aux", kAuxiliary},
      {u"stop", kStop},           {u"adj", kAdjective},         {u"number", kNumber},
      {u"aside", kAside}};
  for_each_row(lexicon_file("ar/words.tsv"), [&](const std::vector<std::u16string>& f) {
    if (f.size() < 2) return;
    for (const auto& [name, cls] : kClasses)
      if (f[1] == name) entry(f[0]).classes |= cls;
  });
  for_each_row(lexicon_file("ar/name_tokens.tsv"), [&](const std::vector<std::u16string>& f) {
    if (!f.empty() && !f[0].empty()) entry(f[0]).classes |= kNameToken;
  });
  for_each_row(lexicon_file("ar/according_to.tsv"), [&](const std::vector<std::u16string>& f) {
    if (f.empty()) return;
    AccordingToPhrase phrase;
    std::u16string_view words = f[0];
    while (!words.empty()) {
      size_t space = words.find(u' ');
      if (space != 0) phrase.words.emplace_back(words.substr(0, space));
      if (space == std::u16string_view::npos) break;
      words = words.substr(space + 1);
    }
    if (f.size() > 1 && f[1] != u"-") phrase.attached = f[1];
    if (phrase.words.empty()) return;
    entry(phrase.words.front()).classes |= kAccordingTo;
    according_to_.push_back(std::move(phrase));
  });
}

Word& Lexicon::entry(std::u16string_view key) {
  const uint32_t hash = hash_of(key);
  size_t i = slot_of(key, hash);
  if (slots_[i].used) return slots_[i].word;
  if ((size_ + 1) * 2 > slots_.size()) {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (!s.used) continue;
      size_t j = s.hash & (slots_.size() - 1);
      while (slots_[j].used) j = (j + 1) & (slots_.size() - 1);
      slots_[j] = s;
    }
    i = slot_of(key, hash);
  }
  slots_[i] = Slot{hash, static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(key.size()), true, Word{}};
  keys_ += key;
  ++size_;
  filter_[(hash >> 16) / 64] |= uint64_t{1} << (hash >> 16) % 64;
  return slots_[i].word;
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
  const Word* bare = conj ? find(key.substr(conj), hash_finish(bare_state)) : nullptr;
  r.classes = (whole ? whole->classes : 0) | (bare ? bare->classes : 0);
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
