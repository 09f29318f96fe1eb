#include "text/utf8.h"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace isnad {

DecodedText decode_utf8(std::string_view bytes, bool replace_invalid) {
  DecodedText out;
  out.text.reserve(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  std::vector<uint32_t> offsets;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);  // ICU's well-formedness rules; c < 0 when ill-formed
    if (c < 0) {
      if (!out.first_invalid_byte) out.first_invalid_byte = static_cast<size_t>(start);
      if (!replace_invalid) return out;
      ++out.replaced;
      c = 0xFFFD;
    }
    const size_t units = U16_LENGTH(c);
    for (size_t u = 0; u < units; ++u) offsets.push_back(static_cast<uint32_t>(start));
    if (units == 1) {
      out.text.push_back(static_cast<char16_t>(c));
    } else {
      out.text.push_back(U16_LEAD(c));
      out.text.push_back(U16_TRAIL(c));
    }
  }
  if (out.replaced > 0) {
    offsets.push_back(static_cast<uint32_t>(length));
    out.byte_offsets = std::move(offsets);
  }
  return out;
}

}  // namespace isnad
