// Speed and memory of the core, stage by stage, beside two floors that any
// ICU-based extractor must pay: UTF-8 → UTF-16 alone, and NFKC + word breaks.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <new>
#include <string>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <nlohmann/json.hpp>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "ar/extractor.h"
#include "attribution/entities.h"
#include "isnad/isnad.h"
#include "json/json.h"
#include "text/structure.h"
#include "text/tokens.h"
#include "text/utf8.h"

// Heap accounting for the memory rows: bytes live and their peak while a
// measurement is on. Off, as in every timed loop, it costs no atomic
// operation; blocks still carry their size, for a measurement that frees them.
namespace {
bool counting = false;
size_t live_bytes = 0;
size_t peak_bytes = 0;
}  // namespace

void* operator new(size_t size) {
  void* p = std::malloc(size + 16);
  if (!p) throw std::bad_alloc();
  *static_cast<size_t*>(p) = size;
  if (counting) {
    live_bytes += size;
    peak_bytes = std::max(peak_bytes, live_bytes);
  }
  return static_cast<char*>(p) + 16;
}
void operator delete(void* p) noexcept {
  if (!p) return;
  char* base = static_cast<char*>(p) - 16;
  if (counting) live_bytes -= *reinterpret_cast<size_t*>(base);
  std::free(base);
}
void operator delete(void* p, size_t) noexcept { operator delete(p); }

namespace {

// The dev articles' texts, joined; synthetic articles repeat them to a size.
const std::string& corpus_text() {
  static const std::string text = [] {
    std::string all;
    const std::filesystem::path dir = std::filesystem::path(ISNAD_CORPUS_DIR) / "ar-dev";
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.path().extension() != ".json") continue;
      std::ifstream in(entry.path());
      all += nlohmann::json::parse(in)["text"].get<std::string>() + "\n\n";
    }
    if (all.empty()) {
      // Without the corpus: a sentence written for the benchmark.
      for (int i = 0; i < 50; ++i)
        all += "وقال المتحدث باسم الوزارة، خالد منصور، اليوم إن \"الحدود ستفتح قريبا\"، مشيرا إلى أن الوفد وصل.\n";
    }
    return all;
  }();
  return text;
}

std::string sized(const std::string& base, size_t bytes) {
  std::string out;
  out.reserve(bytes + base.size());
  while (out.size() < bytes) out += base;
  // Cut on a character boundary.
  size_t cut = bytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  return out;
}

std::u16string utf16(const std::string& s) { return isnad::decode_utf8(s, true).text; }

std::string repeat(const std::string& piece, size_t bytes) { return sized(piece, bytes); }

// Hostile texts of a given size (see tests/unit/hostile_input_test.cpp).
std::string hostile(int kind, size_t bytes) {
  switch (kind) {
    case 0: {  // Arabic with no punctuation
      std::string s;
      for (char c : corpus_text())
        if (!(c == '.' || c == ',' || c == ':' || c == '"' || c == '\n')) s += c;
      return sized(s, bytes);
    }
    case 1: return repeat("« “ \" „ ‹ ", bytes);                            // unmatched quote marks
    case 2: return "قال: " + repeat("«", bytes / 4) + repeat("»", bytes / 4);  // nested quotes
    case 3: return repeat("\u064E\u064F\u0650\u0651\u0652", bytes);         // only diacritics
    case 4: return repeat("قال ", bytes);                                    // a cue repeated
    case 5: return repeat("قال\u202E الوزير\u200D إن\u2066 «الحل\u0000 قريب»\u202C. ", bytes);  // bidi, ZWJ, NUL
    default: return repeat("\x80\xC0\xAF\xED\xA0\x80 قال \xE2\x82", bytes);  // invalid UTF-8
  }
}

const char* const kHostileNames[] = {"no punctuation", "unmatched quotes", "nested quotes", "only diacritics",
                                     "cue repeated",   "bidi/ZWJ/NUL",     "invalid UTF-8"};

void set_bytes(benchmark::State& state, size_t bytes) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_Extract(benchmark::State& state) {
  const std::string text = sized(corpus_text(), static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    const isnad::DecodedText decoded = isnad::decode_utf8(text, true);
    benchmark::DoNotOptimize(isnad::extract(decoded.text));
  }
  set_bytes(state, text.size());
  // One more run, counted: decoding and extraction, as in the timed loop.
  live_bytes = peak_bytes = 0;
  counting = true;
  benchmark::DoNotOptimize(isnad::extract(utf16(text)));
  counting = false;
  state.counters["peak_heap_bytes"] = static_cast<double>(peak_bytes);
}

