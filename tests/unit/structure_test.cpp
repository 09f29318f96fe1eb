// Paragraphs, sentences and quotations over the tokens of a text.
#include <gtest/gtest.h>

#include "text/structure.h"
#include "text/tokens.h"

namespace {

// The index of the first token that starts at `offset`.
size_t token_at(const isnad::Tokens& tokens, uint32_t offset) {
  for (size_t i = 0; i < tokens.size(); ++i)
    if (tokens[i].start == offset) return i;
  ADD_FAILURE() << "no token starts at " << offset;
  return 0;
}

TEST(TextStructure, ParagraphStartsAfterEachLineBreak) {
  const std::u16string text = u"قال الوزير.\nوأضاف: نعم.\n\nانتهى";
  const isnad::Tokens tokens(text);
  const isnad::TextStructure structure(tokens);
  const size_t second = token_at(tokens, static_cast<uint32_t>(text.find(u"وأضاف")));
  const size_t third = token_at(tokens, static_cast<uint32_t>(text.find(u"انتهى")));
  EXPECT_EQ(structure.paragraph_start(0), 0u);
  EXPECT_EQ(structure.paragraph_start(second - 1), 0u);  // the line break ends the first paragraph
  EXPECT_EQ(structure.paragraph_start(second), second);
  EXPECT_EQ(structure.paragraph_start(second + 2), second);
  EXPECT_EQ(structure.paragraph_start(third), third);
  EXPECT_EQ(structure.paragraph_start(tokens.size()), tokens.size());  // one past the end
}

TEST(TextStructure, QuotesAndSentenceEnds) {
  const std::u16string text = u"قال: «الحل قريب». ثم غادر";
  const isnad::Tokens tokens(text);
  const isnad::TextStructure structure(tokens);
  ASSERT_EQ(structure.quotes().size(), 1u);
  const isnad::Quote& quote = structure.quotes()[0];
  EXPECT_TRUE(quote.closed);
  EXPECT_EQ(tokens[quote.open].start, text.find(u'«'));
  EXPECT_EQ(tokens[quote.close].start, text.find(u'»'));
  EXPECT_EQ(structure.quote_at(quote.open + 1), 0);
  EXPECT_EQ(structure.quote_at(0), -1);
  const size_t stop = token_at(tokens, static_cast<uint32_t>(text.find(u'.')));
  EXPECT_TRUE(structure.ends_sentence(stop));
  EXPECT_EQ(structure.next_sentence_end(0), stop);
  EXPECT_TRUE(structure.ends_sentence(tokens.size()));
}

}  // namespace
