#include "ar/extractor.h"

#include <algorithm>
#include <memory>
#include <unordered_set>

#include "ar/lexicon.h"
#include "ar/noun_phrase.h"
#include "attribution/entities.h"

namespace isnad::ar {

// Literals as string views: their lengths are known at compile time, where a
// char16_t pointer would have its length counted at every comparison.
using namespace std::string_view_literals;

namespace {

bool is_comma(char16_t c) { return c == u'\u060C' || c == u','; }

// Bounds that keep the cost linear on text without sentence ends: no reported
// clause runs longer, and a pro-drop subject is looked for this far back.
constexpr size_t kMaxContentTokens = 400;  // about 200 words
constexpr size_t kMaxSubjectDistance = 160;
bool is_colon(char16_t c) { return c == u':' || c == u'\uFF1A'; }

// How the reported content is introduced after a cue and its subject.
// Object: a noun phrase, which ends at a comma; Clause: a whole clause (after بحسب X،).
enum class Introducer { None, Complementizer, Preposition, Quote, Parenthesis, Colon, Object, Clause };

struct Opening {
  Introducer kind = Introducer::None;
  size_t token = 0;  // the introducing token (or the first content token for Object)
  uint32_t content_start = 0;
  std::optional<Phrase> relay;   // an according-to phrase met on the way (نقلا عن مصادر)
  bool relay_is_source = false;  // نقلا عن names the original source
};

class ClaimFinder {
 public:
  ClaimFinder(const Tokens& tokens, const TextStructure& structure)
      : t_(tokens), s_(structure), lex_(Lexicon::get()), np_(tokens) {
    index_content_stops();
  }

  std::vector<DraftClaim> run() {
    for (size_t i = 0; i < t_.size(); ++i) {
      if (!t_.is_word(i) || s_.quote_at(i) >= 0 || t_[i].start < consumed_until_) continue;
      if (size_t phrase_end = according_to_at(i); phrase_end != 0) {
        according_to(i, phrase_end);
        continue;
      }
      if (size_t phrase_end = according_to_pronoun_at(i); phrase_end != 0) {
        according_to_pronoun(i, phrase_end);
        continue;
      }
      size_t prefix = 0;
      const CueEntry* cue = np_.cue(i, &prefix);
      if (!cue && precedes_saying(i)) cue = &kVerbBeforeSaying;
      if (!cue && np_.is_saying(i)) saying_after_subject(i);
      if (!cue) continue;
      if (cue->form == CueForm::Participle)
        participle(i, *cue);
      else if (cue->form == CueForm::VerbalNoun)
        verbal_noun(i, *cue);
      else
        verb(i, *cue);
    }
    headlines();
    quoted_subheads();
    sort_claims(claims_, [](const DraftClaim& a, const DraftClaim& b) { return a.anchor < b.anchor; });
    return std::move(claims_);
  }

 private:
  // --- cues -----------------------------------------------------------------

  Span cue_span(size_t token) const {
    // A leading و or ف is not part of the cue (decision 8).
    const Token& tok = t_[token];
    const std::u16string_view key = t_.key(token);
    size_t prefix = 0;
    // A verb that reports only before بالقول has no entry: a long word's و or ف is its conjunction.
    if (!np_.cue(token, &prefix) && key.size() > 3) prefix = 1;
    uint32_t start = tok.start;
    if (prefix > 0 && (key[0] == u'و' || key[0] == u'ف')) start = after_first_letter(t_.source(), tok.start, tok.end);
    return Span{start, tok.end};
  }

  // What introduces the content from `from`, or, for a verb that takes one,
  // a noun object there (past adverbials).
  Opening opening_or_object(size_t from, uint16_t frames) const {
    Opening o = frames == kObject ? Opening{} : find_opening(from, frames);
    if (o.kind != Introducer::None || !(frames & kObject)) return o;
    o.kind = Introducer::Object;
    o.token = object_start(from);
    o.content_start = o.token < t_.size() ? t_[o.token].start : 0;
    if (!t_.is_word(o.token)) o.kind = Introducer::None;
    return o;
  }

  // "وختم بالقول إن …", "واكتفى بقوله: …": any verb before بالقول reports.
  static constexpr CueEntry kVerbBeforeSaying{kThat | kColon, CueForm::Past};
  bool precedes_saying(size_t token) const {
    // The next word decides for almost every word, so it is asked first.
    if (!np_.is_saying(np_.next_non_space(token + 1))) return false;
    const std::u16string_view key = t_.key(token);
    return !key.starts_with(u"ال"sv) && !(np_.classes(token) & (kSpeakerHead | kNameToken | kNounPhraseEnd)) &&
           !np_.is_complementizer(token);
  }

  // قائلا / بالقول / بقوله right after a verb belong to its cue.
  size_t absorb_saying(size_t token, Span& cue) const {
    const size_t k = np_.next_non_space(token + 1);
    if (!t_.is_word(k)) return token;
    const std::u16string_view key = t_.key(k);
    const CueEntry* e = np_.cue(k);
    const bool saying = np_.is_saying(k) || (e && e->form == CueForm::Participle && key.substr(0, 3) == u"قاي"sv);
    if (!saying) return token;
    cue.end = t_[k].end;
    return k;
  }

  bool is_finite_cue_with_conjunction(size_t token) const {
    size_t prefix = 0;
    const CueEntry* e = np_.cue(token, &prefix);  // null for any token not a word
    return e && prefix > 0 && (e->form == CueForm::Past || e->form == CueForm::Present) &&
           (t_.key(token)[0] == u'و' || t_.key(token)[0] == u'ف');
  }

  bool is_finite_cue(size_t token) const {
    const CueEntry* e = np_.cue(token);
    return e && (e->form == CueForm::Past || e->form == CueForm::Present);
  }

  // Extends a phrase to the word before the next comma when only a few
  // plain words (no cue, complementizer or quote) stand between.
  void extend_to_comma(Phrase& p) const {
    const size_t comma = next_comma_[p.resume];
    if (comma >= t_.size() || comma > next_stop_[p.resume] || comma - p.resume > 40 ||
        words_before_[comma] - words_before_[p.resume] > 6)
      return;
    for (size_t m = p.resume; m < comma; ++m)
      if ((t_.is_word(m) && (np_.cue(m) || np_.is_complementizer(m) || (np_.classes(m) & kConjunction))) ||
          (s_.quote_at(m) >= 0 && s_.quotes()[s_.quote_at(m)].open == m && quote_words(s_.quotes()[s_.quote_at(m)]) > 3))
        return;
    const size_t last = np_.previous_non_space(comma);
    if (last == SIZE_MAX || last < p.last) return;
    p.last = static_cast<uint32_t>(last);
    p.end = t_[last].end;
    p.resume = static_cast<uint32_t>(comma);
  }

  // A complementizer after a comma further on in the sentence, before any cue.
  bool comma_complementizer_follows(size_t from) const {
    for (size_t j = from + 1, words = 0; j < t_.size() && words < 12; ++j) {
      if (t_[j].kind == TokenKind::LineBreak || s_.ends_sentence(j) || s_.quote_at(j) >= 0) return false;
      if (t_.is_word(j)) {
        if (np_.cue(j)) return false;
        ++words;
        continue;
      }
      if (is_comma(t_.punct(j))) return np_.is_complementizer(np_.next_non_space(j + 1));
    }
    return false;
  }

  // The original source after عن, when قوله (تأكيده …) or, for نقل/روى, the
  // complementizer follows it; `said` receives that token.
  std::optional<Phrase> source_after_an(size_t an, uint16_t frames, size_t& said) const {
    std::optional<Phrase> source = np_.after(an + 1, false);
    if (!source) return std::nullopt;
    size_t k = np_.next_non_space(source->resume);
    if (is_comma(t_.punct(k))) k = np_.next_non_space(k + 1);  // "عن المدير، الدكتور X، قوله"
    // "عن مصدر في الهيئة، رفض الكشف عن اسمه، قوله": past the aside.
    if (t_.is_word(k) && withholds_name(k) && next_comma_[k] < next_stop_[k]) k = np_.next_non_space(next_comma_[k] + 1);
    const bool from = frames & kSourceAfterAn;
    // "نقل الموقع عن مصرفيين مطلعين على الصفقة أن …": the source runs to the complementizer.
    if (from && !np_.is_complementizer(k) && !np_.is_verbal_noun_with_pronoun(k)) {
      for (size_t m = k, words = 0; m < next_stop_[k] && words < 5; m = np_.next_non_space(m + 1), ++words) {
        if (!t_.is_word(m) || np_.cue(m) || np_.is_verbal_noun_with_pronoun(m)) break;
        if (np_.is_complementizer(m)) {
          source->last = static_cast<uint32_t>(np_.previous_non_space(m));
          source->end = t_[source->last].end;
          k = m;
          break;
        }
      }
    }
    if (!np_.is_verbal_noun_with_pronoun(k) && !(from && np_.is_complementizer(k))) return std::nullopt;
    said = k;
    return source;
  }

