// The lexicon compiler: the entries of the Arabic lexicon made from the text
// of data/ar's files, once, at build time (src/lexicon/compile_lexicon.cpp),
// so that the core starts with them ready instead of parsing, folding and
// inflecting thousands of rows in every process and every wasm instance.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ar/lexicon.h"

namespace isnad::ar {

// The content of data/ar's lexicon files (see data/README.md).
struct LexiconSources {
  std::string_view cues;          // cues.tsv
  std::string_view words;         // words.tsv
  std::string_view name_tokens;   // name_tokens.tsv
  std::string_view according_to;  // according_to.tsv
};

// A file the compiler cannot take: the message says which row and why.
class LexiconError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct CompiledLexicon {
  CompiledLexicon() = default;
  CompiledLexicon(CompiledLexicon&&) = default;  // moving keeps the views below valid; copying would not
  CompiledLexicon& operator=(CompiledLexicon&&) = default;

  std::vector<Word> words;                     // each distinct entry
  std::vector<uint16_t> keys_per_word;         // how many keys have it
  std::u16string keys;                         // the keys in that order, sorted within an entry, each ended by a NUL
  std::vector<std::u16string> phrase_strings;  // each according-to row's words, then its attached preposition
  std::vector<AccordingToRow> according_to;    // views into phrase_strings

  // Views into this lexicon, for a Lexicon to index.
  LexiconTables tables() const { return {words, keys_per_word, keys, according_to}; }
};

// Builds the entries: every inflected form of each cue, the classes and
// markers of words.tsv, the name tokens, the first words of the according-to
// phrases, and the verbal nouns with a pronoun. Throws LexiconError.
CompiledLexicon compile_lexicon(const LexiconSources& sources);

// C++ source that defines the tables of `lexicon` as constants and
// Lexicon::get() over them.
std::string lexicon_tables_source(const CompiledLexicon& lexicon);

}  // namespace isnad::ar
