// The lexicon compiler: the entries it makes from lexicon rows, how it packs
// them, the rows it refuses, and the tables the core is built with.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>

#include "ar/lexicon_compiler.h"
#include "text/tokens.h"
#include "unicode_strings.h"

namespace {

using isnad::fold_for_matching;
using isnad::ar::compile_lexicon;
using isnad::ar::CompiledLexicon;
using isnad::ar::CueForm;
using isnad::ar::Lexicon;
using isnad::ar::LexiconError;
using isnad::ar::LexiconSources;

// Rows written for these tests, in the files' formats (data/README.md).
constexpr std::string_view kCues =
    "# past\tpresent\tparticiple\tnoun\tframes\tkind\n"
    "صرح\tيصرح\tمصرح\tتصريح\tthat,colon\tspeech\n"
    "نفى\tينفي\tناف\t-\tthat\tstance\n";
constexpr std::string_view kWords = "أن\tcomp\nالوزير\ttitle\nلم\tneg\n";
constexpr std::string_view kNames = "سامر\nهالة\nنادر\n";
constexpr std::string_view kAccordingTo = "# phrase\tattached\nبحسب\t-\nنقلا  عن\t-\nوفقا\tل\n";

CompiledLexicon sample() { return compile_lexicon(LexiconSources{kCues, kWords, kNames, kAccordingTo}); }

const isnad::ar::Word* find(const Lexicon& lexicon, std::u16string_view word) {
  return lexicon.find(fold_for_matching(word));
}

TEST(LexiconCompiler, InflectsEveryCue) {
  const CompiledLexicon compiled = sample();
  const Lexicon lexicon(compiled.tables());
  for (std::u16string_view form : {u"صرح", u"صرحت", u"صرحوا", u"يصرح", u"تصرح", u"يصرحون", u"مصرحا", u"تصريح"})
    ASSERT_TRUE(find(lexicon, form) && find(lexicon, form)->is_cue);
  EXPECT_EQ(find(lexicon, u"صرحت")->cue.gender, isnad::Gender::Feminine);
  EXPECT_EQ(find(lexicon, u"تصريح")->cue.form, CueForm::VerbalNoun);
  // A weak past: نفى gives نفت and نفوا, and the row's kind.
  ASSERT_TRUE(find(lexicon, u"نفت"));
  EXPECT_TRUE(find(lexicon, u"نفت")->cue.stance);
  EXPECT_TRUE(find(lexicon, u"نفوا"));
  // A verbal noun with a pronoun is marked, with و before it too.
  for (std::u16string_view word : {u"تصريحه", u"وتصريحها", u"قوله"})
    EXPECT_TRUE(lexicon.read(fold_for_matching(word)).verbal_noun_with_pronoun);
}

TEST(LexiconCompiler, FemininePluralsByTheShapeOfTheVerb) {
  // Rows written for this test: sound, hollow, hamza in the middle, weak,
  // geminate (two letters, and form IV), and hamza at the end.
  constexpr std::string_view cues =
      "كتب\tيكتب\tكاتب\t-\tthat\tspeech\n"
      "أجاب\tيجيب\tمجيب\t-\tthat\tspeech\n"
      "سأل\tيسأل\tسائل\t-\tthat\tspeech\n"
      "نفى\tينفي\tناف\t-\tthat\tstance\n"
      "دعا\tيدعو\tداع\t-\tthat\tspeech\n"
      "حث\tيحث\tحاث\t-\tthat\tspeech\n"
      "أقر\tيقر\tمقر\t-\tthat\tstance\n"
      "جاء\t-\t-\t-\tin\tspeech\n";
  const CompiledLexicon compiled = compile_lexicon(LexiconSources{cues, kWords, kNames, kAccordingTo});
  const Lexicon lexicon(compiled.tables());
  for (std::u16string_view form : {u"كتبن", u"يكتبن", u"أجبن", u"يجبن", u"سألن", u"يسألن", u"نفين", u"ينفين", u"دعون",
                                   u"حثثن", u"يحثثن", u"أقررن", u"يقررن"}) {
    const isnad::ar::Word* w = find(lexicon, form);
    ASSERT_TRUE(w && w->is_cue) << utf8(form);
    EXPECT_EQ(w->cue.gender, isnad::Gender::Feminine) << utf8(form);
    EXPECT_EQ(w->cue.number, isnad::Number::Plural) << utf8(form);
  }
  // Not the hollow verb's rule where the hamza sits on an alif, nor a form
  // for the geminate without its doubled letter.
  for (std::u16string_view wrong : {u"سلن", u"يسلن", u"حثن", u"أقرن", u"جئن", u"جءن", u"جان"})
    EXPECT_EQ(find(lexicon, wrong), nullptr) << utf8(wrong);
  // يدعون is already the masculine plural, which is listed first.
  EXPECT_EQ(find(lexicon, u"يدعون")->cue.gender, isnad::Gender::Masculine);
}

TEST(LexiconCompiler, AVerbalNounInTaMarbutaDropsItBeforeItsPlural) {
  constexpr std::string_view cues = "أشار\tيشير\tمشير\tإشارة\tthat\tspeech\n";
  const CompiledLexicon compiled = compile_lexicon(LexiconSources{cues, kWords, kNames, kAccordingTo});
  const Lexicon lexicon(compiled.tables());
  for (std::u16string_view form : {u"إشارة", u"إشارات", u"الإشارات"}) {
    ASSERT_TRUE(find(lexicon, form)) << utf8(form);
    EXPECT_EQ(find(lexicon, form)->cue.form, CueForm::VerbalNoun) << utf8(form);
  }
  EXPECT_EQ(find(lexicon, u"إشارةات"), nullptr);
}

TEST(LexiconCompiler, ClassesMarkersNamesAndPhrases) {
  const CompiledLexicon compiled = sample();
  const Lexicon lexicon(compiled.tables());
  EXPECT_EQ(find(lexicon, u"أن")->classes, isnad::ar::kComplementizer);
  EXPECT_EQ(find(lexicon, u"لم")->classes, 0u);
  EXPECT_EQ(find(lexicon, u"لم")->markers, isnad::ar::kNegator);
  EXPECT_EQ(find(lexicon, u"هالة")->classes, isnad::ar::kNameToken);
  EXPECT_EQ(find(lexicon, u"نقلا")->classes, isnad::ar::kAccordingTo);
  ASSERT_EQ(lexicon.according_to().size(), 3u);
  EXPECT_EQ(lexicon.according_to()[1].words, (std::vector<std::u16string>{u"نقلا", u"عن"}));  // two spaces are one
  EXPECT_EQ(lexicon.according_to()[2].attached, u"ل");
  EXPECT_EQ(find(lexicon, u"سمير"), nullptr);
}

TEST(LexiconCompiler, KeysSharingAnEntryAreStoredOnce) {
  const CompiledLexicon compiled = sample();
  // The three names have one entry, their keys sorted after it.
  size_t keys = std::accumulate(compiled.keys_per_word.begin(), compiled.keys_per_word.end(), size_t{0});
  EXPECT_EQ(keys, static_cast<size_t>(std::count(compiled.keys.begin(), compiled.keys.end(), u'\0')));
  EXPECT_LT(compiled.words.size(), keys);
  EXPECT_NE(compiled.keys.find(std::u16string(u"سامر") + u'\0' + u"نادر" + u'\0' + u"هاله" + u'\0'),
            std::u16string::npos);
}

TEST(LexiconCompiler, RefusesAWordWithANul) {
  const std::string names = std::string("سامر") + '\0' + "x\n";
  EXPECT_THROW(compile_lexicon(LexiconSources{kCues, kWords, names, kAccordingTo}), LexiconError);
}

TEST(LexiconCompiler, TheSourceDefinesTheTables) {
  const std::string source = isnad::ar::lexicon_tables_source(sample());
  EXPECT_NE(source.find("const Lexicon& Lexicon::get()"), std::string::npos);
  EXPECT_EQ(source, isnad::ar::lexicon_tables_source(sample()));  // the same rows make the same file
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// The lexicon the core was built with holds what data/ar says, word for word.
TEST(LexiconCompiler, TheCoreHasTheDataEntries) {
  const std::filesystem::path dir = std::filesystem::path(ISNAD_SOURCE_DIR) / "data" / "ar";
  const std::string cues = read_file(dir / "cues.tsv"), words = read_file(dir / "words.tsv"),
                    names = read_file(dir / "name_tokens.tsv"), according_to = read_file(dir / "according_to.tsv");
  const CompiledLexicon compiled = compile_lexicon(LexiconSources{cues, words, names, according_to});
  ASSERT_GT(compiled.words.size(), 0u);
  const Lexicon& core = Lexicon::get();
  size_t key_start = 0, checked = 0;
  for (size_t w = 0; w < compiled.words.size(); ++w) {
    for (uint16_t k = 0; k < compiled.keys_per_word[w]; ++k, ++checked) {
      const size_t key_end = compiled.keys.find(u'\0', key_start);
      const std::u16string_view key(compiled.keys.data() + key_start, key_end - key_start);
      const isnad::ar::Word* entry = core.find(key);
      ASSERT_NE(entry, nullptr);
      EXPECT_EQ(entry->classes, compiled.words[w].classes);
      EXPECT_EQ(entry->markers, compiled.words[w].markers);
      EXPECT_EQ(entry->is_cue, compiled.words[w].is_cue);
      EXPECT_EQ(entry->verbal_noun_with_pronoun, compiled.words[w].verbal_noun_with_pronoun);
      EXPECT_EQ(entry->cue.frames, compiled.words[w].cue.frames);
      EXPECT_EQ(entry->cue.form, compiled.words[w].cue.form);
      key_start = key_end + 1;
    }
  }
  EXPECT_GT(checked, 5000u);
  EXPECT_EQ(core.according_to().size(), compiled.according_to.size());
}

}  // namespace