  // نقلته، أوردته: a cue verb with an object pronoun.
  bool is_cue_with_pronoun(size_t token) const {
    if (!t_.is_word(token)) return false;
    const std::u16string_view key = t_.key(token);
    for (std::u16string_view suffix : {u"ها"sv, u"ه"sv})
      if (key.size() > suffix.size() + 2 && key.ends_with(suffix) && lex_.read(key.substr(0, key.size() - suffix.size())).cue)
        return true;
    return false;
  }

  // "بحسب ما نقلت عنه X"، "حسبما أفادت X": the source after the relative clause.
  std::optional<Phrase> relative_according_to_source(size_t i, size_t phrase_end) const {
    const std::u16string_view first =
        (lex_.classes(t_.key(i)) & kAccordingTo) ? t_.key(i) : strip_conjunction(t_.key(i));
    const bool relative = first.size() > 3 && first.ends_with(u"ما"sv);
    if (!relative && !(t_.is_word(phrase_end) && t_.key(phrase_end) == u"ما"sv)) return std::nullopt;
    size_t k = relative ? phrase_end : np_.next_non_space(phrase_end + 1);
    if (np_.cue(k) || is_cue_with_pronoun(k)) k = np_.next_non_space(k + 1);
    if (t_.is_word(k) && (t_.key(k) == u"عنه"sv || t_.key(k) == u"عنها"sv || t_.key(k) == u"به"sv || t_.key(k) == u"بها"sv))
      k = np_.next_non_space(k + 1);
    return np_.after(k, false);
  }

  // Where a noun object starts: past commas and time adverbials between the
  // verb or its subject and the object ("أعلن البنك، اليوم الأحد، رفع …").
  size_t object_start(size_t from) const {
    size_t k = np_.next_non_space(from);
    for (size_t skipped = 0; k < t_.size() && skipped < 8; ++skipped, k = np_.next_non_space(k + 1)) {
      if (is_comma(t_.punct(k))) {
        // "نفى X، خلال الجلسة الأخيرة، كل التهم": a phrase between commas.
        const size_t next = np_.next_non_space(k + 1);
        if (t_.is_word(next) && (np_.classes(next) & (kPreposition | kTime | kAccordingTo))) {
          const size_t comma = next_comma_[next];
          const uint32_t most = (np_.classes(next) & kAccordingTo) ? 10 : 6;  // بحسب ما نقلت عنها صحيفة …
          if (comma < t_.size() && comma < next_stop_[next] && words_before_[comma] - words_before_[next] <= most)
            k = comma;
        }
        continue;
      }
      if (!t_.is_word(k) || !(np_.classes(k) & kTime) || np_.is_complementizer(k)) break;
    }
    return k;
  }

  bool is_participle_cue(size_t token) const {
    if (!t_.is_word(token)) return false;
    const CueEntry* e = np_.cue(token);
    return e && e->form == CueForm::Participle;
  }

  // --- content ----------------------------------------------------------------

  // Looks for what introduces the content, from `from` to the end of the
  // sentence: a complementizer, the cue's preposition, a colon or a quote.
  // `after_indefinite`: the subject before `from` is indefinite, so a verb
  // right after it describes it ("مسؤولون غربيون يتابعون الوضع … إن").
  Opening find_opening(size_t from, uint16_t frames, bool after_indefinite = false) const {
    Opening o;
    size_t words = 0;
    for (size_t j = np_.next_non_space(from); j < t_.size() && words <= 25; j = np_.next_non_space(j + 1)) {
      const Token& tok = t_[j];
      if (after_indefinite && words == 0 && is_finite_cue(j) && !is_finite_cue_with_conjunction(j)) {
        ++words;
        continue;
      }
      if (tok.kind == TokenKind::LineBreak) break;
      if (const int32_t q = s_.quote_at(j); q >= 0) {
        const Quote& quote = s_.quotes()[q];
        if (quote.open != j) break;
        // A quote right after the cue is its content; further on it is a
        // name inside the gap (عبر حسابه على موقع "تويتر").
        if (words == 0 && (frames & (kColon | kThat | kAla | kIla))) {
          o.kind = Introducer::Quote;
          o.token = j;
          return o;
        }
        if (!quote.closed) break;
        j = quote.close;
        ++words;
        continue;
      }
      if (tok.kind == TokenKind::Punctuation) {
        const char16_t c = t_.punct(j);
        if (is_colon(c)) {
          size_t k = np_.next_non_space(j + 1);
          // "وقال الوزير:" at the end of a line, the quote on the next.
          if (k < t_.size() && t_[k].kind == TokenKind::LineBreak) {
            const size_t next_line = np_.next_non_space(k + 1);
            if (s_.quote_at(next_line) >= 0 && s_.quotes()[s_.quote_at(next_line)].open == next_line) k = next_line;
          }
          if (s_.quote_at(k) >= 0 && s_.quotes()[s_.quote_at(k)].open == k) {
            o.kind = Introducer::Quote;
            o.token = k;
          } else if (t_.punct(k) == u'(') {
            o.kind = Introducer::Parenthesis;
            o.token = k;
          } else {
            o.kind = Introducer::Colon;
            o.token = j;
            o.content_start = k < t_.size() ? t_[k].start : tok.end;
          }
          return o;
        }
        if (s_.ends_sentence(j)) break;
        continue;
      }
      ++words;
      const std::u16string_view key = t_.key(j);
      if (np_.is_complementizer(j) && (frames & (kThat | kColon))) {
        o.kind = Introducer::Complementizer;
        o.token = j;
        o.content_start = tok.end;
        // "سألت … إذا ما كانت": the content starts after ما (decision 17).
        if (const size_t k = np_.next_non_space(j + 1); key == u"اذا"sv && t_.is_word(k) && t_.key(k) == u"ما"sv) {
          o.token = k;
          o.content_start = t_[k].end;
        }
        return o;
      }
      const bool preposition = ((frames & kIla) && key == u"الي"sv) || ((frames & kAla) && key == u"علي"sv) ||
                               ((frames & kAn) && key == u"عن"sv) || ((frames & kMin) && key == u"من"sv);
      // "أشار إلى أن …" reports; "يشير إلى أرضه" points.
      const bool ila_before_content = (frames & kIlaThat) && key == u"الي"sv && [&] {
        const size_t k = np_.next_non_space(j + 1);
        return np_.is_complementizer(k) || (s_.quote_at(k) >= 0 && s_.quotes()[s_.quote_at(k)].open == k);
      }();
      if ((preposition || ila_before_content) && comma_complementizer_follows(j)) {
        continue;  // "أكد X، في منشور على تلغرام، أن …": على is not the cue's
      }
      if (preposition || ila_before_content) {
        // إلى أنّ / على أنّ: the content starts after the complementizer.
        const size_t k = np_.next_non_space(j + 1);
        if (np_.is_complementizer(k)) {
          o.kind = Introducer::Complementizer;
          o.token = k;
          o.content_start = t_[k].end;
        } else {
          o.kind = Introducer::Preposition;
          o.token = j;
          o.content_start = k < t_.size() ? t_[k].start : tok.end;
        }
        return o;
      }
      // بـ“…”: a detached بـ before a quote introduces it.
      if (const size_t k = np_.next_non_space(j + 1);
          (frames & kBi) && key == u"ب"sv && s_.quote_at(k) >= 0 && s_.quotes()[s_.quote_at(k)].open == k) {
        o.kind = Introducer::Quote;
        o.token = k;
        return o;
      }
      if ((frames & kBi) && key.size() > 2 && key[0] == u'ب' && key != u"باسم"sv && key != u"بها"sv && key != u"بهم"sv &&
          key != u"بهما"sv) {
        o.kind = Introducer::Preposition;
        o.token = j;
        o.content_start = after_first_letter(t_.source(), tok.start, tok.end);
        return o;
      }
      // "نقلت وكالة X عن Y قوله إن": Y is the source, X relays it.
      if (key == u"عن"sv) {
        size_t said = 0;
        if (auto source = source_after_an(j, frames, said)) {
          o.relay = source;
          o.relay_is_source = true;
          j = np_.is_complementizer(said) ? said - 1 : said;
          continue;
        }
      }
      if (size_t phrase_end = according_to_at(j); phrase_end != 0) {
        // "نقلا عن مصادر" between a verb and its content names the source;
        // "بحسب ما نقلت عنه صحيفة X" relays it.
        if (auto source = relative_according_to_source(j, phrase_end)) {
          o.relay = source;
          j = source->resume - 1;
        } else if (auto source = np_.after(phrase_end, false)) {
          o.relay = source;
          o.relay_is_source = t_.key(j) == u"نقلا"sv || t_.key(j) == u"ونقلا"sv;
          j = source->resume - 1;
        }
        continue;
      }
      if (withholds_name(j) || negated(j)) continue;  // "مسؤول، رفض الكشف عن اسمه، إن …"، "طلبوا عدم ذكر أسمائهم"
      // "قالت رزان، وهي طالبة جاءت من إربد، إنها …": a description set off by commas.
      if ((key == u"وهو"sv || key == u"وهي"sv || key == u"وهم"sv) && is_comma(t_.punct(np_.previous_non_space(j))) &&
          next_comma_[j] < next_stop_[j] && next_comma_[j] - j < 40) {
        j = next_comma_[j];
        continue;
      }
      if (key == u"ثم"sv) break;  // "يقول X في مقابلة، ثم يتابع: …": another clause
      if (const CueEntry* e = np_.cue(j); e && e->form != CueForm::VerbalNoun) {
        // "وتابعت في هذا السياق تقول:" — a form of قال joins the cue before it.
        if (key.find(u"قول"sv) == std::u16string_view::npos && key.find(u"قاي"sv) == std::u16string_view::npos) break;
      }
    }
    return o;
  }

