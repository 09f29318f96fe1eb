// The JSON result contract: offsets in every unit (Arabic, astral characters,
// replaced UTF-8), null fields, escaping, and the output against
// docs/result.schema.json.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <string>

#include <nlohmann/json.hpp>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include "isnad/isnad.h"
#include "json/json.h"
#include "text/utf8.h"

namespace {

using nlohmann::json;

// The span of the first `needle` in `text`, in UTF-16 units.
isnad::Span find(std::u16string_view text, std::u16string_view needle) {
  const size_t at = text.find(needle);
  EXPECT_NE(at, std::u16string_view::npos);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

size_t code_points(std::u16string_view text, size_t utf16_offset) {
  return static_cast<size_t>(u_countChar32(text.data(), static_cast<int32_t>(utf16_offset)));
}

size_t utf8_bytes(std::u16string_view text, size_t utf16_offset) {
  std::string out;
  icu::UnicodeString(false, text.data(), static_cast<int32_t>(utf16_offset)).toUTF8String(out);
  return out.size();
}

// Two claims after an emoji: a quote with cue and speaker, and a reported
// clause with every optional field null.
struct Example {
  std::u16string text = u"🙂 قال الوزير سامي: \"نعم 🙂\". وأضاف أن الحل قريب.";
  isnad::Result result;

  Example() {
    result.lang = "ar";
    isnad::Claim quoted;
    quoted.type = isnad::ClaimType::Direct;
    quoted.cue = find(text, u"قال");
    quoted.content = find(text, u"نعم 🙂");
    quoted.speaker_mention = find(text, u"الوزير سامي");
    quoted.speaker = 0;
    quoted.confidence = 0.9;
    isnad::Claim reported;
    reported.content = find(text, u"الحل قريب");
    reported.confidence = 0.5;
    result.claims = {quoted, reported};
    isnad::Entity minister;
    minister.name = u"سامي";
    minister.title = u"الوزير";
    minister.mentions = {*quoted.speaker_mention};
    result.speakers = {minister};
  }
};

TEST(Json, Utf16OffsetsAreTheCoresOwn) {
  const Example e;
  const json j = json::parse(isnad::to_json(e.result, e.text, isnad::OffsetUnit::Utf16));
  EXPECT_EQ(j["offsets"], "utf16");
  EXPECT_EQ(j["claims"][0]["content"]["start"], e.result.claims[0].content.start);
  EXPECT_EQ(j["claims"][0]["content"]["end"], e.result.claims[0].content.end);
  EXPECT_EQ(j["claims"][0]["content"]["text"], "نعم 🙂");
  EXPECT_EQ(j["claims"][0]["cue"]["text"], "قال");
}

TEST(Json, CodePointAndUtf8OffsetsCountAstralAndArabicCharacters) {
  const Example e;
  const json cp = json::parse(isnad::to_json(e.result, e.text, isnad::OffsetUnit::CodePoint));
  const json u8 = json::parse(isnad::to_json(e.result, e.text, isnad::OffsetUnit::Utf8));
  EXPECT_EQ(cp["offsets"], "codepoint");
  EXPECT_EQ(u8["offsets"], "utf8");
  auto check = [&](const json& span_cp, const json& span_u8, const isnad::Span& s) {
    EXPECT_EQ(span_cp["start"], code_points(e.text, s.start));
    EXPECT_EQ(span_cp["end"], code_points(e.text, s.end));
    EXPECT_EQ(span_u8["start"], utf8_bytes(e.text, s.start));
    EXPECT_EQ(span_u8["end"], utf8_bytes(e.text, s.end));
  };
  for (size_t i = 0; i < e.result.claims.size(); ++i) check(cp["claims"][i]["content"], u8["claims"][i]["content"], e.result.claims[i].content);
  check(cp["claims"][0]["cue"], u8["claims"][0]["cue"], *e.result.claims[0].cue);
  check(cp["speakers"][0]["mentions"][0], u8["speakers"][0]["mentions"][0], e.result.speakers[0].mentions[0]);
  // The content ends after an emoji: one code point, two UTF-16 units, four bytes.
  const json& content = cp["claims"][0]["content"];
  EXPECT_EQ(content["end"].get<int>() - content["start"].get<int>(), 5);
  EXPECT_EQ(u8["claims"][0]["content"]["end"].get<int>() - u8["claims"][0]["content"]["start"].get<int>(),
            static_cast<int>(std::string("نعم 🙂").size()));
}

TEST(Json, Utf8OffsetsPointIntoTheOriginalBytesAfterReplacement) {
  // Ill-formed sequences of 1, 2 and 3 bytes before the spans, each now one U+FFFD.
  const std::string input = std::string("\x80 قال \xE2\x82 الوزير \xF0\x9F\x99") + " إن الحل قريب \xC0";
  const isnad::DecodedText decoded = isnad::decode_utf8(input, true);
  ASSERT_EQ(decoded.replacements.size(), 4u);
  isnad::Result r;
  isnad::Claim c;
  c.cue = find(decoded.text, u"قال");
  c.speaker_mention = find(decoded.text, u"الوزير");
  c.content = find(decoded.text, u"الحل قريب");
  r.claims = {c};
  const json j = json::parse(isnad::to_json(r, decoded.text, isnad::OffsetUnit::Utf8, decoded.replacements));
  auto expect_at = [&](const json& span, const std::string& needle) {
    EXPECT_EQ(span["start"], input.find(needle)) << needle;
    EXPECT_EQ(span["end"], input.find(needle) + needle.size()) << needle;
    EXPECT_EQ(span["text"], needle);
  };
  expect_at(j["claims"][0]["cue"], "قال");
  expect_at(j["claims"][0]["speaker_mention"], "الوزير");
  expect_at(j["claims"][0]["content"], "الحل قريب");
  // Code points are counted in the decoded text, where each replacement is one.
  const json cp = json::parse(isnad::to_json(r, decoded.text, isnad::OffsetUnit::CodePoint, decoded.replacements));
  EXPECT_EQ(cp["claims"][0]["content"]["start"], code_points(decoded.text, c.content.start));
}

TEST(Json, AbsentFieldsAreNull) {
  const Example e;
  const json j = json::parse(isnad::to_json(e.result, e.text, isnad::OffsetUnit::Utf16));
  const json& reported = j["claims"][1];
  EXPECT_TRUE(reported["cue"].is_null());
  EXPECT_TRUE(reported["speaker"].is_null());
  EXPECT_TRUE(reported["speaker_mention"].is_null());
  EXPECT_TRUE(reported["reported_by"].is_null());
  isnad::Result untitled = e.result;
  untitled.speakers[0].title.clear();
  EXPECT_TRUE(json::parse(isnad::to_json(untitled, e.text, isnad::OffsetUnit::Utf16))["speakers"][0]["title"].is_null());
}

TEST(Json, IdsLinkClaimsToSpeakers) {
  Example e;
  e.result.speakers.push_back({u"وكالة الأنباء", isnad::EntityKind::Media, u"", {}});
  e.result.claims[1].speaker = 0;
  e.result.claims[1].reported_by = 1;
  const json j = json::parse(isnad::to_json(e.result, e.text, isnad::OffsetUnit::Utf16));
  EXPECT_EQ(j["claims"][0]["id"], "c1");
  EXPECT_EQ(j["claims"][1]["id"], "c2");
  EXPECT_EQ(j["claims"][1]["speaker"], "s1");
  EXPECT_EQ(j["claims"][1]["reported_by"], "s2");
  EXPECT_EQ(j["speakers"][1]["id"], "s2");
  EXPECT_EQ(j["speakers"][1]["kind"], "media");
  EXPECT_EQ(j["speakers"][0]["title"], "الوزير");
}

TEST(Json, StringsAreEscapedAndLoneSurrogatesReplaced) {
  std::u16string text = u"a\"b\\c\n\t\x01 ";
  text.push_back(0xD800);
  isnad::Result r;
  isnad::Claim c;
  c.content = {0, static_cast<uint32_t>(text.size())};
  r.claims = {c};
  const std::string out = isnad::to_json(r, text, isnad::OffsetUnit::Utf8);
  const json j = json::parse(out);
  EXPECT_EQ(j["claims"][0]["content"]["text"], "a\"b\\c\n\t\x01 \xEF\xBF\xBD");
  EXPECT_EQ(j["claims"][0]["content"]["end"], 12);  // 9 ASCII bytes, and U+FFFD's 3
  EXPECT_NE(out.find("\\u0001"), std::string::npos);
}

TEST(Json, ConfidenceIsClampedToTwoDecimals) {
  Example e;
  e.result.claims[0].confidence = 1.7;
  e.result.claims[1].confidence = 0.123;
  const std::string out = isnad::to_json(e.result, e.text, isnad::OffsetUnit::Utf16);
  EXPECT_NE(out.find("\"confidence\":1.00"), std::string::npos);
  EXPECT_NE(out.find("\"confidence\":0.12"), std::string::npos);
}

// --- docs/result.schema.json -------------------------------------------------

// Validates `value` against the part of JSON Schema the result schema uses;
// a keyword outside that part is itself an error, so the schema cannot grow
// a rule this test silently ignores. Returns the first problem, or "".
class SchemaCheck {
 public:
  explicit SchemaCheck(json schema) : root_(std::move(schema)) {}

  std::string operator()(const json& value) const { return check(root_, value, "$"); }

 private:
  std::string check(const json& schema, const json& v, const std::string& at) const {
    for (const auto& [keyword, rule] : schema.items()) {
      std::string problem;
      if (keyword == "$ref") {
        const std::string prefix = "#/$defs/";
        const std::string ref = rule.get<std::string>();
        if (ref.rfind(prefix, 0) != 0) return at + ": unsupported $ref " + ref;
        problem = check(root_["$defs"][ref.substr(prefix.size())], v, at);
      } else if (keyword == "type") {
        const json types = rule.is_array() ? rule : json::array({rule});
        bool any = false;
        for (const auto& t : types) any = any || has_type(v, t.get<std::string>());
        if (!any) problem = at + " is not of type " + rule.dump();
      } else if (keyword == "enum") {
        if (std::find(rule.begin(), rule.end(), v) == rule.end()) problem = at + " = " + v.dump() + " is not in " + rule.dump();
      } else if (keyword == "required") {
        for (const auto& name : rule)
          if (v.is_object() && !v.contains(name.get<std::string>())) problem = at + " lacks " + name.get<std::string>();
      } else if (keyword == "properties") {
        for (const auto& [name, sub] : rule.items())
          if (v.is_object() && v.contains(name) && (problem = check(sub, v[name], at + "." + name)) != "") break;
      } else if (keyword == "additionalProperties") {
        if (rule != false) return at + ": only additionalProperties false is supported";
        const json documented = schema.value("properties", json::object());
        for (const auto& [name, _] : v.items())
          if (v.is_object() && !documented.contains(name)) problem = at + " has undocumented field " + name;
      } else if (keyword == "items") {
        for (size_t i = 0; v.is_array() && i < v.size() && problem.empty(); ++i)
          problem = check(rule, v[i], at + "[" + std::to_string(i) + "]");
      } else if (keyword == "oneOf") {
        int passing = 0;
        for (const auto& sub : rule) passing += check(sub, v, at).empty();
        if (passing != 1) problem = at + " matches " + std::to_string(passing) + " of oneOf";
      } else if (keyword == "pattern") {
        if (v.is_string() && !std::regex_search(v.get<std::string>(), std::regex(rule.get<std::string>())))
          problem = at + " = " + v.dump() + " does not match " + rule.get<std::string>();
      } else if (keyword == "minimum") {
        if (v.is_number() && v.get<double>() < rule.get<double>()) problem = at + " is below " + rule.dump();
      } else if (keyword == "maximum") {
        if (v.is_number() && v.get<double>() > rule.get<double>()) problem = at + " is above " + rule.dump();
      } else if (keyword != "$schema" && keyword != "$defs" && keyword != "title" && keyword != "description") {
        return at + ": the test does not know the keyword " + keyword;
      }
      if (!problem.empty()) return problem;
    }
    return "";
  }

  static bool has_type(const json& v, const std::string& type) {
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "integer") return v.is_number_integer();
    if (type == "number") return v.is_number();
    if (type == "boolean") return v.is_boolean();
    return type == "null" && v.is_null();
  }

  json root_;
};

SchemaCheck result_schema() {
  std::ifstream in(std::string(ISNAD_SOURCE_DIR) + "/docs/result.schema.json");
  EXPECT_TRUE(in) << "docs/result.schema.json";
  return SchemaCheck(json::parse(in));
}

TEST(JsonSchema, EveryOutputFollowsTheDocumentedSchema) {
  const SchemaCheck check = result_schema();
  Example e;
  e.result.speakers.push_back({u"مصادر", isnad::EntityKind::Group, u"", {}});
  e.result.claims[1].reported_by = 1;
  for (const auto unit : {isnad::OffsetUnit::Utf16, isnad::OffsetUnit::CodePoint, isnad::OffsetUnit::Utf8}) {
    EXPECT_EQ(check(json::parse(isnad::to_json(e.result, e.text, unit))), "");
    EXPECT_EQ(check(json::parse(isnad::to_json(isnad::Result{"und", {}, {}}, u"", unit))), "");
  }
}

TEST(JsonSchema, TheCheckCatchesOutputThatStrays) {
  const SchemaCheck check = result_schema();
  const Example e;
  const json good = json::parse(isnad::to_json(e.result, e.text, isnad::OffsetUnit::Utf16));
  json missing = good;
  missing["claims"][0].erase("speaker_mention");
  EXPECT_NE(check(missing), "");
  json undocumented = good;
  undocumented["speakers"][0]["gender"] = "m";
  EXPECT_NE(check(undocumented), "");
  json wrong_id = good;
  wrong_id["claims"][0]["speaker"] = "1";
  EXPECT_NE(check(wrong_id), "");
  json wrong_kind = good;
  wrong_kind["speakers"][0]["kind"] = "robot";
  EXPECT_NE(check(wrong_kind), "");
  json negative = good;
  negative["claims"][0]["content"]["start"] = -1;
  EXPECT_NE(check(negative), "");
}

}  // namespace
