// UTF-8 input: decoded to the UTF-16 text the core works on, with a clear
// report of invalid bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isnad {

// One ill-formed byte sequence that decoding replaced by a single U+FFFD.
struct Replacement {
  uint32_t at = 0;     // UTF-16 offset of the U+FFFD in the decoded text
  uint32_t bytes = 0;  // length of the ill-formed sequence in the input
  bool operator==(const Replacement&) const = default;
};

struct DecodedText {
  std::u16string text;
  // Byte offset of the first ill-formed sequence, if there was one.
  std::optional<size_t> first_invalid_byte;
  // Every replacement, in text order. Everything else in the text re-encodes
  // to exactly its input bytes, so these are all that UTF-8 offsets need.
  std::vector<Replacement> replacements;
  bool replaced() const { return !replacements.empty(); }
};

// Inputs longer than this are refused: offsets are 32-bit and ICU indexes
// strings with int32_t.
constexpr size_t kMaxInputBytes = 0x7FFFFFFF;

// Decodes `bytes` with ICU's well-formedness rules. With `replace_invalid`,
// each maximal ill-formed subsequence (lone continuation bytes, overlong
// forms, encoded surrogates, truncated sequences, values above U+10FFFF)
// becomes U+FFFD; without it, decoding stops at the first one and only
// `first_invalid_byte` is meaningful. NUL bytes are text. Throws
// std::length_error above kMaxInputBytes.
DecodedText decode_utf8(std::string_view bytes, bool replace_invalid);

}  // namespace isnad
