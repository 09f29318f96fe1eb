#include "json/json.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace isnad {
namespace {

const char* type_name(ClaimType t) {
  switch (t) {
    case ClaimType::Direct: return "direct";
    case ClaimType::Mixed: return "mixed";
    default: return "indirect";
  }
}

const char* kind_name(EntityKind k) {
  switch (k) {
    case EntityKind::Organization: return "organization";
    case EntityKind::Media: return "media";
    case EntityKind::Group: return "group";
    case EntityKind::Document: return "document";
    default: return "person";
  }
}

// Converts UTF-16 offsets to the requested unit: every offset the result
// uses is collected and sorted, then one sweep over the text converts them all.
class OffsetMap {
 public:
  OffsetMap(const Result& r, std::u16string_view text, OffsetUnit unit, std::span<const Replacement> replacements)
      : unit_(unit) {
    if (unit == OffsetUnit::Utf16) return;
    auto add = [&](const Span& s) {
      from_.push_back(s.start);
      from_.push_back(s.end);
    };
    for (const Claim& c : r.claims) {
      add(c.content);
      if (c.cue) add(*c.cue);
      if (c.speaker_mention) add(*c.speaker_mention);
    }
    for (const Entity& e : r.speakers)
      for (const Span& m : e.mentions) add(m);
    std::sort(from_.begin(), from_.end());
    from_.erase(std::unique(from_.begin(), from_.end()), from_.end());
    to_.resize(from_.size());
    size_t i = 0, converted = 0, next_replacement = 0;
    for (size_t k = 0; k < from_.size(); ++k) {
      while (i < from_[k] && i < text.size()) {
        if (unit == OffsetUnit::Utf8 && next_replacement < replacements.size() &&
            replacements[next_replacement].at == i) {
          converted += replacements[next_replacement++].bytes;  // the U+FFFD stands for these input bytes
          ++i;
          continue;
        }
        UChar32 c;
        U16_NEXT(text.data(), i, text.size(), c);
        // A lone surrogate is written as U+FFFD: 3 bytes.
        converted += unit == OffsetUnit::CodePoint ? 1 : U_IS_SURROGATE(c) ? 3 : U8_LENGTH(c);
      }
      to_[k] = converted;
    }
  }

  size_t operator()(uint32_t offset) const {
    if (unit_ == OffsetUnit::Utf16) return offset;
    return to_[std::lower_bound(from_.begin(), from_.end(), offset) - from_.begin()];
  }

 private:
  OffsetUnit unit_;
  std::vector<uint32_t> from_;
  std::vector<size_t> to_;
};

// Writes JSON straight into a string: the result can hold thousands of spans,
// and building a document tree first would cost more than extraction itself.
class Writer {
 public:
  explicit Writer(std::u16string_view text, const OffsetMap& offset) : text_(text), offset_(offset) {}

  std::string& out() { return out_; }
  void raw(std::string_view s) { out_ += s; }
  void number(size_t n) {
    char digits[24];
    out_.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
  }
  void key(std::string_view k) {
    out_ += '"';
    out_ += k;
    out_ += "\":";
  }

  // A JSON string from UTF-16: escapes, and U+FFFD for unpaired surrogates.
  // The bytes gather in a small buffer: appending them one character at a
  // time would cost more than the conversion.
  void string(std::u16string_view s) {
    char buffer[512];
    size_t used = 0;
    buffer[used++] = '"';
    for (size_t i = 0; i < s.size();) {
      if (used > sizeof buffer - 8) {  // room for the longest form, \u00XX
        out_.append(buffer, used);
        used = 0;
      }
      // Most text (Latin, Arabic) is below the surrogates and needs no escape.
      if (const char16_t unit = s[i]; unit >= 0x20 && unit < 0xD800 && unit != '"' && unit != '\\') {
        U8_APPEND_UNSAFE(buffer, used, unit);
        ++i;
        continue;
      }
      UChar32 c;
      U16_NEXT(s.data(), i, s.size(), c);
      if (U_IS_SURROGATE(c)) c = 0xFFFD;
      const char* escape = nullptr;
      switch (c) {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default: break;
      }
      if (escape) {
        buffer[used++] = escape[0];
        buffer[used++] = escape[1];
      } else if (c < 0x20) {
        constexpr char kHex[] = "0123456789abcdef";
        for (const char e : {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]}) buffer[used++] = e;
      } else {
        U8_APPEND_UNSAFE(buffer, used, c);  // c is a scalar value here
      }
    }
    buffer[used++] = '"';
    out_.append(buffer, used);
  }
  void string(std::string_view ascii) {
    out_ += '"';
    out_ += ascii;
    out_ += '"';
  }

