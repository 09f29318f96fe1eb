// The result contract as JSON (schema: docs/result.schema.json).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "isnad/isnad.h"
#include "text/utf8.h"

namespace isnad {

// Unit of every "start"/"end" in the JSON. The core works in UTF-16 code units.
enum class OffsetUnit { Utf16, CodePoint, Utf8 };

// Serialises `result` for `text` (the exact text given to extract()).
// `replacements` are those decode_utf8() made while producing `text`: UTF-8
// offsets then count each replaced sequence's original bytes, so they point
// into the input, not into the repaired text.
std::string to_json(const Result& result, std::u16string_view text, OffsetUnit unit,
                    std::span<const Replacement> replacements = {});

}  // namespace isnad
