// Lexicon files from data/, compiled into the binary by cmake/EmbedLexicons.cmake.
#pragma once

#include <string_view>

namespace isnad {

// The content of data/<path> (e.g. "ar/cues.tsv"), or an empty view if there is none.
std::string_view lexicon_file(std::string_view path);

}  // namespace isnad
