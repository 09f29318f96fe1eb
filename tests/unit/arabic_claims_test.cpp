// Each construction of Arabic attribution, on sentences written for these tests.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "isnad/isnad.h"
#include "unicode_strings.h"

namespace {

struct Found {
  std::string type, cue, content, mention, speaker, reported_by;
};

struct Extraction {
  std::vector<Found> claims;
  isnad::Result result;
};

Extraction run(const std::string& article) {
  const std::u16string text = utf16(article);
  Extraction e;
  e.result = isnad::extract(text);
  auto span = [&](const std::optional<isnad::Span>& s) {
    return s ? utf8(std::u16string_view(text).substr(s->start, s->length())) : std::string();
  };
  for (const isnad::Claim& c : e.result.claims) {
    Found f;
    f.type = c.type == isnad::ClaimType::Direct ? "direct" : c.type == isnad::ClaimType::Mixed ? "mixed" : "indirect";
    f.cue = span(c.cue);
    f.content = span(c.content);
    f.mention = span(c.speaker_mention);
    if (c.speaker >= 0) f.speaker = utf8(e.result.speakers[c.speaker].name);
    if (c.reported_by >= 0) f.reported_by = utf8(e.result.speakers[c.reported_by].name);
    e.claims.push_back(f);
  }
  return e;
}

// --- direct quotes ---------------------------------------------------------

TEST(DirectQuotes, EveryQuoteStyleAfterACueAndColon) {
  for (const auto& [open, close] :
       std::vector<std::pair<std::string, std::string>>{{"\"", "\""}, {"“", "”"}, {"«", "»"}, {"‹", "›"}, {"„", "“"}}) {
    const auto e = run("وقال الوزير سامي حداد: " + open + "الميناء سيفتح أبوابه غدا" + close + ".");
    ASSERT_EQ(e.claims.size(), 1u) << open;
    EXPECT_EQ(e.claims[0].type, "direct");
    EXPECT_EQ(e.claims[0].cue, "قال");
    EXPECT_EQ(e.claims[0].content, "الميناء سيفتح أبوابه غدا");
    EXPECT_EQ(e.claims[0].mention, "الوزير سامي حداد");
    EXPECT_EQ(e.claims[0].speaker, "سامي حداد");
  }
}

TEST(DirectQuotes, ParenthesesUsedAsQuoteMarks) {
  const auto e = run("وقال المدير: (لن نتراجع عن القرار مهما حدث).");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].type, "direct");
  EXPECT_EQ(e.claims[0].content, "لن نتراجع عن القرار مهما حدث");
}

TEST(DirectQuotes, AQuoteOverSeveralSentencesStaysWhole) {
  const auto e = run("وقالت الوزيرة: «الوضع صعب. لكننا سنعمل ليلا ونهارا. ولن نترك أحدا».");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].content, "الوضع صعب. لكننا سنعمل ليلا ونهارا. ولن نترك أحدا");
}

TEST(DirectQuotes, SeveralSegmentsUnderOneCueAreSeparateClaims) {
  const auto e = run("وقال المتحدث: \"الاجتماع انتهى\" و\"البيان سيصدر مساء\".");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].content, "الاجتماع انتهى");
  EXPECT_EQ(e.claims[1].content, "البيان سيصدر مساء");
  EXPECT_EQ(e.claims[0].cue, e.claims[1].cue);
  EXPECT_EQ(e.claims[0].speaker, e.claims[1].speaker);
}

TEST(DirectQuotes, AQuoteInsideAQuoteIsPartOfTheOuterClaim) {
  const auto e = run("وقال النائب: «سمعت الوزير يقول \"لا تنازل\" أمس».");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].content, "سمعت الوزير يقول \"لا تنازل\" أمس");
}

