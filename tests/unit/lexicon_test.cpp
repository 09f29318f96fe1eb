// How the lexicons read a folded word: clitics, cue forms, verbal nouns
// with a pronoun, and the markers kept apart from a word's classes.
#include <gtest/gtest.h>

#include "ar/lexicon.h"
#include "text/tokens.h"

namespace {

using isnad::ar::CueForm;
using isnad::ar::Lexicon;

Lexicon::Reading read(std::u16string_view word) { return Lexicon::get().read(isnad::fold_for_matching(word)); }

TEST(Lexicon, CliticsOffTheFront) {
  EXPECT_EQ(read(u"قال").cue_prefix, 0);
  EXPECT_EQ(read(u"وقال").cue_prefix, 1);
  EXPECT_EQ(read(u"فقالت").cue_prefix, 1);
  ASSERT_NE(read(u"سيقول").cue, nullptr);
  EXPECT_EQ(read(u"سيقول").cue_prefix, 1);
  EXPECT_EQ(read(u"سيقول").cue->form, CueForm::Present);
  EXPECT_EQ(read(u"ستقال").cue, nullptr);  // the future س only before a present verb
}

TEST(Lexicon, VerbalNounsWithAPronoun) {
  for (std::u16string_view word : {u"تأكيده", u"تأكيدها", u"وتأكيدهم", u"فتأكيدهما", u"قوله", u"إشارته", u"إشارتها"})
    EXPECT_TRUE(read(word).verbal_noun_with_pronoun);
  // Not a verbal noun, a plural read as one, a verbal noun alone, a verb with an object.
  for (std::u16string_view word : {u"كتابه", u"تصريحاته", u"تأكيد", u"أكده"})
    EXPECT_FALSE(read(word).verbal_noun_with_pronoun);
}

TEST(Lexicon, MarkersStandApartFromClasses) {
  using isnad::ar::kNegator;
  using isnad::ar::kWithheld;
  // A negator is one after و / ف too; a withheld-name object only as written.
  for (std::u16string_view word : {u"لم", u"ولم", u"فلن", u"عدم"}) EXPECT_TRUE(read(word).markers & kNegator);
  EXPECT_FALSE(read(u"لمى").markers & kNegator);
  EXPECT_TRUE(read(u"الكشف").written_markers & kWithheld);
  EXPECT_FALSE(read(u"والكشف").written_markers & kWithheld);
  EXPECT_TRUE(read(u"بقولها").written_markers & isnad::ar::kSaying);
  EXPECT_FALSE(read(u"قولها").written_markers & isnad::ar::kSaying);
  // Markers are no noun classes: the noun-phrase rules see none on these words.
  EXPECT_EQ(read(u"الكشف").classes, 0u);
  EXPECT_EQ(read(u"نشر").classes, 0u);
  EXPECT_EQ(read(u"بالقول").classes, 0u);
}

}  // namespace
