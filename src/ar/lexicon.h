// The Arabic lexicons of data/ar, indexed by folded form. Their entries are
// made from the data files at build time (ar/lexicon_compiler.h); at run time
// the lexicon only hashes the ready keys into its table.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "attribution/draft.h"

namespace isnad::ar {

using isnad::Gender;
using isnad::Number;

// What may introduce reported content after a cue (see data/ar/cues.tsv).
enum Frame : uint16_t {
  kThat = 1 << 0,
  kColon = 1 << 1,
  kIla = 1 << 2,
  kAla = 1 << 3,
  kAn = 1 << 4,
  kMin = 1 << 5,
  kBi = 1 << 6,
  kObject = 1 << 7,
  kSourceAfterFi = 1 << 8,  // the source follows في: "وجاء في البيان أن …"
  kIlaThat = 1 << 9,        // إلى only before a complementizer or a quote
  kSourceAfterAn = 1 << 10,  // عن names the original source: "نقلت رويترز عن مصدرين أن …"
  kObjectBi = 1 << 11,       // the content is an object and its بـ phrase: "قدّر الكلفة بنحو …"
};

enum class CueForm : uint8_t { Past, Present, Participle, VerbalNoun };

struct CueEntry {
  uint16_t frames = 0;
  CueForm form = CueForm::Past;
  Gender gender = Gender::Unknown;
  Number number = Number::Unknown;
  bool stance = false;  // judgement or estimate rather than speech
};

enum WordClass : uint32_t {
  kComplementizer = 1 << 0,
  kPreposition = 1 << 1,
  kTime = 1 << 2,
  kTitle = 1 << 3,
  kTitleFeminine = 1 << 4,
  kOrganization = 1 << 5,
  kMedia = 1 << 6,
  kGroup = 1 << 7,
  kDocument = 1 << 8,
  kState = 1 << 9,
  kConjunction = 1 << 10,
  kAuxiliary = 1 << 11,
  kStop = 1 << 12,
  kNameToken = 1 << 13,
  kAccordingTo = 1 << 14,  // first word of an according-to phrase
  kAdjective = 1 << 15,    // adjective that is not a nisba (الأبيض، العام، المتحدة)
  kNumber = 1 << 16,       // number word or quantifier (خمسة، عدة)
  kAside = 1 << 17,        // impersonal verb of the journalist's asides (يذكر أن)
  // (The highest class: NounPhrases keeps classes in 24 bits.)
  // Markers: classes that mark a word for one rule and say nothing of it as a
  // noun. They are kept apart (Word::markers), so that the noun-phrase rules,
  // which ask whether a word has any class, do not see them.
  kNegator = 1 << 18,   // particle that negates the verb after it (لم، لن)
  kWithheld = 1 << 19,  // object by which a source withholds its name (رفض الكشف عن اسمه)
  kSaying = 1 << 20,    // بالقول، بقوله: after a verb, the cue that says it reports (ختم بالقول إن)
  kMarkers = kNegator | kWithheld | kSaying,
  kSpeakerHead = kTitle | kTitleFeminine | kOrganization | kMedia | kGroup | kDocument | kState,
  kNounPhraseEnd = kComplementizer | kPreposition | kTime | kConjunction | kAuxiliary | kStop | kAccordingTo,
};

struct AccordingToPhrase {
  std::vector<std::u16string> words;  // folded
  std::u16string attached;            // preposition that may be attached to the next word
};

// Everything the lexicons say about one folded form.
struct Word {
  uint32_t classes = 0;
  uint32_t markers = 0;  // kNegator, kWithheld, kSaying
  bool is_cue = false;
  bool verbal_noun_with_pronoun = false;  // تأكيده، قوله، إشارتها: a cue's verbal noun and the source's pronoun
  CueEntry cue;
};

// A row of according_to.tsv, folded: its words separated by spaces, and the
// preposition that may be attached to the next word (empty if none).
struct AccordingToRow {
  std::u16string_view words;
  std::u16string_view attached;
};

// The lexicon's entries. Many keys share one entry (the name tokens all do),
// so each distinct entry is listed once, with how many keys have it; the keys
// follow in that order, each ended by a NUL.
struct LexiconTables {
  std::span<const Word> words;
  std::span<const uint16_t> keys_per_word;
  std::u16string_view keys;
  std::span<const AccordingToRow> according_to;
};

class Lexicon {
 public:
  // The lexicon of data/ar. Defined in the source the lexicon compiler
  // generates, beside the tables it is made from.
  static const Lexicon& get();
  // Indexes `tables`, which must outlive the lexicon. Keys are unique.
  explicit Lexicon(const LexiconTables& tables);