TEST(DirectQuotes, AnUnclosedMarkEndsWithItsSentence) {
  const auto e = run("وقال المتحدث: \"الوضع مستقر تماما.\nوفي خبر آخر، افتتحت الحكومة جسرا جديدا.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].content, "الوضع مستقر تماما.");
  const auto f = run("وأكد المدير: «سنبدأ العمل فورا. ثم انتقل إلى موضوع آخر وتحدث عن الطقس");
  ASSERT_EQ(f.claims.size(), 1u);
  EXPECT_EQ(f.claims[0].content, "سنبدأ العمل فورا.");
}

TEST(DirectQuotes, ScareQuotesAroundANameAreNotClaims) {
  const auto e = run("وصلت صواريخ \"باتريوت\" إلى المطار أمس، وأعلنت شركة \"النور\" أرباحها.");
  for (const Found& f : e.claims) EXPECT_NE(f.content, "باتريوت");
  for (const Found& f : e.claims) EXPECT_NE(f.content, "النور");
}

TEST(DirectQuotes, AQuoteBeforeItsCue) {
  const auto e = run("«لن نقبل بهذا الاتفاق»، قالت زاخاروفا.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].type, "direct");
  EXPECT_EQ(e.claims[0].content, "لن نقبل بهذا الاتفاق");
  EXPECT_EQ(e.claims[0].speaker, "زاخاروفا");
}

TEST(DirectQuotes, AParagraphThatIsOnlyAQuoteIsASubheadOfTheMainSource) {
  const auto e = run(
      "\"المفاوضات لم تنته\"\n\nوقال الوزير كريم سالم إن المفاوضات مستمرة.\nوأضاف أن الجولة المقبلة ستعقد في عمان.");
  ASSERT_EQ(e.claims.size(), 3u);
  EXPECT_EQ(e.claims[0].type, "direct");
  EXPECT_EQ(e.claims[0].cue, "");
  EXPECT_EQ(e.claims[0].speaker, "كريم سالم");
}

// --- indirect speech -------------------------------------------------------

TEST(IndirectSpeech, VerbFirstWithAppositionAndAdverbials) {
  const auto e = run("صرّح المتحدث باسم الوزارة، خالد منصور، اليوم الأربعاء، بأنّ الحدود ستفتح الأسبوع المقبل.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].type, "indirect");
  EXPECT_EQ(e.claims[0].cue, "صرّح");
  EXPECT_EQ(e.claims[0].mention, "المتحدث باسم الوزارة، خالد منصور");
  EXPECT_EQ(e.claims[0].content, "الحدود ستفتح الأسبوع المقبل");
  EXPECT_EQ(e.claims[0].speaker, "خالد منصور");
  ASSERT_EQ(e.result.speakers.size(), 1u);
  EXPECT_EQ(utf8(e.result.speakers[0].title), "المتحدث باسم الوزارة");
}

TEST(IndirectSpeech, SubjectFirst) {
  const auto e = run("لكن تقارير صحفية أشارت إلى أنّ الصفقة قد تتأخر.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "تقارير صحفية");
  EXPECT_EQ(e.claims[0].content, "الصفقة قد تتأخر");
  EXPECT_EQ(e.result.speakers[0].kind, isnad::EntityKind::Media);
}

TEST(IndirectSpeech, AddresseeAndTimeBetweenCueAndComplement) {
  const auto e = run("وقال الرئيس لوكالة الأنباء الرسمية يوم الخميس إنه سيزور القاهرة قريبا.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "الرئيس");
  EXPECT_EQ(e.claims[0].content, "سيزور القاهرة قريبا");
}

TEST(IndirectSpeech, CuesWithAPreposition) {
  const auto e =
      run("ودعا الأمين العام إلى وقف فوري لإطلاق النار. وحذّرت المنظمة من تفاقم الأزمة الإنسانية. "
          "وأعربت الحكومة عن قلقها من التصعيد. وشدد الوزير على ضرورة الحوار. وطالب المحتجون بإطلاق سراح المعتقلين.");
  std::vector<std::string> contents;
  for (const Found& f : e.claims) contents.push_back(f.content);
  EXPECT_EQ(contents, (std::vector<std::string>{"وقف فوري لإطلاق النار", "تفاقم الأزمة الإنسانية", "قلقها من التصعيد",
                                                "ضرورة الحوار", "إطلاق سراح المعتقلين"}));
}

TEST(IndirectSpeech, ContentEndsBeforeTrailingNarrationAndTheNextCue) {
  const auto e =
      run("وأكد الوزير أن الانتخابات ستجري في موعدها، مشيرا إلى أن الاستعدادات اكتملت، وذلك بعد اجتماع طويل.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].content, "الانتخابات ستجري في موعدها");
  EXPECT_EQ(e.claims[1].cue, "مشيرا");
  EXPECT_EQ(e.claims[1].content, "الاستعدادات اكتملت");
  EXPECT_EQ(e.claims[1].mention, "");
  EXPECT_EQ(e.claims[1].speaker, e.claims[0].speaker);
}

TEST(IndirectSpeech, MixedWhenTheClauseHoldsAQuote) {
  const auto e = run("وقال المبعوث إن الطرفين \"اتفقا على مواصلة الحوار البناء\" خلال الجولة.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].type, "mixed");
}

TEST(IndirectSpeech, AFullyQuotedComplementIsDirect) {
  const auto e = run("ووصف الوزير القرار بأنه “خطوة شجاعة في الاتجاه الصحيح”.");
  ASSERT_FALSE(e.claims.empty());
  EXPECT_EQ(e.claims.back().type, "direct");
  EXPECT_EQ(e.claims.back().content, "خطوة شجاعة في الاتجاه الصحيح");
}

TEST(IndirectSpeech, NegatedReportsAndAgentlessPassivesAreNotClaims) {
  EXPECT_TRUE(run("ولم يذكر الوزير أن الاتفاق وقع.").claims.empty());
  EXPECT_TRUE(run("واعتُبرت الزيارة ناجحة بكل المقاييس.").claims.empty());
}

// --- cue morphology --------------------------------------------------------

TEST(CueMorphology, PersonGenderNumberAndConjunctions) {
  for (const std::string cue : {"قال", "قالت", "قالوا", "يقول", "تقول", "يقولون", "وقال", "فقالت", "أكّد", "أكد", "صرّح",
                                "صرح", "وأضاف", "وأوضحت", "يؤكد", "ليقول"}) {
    const auto e = run("المسؤول " + cue + " إن الخطة جاهزة.");
    ASSERT_EQ(e.claims.size(), 1u) << cue;
    EXPECT_EQ(e.claims[0].content, "الخطة جاهزة") << cue;
  }
}

TEST(CueMorphology, TheFemininePlural) {
  // A topic with أما, then the verb with ف and a second one with و, both in
  // the feminine plural: the three women are the source of both.
  const auto e = run("أما الطبيبات الثلاث، سلمى عادل وهند سمير ومريم فارس، فأكّدن أن الأجنحة ممتلئة، "
                     "وقلن إن الأدوية تكفي أسبوعاً.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].cue, "أكّدن");
  EXPECT_EQ(e.claims[0].content, "الأجنحة ممتلئة");
  EXPECT_EQ(e.claims[0].mention, "الطبيبات الثلاث، سلمى عادل وهند سمير ومريم فارس");
  EXPECT_EQ(e.claims[1].cue, "قلن");
  EXPECT_EQ(e.claims[1].content, "الأدوية تكفي أسبوعاً");
  EXPECT_FALSE(e.claims[1].speaker.empty());
  EXPECT_EQ(e.claims[1].speaker, e.claims[0].speaker);
  for (const std::string cue : {"يقلن", "صرّحن", "أشرن", "يؤكدن", "رأين"}) {
    const auto f = run("المعلمات " + cue + " أن المدرسة مغلقة.");
    ASSERT_EQ(f.claims.size(), 1u) << cue;
    EXPECT_EQ(f.claims[0].content, "المدرسة مغلقة") << cue;
  }
}

TEST(CueMorphology, TheAttachedConjunctionIsNotPartOfTheCue) {
  const auto e = run("وأوضحت الوزيرة أن الميزانية ستزيد.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].cue, "أوضحت");
}

TEST(CueMorphology, ParticiplesOfBothGenders) {
  const auto e = run(
      "وقالت السفيرة إن العلاقات ممتازة، مؤكدةً أن التعاون سيتوسع. وتحدث الوزير عن الزيارة، مشيراً إلى أن موعدها تحدد.");
  ASSERT_EQ(e.claims.size(), 3u);
  EXPECT_EQ(e.claims[1].cue, "مؤكدةً");
  EXPECT_EQ(e.claims[1].content, "التعاون سيتوسع");
  EXPECT_EQ(e.claims[2].cue, "مشيراً");
}

TEST(CueMorphology, VerbPlusQaelanIsOneCue) {
  const auto e = run("وتابع قائلا: \"لن نسمح بذلك\".");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].cue, "تابع قائلا");
}

TEST(CueMorphology, VerbalNounCue) {
  const auto e = run("وواصلت الإدارة القول إنه من غير الواضح متى ستنتهي الأزمة.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].cue, "القول");
  EXPECT_EQ(e.claims[0].mention, "الإدارة");
}

TEST(CueMorphology, AccordingToFronted) {
  const auto e = run("وبحسب الوزارة، فإنّ عدد الزوار ارتفع هذا العام.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].cue, "بحسب");
  EXPECT_EQ(e.claims[0].mention, "الوزارة");
  EXPECT_EQ(e.claims[0].content, "عدد الزوار ارتفع هذا العام");
}

TEST(CueMorphology, AccordingToTrailingKeepsItsLam) {
  const auto e = run("ارتفعت أسعار القمح بنسبة عشرة في المئة، وفقا لوكالة \"الأنباء\".");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].cue, "وفقا ل");
  EXPECT_EQ(e.claims[0].mention, "وكالة \"الأنباء\"");
  EXPECT_EQ(e.claims[0].content, "ارتفعت أسعار القمح بنسبة عشرة في المئة");
}

TEST(CueMorphology, NaqlanAnNamesTheOriginalSource) {
  const auto e = run("وكانت صحف محلية قد أفادت، نقلا عن مصادر، أن الوزير سيستقيل.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "مصادر");
  EXPECT_EQ(e.claims[0].content, "الوزير سيستقيل");
}

TEST(CueMorphology, HeadlineColonForm) {
  const auto e = run("الخارجية: المحادثات ستستأنف الشهر المقبل\n\nقالت الوزارة إن الوفد سيصل غدا.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].cue, "");
  EXPECT_EQ(e.claims[0].mention, "الخارجية");
  EXPECT_EQ(e.claims[0].content, "المحادثات ستستأنف الشهر المقبل");
  const auto f = run("مسؤول حكومي لرويترز: لا اتفاق قبل نهاية العام\n");
  ASSERT_EQ(f.claims.size(), 1u);
  EXPECT_EQ(f.claims[0].mention, "مسؤول حكومي");
  // The interior ministry by its short name, as the foreign ministry, and one entity with its full name.
  const auto g = run("الداخلية: توقيف ثلاثة مشتبه بهم في سرقة المتحف\n\nأعلنت وزارة الداخلية، صباح الأحد، توقيف ثلاثة مشتبه بهم.");
  ASSERT_EQ(g.claims.size(), 2u);
  EXPECT_EQ(g.claims[0].mention, "الداخلية");
  EXPECT_EQ(g.claims[0].speaker, "وزارة الداخلية");
  EXPECT_EQ(g.claims[1].speaker, "وزارة الداخلية");
}

// --- speakers, pro-drop and entities ---------------------------------------

TEST(Speakers, KindsOfSources) {
  const auto e =
      run("وقالت مصادر مطلعة إن الصفقة اكتملت. وذكرت وكالة \"الأناضول\" أن الوفد وصل. "
          "وأعلنت وزارة الصحة أن الإصابات تراجعت. وأكد البيان أن المساعدات ستصل.");
  ASSERT_EQ(e.result.speakers.size(), 4u);
  EXPECT_EQ(e.result.speakers[0].kind, isnad::EntityKind::Group);
  EXPECT_EQ(e.result.speakers[1].kind, isnad::EntityKind::Media);
  EXPECT_EQ(e.result.speakers[2].kind, isnad::EntityKind::Organization);
  EXPECT_EQ(e.result.speakers[3].kind, isnad::EntityKind::Document);
}

TEST(Speakers, ProDropResolvesToTheLatestAgreeingSource) {
  const auto e =
      run("وقالت المتحدثة باسم الحكومة، ليلى حسن، إن القرار نهائي. وقال الوزير عمر فاروق إن التنفيذ سيبدأ قريبا. "
          "وأضافت أن الحكومة لن تتراجع.");
  ASSERT_EQ(e.claims.size(), 3u);
  EXPECT_EQ(e.claims[2].mention, "");
  EXPECT_EQ(e.claims[2].speaker, "ليلى حسن");
}

TEST(Speakers, MentionsOfOneSourceFormOneEntity) {
  const auto e =
      run("قال الرئيس الروسي فلاديمير بوتين إن بلاده مستعدة للحوار. وأضاف بوتين أن العقوبات فشلت. "
          "وأكد الرئيس بوتين أن الاقتصاد ينمو.");
  ASSERT_EQ(e.result.speakers.size(), 1u);
  EXPECT_EQ(utf8(e.result.speakers[0].name), "فلاديمير بوتين");
  EXPECT_EQ(utf8(e.result.speakers[0].title), "الرئيس الروسي");
  EXPECT_EQ(e.result.speakers[0].mentions.size(), 3u);
}

TEST(Speakers, ChainsRecordWhoReportedTheClaim) {
  const auto e = run("وبحسب صحيفة \"الأخبار\"، فقد أبلغ الوزير نظيره خلال الاتصال أن موقف بلاده لم يتغير.");
  ASSERT_EQ(e.claims.size(), 2u);
  const Found& inner = e.claims[0].cue == "أبلغ" ? e.claims[0] : e.claims[1];
  EXPECT_EQ(inner.mention, "الوزير");
  EXPECT_EQ(inner.content, "موقف بلاده لم يتغير");
  EXPECT_EQ(inner.reported_by, "صحيفة \"الأخبار\"");
}

// --- the result --------------------------------------------------------------

TEST(Result, EmptyAndNonArabicText) {
  EXPECT_TRUE(isnad::extract(u"").claims.empty());
  const isnad::Result en = isnad::extract(u"The minister said that talks would resume.");
  EXPECT_EQ(en.lang, "en");
  EXPECT_EQ(isnad::extract(u"12345 !!").lang, "und");
  // Letters decide, by their script: the tatweel belongs to none.
  EXPECT_EQ(isnad::extract(u"ـــــــ ok").lang, "en");
  EXPECT_EQ(isnad::extract(u"قال ok").lang, "ar");
}

TEST(Result, SpansAreExactUtf16Offsets) {
  const std::u16string text = utf16("🙂 وقال الوزير إن 🙂 الحل قريب.");
  const isnad::Result r = isnad::extract(text);
  ASSERT_EQ(r.claims.size(), 1u);
  EXPECT_EQ(text.substr(r.claims[0].content.start, r.claims[0].content.length()), utf16("🙂 الحل قريب"));
}

// --- further news constructions ----------------------------------------------

TEST(NewsConstructions, IndefiniteTitles) {
  const auto e = run("وقال متحدث باسم الجيش إن القوات انسحبت من المدينة.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "متحدث باسم الجيش");
  EXPECT_EQ(e.result.speakers[0].kind, isnad::EntityKind::Person);
}

TEST(NewsConstructions, RelativeClauseBetweenSubjectAndComplement) {
  const auto e = run("وأضاف المصدر، الذي طلب عدم الكشف عن هويته، أن المفاوضات توقفت.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "المصدر");
  EXPECT_EQ(e.claims[0].content, "المفاوضات توقفت");
}

TEST(NewsConstructions, DetachedLamBeforeAQuotedAddressee) {
  const auto e = run("وقال الوزير لـ\"الشرق\" إن الاتفاق سيوقع الأسبوع المقبل.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "الوزير");
  EXPECT_EQ(e.claims[0].content, "الاتفاق سيوقع الأسبوع المقبل");
}

TEST(NewsConstructions, AQuoteAttributedAfterwardsByAccordingTo) {
  const auto e = run("\"نحن مستعدون لكل الاحتمالات\"، بحسب ما قال قائد الجيش.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].type, "direct");
  EXPECT_EQ(e.claims[0].content, "نحن مستعدون لكل الاحتمالات");
  EXPECT_EQ(e.claims[0].speaker, "قائد الجيش");
}

TEST(NewsConstructions, QaelanAfterAVerbThatIsNotACue) {
  const auto e = run("وردّت الوزارة على الانتقادات، قائلة إن الإجراءات قانونية.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].cue, "قائلة");
  EXPECT_EQ(e.claims[0].content, "الإجراءات قانونية");
  EXPECT_EQ(e.claims[0].speaker, "الوزارة");
}

TEST(NewsConstructions, RelayedWithQawlihi) {
  const auto e = run("ونقلت وكالة \"الأنباء\" عن وزير المالية قوله إن العجز سيتراجع.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "وزير المالية");
  EXPECT_EQ(e.claims[0].content, "العجز سيتراجع");
  EXPECT_EQ(e.claims[0].reported_by, "وكالة \"الأنباء\"");
}

TEST(NewsConstructions, HasbamaAndKama) {
  const auto e = run("وارتفع عدد الضحايا إلى عشرين، حسبما أفادت وزارة الصحة.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].content, "ارتفع عدد الضحايا إلى عشرين");
  EXPECT_EQ(e.claims[0].speaker, "وزارة الصحة");
}

TEST(NewsConstructions, AStanceVerbInsideReportedContentIsNotAClaimOfItsOwn) {
  const auto e = run("وأكد الوزير أن بلاده ترفض أي تدخل خارجي.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].cue, "أكد");
  const auto f = run("ونقلت الصحيفة أن ثلاثة مسؤولين رجحوا تأجيل القمة.");
  ASSERT_EQ(f.claims.size(), 2u);
  EXPECT_EQ(f.claims[1].mention, "ثلاثة مسؤولين");
  EXPECT_EQ(f.claims[1].reported_by, "الصحيفة");
}

TEST(NewsConstructions, ALinkedClauseWithItsOwnCueEndsTheContent) {
  const auto e = run("وذكرت الوكالة أن الاجتماع سيعقد في جدة، فيما قالت مصادر إن واشنطن تضغط على الطرفين.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].content, "الاجتماع سيعقد في جدة");
  EXPECT_EQ(e.claims[1].mention, "مصادر");
}

TEST(NewsConstructions, AnOrganisationInsideATitleDoesNotSwallowTheObject) {
  const auto e = run("ونفى المتحدث باسم قوات الدفاع المدني وجود أي ضحايا.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "المتحدث باسم قوات الدفاع المدني");
  EXPECT_EQ(e.claims[0].content, "وجود أي ضحايا");
}

TEST(NewsConstructions, AuxiliaryKanaAndQadAroundTheSubject) {
  const auto e = run("وكان الرئيس الأميركي قد صرح الأسبوع الماضي بأن بلاده تعمل على خطة جديدة.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "الرئيس الأميركي");
  EXPECT_EQ(e.claims[0].content, "بلاده تعمل على خطة جديدة");
}

TEST(NewsConstructions, AnAddresseeIsNeverTheSubject) {
  const auto e = run("غير أن مسؤولين أمميين أكدوا لوكالة الأنباء أن عدد الشاحنات لم يتجاوز الخمسين.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "مسؤولين أمميين");
}

TEST(NewsConstructions, TitlesWithAGenitiveLamAndCoordinatedNames) {
  const auto e =
      run("وقالت المديرة الإقليمية للمنظمة، رين بولسن، إن الوضع غير مسبوق. "
          "وحذرت منظمة الأغذية والزراعة التابعة للأمم المتحدة من أن المجاعة تقترب.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].speaker, "رين بولسن");
  EXPECT_EQ(e.claims[1].mention, "منظمة الأغذية والزراعة");
}

TEST(NewsConstructions, TheNameAliIsNotThePrepositionAla) {
  const auto e = run("وأوضح محافظ البنك، علي الكبيسي، أن التضخم ما زال مرتفعا. وشدد الوزير على أهمية الإصلاح.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].speaker, "علي الكبيسي");
  EXPECT_EQ(e.claims[1].mention, "الوزير");
  EXPECT_EQ(e.claims[1].content, "أهمية الإصلاح");
}

TEST(NewsConstructions, AReportByANewspaper) {
  const auto e = run("وبحسب تقرير لصحيفة \"الأيام\"، فإن الصادرات تراجعت بنسبة كبيرة.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "تقرير لصحيفة \"الأيام\"");
  EXPECT_EQ(e.claims[0].content, "الصادرات تراجعت بنسبة كبيرة");
  EXPECT_EQ(e.result.speakers[0].kind, isnad::EntityKind::Document);
}

TEST(NewsConstructions, AQuoteOnTheLineAfterTheCue) {
  const auto e = run("وقال رئيس البلدية في كلمته:\n«سنعيد بناء كل ما تهدم».");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].type, "direct");
  EXPECT_EQ(e.claims[0].content, "سنعيد بناء كل ما تهدم");
  EXPECT_EQ(e.claims[0].mention, "رئيس البلدية");
}

TEST(NewsConstructions, AsidesAndLabelsAreNotClaims) {
  EXPECT_TRUE(run("ويذكر أن المدينة شهدت احتجاجات مماثلة العام الماضي.").claims.empty());
  EXPECT_TRUE(run("وقالت الأمم المتحدة إن المساعدات وصلت.\nالأسباب الرئيسية: الجفاف والحرب\n").claims.size() == 1u);
}

TEST(NewsConstructions, AnUnnamedSourceAndWhereItSits) {
  const auto e = run("ونقلت وكالة الأنباء عن مسؤول في وزارة التجارة قوله إن المفاوضات انتهت.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "مسؤول في وزارة التجارة");
  EXPECT_EQ(e.claims[0].reported_by, "وكالة الأنباء");
  EXPECT_EQ(e.result.speakers[0].kind, isnad::EntityKind::Media);
}

TEST(NewsConstructions, ADocumentSpeaksThroughJaaFi) {
  const auto e = run("وجاء في البيان الختامي أن الدول المشاركة اتفقت على خطة موحدة. وجاء الوفد إلى العاصمة أمس.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].cue, "جاء");
  EXPECT_EQ(e.claims[0].mention, "البيان الختامي");
  EXPECT_EQ(e.claims[0].content, "الدول المشاركة اتفقت على خطة موحدة");
  EXPECT_EQ(e.result.speakers[0].kind, isnad::EntityKind::Document);
}

TEST(NewsConstructions, SubjectFirstWithAnAddresseeAfterTheVerb) {
  const auto e = run("وكان الرئيس الفرنسي أبلغ نظيره الأوكراني خلال الاتصال أن موقف موسكو لم يتغير.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "الرئيس الفرنسي");
  EXPECT_EQ(e.claims[0].content, "موقف موسكو لم يتغير");
  const auto f = run("ماكرون أبلغ زيلينسكي أن الدعم مستمر.");
  ASSERT_EQ(f.claims.size(), 1u);
  EXPECT_EQ(f.claims[0].mention, "ماكرون");
}

TEST(NewsConstructions, ARelativeClauseSpeakerIsItsAntecedent) {
  const auto e = run("وهاجم النائب خالد يوسف الذي قال إن الحكومة فشلت في إدارة الأزمة.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "النائب خالد يوسف");
  EXPECT_EQ(e.claims[0].content, "الحكومة فشلت في إدارة الأزمة");
}

TEST(NewsConstructions, AnIssuedStatementAndAStateAsObject) {
  const auto e = run("وقال بيان صادر عن الجيش إن العملية انتهت. واتهمت موسكو واشنطن بتأجيج الصراع.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].mention, "بيان صادر عن الجيش");
  EXPECT_EQ(e.claims[1].mention, "موسكو");
  EXPECT_EQ(e.claims[1].content, "واشنطن بتأجيج الصراع");  // the accused and the accusation
}

TEST(NewsConstructions, ATitleWithItsNameInApposition) {
  const auto e = run("قال مدرب المنتخب الوطني لكرة القدم، جمال سلامي، إن فريقه جاهز. وأضاف سلامي أن الجمهور سيحضر.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].speaker, "جمال سلامي");
  EXPECT_EQ(e.claims[1].speaker, "جمال سلامي");
  EXPECT_EQ(utf8(e.result.speakers[0].title), "مدرب المنتخب الوطني لكرة القدم");
}

TEST(NewsConstructions, AGenitiveLamIsNotAnAddressee) {
  EXPECT_EQ(run("وقال المتحدث الرسمي للحكومة إن الوفد وصل.").claims[0].mention, "المتحدث الرسمي للحكومة");
  EXPECT_EQ(run("وقالت الوزارة لرويترز إن الوفد وصل.").claims[0].mention, "الوزارة");
  EXPECT_EQ(run("وقال الوزير للصحفيين إن الوفد وصل.").claims[0].mention, "الوزير");
}

TEST(NewsConstructions, UnnamedPeopleInThePlural) {
  const auto e = run("ويقول مشجعون إنهم ينتظرون المباراة منذ سنوات.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.result.speakers[0].kind, isnad::EntityKind::Group);
}

TEST(DirectQuotes, AQuoteOverTwoParagraphs) {
  const auto e = run("وأضاف المدرب: \"نحترم المنافس، لكننا نلعب على أرضنا.\nسنقاتل حتى الدقيقة الأخيرة\".\nوقال الحكم إن المباراة ستبدأ في موعدها.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].content, "نحترم المنافس، لكننا نلعب على أرضنا.\nسنقاتل حتى الدقيقة الأخيرة");
  const auto f = run("وقال الوزير: \"نعم\nوأضاف: \"لا شيء\n");
  ASSERT_EQ(f.claims.size(), 2u);
}

TEST(Speakers, ProDropAfterNarrationFindsTheSubjectOfThePreviousSentence) {
  const auto e = run("التقت وزيرة الخارجية ليلى ناصر نظيرها الفرنسي في باريس. وقالت إن المحادثات كانت مثمرة.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].speaker, "ليلى ناصر");
}

TEST(NewsConstructions, PointingIsNotReporting) {
  const auto e = run("«لن نترك أرضنا»، يقول المزارع أبو أحمد وهو يشير إلى حقله المحروق.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].speaker, "المزارع أبو أحمد");
}

TEST(NewsConstructions, KullunMinBeforeCoordinatedSources) {
  const auto e = run("وأكد كل من وزير الداخلية ووزير الصحة أن الوضع تحت السيطرة.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "وزير الداخلية ووزير الصحة");
}

TEST(NewsConstructions, ATitleAndWhereItIsHeld) {
  const auto e = run("من جانبها، رأت الخبيرة الاقتصادية في الجامعة الأمريكية، لينا منصور، أنّ القرار كان متوقعا. "
                     "وقال الوزير في بيان إن الوفد وصل.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].speaker, "لينا منصور");
  EXPECT_EQ(e.claims[1].mention, "الوزير");
}

TEST(NewsConstructions, FiHinaOpensAnotherStatementAndBihiIsSkipped) {
  const auto e = run("أفادت مراسلة القناة بأن القصف استهدف حيا سكنيا، في حين ذكرت مصادر محلية أن عدد القتلى ارتفع. "
                     "وبحسب ما أفاد به شهود عيان، فإن الطائرات حلقت على ارتفاع منخفض.");
  ASSERT_EQ(e.claims.size(), 3u);
  EXPECT_EQ(e.claims[0].content, "القصف استهدف حيا سكنيا");
  EXPECT_EQ(e.claims[1].mention, "مصادر محلية");
  EXPECT_EQ(e.claims[2].mention, "شهود عيان");
}

TEST(NewsConstructions, StatementsGivenWithMafaduha) {
  const auto e = run("وأدلى المتحدث باسم الجيش، العقيد سامي، بتصريحات لوكالة الأنباء مفادها أن العملية انتهت.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].cue, "أدلى");
  EXPECT_EQ(e.claims[0].mention, "المتحدث باسم الجيش، العقيد سامي");
  EXPECT_EQ(e.claims[0].content, "العملية انتهت");
}

TEST(NewsConstructions, PageLabelsAndInterviewMarksAreNotSources) {
  const auto e = run("س: كيف تقيمون الوضع؟\nج: الوضع صعب لكنه تحت السيطرة.\n\nملاحظة: تم تحديث هذا الخبر.\n"
                     "اقرأ أيضا: الحكومة تستقيل\n\nوقد أكدت الهيئة المستقلة للانتخابات أنها جاهزة.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "الهيئة المستقلة");
}

}  // namespace

TEST(NewsConstructions, ANounObjectAfterAdverbialsBetweenCommas) {
  const auto e = run("أعلن المصرف المركزي، اليوم الأحد، خفض سعر الفائدة نصف نقطة.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "المصرف المركزي");
  EXPECT_EQ(e.claims[0].content, "خفض سعر الفائدة نصف نقطة");
}

TEST(Speakers, PluralParticiplesTakeTheSubjectOfTheirOwnSentence) {
  const auto e = run(
      "وقال الوزير إن الموازنة متوازنة. في المقابل، رفض نواب في البرلمان الخطة، معتبرين أنها تثقل كاهل الأسر.");
  ASSERT_EQ(e.claims.size(), 3u);
  EXPECT_EQ(e.claims[2].cue, "معتبرين");
  EXPECT_EQ(e.claims[2].mention, "");
  EXPECT_EQ(e.claims[2].speaker, "نواب في البرلمان");
  EXPECT_EQ(e.claims[2].content, "تثقل كاهل الأسر");
}

TEST(NewsConstructions, AnyVerbBeforeBilqawlReports) {
  const auto e = run("وتحدث المدرب طويلا عن المباراة. واختتم بالقول إن الفريق يستحق الفوز.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].cue, "اختتم بالقول");
  EXPECT_EQ(e.claims[0].content, "الفريق يستحق الفوز");
  EXPECT_EQ(e.claims[0].speaker, "المدرب");
}

TEST(Speakers, GeneralTitlesAndAGenitiveLamWithTheArticle) {
  const auto e = run("ودعا الأمين العام للجامعة العربية إلى ضبط النفس.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "الأمين العام للجامعة العربية");
  EXPECT_EQ(e.claims[0].content, "ضبط النفس");
}

TEST(NewsConstructions, ADemonstrativeObjectAloneIsReferenceOnly) {
  EXPECT_TRUE(run("ورفضت الشركة ذلك، ثم عادت وقبلته.").claims.empty());
  const auto e = run("واعتبر الوزير ذلك خطوة في الاتجاه الصحيح.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].content, "ذلك خطوة في الاتجاه الصحيح");
}

TEST(Speakers, ATitleAccreditedWithLadaThenItsName) {
  const auto e = run("وأكدت المندوبة الدائمة لدى الأمم المتحدة، سلمى ناصر، أن وفدها سيصوت. وأضافت ناصر أن القرار عادل.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].mention, "المندوبة الدائمة لدى الأمم المتحدة، سلمى ناصر");
  EXPECT_EQ(e.claims[1].speaker, "سلمى ناصر");
  EXPECT_EQ(utf8(e.result.speakers[0].title), "المندوبة الدائمة لدى الأمم المتحدة");
}

TEST(NewsConstructions, AFutureReportIsNotAClaimButItsAccordingToSourceIs) {
  const auto e = run("الوزارة ستعلن نتائج التحقيق الأسبوع المقبل، على حد تعبير مصدر مطلع.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].cue, "على حد تعبير");
  EXPECT_EQ(e.claims[0].mention, "مصدر مطلع");
  EXPECT_EQ(e.claims[0].content, "الوزارة ستعلن نتائج التحقيق الأسبوع المقبل");
  EXPECT_TRUE(run("وسيعلن الرئيس غدا أن الحكومة ستستقيل.").claims.empty());
}

TEST(Headlines, ADetachedLamBeforeAQuotedOutletIsTheAddressee) {
  const auto e = run("وزير الري لـ\"الأهرام\": مخزون السد يكفي عامين\n\nنص الخبر.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "وزير الري");
  EXPECT_EQ(e.claims[0].content, "مخزون السد يكفي عامين");
}

TEST(Speakers, ASecondDefiniteBodyIsTheObject) {
  const auto e = run("واتهمت الحكومة المعارضة بالسعي إلى تعطيل الانتخابات.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "الحكومة");
  EXPECT_EQ(e.claims[0].content, "المعارضة بالسعي إلى تعطيل الانتخابات");
}

TEST(AccordingTo, AClauseAfterTheSourceIsNotAnApposition) {
  const auto e = run("وبحسب منظمة العمل الدولية، ارتفعت نسبة البطالة بين الشباب إلى 20%.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "منظمة العمل الدولية");
  EXPECT_EQ(e.claims[0].content, "ارتفعت نسبة البطالة بين الشباب إلى 20%");
}

TEST(AccordingTo, ARelativeRelayInsideTheGapBeforeTheContent) {
  const auto e = run("وقال مسؤول عسكري، بحسب ما نقلت عنه وكالة الأنباء الرسمية، إن الهدنة صامدة.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].cue, "قال");
  EXPECT_EQ(e.claims[0].mention, "مسؤول عسكري");
  EXPECT_EQ(e.claims[0].reported_by, "وكالة الأنباء الرسمية");
  EXPECT_EQ(e.claims[0].content, "الهدنة صامدة");
  const auto f = run("وشملت الصفقة مئة أسير، وفق ما نقلته وسائل إعلام محلية.");
  ASSERT_EQ(f.claims.size(), 1u);
  EXPECT_EQ(f.claims[0].mention, "وسائل إعلام محلية");
}

TEST(Chains, ARelayWithAVerbalNounAndThePronoun) {
  const auto e = run("ونقلت صحيفة الأيام عن وزير المالية تأكيده أن الرواتب ستصرف الأحد.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "وزير المالية");
  EXPECT_EQ(e.claims[0].reported_by, "صحيفة الأيام");
}

TEST(IndirectSpeech, ADetachedBiBeforeAQuoteAndAnObjectAfterAnAdverbial) {
  const auto e = run("واتهمت النيابة المتهم بـ\"تبديد المال العام\". ونفى المتهم، خلال الجلسة الأولى، كل التهم.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].type, "direct");
  EXPECT_EQ(e.claims[0].content, "تبديد المال العام");
  EXPECT_EQ(e.claims[1].content, "كل التهم");
}

TEST(IndirectSpeech, APrepositionInsideAnAdverbialIsNotTheCuesOwn) {
  const auto e = run("وأكدت الشركة، في بيان على موقعها، أن الخدمة عادت.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].content, "الخدمة عادت");
}

TEST(IndirectSpeech, PresentPassivesAndDunaAnAreNotClaims) {
  EXPECT_TRUE(run("ويُتوقع أن ترتفع الأسعار.").claims.empty());
  EXPECT_TRUE(run("وغادر الوزير من دون أن يؤكد أو ينفي الخبر.").claims.empty());
}

TEST(IndirectSpeech, AReportedYesNoQuestion) {
  const auto e = run("وكانت النائبة هدى فوزي قد سألت الوزير إذا ما كانت الحكومة ستخفض الضرائب.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "النائبة هدى فوزي");
  EXPECT_EQ(e.claims[0].content, "كانت الحكومة ستخفض الضرائب");
}

TEST(Speakers, AFamilyNameWithTheArticleInApposition) {
  const auto e = run("وقال رئيس البعثة، سمير العلوي، إن المراقبين انتشروا.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].speaker, "سمير العلوي");
}

TEST(NewsConstructions, BilqawlAfterTheSubjectIsTheCue) {
  const auto e = run("واكتفى متحدث باسم وزارة النقل بالقول إن التحقيق جار.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].cue, "القول");
  EXPECT_EQ(e.claims[0].mention, "متحدث باسم وزارة النقل");
  EXPECT_EQ(e.claims[0].content, "التحقيق جار");
}

TEST(NewsConstructions, AParticipleAfterKanaIsAPredicate) {
  const auto e = run("ويرى محللون أن القرار كان متوقعا، وأن أثره سيكون محدودا.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].cue, "يرى");
}

TEST(AccordingTo, AWebsiteAndWhoseItIs) {
  const auto e = run("وبحسب الموقع الرسمي للرجاء، بيعت كل التذاكر.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "الموقع الرسمي للرجاء");
}

TEST(Speakers, TheTopicOfAmmaIsTheSubjectOfTheFaVerb) {
  const auto e = run("أما صحيفة \"الغد\" فرأت أن الحل سياسي.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "صحيفة \"الغد\"");
  EXPECT_EQ(e.claims[0].content, "الحل سياسي");
}

TEST(Speakers, WhereATitleIsHeldRunsUpToTheNameInApposition) {
  const auto e = run("وقال رئيس قسم الطوارئ في مستشفى الشفاء، الطبيب عادل حسن، إن الأسرّة ممتلئة. "
                     "وأكدت الناطقة باسم البلدية في الحي الشرقي، سلمى ناصر، أن المياه ستعود غداً.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].mention, "رئيس قسم الطوارئ في مستشفى الشفاء، الطبيب عادل حسن");
  EXPECT_EQ(e.claims[0].speaker, "عادل حسن");
  EXPECT_EQ(e.claims[0].content, "الأسرّة ممتلئة");
  EXPECT_EQ(e.claims[1].speaker, "سلمى ناصر");
  // Not where no name follows: a time, or the clause by which a source withholds its name.
  const auto f = run("قال الوزير في مؤتمر صحفي، الأحد، إن الخطة جاهزة.");
  ASSERT_EQ(f.claims.size(), 1u);
  EXPECT_EQ(f.claims[0].mention, "الوزير");
  const auto g = run("وقال مسؤول في الوزارة، طلب عدم الكشف عن اسمه، إن الخطة جاهزة.");
  ASSERT_EQ(g.claims.size(), 1u);
  EXPECT_EQ(g.claims[0].mention, "مسؤول في الوزارة");
}

TEST(Speakers, AnOriginBeforeTheNameInApposition) {
  const auto e = run("وقال مدرب الفريق، الإسباني خوان لوبيز، إن اللاعبين جاهزون. وأضاف لوبيز أن الملعب ممتلئ.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].mention, "مدرب الفريق، الإسباني خوان لوبيز");
  EXPECT_EQ(e.claims[0].speaker, "خوان لوبيز");
  EXPECT_EQ(e.claims[0].content, "اللاعبين جاهزون");
  EXPECT_EQ(e.claims[1].speaker, "خوان لوبيز");
  // An adjective that no name follows is no origin: "، الرسمية،" is not a person.
  const auto f = run("وقالت وكالة الأنباء، الرسمية، إن الطرق مغلقة.");
  ASSERT_EQ(f.claims.size(), 1u);
  EXPECT_EQ(f.claims[0].content, "الطرق مغلقة");
}

TEST(Speakers, ATitleForAPartyAndTheYearThatIsGeneral) {
  const auto e = run("وقالت النائبة عن حزب الأمة، رنا سليم، إن وزير الأشغال العامة لم يحضر. وأضافت سليم أن الجلسة تأجلت.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].mention, "النائبة عن حزب الأمة، رنا سليم");
  EXPECT_EQ(e.claims[1].speaker, "رنا سليم");
  const auto f = run("وأكد وزير الأشغال العامة أن الطرق آمنة.");
  ASSERT_EQ(f.claims.size(), 1u);
  EXPECT_EQ(f.claims[0].mention, "وزير الأشغال العامة");
}

TEST(Speakers, PluralsOfThingsAgreeInTheFeminine) {
  const auto e = run("وقال الوزير إن الدعم مستمر. وأعربت منظمات إغاثية عن قلقها، مطالبة بفتح المعابر.");
  ASSERT_EQ(e.claims.size(), 3u);
  EXPECT_EQ(e.claims[2].cue, "مطالبة");
  EXPECT_EQ(e.claims[2].speaker, "منظمات إغاثية");
}

TEST(Chains, NaqalaAnNamesTheOriginalSourceBeforeAComplementizer) {
  const auto e = run("ونقلت وكالة الأنباء عن مصدرين في الجيش أن القصف توقف.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "مصدرين في الجيش");
  EXPECT_EQ(e.claims[0].reported_by, "وكالة الأنباء");
}

TEST(Speakers, ObjectsThatAreNotSubjects) {
  // A definite non-source before بـ, an accusative statement, an addressee after an adjective.
  const auto e = run(
      "ونفت الحركة أي تورط، ووصفت الاتهامات بأنها كاذبة. وأصدرت الوزارة بيانا أكدت فيه أن الحدود آمنة. "
      "وأبلغ مسؤولون أوروبيون صحيفة الغد أن القمة تأجلت.");
  ASSERT_EQ(e.claims.size(), 4u);
  EXPECT_EQ(e.claims[1].mention, "");
  EXPECT_EQ(e.claims[1].speaker, "الحركة");
  EXPECT_EQ(e.claims[2].mention, "");
  EXPECT_EQ(e.claims[2].speaker, "الوزارة");
  EXPECT_EQ(e.claims[3].mention, "مسؤولون أوروبيون");
}

TEST(IndirectSpeech, AVerbFirstCueAfterACommaStartsANewStatement) {
  const auto e = run("وبينما قالت الحكومة إن الوضع هادئ، أكد ناشطون أن الاشتباكات مستمرة.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].content, "الوضع هادئ");
  EXPECT_EQ(e.claims[1].mention, "ناشطون");
}

TEST(Speakers, AbdAllahIsMasculine) {
  const auto e = run("«الوقت ينفد»، يقول الطبيب خالد عبد الله. ويضيف: «نحتاج إلى أدوية».");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[1].speaker, "خالد عبد الله");
}

TEST(Speakers, ARoleInABodyAndTheCountryItServes) {
  const auto e = run("وقالت ممثلة المنظمة في السودان، هند يوسف، إن المساعدات وصلت.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "ممثلة المنظمة في السودان، هند يوسف");
  EXPECT_EQ(run("وقال الوزير في القاهرة إن المحادثات بدأت.").claims[0].mention, "الوزير");
}

TEST(Speakers, DefiniteWordsWithoutANameAreABody) {
  const auto e = run("الصحة العالمية تحذر من موجة جديدة\n\nوحذرت منظمة الصحة العالمية من تفشي المرض.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].speaker, "منظمة الصحة العالمية");
  EXPECT_EQ(e.result.speakers.size(), 1u);
}

TEST(AccordingTo, AFrontedSourceRunsToItsComma) {
  const auto e = run("ووفقا لمصادر طبية في مستشفى المدينة، فإن حالة المصاب مستقرة.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "مصادر طبية في مستشفى المدينة");
  EXPECT_EQ(e.claims[0].content, "حالة المصاب مستقرة");
}

TEST(Chains, TheRelayedSourceWithAnAppositionOrAPrepositionalPhrase) {
  const auto e = run("ونقلت قناة الغد عن مدير المستشفى، الدكتور سامر حداد، قوله إن المصاب بخير.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].speaker, "سامر حداد");
  EXPECT_EQ(e.claims[0].reported_by, "قناة الغد");
  const auto f = run("ونقل الموقع عن مصرفيين مطلعين على الصفقة أن الطرح تأجل.");
  ASSERT_EQ(f.claims.size(), 1u);
  EXPECT_EQ(f.claims[0].mention, "مصرفيين مطلعين على الصفقة");
}

TEST(Speakers, WhatIsNeverTheSubjectAfterTheVerb) {
  // لـ with a possessive is the addressee; a definite plural in -ين is an object;
  // after لكنه the subject is the pronoun; withholding a name reports nothing.
  const auto e = run(
      "وقال المرشح إن النتائج مزورة. وقال لأنصاره: «سنطعن فيها». ودعت الهيئة المرشحين إلى الهدوء. "
      "وقال الوزير إن الحوار ممكن، لكنه وصف مطالب النقابة بأنها مبالغ فيها. وقال مسؤول رفض الكشف عن اسمه إن التحقيق مستمر.");
  ASSERT_EQ(e.claims.size(), 6u);
  EXPECT_EQ(e.claims[1].mention, "");
  EXPECT_EQ(e.claims[1].speaker, "المرشح");
  EXPECT_EQ(e.claims[2].mention, "الهيئة");
  EXPECT_EQ(e.claims[4].cue, "وصف");
  EXPECT_EQ(e.claims[4].mention, "");
  EXPECT_EQ(e.claims[4].speaker, "الوزير");
  EXPECT_EQ(e.claims[5].mention, "مسؤول");
}

TEST(Speakers, AnUnknownPluralStartingWithLamIsStillASubject) {
  const auto e = run("وأكد لاجئون وصلوا حديثا أنهم تعرضوا للنهب.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "لاجئون");
}

TEST(Speakers, DualAndPluralSourcesForDualAndPluralCues) {
  const auto e = run("وأعلنت النائبتان هدى سالم وريم ناصر أنهما ستصوتان ضد القانون. وقالتا: «القانون ظالم».");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[1].speaker, e.claims[0].speaker);
  EXPECT_FALSE(e.claims[1].speaker.empty());
  const auto f = run("وقال عدد من أولياء الأمور إنهم لم يبلغوا. وقالوا إن القرار مرتجل.");
  ASSERT_EQ(f.claims.size(), 2u);
  EXPECT_EQ(f.claims[0].mention, "عدد من أولياء الأمور");
  EXPECT_EQ(f.claims[1].speaker, "عدد من أولياء الأمور");
  // A coordinated title is one person: وزير الطاقة والمناجم.
  const auto g = run("وقال وزير الطاقة والمناجم، كمال سعدي، إن الإنتاج ثابت. وأضاف أن الأسعار مستقرة.");
  ASSERT_EQ(g.claims.size(), 2u);
  EXPECT_EQ(g.claims[1].speaker, "كمال سعدي");
}

TEST(AccordingTo, AlaHaddiQawlihiTakesTheSubjectOfTheSentence) {
  const auto e = run("ويبدو الباحث سعيد كامل أكثر حذرا؛ فالحديث عن اكتشاف كبير ما زال «سابقا لأوانه بكثير»، على حد قوله.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].cue, "على حد قوله");
  EXPECT_EQ(e.claims[0].type, "mixed");
  EXPECT_EQ(e.claims[0].content, "الحديث عن اكتشاف كبير ما زال «سابقا لأوانه بكثير»");
  EXPECT_EQ(e.claims[0].speaker, "سعيد كامل");
  // After a claim with its own cue it is no second claim.
  EXPECT_EQ(run("ويقر الوزير بأن الخطة «كانت متسرعة»، على حد تعبيره.").claims.size(), 1u);
}

TEST(Participles, AStanceOnANounObject) {
  const auto e = run("ونفى المسؤول تورط الموظفين، مستبعدا فرضية التواطؤ من الداخل.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[1].cue, "مستبعدا");
  EXPECT_EQ(e.claims[1].content, "فرضية التواطؤ من الداخل");
}

TEST(IndirectSpeech, LakinnahaWithACueStartsANewClaim) {
  const auto e = run("وقالت رئيسة البعثة إن الاقتراع جرى بهدوء، لكنها أعربت عن قلقها من ضعف المشاركة.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].content, "الاقتراع جرى بهدوء");
  EXPECT_EQ(e.claims[1].content, "قلقها من ضعف المشاركة");
  EXPECT_EQ(e.claims[1].speaker, "رئيسة البعثة");
}

TEST(DirectQuotes, ThummaStartsTheNextCueAfterAPostposedQuote) {
  const auto e = run("\"تعلمت الكثير\"، يقول الممثل فادي حنا في مقابلة مع مجلة الفن، ثم يضيف: \"الدور غيرني\".");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].content, "تعلمت الكثير");
  EXPECT_EQ(e.claims[0].speaker, "فادي حنا");
  EXPECT_EQ(e.claims[1].content, "الدور غيرني");
}

TEST(Speakers, ACircumstantialAfterThePostposedCueIsNoSubject) {
  const auto e = run("وقالت الناشطة ريم سعد إن الشاطئ للجميع. «بدأنا بخمسة أشخاص»، تقول ضاحكة. «لن نتوقف»، تضيف بحزم.");
  ASSERT_EQ(e.claims.size(), 3u);
  EXPECT_EQ(e.claims[1].mention, "");
  EXPECT_EQ(e.claims[1].speaker, "ريم سعد");
  EXPECT_EQ(e.claims[2].speaker, "ريم سعد");
  EXPECT_EQ(run("«لن نقبل»، قالت زاخاروفا.").claims[0].speaker, "زاخاروفا");
}

TEST(Speakers, ASubjectWithAClosedApposition) {
  const auto e = run("وبحسب الصحفي سامي نور، فإن رئيس النادي، هشام الحلو، أبلغ المقربين منه بأنه يفضل البيع.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[1].cue, "أبلغ");
  EXPECT_EQ(e.claims[1].speaker, "هشام الحلو");
}

TEST(Participles, AKnownNameAsTheSubjectOfANonReportingVerb) {
  const auto e = run("وقال النائب باسل الخزرجي إن الموازنة تأخرت. وردّ الخزرجي على المنتقدين، نافيا وجود دوافع سياسية.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[1].cue, "نافيا");
  EXPECT_EQ(e.claims[1].speaker, "باسل الخزرجي");
}

TEST(Speakers, ADocumentIssuedByABodyBeforeItsVerb) {
  const auto e = run("وكان أمر الإحالة الصادر عن النيابة قد أفاد بأن المتهم تقاضى رشوة.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].mention, "أمر الإحالة الصادر عن النيابة");
}

TEST(Speakers, APersonInTheNarrationIsThePostposedCuesSource) {
  const auto e = run(
      "في الصباح الباكر، تقف ريما الحاج على الرمل وتنظر إلى البحر.\n\n«بدأنا بخمسة أشخاص وهاتف واحد»، تقول. "
      "«اليوم لدينا آلاف المتطوعين»، تضيف. وأكدت الشركة ببيان مقتضب أن المشروع قانوني.");
  ASSERT_EQ(e.claims.size(), 3u);
  EXPECT_EQ(e.claims[0].speaker, "ريما الحاج");
  EXPECT_EQ(e.claims[1].speaker, "ريما الحاج");
  EXPECT_EQ(e.claims[2].mention, "الشركة");
}

TEST(DirectQuotes, AQuoteThatIsTheNextSentenceGoesOnWithThePostposedCue) {
  const auto e = run("وقالت الناشطة ريم سعد إن الشاطئ للجميع.\n\n«بدأنا بخمسة»، تقول ضاحكة. «اليوم نحن آلاف».");
  ASSERT_EQ(e.claims.size(), 3u);
  EXPECT_EQ(e.claims[2].content, "اليوم نحن آلاف");
  EXPECT_EQ(e.claims[2].cue, "تقول");
  EXPECT_EQ(e.claims[2].speaker, "ريم سعد");
}

TEST(Speakers, BiPhrasesAreNeverTheSubject) {
  const auto e = run("وقالت الناشطة ريم سعد إن الشاطئ للجميع. «دعهم يقولون»، تعلّق باقتضاب. "
                     "أما الشركة فاكتفت ببيان مقتضب أكدت فيه أن المشروع قانوني.");
  ASSERT_EQ(e.claims.size(), 3u);
  EXPECT_EQ(e.claims[1].speaker, "ريم سعد");
  EXPECT_EQ(e.claims[2].mention, "");
}

TEST(CueMorphology, VerbsOfExplainingCommentingAndChanting) {
  EXPECT_EQ(run("«كنت أكتب تقارير لا يقرؤها أحد»، تشرح المهندسة سلمى.").claims.size(), 1u);
  EXPECT_EQ(run("وهتف المتظاهرون: «البحر لنا».").claims.size(), 1u);
}

TEST(DirectQuotes, AQuoteSplitByItsCue) {
  const auto e = run("«لا يزال أمامنا وقت»، قال المبعوث سامر خليل في ختام إحاطته، «لكن هذا الوقت ينفد بسرعة».");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].content, "لا يزال أمامنا وقت");
  EXPECT_EQ(e.claims[1].content, "لكن هذا الوقت ينفد بسرعة");
  EXPECT_EQ(e.claims[1].speaker, "سامر خليل");
  const auto f = run("\"أي تراجع يتحدثون عنه؟\" تقول سعاد إبراهيم، وهي موظفة.");
  ASSERT_EQ(f.claims.size(), 1u);
  EXPECT_EQ(f.claims[0].speaker, "سعاد إبراهيم");
}

TEST(IndirectSpeech, ADescriptionSetOffByCommasBeforeTheContent) {
  const auto e = run("وقالت رزان الخطيب، وهي طالبة جاءت من إربد مع صديقاتها، إنها تحفظ الأغاني منذ طفولتها.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].content, "تحفظ الأغاني منذ طفولتها");
}

TEST(AccordingTo, AFrontedSourceOverAClauseWithItsOwnVerb) {
  const auto e = run("وبحسب وكالة الأنباء الرسمية، أبلغ الرئيس، سامي نور، نظراءه في جلسة مغلقة بأن بلاده مستعدة.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].cue, "بحسب");
  EXPECT_EQ(e.claims[0].content, "أبلغ الرئيس، سامي نور، نظراءه في جلسة مغلقة بأن بلاده مستعدة");
  EXPECT_EQ(e.claims[1].cue, "أبلغ");
  EXPECT_EQ(e.claims[1].speaker, "سامي نور");
  EXPECT_EQ(e.claims[1].reported_by, "وكالة الأنباء الرسمية");
}

TEST(IndirectSpeech, AnEstimateHoldsItsObjectAndItsBiPhrase) {
  const auto e = run("وقدّر الوزير كلفة إعادة الإعمار بنحو 300 مليار دولار.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].content, "كلفة إعادة الإعمار بنحو 300 مليار دولار");
}

TEST(CueMorphology, AgreeingAndComplaining) {
  const auto e = run("وأجمع الحاضرون على أن الحفل كان ناجحا. واشتكى متفرجون من ضعف الصوت.");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].content, "الحفل كان ناجحا");
  EXPECT_EQ(e.claims[1].content, "ضعف الصوت");
}

TEST(IndirectSpeech, AVerbDescribingAnUnnamedSourceIsSkipped) {
  const auto e = run("وقال مسؤولون غربيون يتابعون الوضع في المنطقة إن الهجمات تزايدت.");
  ASSERT_EQ(e.claims.size(), 1u);
  EXPECT_EQ(e.claims[0].cue, "قال");
  EXPECT_EQ(e.claims[0].content, "الهجمات تزايدت");
  const auto f = run("«لم أكن أريد ذلك»، يقول الممثل فادي حنا، ثم يتابع: «أردت أن أفهم».");
  ASSERT_EQ(f.claims.size(), 2u);
  EXPECT_EQ(f.claims[1].cue, "يتابع");
}
