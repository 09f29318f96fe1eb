// Text layer: word segmentation of the original text (text/word_breaks.h), with a folded
// matching key for every token. Offsets always point into the original text
// (UTF-16 code units); folding only changes the keys used for lookups.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace isnad {

enum class TokenKind : uint8_t {
  Word,         // letters (with their marks) or digits
  Punctuation,  // one punctuation or symbol character
  Space,        // horizontal white space
  LineBreak,    // white space that contains a line break: ends a paragraph
};

struct Token {
  uint32_t start = 0;  // UTF-16 offsets into the original text
  uint32_t end = 0;
  uint32_t key_start = 0;  // the folded key in Tokens' keys, up to the next token's key_start
  TokenKind kind = TokenKind::Word;
};

// Folds a word for matching: NFKC (Arabic presentation forms), Arabic marks
// and tatweel dropped, أ إ آ ٱ → ا, ؤ → و, ئ → ي, ة → ه, ى → ي, case folded.
std::u16string fold_for_matching(std::u16string_view word);
// The same, appended to `out`.
void fold_into(std::u16string& out, std::u16string_view word);

// The tokens of a text, in order, covering every code unit of it.
class Tokens {
 public:
  explicit Tokens(std::u16string_view text);

  size_t size() const { return tokens_.size(); }
  const Token& operator[](size_t i) const { return tokens_[i]; }
  std::u16string_view key(size_t i) const {
    const uint32_t end = i + 1 < tokens_.size() ? tokens_[i + 1].key_start : static_cast<uint32_t>(keys_.size());
    return std::u16string_view(keys_.data() + tokens_[i].key_start, end - tokens_[i].key_start);
  }
  std::u16string_view text(size_t i) const { return text_.substr(tokens_[i].start, tokens_[i].end - tokens_[i].start); }
  std::u16string_view source() const { return text_; }
  bool is_word(size_t i) const { return i < tokens_.size() && tokens_[i].kind == TokenKind::Word; }
  bool is_punct(size_t i, char16_t c) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::Punctuation && text_[tokens_[i].start] == c;
  }
  char16_t punct(size_t i) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::Punctuation ? text_[tokens_[i].start] : 0;
  }

 private:
  class Builder;
  std::u16string_view text_;
  std::vector<Token> tokens_;
  std::u16string keys_;
};

// Offset just after the first letter of the token at [start, end) and the
// marks on it: where "بـ" or "لـ" attached to a word ends.
uint32_t after_first_letter(std::u16string_view text, uint32_t start, uint32_t end);

}  // namespace isnad