  // The entry of a folded form as written (no clitics removed), or null.
  const Word* find(std::u16string_view key) const { return find(key, hash_of(key)); }

  // What the lexicons say about a folded word as it stands in a text.
  struct Reading {
    const CueEntry* cue = nullptr;  // its cue reading, after the clitics و ف ل س are tried
    uint32_t classes = 0;           // of the word, and of it without a leading و / ف
    uint32_t written_classes = 0;   // of the word as written
    uint32_t markers = 0;           // of the word, and of it without a leading و / ف
    uint32_t written_markers = 0;   // of the word as written
    uint8_t cue_prefix = 0;         // how many code units of the key were clitics
    bool verbal_noun_with_pronoun = false;  // of the word as written (see Word)
  };
  Reading read(std::u16string_view key) const;
  uint32_t classes(std::u16string_view key) const;
  const std::vector<AccordingToPhrase>& according_to() const { return according_to_; }

 private:
  // The rules look up every word of a text, most of them absent: open
  // addressing over small slots, with the keys in one buffer and the words in
  // another, keeps a lookup to one cheap hash and a probe or two in a table
  // that stays small enough for the cache.
  struct Slot {
    uint32_t hash = 0;
    uint32_t key_start = 0;  // in keys_
    uint32_t key_length = 0;
    uint32_t word = 0;  // 1 + its index in words_; 0 for an empty slot
  };
  // FNV-1a over the key from its last unit to its first: the states on the
  // way are the hashes of its suffixes, which is what a word is without its
  // leading clitics, so read() hashes a word once for all its readings.
  static constexpr uint32_t kHashBasis = 2166136261u;
  static uint32_t hash_step(uint32_t state, char16_t c) { return (state ^ c) * 16777619u; }
  static uint32_t hash_finish(uint32_t state) { return state ^ (state >> 16); }
  static uint32_t hash_of(std::u16string_view key) {
    uint32_t h = kHashBasis;
    for (size_t i = key.size(); i-- > 0;) h = hash_step(h, key[i]);
    return hash_finish(h);
  }
  const Word* find(std::u16string_view key, uint32_t hash) const {
    if (!(filter_[(hash >> 16) / 64] >> (hash >> 16) % 64 & 1)) return nullptr;
    const Slot& slot = slots_[slot_of(key, hash)];
    return slot.word ? &words_[slot.word - 1] : nullptr;
  }
  // The slot that holds `key`, or the empty slot that ends its probe sequence.
  size_t slot_of(std::u16string_view key, uint32_t hash) const {
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    // Equality only, so bytes compare as well as code units, and memcmp is
    // not the code-unit loop of char_traits<char16_t>::compare.
    while (slots_[i].word &&
           !(slots_[i].hash == hash && slots_[i].key_length == key.size() &&
             std::memcmp(keys_.data() + slots_[i].key_start, key.data(), key.size() * sizeof(char16_t)) == 0))
      i = (i + 1) & mask;
    return i;
  }
  std::u16string_view keys_;
  std::vector<Slot> slots_;  // a power of two in size, at most half full
  std::span<const Word> words_;
  // One bit per value of a hash's high half, set for every key: most words
  // of a text are in no lexicon, and this small filter, which stays in the
  // cache, turns most of them away before the table is touched.
  std::vector<uint64_t> filter_ = std::vector<uint64_t>(65536 / 64);
  std::vector<AccordingToPhrase> according_to_;
};

// A folded word without its leading conjunction و or ف (if it is long enough to have one).
std::u16string_view strip_conjunction(std::u16string_view key);

}  // namespace isnad::ar