  // Where reported content may end, for every token at once, so that finding
  // a content's end costs O(1) however long the sentence: a content stops at
  // the end of its sentence, before a comma that opens a new statement, or
  // before a و/ف-verb cue; quotations inside it are never cut.
  void index_content_stops() {
    const size_t n = t_.size();
    const std::u16string_view text = t_.source();
    // Every entry is written below: the arrays are not zeroed first
    // (new T[n], not std::make_unique, which value-initialises).
    next_stop_.reset(new uint32_t[n + 1]);
    next_comma_.reset(new uint32_t[n + 1]);
    words_before_.reset(new uint32_t[n + 1]);
    last_content_token_.reset(new uint32_t[n]);
    uint32_t words = 0, last_content = 0;
    words_before_[0] = 0;
    for (size_t j = 0; j < n; ++j) {
      const Token& tok = t_[j];
      const int32_t q = s_.quote_at(j);
      const bool inside_quote = q >= 0;
      if (inside_quote && s_.quotes()[q].open == j && quote_words(s_.quotes()[q]) >= 3)
        long_quotes_.push_back(static_cast<uint32_t>(j));
      const bool word = tok.kind == TokenKind::Word;
      words += !inside_quote && word;
      words_before_[j + 1] = words;
      // A percent sign belongs to its number (20%, ٪20).
      if (word || inside_quote ||
          (tok.kind == TokenKind::Punctuation && (text[tok.start] == u'%' || text[tok.start] == u'\u066A')))
        last_content = static_cast<uint32_t>(j);
      if (tok.kind == TokenKind::Punctuation && !inside_quote && is_colon(text[tok.start]))
        colons_.push_back(static_cast<uint32_t>(j));
      last_content_token_[j] = last_content;
    }
    // From the end, each index carried from the token after.
    uint32_t stop = static_cast<uint32_t>(n), comma_at = stop;
    next_stop_[n] = next_comma_[n] = stop;
    for (size_t j = n; j-- > 0;) {
      const auto here = static_cast<uint32_t>(j);
      if (s_.quote_at(j) < 0) {
        const Token& tok = t_[j];
        const bool comma = tok.kind == TokenKind::Punctuation && is_comma(text[tok.start]);
        if (comma) comma_at = here;
        if (tok.kind == TokenKind::LineBreak || s_.ends_sentence(j) || (comma && opens_new_statement(j)) ||
            is_finite_cue_with_conjunction(j))
          stop = here;
      }
      next_stop_[j] = stop;
      next_comma_[j] = comma_at;
    }
  }

  // Whether a quote of three words or more opens in [first, last].
  bool long_quote_within(size_t first, size_t last) const {
    const auto next = std::lower_bound(long_quotes_.begin(), long_quotes_.end(), first);
    return next != long_quotes_.end() && *next <= last;
  }

  // A comma followed by a participle cue, a و-verb cue, an according-to
  // phrase, "وذلك", or a conjunction and a cue ("، فيما قالت مصادر …").
  bool opens_new_statement(size_t comma) const {
    const size_t k = np_.next_non_space(comma + 1);
    if (!t_.is_word(k)) return false;
    const std::u16string_view key = t_.key(k);
    if (is_participle_cue(k) || is_finite_cue_with_conjunction(k) || according_to_at(k) != 0 || key == u"وذلك"sv)
      return true;
    size_t k2 = np_.next_non_space(k + 1);
    if (key == u"في"sv && t_.is_word(k2) && t_.key(k2) == u"حين"sv) {  // "، في حين ذكرت مصادر …"
      k2 = np_.next_non_space(k2 + 1);
      return is_finite_cue(k2);
    }
    // "…، لكنها أعربت عن قلقها": لكن with the speaker's pronoun and a cue.
    if (strip_conjunction(key).starts_with(u"لكن"sv) && strip_conjunction(key).size() > 3 && is_finite_cue(k2)) return true;
    // "وبينما قالت الحكومة إن …، أكد ناشطون أن …": a verb-first cue and its source.
    if (is_finite_cue(k) && !is_finite_cue_with_conjunction(k) && np_.after(k + 1, true)) return true;
    return (lex_.classes(key) & kConjunction) && is_finite_cue(k2);
  }

  // Last token of indirect content starting at `from`.
  size_t content_end(size_t from, bool stop_at_comma = false) const {
    size_t stop = next_stop_[from];
    // A و-verb among the first words belongs to the content ("أن القوات وصلت وانسحبت").
    while (stop < t_.size() && t_.is_word(stop) && words_before_[stop] - words_before_[from] < 3)
      stop = next_stop_[stop + 1];
    if (stop_at_comma) stop = std::min<size_t>(stop, next_comma_[from]);
    stop = std::min(stop, from + kMaxContentTokens);
    if (stop <= from) return from;
    return std::max<size_t>(from, last_content_token_[stop - 1]);
  }

  Span quote_content(const Quote& q) const {
    uint32_t start = t_[q.open].end;
    uint32_t end = q.closed ? t_[q.close].start : t_[q.close - 1].end;
    const std::u16string_view text = t_.source();
    while (start < end && (text[start] == u' ' || text[start] == u'\u00A0')) ++start;
    while (end > start && (text[end - 1] == u' ' || text[end - 1] == u'\u00A0' || text[end - 1] == u'\n')) --end;
    return Span{start, end};
  }

  size_t quote_words(const Quote& q) const {
    size_t n = 0;
    for (size_t j = q.open + 1; j < q.close && j < t_.size(); ++j) n += t_.is_word(j);
    return n;
  }