void BM_StageTokens(benchmark::State& state) {
  const std::u16string text = utf16(sized(corpus_text(), static_cast<size_t>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(isnad::Tokens(text));
  set_bytes(state, text.size() * 2);
}

void BM_StageStructure(benchmark::State& state) {
  const std::u16string text = utf16(sized(corpus_text(), static_cast<size_t>(state.range(0))));
  const isnad::Tokens tokens(text);
  for (auto _ : state) benchmark::DoNotOptimize(isnad::TextStructure(tokens));
  set_bytes(state, text.size() * 2);
}

void BM_StageRules(benchmark::State& state) {
  const std::u16string text = utf16(sized(corpus_text(), static_cast<size_t>(state.range(0))));
  const isnad::Tokens tokens(text);
  const isnad::TextStructure structure(tokens);
  for (auto _ : state) benchmark::DoNotOptimize(isnad::ar::find_claims(tokens, structure));
  set_bytes(state, text.size() * 2);
}

void BM_StageAttribution(benchmark::State& state) {
  const std::u16string text = utf16(sized(corpus_text(), static_cast<size_t>(state.range(0))));
  const isnad::Tokens tokens(text);
  const isnad::TextStructure structure(tokens);
  const std::vector<isnad::DraftClaim> drafts = isnad::ar::find_claims(tokens, structure);
  for (auto _ : state) benchmark::DoNotOptimize(isnad::attribute(drafts, text));
  set_bytes(state, text.size() * 2);
}

void BM_StageJson(benchmark::State& state) {
  const std::u16string text = utf16(sized(corpus_text(), static_cast<size_t>(state.range(0))));
  const isnad::Result result = isnad::extract(text);
  for (auto _ : state) benchmark::DoNotOptimize(isnad::to_json(result, text, isnad::OffsetUnit::Utf16));
  set_bytes(state, text.size() * 2);
}

void BM_FloorUtf8ToUtf16(benchmark::State& state) {
  const std::string text = sized(corpus_text(), static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    benchmark::DoNotOptimize(u.length());
  }
  set_bytes(state, text.size());
}

void BM_FloorNfkcWords(benchmark::State& state) {
  const std::string text = sized(corpus_text(), static_cast<size_t>(state.range(0)));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  for (auto _ : state) {
    icu::UnicodeString normalized = nfkc->normalize(icu::UnicodeString::fromUTF8(text), status);
    words->setText(normalized);
    int32_t n = 0;
    for (int32_t b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) ++n;
    benchmark::DoNotOptimize(n);
  }
  set_bytes(state, text.size());
}

void BM_Hostile(benchmark::State& state) {
  const std::string text = hostile(static_cast<int>(state.range(0)), static_cast<size_t>(state.range(1)));
  for (auto _ : state) {
    const isnad::DecodedText decoded = isnad::decode_utf8(text, true);
    benchmark::DoNotOptimize(isnad::extract(decoded.text));
  }
  set_bytes(state, text.size());
  state.SetLabel(kHostileNames[state.range(0)]);
}

constexpr int64_t kKB = 1024, kMB = 1024 * 1024;

BENCHMARK(BM_Extract)->Arg(kKB)->Arg(10 * kKB)->Arg(100 * kKB)->Arg(kMB)->Arg(10 * kMB)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_StageTokens)->Arg(kMB)->Arg(10 * kMB)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_StageStructure)->Arg(kMB)->Arg(10 * kMB)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_StageRules)->Arg(kMB)->Arg(10 * kMB)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_StageAttribution)->Arg(kMB)->Arg(10 * kMB)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_StageJson)->Arg(kMB)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FloorUtf8ToUtf16)->Arg(kMB)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FloorNfkcWords)->Arg(kMB)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Hostile)->ArgsProduct({{0, 1, 2, 3, 4, 5, 6}, {kMB}})->Unit(benchmark::kMicrosecond);

}  // namespace

// The process keeps the memory it frees, as the CLI does (cli/main.cpp): glibc
// would otherwise return each iteration's memory to the kernel and fault it
// back in, which measures the kernel rather than the extractor.
int main(int argc, char** argv) {
#if defined(__GLIBC__)
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
