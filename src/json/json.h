// The result contract as JSON (schema: docs/result.schema.json).
#pragma once

#include <string>
#include <string_view>

#include "isnad/isnad.h"

namespace isnad {

// Unit of every "start"/"end" in the JSON. The core works in UTF-16 code units.
enum class OffsetUnit { Utf16, CodePoint, Utf8 };

// Serialises `result` for `text` (the exact text given to extract()).
std::string to_json(const Result& result, std::u16string_view text, OffsetUnit unit,
                    bool pretty = false);

}  // namespace isnad
