// isnad_lexicon_compiler: writes the C++ source of the Arabic lexicon's tables
// from data/ar (see ar/lexicon_compiler.h). The build runs it; under
// Emscripten it runs as wasm under Node.
//   isnad_lexicon_compiler <data/ar directory> <output .cpp>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>

#include "ar/lexicon_compiler.h"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: isnad_lexicon_compiler <data/ar directory> <output .cpp>\n";
    return 2;
  }
  const std::string dir = argv[1];
  try {
    const std::string cues = read_file(dir + "/cues.tsv"), words = read_file(dir + "/words.tsv"),
                      names = read_file(dir + "/name_tokens.tsv"), according_to = read_file(dir + "/according_to.tsv");
    const isnad::ar::CompiledLexicon lexicon = isnad::ar::compile_lexicon({cues, words, names, according_to});
    const std::string source = isnad::ar::lexicon_tables_source(lexicon);
    // Written aside and renamed, so that a failed run leaves no half file the build would take as done.
    const std::string temporary = std::string(argv[2]) + ".tmp";
    {
      std::ofstream out(temporary, std::ios::binary);
      if (!(out << source) || !out.flush()) throw std::runtime_error("cannot write " + temporary);
    }
    if (std::rename(temporary.c_str(), argv[2]) != 0)
      throw std::runtime_error(std::string("cannot write ") + argv[2] + ": " + std::strerror(errno));
    const size_t keys = std::accumulate(lexicon.keys_per_word.begin(), lexicon.keys_per_word.end(), size_t{0});
    std::cerr << "isnad_lexicon_compiler: " << keys << " words, " << lexicon.words.size() << " distinct entries\n";
  } catch (const std::exception& e) {
    std::cerr << "isnad_lexicon_compiler: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
