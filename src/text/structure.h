// Paragraphs, sentences and quotations over the tokens of a text.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "text/tokens.h"

namespace isnad {

struct Quote {
  uint32_t open = 0;   // token index of the opening mark
  uint32_t close = 0;  // token index of the closing mark, or one past the last
                       // token of the sentence when the quote is never closed
  bool closed = false;
  // Content tokens are (open, close): the marks are excluded.
};

class TextStructure {
 public:
  explicit TextStructure(const Tokens& tokens);

  // Top-level quotations, in text order, never overlapping.
  const std::vector<Quote>& quotes() const { return quotes_; }
  // Every query takes any token index; one past the end is the end of the text.
  // Index into quotes() of the quotation a token belongs to (marks included), or -1.
  int32_t quote_at(size_t token) const { return token < quote_of_token_.size() ? quote_of_token_[token] : -1; }
  bool ends_sentence(size_t token) const {
    return token >= tokens_.size() || next_sentence_end_[token] == token;
  }
  bool ends_paragraph(size_t token) const;
  // First token at or after `token` that ends a sentence (size() if none).
  uint32_t next_sentence_end(size_t token) const {
    return next_sentence_end_[std::min(token, next_sentence_end_.size() - 1)];
  }
  // First token of the paragraph holding `token`.
  uint32_t paragraph_start(size_t token) const;

 private:
  const Tokens& tokens_;
  std::vector<Quote> quotes_;
  std::vector<int32_t> quote_of_token_;
  std::vector<uint32_t> next_sentence_end_;
  std::vector<uint32_t> paragraph_starts_;  // the first token of each paragraph, in order
};

}  // namespace isnad