  // Adds the claims for the content an opening introduces.
  void add_content(DraftClaim base, const Opening& o) {
    if (o.kind == Introducer::Quote) {
      add_quotes(std::move(base), o.token);
      return;
    }
    if (o.kind == Introducer::Parenthesis) {
      size_t close = o.token + 1;
      while (close < t_.size() && t_.punct(close) != u')' && !s_.ends_paragraph(close)) ++close;
      if (close >= t_.size() || t_.punct(close) != u')') return;
      base.type = ClaimType::Direct;
      base.content = Span{t_[o.token].end, t_[close].start};
      push(std::move(base));
      return;
    }
    size_t first = o.kind == Introducer::Complementizer ? o.token + 1 : o.token;
    if (o.kind == Introducer::Colon) first = o.token + 1;
    if (o.kind == Introducer::Preposition && t_[o.token].start == o.content_start) first = o.token + 1;
    first = np_.next_non_space(first);
    if (first >= t_.size() || t_[first].kind == TokenKind::LineBreak) return;
    // A complement that is wholly a quote is a direct claim (decisions 2 and 21).
    if (const int32_t q = s_.quote_at(first); q >= 0 && s_.quotes()[q].open == first) {
      const Quote& quote = s_.quotes()[q];
      const size_t after = np_.next_non_space((quote.closed ? quote.close : quote.close - 1) + 1);
      if (after >= t_.size() || s_.ends_sentence(after) || is_comma(t_.punct(after)) || s_.ends_paragraph(after)) {
        add_quotes(std::move(base), first);
        return;
      }
    }
    // "ترفض ذلك وتطالب …": a demonstrative object alone only refers to content
    // given elsewhere (decision 19); "رفض هذا القرار", "عدّ ذلك بمثابة …" say something.
    if ((o.kind == Introducer::Object || o.kind == Introducer::Preposition) && is_bare_demonstrative(first)) return;
    // A noun object ends at the first comma; a clause runs to its end.
    const size_t last = content_end(first, o.kind == Introducer::Object || o.kind == Introducer::Preposition);
    const uint32_t start = std::max(o.content_start, t_[first].start);
    if (t_[last].end <= start) return;
    base.content = Span{start, t_[last].end};
    base.type = ClaimType::Indirect;
    // A quoted phrase of the speaker's own makes it mixed; a quoted name does not (decision 3).
    if (long_quote_within(first, last)) base.type = ClaimType::Mixed;
    push(std::move(base));
    return;
  }

  bool is_bare_demonstrative(size_t token) const {
    if (!t_.is_word(token)) return false;
    const std::u16string_view key = t_.key(token);
    if (key != u"ذلك"sv && key != u"هذا"sv && key != u"هذه"sv && key != u"تلك"sv && key != u"ذاك"sv) return false;
    const size_t next = np_.next_non_space(token + 1);
    if (!t_.is_word(next)) return true;
    const std::u16string_view after = t_.key(next);
    return after.size() > 2 && (after[0] == u'و' || after[0] == u'ف');
  }

  // One direct claim per quoted segment: قال: "A" و"B" (decision 5).
  void add_quotes(DraftClaim base, size_t open) {
    for (int32_t q = s_.quote_at(open); q >= 0;) {
      const Quote& quote = s_.quotes()[q];
      base.type = ClaimType::Direct;
      base.content = quote_content(quote);
      const int32_t next = next_quote_segment(quote);
      if (base.content.end > base.content.start) {
        if (next < 0) {
          push(std::move(base));
          return;
        }
        push(base);
      }
      q = next;
    }
  }

  // The quote that continues `quote` after only punctuation or و, or -1.
  int32_t next_quote_segment(const Quote& quote) const {
    if (!quote.closed) return -1;
    size_t k = quote.close + 1;
    for (size_t gap = 0; k < t_.size() && gap < 6; ++k, ++gap) {
      const Token& tok = t_[k];
      if (tok.kind == TokenKind::LineBreak || s_.quote_at(k) >= 0) break;
      if (tok.kind == TokenKind::Word && t_.key(k) != u"و"sv) break;
    }
    const int32_t q = k < t_.size() ? s_.quote_at(k) : -1;
    return q >= 0 && s_.quotes()[q].open == k ? q : -1;
  }

  void push(DraftClaim c) {
    c.anchor = c.cue ? c.cue->start : c.content.start;
    content_end_ = std::max(content_end_, c.content.end);
    // Cue words between this cue and its content belong to this claim.
    if (c.cue) consumed_until_ = std::max(consumed_until_, c.content.start);
    claims_.push_back(std::move(c));
  }

  std::optional<Mention> mention(const std::optional<Phrase>& p) const {
    if (!p) return std::nullopt;
    return np_.analyse(*p);
  }

  // --- constructions ----------------------------------------------------------

  // لم يذكر، لن يقول، ما قال: a negated report is not a claim (decision 12).
  // "من دون أن يؤكد أو ينفي": دون أن negates, and أو carries it on.
  bool negated(size_t i, bool coordinated = false) const {
    const size_t p = np_.previous_non_space(i);
    if (p == SIZE_MAX || !t_.is_word(p)) return false;
    if (np_.is_negator(p)) return true;
    const std::u16string_view key = strip_conjunction(t_.key(p));
    const size_t pp = np_.previous_non_space(p);
    if (key == u"ان"sv && pp != SIZE_MAX && t_.is_word(pp) && (t_.key(pp) == u"دون"sv || t_.key(pp) == u"بدون"sv)) return true;
    return !coordinated && key == u"او"sv && pp != SIZE_MAX && np_.cue(pp) && negated(pp, true);
  }

  // A damma inside a past stem marks the passive (اعتُبر، أُفيد): agentless
  // passives are not claims (decision 19).
  // A damma on the prefix of a present marks it too (يُتوقع، يُقدَّر).
  bool passive(size_t i, const CueEntry& cue) const {
    const std::u16string_view word = t_.text(i);
    const size_t damma = word.find(u'\u064F');
    if (damma == std::u16string_view::npos) return false;
    if (cue.form == CueForm::Present) {
      const size_t prefix = word.find_first_of(u"يت"sv);
      return prefix != std::u16string_view::npos && damma == prefix + 1;
    }
    return cue.form == CueForm::Past && damma + 2 < word.size();
  }

  // سيعلن، ستقول: what a source will say has not been said yet.
  bool future(size_t i) const {
    size_t prefix = 0;
    np_.cue(i, &prefix);
    return prefix > 0 && t_.key(i)[prefix - 1] == u'س';
  }

  // "مسؤول رفض الكشف عن اسمه": withholding a name describes the source, it reports nothing.
  bool withholds_name(size_t i) const {
    return np_.withholds(np_.next_non_space(i + 1));
  }

