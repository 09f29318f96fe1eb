#include "ar/lexicon_compiler.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <map>
#include <tuple>
#include <unordered_map>

#include "text/tokens.h"
#include "text/utf8.h"

namespace isnad::ar {

using namespace std::string_view_literals;

namespace {

enum class Fields : uint8_t { Folded, Written };

// Calls `row` with the tab-separated fields of every non-comment line, folded
// or as written. The fields are views into one buffer, reused from one line to
// the next.
template <typename RowFn>
void for_each_row(std::string_view utf8, RowFn row, Fields kind = Fields::Folded) {
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
      if (kind == Fields::Folded)
        fold_into(folded, line.substr(0, tab));
      else
        folded.append(line.substr(0, tab));
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
  return !stem.empty() && (stem.back() == u'ي' || stem.back() == u'ى' || stem.back() == u'ا' || stem.back() == u'و');
}

// The stem a cue form is built on, from the row's past, present, participle
// and verbal noun. The *BeforeNun stems take the ن of the feminine plural
// (قلن، يقلن).
enum class Stem : uint8_t {
  Past,
  PastWeak,
  Present,
  PresentRest,
  PresentWeak,
  Participle,
  Noun,
  NounPlural,  // the verbal noun before the ات of its plural: إشارة → إشارات
  PastBeforeNun,
  PresentBeforeNun
};

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
    // أكدن، قلن، نفين، حثثن; يؤكدن، يقلن، يرين
    {u""sv, Stem::PastBeforeNun, u"ن"sv, CueForm::Past, Gender::Feminine, Number::Plural},
    {u""sv, Stem::PresentBeforeNun, u"ن"sv, CueForm::Present, Gender::Feminine, Number::Plural},
    {u""sv, Stem::Participle, u"ا"sv, CueForm::Participle, Gender::Masculine, Number::Singular},
    {u""sv, Stem::Participle, u"ه"sv, CueForm::Participle, Gender::Feminine, Number::Singular},
    {u""sv, Stem::Participle, u"ين"sv, CueForm::Participle, Gender::Masculine, Number::Plural},
    {u""sv, Stem::Participle, u"ات"sv, CueForm::Participle, Gender::Feminine, Number::Plural},
    {u""sv, Stem::Noun, u""sv, CueForm::VerbalNoun, Gender::Unknown, Number::Unknown},
    {u"ال"sv, Stem::Noun, u""sv, CueForm::VerbalNoun, Gender::Unknown, Number::Unknown},
    {u""sv, Stem::NounPlural, u"ات"sv, CueForm::VerbalNoun, Gender::Unknown, Number::Unknown},
    {u"ال"sv, Stem::NounPlural, u"ات"sv, CueForm::VerbalNoun, Gender::Unknown, Number::Unknown},
};

// Geminate verbs are written without their shadda: a past of two letters
// (حث، عد), or a form IV past of three with a present of three (أقر، يقر).
bool is_geminate(std::u16string_view past, std::u16string_view present) {
  return past.size() == 2 || (past.size() == 3 && past[0] == u'أ' && present.size() == 3);
}

// A hollow past has a long ا before its last letter (قال، أضاف، اختار); a
// hamza there is written on its seat (سأل), so the written spelling tells them apart.
bool is_hollow(std::u16string_view past) {
  return past.size() >= 3 && past[past.size() - 2] == u'ا' && past.back() != u'ء';
}

bool is_long_vowel(char16_t c) { return c == u'ا' || c == u'و' || c == u'ي'; }

// The past or present of a row (`stem`) as it stands before the ن of the
// feminine plural: a weak last letter becomes ي (و after the ا of a past:
// دعا → دعون), a geminate's last letter is doubled, and a hollow verb loses
// its long vowel. A stem ending in hamza changes its seat (جاء → جئن) and
// gets no such form.
bool append_stem_before_nun(bool present_tense, std::u16string_view stem, std::u16string_view past,
                            std::u16string_view present, std::u16string& out) {
  const char16_t last = stem.back();
  if (last == u'ء') return false;
  if (last == u'و')
    out.append(stem);  // يدعو → يدعون
  else if (last == u'ى' || last == u'ي' || last == u'ا')
    out.append(stem.substr(0, stem.size() - 1)).push_back(last == u'ا' && !present_tense ? u'و' : u'ي');
  else if (is_geminate(past, present))
    out.append(stem).push_back(last);
  else if (is_hollow(past) && is_long_vowel(stem[stem.size() - 2]))
    out.append(stem.substr(0, stem.size() - 2)).push_back(last);
  else
    out.append(stem);
  return true;
}

// Appends to `out` the stem of a row of cues.tsv (its fields as written);
// false where the row has none ("-").
bool append_stem(Stem stem, const std::vector<std::u16string_view>& row, std::u16string& out) {
  const std::u16string_view past = row[0], present = row[1], participle = row[2], noun = row[3];
  const bool has_past = past != u"-"sv && !past.empty();
  const bool has_present = present != u"-"sv && present.size() >= 2;
  const auto take = [&](std::u16string_view s) {
    out.append(s);
    return true;
  };
  switch (stem) {
    case Stem::Past:
      if (has_past) return take(past);
      break;
    case Stem::PastWeak:
      if (has_past && ends_weak(past)) return take(past.substr(0, past.size() - 1));
      break;
    case Stem::Present:
      if (has_present) return take(present);
      break;
    case Stem::PresentRest:
      if (has_present) return take(present.substr(1));
      break;
    case Stem::PresentWeak:
      if (has_present && ends_weak(present)) return take(present.substr(0, present.size() - 1));
      break;
    case Stem::Participle:
      if (participle != u"-"sv) return take(participle);
      break;
    case Stem::Noun:
      if (noun != u"-"sv) return take(noun);
      break;
    case Stem::NounPlural:
      if (noun != u"-"sv) return take(noun.ends_with(u'ة') ? noun.substr(0, noun.size() - 1) : noun);
      break;
    case Stem::PastBeforeNun:
      if (has_past) return append_stem_before_nun(false, past, past, has_present ? present : u""sv, out);
      break;
    case Stem::PresentBeforeNun:
      if (has_past && has_present) return append_stem_before_nun(true, present, past, present, out);
      break;
  }
  return false;
}

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

// A Word's fields, for grouping the keys that share one entry.
auto fields_of(const Word& w) {
  return std::tuple(w.classes, w.markers, w.is_cue, w.verbal_noun_with_pronoun, w.cue.frames, w.cue.form, w.cue.gender,
                    w.cue.number, w.cue.stance);
}

class Compiler {
 public:
  CompiledLexicon run(const LexiconSources& sources) {
    add_cues(sources.cues);
    add_words(sources.words);
    for_each_row(sources.name_tokens, [&](const std::vector<std::u16string_view>& f) {
      if (!f.empty() && !f[0].empty()) entry(f[0]).classes |= kNameToken;
    });
    add_according_to(sources.according_to);
    mark_verbal_nouns_with_pronouns();
    return pack();
  }

