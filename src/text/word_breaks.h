// Text layer: the word segments of a text, as ICU's root word break rules
// (UAX #29) draw them. Lines whose characters all lie in the scripts of Arabic
// news (everything below U+0800, general punctuation, currency signs and
// U+FFFD, emoji aside) are segmented here, by the same rules applied to word break
// properties read from ICU once; any other line is handed to ICU's break
// iterator. Both give the same segments (tests/unit/word_breaks_test.cpp).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace isnad {

struct WordSegment {
  uint32_t start = 0;  // UTF-16 offsets
  uint32_t end = 0;
  bool word = false;  // letters or digits: ICU's rule status is not UBRK_WORD_NONE
};

// Receives the segments of a text in order; together they cover it.
class WordSegmentSink {
 public:
  // Scalars, not a WordSegment: a struct built on the stack and read back
  // whole costs a stalled store-to-load forward per segment.
  virtual void segment(uint32_t start, uint32_t end, bool word) = 0;

 protected:
  ~WordSegmentSink() = default;
};

enum class WordBreakEngine : uint8_t {
  Auto,     // the rules here where a line allows it, ICU elsewhere
  IcuOnly,  // ICU's break iterator over the whole text
};

void segment_words(std::u16string_view text, WordSegmentSink& sink, WordBreakEngine engine = WordBreakEngine::Auto);
std::vector<WordSegment> word_segments(std::u16string_view text, WordBreakEngine engine = WordBreakEngine::Auto);

}  // namespace isnad
