#include "text/structure.h"

#include <algorithm>

namespace isnad {
namespace {

enum class Mark { None, Opening, Closing, Either };

// Opening «‹„ and closing »› marks pair by kind; straight and curly double
// quotes are used both ways in Arabic news, so they toggle.
Mark mark_of(char16_t c) {
  switch (c) {
    case u'\u00AB':
    case u'\u2039':
    case u'\u201E':
      return Mark::Opening;
    case u'\u00BB':
    case u'\u203A':
      return Mark::Closing;
    case u'"':
    case u'\u201C':
    case u'\u201D':
    case u'\uFF02':
      return Mark::Either;
    default:
      return Mark::None;
  }
}

bool closes(char16_t opening, char16_t closing) {
  switch (opening) {
    case u'\u00AB':
      return closing == u'\u00BB';
    case u'\u2039':
      return closing == u'\u203A';
    default:
      return mark_of(closing) == Mark::Either;  // „…“ and "…" ”…“
  }
}

bool is_sentence_final(char16_t c) {
  return c == u'.' || c == u'!' || c == u'?' || c == u'\u061F' || c == u'\u2026' || c == u'\u06D4';
}

// Whether a quote left open at the line break `line_break` is closed in the
// next paragraph, so that it runs over both: the next paragraph's first mark
// closes it, stands after text (not after a colon) and, for the marks that
// work both ways, is the odd one out in that paragraph.
bool closed_in_next_paragraph(const Tokens& tokens, size_t line_break, char16_t opening) {
  size_t first_mark = 0;
  size_t either_marks = 0;
  bool found = false;
  for (size_t j = line_break + 1; j < tokens.size() && tokens[j].kind != TokenKind::LineBreak; ++j) {
    const Mark mark = mark_of(tokens.punct(j));
    if (mark == Mark::None) continue;
    if (!found) {
      found = true;
      first_mark = j;
    }
    either_marks += mark == Mark::Either;
  }
  if (!found || !closes(opening, tokens.punct(first_mark))) return false;
  if (mark_of(tokens.punct(first_mark)) == Mark::Either && either_marks % 2 == 0) return false;
  size_t before = first_mark;
  while (before > line_break + 1 && tokens[before - 1].kind == TokenKind::Space) --before;
  if (before == line_break + 1) return false;
  const Token& previous = tokens[before - 1];
  const char16_t p = tokens.punct(before - 1);
  return previous.kind == TokenKind::Word || is_sentence_final(p) || p == u'\u060C' || p == u',';
}


}  // namespace

TextStructure::TextStructure(const Tokens& tokens)
    : tokens_(tokens), quote_of_token_(tokens.size(), -1) {
  const size_t n = tokens.size();
  // One pass: the tokens' sentence end is filled in when that end is reached.
  // A quote left open needs it only when it is flushed, at a line break
  // (itself an end) or at the end of the text.
  next_sentence_end_.reserve(n + 1);
  auto end_sentences_at = [&](size_t end) {
    next_sentence_end_.insert(next_sentence_end_.end(), end + 1 - next_sentence_end_.size(), static_cast<uint32_t>(end));
  };

  // Pair marks paragraph by paragraph with a stack; only the outermost pair
  // of each nest becomes a Quote.
  std::vector<uint32_t> open;
  auto add_quote = [&](uint32_t from, uint32_t to, bool closed) {
    quotes_.push_back(Quote{from, to, closed});
    const int32_t index = static_cast<int32_t>(quotes_.size() - 1);
    const uint32_t last = closed ? to : to - 1;
    for (uint32_t t = from; t <= last && t < n; ++t) quote_of_token_[t] = index;
  };
  auto flush_unclosed = [&]() {
    // An unclosed outermost quote runs to the end of its sentence.
    if (!open.empty()) {
      const uint32_t from = open.front();
      uint32_t to = next_sentence_end_[from + 1];
      if (to < n && tokens[to].kind != TokenKind::LineBreak) ++to;  // keep the full stop inside
      add_quote(from, to, false);
    }
    open.clear();
  };
  // How many open marks each closing kind could close: a stray closing mark
  // is then rejected in O(1), and every search pops what it walks over.
  size_t open_by_kind[3] = {0, 0, 0};
  auto kind_of = [](char16_t opening) { return opening == u'\u00AB' ? 0 : opening == u'\u2039' ? 1 : 2; };
  auto closing_kind = [](char16_t closing) { return closing == u'\u00BB' ? 0 : closing == u'\u203A' ? 1 : 2; };
  for (size_t i = 0; i < n; ++i) {
    if (i == 0 || tokens[i - 1].kind == TokenKind::LineBreak) paragraph_starts_.push_back(static_cast<uint32_t>(i));
    if (tokens[i].kind == TokenKind::LineBreak || is_sentence_final(tokens.punct(i))) end_sentences_at(i);
    if (tokens[i].kind == TokenKind::LineBreak) {
      if (open.size() == 1 && closed_in_next_paragraph(tokens, i, tokens.punct(open.front()))) continue;
      flush_unclosed();
      std::fill(std::begin(open_by_kind), std::end(open_by_kind), 0);
      continue;
    }
    const char16_t c = tokens.punct(i);
    const Mark mark = mark_of(c);
    if (mark == Mark::None) continue;
    const bool top_closes = !open.empty() && closes(tokens.punct(open.back()), c);
    if (mark == Mark::Opening || (mark == Mark::Either && !top_closes)) {
      open.push_back(static_cast<uint32_t>(i));
      ++open_by_kind[kind_of(c)];
      continue;
    }
    if (open_by_kind[closing_kind(c)] == 0) continue;  // stray closing mark: left out
    while (!closes(tokens.punct(open.back()), c)) {
      --open_by_kind[kind_of(tokens.punct(open.back()))];
      open.pop_back();
    }
    const uint32_t opening = open.back();
    --open_by_kind[kind_of(tokens.punct(opening))];
    open.pop_back();
    if (open.empty()) add_quote(opening, static_cast<uint32_t>(i), true);
  }
  end_sentences_at(n);  // the rest end with the text
  flush_unclosed();
}

uint32_t TextStructure::paragraph_start(size_t token) const {
  if (token >= tokens_.size()) return static_cast<uint32_t>(tokens_.size());
  // The last paragraph start at or before the token; the first is token 0.
  return *(std::upper_bound(paragraph_starts_.begin(), paragraph_starts_.end(), token) - 1);
}

bool TextStructure::ends_paragraph(size_t token) const {
  return token >= tokens_.size() || tokens_[token].kind == TokenKind::LineBreak;
}

}  // namespace isnad