 private:
  // The entry of `key`, added empty if it is new.
  Word& entry(std::u16string_view key) {
    if (key.find(u'\0') != std::u16string_view::npos) throw LexiconError("a lexicon word holds a NUL character");
    const auto [at, added] = index_.try_emplace(std::u16string(key), words_.size());
    if (added) {
      keys_.emplace_back(key);
      words_.emplace_back();
    }
    return words_[at->second];
  }

  // The tables: the distinct entries in their first key's order, each with
  // its keys sorted, which compresses like a sorted word list.
  CompiledLexicon pack() const {
    std::map<decltype(fields_of(Word{})), size_t> group_of;
    std::vector<std::vector<std::u16string_view>> groups;
    CompiledLexicon out;
    for (size_t i = 0; i < words_.size(); ++i) {
      const auto [at, added] = group_of.try_emplace(fields_of(words_[i]), groups.size());
      if (added) {
        groups.emplace_back();
        out.words.push_back(words_[i]);
      }
      groups[at->second].push_back(keys_[i]);
    }
    for (std::vector<std::u16string_view>& keys : groups) {
      if (keys.size() > UINT16_MAX) throw LexiconError(std::to_string(keys.size()) + " words share one entry; the most is 65535");
      std::sort(keys.begin(), keys.end());
      out.keys_per_word.push_back(static_cast<uint16_t>(keys.size()));
      for (std::u16string_view key : keys) out.keys.append(key).push_back(u'\0');
    }
    out.phrase_strings = phrase_strings_;
    for (size_t i = 0; i < out.phrase_strings.size(); i += 2)
      out.according_to.push_back({out.phrase_strings[i], out.phrase_strings[i + 1]});
    return out;
  }

