// Hostile inputs: the result stays well-formed on text built to break it.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>
#include <unicode/utf16.h>

#include "isnad/isnad.h"
#include "json/json.h"
#include "text/utf8.h"

namespace {

// Every span lies in the text on code point boundaries, ids resolve, the
// JSON parses back and its span texts are the text's.
void expect_well_formed(const std::u16string& text) {
  const isnad::Result r = isnad::extract(text);
  auto check = [&](const isnad::Span& s) {
    ASSERT_LE(s.start, s.end);
    ASSERT_LE(s.end, text.size());
    if (s.start < text.size()) EXPECT_FALSE(U16_IS_TRAIL(text[s.start]) && s.start > 0 && U16_IS_LEAD(text[s.start - 1]));
    if (s.end < text.size()) EXPECT_FALSE(U16_IS_TRAIL(text[s.end]) && U16_IS_LEAD(text[s.end - 1]));
  };
  for (size_t i = 0; i < r.claims.size(); ++i) {
    const isnad::Claim& c = r.claims[i];
    check(c.content);
    if (c.cue) check(*c.cue);
    if (c.speaker_mention) check(*c.speaker_mention);
    EXPECT_LT(c.speaker, static_cast<int>(r.speakers.size()));
    EXPECT_LT(c.reported_by, static_cast<int>(r.speakers.size()));
    if (i > 0) EXPECT_LE(r.claims[i - 1].content.start, c.content.start);
  }
  for (const isnad::Entity& e : r.speakers)
    for (const isnad::Span& m : e.mentions) check(m);
  const auto json = nlohmann::json::parse(isnad::to_json(r, text, isnad::OffsetUnit::Utf16));
  EXPECT_EQ(json["claims"].size(), r.claims.size());
}

std::u16string repeat(std::u16string_view piece, size_t times) {
  std::u16string s;
  s.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) s += piece;
  return s;
}

TEST(HostileInput, ArabicWithoutPunctuation) {
  expect_well_formed(repeat(u"قال الوزير ان الحكومة ستعمل على خطة جديدة للإصلاح ", 20000));
}

TEST(HostileInput, UnmatchedQuoteMarks) { expect_well_formed(repeat(u"« “ \" „ ‹ ", 20000)); }

TEST(HostileInput, DeeplyNestedQuotes) {
  expect_well_formed(u"قال الوزير: " + repeat(u"«", 10000) + u"نعم" + repeat(u"»", 10000) + u".");
}

TEST(HostileInput, OnlyDiacritics) { expect_well_formed(repeat(u"\u064E\u064F\u0650\u0651\u0652", 20000)); }

TEST(HostileInput, ACueRepeated) { expect_well_formed(repeat(u"قال ", 100000)); }

TEST(HostileInput, CuesAndColonsRepeated) { expect_well_formed(repeat(u"وقال الوزير: \"نعم\" بحسب مصادر، فإن ", 20000)); }

TEST(HostileInput, BidiControlsJoinersAndNul) {
  std::u16string s;
  for (int i = 0; i < 5000; ++i) s += u"قال\u202E الوزير\u200D\u200C إن\u2066 «الحل\u0000 قريب»\u202C. ";
  expect_well_formed(s);
}

TEST(HostileInput, LoneSurrogatesInUtf16) {
  std::u16string s = u"قال الوزير إن ";
  s.push_back(0xD800);
  s += u"الحل قريب";
  s.push_back(0xDC00);
  expect_well_formed(s);
}

TEST(HostileInput, InvalidUtf8IsReplacedWithExactOffsets) {
  const std::string bytes = std::string("قال الوزير إن \x80\xC0\xAF\xED\xA0\x80 الحل قريب\xE2\x82", 0) +
                            "قال الوزير إن " + std::string("\x80\xC0\xAF\xED\xA0\x80", 6) + " الحل قريب" +
                            std::string("\xE2\x82", 2);
  const isnad::DecodedText d = isnad::decode_utf8(bytes, true);
  ASSERT_TRUE(d.replaced());
  expect_well_formed(d.text);
  const isnad::Result r = isnad::extract(d.text);
  const auto json = nlohmann::json::parse(isnad::to_json(r, d.text, isnad::OffsetUnit::Utf8, d.replacements));
  for (const auto& c : json["claims"]) EXPECT_LE(c["content"]["end"].get<size_t>(), bytes.size());
}

// Text that ends anywhere: after a cue, a colon, an opening mark, a preposition.
TEST(HostileInput, EveryPrefixOfAnArticle) {
  const std::u16string article =
      u"الخارجية: المحادثات ستستأنف\n\nوقال المتحدث باسم الوزارة، خالد منصور، لـ\"الأنباء\": «الحل قريب» "
      u"و\"الوفد وصل\". وأضاف أن القرار نهائي، مشيرا إلى أن التوقيع غدا. وبحسب مصادر، فإن الوفد وصل. "
      u"ونقلت وكالة عن مسؤول في الوزارة قوله إن الاتفاق قريب، وفقا لوكالة \"الأنباء\". وجاء في البيان: (نعم). "
      u"\"لن نتراجع\"، قالت الوزيرة. حسبما أفادت الوزارة.";
  for (size_t cut = 0; cut <= article.size(); ++cut) expect_well_formed(article.substr(0, cut));
}

}  // namespace
