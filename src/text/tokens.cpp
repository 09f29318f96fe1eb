#include "text/tokens.h"

#include "text/word_breaks.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>

namespace isnad {
namespace {

bool is_compatibility_form(UChar32 c) {
  // Arabic presentation forms A and B, and the half/full-width block.
  return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

void append_code_point(std::u16string& out, UChar32 c) {
  if (U_IS_BMP(c)) {
    out.push_back(static_cast<char16_t>(c));
  } else {
    out.push_back(U16_LEAD(c));
    out.push_back(U16_TRAIL(c));
  }
}

void append_folded(std::u16string& out, UChar32 c) {
  const int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_FORMAT_CHAR || c == 0x0640) return;  // marks, ZWJ, tatweel
  switch (c) {
    case 0x0623:
    case 0x0625:
    case 0x0622:
    case 0x0671:
      c = 0x0627;
      break;  // أ إ آ ٱ → ا
    case 0x0624:
      c = 0x0648;
      break;  // ؤ → و
    case 0x0626:
    case 0x0649:
    case 0x06CC:
      c = 0x064A;
      break;  // ئ ى ی → ي
    case 0x0629:
      c = 0x0647;
      break;  // ة → ه
    case 0x06A9:
      c = 0x0643;
      break;  // ک → ك
    default:
      if (u_isdigit(c))
        c = u'0' + u_charDigitValue(c);
      else
        c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
  }
  append_code_point(out, c);
}

// What tokenizing needs to know of each code point below U+0800 (Latin,
// Arabic), computed once from ICU's properties: the common case becomes a
// table lookup instead of calls into ICU.
constexpr UChar32 kTableLimit = 0x0800;
constexpr char16_t kDropped = 0xFFFF;

struct CharInfo {
  char16_t fold = 0;  // what it folds to, kDropped, or 0 when that takes more than one unit
  bool white_space = false;
  bool joins = false;  // a mark or format character: a stray one joins the token before
  bool alnum = false;
};

bool is_line_break(UChar32 c) {
  return c == u'\n' || c == u'\r' || c == 0x2028 || c == 0x2029 || c == 0x0B || c == 0x0C || c == 0x85;
}

bool joins_previous(UChar32 c) {
  const int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_FORMAT_CHAR || type == U_ENCLOSING_MARK;
}

const std::array<CharInfo, kTableLimit>& char_table() {
  static const std::array<CharInfo, kTableLimit> table = [] {
    std::array<CharInfo, kTableLimit> t{};
    for (UChar32 c = 0; c < kTableLimit; ++c) {
      std::u16string folded;
      append_folded(folded, c);
      t[c].fold = folded.empty() ? kDropped : folded.size() == 1 ? folded[0] : 0;
      t[c].white_space = u_isUWhiteSpace(c);
      t[c].joins = joins_previous(c);
      t[c].alnum = u_isalnum(c);
    }
    return t;
  }();
  return table;
}

const icu::Normalizer2* nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCInstance(status);
  return U_SUCCESS(status) ? normalizer : nullptr;
}

// How much of a word fold_by_table() folded.
struct TableFold {
  size_t read = 0;     // units of the word
  size_t written = 0;  // units of its folded form
};

// Folds `word` unit by unit through the table, as most words fold, up to the
// first unit the table cannot fold. That never lengthens the word: `out` needs
// room for word.size() units.
inline TableFold fold_by_table(std::u16string_view word, char16_t* out,
                               const std::array<CharInfo, kTableLimit>& table) {
  TableFold done;
  for (; done.read < word.size(); ++done.read) {
    const char16_t c = word[done.read];
    const char16_t folded = c < kTableLimit ? table[c].fold : 0;
    if (folded == 0) break;
    if (folded != kDropped) out[done.written++] = folded;
  }
  return done;
}

// Folds what fold_by_table() left of a word, appending to `out`.
void fold_rest(std::u16string& out, std::u16string_view rest) {
  static const icu::Normalizer2* normalizer = nfkc();
  static const std::array<CharInfo, kTableLimit>& table = char_table();
  for (size_t i = 0; i < rest.size();) {
    UChar32 c;
    U16_NEXT(rest.data(), i, rest.size(), c);
    if (c < kTableLimit && table[c].fold != 0) {
      if (table[c].fold != kDropped) out.push_back(table[c].fold);
      continue;
    }
    if (normalizer && is_compatibility_form(c)) {
      icu::UnicodeString decomposed;
      UErrorCode status = U_ZERO_ERROR;
      normalizer->normalize(icu::UnicodeString(c), decomposed, status);
      for (int32_t j = 0; U_SUCCESS(status) && j < decomposed.length();) {
        UChar32 d = decomposed.char32At(j);
        append_folded(out, d);
        j += U16_LENGTH(d);
      }
    } else {
      append_folded(out, c);
    }
  }
}

}  // namespace

