// The WebAssembly binding: plain C exports over the core. Text comes in as
// UTF-16 (what JavaScript strings hold) and spans go out in UTF-16 code units,
// so JavaScript can slice the original string with them directly.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "isnad/isnad.h"
#include "json/json.h"

namespace {
std::string last_result;  // owned here, valid until the next call
}

extern "C" {

void* isnad_malloc(size_t bytes) { return std::malloc(bytes); }

void isnad_free(void* pointer) { std::free(pointer); }

const char* isnad_version() { return isnad::version(); }

// Returns the result contract as UTF-8 JSON, valid until the next call.
const char* isnad_extract_utf16(const char16_t* text, uint32_t length) {
  const std::u16string_view view(text, length);
  last_result = isnad::to_json(isnad::extract(view), view, isnad::OffsetUnit::Utf16);
  return last_result.c_str();
}
}