  // The forms are made from the rows as written, where the hamza's seat and
  // the alif maqsura still show how a verb inflects, then folded.
  void add_cues(std::string_view tsv) {
    std::u16string form, folded;  // one buffer each for every generated form
    for_each_row(
        tsv,
        [&](const std::vector<std::u16string_view>& f) {
          if (f.size() < 6) return;
          const uint16_t frames = parse_frames(f[4]);
          const bool stance = f[5] == u"stance"sv;
          for (const CueFormRule& rule : kCueForms) {
            form.assign(rule.prefix);
            if (!append_stem(rule.stem, f, form)) continue;
            form.append(rule.suffix);
            folded.clear();
            fold_into(folded, form);
            if (folded.size() < 2) continue;
            Word& w = entry(folded);
            if (w.is_cue) continue;
            w.is_cue = true;
            w.cue = CueEntry{frames, rule.form, rule.gender, rule.number, stance};
          }
        },
        Fields::Written);
  }

  void add_words(std::string_view tsv) {
    static const std::pair<std::u16string_view, uint32_t> kClasses[] = {
        {u"comp"sv, kComplementizer}, {u"prep"sv, kPreposition},      {u"time"sv, kTime},
        {u"title"sv, kTitle},         {u"title_f"sv, kTitleFeminine}, {u"org"sv, kOrganization},
        {u"media"sv, kMedia},         {u"group"sv, kGroup},           {u"document"sv, kDocument},
        {u"state"sv, kState},         {u"conj"sv, kConjunction},      {u"aux"sv, kAuxiliary},
        {u"stop"sv, kStop},           {u"adj"sv, kAdjective},         {u"number"sv, kNumber},
        {u"aside"sv, kAside},         {u"neg"sv, kNegator},           {u"withheld"sv, kWithheld},
        {u"saying"sv, kSaying}};
    for_each_row(tsv, [&](const std::vector<std::u16string_view>& f) {
      if (f.size() < 2) return;
      for (const auto& [name, cls] : kClasses) {
        if (f[1] != name) continue;
        Word& word = entry(f[0]);
        (cls & kMarkers ? word.markers : word.classes) |= cls;
      }
    });
  }

  void add_according_to(std::string_view tsv) {
    for_each_row(tsv, [&](const std::vector<std::u16string_view>& f) {
      if (f.empty()) return;
      // The words with single spaces between them, as the lexicon splits them.
      std::u16string words;
      std::u16string_view first;
      for (std::u16string_view rest = f[0]; !rest.empty();) {
        const size_t space = rest.find(u' ');
        if (space != 0) {
          const std::u16string_view word = rest.substr(0, space);
          if (words.empty()) first = word;
          words.append(words.empty() ? u""sv : u" "sv).append(word);
        }
        if (space == std::u16string_view::npos) break;
        rest = rest.substr(space + 1);
      }
      if (words.empty()) return;
      entry(first).classes |= kAccordingTo;
      phrase_strings_.push_back(std::move(words));
      phrase_strings_.emplace_back(f.size() > 1 && f[1] != u"-"sv ? f[1] : u""sv);
    });
  }

  // Every word that can read as a verbal noun with a pronoun is built from a
  // verbal noun (or قول), with و or ف or neither before it and a pronoun
  // after; each is checked with the reading itself, so the marks are exactly
  // the words that read so.
  void mark_verbal_nouns_with_pronouns() {
    std::vector<std::u16string> marked;
    {
      const CompiledLexicon sofar = pack();
      const Lexicon lexicon(sofar.tables());
      std::vector<std::u16string> bases = {u"قول"};
      for (size_t w = 0; w < words_.size(); ++w) {
        if (!words_[w].is_cue || words_[w].cue.form != CueForm::VerbalNoun) continue;
        const std::u16string_view noun = keys_[w];
        bases.emplace_back(noun);
        if (noun.ends_with(u'ه')) bases.push_back(std::u16string(noun.substr(0, noun.size() - 1)) + u'ت');
      }
      std::u16string word;
      for (const std::u16string& base : bases)
        for (std::u16string_view conjunction : {u""sv, u"و"sv, u"ف"sv})
          for (std::u16string_view pronoun : kPronouns) {
            word.assign(conjunction).append(base).append(pronoun);
            if (reads_as_verbal_noun_with_pronoun(lexicon, word)) marked.push_back(word);
          }
    }
    for (const std::u16string& word : marked) entry(word).verbal_noun_with_pronoun = true;
  }