std::u16string fold_for_matching(std::u16string_view word) {
  std::u16string out;
  fold_into(out, word);
  return out;
}

void fold_into(std::u16string& out, std::u16string_view word) {
  const size_t start = out.size();
  out.resize(start + word.size());
  const TableFold done = fold_by_table(word, out.data() + start, char_table());
  out.resize(start + done.written);
  fold_rest(out, word.substr(done.read));
}

// Turns word segments into tokens with their folded keys.
class Tokens::Builder final : public WordSegmentSink {
 public:
  Builder(std::u16string_view text, std::vector<Token>& tokens, std::u16string& keys)
      : text_(text), tokens_(tokens), keys_(keys), table_(char_table()) {
    // Keys are folded straight into keys_, sized so that the rest of the text
    // always fits: only NFKC, in fold_rest(), can lengthen a word.
    keys_.resize(text.size());
  }
  ~Builder() { keys_.resize(keys_end_); }

  void segment(uint32_t start, uint32_t end, bool word) override {
    if (word)
      add(start, end, TokenKind::Word);
    else
      add_non_word(start, end);
  }

 private:
  bool white_space(UChar32 c) const { return c < kTableLimit ? table_[c].white_space : u_isUWhiteSpace(c); }

  void add(uint32_t start, uint32_t end, TokenKind kind) {
    tokens_.push_back(Token{start, end, static_cast<uint32_t>(keys_end_), kind});
    if (kind != TokenKind::Word) return;
    const std::u16string_view word = text_.substr(start, end - start);
    const TableFold done = fold_by_table(word, keys_.data() + keys_end_, table_);
    keys_end_ += done.written;
    if (done.read < word.size()) {
      // Only NFKC lengthens a word: fold the rest aside, then grow keys_ by
      // what it gained, if anything, so the rest of the text still fits.
      std::u16string rest;
      fold_rest(rest, word.substr(done.read));
      const size_t needed = keys_end_ + rest.size() + (text_.size() - end);
      if (keys_.size() < needed) keys_.resize(needed);
      std::copy(rest.begin(), rest.end(), keys_.begin() + static_cast<std::ptrdiff_t>(keys_end_));
      keys_end_ += rest.size();
    }
  }

  // Splits a segment that is not a word: white space runs stay together,
  // every other character is a token of its own.
  void add_non_word(uint32_t start, uint32_t end) {
    uint32_t i = start;
    while (i < end) {
      uint32_t j = i;
      UChar32 c;
      U16_NEXT(text_.data(), j, end, c);
      if (white_space(c)) {
        bool line_break = is_line_break(c);
        while (j < end) {
          uint32_t next = j;
          UChar32 w;
          U16_NEXT(text_.data(), next, end, w);
          if (!white_space(w)) break;
          line_break |= is_line_break(w);
          j = next;
        }
        add(i, j, line_break ? TokenKind::LineBreak : TokenKind::Space);
      } else if ((c < kTableLimit ? table_[c].joins : joins_previous(c)) && !tokens_.empty() &&
                 tokens_.back().end == i) {
        tokens_.back().end = j;  // a stray mark or format character joins the previous token
      } else {
        const bool alnum = c < kTableLimit ? table_[c].alnum : u_isalnum(c);
        add(i, j, alnum ? TokenKind::Word : TokenKind::Punctuation);
      }
      i = j;
    }
  }

  std::u16string_view text_;
  std::vector<Token>& tokens_;
  std::u16string& keys_;
  const std::array<CharInfo, kTableLimit>& table_;
  size_t keys_end_ = 0;
};

Tokens::Tokens(std::u16string_view text) : text_(text) {
  tokens_.reserve(text.size() / 2 + 1);
  Builder builder(text, tokens_, keys_);
  segment_words(text, builder);
}

uint32_t after_first_letter(std::u16string_view text, uint32_t start, uint32_t end) {
  uint32_t i = start;
  UChar32 c;
  U16_NEXT(text.data(), i, end, c);
  while (i < end) {
    uint32_t next = i;
    U16_NEXT(text.data(), next, end, c);
    const int8_t type = u_charType(c);
    if (type != U_NON_SPACING_MARK && type != U_FORMAT_CHAR && c != 0x0640) break;
    i = next;
  }
  return i;
}

}  // namespace isnad
