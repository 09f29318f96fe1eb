#include "text/word_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <array>
#include <memory>

namespace isnad {
namespace {

// Word_Break values as the rules below use them. Extend, Format and ZWJ act
// alike once emoji are left to ICU (rule WB3c only joins ZWJ to emoji).
enum Break : uint8_t {
  kOther,
  kSpace,
  kIgnorable,  // Extend, Format, ZWJ
  kALetter,
  kHebrewLetter,
  kSingleQuote,
  kDoubleQuote,
  kMidNumLet,
  kMidLetter,
  kMidNum,
  kNumeric,
  kExtendNumLet,
  // From here on, values that stop the scan for the end of a line.
  kCR,
  kLF,
  kNewline,
  kUnsupported,  // a line holding it goes to ICU: emoji, kana, CJK, regional indicators, surrogates …
};

// The rules handle the code points below U+0800, general punctuation with the
// super- and subscripts and currency signs (€ ₪), and U+FFFD.
constexpr char16_t kLowLimit = 0x0800;
constexpr char16_t kPunctuationStart = 0x2000;
constexpr char16_t kPunctuationLimit = 0x20D0;
constexpr char16_t kReplacementCharacter = 0xFFFD;

// The emoji and pictographs among the characters the rules cover (© ® ‼ ⁉):
// they take part in emoji rules (WB3c). The keycap bases # * 0-9 are plain
// characters to the word rules. Listed rather than asked of ICU, whose emoji
// data the wasm build does not ship. The covered ranges hold no CJK and no
// script that needs a dictionary; a test checks every covered character.
bool is_pictographic(UChar32 c) { return c == 0x00A9 || c == 0x00AE || c == 0x203C || c == 0x2049; }

Break break_of(UChar32 c) {
  if (is_pictographic(c)) return kUnsupported;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_OTHER: return c == u'@' ? kALetter : kOther;  // ICU's root rules join @ like a letter (a@b)
    case U_WB_WSEGSPACE: return kSpace;
    case U_WB_CR: return kCR;
    case U_WB_LF: return kLF;
    case U_WB_NEWLINE: return kNewline;
    case U_WB_EXTEND:
    case U_WB_FORMAT:
    case U_WB_ZWJ: return kIgnorable;
    case U_WB_ALETTER: return kALetter;
    case U_WB_HEBREW_LETTER: return kHebrewLetter;
    case U_WB_SINGLE_QUOTE: return kSingleQuote;
    case U_WB_DOUBLE_QUOTE: return kDoubleQuote;
    case U_WB_MIDNUMLET: return kMidNumLet;
    case U_WB_MIDLETTER: return c == u':' ? kOther : kMidLetter;  // CLDR's root rules take the colon out
    case U_WB_MIDNUM: return kMidNum;
    case U_WB_NUMERIC: return kNumeric;
    case U_WB_EXTENDNUMLET: return kExtendNumLet;
    default: return kUnsupported;
  }
}

struct BreakTable {
  std::array<Break, kLowLimit> low{};
  std::array<Break, kPunctuationLimit - kPunctuationStart> punctuation{};
  Break replacement = break_of(kReplacementCharacter);  // what decoding puts for bad bytes
  BreakTable() {
    for (UChar32 c = 0; c < kLowLimit; ++c) low[c] = break_of(c);
    for (UChar32 c = kPunctuationStart; c < kPunctuationLimit; ++c) punctuation[c - kPunctuationStart] = break_of(c);
  }
  Break operator()(char16_t c) const {
    if (c < kLowLimit) return low[c];
    if (c >= kPunctuationStart && c < kPunctuationLimit) return punctuation[c - kPunctuationStart];
    return c == kReplacementCharacter ? replacement : kUnsupported;
  }
};

const BreakTable& break_table() {
  static const BreakTable table;
  return table;
}

bool is_line_end(Break b) { return b == kCR || b == kLF || b == kNewline; }
bool is_letter(Break b) { return b == kALetter || b == kHebrewLetter; }
bool is_mid_letter(Break b) { return b == kMidLetter || b == kMidNumLet || b == kSingleQuote; }
bool is_mid_number(Break b) { return b == kMidNum || b == kMidNumLet || b == kSingleQuote; }

// A character with the Extend, Format and ZWJ characters after it (WB4);
// at the start of a line those characters make a unit of their own.
struct Unit {
  uint32_t start = 0;
  uint32_t end = 0;
  Break type = kOther;
};

// Segments one line from the Word_Break values of its code units.
class LineSegmenter {
 public:
  LineSegmenter(const Break* breaks, uint32_t offset, uint32_t size, WordSegmentSink& sink)
      : breaks_(breaks), offset_(offset), size_(size), sink_(sink) {}

  void run() {
    if (size_ == 0) return;
    uint32_t segment_start = 0;
    Unit current = unit_at(0);
    bool joined = false;
    while (current.end < size_) {
      if (is_word_character(current.type)) skip_word_characters(current);
      if (current.end >= size_) break;
      const Unit next = unit_at(current.end);
      const Break left = current.type;
      const Break right = next.type;
      // WB6/7, WB7b/c, WB11/12: letter-mid-letter, number-mid-number, HL "HL.
      const Break needed = needed_after(left, right);
      if (needed != kOther && next.end < size_) {
        const Unit after = unit_at(next.end);
        if (after.type == needed || (needed == kALetter && after.type == kHebrewLetter)) {
          current = after;
          joined = true;
          continue;
        }
      }
      // WB3d comes before WB4: only spaces with no mark between them join.
      if ((left == kSpace && right == kSpace && current.end == current.start + 1) || joins_pair(left, right)) {
        current = next;
        joined = true;
        // WB7a: an apostrophe ends a Hebrew word; no rule goes on from it.
        if (right != kSingleQuote) continue;
        if (current.end >= size_) break;
        emit(segment_start, current, joined);
        current = unit_at(current.end);
      } else {
        emit(segment_start, current, joined);
        current = next;
      }
      segment_start = current.start;
      joined = false;
    }
    emit(segment_start, current, joined);
  }