  // In the order the data first gives them.
  std::vector<std::u16string> keys_;
  std::vector<Word> words_;
  std::unordered_map<std::u16string, size_t> index_;  // into both
  std::vector<std::u16string> phrase_strings_;         // as CompiledLexicon::phrase_strings
};

// Code units as a C++ initializer list, wrapped every 16.
void append_units(std::string& out, std::u16string_view units) {
  char number[16];
  for (size_t i = 0; i < units.size(); ++i) {
    std::snprintf(number, sizeof number, "0x%X,%s", static_cast<unsigned>(units[i]), i % 16 == 15 ? "\n" : "");
    out += number;
  }
}

}  // namespace

CompiledLexicon compile_lexicon(const LexiconSources& sources) { return Compiler().run(sources); }

std::string lexicon_tables_source(const CompiledLexicon& lexicon) {
  std::string out =
      "// Generated by isnad_lexicon_compiler from data/ar (src/ar/lexicon_compiler.h). Do not edit.\n"
      "#include <iterator>\n#include <span>\n\n#include \"ar/lexicon.h\"\n\n"
      "namespace isnad::ar {\nnamespace {\n\n"
      "constexpr Word w(uint32_t classes, uint32_t markers, int flags, uint16_t frames, int form, int gender, int number) {\n"
      "  return Word{classes, markers, (flags & 1) != 0, (flags & 2) != 0,\n"
      "              CueEntry{frames, CueForm(form), Gender(gender), Number(number), (flags & 4) != 0}};\n}\n\n"
      "// Each array ends in a sentinel, so that none is empty.\n"
      "constexpr Word kTableWords[] = {\n";
  char row[160];
  for (const Word& word : lexicon.words) {
    const int flags = (word.is_cue ? 1 : 0) | (word.verbal_noun_with_pronoun ? 2 : 0) | (word.cue.stance ? 4 : 0);
    std::snprintf(row, sizeof row, "w(%u,%u,%d,%u,%d,%d,%d),\n", word.classes, word.markers, flags, word.cue.frames,
                  static_cast<int>(word.cue.form), static_cast<int>(word.cue.gender), static_cast<int>(word.cue.number));
    out += row;
  }
  out += "{}};\n\nconstexpr uint16_t kTableKeysPerWord[] = {\n";
  for (size_t i = 0; i < lexicon.keys_per_word.size(); ++i) {
    std::snprintf(row, sizeof row, "%u,%s", lexicon.keys_per_word[i], i % 32 == 31 ? "\n" : "");
    out += row;
  }
  out += "0};\n\nconstexpr char16_t kTableKeys[] = {\n";
  append_units(out, lexicon.keys);
  out += "0};\n\nconstexpr char16_t kTablePhrases[] = {\n";
  std::u16string phrase_text;
  for (const std::u16string& s : lexicon.phrase_strings) phrase_text += s;
  append_units(out, phrase_text);
  out += "0};\n\nconstexpr AccordingToRow kTableAccordingTo[] = {\n";
  size_t at = 0;
  for (size_t i = 0; i < lexicon.phrase_strings.size(); i += 2) {
    const size_t words = lexicon.phrase_strings[i].size(), attached = lexicon.phrase_strings[i + 1].size();
    std::snprintf(row, sizeof row, "{{kTablePhrases + %zu, %zu}, {kTablePhrases + %zu, %zu}},\n", at, words,
                  at + words, attached);
    out += row;
    at += words + attached;
  }
  out +=
      "{}};\n\n"
      "template <typename T, size_t n>\nconstexpr std::span<const T> without_sentinel(const T (&a)[n]) { return {a, n - 1}; }\n\n"
      "}  // namespace\n\n"
      "const Lexicon& Lexicon::get() {\n"
      "  static const Lexicon lexicon(LexiconTables{without_sentinel(kTableWords), without_sentinel(kTableKeysPerWord),\n"
      "                                             std::u16string_view(kTableKeys, std::size(kTableKeys) - 1),\n"
      "                                             without_sentinel(kTableAccordingTo)});\n"
      "  return lexicon;\n}\n\n}  // namespace isnad::ar\n";
  return out;
}

}  // namespace isnad::ar
