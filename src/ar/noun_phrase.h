// Speaker noun phrases of Arabic news: where they start and end, and what
// they say about the source (kind, gender, title, name).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "ar/lexicon.h"
#include "attribution/draft.h"
#include "text/tokens.h"

namespace isnad::ar {

// A run of tokens [first, last]; `start` may lie inside the first token when
// an attached و or ل is cut off it.
struct Phrase {
  uint32_t first = 0;
  uint32_t last = 0;
  uint32_t start = 0;   // text offset
  uint32_t end = 0;     // text offset
  uint32_t resume = 0;  // first token after the phrase (past a closing quote mark)
};

// A folded word without its article, as mentions keep their name words.
std::u16string_view without_article(std::u16string_view key);

class NounPhrases {
 public:
  // Looks every word up once: the rules ask about the same tokens many times.
  explicit NounPhrases(const Tokens& tokens);

  // Classes of a word, also with a leading و / ف taken off.
  uint32_t classes(size_t token) const { return token < facts_.size() ? facts_[token].classes : 0; }
  bool is_complementizer(size_t token) const { return token < facts_.size() && facts_[token].complementizer; }
  // The cue reading of a word (see Lexicon::read), or null.
  const CueEntry* cue(size_t token, size_t* prefix_length = nullptr) const {
    if (token >= facts_.size()) return nullptr;
    if (prefix_length) *prefix_length = facts_[token].cue_prefix;
    return facts_[token].cue;
  }
  // The phrase that starts at `token` and names a source, as a verb's subject
  // or after بحسب. `require_head` asks for evidence that it names a source
  // (a title, an organisation, a known name) rather than an object.
  // With `attached_lam`, the first word carries the ل of "وفقا لـ". With
  // `bi_object`, the cue takes an object with بـ, so a later بـ word ends
  // the phrase (تمسك الرئيس بضرورة …) instead of continuing a name (الرئيس بوتين).
  std::optional<Phrase> after(size_t token, bool require_head, bool attached_lam = false, bool bi_object = false) const;
  // The subject that ends just before `token` (subject-first order).
  std::optional<Phrase> before(size_t token) const;
  Mention analyse(const Phrase& phrase) const;
  // لم، لن، ولا: a particle that negates the verb after it (also after و / ف).
  bool is_negator(size_t token) const { return token < facts_.size() && facts_[token].negator; }
  // الكشف، عدم، ذكر: an object by which a source withholds its name.
  bool withholds(size_t token) const { return token < facts_.size() && facts_[token].withheld; }
  // بالقول، بقوله: the cue after a verb that reports with it (as written).
  bool is_saying(size_t token) const { return token < facts_.size() && facts_[token].saying; }
  // تأكيده، قوله، تحذيرها: a cue's verbal noun with the source's pronoun.
  bool is_verbal_noun_with_pronoun(size_t token) const {
    return token < facts_.size() && facts_[token].verbal_noun_with_pronoun;
  }
  // Inline: the rules step over spaces everywhere.
  size_t next_non_space(size_t token) const {
    while (token < tokens_.size() && tokens_[token].kind == TokenKind::Space) ++token;
    return token;
  }
  size_t previous_non_space(size_t token) const {  // returns SIZE_MAX at the start
    while (token > 0) {
      --token;
      if (tokens_[token].kind != TokenKind::Space) return token;
    }
    return SIZE_MAX;
  }

 private:
  bool is_name_like(size_t token) const;
  bool is_addressee(size_t token) const;
  // The comma closes "، name،" set off after a title: "رئيس الوداد، هشام الشرقاوي، أبلغ".
  bool closes_apposed_name(size_t comma) const;
  // A word of a name in apposition; after its first word the article is allowed.
  bool is_name_word(size_t token, bool first) const;
  // A nationality or origin before a name in apposition: "، البلجيكي فيليب دوكاس،".
  bool is_nisba_before_name(size_t token) const;
  // The comma after a few plain words from `from` that a title or a known
  // name follows, closed by a comma of its own: the place where a title is
  // held before its holder's name ("في علم المناخ بجامعة الجزائر، الدكتور
  // كريم زروقي،"). SIZE_MAX where there is none.
  size_t comma_before_apposed_name(size_t from) const;
  // Classes of a word that begins with ل, without the ل (للأمم → الأمم).
  uint32_t classes_after_lam(std::u16string_view key) const;
  // A word of the phrase analyse() is reading: its key, less a و or ل cut
  // off the phrase's start, and the lexicon's classes of that key.
  struct PhraseWord {
    size_t token = 0;
    std::u16string_view key;
    uint32_t classes = 0;
    bool comma_before = false;
  };
  // How many people a person mention names: a dual title, or names joined by و.
  Number person_number(const std::vector<PhraseWord>& words) const;
  // One per token, so packed into 16 bytes: the rules' passes over every
  // token stream these, and at 10 MB they are 32 MB.
  static constexpr uint32_t kClassBits = 24;
  static_assert(kAside < (1u << kClassBits), "word classes (kAside the highest) fit the facts' class bits");
  struct Facts {
    // What Lexicon::read says of the word (see there).
    const CueEntry* cue = nullptr;
    uint32_t classes : kClassBits = 0;
    uint32_t cue_prefix : 8 = 0;
    uint32_t written_classes : kClassBits = 0;
    uint32_t complementizer : 1 = 0;
    uint32_t ali : 1 = 0;  // "علي" spelled with ي: the name, which folds like the preposition على
    uint32_t verbal_noun_with_pronoun : 1 = 0;  // see is_verbal_noun_with_pronoun
    uint32_t negator : 1 = 0;                   // see is_negator
    uint32_t withheld : 1 = 0;                  // see withholds
    uint32_t saying : 1 = 0;                    // see is_saying
  };
  const Tokens& tokens_;
  const Lexicon& lexicon_;
  std::vector<Facts> facts_;
  // analyse()'s words, kept between calls: a text has thousands of mentions.
  mutable std::vector<PhraseWord> phrase_words_;
};

}  // namespace isnad::ar