 private:
  void emit(uint32_t start, const Unit& last, bool joined) {
    sink_.segment(offset_ + start, offset_ + last.end, is_word(last, joined));
  }

  // What must follow `left right` for the middle rules to join the three:
  // kALetter for a letter (Hebrew or not), kNumeric, kHebrewLetter, or kOther for none.
  static Break needed_after(Break left, Break right) {
    if (is_letter(left) && is_mid_letter(right)) return kALetter;
    if (left == kNumeric && is_mid_number(right)) return kNumeric;
    if (left == kHebrewLetter && right == kDoubleQuote) return kHebrewLetter;
    return kOther;
  }

  static bool joins_pair(Break left, Break right) {
    const bool left_word = is_letter(left) || left == kNumeric;
    const bool right_word = is_letter(right) || right == kNumeric;
    return (left_word && right_word)                                          // WB5, WB8, WB9, WB10
           || (left == kHebrewLetter && right == kSingleQuote)                 // WB7a
           || ((left_word || left == kExtendNumLet) && right == kExtendNumLet)  // WB13a
           || (left == kExtendNumLet && right_word);                           // WB13b
  }

  // ICU's rule status follows the segment's last unit: a letter or a number
  // makes a word, and so does a joined _ or Hebrew apostrophe without marks.
  static bool is_word(const Unit& last, bool joined) {
    if (is_letter(last.type) || last.type == kNumeric) return true;
    return joined && (last.type == kExtendNumLet || last.type == kSingleQuote) && last.end == last.start + 1;
  }

  static bool is_word_character(Break b) { return b == kALetter || b == kHebrewLetter || b == kNumeric; }

  // Letters and digits join whatever their order (WB5, WB8–10): the common
  // case, taken in one tight loop. Moves `last` to the run's last unit.
  void skip_word_characters(Unit& last) const {
    uint32_t i = last.end;
    while (i < size_ && (is_word_character(breaks_[i]) || breaks_[i] == kIgnorable)) {
      if (breaks_[i] != kIgnorable) {
        last.start = i;
        last.type = breaks_[i];
      }
      ++i;
    }
    last.end = i;
  }

  Unit unit_at(uint32_t i) const {
    Unit unit{i, i + 1, breaks_[i]};
    while (unit.end < size_ && breaks_[unit.end] == kIgnorable) ++unit.end;
    return unit;
  }

  const Break* breaks_;  // of the line's code units
  uint32_t offset_;      // of the line in the text
  uint32_t size_;
  WordSegmentSink& sink_;
};

void segment_with_icu(std::u16string_view text, uint32_t start, uint32_t end, WordSegmentSink& sink) {
  if (start >= end) return;
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    return U_SUCCESS(status) ? std::move(it) : nullptr;
  }();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUChars(nullptr, text.data() + start, static_cast<int64_t>(end - start), &status);
  if (iterator && U_SUCCESS(status)) {
    iterator->setText(ut, status);
    int32_t from = iterator->first();
    for (int32_t to = iterator->next(); to != icu::BreakIterator::DONE; from = to, to = iterator->next())
      sink.segment(start + static_cast<uint32_t>(from), start + static_cast<uint32_t>(to),
                   iterator->getRuleStatus() != UBRK_WORD_NONE);
  } else {
    // Without ICU's rules every code unit is a segment: the tokens still cover the text.
    for (uint32_t i = start; i < end; ++i) sink.segment(i, i + 1, false);
  }
  utext_close(ut);
}

class Collector final : public WordSegmentSink {
 public:
  void segment(uint32_t start, uint32_t end, bool word) override { segments.push_back(WordSegment{start, end, word}); }
  std::vector<WordSegment> segments;
};

}  // namespace

void segment_words(std::u16string_view text, WordSegmentSink& sink, WordBreakEngine engine) {
  const uint32_t size = static_cast<uint32_t>(text.size());
  if (engine == WordBreakEngine::IcuOnly) {
    segment_with_icu(text, 0, size, sink);
    return;
  }
  const BreakTable& table = break_table();
  const std::unique_ptr<Break[]> breaks(new Break[size]);
  // Lines end at hard breaks (WB3a/b), so each is segmented on its own; a run
  // of lines the rules here do not cover goes to ICU in one piece.
  uint32_t icu_start = 0;
  uint32_t line_start = 0;
  while (line_start < size) {
    uint32_t line_end = line_start;
    bool supported = true;
    for (; line_end < size; ++line_end) {
      const Break b = breaks[line_end] = table(text[line_end]);
      if (b < kCR) continue;
      if (is_line_end(b)) break;
      supported = false;
    }
    uint32_t next = line_end;
    if (next < size) next += text[next] == u'\r' && next + 1 < size && text[next + 1] == u'\n' ? 2 : 1;
    if (supported) {
      segment_with_icu(text, icu_start, line_start, sink);
      LineSegmenter(breaks.get() + line_start, line_start, line_end - line_start, sink).run();
      if (line_end < next) sink.segment(line_end, next, false);  // WB3: CR × LF
      icu_start = next;
    }
    line_start = next;
  }
  segment_with_icu(text, icu_start, size, sink);
}

std::vector<WordSegment> word_segments(std::u16string_view text, WordBreakEngine engine) {
  Collector collector;
  segment_words(text, collector, engine);
  return std::move(collector.segments);
}

}  // namespace isnad
