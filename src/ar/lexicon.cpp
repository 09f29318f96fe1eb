#include "ar/lexicon.h"

#include <numeric>

namespace isnad::ar {

namespace {

// Slots for `entries` keys, at most half full.
size_t table_size_for(size_t entries) {
  size_t size = 16;
  while (size < entries * 2) size *= 2;
  return size;
}

}  // namespace

Lexicon::Lexicon(const LexiconTables& tables)
    : keys_(tables.keys),
      slots_(table_size_for(std::accumulate(tables.keys_per_word.begin(), tables.keys_per_word.end(), size_t{0}))),
      words_(tables.words) {
  const size_t mask = slots_.size() - 1;
  uint32_t key_start = 0;
  for (size_t w = 0; w < words_.size(); ++w) {
    for (uint16_t k = 0; k < tables.keys_per_word[w]; ++k) {
      const auto key_end = static_cast<uint32_t>(keys_.find(u'\0', key_start));
      const std::u16string_view key = keys_.substr(key_start, key_end - key_start);
      const uint32_t hash = hash_of(key);
      size_t i = hash & mask;
      while (slots_[i].word) i = (i + 1) & mask;
      slots_[i] = Slot{hash, key_start, static_cast<uint32_t>(key.size()), static_cast<uint32_t>(w + 1)};
      filter_[(hash >> 16) / 64] |= uint64_t{1} << (hash >> 16) % 64;
      key_start = key_end + 1;
    }
  }
  for (const AccordingToRow& row : tables.according_to) {
    AccordingToPhrase phrase;
    for (std::u16string_view words = row.words; !words.empty();) {
      const size_t space = words.find(u' ');
      phrase.words.emplace_back(words.substr(0, space));
      words = space == std::u16string_view::npos ? std::u16string_view() : words.substr(space + 1);
    }
    phrase.attached = row.attached;
    according_to_.push_back(std::move(phrase));
  }
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
