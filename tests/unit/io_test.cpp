// UTF-8 input, the JSON result contract and the evaluation's naming rule.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "eval/eval.h"
#include "isnad/isnad.h"
#include "json/json.h"
#include "text/utf8.h"

namespace {

TEST(Utf8, ValidTextDecodesWithoutOffsetTable) {
  const isnad::DecodedText d = isnad::decode_utf8("قال \xF0\x9F\x99\x82", false);
  EXPECT_FALSE(d.first_invalid_byte);
  EXPECT_EQ(d.text, u"قال 🙂");
  EXPECT_TRUE(d.byte_offsets.empty());
}

TEST(Utf8, EveryIllFormedClassIsReportedAtItsByte) {
  const std::pair<std::string, size_t> cases[] = {
      {std::string("ab\x80", 3), 2},               // lone continuation byte
      {std::string("a\xC0\xAF", 3), 1},            // overlong "/"
      {std::string("ab\xED\xA0\x80", 5), 2},       // encoded surrogate
      {std::string("abc\xE2\x82", 5), 3},          // truncated sequence
      {std::string("\xF4\x90\x80\x80", 4), 0},     // above U+10FFFF
  };
  for (const auto& [bytes, offset] : cases) {
    const isnad::DecodedText strict = isnad::decode_utf8(bytes, false);
    ASSERT_TRUE(strict.first_invalid_byte) << offset;
    EXPECT_EQ(*strict.first_invalid_byte, offset);
    const isnad::DecodedText replaced = isnad::decode_utf8(bytes, true);
    EXPECT_GT(replaced.replaced, 0u);
    EXPECT_NE(replaced.text.find(u'\uFFFD'), std::u16string::npos);
    EXPECT_EQ(replaced.byte_offsets.size(), replaced.text.size() + 1);
    EXPECT_EQ(replaced.byte_offsets.back(), bytes.size());
  }
}

TEST(Utf8, NulBytesAreText) {
  const isnad::DecodedText d = isnad::decode_utf8(std::string("a\0b", 3), false);
  EXPECT_EQ(d.text.size(), 3u);
}

TEST(Json, OffsetsInEveryUnit) {
  const std::u16string text = u"🙂 وقال الوزير إن الحل قريب.";
  const isnad::Result r = isnad::extract(text);
  ASSERT_EQ(r.claims.size(), 1u);
  const auto utf16 = nlohmann::json::parse(isnad::to_json(r, text, isnad::OffsetUnit::Utf16));
  const auto cp = nlohmann::json::parse(isnad::to_json(r, text, isnad::OffsetUnit::CodePoint));
  const auto utf8 = nlohmann::json::parse(isnad::to_json(r, text, isnad::OffsetUnit::Utf8));
  const auto& c16 = utf16["claims"][0]["content"];
  EXPECT_EQ(c16["text"], "الحل قريب");
  EXPECT_EQ(c16["start"].get<int>() - cp["claims"][0]["content"]["start"].get<int>(), 1);  // the emoji's surrogate pair
  // In UTF-8 the emoji takes 4 bytes and each Arabic letter 2.
  EXPECT_EQ(utf8["claims"][0]["content"]["end"].get<int>() - utf8["claims"][0]["content"]["start"].get<int>(),
            static_cast<int>(std::string("الحل قريب").size()));
}

TEST(Json, ResultContractFields) {
  const std::u16string text = u"وقالت الوزيرة سلمى: «لن نتراجع». وأضافت أن القرار نهائي.";
  const auto j = nlohmann::json::parse(isnad::to_json(isnad::extract(text), text, isnad::OffsetUnit::Utf16));
  for (const char* key : {"version", "lang", "claims", "speakers"}) EXPECT_TRUE(j.contains(key)) << key;
  ASSERT_EQ(j["claims"].size(), 2u);
  for (const auto& c : j["claims"]) {
    for (const char* key : {"id", "type", "cue", "content", "speaker", "speaker_mention", "reported_by", "confidence"})
      EXPECT_TRUE(c.contains(key)) << key;
    EXPECT_EQ(c["speaker"], j["speakers"][0]["id"]);
  }
  EXPECT_TRUE(j["claims"][1]["speaker_mention"].is_null());
  EXPECT_EQ(j["speakers"][0]["kind"], "person");
}

TEST(Eval, FoldingFollowsTheCorpusRules) {
  EXPECT_EQ(isnad::eval::fold("أكّدَ  «الرئيسُ»"), isnad::eval::fold("اكد الرئيس"));
  EXPECT_EQ(isnad::eval::fold("وزارة"), "وزاره");
  EXPECT_EQ(isnad::eval::fold("مستشفى"), "مستشفي");
}

}  // namespace
