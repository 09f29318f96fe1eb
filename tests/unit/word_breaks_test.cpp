// The word segmenter gives exactly the segments of ICU's break iterator, on
// hand-picked cases, on random strings over the characters whose rules it
// implements (and some it leaves to ICU), and on the written articles.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "text/utf8.h"
#include "text/word_breaks.h"

namespace {

using isnad::WordBreakEngine;
using isnad::WordSegment;

std::string describe(const std::vector<WordSegment>& segments, std::u16string_view text) {
  std::string out;
  for (const WordSegment& s : segments) {
    out += "[" + std::to_string(s.start) + "," + std::to_string(s.end) + (s.word ? " word" : "") + " ";
    for (uint32_t i = s.start; i < s.end; ++i) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "%04X ", static_cast<unsigned>(text[i]));
      out += hex;
    }
    out += "] ";
  }
  return out;
}

void expect_same_as_icu(std::u16string_view text) {
  const std::vector<WordSegment> ours = isnad::word_segments(text);
  const std::vector<WordSegment> icu = isnad::word_segments(text, WordBreakEngine::IcuOnly);
  bool same = ours.size() == icu.size();
  for (size_t i = 0; same && i < ours.size(); ++i)
    same = ours[i].start == icu[i].start && ours[i].end == icu[i].end && ours[i].word == icu[i].word;
  EXPECT_TRUE(same) << "ours: " << describe(ours, text) << "\nICU:  " << describe(icu, text);
}

TEST(WordBreaks, ArabicSentence) {
  const std::u16string text = u"قال الوزيرُ: «الحلّ قريب»، مضيفاً أنّ 3.5% من 1,200 ـ وغيرها.";
  const std::vector<WordSegment> segments = isnad::word_segments(text);
  ASSERT_FALSE(segments.empty());
  EXPECT_EQ(segments.front().start, 0u);
  EXPECT_EQ(segments.back().end, text.size());
  EXPECT_TRUE(segments.front().word);
  expect_same_as_icu(text);
}

TEST(WordBreaks, HandPickedCases) {
  const char16_t* cases[] = {
      u"",
      u"a",
      u"\u064E\u064Eقال",        // marks at the start of the text
      u"قال\n\u0651ت",           // a mark after a line break
      u"a'b 1'2 a'1 can't",     // apostrophes between letters and numbers
      u"3.14 1,000 1.a a.1 a.b.",
      u"_ __ a_ _a 1_ _1 a__b",  // ExtendNumLet
      u"שלום'ה צה\"ל ה\"",       // Hebrew: WB7a, WB7b/c
      u"a\r\nb\r\rc\n\rd\u2028e\u0085f\u000Bg",
      u"  \u00A0 \u3000 x",      // spaces are segments of their own
      u"a\u200Db\u200Cc \u200D\u200D",
      u"كتب\u00ADت",             // soft hyphen (Format) inside a word
      u"\u0600١٢٣ ٣٫١٤ ١٬٠٠٠",    // Arabic number sign and separators
      u"a😀b 🇸🇦🇪🇬 x\u200D😀 中文 カタカナ",  // left to ICU
      u"😀\n\u0627\u0644\u0639\u0631\u0628",  // an ICU line, then one of ours
      u"a\u2019b a\u2018b \u201Cقال\u201D \u2026",
  };
  for (const char16_t* text : cases) expect_same_as_icu(text);
  const char16_t lone_surrogates[] = {0xD800, u'a', u' ', 0xDC00, u'b', 0};
  expect_same_as_icu(lone_surrogates);
}

// Every character the rules cover, after a ZWJ (emoji sequences, WB3c), in
// a word and between spaces.
TEST(WordBreaks, EveryCoveredCharacterMatchesIcu) {
  std::vector<char16_t> covered;
  for (char16_t c = 0x20; c < 0x0800; ++c) covered.push_back(c);
  for (char16_t c = 0x2000; c < 0x20D0; ++c) covered.push_back(c);
  covered.push_back(0xFFFD);
  for (const char16_t c : covered) {
    expect_same_as_icu(std::u16string{u'a', 0x200D, c, u'b'});
    expect_same_as_icu(std::u16string{u'\u0644', c, u'\u0645', u' ', c, u' ', c, c});
    if (HasFailure()) break;
  }
}

TEST(WordBreaks, RandomStringsMatchIcu) {
  const std::u16string alphabet =
      u"اأإآبتثجحخدذرزسشصضطظعغفقكلمنهوىيةءئؤ\u064B\u064E\u064F\u0650\u0651\u0652\u0640\u0670"
      u"٠١٢٣٩0123456789abcXYZéשה'\".,:;_-!?()«»،؛؟٫٬@ \u00A0\n\r\t\u000B\u0085\u2028"
      u"\u200B\u200C\u200D\u200E\u200F\u00AD\u0600\u061C\u2018\u2019\u201C\u201D\u2026\u2013\u203C\u2049"
      u"\u00A9\u00AE#*\u0300\u0301\uFE0F\uFFFD\uFEFF\uFEFB\u2080\u20AC\u20AA\u2122";
  const std::u16string supplementary[] = {u"😀", u"🇸", u"中", u"カ", u"ก", u"한", u"\U0001D400"};
  std::mt19937 random(20261201);
  for (int n = 0; n < 20000; ++n) {
    std::u16string text;
    const int length = static_cast<int>(random() % 24);
    for (int i = 0; i < length; ++i) {
      if (random() % 40 == 0)
        text += supplementary[random() % std::size(supplementary)];
      else
        text += alphabet[random() % alphabet.size()];
    }
    expect_same_as_icu(text);
    if (HasFailure()) break;
  }
}

TEST(WordBreaks, WrittenArticlesMatchIcu) {
  const std::filesystem::path dir = std::filesystem::path(ISNAD_SOURCE_DIR) / "tests/ar-written";
  int articles = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    const std::string text = nlohmann::json::parse(in)["text"].get<std::string>();
    expect_same_as_icu(isnad::decode_utf8(text, true).text);
    ++articles;
  }
  EXPECT_GT(articles, 0);
}

}  // namespace
