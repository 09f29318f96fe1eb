// UTF-8 input: every class of ill-formed sequence, found at its exact byte in
// strict mode and replaced, with the replaced byte ranges kept, otherwise.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include <unicode/ustring.h>

#include "text/utf8.h"

namespace {

using isnad::Replacement;

std::string bytes(const char* s, size_t n) { return std::string(s, n); }

TEST(Utf8, ValidTextDecodesUnchanged) {
  const isnad::DecodedText d = isnad::decode_utf8("قال \xF0\x9F\x99\x82 a", false);
  EXPECT_FALSE(d.first_invalid_byte);
  EXPECT_FALSE(d.replaced());
  EXPECT_EQ(d.text, u"قال 🙂 a");
}

TEST(Utf8, NulBytesAreText) {
  const isnad::DecodedText d = isnad::decode_utf8(bytes("a\0\xD9\x82\0", 5), false);
  EXPECT_FALSE(d.first_invalid_byte);
  EXPECT_EQ(d.text, std::u16string(u"a\0ق\0", 4));
}

TEST(Utf8, EmptyInput) {
  const isnad::DecodedText d = isnad::decode_utf8("", false);
  EXPECT_TRUE(d.text.empty());
  EXPECT_FALSE(d.first_invalid_byte);
}

struct IllFormed {
  const char* what;
  std::string input;
  size_t first_invalid_byte;
  std::u16string replaced_text;
  std::vector<Replacement> replacements;
};

// "قا" is 4 bytes and 2 UTF-16 units, so offsets after it differ in the two units.
const IllFormed kCases[] = {
    {"lone continuation byte", bytes("\xD9\x82\xD8\xA7\x80z", 6), 4, u"قا\uFFFDz", {{2, 1}}},
    {"two lone continuation bytes", bytes("a\x80\xBF", 3), 1, u"a\uFFFD\uFFFD", {{1, 1}, {2, 1}}},
    {"overlong two-byte form of /", bytes("a\xC0\xAF", 3), 1, u"a\uFFFD\uFFFD", {{1, 1}, {2, 1}}},
    {"overlong three-byte form", bytes("\xE0\x80\xAF", 3), 0, u"\uFFFD\uFFFD\uFFFD", {{0, 1}, {1, 1}, {2, 1}}},
    {"overlong four-byte form", bytes("\xF0\x8F\xBF\xBF", 4), 0, u"\uFFFD\uFFFD\uFFFD\uFFFD",
     {{0, 1}, {1, 1}, {2, 1}, {3, 1}}},
    {"encoded surrogate", bytes("\xD9\x82\xED\xA0\x80", 5), 2, u"ق\uFFFD\uFFFD\uFFFD", {{1, 1}, {2, 1}, {3, 1}}},
    {"truncated at the end", bytes("abc\xE2\x82", 5), 3, u"abc\uFFFD", {{3, 2}}},
    {"truncated before text", bytes("\xE2\x82z\xF0\x9F\x99", 6), 0, u"\uFFFDz\uFFFD", {{0, 2}, {2, 3}}},
    {"above U+10FFFF", bytes("\xF4\x90\x80\x80", 4), 0, u"\uFFFD\uFFFD\uFFFD\uFFFD",
     {{0, 1}, {1, 1}, {2, 1}, {3, 1}}},
    {"lead byte that is never valid", bytes("\xF0\x9F\x99\x82\xFF", 5), 4, u"🙂\uFFFD", {{2, 1}}},
};

TEST(Utf8, StrictModeReportsTheFirstInvalidByte) {
  for (const IllFormed& c : kCases) {
    const isnad::DecodedText d = isnad::decode_utf8(c.input, false);
    ASSERT_TRUE(d.first_invalid_byte) << c.what;
    EXPECT_EQ(*d.first_invalid_byte, c.first_invalid_byte) << c.what;
    EXPECT_FALSE(d.replaced()) << c.what;
  }
}

TEST(Utf8, ReplaceModeKeepsEveryReplacedRange) {
  for (const IllFormed& c : kCases) {
    const isnad::DecodedText d = isnad::decode_utf8(c.input, true);
    ASSERT_TRUE(d.first_invalid_byte) << c.what;
    EXPECT_EQ(*d.first_invalid_byte, c.first_invalid_byte) << c.what;
    EXPECT_TRUE(d.replaced()) << c.what;
    EXPECT_EQ(d.text, c.replaced_text) << c.what;
    EXPECT_EQ(d.replacements, c.replacements) << c.what;
  }
}

TEST(Utf8, AGenuineReplacementCharacterIsNotAReplacement) {
  const isnad::DecodedText d = isnad::decode_utf8("a\xEF\xBF\xBD", false);
  EXPECT_FALSE(d.first_invalid_byte);
  EXPECT_FALSE(d.replaced());
  EXPECT_EQ(d.text, u"a\uFFFD");
}

// Random byte strings, mostly of UTF-8's lead and continuation bytes, decode
// as ICU's converter decodes them, one U+FFFD per maximal ill-formed
// subsequence.
TEST(Utf8, AgreesWithIcusConverterOnRandomBytes) {
  std::mt19937 random(29);
  const uint8_t kBytes[] = {'a', ' ', 0x00, 0x7F, 0x80, 0x8F, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xD8, 0xD9,
                            0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF};
  for (int n = 0; n < 20000; ++n) {
    std::string input(random() % 12, '\0');
    for (char& b : input) b = static_cast<char>(kBytes[random() % std::size(kBytes)]);
    std::u16string expected(input.size() + 1, u'\0');
    int32_t length = 0, substitutions = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8WithSub(reinterpret_cast<UChar*>(expected.data()), static_cast<int32_t>(expected.size()), &length,
                         input.data(), static_cast<int32_t>(input.size()), 0xFFFD, &substitutions, &status);
    ASSERT_TRUE(U_SUCCESS(status));
    expected.resize(static_cast<size_t>(length));
    const isnad::DecodedText d = isnad::decode_utf8(input, true);
    EXPECT_EQ(d.text, expected) << n;
    EXPECT_EQ(d.replacements.size(), static_cast<size_t>(substitutions)) << n;
    EXPECT_EQ(d.first_invalid_byte.has_value(), substitutions > 0) << n;
  }
}

}  // namespace