  void verb(size_t i, const CueEntry& cue) {
    if (negated(i) || passive(i, cue) || future(i) || withholds_name(i)) return;
    // "ويذكر أن …": the journalist's aside, not a source (decision 19).
    if ((np_.classes(i) & kAside) && !np_.after(i + 1, true)) return;
    if (cue.frames & kSourceAfterFi) {
      source_after_fi(i, cue);
      return;
    }
    DraftClaim c;
    c.cue = cue_span(i);
    c.agreement = {cue.gender, cue.number};
    size_t after_cue = absorb_saying(i, *c.cue);
    const bool has_conjunction = c.cue->start != t_[i].start;

    const bool bi_object = cue.frames & kBi;
    const bool object_frame = cue.frames & kObject;
    // Subject first when a subject opens the clause ("ماكرون أبلغ زيلينسكي … أن");
    // otherwise verb first, the subject after the verb.
    // "لكنه وصف مطالبهم بأنها …": the pronoun on لكن / إن is the subject.
    const bool pronoun_subject = !has_conjunction && after_pronoun_particle(i);
    std::optional<Phrase> subject = has_conjunction ? topic_before(i) : pronoun_subject ? std::nullopt : np_.before(i);
    // "الوزير الذي قال إن …": a relative clause's speaker is its antecedent (decision 20).
    if (const size_t p = np_.previous_non_space(i); !subject && !has_conjunction && p != SIZE_MAX && t_.is_word(p)) {
      const std::u16string_view relative = t_.key(p);
      if (relative == u"الذي"sv || relative == u"التي"sv || relative == u"الذين"sv || relative == u"اللذين"sv) {
        subject = np_.before(p);
      }
    }
    Opening o;
    if (subject || pronoun_subject) {
      o = opening_or_object(after_cue + 1, cue.frames);
    } else if ((subject = np_.after(after_cue + 1, false, false, bi_object)) && object_frame && has_conjunction &&
               t_.key(subject->first).starts_with(u"ال"sv) && !np_.after(after_cue + 1, true, false, bi_object) &&
               !is_known_source(*subject) && starts_with_bi(np_.next_non_space(subject->resume))) {
      // "ووصفت الاتهامات بأنها …": before بـ, a definite phrase that names no source is the object.
      subject.reset();
      o = find_opening(after_cue + 1, cue.frames);
    } else if (subject) {
      // An unnamed source (مسؤولون، مصدر) is indefinite; a construct head (صحيفة X) is not.
      const std::u16string_view head = t_.key(subject->first);
      const bool indefinite = !head.starts_with(u"ال"sv) && (np_.classes(subject->first) & kGroup);
      o = find_opening(subject->resume, cue.frames, indefinite);
      if (o.kind == Introducer::None && object_frame) {
        // An adverbial set off by commas follows the subject, not the object.
        const size_t object = object_start(subject->resume);
        const bool adverbial_after = object != np_.next_non_space(subject->resume) && t_.is_word(object);
        if (np_.after(after_cue + 1, true, false, bi_object) || is_known_source(*subject) || adverbial_after) {
          Opening object = opening_or_object(subject->resume, kObject);
          object.relay = o.relay;  // "نفى X، نقلا عن Y، …": the relay met on the way stays
          object.relay_is_source = o.relay_is_source;
          o = object;
        } else {
          subject.reset();  // the phrase was the object: "وينفي تلقي …"
          o.kind = Introducer::Object;
          o.token = np_.next_non_space(after_cue + 1);
          o.content_start = t_[o.token].start;
        }
      }
    } else {
      o = find_opening(after_cue + 1, cue.frames);
      if (o.kind == Introducer::None && object_frame) {
        const size_t k = np_.next_non_space(after_cue + 1);
        if (t_.is_word(k) &&
            !(np_.classes(k) & (kPreposition | kComplementizer | kTime | kConjunction | kAccordingTo))) {
          o.kind = Introducer::Object;
          o.token = k;
          o.content_start = t_[k].start;
        }
      }
    }
    if (o.kind == Introducer::None) {
      postposed_quote(i, c, subject);
      return;
    }
    // "قدّر الوزير الكلفة بنحو …": the object comes into the content with its بـ phrase.
    if ((cue.frames & kObjectBi) && o.kind == Introducer::Preposition && t_.key(o.token)[0] == u'ب') {
      const size_t object = object_start(subject ? subject->resume : after_cue + 1);
      if (object < o.token && t_.is_word(object)) {
        o.kind = Introducer::Object;
        o.token = object;
        o.content_start = t_[object].start;
      }
    }
    // Inside another claim's content only a verb with a subject that names a
    // source is a claim of its own ("أن خمسة مصادر رجحت …", not "أن بلاده ترفض …").
    if (t_[i].start < content_end_ && (o.kind == Introducer::Object || o.kind == Introducer::Preposition) &&
        (!subject || !names_source(*subject)))
      return;
    c.speaker = mention(subject);
    if (o.relay) {
      if (o.relay_is_source) {
        c.reported_by = c.speaker;
        c.speaker = mention(o.relay);
      } else {
        c.reported_by = mention(o.relay);
      }
    }
    if (!c.speaker) {
      c.antecedent = Antecedent::Previous;
      find_sentence_subject(i, c);
    }
    c.confidence = c.speaker ? 0.85 : 0.7;
    if (o.kind == Introducer::Object) c.confidence -= 0.2;
    if (cue.stance) c.confidence -= 0.1;
    const size_t before = claims_.size();
    add_content(std::move(c), o);
    for (size_t k = before; k < claims_.size(); ++k)
      if (claims_[k].speaker)
        known_names_.insert(claims_[k].speaker->name_keys.begin(), claims_[k].speaker->name_keys.end());
  }

  // "واكتفى متحدث باسم الوزارة بالقول إن …": the subject stands between the
  // verb and بالقول, which is the cue without its بـ.
  void saying_after_subject(size_t i) {
    const std::optional<Phrase> subject = np_.before(i);
    if (!subject || !names_source(*subject)) return;
    const Opening o = find_opening(i + 1, kThat | kColon);
    if (o.kind == Introducer::None) return;
    DraftClaim c;
    c.cue = Span{after_first_letter(t_.source(), t_[i].start, t_[i].end), t_[i].end};
    c.speaker = mention(subject);
    c.confidence = 0.7;
    add_content(std::move(c), o);
  }

  bool after_pronoun_particle(size_t i) const {
    const size_t p = np_.previous_non_space(i);
    if (p == SIZE_MAX || !t_.is_word(p)) return false;
    const std::u16string_view key = strip_conjunction(t_.key(p));
    for (std::u16string_view particle : {u"لكن"sv, u"انه"sv, u"انها"sv, u"انهم"sv}) {
      if (key == particle) return particle != u"لكن"sv;
      if (particle == u"لكن"sv && key.size() > 3 && key.starts_with(particle)) return true;  // لكنه، لكنها
    }
    return false;
  }

  bool starts_with_bi(size_t token) const {
    return t_.is_word(token) && t_.key(token).size() > 1 && t_.key(token)[0] == u'ب' && t_.key(token) != u"باسم"sv;
  }

  // "أما صحيفة المساء فرأت أن …": after أما, the topic is the subject of the ف-verb.
  std::optional<Phrase> topic_before(size_t i) const {
    if (t_.key(i)[0] != u'ف') return std::nullopt;
    // "أما الرئيس التنفيذي، فيصل القحطاني، فقال": a comma may close the topic.
    const size_t p0 = np_.previous_non_space(i);
    std::optional<Phrase> topic = np_.before(p0 != SIZE_MAX && is_comma(t_.punct(p0)) ? p0 : i);
    if (!topic) return std::nullopt;
    const size_t p = np_.previous_non_space(topic->first);
    if (p == SIZE_MAX || !t_.is_word(p) || strip_conjunction(t_.key(p)) != u"اما"sv) return std::nullopt;
    return topic;
  }

  // "وجاء في البيان أن …" / "جاء في رسالة الوزير: …": the document speaks.
  void source_after_fi(size_t i, const CueEntry& cue) {
    const size_t fi = np_.next_non_space(i + 1);
    if (!t_.is_word(fi) || t_.key(fi) != u"في"sv) return;
    const auto source = np_.after(fi + 1, true);
    if (!source) return;
    const Opening o = find_opening(source->resume, cue.frames & (kThat | kColon));
    if (o.kind == Introducer::None) return;
    DraftClaim c;
    c.cue = cue_span(i);
    c.speaker = mention(source);
    c.confidence = 0.75;
    add_content(std::move(c), o);
  }

  // «…»، قالت زاخاروفا: the quote before the verb is its content.
  void postposed_quote(size_t i, DraftClaim c, const std::optional<Phrase>& subject) {
    size_t k = np_.previous_non_space(i);
    if (k == SIZE_MAX) return;
    if (is_comma(t_.punct(k))) k = np_.previous_non_space(k);  // «…»، قالت; also «…؟» تقول
    if (k == SIZE_MAX) return;
    const int32_t q = s_.quote_at(k);
    if (q < 0 || s_.quotes()[q].close != k || !s_.quotes()[q].closed) return;
    c.speaker = mention(subject);
    if (!c.speaker) {
      c.antecedent = Antecedent::Previous;
      find_sentence_subject(i, c);
    }
    c.type = ClaimType::Direct;
    c.content = quote_content(s_.quotes()[q]);
    c.confidence = 0.8;
    // «…»، تقول ضاحكة. «…». — a quote that is the next sentence, in the same
    // paragraph, goes on with the same source and cue.
    const size_t end = s_.next_sentence_end(i);
    DraftClaim next = c;
    // «…»، قال X في ختام كلمته، «…»: the quote goes on after the cue and its subject.
    for (size_t j = i + 1, words = 0; j < end && words < 20; ++j) {
      if (t_.is_word(j)) {
        if (s_.quote_at(j) < 0 && np_.cue(j) && j != i) break;
        words += s_.quote_at(j) < 0;
        continue;
      }
      const int32_t sq = s_.quote_at(j);
      if (sq < 0 || s_.quotes()[sq].open != j) continue;
      if (is_comma(t_.punct(np_.previous_non_space(j))) && s_.quotes()[sq].closed) {
        DraftClaim rest = c;
        rest.content = quote_content(s_.quotes()[sq]);
        push(std::move(c));
        c = std::move(rest);
      }
      break;
    }
    push(std::move(c));
    if (end >= t_.size() || t_[end].kind == TokenKind::LineBreak) return;
    const size_t open = np_.next_non_space(end + 1);
    const int32_t nq = open < t_.size() ? s_.quote_at(open) : -1;
    if (nq < 0 || s_.quotes()[nq].open != open || !s_.quotes()[nq].closed) return;
    const size_t after = np_.next_non_space(s_.quotes()[nq].close + 1);
    if (after < t_.size() && !s_.ends_sentence(after) && !s_.ends_paragraph(after)) return;
    next.content = quote_content(s_.quotes()[nq]);
    push(std::move(next));
  }

