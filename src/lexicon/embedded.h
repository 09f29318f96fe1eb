// Data files embedded as text by cmake/EmbedLexicons.cmake (those src/CMakeLists.txt lists).
#pragma once

#include <string_view>

namespace isnad {

// The content of data/<path> (e.g. "ar/eval_titles.tsv"), or an empty view if there is none.
std::string_view lexicon_file(std::string_view path);

}  // namespace isnad
