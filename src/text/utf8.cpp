#include "text/utf8.h"

#include <stdexcept>

#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace isnad {

DecodedText decode_utf8(std::string_view bytes, bool replace_invalid) {
  if (bytes.size() > kMaxInputBytes) throw std::length_error("UTF-8 input over 2 GiB");
  DecodedText out;
  const auto length = static_cast<int32_t>(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  out.text.resize(bytes.size());  // UTF-16 never needs more units than UTF-8 has bytes
  char16_t* const begin = out.text.data();
  char16_t* o = begin;
  for (int32_t i = 0; i < length;) {
    // ASCII and two-byte sequences (Latin, Arabic) are most text, and they
    // alternate (letters, spaces): both are decoded here with one branch
    // that is nearly always taken, the choice between them made by selects.
    // U8_NEXT takes the rest with ICU's well-formedness rules.
    const uint8_t lead = s[i];
    const uint8_t next = i + 1 < length ? s[i + 1] : 0;
    const bool ascii = lead < 0x80;
    const bool pair = static_cast<uint8_t>(lead - 0xC2) <= 0xDF - 0xC2 && (next & 0xC0) == 0x80;
    if (ascii || pair) {
      *o++ = ascii ? char16_t{lead} : static_cast<char16_t>((lead & 0x1F) << 6 | (next & 0x3F));
      i += ascii ? 1 : 2;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);  // c < 0 for a maximal ill-formed subsequence, which it skips
    if (c < 0) {
      if (!out.first_invalid_byte) out.first_invalid_byte = static_cast<size_t>(start);
      if (!replace_invalid) break;
      out.replacements.push_back({static_cast<uint32_t>(o - begin), static_cast<uint32_t>(i - start)});
      c = 0xFFFD;
    }
    if (U16_LENGTH(c) == 1) {
      *o++ = static_cast<char16_t>(c);
    } else {
      *o++ = U16_LEAD(c);
      *o++ = U16_TRAIL(c);
    }
  }
  out.text.resize(static_cast<size_t>(o - begin));
  return out;
}

}  // namespace isnad