  void participle(size_t i, const CueEntry& cue) {
    // Only the adverbial forms (مؤكداً، مشيرةً) after a clause report speech.
    // Plural ones too (معتبرين، مؤكدات), but not a definite adjective (المؤكد).
    const std::u16string_view key = t_.key(i);
    const bool adverbial = key.back() == u'ا' || key.back() == u'ه' ||
                           ((key.ends_with(u"ين"sv) || key.ends_with(u"ات"sv)) && !key.starts_with(u"ال"sv));
    if (!adverbial) return;
    const size_t before = np_.previous_non_space(i);
    if (before == SIZE_MAX || s_.ends_sentence(before)) return;  // "ملاحظة: …" opens a line
    // "كان القرار متوقعاً": after كان the participle is a predicate.
    if (t_.is_word(before) && (np_.classes(before) & kAuxiliary)) return;
    DraftClaim c;
    c.cue = cue_span(i);
    c.agreement = {cue.gender, cue.number};
    const size_t after_cue = absorb_saying(i, *c.cue);
    Opening o = find_opening(after_cue + 1, cue.frames & ~kObject);
    // "نافياً وجود أي تأخير"، "معتبرةً الخطوة انتهاكاً": a stance on a noun object.
    if (o.kind == Introducer::None && (cue.frames & kObject)) {
      const size_t k = np_.next_non_space(after_cue + 1);
      if (t_.is_word(k) && !(np_.classes(k) & (kPreposition | kComplementizer | kTime | kConjunction | kAccordingTo)) &&
          !np_.cue(k)) {
        o.kind = Introducer::Object;
        o.token = k;
        o.content_start = t_[k].start;
      }
    }
    if (o.kind == Introducer::None) return;
    c.antecedent = Antecedent::Previous;
    find_sentence_subject(i, c);
    c.confidence = 0.7;
    add_content(std::move(c), o);
  }

  void verbal_noun(size_t i, const CueEntry& cue) {
    // تصريح / إعلان / القول: a noun cue needs its source next to it and a
    // clear content: "إعلان الولايات المتحدة وقف …"، "إدارة ترامب القول إنه …".
    DraftClaim c;
    c.cue = cue_span(i);
    std::optional<Phrase> subject = np_.after(i + 1, true);
    // "إعلان الدباغ أن …": a name the article has already given as a source.
    if (!subject)
      if (auto named = np_.after(i + 1, false); named && is_known_source(*named)) subject = named;
    Opening o = find_opening(subject ? subject->resume : i + 1, cue.frames & (kThat | kColon));
    if (o.kind == Introducer::None && subject && (cue.frames & kObject)) {
      o.kind = Introducer::Object;
      o.token = object_start(subject->resume);
      if (!t_.is_word(o.token)) return;
      o.content_start = t_[o.token].start;
    }
    if (o.kind == Introducer::None) return;
    if (!subject) {
      subject = np_.before(i);
      if (!subject || !np_.after(subject->first, true)) return;
    }
    c.speaker = mention(subject);
    c.confidence = 0.5;
    add_content(std::move(c), o);
  }

  // Index one past the words of an according-to phrase starting at `i`, or 0.
  size_t according_to_at(size_t i) const {
    // Asked of every word: the class test is kept apart so that it stays inline.
    return (np_.classes(i) & kAccordingTo) ? according_to_phrase_end(i) : 0;
  }
  size_t according_to_phrase_end(size_t i) const {
    const std::u16string_view first = strip_conjunction(t_.key(i));
    for (const AccordingToPhrase& p : lex_.according_to()) {
      size_t j = i;
      bool match = true;
      for (size_t w = 0; w < p.words.size(); ++w) {
        if (!t_.is_word(j)) {
          match = false;
          break;
        }
        const std::u16string_view key = w == 0 ? first : t_.key(j);
        if (key != p.words[w] && !(w == 0 && t_.key(i) == p.words[w])) {
          match = false;
          break;
        }
        j = np_.next_non_space(j + 1);
      }
      if (!match) continue;
      // "وفقا لـ" / "نقلا عن": the preposition may stand alone or be attached.
      if (p.attached.empty()) return j;
      // The phrase needs its preposition: alone ("نقلا عن"), or ل on the next word ("وفقا لوكالة").
      if (t_.is_word(j) && t_.key(j) == p.attached) return np_.next_non_space(j + 1);
      if (p.attached == u"ل"sv && t_.is_word(j) && t_.key(j).size() > 2 && t_.key(j)[0] == u'ل') return j;
    }
    return 0;
  }

  // "على حد قوله، على حد تعبيرها": the source is the pronoun. Index one past the phrase, or 0.
  // Its first word opens according-to phrases (على حد تعبير): the class test turns the rest away.
  size_t according_to_pronoun_at(size_t i) const {
    if (!(np_.classes(i) & kAccordingTo) || t_.key(i) != u"علي"sv) return 0;
    const size_t hadd = np_.next_non_space(i + 1);
    if (!t_.is_word(hadd) || t_.key(hadd) != u"حد"sv) return 0;
    const size_t said = np_.next_non_space(hadd + 1);
    if (!t_.is_word(said)) return 0;
    const std::u16string_view key = t_.key(said);
    for (std::u16string_view noun : {u"قول"sv, u"تعبير"sv, u"وصف"sv})
      if (key.starts_with(noun) && key.size() > noun.size() && key.size() <= noun.size() + 2) return said + 1;
    return 0;
  }

  void according_to_pronoun(size_t i, size_t phrase_end) {
    const size_t before = np_.previous_non_space(i);
    if (before == SIZE_MAX || s_.ends_sentence(before) || s_.ends_paragraph(before)) return;
    DraftClaim c;
    c.cue = Span{t_[i].start, t_[phrase_end - 1].end};
    const std::u16string_view pronoun = t_.key(phrase_end - 1);
    c.agreement = {pronoun.ends_with(u"ها"sv) ? Gender::Feminine : Gender::Masculine,
                   pronoun.ends_with(u"هم"sv) ? Number::Plural : Number::Singular};
    c.antecedent = Antecedent::Previous;
    find_sentence_subject(i, c);
    c.confidence = 0.65;
    trailing_according_to(i, before, std::move(c));
  }

