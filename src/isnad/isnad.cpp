#include "isnad/isnad.h"

#include <algorithm>
#include <cmath>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#include "ar/extractor.h"
#include "attribution/entities.h"
#include "text/structure.h"
#include "text/tokens.h"

namespace isnad {
namespace {

// The language of a text by the script of its letters.
std::string detect_language(std::u16string_view text) {
  // The first letters decide: a long text does not change language midway.
  constexpr size_t kSample = 4096;
  size_t arabic = 0, latin = 0;
  for (size_t i = 0; i < text.size() && arabic + latin < kSample;) {
    UChar32 c;
    U16_NEXT(text.data(), i, text.size(), c);
    if (c < 0x80) {
      latin += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
      continue;
    }
    // The Arabic letters ء to ي, most of any Arabic text; not the tatweel
    // (U+0640), which is of no one script.
    if (c >= 0x0621 && c <= 0x064A && c != 0x0640) {
      ++arabic;
      continue;
    }
    if (!u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    arabic += script == USCRIPT_ARABIC;
    latin += script == USCRIPT_LATIN;
  }
  if (arabic == 0 && latin == 0) return "und";
  return arabic >= latin ? "ar" : "en";
}

}  // namespace

Result extract(std::u16string_view text) {
  const std::string lang = detect_language(text);
  if (lang != "ar") {
    Result result;
    result.lang = lang;
    return result;
  }
  const Tokens tokens(text);
  const TextStructure structure(tokens);
  Result result = attribute(ar::find_claims(tokens, structure), text);
  result.lang = lang;
  return result;
}

int confidence_hundredths(double confidence) {
  confidence = std::isnan(confidence) ? 0.0 : std::clamp(confidence, 0.0, 1.0);
  return static_cast<int>(std::lround(confidence * 100));
}

const char* version() { return ISNAD_VERSION; }

}  // namespace isnad
