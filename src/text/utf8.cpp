#include "text/utf8.h"

#include <stdexcept>

#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace isnad {

DecodedText decode_utf8(std::string_view bytes, bool replace_invalid) {
  if (bytes.size() > kMaxInputBytes) throw std::length_error("UTF-8 input over 2 GiB");
  DecodedText out;
  const auto length = static_cast<int32_t>(bytes.size());
  // Well-formed input, the common case, converts in one call; ICU's converter
  // applies the same rules as U8_NEXT below and fails on the first ill-formed
  // sequence, which the loop then finds and reports.
  out.text.resize(bytes.size());  // UTF-16 never needs more units than UTF-8 has bytes
  int32_t converted = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8(reinterpret_cast<UChar*>(out.text.data()), length, &converted, bytes.data(), length, &status);
  if (U_SUCCESS(status)) {
    out.text.resize(static_cast<size_t>(converted));
    return out;
  }
  out.text.clear();
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);  // c < 0 for a maximal ill-formed subsequence, which it skips
    if (c < 0) {
      if (!out.first_invalid_byte) out.first_invalid_byte = static_cast<size_t>(start);
      if (!replace_invalid) return out;
      out.replacements.push_back({static_cast<uint32_t>(out.text.size()), static_cast<uint32_t>(i - start)});
      c = 0xFFFD;
    }
    if (U16_LENGTH(c) == 1) {
      out.text.push_back(static_cast<char16_t>(c));
    } else {
      out.text.push_back(U16_LEAD(c));
      out.text.push_back(U16_TRAIL(c));
    }
  }
  return out;
}

}  // namespace isnad
