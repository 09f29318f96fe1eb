// UTF-8 input: decoded to the UTF-16 text the core works on, with a clear
// report of invalid bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isnad {

struct DecodedText {
  std::u16string text;
  // Byte offset of the first ill-formed sequence, if there was one.
  std::optional<size_t> first_invalid_byte;
  size_t replaced = 0;  // ill-formed sequences replaced by U+FFFD
  // Byte offset in the input of every UTF-16 offset (size text.size() + 1);
  // filled only when `replaced` > 0, since valid input re-encodes to itself.
  std::vector<uint32_t> byte_offsets;
};

// Decodes `bytes`. With `replace_invalid`, each ill-formed sequence (lone
// continuation bytes, overlong forms, encoded surrogates, truncated sequences,
// values above U+10FFFF) becomes U+FFFD; without it, decoding stops at the
// first one and only `first_invalid_byte` is meaningful.
DecodedText decode_utf8(std::string_view bytes, bool replace_invalid);

}  // namespace isnad
