// The result contract as JSON (schema: docs/result.schema.json).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "isnad/isnad.h"

namespace isnad {

// Unit of every "start"/"end" in the JSON. The core works in UTF-16 code units.
enum class OffsetUnit { Utf16, CodePoint, Utf8 };

// Serialises `result` for `text` (the exact text given to extract()).
// `byte_offsets`, when given, maps every UTF-16 offset to a byte offset of the
// original input (see DecodedText), for exact UTF-8 offsets after replacement.
std::string to_json(const Result& result, std::u16string_view text, OffsetUnit unit, bool pretty = false,
                    const std::vector<uint32_t>* byte_offsets = nullptr);

}  // namespace isnad