  void according_to(size_t i, size_t phrase_end) {
    // The source follows the phrase, with "لـ" attached to it for وفقا لـ.
    DraftClaim c;
    const Token& first = t_[i];
    uint32_t cue_start = first.start;
    if (t_.key(i).size() > 2 && (t_.key(i)[0] == u'و' || t_.key(i)[0] == u'ف') &&
        !(lex_.classes(t_.key(i)) & kAccordingTo))
      cue_start = after_first_letter(t_.source(), first.start, first.end);
    size_t source_start = phrase_end;
    const std::u16string_view phrase_first =
        (lex_.classes(t_.key(i)) & kAccordingTo) ? t_.key(i) : strip_conjunction(t_.key(i));
    uint32_t cue_end = t_[np_.previous_non_space(phrase_end)].end;
    std::optional<Phrase> source;
    const bool attached_lam = (phrase_first == u"وفقا"sv || phrase_first == u"طبقا"sv) && t_.is_word(source_start) &&
                              t_.key(source_start).size() > 2 && t_.key(source_start)[0] == u'ل';
    // بحسب ما نقلت عنه X، حسبما أفادت X: a relay of the claim before it, or X speaks.
    if (auto relayed = relative_according_to_source(i, source_start)) {
      source = relayed;
    } else {
      source = np_.after(source_start, false, attached_lam);
      if (source && attached_lam && source->first == source_start) {
        const Token& tok = t_[source_start];
        source->start = after_first_letter(t_.source(), tok.start, tok.end);
        cue_end = source->start;
      }
    }
    if (!source) return;
    // Fronted: "وبحسب بيسكوف، فإنّ …" — the content follows.
    const size_t before = np_.previous_non_space(i);
    const bool fronted = before == SIZE_MAX || s_.ends_sentence(before) || s_.ends_paragraph(before) ||
                         (t_.is_word(before) && (lex_.classes(t_.key(before)) & kConjunction));
    // A fronted source runs to its comma: "وفقا لمصادر طبية في مستشفى المدينة، فإن …".
    if (fronted) extend_to_comma(*source);
    c.cue = Span{cue_start, cue_end};
    c.speaker = mention(source);

    if (fronted) {
      size_t k = np_.next_non_space(source->resume);
      if (k < t_.size() && is_comma(t_.punct(k))) k = np_.next_non_space(k + 1);
      if (!t_.is_word(k) && s_.quote_at(k) < 0) return;
      Opening o;
      o.kind = Introducer::Clause;
      o.token = k;
      o.content_start = t_[k].start;
      if (np_.is_complementizer(k)) {
        o.kind = Introducer::Complementizer;
        o.content_start = t_[k].end;
      } else if (t_.is_word(k) && (t_.key(k) == u"فقد"sv || t_.key(k) == u"فان"sv)) {
        o.token = np_.next_non_space(k + 1);
        o.content_start = t_[o.token].start;
      }
      c.confidence = 0.75;
      add_content(std::move(c), o);
      return;
    }
    trailing_according_to(i, before, std::move(c));
  }

  // Trailing: "…، وفقا لوكالة نوفوستي." — a relay of a claim the sentence
  // already has, or the content is the clause before it.
  void trailing_according_to(size_t i, size_t before, DraftClaim c) {
    size_t end = before;
    if (is_comma(t_.punct(end))) end = np_.previous_non_space(end);
    if (end == SIZE_MAX) return;
    // The clause runs back to the sentence start (or a ؛), over quotations, within bounds.
    size_t start = end;
    for (size_t steps = 0; start > 0 && steps < kMaxContentTokens; ++steps) {
      const size_t previous = start - 1;
      if (const int32_t q = s_.quote_at(previous); q >= 0) {
        start = s_.quotes()[q].open;
        continue;
      }
      if (s_.ends_sentence(previous) || s_.ends_paragraph(previous) || t_.punct(previous) == u'\u061B') break;
      start = previous;
    }
    start = np_.next_non_space(start);
    // "على حد تعبيره" after a claim with its own cue is not a second claim (decision 12).
    if (!c.speaker)
      for (size_t n = claims_.size(), seen = 0; n-- > 0 && seen < 8; ++seen)
        if (claims_[n].cue && claims_[n].cue->start >= t_[start].start && claims_[n].cue->start < t_[i].start) return;
    // Only claims of this sentence can be relayed: look at the last few.
    for (size_t n = claims_.size(), seen = 0; n-- > 0 && seen < 8; ++seen) {
      DraftClaim& other = claims_[n];
      if (other.content.end == t_[end].end ||
          (other.cue && other.cue->start < t_[i].start && other.content.start > t_[i].start)) {
        if (!other.reported_by) other.reported_by = c.speaker;
        return;
      }
    }
    // "«…»، بحسب ما قال X": a quote that is the whole clause is the content.
    if (const int32_t q = s_.quote_at(end);
        q >= 0 && s_.quotes()[q].closed && s_.quotes()[q].close == end && s_.quotes()[q].open <= start) {
      c.type = ClaimType::Direct;
      c.content = quote_content(s_.quotes()[q]);
      c.confidence = 0.75;
      push(std::move(c));
      return;
    }
    if (start > end) return;
    const std::u16string_view first_key = t_.is_word(start) ? t_.key(start) : std::u16string_view();
    c.content = Span{t_[start].start, t_[end].end};
    // An attached و or ف is cut off the content, unless the word is known whole (وزارة).
    if (first_key.size() > 2 && (first_key[0] == u'و' || first_key[0] == u'ف') && !lex_.classes(first_key))
      c.content.start = after_first_letter(t_.source(), t_[start].start, t_[start].end);
    c.type = long_quote_within(start, end) ? ClaimType::Mixed : ClaimType::Indirect;
    c.confidence = 0.7;
    push(std::move(c));
  }

  // Headline colon form: "الكرملين: تعليق الأسلحة سيُنهي الصراع".
  void headlines() {
    for (const uint32_t i : colons_) {
      // The source is the short run of words before the colon, back to the
      // start of the line or a ".." / "-" / "|" separator.
      size_t start = i;
      size_t words = 0;
      bool clean = true;
      size_t addressee = SIZE_MAX;
      size_t j = i;
      while (j > 0) {
        --j;
        const Token& tok = t_[j];
        if (tok.kind == TokenKind::LineBreak) break;
        if (tok.kind == TokenKind::Space) continue;
        if (tok.kind == TokenKind::Punctuation) {
          const char16_t c = t_.punct(j);
          if (c == u'.' || c == u'-' || c == u'|' || c == u'\u2013' || c == u'\u2014') break;
          if (s_.quote_at(j) >= 0 || c == u'+') {
            start = j;
            continue;
          }
          clean = false;
          break;
        }
        // لـ"النهار": a detached لـ before a quoted outlet marks the addressee.
        if (t_.key(j) == u"ل"sv && j + 1 < t_.size() && s_.quote_at(j + 1) >= 0 && start == j + 1) {
          addressee = j;
          start = j;
          continue;
        }
        const uint32_t c = np_.classes(j);
        if (np_.cue(j) || (c & (kPreposition | kComplementizer | kStop | kTime)) || np_.is_complementizer(j)) {
          clean = false;
          break;
        }
        start = j;
        if (++words > 5) break;
      }
      if (addressee != SIZE_MAX && addressee == start) continue;  // only the addressee before the colon
      if (!clean || words == 0 || words > 5) continue;
      // The source names someone: a title, an organisation, a known name, or
      // any name at the head of a short headline line ("بيسكوف: …").
      size_t first_word = start;
      while (first_word < i && !t_.is_word(first_word)) ++first_word;
      if (words == 1 && t_.key(first_word).size() < 2) continue;  // "س: … ج: …" in an interview
      const bool headline_line = s_.paragraph_start(i) == start || s_.paragraph_start(i) + 1 >= start;
      const bool names = (np_.classes(first_word) & (kSpeakerHead | kNameToken)) ||
                         (headline_line && !t_.key(first_word).starts_with(u"ال"sv));
      if (!names) continue;
      // The content runs to the end of the line.
      size_t last = i;
      size_t content_words = 0;
      for (size_t k = i + 1; k < t_.size() && t_[k].kind != TokenKind::LineBreak; ++k) {
        if (t_[k].kind == TokenKind::Space) continue;
        last = k;
        content_words += t_.is_word(k);
      }
      if (content_words < 2) continue;
      while (last > i && t_[last].kind == TokenKind::Punctuation && s_.quote_at(last) < 0) --last;
      const size_t first_content = np_.next_non_space(i + 1);
      // Drop an addressee (زاخاروفا للناتو) and quote marks around a bare name.
      size_t source_first = start;
      size_t source_last = np_.previous_non_space(addressee != SIZE_MAX ? addressee : i);
      while (source_first < source_last && !t_.is_word(source_first)) ++source_first;
      while (source_last > source_first && !t_.is_word(source_last) && t_.punct(source_last) != u'+') --source_last;
      if (source_last > source_first && t_.is_word(source_last) && t_.key(source_last).size() > 2 &&
          t_.key(source_last)[0] == u'ل')
        source_last = np_.previous_non_space(source_last);
      Phrase p{static_cast<uint32_t>(source_first), static_cast<uint32_t>(source_last), t_[source_first].start,
               t_[source_last].end};
      const std::u16string_view first_key = t_.key(source_first);
      if (first_key.size() > 2 && first_key[0] == u'و' && (np_.classes(source_first) & kSpeakerHead) != 0 &&
          !(lex_.classes(first_key) & kSpeakerHead))
        p.start = after_first_letter(t_.source(), t_[source_first].start, t_[source_first].end);
      DraftClaim c;
      c.speaker = np_.analyse(p);
      c.type = ClaimType::Indirect;
      c.content = Span{t_[first_content].start, t_[last].end};
      if (const int32_t q = s_.quote_at(first_content);
          q >= 0 && s_.quotes()[q].open == first_content && s_.quotes()[q].close == last)
        c.content = quote_content(s_.quotes()[q]);
      c.confidence = 0.6;
      push(std::move(c));
    }
  }

