#include "text/utf8.h"

#include <stdexcept>

#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace isnad {

DecodedText decode_utf8(std::string_view bytes, bool replace_invalid) {
  if (bytes.size() > kMaxInputBytes) throw std::length_error("UTF-8 input over 2 GiB");
  DecodedText out;
  out.text.reserve(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
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
