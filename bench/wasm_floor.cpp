// The NFKC + word segmentation floor as WebAssembly: ICU's pass over UTF-16
// already in the module's memory, built against the same ICU as the core, so
// bench/wasm_bench.mjs can time it beside the extraction in one process.
#include <cstdint>
#include <cstdlib>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

extern "C" {

void* floor_malloc(size_t bytes) { return std::malloc(bytes); }
void floor_free(void* pointer) { std::free(pointer); }

// NFKC normalisation and word breaks over `length` UTF-16 units at `text`:
// the number of segments, or -1 where ICU fails.
int32_t floor_nfkc_words(const char16_t* text, int32_t length) {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  static const std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (!nfkc || !words) return -1;
  const icu::UnicodeString input(false, text, length);  // read-only alias: no copy
  const icu::UnicodeString normalized = nfkc->normalize(input, status);
  if (U_FAILURE(status)) return -1;
  words->setText(normalized);
  int32_t segments = 0;
  for (int32_t b = words->next(); b != icu::BreakIterator::DONE; b = words->next()) ++segments;
  return segments;
}
}