  // A paragraph that is only a quotation: a subhead quoting the main source.
  void quoted_subheads() {
    for (const Quote& q : s_.quotes()) {
      if (!q.closed) continue;
      const size_t before = np_.previous_non_space(q.open);
      if (before != SIZE_MAX && !s_.ends_paragraph(before)) continue;
      size_t after = np_.next_non_space(q.close + 1);
      while (after < t_.size() && t_[after].kind == TokenKind::Punctuation && s_.ends_sentence(after) &&
             t_[after].kind != TokenKind::LineBreak)
        after = np_.next_non_space(after + 1);
      if (after < t_.size() && !s_.ends_paragraph(after)) continue;
      DraftClaim c;
      c.type = ClaimType::Direct;
      c.content = quote_content(q);
      c.antecedent = Antecedent::MainSpeaker;
      c.confidence = 0.5;
      if (c.content.end > c.content.start) push(std::move(c));
    }
  }

  // --- sources --------------------------------------------------------------

  bool names_source(const Phrase& p) const {
    size_t head = p.first;  // past a count: "خمسة مصادر"
    while (head < p.last && (np_.classes(head) & kNumber || !t_.is_word(head) || t_[head].kind == TokenKind::Space))
      ++head;
    return (np_.classes(head) & (kSpeakerHead | kNameToken)) || is_known_source(p);
  }

  bool is_known_source(const Phrase& p) const {
    const Mention m = np_.analyse(p);
    return std::any_of(m.name_keys.begin(), m.name_keys.end(),
                       [&](const std::u16string& k) { return k.size() > 2 && known_names_.count(k); });
  }

  // A word (with or without its article) of the name of a source so far.
  bool is_known_name(std::u16string_view key) const {
    return !known_names_.empty() && known_names_.count(without_article(key));
  }

  // For pro-drop: the first source-like noun phrase of the same sentence
  // that agrees with the cue ("سخرت المتحدثة باسم الخارجية … وعدّت ذلك").
  // Fills the claim's subject and where its sentence starts.
  void find_sentence_subject(size_t cue, DraftClaim& c) const {
    // This sentence first, then the ones before it ("التقى الرئيس … . وقال إن …").
    size_t end = cue;
    for (int sentence = 0; sentence < 3 && end > 0; ++sentence) {
      size_t start = end;
      while (start > 0 && cue - start < kMaxSubjectDistance && !s_.ends_sentence(start - 1)) --start;
      if (auto m = first_agreeing_source(start, end, c.agreement)) {
        c.subject = std::move(m);
        c.subject_sentence_start = t_[start].start;
        return;
      }
      if (start == 0 || cue - start >= kMaxSubjectDistance) break;
      // The previous sentence ends at start - 1, after any run of ends ("البحر.\n\n").
      end = start - 1;
      while (end > 0 && (s_.ends_sentence(end - 1) || t_[end - 1].kind == TokenKind::Space)) --end;
    }
    return;
  }

  // قالت، وقفت، تقف، وتقول: third person feminine, past or present.
  bool feminine_verb(size_t token) const {
    const std::u16string_view key = strip_conjunction(t_.key(token));
    if (key.size() < 3 || key.starts_with(u"ال"sv) || (np_.classes(token) & ~kConjunction)) return false;
    if (const CueEntry* cue = np_.cue(token)) return cue->gender == Gender::Feminine;
    return key.back() == u'ت' || key.front() == u'ت';
  }

  std::optional<Mention> first_agreeing_source(size_t start, size_t end, Agreement agreement) const {
    for (size_t j = start; j < end; ++j) {
      if (const int32_t q = s_.quote_at(j); q >= 0) {
        j = s_.quotes()[q].closed ? s_.quotes()[q].close : s_.quotes()[q].close - 1;
        continue;
      }
      // A title or a body, a name the article has given a source (وردّ الخزرجي …، نافياً),
      // or a person's name in the narration (تقف ريما الحاج على الرمل …).
      if (!t_.is_word(j)) continue;
      const uint32_t classes = np_.classes(j);
      // A narrated name follows a verb, a comma or the sentence start, not a noun (المخيم بات غير صالح).
      const size_t before_name = (classes & kNameToken) ? np_.previous_non_space(j) : SIZE_MAX;
      const bool name_start = (classes & kNameToken) && !t_.key(j).starts_with(u"ال"sv) &&
                              (before_name == SIZE_MAX || !t_.is_word(before_name) ||
                               (!t_.key(before_name).starts_with(u"ال"sv) &&
                                !(np_.classes(before_name) & (kNameToken | kTitle | kTitleFeminine))));
      const bool known_name = name_start || is_known_name(t_.key(j));
      if (!known_name && !(classes & (kTitle | kTitleFeminine | kOrganization | kState | kMedia | kGroup))) continue;
      const size_t p = np_.previous_non_space(j);
      if (p != SIZE_MAX && p >= start && t_.is_word(p) && (np_.classes(p) & kPreposition)) continue;  // في روسيا
      auto phrase = known_name ? np_.after(j, false) : np_.after(j, true);
      if (!phrase) continue;
      // A name in the narration is two name words or more, and ends before any
      // other word ("درست ريما الهندسة"; "بات غير صالح" is no name).
      if (name_start && !is_known_name(t_.key(j))) {
        size_t words = 0, last = j;
        for (size_t k = j; k <= phrase->last; k = np_.next_non_space(k + 1)) {
          const bool name_word =
              t_.is_word(k) && ((np_.classes(k) & kNameToken) || (k != j && (np_.classes(k) & kTitle)) ||
                                (np_.classes(k) == 0 && !np_.cue(k) && !t_.key(k).ends_with(u"ه"sv) &&
                                 t_.key(k)[0] != u'ل' && t_.key(k)[0] != u'ب'));
          if (!name_word) break;
          ++words;
          last = k;
        }
        if (words < 2) continue;
        phrase->last = static_cast<uint32_t>(last);
        phrase->end = t_[last].end;
      }
      Mention m = np_.analyse(*phrase);
      // A name without a title takes its gender from the verb before it (تقف ريما).
      if (name_start && m.kind == EntityKind::Person && m.title.length() == 0 && before_name != SIZE_MAX &&
          t_.is_word(before_name) && feminine_verb(before_name))
        m.agreement.gender = Gender::Feminine;
      if (agrees(agreement, m)) return m;
      j = phrase->last;
    }
    return std::nullopt;
  }

  const Tokens& t_;
  const TextStructure& s_;
  const Lexicon& lex_;
  NounPhrases np_;
  std::vector<DraftClaim> claims_;
  // Looked up by view, so that asking of a word copies nothing.
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::u16string_view key) const { return std::hash<std::u16string_view>{}(key); }
  };
  std::unordered_set<std::u16string, KeyHash, std::equal_to<>> known_names_;  // name words of the sources so far
  uint32_t consumed_until_ = 0;
  uint32_t content_end_ = 0;  // end of the furthest content so far
  // One entry per token (and one past the last), see index_content_stops().
  std::unique_ptr<uint32_t[]> next_stop_;
  std::unique_ptr<uint32_t[]> next_comma_;
  std::unique_ptr<uint32_t[]> words_before_;        // words outside quotations before each token
  std::unique_ptr<uint32_t[]> last_content_token_;  // last word or quoted token at or before each token
  std::vector<uint32_t> long_quotes_;  // opening marks of quotes of three words or more, in order
  std::vector<uint32_t> colons_;       // colons outside quotations, where headlines may be
};

}  // namespace

std::vector<DraftClaim> find_claims(const Tokens& tokens, const TextStructure& structure) {
  return ClaimFinder(tokens, structure).run();
}

}  // namespace isnad::ar