  void span(const Span& s) {
    raw("{\"start\":");
    number(offset_(s.start));
    raw(",\"end\":");
    number(offset_(s.end));
    raw(",\"text\":");
    string(text_.substr(s.start, s.length()));
    raw("}");
  }
  // Two decimals, written from integers so that no locale can make it "0,85".
  void confidence(double value) {
    const int hundredths = confidence_hundredths(value);
    out_.push_back(static_cast<char>('0' + hundredths / 100));
    out_.push_back('.');
    out_.push_back(static_cast<char>('0' + hundredths / 10 % 10));
    out_.push_back(static_cast<char>('0' + hundredths % 10));
  }
  void optional_span(const std::optional<Span>& s) {
    if (s) span(*s);
    else raw("null");
  }
  void entity_id(int e) {
    if (e < 0) {
      raw("null");
      return;
    }
    raw("\"s");
    number(static_cast<size_t>(e) + 1);
    raw("\"");
  }

 private:
  std::u16string_view text_;
  const OffsetMap& offset_;
  std::string out_;
};

}  // namespace

std::string to_json(const Result& result, std::u16string_view text, OffsetUnit unit,
                    std::span<const Replacement> replacements) {
  const OffsetMap offset(result, text, unit, replacements);
  Writer w(text, offset);
  w.out().reserve(64 + result.claims.size() * 256);
  w.raw("{");
  w.key("version");
  w.string(std::string_view(version()));
  w.raw(",");
  w.key("lang");
  w.string(std::string_view(result.lang));
  w.raw(",");
  w.key("offsets");
  w.string(std::string_view(unit == OffsetUnit::Utf16 ? "utf16" : unit == OffsetUnit::CodePoint ? "codepoint" : "utf8"));
  w.raw(",");
  w.key("claims");
  w.raw("[");
  for (size_t i = 0; i < result.claims.size(); ++i) {
    const Claim& c = result.claims[i];
    if (i) w.raw(",");
    w.raw("{\"id\":\"c");
    w.number(i + 1);
    w.raw("\"");
    w.raw(",\"type\":");
    w.string(std::string_view(type_name(c.type)));
    w.raw(",\"cue\":");
    w.optional_span(c.cue);
    w.raw(",\"content\":");
    w.span(c.content);
    w.raw(",\"speaker\":");
    w.entity_id(c.speaker);
    w.raw(",\"speaker_mention\":");
    w.optional_span(c.speaker_mention);
    w.raw(",\"reported_by\":");
    w.entity_id(c.reported_by);
    w.raw(",\"confidence\":");
    w.confidence(c.confidence);
    w.raw("}");
  }
  w.raw("],");
  w.key("speakers");
  w.raw("[");
  for (size_t i = 0; i < result.speakers.size(); ++i) {
    const Entity& e = result.speakers[i];
    if (i) w.raw(",");
    w.raw("{\"id\":");
    w.entity_id(static_cast<int>(i));
    w.raw(",\"name\":");
    w.string(std::u16string_view(e.name));
    w.raw(",\"kind\":");
    w.string(std::string_view(kind_name(e.kind)));
    w.raw(",\"title\":");
    if (e.title.empty()) w.raw("null");
    else w.string(std::u16string_view(e.title));
    w.raw(",\"mentions\":[");
    for (size_t m = 0; m < e.mentions.size(); ++m) {
      if (m) w.raw(",");
      w.span(e.mentions[m]);
    }
    w.raw("]}");
  }
  w.raw("]}");
  return std::move(w.out());
}

}  // namespace isnad
