#include "ar/noun_phrase.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

namespace isnad::ar {

// Literals as string views: their lengths are known at compile time, where a
// char16_t pointer would have its length counted at every comparison.
using namespace std::string_view_literals;

namespace {

bool starts_with(std::u16string_view s, std::u16string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::u16string_view s, std::u16string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_comma(char16_t c) { return c == u'\u060C' || c == u','; }
bool is_quote_mark(char16_t c) { return c == u'"' || c == u'\u201C' || c == u'\u201D' || c == u'\u00AB' || c == u'\u00BB'; }

bool is_latin(std::u16string_view word) {
  if (word.empty()) return false;
  UChar32 c;
  size_t i = 0;
  U16_NEXT(word.data(), i, word.size(), c);
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_LATIN;
}

bool is_unnamed_plural(std::u16string_view key, uint32_t classes) {
  return !(classes & kNameToken) && !starts_with(key, u"ال"sv) && key.size() > 4 && ends_with(key, u"ون"sv);
}

bool ends_in_ta_marbuta(std::u16string_view word) {
  while (!word.empty() && (u_charType(word.back()) == U_NON_SPACING_MARK || word.back() == u'\u0640'))
    word.remove_suffix(1);
  return !word.empty() && word.back() == u'\u0629';
}

bool is_digits(std::u16string_view key) {
  for (char16_t c : key)
    if (c < u'0' || c > u'9') return false;
  return !key.empty();
}

// A complementizer by the lexicon (`classes`), or أنّ with a conjunction or
// بـ before it and a pronoun after it: بأنه، فإنها، إننا.
bool is_complementizer_form(std::u16string_view key, uint32_t classes) {
  if (classes & kComplementizer) return true;
  if (key.size() > 2 && (key[0] == u'ب' || key[0] == u'ف' || key[0] == u'و')) key.remove_prefix(1);
  if (!starts_with(key, u"ان"sv)) return false;
  static const std::u16string_view kPronouns[] = {u""sv, u"ه"sv, u"ها"sv, u"هم"sv, u"هما"sv, u"هن"sv, u"نا"sv, u"ني"sv, u"ي"sv, u"كم"sv};
  for (std::u16string_view p : kPronouns)
    if (key.substr(2) == p) return true;
  return false;
}

}  // namespace

std::u16string_view without_article(std::u16string_view key) {
  if (key.size() > 3 && starts_with(key, u"ال"sv)) key.remove_prefix(2);
  return key;
}

NounPhrases::NounPhrases(const Tokens& tokens) : tokens_(tokens), lexicon_(Lexicon::get()) {
  // Filled in place: a Facts built aside and copied in would be read back
  // whole right after its fields were written one by one, which stalls. Each
  // is written once, in order, rather than zeroed first and written again.
  facts_.reserve(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    Facts& f = facts_.emplace_back();
    if (!tokens.is_word(i)) continue;
    const std::u16string_view key = tokens.key(i);
    const Lexicon::Reading reading = lexicon_.read(key);
    f.cue = reading.cue;
    f.classes = reading.classes;
    f.written_classes = reading.written_classes;
    f.cue_prefix = reading.cue_prefix;
    f.complementizer = key.size() <= 6 && is_complementizer_form(key, reading.classes);
    f.ali = key == u"علي"sv && tokens.text(i).back() == u'\u064A';  // a word is never empty
    f.verbal_noun_with_pronoun = reading.verbal_noun_with_pronoun;
    f.negator = (reading.markers & kNegator) != 0;
    f.withheld = (reading.written_markers & kWithheld) != 0;
    f.saying = (reading.written_markers & kSaying) != 0;
  }
}

bool NounPhrases::is_name_like(size_t token) const {
  if (!tokens_.is_word(token)) return false;
  const std::u16string_view key = tokens_.key(token);
  if (is_latin(key)) return true;
  const uint32_t c = facts_[token].written_classes;
  if ((c & kNameToken) || facts_[token].ali) return true;
  return c == 0 && !starts_with(key, u"ال"sv) && !cue(token) && !is_digits(key) && !is_verbal_noun_with_pronoun(token);
}

uint32_t NounPhrases::classes_after_lam(std::u16string_view key) const {
  // للأمم is لـ + الأمم: the article's alef is not written after لـ.
  if (starts_with(key, u"لل"sv)) return lexicon_.classes(u"ال" + std::u16string(key.substr(2))) | lexicon_.classes(key.substr(2));
  return lexicon_.classes(key.substr(1));
}

bool NounPhrases::is_name_word(size_t token, bool first) const {
  if (is_name_like(token)) return true;
  // Family names with the article: علي الكبيسي، سامح العريان.
  const std::u16string_view key = tokens_.key(token);
  return !first && starts_with(key, u"ال"sv) && facts_[token].written_classes == 0 && !cue(token);
}

bool NounPhrases::is_nisba_before_name(size_t token) const {
  if (!tokens_.is_word(token) || (facts_[token].written_classes & ~kAdjective)) return false;
  const std::u16string_view key = tokens_.key(token);
  if (key.size() < 6 || !starts_with(key, u"ال"sv) || !(ends_with(key, u"ي"sv) || ends_with(key, u"يه"sv))) return false;
  const size_t next = next_non_space(token + 1);
  return tokens_.is_word(next) && ((classes(next) & kNameToken) || is_name_like(next));
}

bool NounPhrases::closes_apposed_name(size_t comma) const {
  size_t j = previous_non_space(comma);
  for (size_t words = 0; j != SIZE_MAX && words < 4; ++words, j = previous_non_space(j)) {
    if (!tokens_.is_word(j)) return words > 0 && is_comma(tokens_.punct(j));
    if (!(classes(j) & kNameToken) && !is_name_word(j, false)) return false;
  }
  return false;
}

size_t NounPhrases::comma_before_apposed_name(size_t from) const {
  // Plain words up to the comma: no cue, complementizer, time or conjunction.
  const auto plain = [&](size_t m) {
    return !cue(m) && !is_complementizer(m) && !(classes(m) & (kTime | kConjunction)) && !facts_[m].ali;
  };
  size_t words = 0;
  size_t comma = from;
  for (; comma < tokens_.size(); ++comma) {
    if (tokens_[comma].kind == TokenKind::Space) continue;
    if (tokens_[comma].kind != TokenKind::Word) break;
    if (++words > 8 || !plain(comma)) return SIZE_MAX;
  }
  if (comma >= tokens_.size() || words < 2 || !is_comma(tokens_.punct(comma))) return SIZE_MAX;
  const size_t first = next_non_space(comma + 1);
  if (!tokens_.is_word(first) || !(classes(first) & (kTitle | kTitleFeminine | kNameToken))) return SIZE_MAX;
  size_t name_words = 0;
  for (size_t m = first; m < tokens_.size(); ++m) {
    if (tokens_[m].kind == TokenKind::Space) continue;
    if (tokens_[m].kind != TokenKind::Word) return is_comma(tokens_.punct(m)) && name_words > 0 ? comma : SIZE_MAX;
    if (++name_words > 6 || (m != first && !plain(m))) return SIZE_MAX;
  }
  return SIZE_MAX;
}

bool NounPhrases::is_addressee(size_t token) const {
  const std::u16string_view key = tokens_.key(token);
  if (key.size() > 3 && starts_with(key, u"لل"sv)) return true;
  return key.size() > 2 && key[0] == u'ل' && (lexicon_.classes(key.substr(1)) & (kSpeakerHead | kNameToken));
}

std::optional<Phrase> NounPhrases::after(size_t token, bool require_head, bool attached_lam, bool bi_object) const {
  size_t i = next_non_space(token);
  if (i >= tokens_.size()) return std::nullopt;
  // "أكد كل من وزير الداخلية ووزير الصحة": the sources follow "كل من".
  if (tokens_.is_word(i) && tokens_.key(i) == u"كل"sv) {
    const size_t min = next_non_space(i + 1);
    if (tokens_.is_word(min) && tokens_.key(min) == u"من"sv) i = next_non_space(min + 1);
  }
  // A bare quoted name (بحسب “بلومبرغ”) is the name without its marks.
  const char16_t mark = tokens_.punct(i);
  if (mark == u'"' || mark == u'\u201C' || mark == u'\u201D' || mark == u'\u00AB') {
    size_t words = 0;
    for (size_t j = i + 1; j < tokens_.size() && words <= 4; ++j) {
      if (tokens_.is_word(j)) {
        ++words;
        continue;
      }
      if (tokens_[j].kind == TokenKind::Space) continue;
      const char16_t c = tokens_.punct(j);
      if ((c == u'"' || c == u'\u201D' || c == u'\u201C' || c == u'\u00BB') && words > 0)
        return Phrase{static_cast<uint32_t>(i + 1), static_cast<uint32_t>(j - 1), tokens_[i + 1].start,
                      tokens_[j - 1].end, static_cast<uint32_t>(j + 1)};
      if (c != u'+' && c != u'-') break;
    }
    return std::nullopt;
  }

  enum class Last { None, Head, Definite, KnownName, Name, Number } last_kind = Last::None;
  size_t words = 0;
  size_t last = i;
  bool head_evidence = false;
  bool after_title = false;  // names introduced by a title run on: الدكتور معين عبدالملك
  size_t name_words = 0;
  size_t words_since_title = SIZE_MAX;  // SIZE_MAX: no title yet
  size_t appositions = 0;
  bool last_is_head = false;  // a definite head (الوزير) takes adjectives only; a genitive (قوات الدعم) more
  for (size_t j = i; j < tokens_.size() && words < 12; ++j) {
    const Token& t = tokens_[j];
    if (t.kind == TokenKind::Space) continue;
    if (t.kind == TokenKind::LineBreak) break;
    if (t.kind == TokenKind::Punctuation) {
      const char16_t c = tokens_.punct(j);
      if (c == u'+' && j == last + 1 && words > 0) {  // أوبك+
        last = j;
        continue;
      }
      if (is_comma(c) && words > 0) {
        // Apposition set off by commas: "المتحدث باسم الكرملين، دميتري بيسكوف،".
        const size_t k = next_non_space(j + 1);
        const uint32_t kc = classes(k);
        if (!tokens_.is_word(k) || ((kc & kNounPhraseEnd) && !facts_[k].ali) || is_complementizer(k) || cue(k)) break;
        const bool nisba = is_nisba_before_name(k);
        if (!(kc & (kTitle | kTitleFeminine | kNameToken)) && !is_name_like(k) && !nisba) break;
        // One apposition, and not a phrase with بـ or لـ ("، بتصريحات لوكالة …").
        const std::u16string_view first_key = tokens_.key(k);
        if (appositions++ > 0 || (!(kc & kNameToken) && (first_key[0] == u'ب' || first_key[0] == u'ل'))) break;
        size_t end = k;
        size_t appositive_words = 0;
        // A role (، وزير الخارجية في …،) may run long; a name is a few name words.
        const bool role = kc & (kTitle | kTitleFeminine);
        for (size_t m = k; m < tokens_.size() && appositive_words < 10; ++m) {
          if (tokens_[m].kind == TokenKind::Space) continue;
          if (tokens_[m].kind != TokenKind::Word) {
            if (tokens_.punct(m) == u'+' || tokens_.punct(m) == u'-') continue;
            break;
          }
          if (((classes(m) & (kComplementizer | kTime | kConjunction)) && !facts_[m].ali) || is_complementizer(m) ||
              cue(m))
            break;
          // After an origin (البلجيكي) the name's first word comes second.
          const bool lead = nisba && m == k;
          const size_t most_words = nisba ? 5 : 4;
          const bool first_name_word = appositive_words == (nisba ? 1u : 0u);
          if (!role && !lead && (appositive_words >= most_words || !is_name_word(m, first_name_word))) break;
          ++appositive_words;
          end = m;
        }
        // A name in apposition is set off: a comma, the content or an addressee
        // follows it. "بحسب المنظمة، تراجعت نسبة الأطفال …" starts a clause instead.
        // After a body or an outlet (وكالة الأنباء، سانا،) the name must be closed off.
        if (!role) {
          const size_t after = next_non_space(end + 1);
          const bool person = classes(i) & (kTitle | kTitleFeminine | kNameToken);
          const bool closed = after >= tokens_.size() || is_comma(tokens_.punct(after)) || is_complementizer(after);
          if (!closed && (!person || (tokens_.is_word(after) && !(classes(after) & kNounPhraseEnd) &&
                                      !cue(after) && !is_addressee(after))))
            break;
        }
        last = end;
        words += appositive_words;
        head_evidence = true;
        j = end;
        last_kind = Last::Name;
        continue;
      }
      const bool opening_quote = c == u'"' || c == u'\u201C' || c == u'\u00AB' || c == u'\u201D';
      if (opening_quote && last_kind == Last::Head) {  // وكالة “بلومبرغ”
        size_t m = j + 1;
        while (m < tokens_.size() && m < j + 8 && tokens_[m].kind != TokenKind::Punctuation &&
               tokens_[m].kind != TokenKind::LineBreak)
          ++m;
        const char16_t closing = tokens_.punct(m);
        if (closing == u'"' || closing == u'\u201D' || closing == u'\u201C' || closing == u'\u00BB') {
          last = m;
          j = m;
          ++words;
          head_evidence = true;
          last_kind = Last::Name;
          continue;
        }
      }
      break;
    }
    std::u16string_view key = tokens_.key(j);
    uint32_t c = classes(j);
    if (words == 0 && attached_lam && key.size() > 2) {
      key.remove_prefix(1);
      c = lexicon_.classes(key);
    }
    // "الأمين العام", "الأشغال العامة": right after a definite word or a head,
    // العام is "general"; the year has its own adjective (العام الماضي).
    if (words > 0 && (key == u"العام"sv || key == u"العامه"sv) &&
        (starts_with(tokens_.key(last), u"ال"sv) || (classes(last) & (kTitle | kTitleFeminine | kOrganization)))) {
      const size_t n = next_non_space(j + 1);
      const std::u16string_view next = tokens_.is_word(n) ? tokens_.key(n) : std::u16string_view();
      if (next != u"الماضي"sv && next != u"المقبل"sv && next != u"الجاري"sv && next != u"الحالي"sv && next != u"المنصرم"sv)
        c = kAdjective;
    }
    // "تقرير لصحيفة فايننشال تايمز": after a document, لـ marks its author.
    const bool authored = words > 0 && last_kind == Last::Head && (classes(last) & kDocument) && key.size() > 2 &&
                          key[0] == u'ل' && (lexicon_.classes(key.substr(1)) & (kMedia | kOrganization));
    const bool is_head =
        authored || (c & (kTitle | kTitleFeminine | kOrganization | kMedia | kGroup | kDocument | kState));
    if (words == 0) {
      if ((c & kNounPhraseEnd) && !is_head) return std::nullopt;
      if (!attached_lam && is_addressee(j)) return std::nullopt;  // "أكدوا لوكالة فرانس برس أن"
      // "أكدت ببيان مقتضب": بـ on a known word or a definite one starts an adverbial.
      if (key.size() > 3 && key[0] == u'ب' && key != u"باسم"sv && !(c & kNameToken)) {
        const std::u16string_view rest = key.substr(1);
        if (starts_with(rest, u"ال"sv) || lexicon_.classes(rest)) return std::nullopt;
        if (const CueEntry* noun = lexicon_.read(rest).cue; noun && noun->form == CueForm::VerbalNoun) return std::nullopt;
      }
      // "وقال لأنصاره": لـ on a noun with a possessive pronoun is the addressee.
      if (!attached_lam && key.size() > 4 && key[0] == u'ل' && c == 0 &&
          (ends_with(key, u"ه"sv) || ends_with(key, u"ها"sv) || ends_with(key, u"هم"sv) || ends_with(key, u"نا"sv)))
        return std::nullopt;
      // "ودعت المرشحين إلى …": a definite sound plural in -ين is accusative, an object.
      if (starts_with(key, u"ال"sv) && ends_with(key, u"ين"sv) && key.size() > 5 && !(c & (kNameToken | kSpeakerHead)))
        return std::nullopt;
      if (is_complementizer(j) || cue(j)) return std::nullopt;
      // "وتطالب بضمانات أمنية": after a verb that takes بـ, a بـ word is its
      // object, unless the object or content is still to come (ليجيب بوتين بأن …).
      if (bi_object && key.size() > 2 && key[0] == u'ب' && key != u"باسم"sv && !(c & kNameToken)) {
        const size_t k = next_non_space(j + 1);
        const std::u16string_view next = tokens_.is_word(k) ? tokens_.key(k) : std::u16string_view();
        if (!is_complementizer(k) && !(next.size() > 2 && next[0] == u'ب') && !is_comma(tokens_.punct(k)))
          return std::nullopt;
      }
    } else {
      // "الموقع الرسمي للاتحاد", "المتحدث الرسمي للحكومة": لـ and an
      // organisation after a title, an outlet or a body is a genitive.
      // "رئيس الاتحاد الدولي لكرة القدم": so is لـ on an indefinite noun with its own genitive.
      const bool titled_phrase = classes(i) & (kTitle | kTitleFeminine | kMedia | kOrganization | kDocument);
      const bool lam_construct = key.size() > 3 && key[0] == u'ل' && !starts_with(key, u"لل"sv) && !is_addressee(j) &&
                                 tokens_.is_word(next_non_space(j + 1)) &&
                                 starts_with(tokens_.key(next_non_space(j + 1)), u"ال"sv);
      // "الموقع الرسمي للوداد", "بيان للجيش": a site or a document and whose it is.
      const bool owned = (classes(i) & (kMedia | kDocument)) && starts_with(key, u"لل"sv) && key.size() > 4 &&
                         lexicon_.classes(key) == 0 && !ends_with(key, u"ين"sv) && !ends_with(key, u"ون"sv);
      const bool genitive = titled_phrase && key.size() > 3 && key[0] == u'ل' &&
                            ((classes_after_lam(key) & (kOrganization | kState)) || lam_construct || owned);
      // "مسؤول في وزارة التجارة", "مصادر في أوبك+": an unnamed source and where it sits.
      // "الخبيرة الاقتصادية في الجامعة الأمريكية": a title and where it is held.
      const bool unnamed_source = (last_kind == Last::Head && (classes(last) & kGroup)) ||
                                  (words == 1 && is_unnamed_plural(tokens_.key(last), classes(last)));
      const bool titled = after_title && name_words == 0 && !(classes(last) & kState);
      // "ممثلة اليونيسف في اليمن": a role in a body may name the country it
      // serves; right after a bare title (قال الوزير في القاهرة) في tells where he spoke.
      const uint32_t next = classes(next_non_space(j + 1));
      const bool posted = words_since_title != SIZE_MAX && words_since_title > 0 && appositions == 0 &&
                          !(classes(last) & kState) && (next & kState);
      // "السفيرة الأميركية لدى الأمم المتحدة", "النائبة عن حزب العدالة": a title
      // and where it is accredited or whom it represents.
      const bool accredited = (key == u"لدي"sv || key == u"عن"sv) && titled && (next & (kOrganization | kState));
      if (accredited || (key == u"في"sv && ((unnamed_source && (next & (kOrganization | kState | kMedia))) || posted ||
                                          (titled && (next & (kOrganization | kMedia)) && !(next & kState))))) {
        last_kind = Last::Head;
        continue;
      }
      // "الأستاذ في علم المناخ بجامعة الجزائر، الدكتور كريم زروقي،": where a
      // title is held runs up to the holder's name in apposition.
      if ((key == u"في"sv || key == u"عن"sv || key == u"لدي"sv) && words_since_title != SIZE_MAX && appositions == 0) {
        if (const size_t comma = comma_before_apposed_name(j); comma != SIZE_MAX) {
          for (size_t m = j; m < comma; ++m) words += tokens_.is_word(m);
          last = previous_non_space(comma);
          j = last;
          last_kind = Last::Definite;
          continue;
        }
      }
      // "الحكومة المعترف بها دولياً": a pronoun after بـ completes a definite adjective.
      if ((key == u"به"sv || key == u"بها"sv) && last_kind == Last::Definite) {
        last = j;
        continue;
      }
      // "عدد من أولياء الأمور"، "بعض من": a quantity of people and who they are.
      if (key == u"من"sv && words == 1 && (tokens_.key(last) == u"عدد"sv || tokens_.key(last) == u"بعض"sv)) {
        last_kind = Last::Head;
        continue;
      }
      // "بيان صادر عن الجيش": a document and who issued it.
      if (key == u"عن"sv && words > 0 && tokens_.key(last).find(u"صادر"sv) != std::u16string_view::npos) {
        last_kind = Last::Head;
        continue;
      }
      // "اتهمت موسكو واشنطن": a second state starts the object.
      if ((c & kState) && (classes(last) & kState)) break;
      // "أبلغ دبلوماسيون غربيون وكالة فرانس برس": after an adjective, a new
      // construct head starts the object.
      const std::u16string_view previous = tokens_.key(last);
      const bool after_adjective = !(classes(last) & (kSpeakerHead | kNameToken)) &&
                                   (ends_with(previous, u"ي"sv) || ends_with(previous, u"يه"sv) ||
                                    ends_with(previous, u"يون"sv) || ends_with(previous, u"يين"sv));
      if (is_head && !authored && !starts_with(key, u"ال"sv) && key[0] != u'ل' && key[0] != u'و' && key[0] != u'ب' &&
          after_adjective)
        break;
      // "اتهمت الحكومة المعارضة": a second definite body after a definite one is the object.
      if ((c & kOrganization) && starts_with(key, u"ال"sv) && last_kind == Last::Definite &&
          (classes(last) & (kOrganization | kState)))
        break;
      if ((c & kNounPhraseEnd) && !is_head && !(facts_[j].ali && after_title)) break;
      if (is_complementizer(j)) break;
      if (is_addressee(j) && !authored && !genitive) {
        // "المديرة الإقليمية للمنظمة، رين بولسن": a genitive لـ inside a title
        // when a name follows; otherwise the addressee after the subject.
        const size_t comma = next_non_space(j + 1);
        const size_t name = next_non_space(comma + 1);
        const bool apposition = after_title && name_words == 0 && comma < tokens_.size() &&
                                is_comma(tokens_.punct(comma)) && (classes(name) & kNameToken || is_name_like(name));
        if (!apposition) break;
      }
      if (cue(j) && !is_head) break;
      // بـ attached to a later word starts an object (بضرورة، بالكاذبة).
      if (key.size() > 2 && key[0] == u'ب' && key != u"باسم"sv && !(c & kNameToken) &&
          (bi_object || starts_with(key.substr(1), u"ال"sv) || lexicon_.classes(key.substr(1))))
        break;
      // After a definite word only an adjective follows (الرئيس الروسي), not
      // an object (الوزير القرار).
      // A feminine head takes a feminine adjective (الهيئة المستقلة).
      const bool agreeing_feminine = ends_with(key, u"ه"sv) && ends_with(tokens_.key(last), u"ه"sv);
      if (last_kind == Last::Definite && last_is_head && starts_with(key, u"ال"sv) && !is_head && !(c & kAdjective) &&
          !agreeing_feminine &&
          !ends_with(key, u"ي"sv) && !ends_with(key, u"يه"sv) && !ends_with(key, u"يين"sv) && !ends_with(key, u"يون"sv))
        break;
      const bool coordinated_genitive = last_kind == Last::Definite && !last_is_head && starts_with(key, u"وال"sv);
      // "وسائل إعلام محلية": an indefinite nisba after an indefinite genitive.
      const bool indefinite_nisba = last_kind == Last::Name && !last_is_head && !(c & ~kAdjective) &&
                                    key.size() > 3 && (ends_with(key, u"يه"sv) || ends_with(key, u"ي"sv)) &&
                                    !(classes(last) & kNameToken) && !after_title;
      // "قدّر الوزير كلفة الإعمار": after a masculine title a word in ة is the object, not his name.
      const bool after_masculine_title = after_title && (classes(last) & kTitle) && !(classes(last) & kTitleFeminine);
      if (after_masculine_title && c == 0 && !starts_with(key, u"ال"sv) && ends_in_ta_marbuta(tokens_.text(j)))
        break;
      const bool accepted = last_kind == Last::Head || last_kind == Last::Number || starts_with(key, u"ال"sv) ||
                            indefinite_nisba ||
                            coordinated_genitive || genitive || (c & kAdjective) || is_head || (c & kNameToken) ||
                            ((last_kind == Last::KnownName || after_title) && is_name_like(j));
      if (!accepted) break;
    }
    // Evidence that the phrase names a source comes from its first word; the
    // object of a verb may hold titles further in ("تلقي الرئيس …").
    if (words == 0) head_evidence = is_head || (c & kNameToken) || is_latin(key);
    ++words;
    last = j;
    // A title (الدكتور) lets an unknown name follow it, two words at most
    // (معين عبدالملك); an organisation inside the title (قوات الدعم) does not.
    words_since_title = (c & (kTitle | kTitleFeminine)) ? 0 : words_since_title + (words_since_title != SIZE_MAX);
    if (c & (kTitle | kTitleFeminine)) {
      after_title = true;
      name_words = 0;
    } else if (is_head) {
      after_title = false;
    } else if (!starts_with(key, u"ال"sv) && !(c & kNameToken)) {
      after_title = after_title && ++name_words < 2;
    }
    last_is_head = is_head;
    if (is_digits(key) || (c & kNumber))
      last_kind = Last::Number;
    else if (is_head && !starts_with(key, u"ال"sv))
      last_kind = Last::Head;  // construct head: وزارة، وكالة، مصادر
    else if (c & kNameToken)
      last_kind = Last::KnownName;
    else if (starts_with(key, u"ال"sv))
      last_kind = Last::Definite;
    else
      last_kind = Last::Name;
  }
  if (words == 0 || (require_head && !head_evidence)) return std::nullopt;
  // "تقول ضاحكةً"، "قال مبتسماً": one unknown word shaped as a participle
  // (فاعلة، مُفعِلة) or with the accusative tanween is a circumstantial, not the
  // subject; names such as فاطمة are known name words.
  if (words == 1 && last == i && classes(i) == 0 && !is_latin(tokens_.key(i))) {
    const std::u16string_view key = tokens_.key(i);
    const std::u16string_view text = tokens_.text(i);
    const bool participle_shape = key.size() >= 4 && (key[1] == u'ا' || key[0] == u'م');
    // "تعلّق باقتضاب"، "قال بتأثر": بـ and a verbal noun of the derived forms.
    if (starts_with(key, u"با"sv) || starts_with(key, u"بت"sv)) return std::nullopt;
    if (!starts_with(key, u"ال"sv) && ((ends_in_ta_marbuta(text) && participle_shape) ||
                                     text.find(u'\u064B') != std::u16string_view::npos))
      return std::nullopt;
  }
  return Phrase{static_cast<uint32_t>(i), static_cast<uint32_t>(last), tokens_[i].start, tokens_[last].end,
                static_cast<uint32_t>(last + 1)};
}

std::optional<Phrase> NounPhrases::before(size_t token) const {
  size_t j = previous_non_space(token);
  // "وكان الرئيس قد صرح": the particle قد stands between subject and verb.
  if (j != SIZE_MAX && tokens_.is_word(j)) {
    const std::u16string_view k = tokens_.key(j);
    if (k == u"قد"sv || k == u"لقد"sv) j = previous_non_space(j);
  }
  // "أصدرت الوزارة بيانا أكدت فيه": an accusative document before the verb
  // is the object of another verb; this one's subject is implied.
  if (j != SIZE_MAX && tokens_.is_word(j)) {
    const std::u16string_view k = tokens_.key(j);
    if (k.size() > 3 && ends_with(k, u"ا"sv) && !starts_with(k, u"ال"sv)) {
      const std::u16string_view stem = k.substr(0, k.size() - 1);
      const CueEntry* noun = lexicon_.read(stem).cue;
      if ((lexicon_.classes(stem) & kDocument) || (noun && noun->form == CueForm::VerbalNoun)) return std::nullopt;
    }
  }
  size_t words = 0;
  size_t first = SIZE_MAX;
  uint32_t start = 0;
  // A subject stands at the start of its clause: after a sentence end, a
  // conjunction, a complementizer or an auxiliary, not after a preposition
  // ("في خطوة قال محللون" has no subject before قال).
  bool clause_start = true;
  while (j != SIZE_MAX) {
    const Token& t = tokens_[j];
    if (t.kind == TokenKind::LineBreak) break;
    if (t.kind == TokenKind::Punctuation) {
      const char16_t c = tokens_.punct(j);
      // "رئيس الوداد، هشام الشرقاوي، أبلغ": the comma that closes an apposed name.
      if (is_comma(c) && (words > 0 || closes_apposed_name(j))) {
        j = previous_non_space(j);
        continue;
      }
      // أوبك+، صحيفة "المساء": the sign and quote marks around a name are inside the phrase.
      if (c == u'+' || is_quote_mark(c)) {
        j = previous_non_space(j);
        continue;
      }
      clause_start = c == u'.' || c == u'!' || c == u'?' || c == u'\u061F' || c == u':' || is_comma(c);
      break;
    }
    const std::u16string_view key = tokens_.key(j);
    const uint32_t c = classes(j);
    const bool is_head = c & (kSpeakerHead | kNameToken);
    if (key == u"عن"sv && words > 0) {  // أمر الإحالة الصادر عن النيابة
      const size_t p = previous_non_space(j);
      if (p != SIZE_MAX && tokens_.is_word(p) && tokens_.key(p).find(u"صادر"sv) != std::u16string_view::npos) {
        j = p;
        continue;
      }
    }
    if (key == u"في"sv && words > 0) {  // مصادر في أوبك+
      const size_t p = previous_non_space(j);
      if (p != SIZE_MAX && (classes(p) & kGroup)) {
        j = p;
        continue;
      }
    }
    // "فاكتفت ببيان مقتضب أكدت فيه": a بـ phrase is never the subject.
    if (key.size() > 3 && key[0] == u'ب' && key != u"باسم"sv && !(c & kNameToken) &&
        (starts_with(key.substr(1), u"ال"sv) || lexicon_.classes(key.substr(1))))
      return std::nullopt;
    const bool standalone_conjunction = (lexicon_.classes(key) & kConjunction) != 0;
    if (standalone_conjunction || (c & kAuxiliary) || is_complementizer(j)) break;
    if ((c & (kPreposition | kComplementizer | kTime | kStop | kAccordingTo)) || cue(j)) {
      clause_start = false;
      break;
    }
    // فوزي after a name or a title is a name, not ف + a word.
    const size_t p = previous_non_space(j);
    const bool inside_name = p != SIZE_MAX && tokens_.is_word(p) && (classes(p) & (kTitle | kTitleFeminine | kNameToken));
    if (key.size() > 2 && (key[0] == u'و' || key[0] == u'ف') &&
        !(lexicon_.classes(key) & (kSpeakerHead | kNameToken)) && !inside_name) {
      // A clause-initial و: keep the word without it if it names a source,
      // otherwise it is the clause's verb (وواصلت إدارة ترامب القول).
      if (is_head) {
        first = j;
        start = after_first_letter(tokens_.source(), t.start, t.end);
        ++words;
      }
      break;
    }
    first = j;
    start = t.start;
    if (++words > 8) return std::nullopt;
    j = previous_non_space(j);
  }
  if (first == SIZE_MAX || !clause_start) return std::nullopt;
  size_t last = previous_non_space(token);
  if (tokens_.is_word(last) && (tokens_.key(last) == u"قد"sv || tokens_.key(last) == u"لقد"sv))
    last = previous_non_space(last);
  while (last != SIZE_MAX && last > first && !tokens_.is_word(last) && tokens_.punct(last) != u'+' &&
         !is_quote_mark(tokens_.punct(last)))
    last = previous_non_space(last);
  return Phrase{static_cast<uint32_t>(first), static_cast<uint32_t>(last), start, tokens_[last].end,
                static_cast<uint32_t>(last + 1)};
}

// Two or more people in one mention: a dual title (النائبتان، الوزيران) or
// names joined by و (هدى منصور وريم الشامي).
Number NounPhrases::person_number(const std::vector<PhraseWord>& words) const {
  const std::u16string_view head = words[0].key;
  for (std::u16string_view dual : {u"تان"sv, u"ان"sv, u"تا"sv}) {
    if (head.size() < dual.size() + 3 || !ends_with(head, dual)) continue;
    std::u16string stem(head.substr(0, head.size() - dual.size()));
    if (dual != u"ان"sv) stem += u'ه';
    if (lexicon_.classes(stem) & (kTitle | kTitleFeminine)) return Number::Dual;
  }
  size_t conjuncts = 1;
  for (size_t w = 1; w < words.size(); ++w) {
    const std::u16string_view key = words[w].key;
    if (key.size() > 2 && key[0] == u'و' && !starts_with(key, u"وال"sv) &&
        (is_name_like(words[w].token) || (lexicon_.classes(key.substr(1)) & kNameToken)) &&
        !(words[w].classes & kNameToken))
      ++conjuncts;
  }
  return conjuncts == 1 ? Number::Singular : conjuncts == 2 ? Number::Dual : Number::Plural;
}

Mention NounPhrases::analyse(const Phrase& phrase) const {
  Mention m;
  m.span = Span{phrase.start, phrase.end};
  std::vector<PhraseWord>& words = phrase_words_;
  words.clear();
  bool comma = false;
  for (size_t j = phrase.first; j <= phrase.last && j < tokens_.size(); ++j) {
    if (tokens_.is_word(j)) {
      // A و or ل cut off the phrase's first word is not part of its key.
      std::u16string_view key = tokens_.key(j);
      if (j == phrase.first && tokens_[j].start < phrase.start) {
        key = strip_conjunction(key);
        if (key.size() > 2 && key[0] == u'ل') key.remove_prefix(1);
      }
      const uint32_t classes = key.size() == tokens_.key(j).size() ? facts_[j].written_classes : lexicon_.classes(key);
      words.push_back(PhraseWord{j, key, classes, comma});
      comma = false;
    } else if (is_comma(tokens_.punct(j))) {
      comma = !words.empty();
    }
  }
  if (words.empty()) return m;
  size_t head = 0;
  while (head + 1 < words.size() && is_digits(words[head].key)) ++head;
  // "عدد من أولياء الأمور"، "بعض المسؤولين": unnamed people, however they are named.
  const std::u16string_view first_key = words[0].key;
  if (words.size() > 2 && (first_key == u"عدد"sv || first_key == u"بعض"sv) ) {
    m.kind = EntityKind::Group;
    m.name = m.span;
    m.agreement = {Gender::Unknown, Number::Plural};
    for (size_t k = 1; k < words.size(); ++k) m.name_keys.emplace_back(without_article(words[k].key));
    return m;
  }
  const uint32_t head_classes = words[head].classes;
  if (head_classes & (kTitle | kTitleFeminine))
    m.kind = EntityKind::Person;
  else if (head_classes & kGroup)
    m.kind = EntityKind::Group;
  else if (head_classes & kMedia)
    m.kind = EntityKind::Media;
  else if (head_classes & kDocument)
    m.kind = EntityKind::Document;
  else if (head_classes & (kOrganization | kState))
    m.kind = EntityKind::Organization;
  else if (is_unnamed_plural(words[head].key, head_classes) && words.size() - head <= 2)
    m.kind = EntityKind::Group;  // "مشجعون"، "محللون": unnamed people in the plural
  else if (std::all_of(words.begin(), words.end(), [](const PhraseWord& w) { return starts_with(w.key, u"ال"sv); }) &&
           (words.size() > 1 || !ends_with(words[0].key, u"ي"sv)))
    m.kind = EntityKind::Organization;  // "الصحة العالمية": definite words and no name are a body; المنظري is a name
  else
    m.kind = EntityKind::Person;

  auto span_of = [&](size_t from, size_t to) {  // word indexes, inclusive
    const uint32_t s = words[from].token == phrase.first ? phrase.start : tokens_[words[from].token].start;
    return Span{s, tokens_[words[to].token].end};
  };
  bool feminine = false;
  if (m.kind == EntityKind::Person) {
    // Title words and their genitives (المتحدث باسم الكرملين) come first; the
    // name starts at the first word that is neither. Without a title, the name
    // comes first and an apposition after a comma is the title.
    size_t name_from = words.size(), name_to = words.size();
    size_t title_from = words.size(), title_to = words.size();
    // The word before the next comma after `from`, or the last word.
    auto before_next_comma = [&](size_t from) {
      size_t next = from + 1;
      while (next < words.size() && !words[next].comma_before) ++next;
      return next - 1;
    };
    const size_t first_comma = before_next_comma(0) + 1;
    if ((head_classes & (kTitle | kTitleFeminine)) && first_comma < words.size()) {
      // "مدرب المنتخب الوطني لكرة القدم، جمال سلامي": the apposition is the name.
      title_from = 0;
      title_to = first_comma - 1;
      name_from = first_comma;
      name_to = before_next_comma(first_comma);
      // "، الدكتور سامر حداد،", "، البلجيكي فيليب دوكاس،": an honorific or an
      // origin before the name is not part of it.
      while (name_from < name_to &&
             ((words[name_from].classes & (kTitle | kTitleFeminine)) || is_nisba_before_name(words[name_from].token)))
        ++name_from;
    } else if (head_classes & (kTitle | kTitleFeminine)) {
      title_from = 0;
      size_t w = 0;
      for (; w < words.size(); ++w) {
        const std::u16string_view key = words[w].key;
        // Also without a leading و (ووزير الصحة): the word's facts have that when the key is the whole word.
        const uint32_t c = key.size() == tokens_.key(words[w].token).size()
                               ? classes(words[w].token)
                               : words[w].classes | lexicon_.classes(strip_conjunction(key));
        if (c & kTitleFeminine) feminine = true;
        // A genitive لـ (لمنظمة الصحة، لكرة القدم) stays in the title.
        const bool lam_genitive = w > 0 && !words[w].comma_before && key.size() > 3 && key[0] == u'ل' &&
                                  ((classes_after_lam(key) & (kOrganization | kState | kMedia)) ||
                                   (w + 1 < words.size() && starts_with(words[w + 1].key, u"ال"sv)));
        const bool title_part = (c & (kTitle | kTitleFeminine | kOrganization | kState | kMedia)) ||
                                starts_with(key, u"ال"sv) || key == u"باسم"sv || key == u"في"sv || key == u"لدي"sv || (key == u"عن"sv && w > 0) ||
                                starts_with(key, u"لل"sv) ||
                                lam_genitive || (w > 0 && !words[w].comma_before && starts_with(key, u"بال"sv));
        if (!title_part || (w > 0 && words[w].comma_before && !(c & (kTitle | kTitleFeminine)))) break;
      }
      title_to = w == 0 ? 0 : w - 1;
      if (w < words.size()) {
        name_from = w;
        name_to = before_next_comma(w);
      }
    } else {
      name_from = 0;
      name_to = first_comma - 1;
      if (first_comma < words.size()) {
        title_from = first_comma;
        title_to = words.size() - 1;
      }
    }
    if (name_from < words.size()) {
      m.name = span_of(name_from, name_to);
      for (size_t k = name_from; k <= name_to; ++k) m.name_keys.emplace_back(without_article(words[k].key));
      // Folding makes ة and ه alike: ask the text, so that عبد الله stays masculine.
      const std::u16string_view last_name = words[name_to].key;
      if (ends_in_ta_marbuta(tokens_.text(words[name_to].token)) || ends_with(last_name, u"وفا"sv) ||
          ends_with(last_name, u"يفا"sv) || ends_with(last_name, u"سكايا"sv))
        feminine = true;
    }
    if (title_from < words.size()) {
      m.title = span_of(title_from, title_to);
      for (size_t k = title_from; k <= title_to; ++k) {
        m.title_keys.emplace_back(without_article(words[k].key));
        if (words[k].classes & kTitleFeminine) feminine = true;
      }
    }
    // A title shows the gender (الوزير، الوزيرة); a bare name often does not (ريما الحاج).
    const Gender gender = feminine ? Gender::Feminine : m.title.length() > 0 ? Gender::Masculine : Gender::Unknown;
    m.agreement = {gender, person_number(words)};
  } else {
    m.name = m.span;
    for (size_t k = 0; k < words.size(); ++k) {
      std::u16string key(without_article(words[k].key));
      const uint32_t c = words[k].classes;
      if (is_digits(key) || (c & (kPreposition | kStop))) continue;
      if (m.kind == EntityKind::Group && key.size() > 4 &&
          (ends_with(key, u"ين"sv) || ends_with(key, u"ان"sv) || ends_with(key, u"ون"sv)))
        key.resize(key.size() - 2);  // مصدران، مصدرين → مصدر
      m.name_keys.push_back(std::move(key));
    }
    const std::u16string_view head_key = words[head].key;
    if (m.kind == EntityKind::Group) {
      const bool dual = ends_with(head_key, u"ان"sv) || ends_with(head_key, u"ين"sv);
      m.agreement = {Gender::Unknown,
                     dual && head_key.size() > 4 && !(words[head].classes & kNameToken) && head_key != u"مسوولين"sv
                         ? Number::Dual
                         : Number::Plural};
      if (head_key == u"مسوول"sv || head_key == u"مصدر"sv || head_key == u"المصدر"sv) m.agreement.number = Number::Singular;
    } else {
      // Plurals of things agree in the feminine singular (منظمات … مطالبة).
      const bool fem = ends_with(head_key, u"ه"sv) || ends_with(head_key, u"ات"sv) || (head_classes & (kState | kMedia));
      m.agreement = {fem ? Gender::Feminine : Gender::Masculine, Number::Singular};
    }
  }
  return m;
}

}  // namespace isnad::ar
