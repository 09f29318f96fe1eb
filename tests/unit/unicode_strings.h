// UTF-8 ↔ UTF-16 for the unit tests, which write their sentences in UTF-8
// and read the core's UTF-16 back.
#pragma once

#include <unicode/unistr.h>

#include <string>
#include <string_view>

inline std::string utf8(std::u16string_view s) {
  std::string out;
  icu::UnicodeString(false, s.data(), static_cast<int32_t>(s.size())).toUTF8String(out);
  return out;
}

inline std::u16string utf16(const std::string& s) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  return std::u16string(u.getBuffer(), static_cast<size_t>(u.length()));
}
